package org.wnverify.numeric.wu;

/**
 * An early stop for runs of Algorithm 1 or 2 that cannot reach their loss target within their iteration
 * budget: a {@link WuAlgorithms.Listener} that stops the run (status {@link DiscreteRun.Status#STOPPED},
 * never CONVERGED) when the best loss so far, extrapolated geometrically at the rate it fell over the last
 * {@code window} iterations, would not reach the target before {@code maxIterations}.
 *
 * <p>Why this rule: the long runs of the Appendix F figures either converge linearly (least squares: the loss
 * falls by a fixed factor per window, so the extrapolation is exact up to the rate's drift) or they oscillate
 * or crawl with a best loss that no longer falls (rPGD with a large direction step). A linearly convergent run
 * that would finish within its budget is never stopped; a run whose rate is slowing down (sublinear) is
 * extrapolated optimistically, so it too is stopped only if it would miss the target even at its current rate.
 * The one run the rule can stop wrongly is one whose loss plateaus and later drops faster (a saddle escape or a
 * schedule change); {@code notBefore} keeps the rule off until any schedule change has happened, and a stopped
 * run is reported as not converged with its loss: the stop can cost a verdict (INCONCLUSIVE) but never forge one.
 */
public final class BudgetStop implements WuAlgorithms.Listener {
  private final double lossTarget;
  private final int maxIterations;
  private final int window;
  private final int notBefore;
  private double best = Double.POSITIVE_INFINITY;
  private double bestAtLastCheck = Double.NaN;
  private String reason = "";
  private boolean stalled;

  /**
   * @param lossTarget the run's loss target (the run converges when its loss is at most this)
   * @param maxIterations the run's iteration budget
   * @param window iterations over which the rate is measured (checks every {@code window} iterations)
   * @param notBefore the first check's iteration (after the last change of the step schedule)
   */
  public BudgetStop(double lossTarget, int maxIterations, int window, int notBefore) {
    if (!(lossTarget > 0) || window < 1 || notBefore < 0) {
      throw new IllegalArgumentException("BudgetStop needs a positive target and window, got " + lossTarget + ", "
          + window);
    }
    this.lossTarget = lossTarget;
    this.maxIterations = maxIterations;
    this.window = window;
    this.notBefore = notBefore;
  }

  @Override
  public boolean iterate(int t, double g, double[] w, double loss, double vNorm) {
    best = Math.min(best, loss);
    if (loss <= lossTarget || t < notBefore || (t - notBefore) % window != 0) {
      return true;
    }
    double previous = bestAtLastCheck;
    bestAtLastCheck = best;
    if (Double.isNaN(previous)) {
      return true;
    }
    double remainingWindows = (double) (maxIterations - t) / window;
    if (!(best < previous)) {
      reason = "best loss " + best + " did not fall over iterations " + (t - window) + ".." + t;
      stalled = true;
      return false;
    }
    // windows needed at the last window's rate: best * (best/previous)^n = target
    double needed = Math.log(lossTarget / best) / Math.log(best / previous);
    if (needed > remainingWindows) {
      reason = "best loss " + best + " at t = " + t + " falls by a factor " + (best / previous) + " per " + window
          + " iterations: " + (long) Math.ceil(needed) + " more windows needed to reach " + lossTarget + ", "
          + String.format("%.1f", remainingWindows) + " left in the budget of " + maxIterations;
      return false;
    }
    return true;
  }

  /** The run was stopped because its best loss did not fall at all over a window (not merely too slowly). */
  public boolean stalled() {
    return stalled;
  }

  /** Why the run was stopped ("" while it was not). */
  public String reason() {
    return reason;
  }
}
