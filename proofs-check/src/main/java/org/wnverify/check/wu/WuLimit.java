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
 * <p>A flow whose speed is at or below the floor at t = 0 is at rest from the start (the stop,
 * which fires when the speed crosses the floor, cannot fire there): its limit is its initial state,
 * uncertain by UNCERTAINTY_FACTOR v0 / slowRate (near a limit approached at rate >= slowRate the
 * distance left is at most speed / rate). Without this, a restart from a computed limit (Theorem 2.6
 * Part II's "restart with c = 0" control, seed 5) ran to MAX_TIME at the integration noise, whose
 * speed does not decay, and was refused as still moving on every instance.
 *
 * <p>A run A that only reached MAX_TIME (neither stop fired) has not shown that it is at its limit:
 * ||B - A|| then measures the motion over [t_A, 1.5 t_A], not what is left after it, and a flow
 * slower than 1/t_A moves on by much more (issue 21: a c = 0 flow with g0 = 4e-4 moved 0.005 over
 * [1e5, 1.5e5] and reached its limit 0.9 away near t = 1e9). For such a run the distance still to
 * go is estimated as the tail of an exponential approach at the rate the speed decays over [t_A,
 * 1.5 t_A], ||ds/dt(1.5 t_A)|| / kappa with kappa = ln(v_A / v_B) / (t_A / 2), infinite if the speed
 * did not decay. Where that tail exceeds UNCERTAINTY_FACTOR ||B - A||, the uncertainty below would
 * not cover it and the run has no limit (state null, a failed run for every claim: UNDECIDED, never a verdict drawn
 * from a state that is still moving). Where it does not, the limit and its uncertainty are as before.
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
    return of(f, 1, 1);
  }

  /**
   * As {@link #of(FlowSystem)} for a flow whose rates near its limit are known to lie in [slowRate,
   * fastRate]; the default run is for rates of order one. A slow rate below 1 stretches the horizon
   * to MAX_TIME / slowRate (the same number of time constants); a fast rate below 1 lowers the speed
   * floor to SPEED_FLOOR fastRate: the speed's noise (the integration's state noise times the
   * Jacobian, at most fastRate) scales with it, and at the floor the flow is floor / slowRate from its
   * limit. Rates of 1 or more leave the default run unchanged (the floor 1e-12 is at the noise of
   * O(1) flows: lowering it there makes the run wander at the noise until the budget is spent).
   */
  static WuLimit of(FlowSystem f, double slowRate, double fastRate) {
    double maxTime = MAX_TIME / Math.min(1, slowRate);
    double speedFloor = SPEED_FLOOR * Math.min(1, fastRate);
    double f0 = f.loss(f.initialState());
    double tol = WuFlows.REFERENCE_TOL;
    double abs = IntegrationSettings.ABSOLUTE_PER_RELATIVE;
    double[] probe = new double[f.getDimension()];
    double[] s0 = f.initialState();
    f.computeDerivatives(0, s0, probe);
    double v0 = Vectors.norm(probe);
    if (v0 <= speedFloor) {
      // At rest from the start: the speed stop fires on a crossing (positive at the start), so a flow
      // started below the floor, e.g. restarted from a limit this class computed, would run to
      // MAX_TIME at its noise and be called still moving. It is where the stop would have put it,
      // at t = 0; within v0 / slowRate of its limit (the bound the floor itself relies on).
      double u = UNCERTAINTY_FACTOR * v0 / Math.min(1, slowRate) + ROUNDING * (1 + Vectors.norm(s0));
      return new WuLimit(s0, 0, u, f.loss(s0), "at rest from the start (speed " + Theorem26.fmt(v0) + ")");
    }
    IntegrationResult a = FlowIntegrator.integrate(f, IntegrationSettings.of(tol, maxTime).withBudget(BUDGET)
        .withAbsoluteTolerance(tol * abs).withLossTarget(f0 * LOSS_FACTOR), y -> {
          f.computeDerivatives(0, y, probe);
          return Vectors.norm(probe) - speedFloor;
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
    double truncation = Vectors.distance(s, a.finalState());
    if (a.status() == org.wnverify.numeric.ode.IntegrationStatus.COMPLETED) {
      double tail = tail(f, a.finalState(), s, t - a.finalTime());
      if (!(tail <= UNCERTAINTY_FACTOR * truncation)) {
        return new WuLimit(null, a.finalTime(), Double.NaN, Double.NaN, "no limit by t = " + Theorem26.fmt(maxTime)
            + ": the flow is still moving (it moved " + Theorem26.fmt(truncation) + " over [t, 1.5 t], and its speed's decay "
            + "leaves " + Theorem26.fmt(tail) + " to go)");
      }
    }
    double u = UNCERTAINTY_FACTOR * (truncation + Vectors.distance(s, c.finalState())) + ROUNDING * (1 + Vectors.norm(s));
    return new WuLimit(s, a.finalTime(), u, f.loss(s), a.message());
  }

  /**
   * What an exponential approach at the speed's measured decay rate still travels after the state sb
   * reached dt after sa: v_b / kappa, kappa = ln(v_a / v_b) / dt; infinite if the speed did not decay.
   */
  static double tail(FlowSystem f, double[] sa, double[] sb, double dt) {
    double[] da = new double[f.getDimension()];
    double[] db = new double[f.getDimension()];
    f.computeDerivatives(0, sa, da);
    f.computeDerivatives(0, sb, db);
    double va = Vectors.norm(da);
    double vb = Vectors.norm(db);
    if (vb == 0) {
      return 0;
    }
    if (!(vb < va)) {
      return Double.POSITIVE_INFINITY;
    }
    return vb * dt / Math.log(va / vb);
  }
}
