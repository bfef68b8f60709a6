package org.wnverify.numeric.discrete;

/**
 * Stopping and recording settings shared by the descent methods.
 *
 * @param maxIterations iteration cap (the paper uses 10^6)
 * @param lossTarget stop once the loss is at or below this (the paper uses 10^-12)
 * @param step the step rule
 * @param traceEvery record the loss every this many iterations (and at the end); 0 records nothing
 * @param checkpoint called every {@link #CHECKPOINT_EVERY} iterations; may throw to abort the run
 */
public record DescentOptions(
    long maxIterations, double lossTarget, StepRule step, int traceEvery, Runnable checkpoint) {
  /** Iterations between checkpoint calls: well under a second even at the paper's sizes. */
  public static final int CHECKPOINT_EVERY = 256;

  public DescentOptions {
    if (maxIterations < 0 || traceEvery < 0) {
      throw new IllegalArgumentException("negative iteration count");
    }
    if (checkpoint == null) {
      checkpoint = () -> { };
    }
  }

  public DescentOptions withStep(StepRule s) {
    return new DescentOptions(maxIterations, lossTarget, s, traceEvery, checkpoint);
  }

  public DescentOptions withMaxIterations(long k) {
    return new DescentOptions(k, lossTarget, step, traceEvery, checkpoint);
  }
}
