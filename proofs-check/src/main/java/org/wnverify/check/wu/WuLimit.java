package org.wnverify.check.wu;

import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;

/**
 * The limit of a WN flow as t -> infinity, with its uncertainty: run A stops when the loss fell to
 * LOSS_FACTOR f0 or the speed ||ds/dt|| fell below SPEED_FLOOR (the flow has come to rest at a
 * stationary point with positive loss); run B continues to 1.5 t_A (truncation = ||B - A||); run C
 * repeats B at the looser tolerance (noise = ||C - B||). The limit is B's state.
 *
 * @param state the limit estimate (g, w), or null if a run failed
 * @param time t_A
 * @param uncertainty UNCERTAINTY_FACTOR (truncation + noise) + ROUNDING (1 + ||state||)
 * @param loss the loss at the limit
 * @param message why it failed, or how it stopped
 */
record WuLimit(double[] state, double time, double uncertainty, double loss, String message) {
  static final double LOSS_FACTOR = 1e-24;
  static final double SPEED_FLOOR = 1e-12;
  static final double MAX_TIME = 1e5;
  static final int BUDGET = 1_000_000;
  /** Truncation and noise are estimates good to a small factor. */
  static final double UNCERTAINTY_FACTOR = 10;
  /** Rounding of states of order one over ~1e5 steps. */
  static final double ROUNDING = 1e-11;

  boolean ok() {
    return state != null;
  }

  static WuLimit of(FlowSystem f) {
    double f0 = f.loss(f.initialState());
    double tol = WuFlows.REFERENCE_TOL;
    double abs = IntegrationSettings.ABSOLUTE_PER_RELATIVE;
    double[] probe = new double[f.getDimension()];
    IntegrationResult a = FlowIntegrator.integrate(f, IntegrationSettings.of(tol, MAX_TIME).withBudget(BUDGET)
        .withAbsoluteTolerance(tol * abs).withLossTarget(f0 * LOSS_FACTOR), y -> {
          f.computeDerivatives(0, y, probe);
          return Vectors.norm(probe) - SPEED_FLOOR;
        });
    if (!(a.reachedEnd() || a.status() == org.wnverify.numeric.ode.IntegrationStatus.STOPPED)) {
      return new WuLimit(null, a.finalTime(), Double.NaN, Double.NaN, "flow run " + a.status() + ": " + a.message());
    }
    if (a.finalTime() == 0) {
      double[] s = f.initialState();
      return new WuLimit(s, 0, ROUNDING * (1 + Vectors.norm(s)), f.loss(s), "at rest from the start");
    }
    double t = 1.5 * a.finalTime();
    IntegrationResult b = FlowIntegrator.integrate(f, IntegrationSettings.of(tol, t).withBudget(BUDGET)
        .withAbsoluteTolerance(tol * abs));
    IntegrationResult c = FlowIntegrator.integrate(f, IntegrationSettings.of(WuFlows.NOISE_TOL, t).withBudget(BUDGET)
        .withAbsoluteTolerance(WuFlows.NOISE_TOL * abs));
    if (!b.reachedEnd() || !c.reachedEnd()) {
      return new WuLimit(null, a.finalTime(), Double.NaN, Double.NaN, "continuation " + b.status() + "/" + c.status());
    }
    double[] s = b.finalState();
    double u = UNCERTAINTY_FACTOR * (Vectors.distance(s, a.finalState()) + Vectors.distance(s, c.finalState()))
        + ROUNDING * (1 + Vectors.norm(s));
    return new WuLimit(s, a.finalTime(), u, f.loss(s), a.message());
  }
}
