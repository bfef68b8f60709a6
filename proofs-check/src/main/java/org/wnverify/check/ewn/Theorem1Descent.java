package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Verdict;
import org.wnverify.check.problem.Counterexamples;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.check.problem.Sample;
import org.wnverify.check.problem.SampledClaim;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.network.Parameterization;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationSettings;

/**
 * The gradient-descent reading of Theorem 1 and of the sentence after it ("the gradient flow path
 * of EWN can be replicated by an adaptive learning rate eta(t) ||w_u(t)||^2 on unnormalized
 * network", 004 lines 146-148): the paper's GD updates (3), (4) (EWN) or (1), (2) (SWN), started
 * with ||v_u(0)|| = 1, and Unnorm GD with the adaptive rate of (5) (or the step (6)) are both
 * first-order steps of the same flow, so over a fixed horizon T their iterates differ by O(eta):
 * the fitted slope of log max_t ||w_norm(t) - w_adapt(t)|| against log eta is 1 (with a good
 * fit). Also printed (App. C.1.2, C.2.2, 004 line 1857): ||v_u(t)|| keeps increasing along GD.
 * Both GD runs are explicit Euler on {@link Theorem1Numeric.Joint} at eta = 1 (one Euler step of
 * d theta/dt = -grad L with step eta is exactly the GD step with rate eta). Controls, the same
 * fit: the mutated rates of {@link Theorem1Numeric} (their paths differ at O(1), slope ~ 0).
 */
final class Theorem1Descent extends SampledClaim<NetworkInstance> {
  /** Step counts over the horizon: eta = T/N halves three times. */
  static final int[] STEPS = {400, 800, 1600, 3200};
  /**
   * Largest coarse rate: GD must be a stable first-order step of the flow (the SWN random nets
   * diverged at eta = 0.5), so the coarsest eta is min(T/400, this) and N grows instead.
   */
  static final double ETA_MAX = 0.02;
  /**
   * Horizon cap for GD: the flow's T can reach Theorem1Numeric.MAX_TIME on slow instances; 5 time
   * units already move w by O(1) (see the motion column) and keep the default audit cheap.
   */
  static final double GD_MAX_TIME = 5;
  /** First order: slope within this of 1 (the fit has four points a factor 2 apart). */
  static final double SLOPE_TOL = 0.2;
  /** A slope below this is no convergence at first order: the paths differ at O(1) (control-like). */
  static final double SLOPE_FAIL = 0.5;
  /** Least-squares fit quality required to read the slope (log-log, four points). */
  static final double MIN_R2 = 0.99;
  /**
   * Relative defect below this at every step size is exact agreement (scalar SWN nodes: (2) is
   * Unnorm GD and (6) reduces to grad L, so the two runs coincide up to rounding).
   */
  static final double EXACT = 1e-12;
  /** ||v_u|| may decrease by rounding only: relative to ||v_u||^2. */
  static final double V_ROUNDING = 1e-13;
  static final int QUICK_SAMPLES = 3;
  static final int SHRINK_BUDGET = 6;

  private final Parameterization param;
  private final Theorem1Numeric flows;

  Theorem1Descent(Parameterization param) {
    super(ClaimId.parse("ewn/theorem-1#gd-" + param.name().toLowerCase(Locale.ROOT)),
        "Morwani and Ramaswamy, Theorem 1 eq. " + (param == Parameterization.EWN ? "(5) with GD (3), (4)" : "(6) with GD (1), (2)")
            + " and the sentence after it (004 lines 140-148); App. C.1.2/C.2.2 (||v_u|| increasing, line 1857)",
        (param == Parameterization.EWN
            ? "GD (3), (4) of EWN from ||v_u(0)|| = 1 replicates Unnorm GD with the adaptive rate eta ||w_u(t)||^2 of (5)"
            : "GD (1), (2) of SWN from ||v_u(0)|| = 1 replicates Unnorm GD with the step of (6)")
            + " to first order: over a fixed horizon max_t ||w_norm(t) - w_adapt(t)|| = O(eta) (fitted slope 1 in eta);"
            + " and ||v_u(t)|| is non-decreasing along GD",
        ClaimKind.IDENTITY);
    this.param = param;
    this.flows = new Theorem1Numeric(param);
  }

  @Override
  public ProblemFamily<NetworkInstance> problem() {
    return EwnNetworkFamily.INSTANCE;
  }

