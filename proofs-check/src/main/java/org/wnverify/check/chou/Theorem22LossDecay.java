package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.sampling.ChouSampler;
import org.wnverify.check.sampling.ProofRangeSampler;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Theorem 2.2 part 1, (19) and "the limit lies in S+": per instance the WN flow is run to its
 * limit. CONVERGED: the largest c with L(x(t)) <= L(x0) e^{-ct} over the run is fitted (> 0).
 * COLLAPSED: r -> 0, the flow tends to the stationary point x = 0 whose loss ||b||^2/(2L) is
 * positive, so no c > 0 works and the limit 0 is not in S+ (b != 0).
 */
final class Theorem22LossDecay extends ChouClaim {
  static final int SHRINK_BUDGET = 80;

  private final boolean limitPart;
  /** Sampled from the corrected range eta^(1/2) <= r0 <= ||A^+b||^(1/L) instead of the printed one. */
  private final boolean proofRange;

  private Theorem22LossDecay(String id, String statement, boolean limitPart, boolean proofRange) {
    super(id, "Chou, Rauhut, Ward, Theorem 2.2 part 1, eq. (19)", statement,
        limitPart ? ClaimKind.LIMIT : ClaimKind.RATE);
    this.limitPart = limitPart;
    this.proofRange = proofRange;
  }

  static Theorem22LossDecay lossDecay() {
    return new Theorem22LossDecay("chou/theorem-2.2#loss-decay",
        "Under the hypotheses of Theorem 2.2, L(x(t)) <= L(x0) e^{-ct} for all t >= 0, for some c > 0.", false, false);
  }

  static Theorem22LossDecay limitInSPlus() {
    return new Theorem22LossDecay("chou/theorem-2.2#limit-in-s-plus",
        "Under the hypotheses of Theorem 2.2, the limit x~_inf of x(t)^L lies in S+ = {z >= 0 : Az = b}.", true, false);
  }

  /**
   * (19) under the corrected hypothesis of #rho-at-least-1-corrected (eta^(1/2) <= r0 <=
   * ||A^+b||^(1/L), the range the proof uses): a correction that repairs rho >= 1 must not leave
   * another conclusion of the theorem false, so (19) is checked there too, sampled from that
   * range with its own corners (issue 20).
   */
  static Theorem22LossDecay lossDecayUnderCorrectedRange() {
    return new Theorem22LossDecay("chou/theorem-2.2#loss-decay-under-corrected-range",
        "Theorem 2.2 with r0 <= min(eta^(1/2), ||A^+b||^(1/L)) replaced by eta^(1/2) <= r0 <= ||A^+b||^(1/L) (the "
            + "range its proof uses; see #rho-at-least-1-corrected): L(x(t)) <= L(x0) e^{-ct} for all t >= 0, for "
            + "some c > 0.", false, true);
  }

  /** "The limit lies in S+" under the corrected range (see {@link #lossDecayUnderCorrectedRange}). */
  static Theorem22LossDecay limitInSPlusUnderCorrectedRange() {
    return new Theorem22LossDecay("chou/theorem-2.2#limit-in-s-plus-under-corrected-range",
        "Theorem 2.2 with r0 <= min(eta^(1/2), ||A^+b||^(1/L)) replaced by eta^(1/2) <= r0 <= ||A^+b||^(1/L) (the "
            + "range its proof uses; see #rho-at-least-1-corrected): the limit x~_inf of x(t)^L lies in "
            + "S+ = {z >= 0 : Az = b}.", true, true);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return proofRange ? ChouHypotheses.theorem22ProofRange() : ChouHypotheses.theorem22();
  }

  @Override
  java.util.function.Supplier<org.wnverify.numeric.problem.GeneratedInstance> draws(CheckContext context) {
    return proofRange ? ProofRangeSampler.forTheorem22(context.random(id()), new int[] {2, 3, 4}, false)
        : super.draws(context);
  }

  /**
   * The COLLAPSE corner first (it meets every printed hypothesis and the flow provably tends to
   * x = 0 there), so the finding is reported on every seed and with any --samples, then the
   * standard corners.
   */
  @Override
  ChouSampler chouSampler(CheckContext context) {
    List<ChouSampler.Corner> corners = new ArrayList<>();
    corners.add(ChouSampler.Corner.COLLAPSE);
    for (ChouSampler.Corner c : ChouSampler.STANDARD_ORDER) {
      if (c != ChouSampler.Corner.COLLAPSE) {
        corners.add(c);
      }
    }
    return new ChouSampler(context.random(id()), new int[] {2, 3, 4}, R0Rule.INTERIOR, corners);
  }

