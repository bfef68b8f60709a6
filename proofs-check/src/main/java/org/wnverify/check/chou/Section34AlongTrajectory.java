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
import org.wnverify.check.problem.Hypothesis;
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
import org.wnverify.check.problem.Sample;
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
  /**
   * Rounding floor of (50): O(MN) operations, 1e3 ulps of the terms before cancellation. Both sides
   * go through the residual A x^L - b, which cancels as the loss falls; its rounding scales with
   * |A| |x|^L + |b|, not with the residual (see {@link #magnitudeBeforeCancellation}).
   */
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
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
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

  /**
   * The size of ||x||^2 grad L(x) with every sum taken over absolute values: ||x||^2 L |x|^(L-1) o
   * |A|^T (|A| |x|^L + |b|). Rounding in either side of (50) is a few ulps of this, however small
   * the residual has become (a run near its limit has |A x^L - b| far below |b|).
   */
  static double magnitudeBeforeCancellation(DiagonalNetInstance p, double[] x) {
    int m = p.rows();
    int n = p.columns();
    int depth = p.depth();
    double[] a = p.aRowMajor();
    double[] b = p.b();
    double[] xl = new double[n];
    double x2 = 0;
    for (int k = 0; k < n; k++) {
      xl[k] = Math.pow(Math.abs(x[k]), depth);
      x2 += x[k] * x[k];
    }
    double[] back = new double[n];
    for (int i = 0; i < m; i++) {
      double row = Math.abs(b[i]);
      for (int k = 0; k < n; k++) {
        row += Math.abs(a[i * n + k]) * xl[k];
      }
      for (int k = 0; k < n; k++) {
        back[k] += Math.abs(a[i * n + k]) * row;
      }
    }
    double sum = 0;
    for (int k = 0; k < n; k++) {
      double gk = depth * Math.pow(Math.abs(x[k]), depth - 1) * back[k];
      sum += gk * gk;
    }
    return x2 * Math.sqrt(sum);
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

  /**
   * Mutated versions of (50), checked at the same states by the same rule (mismatch above
   * {@link Refinement#CONSISTENCY} times the rounding floor). The last drops the hypothesis
   * ||u(0)|| = 1: the state (r, 2u) has the same point x = r u/||u|| and lies on the trajectory of
   * the (r^2, 1) flow through it, whose ||u|| stays 2 (Lemma 3.2), so (50) must hold there too if
   * the hypothesis were not needed; the kernel's velocity there has its tangential part divided by 4.
   */
  static final List<String> FLOW_MUTATIONS = List.of("||x|| instead of ||x||^2: d/dt x = -||x|| grad L(x)",
      "sign flipped: d/dt x = +||x||^2 grad L(x)",
      "constant halved: d/dt x = -(1/2) ||x||^2 grad L(x)",
      "factor ||x||^2 dropped: d/dt x = -grad L(x) (the GF (11))",
      "hypothesis ||u(0)|| = 1 dropped: (50) at the states (r, 2u) of flows with ||u|| = 2");

  /**
   * Mutated versions of (52), against the same central differences by the same rule (mismatch
   * above {@link Refinement#CONSISTENCY} times the noise floor). The last drops Az = b: z = 2 z*
   * with z* the LP vertex of S+ (z >= 0, A z = 2b), whose noise floor is measured the same way;
   * d/dt D_F(z, x~) is affine in z, and its z-part is <A^T r, z>-like, so it changes by a multiple
   * of <r, b> != 0.
   */
  static final List<String> BREGMAN_MUTATIONS = List.of("factor L instead of 2L: d/dt D_F = -L ||x||^2 L(x)",
      "sign flipped: d/dt D_F = +2L ||x||^2 L(x)",
      "||x|| in place of ||x||^2: d/dt D_F = -2L ||x|| L(x)",
      "factor ||x||^2 dropped: d/dt D_F = -2L L(x)",
      "hypothesis A z = b dropped: z = 2 z* (A z = 2b), d/dt D_F(z, x~) = -2L ||x||^2 L(x)");

  /**
   * @param mutantMismatch largest mismatch of each mutated statement, in the order of
   *     {@link #FLOW_MUTATIONS} resp. {@link #BREGMAN_MUTATIONS}
   * @param mutantNoise the noise floor each mutated statement is judged against
   */
  record Measurement(double mismatch, double[] mutantMismatch, double[] mutantNoise, double noise, double scale,
      double horizon, String problem) {
    static Measurement undecided(double horizon, String problem) {
      return new Measurement(Double.NaN, null, null, Double.NaN, Double.NaN, horizon, problem);
    }
  }

  static Measurement measure(CheckContext ctx, DiagonalNetInstance p, boolean bregman) {
    WnFlowOde ode = new WnFlowOde(p, LearningRate.R_SQUARED);
    double l0 = ode.loss(ode.initialState());
    IntegrationResult h = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, 1e3)
        .withAbsoluteTolerance(0).withLossTarget(1e-4 * l0), WnRuns.collapse(p, WnRuns.HORIZON_COLLAPSE));
    double t = h.finalTime();
    if (!(t > 0)) {
      return Measurement.undecided(t, "no progress: " + h.message());
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
      return Measurement.undecided(t, "integration did not reach the horizon");
    }
    int depth = p.depth();
    double[] a = p.aRowMajor();
    double[] z = null;
    if (bregman) {
      LpResult lp = WeightedL1Program.feasiblePoint(p.a(), p.b());
      if (!lp.optimal()) {
        return Measurement.undecided(t, "no point of S+: " + lp.detail());
      }
      z = lp.point();
    }
    int mutations = bregman ? BREGMAN_MUTATIONS.size() : FLOW_MUTATIONS.size();
    double mismatch = 0;
    double[] mutant = new double[mutations];
    double[] mutantNoise = new double[mutations];
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
        mismatch = Math.max(mismatch, Vectors.distance(v, stated));
        double sc = Vectors.norm(v) + Vectors.norm(stated);
        double raw = magnitudeBeforeCancellation(p, x);
        scale = Math.max(scale, sc);
        noise = Math.max(noise, ROUNDING * (sc + 2 * raw));
        double[][] mutated = {Vectors.scale(Math.sqrt(x2), g), Vectors.scale(-x2, g), Vectors.scale(x2 / 2, g), g};
        for (int m = 0; m < mutated.length; m++) {
          mutant[m] = Math.max(mutant[m], Vectors.distance(v, mutated[m]));
          mutantNoise[m] = Math.max(mutantNoise[m], ROUNDING * (Vectors.norm(v) + Vectors.norm(mutated[m]) + 2 * raw));
        }
        // hypothesis ||u(0)|| = 1 dropped: the state (r, 2u), same point x
        double[] s2 = s.clone();
        for (int k = 1; k < s2.length; k++) {
          s2[k] *= 2;
        }
        double[] dy2 = new double[dy.length];
        ode.computeDerivatives(0, s2, dy2);
        double[] v2 = pointVelocity(s2, dy2);
        int last = mutations - 1;
        mutant[last] = Math.max(mutant[last], Vectors.distance(v2, stated));
        mutantNoise[last] = Math.max(mutantNoise[last], ROUNDING * (Vectors.norm(v2) + Vectors.norm(stated) + 2 * raw));
      } else {
        double[] d = new double[5];
        double[] dc = new double[5];
        double[] d2 = new double[5];
        double[] dc2 = new double[5];
        double[] z2 = Vectors.scale(2, z);
        for (int k = 0; k < 5; k++) {
          double[] xt = Vectors.pow(Loss.wnPoint(ref.state(5 * j + k)), depth);
          double[] xc = Vectors.pow(Loss.wnPoint(coarse.state(5 * j + k)), depth);
          d[k] = bregman(depth, z, xt);
          dc[k] = bregman(depth, z, xc);
          d2[k] = bregman(depth, z2, xt);
          dc2[k] = bregman(depth, z2, xc);
        }
        double fd = (d[3] - d[1]) / (2 * step);
        double fd2 = (d[4] - d[0]) / (4 * step);
        double fdc = (dc[3] - dc[1]) / (2 * step);
        double loss = Loss.value(p, x);
        double stated = -2 * depth * x2 * loss;
        double pointNoise = Math.abs(fd - fd2) + Math.abs(fd - fdc) + 1e3 * Math.ulp(Math.abs(d[2]) + 1) / step;
        mismatch = Math.max(mismatch, Math.abs(fd - stated));
        noise = Math.max(noise, pointNoise);
        scale = Math.max(scale, Math.abs(stated));
        double[] mutated = {-depth * x2 * loss, 2 * depth * x2 * loss, -2 * depth * Math.sqrt(x2) * loss,
            -2 * depth * loss};
        for (int m = 0; m < mutated.length; m++) {
          mutant[m] = Math.max(mutant[m], Math.abs(fd - mutated[m]));
          mutantNoise[m] = Math.max(mutantNoise[m], pointNoise);
        }
        double fdz = (d2[3] - d2[1]) / (2 * step);
        double fdz2 = (d2[4] - d2[0]) / (4 * step);
        double fdzc = (dc2[3] - dc2[1]) / (2 * step);
        int last = mutations - 1;
        mutant[last] = Math.max(mutant[last], Math.abs(fdz - stated));
        mutantNoise[last] = Math.max(mutantNoise[last], Math.abs(fdz - fdz2) + Math.abs(fdz - fdzc)
            + 1e3 * Math.ulp(Math.abs(d2[2]) + 1) / step);
      }
    }
    return new Measurement(mismatch, mutant, mutantNoise, noise, scale, t, null);
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int held = 0;
    int undecided = 0;
    int powerless = 0;
    List<String> mutations = bregman ? BREGMAN_MUTATIONS : FLOW_MUTATIONS;
    int[][] mutantCounts = new int[mutations.size()][2]; // {rejected, accepted}
    String bad = null;
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      Measurement s = measure(ctx, g.instance(), bregman);
      if (s.problem() != null) {
        undecided++;
        notes.add(g.label() + ": INCONCLUSIVE, " + s.problem());
        continue;
      }
      rows.add(List.of(g.label(), g.instance().depth(), s.horizon(), s.scale(), s.mismatch(), s.noise(),
          Refinement.fmt(s.mutantMismatch())));
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
      for (int m = 0; m < mutantCounts.length; m++) {
        mutantCounts[m][s.mutantMismatch()[m] > Refinement.CONSISTENCY * s.mutantNoise()[m] ? 0 : 1]++;
      }
    }
    out.table(new EvidenceTable(bregman
        ? "d/dt D_F(z, x~) by central differences against -2L ||x||^2 L(x) at 20 interior points of each (r^2, 1) run"
        : "d/dt x from (d/dt r, d/dt u) against -||x||^2 grad L(x) at 20 interior points of each (r^2, 1) run",
        List.of("instance", "L", "horizon", "size of the terms", "max mismatch", "noise floor", "max mismatch of each control"),
        rows));
    out.evidence("per instance", notes);
    for (int m = 0; m < mutantCounts.length; m++) {
      int[] c = mutantCounts[m];
      out.control(new NegativeControl(mutations.get(m),
          c[0] > 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
          "rejected on " + c[0] + " run(s), accepted on " + c[1]));
    }
    boolean controlsRejected = java.util.Arrays.stream(mutantCounts).allMatch(c -> c[0] > 0);
    if (bad != null) {
      out.verdict(Verdict.VIOLATED, "identity fails along the trajectory: " + bad);
    } else if (held > 0 && held + powerless == instances.size() && controlsRejected) {
      out.verdict(Verdict.HOLDS, "matches within " + (int) Refinement.CONSISTENCY + "x the noise floor at every point of all "
          + held + " run(s) with terms above the noise (" + powerless + " skipped); controls rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, held + " of " + instances.size() + " run(s) consistent, " + undecided + " undecided");
    }
  }
}
