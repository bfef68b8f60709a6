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
import org.wnverify.check.sampling.ChouSampler;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Theorem 2.3: for L = 2, in the setting of Theorem 2.2, lim x~(t) exists. Shown per instance by
 * running the WN flow until the loss fell to 1e-16 of its start (or r to 1e-8 of r0 when it
 * collapses to x = 0, also a limit) and measuring the change of x~ between successive progress
 * levels (loss 1e-4, 1e-8, 1e-12, 1e-16 of its start; r 1e-2 .. 1e-8 of r0): the changes must
 * shrink by at least {@link #SHRINK} per level, and the geometric tail they imply, Delta_0 q/(1-q)
 * with q the last ratio, bounds the distance of x~(T) from the limit; it must be below
 * {@link #TAIL} of the size of x~ along the run. The control applies the same test to
 * log L(x(t)), which has no limit when the loss tends to 0.
 */
final class Theorem23Convergence extends ChouClaim {
  /** Successive level changes must shrink at least this much (converging runs shrink ~100x). */
  static final double SHRINK = 10;
  /**
   * The tail estimate of the distance to the limit, relative to max_t ||x~(t)||, must be below this:
   * at a loss of 1e-16 of its start the residual is 1e-8 of its start, and x~ moves in proportion.
   */
  static final double TAIL = 1e-6;

  Theorem23Convergence() {
    super("chou/theorem-2.3", "Chou, Rauhut, Ward, Theorem 2.3 (Section 3.3)",
        "In the setting of Theorem 2.2 with L = 2, the limit x~_inf = lim x~(t) of the WN flow with (eta, 1) always "
            + "exists (it need not be assumed).", ClaimKind.LIMIT);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return ChouHypotheses.theorem23();
  }

  /** L = 2 only; the collapse corner early, whose limit is the stationary point 0. */
  @Override
  ChouSampler chouSampler(CheckContext context) {
    List<ChouSampler.Corner> corners = new ArrayList<>(List.of(ChouSampler.Corner.GENERIC, ChouSampler.Corner.COLLAPSE));
    for (ChouSampler.Corner c : ChouSampler.STANDARD_ORDER) {
      if (!corners.contains(c)) {
        corners.add(c);
      }
    }
    return new ChouSampler(context.random(id()), new int[] {2}, R0Rule.INTERIOR, corners);
  }

  /** Changes of q between successive level times, latest first. */
  static double[] changes(FlowLimit run, java.util.function.Function<double[], double[]> q) {
    double[] t = run.levelTimes();
    double[] d = new double[Math.max(0, t.length - 1)];
    for (int j = 0; j < d.length; j++) {
      int i = t.length - 1 - j;
      d[j] = Vectors.distance(q.apply(run.stateAt(t[i])), q.apply(run.stateAt(t[i - 1])));
    }
    return d;
  }

  /**
   * Whether the changes show convergence: each level change at most 1/SHRINK of the one before
   * (or already below the rounding of x~), and the tail estimate below TAIL * scale.
   */
  static boolean converges(double[] d, double scale) {
    if (d.length < 2) {
      return false;
    }
    double rounding = 1e3 * Math.ulp(1.0) * scale;
    for (int j = 0; j + 1 < d.length; j++) {
      if (!(d[j] * SHRINK <= d[j + 1]) && !(d[j] <= rounding)) {
        return false;
      }
    }
    return tail(d) <= TAIL * scale;
  }

  /** Delta_0 q / (1 - q), q = Delta_0 / Delta_1: the geometric tail after the last level. */
  static double tail(double[] d) {
    double q = d[1] > 0 ? Math.min(d[0] / d[1], 0.5) : 0.5;
    return d[0] * q / (1 - q);
  }

  static double scale(FlowLimit run) {
    double s = 0;
    var tr = run.trajectory();
    for (int k = 0; k < tr.size(); k++) {
      s = Math.max(s, Vectors.norm(run.xTilde(tr.state(k))));
    }
    return s;
  }

  boolean fails(DiagonalNetInstance p) {
    if (ChouHypotheses.firstUnmet(hypotheses(), p).isPresent()) {
      return false;
    }
    FlowLimit run = FlowLimit.wn(p, LearningRate.CONSTANT);
    double[] d = changes(run, run::xTilde);
    return run.kind != FlowLimit.Kind.UNRESOLVED && !converges(d, scale(run)) && !stillSettling(d);
  }

  /**
   * Every level change of x~ smaller than the one before: x~ is still settling when the run ends
   * (the loss threshold can come before x~ is within TAIL of its limit). That is no evidence
   * against convergence; the soak found a run whose changes shrank 100x per level reported as
   * VIOLATED. Only changes that stop shrinking count against the theorem.
   */
  static boolean stillSettling(double[] d) {
    if (d.length < 2) {
      return false;
    }
    for (int j = 0; j + 1 < d.length; j++) {
      if (!(d[j] < d[j + 1])) {
        return false;
      }
    }
    return true;
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int shown = 0;
    int undecided = 0;
    int controlRejected = 0;
    int controlAccepted = 0;
    int[] logR = new int[2]; // "log r has a finite limit": {rejected, accepted}
    int[] pinv = new int[2]; // "the limit is A^+ b": {rejected, accepted}
    Sample<DiagonalNetInstance> violating = null;
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      FlowLimit run = FlowLimit.wn(p, LearningRate.CONSTANT);
      double[] d = changes(run, run::xTilde);
      double scale = scale(run);
      double[] logLoss = changes(run, s -> new double[] {Math.log(run.system.loss(s))});
      boolean ok = converges(d, scale);
      rows.add(List.of(g.label(), run.kind.name(), run.endTime(), run.lossEnd / run.loss0, run.result.finalState()[0],
          Refinement.fmt(d), d.length >= 2 ? tail(d) : Double.NaN, scale, Refinement.fmt(logLoss)));
      if (run.kind == FlowLimit.Kind.UNRESOLVED) {
        undecided++;
        notes.add(g.label() + ": INCONCLUSIVE, " + run.describe());
        continue;
      }
      if (ok) {
        shown++;
      } else if (stillSettling(d)) {
        undecided++;
        notes.add(g.label() + ": INCONCLUSIVE, x~ still settling at the end of the run (level changes "
            + Refinement.fmt(d) + ", each smaller than the one before, tail above " + TAIL + " of max ||x~||)");
      } else if (violating == null) {
        violating = g;
      }
      if (converges(logLoss, Math.abs(Math.log(run.loss0)) + 1)) {
        controlAccepted++;
      } else {
        controlRejected++;
      }
      // "the limit is positive" is true wherever r_inf > 0; only runs that collapse tell it apart
      if (run.kind == FlowLimit.Kind.COLLAPSED) {
        logR[converges(changes(run, s -> new double[] {Math.log(s[0])}), Math.abs(Math.log(p.r0())) + 1) ? 1 : 0]++;
      }
      if (ok) {
        double dist = Vectors.distance(run.xTildeEnd(),
            org.wnverify.numeric.linalg.PseudoInverse.of(p.a()).apply(p.b()));
        pinv[dist > Refinement.CONSISTENCY * (tail(d) + 1e3 * Math.ulp(1.0) * scale) ? 0 : 1]++;
      }
    }
    out.table(new EvidenceTable("WN flow, L = 2: change of x~ between successive progress levels (latest first; "
        + "must shrink " + (int) SHRINK + "x per level, geometric tail below " + TAIL + " of max ||x~||), and the same "
        + "for the control log L", List.of("instance", "outcome", "T", "loss end / start", "r(T)", "changes of x~",
        "tail: distance to the limit", "max ||x~||", "changes of log L"), rows));
    out.evidence("per instance", notes);
    out.control(new NegativeControl("log L(x(t)) has a finite limit (the loss tends to a positive value)",
        controlRejected > 0 ? Verdict.VIOLATED : controlAccepted > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "level changes not shrinking on " + controlRejected + " run(s) (loss -> 0), shrinking on " + controlAccepted
            + " (collapse to 0, where the loss does tend to ||b||^2/4)"));
    out.control(new NegativeControl("the limit is positive: log r(t) has a finite limit (r_inf > 0; collapse excluded)",
        logR[0] > 0 ? Verdict.VIOLATED : logR[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "on the collapsing runs (the only ones where r_inf > 0 fails), level changes of log r not shrinking on "
            + logR[0] + " run(s) (r -> 0), shrinking on " + logR[1] + "; undecided without one"));
    out.control(new NegativeControl("the limit is the minimum-norm solution A^+ b",
        pinv[0] > 0 ? Verdict.VIOLATED : pinv[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "||x~(T) - A^+b|| above " + (int) Refinement.CONSISTENCY + "x the tail estimate on " + pinv[0]
            + " converging run(s), within it on " + pinv[1]));
    if (violating != null) {
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", violating.instance(), this::fails, q -> {
        FlowLimit r = FlowLimit.wn(q, LearningRate.CONSTANT);
        return "x~ still moving at the end of the run: level changes " + Refinement.fmt(changes(r, r::xTilde));
      }, 20);
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, "on " + violating.label() + " the run ended without x~ settling");
    } else if (undecided > 0) {
      out.verdict(Verdict.INCONCLUSIVE, shown + " run(s) converged, " + undecided + " undecided: no limit within the budget, "
          + "or x~ still settling when the loss threshold ended the run (see per-instance notes)");
    } else if (shown > 0 && controlRejected > 0) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "x~ converges on all %d run(s) (to S+ or, on collapse, to 0): "
          + "level changes shrink geometrically and put x~(T) within %.0e of max ||x~|| of its limit; control rejected",
          shown, TAIL));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, shown + " run(s) converged; control rejected on " + controlRejected);
    }
  }
}
