package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.sampling.Hypothesis;
import org.wnverify.numeric.generated.GradientFlowKernel;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.lp.LpResult;
import org.wnverify.numeric.lp.WeightedL1Program;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;
import org.wnverify.numeric.problem.Loss;

/**
 * The time-dependent rate of Section 3.4, (eta_r, eta_u) = (r^2, 1), checked numerically along
 * integrated trajectories (the identities themselves are proved symbolically under the ids
 * without {@code #along-trajectory}):
 *
 * <ul>
 *   <li>Corollary 3.15, (50): d/dt x = -||x||^2 grad L(x), with d/dt x computed from the WN
 *       kernel's (d/dt r, d/dt u) by the chain rule and grad L from the GF kernel, at the recorded
 *       states; mismatch against a rounding floor;
 *   <li>Lemma 3.18, (52): d/dt D_F(z, x~(t)) = -2L ||x||^2 L(x) for z in S+ (an LP vertex), with
 *       D_F of (53), against central differences of D_F along the trajectory; noise = step-halving
 *       difference plus the difference between two tolerances.
 * </ul>
 */
final class Section34AlongTrajectory extends ChouClaim {
  static final double REFERENCE_TOL = 1e-12;
  static final double COARSE_TOL = 1e-10;
  static final int POINTS = 20;
  /** FD step as a fraction of the horizon (truncation ~h^2 against noise ~tol/h). */
  static final double FD_STEP = 1e-4;
  /** Rounding floor of (50): O(MN) operations on entries of size |x|, |grad|: 1e3 ulps of the terms. */
  static final double ROUNDING = 1e3 * Math.ulp(1.0);

  private final boolean bregman;

  private Section34AlongTrajectory(String id, String location, String statement, boolean bregman) {
    super(id, location, statement, ClaimKind.IDENTITY);
    this.bregman = bregman;
  }

  static Section34AlongTrajectory corollary315() {
    return new Section34AlongTrajectory("chou/corollary-3.15#along-trajectory", "Chou, Rauhut, Ward, Corollary 3.15, eq. (50)",
        "With (eta_r, eta_u) = (r^2, 1) and ||u(0)|| = 1, x = r u/||u|| satisfies d/dt x = -||x||^2 grad L(x) (checked "
            + "at states of integrated trajectories).", false);
  }

  static Section34AlongTrajectory lemma318() {
    return new Section34AlongTrajectory("chou/lemma-3.18#along-trajectory", "Chou, Rauhut, Ward, Lemma 3.18, eqs. (52)-(53)",
        "With (eta_r, eta_u) = (r^2, 1), ||u(0)|| = 1, L >= 2: for z >= 0 with Az = b, d/dt D_F(z, x~(t)) = "
            + "-2L ||x(t)||^2 L(x(t)) (checked against finite differences along integrated trajectories).", true);
  }

  @Override
  List<Hypothesis> hypotheses() {
    return bregman ? List.of(ChouHypotheses.DEPTH_AT_LEAST_2, ChouHypotheses.U0_UNIT, ChouHypotheses.R0_POSITIVE,
        ChouHypotheses.U0_POSITIVE, ChouHypotheses.S_PLUS_NON_EMPTY)
        : List.of(ChouHypotheses.U0_UNIT, ChouHypotheses.R0_POSITIVE);
  }

  /**
   * D_F(z, x~) of (51) with F of (53) (equal to the formula printed after (54)), evaluated by the
   * kernel the symbolic module emits and proves against those forms.
   */
  static double bregman(int depth, double[] z, double[] xt) {
    return org.wnverify.numeric.generated.BregmanKernel.divergence(z, xt, depth);
  }

