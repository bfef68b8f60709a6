package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.chou.Refinement;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.Trajectory;

/**
 * The runs {@link Refinement#judge} decides on, for the networks' flows. Unlike the diagonal net's
 * runs these keep an absolute tolerance (tol x 1e-6, the integrator default): parameters such as
 * alpha_u = log ||w_u|| = 0 or v-entries cross zero, where purely relative error control divides
 * 0 by 0.
 */
final class FlowRuns {
  private FlowRuns() {}

  static Refinement.Runs run(CheckContext ctx, FlowSystem sys, double maxTime, double lossFactor) {
    double l0 = sys.loss(sys.initialState());
    double ref = Refinement.TOLERANCES[Refinement.TOLERANCES.length - 1];
    IntegrationResult horizon = FlowIntegrator.integrate(sys,
        IntegrationSettings.of(ref, maxTime).withLossTarget(l0 * lossFactor));
    ctx.checkpoint();
    if (!(horizon.finalTime() > 0)) {
      return new Refinement.Runs(0, List.of(), List.of(), "no progress: " + horizon.message());
    }
    double t = horizon.finalTime();
    double[] times = IntegrationSettings.uniformTimes(t, 100);
    List<Trajectory> trajs = new ArrayList<>();
    List<IntegrationResult> results = new ArrayList<>();
    for (double tol : Refinement.TOLERANCES) {
      IntegrationResult r = FlowIntegrator.integrate(sys, IntegrationSettings.of(tol, t).withSamples(times));
      ctx.checkpoint();
      if (!r.reachedEnd() || r.trajectory().size() != times.length) {
        return new Refinement.Runs(t, trajs, results, "tolerance " + tol + ": " + r.status() + " " + r.message());
      }
      trajs.add(r.trajectory());
      results.add(r);
    }
    return new Refinement.Runs(t, trajs, results, null);
  }
}