  @Override
  public List<? extends Hypothesis<NetworkInstance>> hypotheses() {
    return flows.hypotheses();
  }

  @Override
  protected java.util.function.Supplier<Sample<NetworkInstance>> sampler(CheckContext ctx) {
    java.util.Iterator<NetworkSampler.Sample> it = NetworkSampler.generic(ctx.random(id()), 64).iterator();
    return () -> {
      NetworkSampler.Sample s = it.next();
      return new Sample<>(s.instance(), s.label());
    };
  }

  /** The GD comparison at the step counts of {@link #STEPS}. */
  record Fit(double[] eta, double[] defect, double slope, double r2, double motion, double scale, boolean vMonotone,
      String problem) {
    boolean exact() {
      for (double d : defect) {
        if (d > EXACT * scale) {
          return false;
        }
      }
      return true;
    }

    Verdict verdict() {
      if (problem != null) {
        return Verdict.INCONCLUSIVE;
      }
      if (exact()) {
        return vMonotone ? Verdict.HOLDS : Verdict.VIOLATED;
      }
      if (!vMonotone || slope < SLOPE_FAIL) {
        return Verdict.VIOLATED;
      }
      return Math.abs(slope - 1) <= SLOPE_TOL && r2 >= MIN_R2 ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
    }

    String detail() {
      if (problem != null) {
        return problem;
      }
      return String.format(Locale.ROOT, "defects %s at eta %s: slope %.3f (R^2 %.4f)%s; motion %.3g; ||v_u|| %s",
          Assumptions.fmt(defect), Assumptions.fmt(eta), slope, r2, exact() ? ", exact agreement" : "", motion,
          vMonotone ? "non-decreasing" : "DECREASED");
    }
  }

  /** Horizon of the flow: the loss falls by Theorem1Numeric.LOSS_FACTOR (capped at GD_MAX_TIME). */
  static double horizon(Theorem1Numeric.Joint j) {
    double l0 = j.loss(j.initialState());
    var r = FlowIntegrator.integrate(j, IntegrationSettings.of(1e-6, GD_MAX_TIME)
        .withLossTarget(l0 * Theorem1Numeric.LOSS_FACTOR));
    return r.finalTime();
  }

  Fit fit(CheckContext ctx, NetworkInstance inst, Theorem1Numeric.Variant v) {
    Theorem1Numeric.Joint j = flows.system(inst, v);
    double t = horizon(j);
    if (!(t > 0)) {
      return new Fit(null, null, Double.NaN, Double.NaN, 0, 1, true, "no progress of the flow");
    }
    double[] eta = new double[STEPS.length];
    double[] defect = new double[STEPS.length];
    double motion = 0;
    double scale = 1;
    boolean vMono = true;
    for (int k = 0; k < STEPS.length; k++) {
      if (ctx != null) {
        ctx.checkpoint();
      }
      int steps = Math.max(STEPS[k], (int) Math.ceil(t / ETA_MAX) << k);
      eta[k] = t / steps;
      double[] y = j.initialState();
      double[] w0 = j.point(y);
      scale = Math.max(1, Vectors.norm(w0));
      double[] dy = new double[y.length];
      double[] vn = vNorms(j, y);
      for (int n = 0; n < steps; n++) {
        j.computeDerivatives(0, y, dy);
        for (int i = 0; i < y.length; i++) {
          y[i] += eta[k] * dy[i];
        }
        if (!Vectors.allFinite(y)) {
          return new Fit(eta, defect, Double.NaN, Double.NaN, motion, scale, vMono,
              "GD diverged at eta = " + eta[k] + ", step " + n);
        }
        double[] d = j.defect(y);
        defect[k] = Math.max(defect[k], Vectors.norm(d));
        double[] vn1 = vNorms(j, y);
        for (int u = 0; u < vn.length; u++) {
          vMono &= vn1[u] >= vn[u] * (1 - V_ROUNDING);
        }
        vn = vn1;
        if (k == STEPS.length - 1) {
          motion = Math.max(motion, Vectors.distance(j.point(y), w0));
        }
      }
    }
    double[] floored = new double[defect.length];
    for (int k = 0; k < defect.length; k++) {
      floored[k] = Math.max(defect[k], Double.MIN_NORMAL); // exact agreement (0) has no log
    }
    var lf = org.wnverify.check.wu.LogLogFit.of(eta, floored);
    double[] sr = {lf.slope(), lf.rSquared()};
    if (!(motion > 1e-3 * scale)) {
      return new Fit(eta, defect, sr[0], sr[1], motion, scale, vMono, "the trajectory did not move (motion "
          + motion + ")");
    }
    return new Fit(eta, defect, sr[0], sr[1], motion, scale, vMono, null);
  }

