package org.wnverify.numeric.discrete;

/**
 * The end of one descent run.
 *
 * @param x the final weights (for WN: r u / ||u||)
 * @param signal the recovered signal x^{.L} (u^{.L} - v^{.L} for the signed loss)
 * @param initialLoss the loss at the start
 * @param finalLoss the loss at the end
 * @param iterations accepted steps taken
 * @param stop why the run ended
 * @param maxRelativeIncrease the largest relative loss increase of an accepted step (0 for a
 *     monotone run; always 0 under Armijo backtracking, which only accepts decreases)
 * @param traceIterations iteration numbers of the recorded losses
 * @param traceLosses the recorded losses
 * @param finalR the final r for WN runs, NaN for plain GD
 */
public record DescentRun(
    double[] x,
    double[] signal,
    double initialLoss,
    double finalLoss,
    long iterations,
    Stop stop,
    double maxRelativeIncrease,
    long[] traceIterations,
    double[] traceLosses,
    double finalR) {

  /** Why a run ended. */
  public enum Stop {
    /** The loss reached the target. */
    TARGET,
    /** The iteration cap was hit first. */
    ITERATION_CAP,
    /** The gradient vanished or the line search could not decrease the loss. */
    STALLED,
    /** A non-finite loss under a constant step. */
    DIVERGED
  }

  public boolean reachedTarget() {
    return stop == Stop.TARGET;
  }
}