  /** The largest c with L(t) <= L0 e^{-ct} on the recorded steps of a converged run. */
  static double fittedRate(WnLimitRun run) {
    Trajectory t = run.trajectory();
    double c = Double.POSITIVE_INFINITY;
    for (int k = 1; k < t.size(); k++) {
      if (t.time(k) > 0) {
        c = Math.min(c, -Math.log(run.loss(k) / run.loss0) / t.time(k));
      }
    }
    return c;
  }

  /**
   * The largest c with L(t) >= L0 e^{ct} on the recorded steps (the sign-flipped (19)): min_t
   * log(L(t)/L0)/t; a run whose loss fell has it negative, so no c > 0 fits.
   */
  static double grownRate(WnLimitRun run) {
    Trajectory t = run.trajectory();
    double c = Double.POSITIVE_INFINITY;
    for (int k = 1; k < t.size(); k++) {
      if (t.time(k) > 0) {
        c = Math.min(c, Math.log(run.loss(k) / run.loss0) / t.time(k));
      }
    }
    return c;
  }

  /**
   * The rule by which a run refutes (19) (and the limit in S+): the flow collapsed to x = 0 (loss
   * tends to ||b||^2/(2L) > 0), or it did not converge and the loss is bounded below for all t by a
   * positive certificate (Lemma 3.19: the face and sign pattern of u0 that x(t) keeps).
   */
  static boolean noPositiveRate(WnLimitRun run, double certificate) {
    return run.kind == WnLimitRun.Kind.COLLAPSED
        || run.kind != WnLimitRun.Kind.CONVERGED && certificate >= Lemma319LossToZero.CERTIFICATE_MIN * run.loss0;
  }

  /**
   * The instance with u0 replaced by the unit vector e_j of the first coordinate j whose face
   * {z = t e_j, t >= 0} misses S+ (positive certificate), or e_0 if none does.
   */
  static DiagonalNetInstance onFace(DiagonalNetInstance p) {
    DiagonalNetInstance first = null;
    for (int j = 0; j < p.columns(); j++) {
      double[] u = new double[p.columns()];
      u[j] = 1;
      DiagonalNetInstance q = new DiagonalNetInstance(p.a(), p.b(), p.depth(), p.r0(), u, p.eta());
      first = first == null ? q : first;
      if (Lemma319LossToZero.certificate(q) >= Lemma319LossToZero.CERTIFICATE_MIN
          * org.wnverify.numeric.problem.Loss.value(q, q.x0())) {
        return q;
      }
    }
    return first;
  }

  /** Relative distance of x~(t) from the claimed set: residual for S+, distance to A^+b for the control. */
  static double residual(WnLimitRun run, double[] xt) {
    DiagonalNetInstance p = run.instance;
    double[] r = org.wnverify.numeric.linalg.Vectors.multiply(p.a(), xt);
    double s = 0;
    double nb = 0;
    for (int i = 0; i < r.length; i++) {
      s += (r[i] - p.b()[i]) * (r[i] - p.b()[i]);
      nb += p.b()[i] * p.b()[i];
    }
    double neg = 0;
    for (double x : xt) {
      neg += Math.min(x, 0) * Math.min(x, 0);
    }
    return Math.sqrt(s + neg) / Math.sqrt(nb);
  }

  /** The loss along a run, against time (thinned for the chart). */
  static Plot.Series lossSeries(WnLimitRun run, String label) {
    Trajectory t = run.trajectory();
    double[] time = new double[t.size()];
    double[] loss = new double[t.size()];
    for (int k = 0; k < t.size(); k++) {
      time[k] = t.time(k);
      loss[k] = run.loss(k);
    }
    return Plot.Series.of("L(x(t)), " + label + " (" + run.kind.name().toLowerCase(Locale.ROOT) + ")", Plot.Role.OBSERVED,
        time, loss);
  }

