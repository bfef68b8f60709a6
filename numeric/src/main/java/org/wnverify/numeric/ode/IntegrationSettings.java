package org.wnverify.numeric.ode;

/**
 * Settings of one integration.
 *
 * @param relativeTolerance DormandPrince853 relative tolerance per step
 * @param absoluteTolerance its absolute tolerance
 * @param endTime integrate over [0, endTime]
 * @param maxEvaluations derivative-evaluation budget
 * @param lossTarget stop (status CONVERGED) when the loss falls to this value; 0 for never
 * @param sampleTimes times at which to record the state (must be within [0, endTime])
 * @param recordSteps also record the state at the end of every accepted step
 */
public record IntegrationSettings(double relativeTolerance, double absoluteTolerance, double endTime,
    int maxEvaluations, double lossTarget, double[] sampleTimes, boolean recordSteps) {

  /**
   * Absolute tolerance as a fraction of the relative one: states have entries of order one, and
   * entries that shrink towards a sparse limit must keep relative accuracy down to 1e-6 of that.
   */
  public static final double ABSOLUTE_PER_RELATIVE = 1e-6;
  /** Default evaluation budget: 2 million 12-stage evaluations of an N <= 10 system, ~1 s. */
  public static final int DEFAULT_BUDGET = 2_000_000;

  public IntegrationSettings {
    sampleTimes = sampleTimes == null ? new double[0] : sampleTimes.clone();
  }

  /** Tolerance tol (absolute tol * 1e-6), no samples, default budget, no loss target. */
  public static IntegrationSettings of(double tol, double endTime) {
    return new IntegrationSettings(tol, tol * ABSOLUTE_PER_RELATIVE, endTime, DEFAULT_BUDGET, 0.0,
        null, false);
  }

  public IntegrationSettings withSamples(double[] times) {
    return new IntegrationSettings(relativeTolerance, absoluteTolerance, endTime, maxEvaluations,
        lossTarget, times, recordSteps);
  }

  public IntegrationSettings withLossTarget(double target) {
    return new IntegrationSettings(relativeTolerance, absoluteTolerance, endTime, maxEvaluations,
        target, sampleTimes, recordSteps);
  }

  public IntegrationSettings withRecordSteps(boolean steps) {
    return new IntegrationSettings(relativeTolerance, absoluteTolerance, endTime, maxEvaluations,
        lossTarget, sampleTimes, steps);
  }

  public IntegrationSettings withBudget(int evaluations) {
    return new IntegrationSettings(relativeTolerance, absoluteTolerance, endTime, evaluations,
        lossTarget, sampleTimes, recordSteps);
  }

  /** The same settings with another absolute tolerance (0: purely relative error control). */
  public IntegrationSettings withAbsoluteTolerance(double abs) {
    return new IntegrationSettings(relativeTolerance, abs, endTime, maxEvaluations,
        lossTarget, sampleTimes, recordSteps);
  }

  public IntegrationSettings withTolerance(double tol) {
    return new IntegrationSettings(tol, tol * ABSOLUTE_PER_RELATIVE, endTime, maxEvaluations,
        lossTarget, sampleTimes, recordSteps);
  }

  /** n+1 equally spaced sample times on [0, endTime]. */
  public static double[] uniformTimes(double endTime, int n) {
    double[] t = new double[n + 1];
    for (int k = 0; k <= n; k++) {
      t[k] = endTime * k / n;
    }
    t[n] = endTime;
    return t;
  }
}