  /** ||v_u|| per node of the normalized part of the joint state (theta = (s_u, v_u) blocks). */
  static double[] vNorms(Theorem1Numeric.Joint j, double[] y) {
    var nodes = j.net.architecture().nodes();
    double[] out = new double[nodes.size()];
    for (int k = 0; k < out.length; k++) {
      int o = j.net.offset(k);
      double s = 0;
      for (int i = 0; i < nodes.get(k).fanIn(); i++) {
        s += y[o + 1 + i] * y[o + 1 + i];
      }
      out[k] = s;
    }
    return out;
  }

  @Override
  protected void checkSamples(CheckContext ctx, List<Sample<NetworkInstance>> all, ClaimOutcome.Builder out) {
    List<Sample<NetworkInstance>> samples = EwnChecks.quick(ctx, all, QUICK_SAMPLES, out);
    List<Theorem1Numeric.Variant> variants = flows.variants();
    List<List<Object>> rows = new ArrayList<>();
    Map<String, int[]> tally = new LinkedHashMap<>();
    int holds = 0;
    int undecided = 0;
    String violated = null;
    NetworkInstance violatedInstance = null;
    for (Sample<NetworkInstance> s : samples) {
      boolean scalarNodes = s.instance().net().nodes().stream().allMatch(u -> u.fanIn() == 1);
      for (Theorem1Numeric.Variant v : variants) {
        boolean statement = v.name().equals("statement");
        if (v.vNorm0() != 1 && scalarNodes) {
          // ||v_u|| drops out for scalar nodes (P_v = 0): this instance cannot tell the control apart.
          tally.computeIfAbsent(v.name(), k -> new int[3])[2]++;
          continue;
        }
        Fit f = fit(ctx, s.instance(), v);
        Verdict verdict = f.verdict();
        rows.add(List.of(s.label(), statement ? "statement" : "control: " + v.name(), verdict.name(), f.detail()));
        if (statement) {
          switch (verdict) {
            case HOLDS -> holds++;
            case VIOLATED -> {
              if (violated == null) {
                violated = s.label() + ": " + f.detail();
                violatedInstance = s.instance();
              }
            }
            default -> undecided++;
          }
        } else {
          tally.computeIfAbsent(v.name(), k -> new int[3])[
              verdict == Verdict.VIOLATED ? 0 : verdict == Verdict.HOLDS ? 1 : 2]++;
        }
      }
    }
    out.table(new EvidenceTable("max_t ||w_norm(t) - w_adapt(t)|| over a fixed horizon against eta (GD steps)",
        List.of("instance", "formula", "verdict", "numbers"), rows));
    out.evidence("judgement", "slope within " + SLOPE_TOL + " of 1 with R^2 >= " + MIN_R2 + " holds; slope below "
        + SLOPE_FAIL + " (no first-order agreement) or a decrease of some ||v_u|| fails; relative defect <= " + EXACT
        + " at every eta is exact agreement");
    for (var e : tally.entrySet()) {
      out.control(EwnChecks.tallied(e.getKey(), e.getValue()));
    }
    if (violated != null) {
      Theorem1Numeric.Variant stmt = variants.get(0);
      var shrunk = Counterexamples.shrinkAndSave(ctx, this, "counterexample", violatedInstance,
          c -> fit(ctx, c, stmt).verdict() == Verdict.VIOLATED, c -> fit(ctx, c, stmt).detail(), SHRINK_BUDGET);
      out.counterexample(shrunk.counterexample());
      out.verdict(Verdict.VIOLATED, violated);
    } else if (holds > 0 && undecided == 0) {
      out.verdict(Verdict.HOLDS, param.label() + " GD and the adaptive-rate Unnorm GD agree to first order in eta"
          + " on all " + holds + " instances, with ||v_u|| non-decreasing");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, holds + " of " + samples.size() + " instances decided; see the table");
    }
  }
}