  /** L0 e^{-ct} with the fitted c on the run's time span: the best envelope (19) allows on it. */
  static Plot.Series envelope(WnLimitRun run, double c) {
    Trajectory t = run.trajectory();
    double[] time = new double[t.size()];
    double[] bound = new double[t.size()];
    for (int k = 0; k < t.size(); k++) {
      time[k] = t.time(k);
      bound[k] = run.loss0 * Math.exp(-c * time[k]);
    }
    return Plot.Series.of(String.format(Locale.ROOT, "L0 e^{-ct}, fitted c = %.3g", c), Plot.Role.UPPER_BOUND, time, bound);
  }

  /** Whether the statement fails on p (hypotheses hold and the flow collapses). */
  boolean fails(DiagonalNetInstance p) {
    return ChouHypotheses.firstUnmet(hypotheses(), p).isEmpty() && WnLimitRun.of(p).kind == WnLimitRun.Kind.COLLAPSED;
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    int converged = 0;
    int unresolved = 0;
    Sample<DiagonalNetInstance> collapsed = null;
    WnLimitRun collapsedRun = null;
    int controlRejected = 0;
    int controlAccepted = 0;
    int[][] setCounts = new int[2][2]; // limit in {Az = -b}, {Az = 2b}: {rejected, accepted}
    Sample<DiagonalNetInstance> certified = null;
    int[] growth = new int[2]; // "the loss grows": {rejected, accepted}
    List<Plot.Series> plotted = new ArrayList<>(); // the first collapsed run, the first converged one with its envelope
    boolean plottedConverged = false;
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      WnLimitRun run = WnLimitRun.of(g.instance());
      double c = run.kind == WnLimitRun.Kind.CONVERGED ? fittedRate(run) : Double.NaN;
      double[] xEnd = run.xTildeEnd();
      double res = residual(run, xEnd);
      double pinvDist = org.wnverify.numeric.linalg.Vectors.distance(xEnd,
          org.wnverify.numeric.linalg.PseudoInverse.of(g.instance().a()).apply(g.instance().b()));
      rows.add(List.of(g.label(), g.instance().depth(), g.instance().eta(), g.instance().r0(), run.kind.name(),
          run.result.finalTime(), run.loss0, run.lossEnd, limitPart ? res : c, pinvDist));
      if (!limitPart && run.kind == WnLimitRun.Kind.CONVERGED && !plottedConverged) {
        plotted.add(lossSeries(run, g.label()));
        plotted.add(envelope(run, c));
        plottedConverged = true;
      }
      switch (run.kind) {
        case CONVERGED -> {
          converged++;
          // control for the limit: "x~_inf = A^+ b" must be far from the converged limit
          double uncertainty = org.wnverify.numeric.linalg.Vectors.distance(xEnd,
              run.xTilde(run.trajectory().indexNear(0.9 * run.result.finalTime())));
          if (pinvDist > Refinement.CONSISTENCY * uncertainty) {
            controlRejected++;
          } else {
            controlAccepted++;
          }
          DiagonalNetInstance p = g.instance();
          double[] sets = {LimitTheorem.distanceToSolutions(p.a(), org.wnverify.numeric.linalg.Vectors.scale(-1, p.b()), xEnd),
              LimitTheorem.distanceToSolutions(p.a(), org.wnverify.numeric.linalg.Vectors.scale(2, p.b()), xEnd)};
          for (int m = 0; m < sets.length; m++) {
            setCounts[m][sets[m] > Refinement.CONSISTENCY * LimitTheorem.normF(p.a()) * uncertainty ? 0 : 1]++;
          }
          growth[grownRate(run) > 0 ? 1 : 0]++;
        }
        case COLLAPSED -> {
          if (collapsed == null) {
            collapsed = g;
            collapsedRun = run;
            if (!limitPart) {
              plotted.add(0, lossSeries(run, g.label()));
            }
          }
        }
        default -> {
          // under the hypotheses (u0 > 0, S+ non-empty) the certificate is 0, so this is never a finding here
          if (noPositiveRate(run, Lemma319LossToZero.certificate(g.instance())) && certified == null) {
            certified = g;
          }
          unresolved++;
        }
      }
    }
    out.table(new EvidenceTable(limitPart
        ? "WN flow to its limit: residual ||A x~ - b|| / ||b|| (plus negative part) at the end"
        : "WN flow to its limit: fitted c = min_t -log(L(t)/L0)/t over the run",
        List.of("instance", "L", "eta", "r0", "outcome", "t end", "loss start", "loss end",
            limitPart ? "residual" : "fitted c", "||x~ - A^+b||"), rows));
    if (!plotted.isEmpty()) {
      out.plot(Plot.envelope("loss against time: (19) needs L(x(t)) <= L(x0) e^{-ct} for some c > 0 (a collapsed run "
          + "stays at ||b||^2/(2L) > 0, so no c fits)", "t", "loss L(x(t))", plotted));
    }
    // hypothesis S+ non-empty dropped: the flow collapses to x = 0, which the check rejects for both parts
    WnLimitRun empty = WnLimitRun.of(Lemma33ConstantSignControl.EMPTY_S_PLUS);
    NegativeControl emptyControl = new NegativeControl("hypothesis S+ non-empty dropped (A = [1 1], b = [-1], L = 2)",
        empty.kind == WnLimitRun.Kind.COLLAPSED ? Verdict.VIOLATED : Verdict.INCONCLUSIVE, empty.describe());
    if (limitPart) {
      out.control(new NegativeControl("limit is the minimum-norm solution A^+ b instead of a point of S+",
          controlRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS,
          "distance to A^+b far above the limit's uncertainty on " + controlRejected + " converged instance(s), not on "
              + controlAccepted));
      String[] sets = {"sign flipped: the limit lies in {z >= 0 : Az = -b}",
          "constant doubled: the limit lies in {z >= 0 : Az = 2b}"};
      for (int m = 0; m < sets.length; m++) {
        out.control(new NegativeControl(sets[m], setCounts[m][0] > 0 ? Verdict.VIOLATED
            : setCounts[m][1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE, "||A x~ - b'|| far above ||A||_F times the "
            + "limit's uncertainty on " + setCounts[m][0] + " converged instance(s), not on " + setCounts[m][1]));
      }
      out.control(emptyControl);
    } else {
      out.control(emptyControl);
      out.control(new NegativeControl("sign flipped: L(x(t)) >= L(x0) e^{ct} for some c > 0 (the loss grows)",
          growth[0] > 0 ? Verdict.VIOLATED : growth[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
          "largest such c, min_t log(L(t)/L0)/t, is <= 0 on " + growth[0] + " converged run(s), > 0 on " + growth[1]));
      DiagonalNetInstance face = onFace(instances.get(0).instance());
      WnLimitRun f = WnLimitRun.of(face);
      double cert = Lemma319LossToZero.certificate(face);
      out.control(new NegativeControl("hypothesis u0 > 0 dropped (u0 = " + java.util.Arrays.toString(face.u0()) + " on "
          + instances.get(0).label() + ", a face of the orthant)", noPositiveRate(f, cert) ? Verdict.VIOLATED
          : f.kind == WnLimitRun.Kind.CONVERGED ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
          f.describe() + String.format(Locale.ROOT, "; the loss stays >= %.4g for all t (Lemma 3.19's certificate)", cert)));
    }
    if (collapsed != null) {
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", collapsed.instance(), this::fails,
          p -> "WN flow collapses to the stationary point x = 0: " + WnLimitRun.of(p).describe(), SHRINK_BUDGET);
      out.evidence("collapse", collapsedRun.describe());
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, String.format(Locale.ROOT,
          "FINDING: on %s (hypotheses of Theorem 2.2 met) r(t) -> 0 and the flow tends to the saddle x = 0: loss stays at "
              + "%.4g = ||b||^2/(2L) > 0, so %s; the proof assumes the limit is a minimiser, which the statement does not",
          collapsed.label(), collapsedRun.lossEnd,
          limitPart ? "the limit 0 is not in S+" : "no c > 0 satisfies (19)"));
    } else if (certified != null) {
      out.verdict(Verdict.VIOLATED, "on " + certified.label() + " the loss stays above a positive lower bound for all t "
          + "(Lemma 3.19's certificate), so " + (limitPart ? "the limit is not in S+" : "no c > 0 satisfies (19)"));
    } else if (converged == instances.size() && (!limitPart || controlRejected > 0)) {
      out.verdict(Verdict.HOLDS, "all " + converged + " instance(s) converged to zero loss"
          + (limitPart ? " with the limit in S+" : " with a positive fitted rate"));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, converged + " of " + instances.size() + " converged, " + unresolved + " unresolved");
    }
  }
}
