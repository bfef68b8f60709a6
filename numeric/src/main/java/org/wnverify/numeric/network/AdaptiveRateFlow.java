package org.wnverify.numeric.network;

import org.wnverify.numeric.ode.FlowSystem;

/**
 * The Unnorm flow in w with the node-dependent rates of Theorem 1: (5)
 * dw_u/dt = -eta ||w_u||^2 grad_u L (EWN) and (6) dw_u/dt = -eta (||w_u||^2 grad_u L
 * + ((1 - ||w_u||^2)/||w_u||^2) (w_u^T grad_u L) w_u) (SWN). Theorem 1 says the EWN / SWN flows in
 * (alpha, v) / (gamma, v) started with ||v_u(0)|| = 1 trace exactly these paths.
 */
public final class AdaptiveRateFlow implements FlowSystem {
  /** Which of the two printed formulas. */
  public enum Form { EWN_5, SWN_6 }

  private final NetworkObjective unnorm;
  private final Form form;
  private final StepSchedule schedule;
  private final double[] w0;

  /**
   * @param unnorm the objective of the Unnorm parameterization of the same architecture and data
   */
  public AdaptiveRateFlow(NetworkObjective unnorm, Form form, StepSchedule schedule, double[] w0) {
    if (unnorm.net().parameterization() != Parameterization.UNNORM) {
      throw new IllegalArgumentException("the adaptive-rate flow runs in w: pass the Unnorm objective");
    }
    this.unnorm = unnorm;
    this.form = form;
    this.schedule = schedule;
    this.w0 = w0.clone();
  }

  @Override
  public int getDimension() {
    return w0.length;
  }

  @Override
  public void computeDerivatives(double t, double[] w, double[] wDot) {
    NetworkObjective.WeightEvaluation e = unnorm.evaluateWeights(w);
    double f = Math.exp(schedule.logEta(t, e.logLoss()) + e.logLoss());
    double[] g = e.gradLogLoss();
    for (Node u : unnorm.net().architecture().nodes()) {
      int o = u.offset();
      double nn = 0;
      double wg = 0;
      for (int i = 0; i < u.fanIn(); i++) {
        nn += w[o + i] * w[o + i];
        wg += w[o + i] * g[o + i];
      }
      for (int i = 0; i < u.fanIn(); i++) {
        double d = nn * g[o + i];
        if (form == Form.SWN_6) {
          d += (1 - nn) / nn * wg * w[o + i];
        }
        wDot[o + i] = -f * d;
      }
    }
  }

  @Override
  public double[] initialState() {
    return w0.clone();
  }

  @Override
  public double[] point(double[] state) {
    return state.clone();
  }

  @Override
  public double loss(double[] state) {
    return Math.exp(unnorm.evaluateWeights(state).logLoss());
  }
}
