package org.wnverify.numeric.discrete;

import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;

/**
 * Stopping and recording settings shared by the descent methods.
 *
 * @param maxIterations iteration cap (the paper uses 10^6)
 * @param lossTarget stop once the loss is at or below this (the paper uses 10^-12)
 * @param step the step rule
 * @param tracePoints record the loss at about this many iterations spaced evenly in log(iteration)
 *     over [1, maxIterations] (plus iteration 0 and the last); 0 records nothing
 * @param checkpoint called every {@link #CHECKPOINT_EVERY} iterations; may throw to abort the run
 * @param error the error of a signal (x^{.L}, or u^{.L} - v^{.L}), recorded with the loss trace and
 *     used by the plateau rule; null for none
 * @param plateau an optional second stopping rule (null for none): the error has settled; needs
 *     {@code error}
 * @param outOfTime polled with the checkpoint; when it returns true the run ends with
 *     {@link DescentRun.Stop#TIME} and keeps what it has (null: never)
 */
public record DescentOptions(
    long maxIterations, double lossTarget, StepRule step, int tracePoints, Runnable checkpoint,
    ToDoubleFunction<double[]> error, Plateau plateau, BooleanSupplier outOfTime) {
  /** Iterations between checkpoint calls: well under a second even at the paper's sizes. */
  public static final int CHECKPOINT_EVERY = 256;

  public DescentOptions {
    if (maxIterations < 0 || tracePoints < 0) {
      throw new IllegalArgumentException("negative iteration count");
    }
    if (checkpoint == null) {
      checkpoint = () -> { };
    }
    if (outOfTime == null) {
      outOfTime = () -> false;
    }
    if (plateau != null && error == null) {
      throw new IllegalArgumentException("the plateau rule needs an error function");
    }
  }

  /** The loss-target and iteration-cap rules only. */
  public DescentOptions(long maxIterations, double lossTarget, StepRule step, int tracePoints, Runnable checkpoint) {
    this(maxIterations, lossTarget, step, tracePoints, checkpoint, null, null, null);
  }

  public DescentOptions withStep(StepRule s) {
    return new DescentOptions(maxIterations, lossTarget, s, tracePoints, checkpoint, error, plateau, outOfTime);
  }

  public DescentOptions withMaxIterations(long k) {
    return new DescentOptions(k, lossTarget, step, tracePoints, checkpoint, error, plateau, outOfTime);
  }

  public DescentOptions withPlateau(Plateau p) {
    return new DescentOptions(maxIterations, lossTarget, step, tracePoints, checkpoint, error, p, outOfTime);
  }

  public DescentOptions withError(ToDoubleFunction<double[]> e) {
    return new DescentOptions(maxIterations, lossTarget, step, tracePoints, checkpoint, e, plateau, outOfTime);
  }

  public DescentOptions withOutOfTime(BooleanSupplier t) {
    return new DescentOptions(maxIterations, lossTarget, step, tracePoints, checkpoint, error, plateau, t);
  }

  public DescentOptions withTracePoints(int k) {
    return new DescentOptions(maxIterations, lossTarget, step, k, checkpoint, error, plateau, outOfTime);
  }

  /**
   * The "error has settled" rule: every {@code every} iterations the error
   * ({@link DescentOptions#error()}) of the current signal is evaluated; at an evaluation k >= {@code minIterations} at which the loss is at most
   * {@code maxLoss}, the run ends ({@link DescentRun.Stop#PLATEAU}) if the error changed by at most
   * {@code relativeChange} times its size over the last half of the run, i.e. |e(k) - e(k')| <=
   * relativeChange |e(k)| with k' the evaluation nearest below k/2. For an error approaching its
   * limit geometrically with at least halving of the distance over any half of the run, what is
   * left to change is then below the same bound.
   */
  public record Plateau(
      int every, long minIterations, double relativeChange, double maxLoss) {
    public Plateau {
      if (every < 1 || minIterations < every || !(relativeChange > 0)) {
        throw new IllegalArgumentException("bad plateau rule");
      }
    }
  }
}
