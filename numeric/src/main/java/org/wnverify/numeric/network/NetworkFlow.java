package org.wnverify.numeric.network;

import org.wnverify.numeric.ode.FlowSystem;

/**
 * Gradient flow d theta/dt = -eta(t) grad_theta L in the net's own parameters: (alpha, v) for EWN
 * ((7), (8)), (gamma, v) for SWN ((16), (17)), w for Unnorm. The velocity is computed as
 * e^{log eta + log L} grad log L, so a loss of e^-1000 gives an exact (tiny, or with eta = k/L^c,
 * ordinary) velocity rather than 0 * infinity.
 */
public final class NetworkFlow implements FlowSystem {
  private final NetworkObjective objective;
  private final StepSchedule schedule;
  private final double[] theta0;

  public NetworkFlow(NetworkObjective objective, StepSchedule schedule, double[] theta0) {
    if (theta0.length != objective.net().size()) {
      throw new IllegalArgumentException("initial parameters have length " + theta0.length + ", net needs "
          + objective.net().size());
    }
    this.objective = objective;
    this.schedule = schedule;
    this.theta0 = theta0.clone();
  }

  public NetworkObjective objective() {
    return objective;
  }

  @Override
  public int getDimension() {
    return theta0.length;
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] yDot) {
    NetworkObjective.Evaluation e = objective.evaluate(y);
    double f = -Math.exp(schedule.logEta(t, e.logLoss()) + e.logLoss());
    double[] g = e.gradLogTheta();
    for (int i = 0; i < yDot.length; i++) {
      yDot[i] = f * g[i];
    }
  }

  @Override
  public double[] initialState() {
    return theta0.clone();
  }

  @Override
  public double[] point(double[] state) {
    return objective.net().weights(state);
  }

  /** L itself, which underflows to 0 below e^-745; use {@link #logLoss} to compare losses. */
  @Override
  public double loss(double[] state) {
    return Math.exp(logLoss(state));
  }

  public double logLoss(double[] state) {
    return objective.evaluateWeights(objective.net().weights(state)).logLoss();
  }
}