  /** d/dt x from the WN state derivative: d/dt (r u/||u||). */
  static double[] pointVelocity(double[] s, double[] ds) {
    int n = s.length - 1;
    double nu = 0;
    double udu = 0;
    for (int k = 0; k < n; k++) {
      nu += s[1 + k] * s[1 + k];
      udu += s[1 + k] * ds[1 + k];
    }
    nu = Math.sqrt(nu);
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = ds[0] * s[1 + k] / nu + s[0] * (ds[1 + k] / nu - s[1 + k] * udu / (nu * nu * nu));
    }
    return v;
  }

  record Sample(double mismatch, double mutantMismatch, double noise, double scale, double horizon, String problem) {}

  static Sample measure(CheckContext ctx, DiagonalNetInstance p, boolean bregman) {
    WnFlowOde ode = new WnFlowOde(p, LearningRate.R_SQUARED);
    double l0 = ode.loss(ode.initialState());
    IntegrationResult h = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, 1e3)
        .withAbsoluteTolerance(0).withLossTarget(1e-4 * l0), WnRuns.collapse(p, WnRuns.HORIZON_COLLAPSE));
    double t = h.finalTime();
    if (!(t > 0)) {
      return new Sample(Double.NaN, Double.NaN, Double.NaN, Double.NaN, t, "no progress: " + h.message());
    }
    double step = FD_STEP * t;
    double[] times = new double[POINTS * 5];
    for (int j = 0; j < POINTS; j++) {
      double c = t * (j + 1) / (POINTS + 1);
      for (int d = -2; d <= 2; d++) {
        times[5 * j + d + 2] = c + d * step;
      }
    }
    Trajectory ref = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, t).withAbsoluteTolerance(0)
        .withSamples(times)).trajectory();
    Trajectory coarse = FlowIntegrator.integrate(ode, IntegrationSettings.of(COARSE_TOL, t).withAbsoluteTolerance(0)
        .withSamples(times)).trajectory();
    ctx.checkpoint();
    if (ref.size() < times.length || coarse.size() < times.length) {
      return new Sample(Double.NaN, Double.NaN, Double.NaN, Double.NaN, t, "integration did not reach the horizon");
    }
    int depth = p.depth();
    double[] a = p.aRowMajor();
    double[] z = null;
    if (bregman) {
      LpResult lp = WeightedL1Program.feasiblePoint(p.a(), p.b());
      if (!lp.optimal()) {
        return new Sample(Double.NaN, Double.NaN, Double.NaN, Double.NaN, t, "no point of S+: " + lp.detail());
      }
      z = lp.point();
    }
    double mismatch = 0;
    double mutant = 0;
    double noise = 0;
    double scale = 0;
    double[] dy = new double[p.columns() + 1];
    double[] g = new double[p.columns()];
    for (int j = 0; j < POINTS; j++) {
      double[] s = ref.state(5 * j + 2);
      double[] x = Loss.wnPoint(s);
      double x2 = Vectors.dot(x, x);
      GradientFlowKernel.derivative(a, p.rows(), p.columns(), p.b(), depth, x, g); // -grad L(x)
      if (!bregman) {
        ode.computeDerivatives(0, s, dy);
        double[] v = pointVelocity(s, dy);
        double[] stated = Vectors.scale(x2, g);
        double[] mutated = Vectors.scale(Math.sqrt(x2), g); // ||x|| instead of ||x||^2
        mismatch = Math.max(mismatch, Vectors.distance(v, stated));
        mutant = Math.max(mutant, Vectors.distance(v, mutated));
        double sc = Vectors.norm(v) + Vectors.norm(stated);
        scale = Math.max(scale, sc);
        noise = Math.max(noise, ROUNDING * sc);
      } else {
        double[] d = new double[5];
        double[] dc = new double[5];
        for (int k = 0; k < 5; k++) {
          d[k] = bregman(depth, z, Vectors.pow(Loss.wnPoint(ref.state(5 * j + k)), depth));
          dc[k] = bregman(depth, z, Vectors.pow(Loss.wnPoint(coarse.state(5 * j + k)), depth));
        }
        double fd = (d[3] - d[1]) / (2 * step);
        double fd2 = (d[4] - d[0]) / (4 * step);
        double fdc = (dc[3] - dc[1]) / (2 * step);
        double loss = Loss.value(p, x);
        double stated = -2 * depth * x2 * loss;
        double mutated = -depth * x2 * loss; // L instead of 2L
        mismatch = Math.max(mismatch, Math.abs(fd - stated));
        mutant = Math.max(mutant, Math.abs(fd - mutated));
        noise = Math.max(noise, Math.abs(fd - fd2) + Math.abs(fd - fdc) + 1e3 * Math.ulp(Math.abs(d[2]) + 1) / step);
        scale = Math.max(scale, Math.abs(stated));
      }
    }
    return new Sample(mismatch, mutant, noise, scale, t, null);
  }

  @Override
  void checkInstances(CheckContext ctx, List<GeneratedInstance> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int held = 0;
    int undecided = 0;
    int powerless = 0;
    int mutantRejected = 0;
    int mutantAccepted = 0;
    String bad = null;
    for (GeneratedInstance g : instances) {
      ctx.checkpoint();
      Sample s = measure(ctx, g.instance(), bregman);
      if (s.problem() != null) {
        undecided++;
        notes.add(g.label() + ": INCONCLUSIVE, " + s.problem());
        continue;
      }
      rows.add(List.of(g.label(), g.instance().depth(), s.horizon(), s.scale(), s.mismatch(), s.noise(), s.mutantMismatch()));
      boolean ok = s.mismatch() <= Refinement.CONSISTENCY * s.noise();
      if (!(s.scale() > Refinement.CONSISTENCY * s.noise())) {
        powerless++;
        notes.add(g.label() + ": terms below " + (int) Refinement.CONSISTENCY + "x the noise floor (the flow barely moves); "
            + "skipped, not a pass");
      } else if (ok) {
        held++;
      } else if (bad == null) {
        bad = String.format(Locale.ROOT, "%s: mismatch %.3e vs noise %.1e", g.label(), s.mismatch(), s.noise());
      }
      if (s.mutantMismatch() > Refinement.CONSISTENCY * s.noise()) {
        mutantRejected++;
      } else {
        mutantAccepted++;
      }
    }
    out.table(new EvidenceTable(bregman
        ? "d/dt D_F(z, x~) by central differences against -2L ||x||^2 L(x) at 20 interior points of each (r^2, 1) run"
        : "d/dt x from (d/dt r, d/dt u) against -||x||^2 grad L(x) at 20 interior points of each (r^2, 1) run",
        List.of("instance", "L", "horizon", "size of the terms", "max mismatch", "noise floor", "max mismatch of control"),
        rows));
    out.evidence("per instance", notes);
    out.control(new NegativeControl(bregman ? "factor L instead of 2L: d/dt D_F = -L ||x||^2 L(x)"
        : "||x|| instead of ||x||^2: d/dt x = -||x|| grad L(x)",
        mutantRejected > 0 ? Verdict.VIOLATED : mutantAccepted > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "rejected on " + mutantRejected + " run(s), accepted on " + mutantAccepted));
    if (bad != null) {
      out.verdict(Verdict.VIOLATED, "identity fails along the trajectory: " + bad);
    } else if (held > 0 && held + powerless == instances.size() && mutantRejected > 0) {
      out.verdict(Verdict.HOLDS, "matches within " + (int) Refinement.CONSISTENCY + "x the noise floor at every point of all "
          + held + " run(s) with terms above the noise (" + powerless + " skipped); control rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, held + " of " + instances.size() + " run(s) consistent, " + undecided + " undecided");
    }
  }
}
