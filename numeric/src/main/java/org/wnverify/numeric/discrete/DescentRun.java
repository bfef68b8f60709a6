package org.wnverify.numeric.discrete;

/**
 * The end of one descent run.
 *
 * @param x the final weights (for WN: r u / ||u||)
 * @param signal the recovered signal x^{.L} (u^{.L} - v^{.L} for the signed loss)
 * @param initialLoss the loss at the start
 * @param finalLoss the loss at the end
 * @param iterations accepted steps taken
 * @param lossEvaluations loss evaluations (one per accepted step plus the rejected trials of the
 *     line search, plus the initial one)
 * @param stop why the run ended
 * @param maxRelativeIncrease the largest relative loss increase of an accepted step (0 for a
 *     monotone run; always 0 under Armijo backtracking, which only accepts decreases)
 * @param traceIterations iteration numbers of the recorded losses
 * @param traceLosses the recorded losses
 * @param traceErrors the errors ({@link DescentOptions#error()}) at the same iterations; NaN
 *     without an error function
 * @param finalR the final r for WN runs, NaN for plain GD
 * @param finalUNorm the final ||u|| for WN runs (the flow keeps it at ||u0||; a step h grows it,
 *     since each u-step is orthogonal to u: ||u||^2 gains h^2 ||du||^2), NaN for plain GD
 * @param plateauChange for a run stopped by the plateau rule, the relative error change over the
 *     last half of the run that triggered it; NaN otherwise
 */
public record DescentRun(
    double[] x,
    double[] signal,
    double initialLoss,
    double finalLoss,
    long iterations,
    long lossEvaluations,
    Stop stop,
    double maxRelativeIncrease,
    long[] traceIterations,
    double[] traceLosses,
    double[] traceErrors,
    double finalR,
    double finalUNorm,
    double plateauChange) {

  /** Why a run ended. */
  public enum Stop {
    /** The loss reached the target. */
    TARGET,
    /** The error settled (see {@link DescentOptions.Plateau}) before the loss reached the target. */
    PLATEAU,
    /** The iteration cap was hit first. */
    ITERATION_CAP,
    /** The time allowance ran out first ({@link DescentOptions#outOfTime()}). */
    TIME,
    /** The gradient vanished or the line search could not decrease the loss. */
    STALLED,
    /** A non-finite loss under a constant step. */
    DIVERGED
  }

  public boolean reachedTarget() {
    return stop == Stop.TARGET;
  }
}
