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
import org.wnverify.check.sampling.ChouSampler.Corner;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Theorem 2.1 (gradient flow (11)) and Theorem 2.4 (WN flow with (eta_r, eta_u) = (r^2, 1)): the
 * limit x~_inf exists and lies in S+, and it satisfies the error bound (15) with eps(beta1,
 * beta_min) of (17) (no magnification, rho = 1). Each theorem gives three claims: the limit, the
 * bound gated by the precondition as printed (Q > c_L beta1^(2/L)) and the bound gated by the
 * precondition under which eps of (17) is positive (Q > c_L beta1), the latter under the id
 * {@code #error-bound-corrected}.
 */
final class LimitTheorem extends ChouClaim {
  /** Shrinking a violated bound costs one limit run and one LP per candidate. */
  static final int SHRINK_BUDGET = 60;

  enum Flow { GF, WN_R_SQUARED }

  enum Part { LIMIT, BOUND_PRINTED, BOUND_CORRECTED }

  private final Flow flow;
  private final Part part;

  private LimitTheorem(String id, String location, String statement, ClaimKind kind, Flow flow, Part part) {
    super(id, location, statement, kind);
    this.flow = flow;
    this.part = part;
  }

  static List<LimitTheorem> theorem21() {
    return theorem("chou/theorem-2.1", "Chou, Rauhut, Ward, Theorem 2.1 (Theorem 2.1 of [8]), eqs. (15)-(17)", Flow.GF,
        "L >= 2, S+ non-empty, x follows the gradient flow (11) from x0 > 0: the limit x~_inf = lim x(t)^L exists "
            + "and lies in S+ = {z >= 0 : Az = b}.",
        "With w = x~(0)^(2/L-1), Q = min_{S+} ||z||_{w,1}, beta1 = ||x~(0)||_{w,1}, beta_min = min_n w_n x~_n(0): "
            + "if Q > c_L beta1^(2/L) then ||x~_inf||_{w,1} - Q <= eps Q with c_L of (16) and eps(beta1, beta_min) of (17).",
        "Corrected precondition: if Q > c_L beta1 (for L > 2 exactly where the denominator 2Q^g - L beta1^g of (17) "
            + "is positive; the same as printed for L = 2) then ||x~_inf||_{w,1} - Q <= eps Q.");
  }

  static List<LimitTheorem> theorem24() {
    return theorem("chou/theorem-2.4", "Chou, Rauhut, Ward, Theorem 2.4 (Section 3.4)", Flow.WN_R_SQUARED,
        "Setting of Theorem 2.2 with (eta_r, eta_u) = (r^2, 1), b != 0, existence of the limit not assumed: "
            + "the limit x~_inf = lim x(t)^L exists and lies in S+.",
        "The limit satisfies (15) with error eps(beta1, beta_min) of (17), i.e. the bound of Theorem 2.2 with "
            + "rho = 1, under the precondition of Theorem 2.1 as printed, Q > c_L beta1^(2/L).",
        "Corrected precondition Q > c_L beta1 (eps of (17) positive): the limit satisfies (15) with eps(beta1, beta_min).");
  }

  /** The three claims of one theorem: the limit, the bound as printed and the bound with the corrected precondition. */
  private static List<LimitTheorem> theorem(String id, String loc, Flow flow, String limit, String bound,
      String corrected) {
    return List.of(
        new LimitTheorem(id + "#limit-in-s-plus", loc, limit, ClaimKind.LIMIT, flow, Part.LIMIT),
        new LimitTheorem(id + "#error-bound", loc, bound, ClaimKind.BOUND, flow, Part.BOUND_PRINTED),
        new LimitTheorem(id + "#error-bound-corrected", loc, corrected, ClaimKind.BOUND, flow, Part.BOUND_CORRECTED));
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return flow == Flow.GF ? ChouHypotheses.theorem21() : ChouHypotheses.theorem24();
  }

  /**
   * Corners: the precondition gap (where the printed bound fails) second. Depths 2 and 3: at L = 4
   * the flows are stiff for the explicit integrator (entries of very different sizes) and often
   * exhaust the budget before the loss threshold; supplied instances of any depth are checked.
   * Tiny r0 only for GF and at L = 2 (third, so the depth cycle gives L = 2): at L = 3 GF from
   * x0 ~ 1e-3 passes saddles slowly and stiffly. The (r^2, 1) flow moves x at ||x||^2 times the GF speed, so from
   * r0 ~ 1e-3 it stays at the saddle 0 beyond any horizon. The COLLAPSE corner of Theorem 2.2
   * shows the (r^2, 1) rate converging where (eta, 1) collapses.
   */
  @Override
  ChouSampler chouSampler(CheckContext context) {
    List<Corner> corners = flow == Flow.GF
        ? List.of(Corner.GENERIC, Corner.PRECONDITION_GAP, Corner.TINY_R0, Corner.SPARSE_SOLUTION,
            Corner.MINIMAL_DIMENSIONS, Corner.UNIFORM_U0, Corner.R0_AT_BOUND, Corner.LARGE_ETA)
        : List.of(Corner.GENERIC, Corner.PRECONDITION_GAP, Corner.SPARSE_SOLUTION, Corner.COLLAPSE,
            Corner.MINIMAL_DIMENSIONS, Corner.UNIFORM_U0, Corner.R0_AT_BOUND, Corner.LARGE_ETA);
    return new ChouSampler(context.random(id()), new int[] {2, 3}, R0Rule.INTERIOR, corners);
  }

  FlowLimit limit(DiagonalNetInstance p) {
    return flow == Flow.GF ? FlowLimit.gf(p) : FlowLimit.wn(p, LearningRate.R_SQUARED);
  }

  ErrorBound15.Precondition precondition() {
    return part == Part.BOUND_CORRECTED ? ErrorBound15.Precondition.CORRECTED : ErrorBound15.Precondition.PRINTED;
  }

  ErrorBound15.Result bound(FlowLimit run) {
    return ErrorBound15.evaluate(run.instance, run.xTildeEnd(), run.xTildeWindowStart(), 1.0, precondition());
  }

  /** Residual ||A x~ - b|| / ||b|| plus the negative part of x~: the relative distance from S+ of x~(T). */
  static double residual(DiagonalNetInstance p, double[] xt) {
    double[] r = Vectors.subtract(Vectors.multiply(p.a(), xt), p.b());
    double neg = 0;
    for (double x : xt) {
      neg += Math.min(x, 0) * Math.min(x, 0);
    }
    return Math.sqrt(Vectors.dot(r, r) + neg) / Vectors.norm(p.b());
  }

  /** Hypotheses hold, the run converged and the bound is violated beyond its uncertainty. */
  boolean boundFails(DiagonalNetInstance p) {
    if (ChouHypotheses.firstUnmet(hypotheses(), p).isPresent()) {
      return false;
    }
    FlowLimit run = limit(p);
    return run.converged() && bound(run).violated();
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    if (part == Part.LIMIT) {
      checkLimit(ctx, instances, out);
    } else {
      checkBound(ctx, instances, out);
    }
  }

  private void checkLimit(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int converged = 0;
    int unresolved = 0;
    int controlRejected = 0;
    int controlAccepted = 0;
    List<String> mutations = limitMutations();
    int[][] mutationCounts = new int[mutations.size()][2]; // {rejected, accepted}
    Sample<DiagonalNetInstance> failed = null;
    FlowLimit failedRun = null;
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      FlowLimit run = limit(p);
      double[] xEnd = run.xTildeEnd();
      double change = run.windowChange();
      double pinvDist = Vectors.distance(xEnd, PseudoInverse.of(p.a()).apply(p.b()));
      double gfDist = Double.NaN;
      if (flow == Flow.WN_R_SQUARED && run.converged()) {
        // Corollary 3.15: x follows the GF path at speed ||x||^2, so both limits coincide
        FlowLimit gf = FlowLimit.gf(p);
        gfDist = gf.converged() ? Vectors.distance(xEnd, gf.xTildeEnd()) : Double.NaN;
      }
      tallyRunMutations(p, run, mutationCounts);
      double[] win = run.levelChanges();
      rows.add(List.of(g.label(), p.depth(), run.kind.name(), run.endTime(), run.loss0, run.lossEnd,
          residual(p, xEnd), change, Refinement.fmt(win), pinvDist, gfDist));
      switch (run.kind) {
        case CONVERGED -> {
          converged++;
          if (pinvDist > Refinement.CONSISTENCY * change) {
            controlRejected++;
          } else {
            controlAccepted++;
          }
          double[] sets = {distanceToSolutions(p.a(), Vectors.scale(-1, p.b()), xEnd),
              distanceToSolutions(p.a(), Vectors.scale(2, p.b()), xEnd)};
          for (int m = 0; m < sets.length; m++) {
            mutationCounts[m][sets[m] > Refinement.CONSISTENCY * normF(p.a()) * change ? 0 : 1]++;
          }
        }
        case COLLAPSED -> {
          if (failed == null) {
            failed = g;
            failedRun = run;
          }
        }
        default -> {
          unresolved++;
          notes.add(g.label() + ": INCONCLUSIVE, " + run.describe());
        }
      }
    }
    out.table(new EvidenceTable("flow run until the loss fell to " + FlowLimit.LOSS_FACTOR + " of its start: "
        + "residual ||A x~(T) - b||/||b||, change of x~ while the loss fell from 1e-12 to 1e-16 of its start (how "
        + "converged), changes of x~ between successive progress levels (loss 1e-4 .. 1e-16 of its start, latest "
        + "first)", List.of("instance", "L", "outcome", "T", "loss start", "loss end",
        "residual", "change since loss 1e-12", "level changes", "||x~ - A^+b||",
        "||x~ - x~_GF||"), rows));
    out.evidence("per instance", notes);
    tallyLinear(LINEAR_WITNESS, mutationCounts);
    out.control(new NegativeControl("the limit is the minimum-norm solution A^+ b",
        controlRejected > 0 ? Verdict.VIOLATED : controlAccepted > 0 ? Verdict.HOLDS
            : Verdict.INCONCLUSIVE,
        "||x~_inf - A^+b|| above " + (int) Refinement.CONSISTENCY + "x the limit's uncertainty on " + controlRejected
            + " converged instance(s), within it on " + controlAccepted));
    for (int m = 0; m < mutations.size(); m++) {
      int[] c = mutationCounts[m];
      out.control(new NegativeControl(mutations.get(m),
          c[0] > 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
          "rejected on " + c[0] + " instance(s), accepted on " + c[1]));
    }
    if (failed != null) {
      FlowLimit f = failedRun;
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", failed.instance(),
          p -> ChouHypotheses.firstUnmet(hypotheses(), p).isEmpty() && limit(p).kind == FlowLimit.Kind.COLLAPSED,
          p -> "flow tends to x = 0, not to S+: " + limit(p).describe(), SHRINK_BUDGET);
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, "on " + failed.label() + " the flow tends to x = 0, outside S+: " + f.describe());
    } else if (unresolved > 0) {
      out.verdict(Verdict.INCONCLUSIVE, converged + " of " + instances.size() + " run(s) converged, " + unresolved
          + " did not reach the loss threshold (see per-instance notes)");
    } else if (controlRejected > 0) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "all %d run(s) converged to S+ (loss below %.0e of its start; "
          + "how far x~(T) may still be from the limit is the change shown); control rejected", converged,
          FlowLimit.LOSS_FACTOR));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "all " + converged + " run(s) converged but the control was not rejected");
    }
  }

  /**
   * Mutations of "the limit lies in S+", beyond A^+ b, each judged by the rule of the real check
   * (a converged run, the limit away from the claimed set by more than
   * {@link Refinement#CONSISTENCY} times its uncertainty, the change of x~ since loss 1e-12 of its
   * start, mapped through ||A||_F where the set is an affine one): S+ with b replaced by -b (sign)
   * and by 2b (constant doubled), on the runs already made; the hypothesis L >= 2 dropped (the
   * same flow at L = 1, a linear model, whose limit x~(0) + A^+(b - A x~(0)) is the projection of
   * the start and has negative entries wherever A^+b does and x~(0) is small); for Theorem 2.4 the
   * rate (eta, 1) in place of (r^2, 1), which collapses to x = 0 on the COLLAPSE corner.
   */
  List<String> limitMutations() {
    List<String> m = new ArrayList<>(List.of("sign flipped: the limit lies in {z >= 0 : Az = -b}",
        "constant doubled: the limit lies in {z >= 0 : Az = 2b}",
        "hypothesis L >= 2 dropped: the same flow at L = 1 has its limit in S+ (sampled starts and A = [1 -1], "
            + "b = -1, x0 = 0.1 (0.6, 0.8))"));
    if (flow == Flow.WN_R_SQUARED) {
      m.add("exponent of r dropped: (eta_r, eta_u) = (eta, 1) in place of (r^2, 1), the limit lies in S+");
    }
    return m;
  }

  /** The mutations of {@link #limitMutations()} that need runs of their own (index 2 on). */
  private void tallyRunMutations(DiagonalNetInstance p, FlowLimit run, int[][] counts) {
    tallyLinear(p, counts);
    if (flow == Flow.WN_R_SQUARED && ChouHypotheses.firstUnmet(ChouHypotheses.theorem22(), p).isEmpty()) {
      FlowLimit constant = FlowLimit.wn(p, LearningRate.CONSTANT);
      // Theorem 2.2 itself puts the (eta, 1) limit in S+ unless the flow collapses, so only a
      // collapsing run tells this mutation apart; without one it stays undecided.
      if (constant.kind == FlowLimit.Kind.COLLAPSED) {
        counts[3][0]++;
      }
    }
  }

  /**
   * A fixed instance on which the L = 1 flow's limit leaves S+: A = [1 -1], b = -1, x0 = 0.1 (0.6,
   * 0.8); the linear model's limit is about x0 + A^+(b - A x0) = (-0.43, 0.57), while S+ = {z >= 0 :
   * z1 - z2 = -1} is not empty. Sampled instances whose projection happens to be non-negative
   * cannot tell the mutation "L >= 2 dropped" apart; this one always can.
   */
  static final DiagonalNetInstance LINEAR_WITNESS = new DiagonalNetInstance(new double[][] {{1, -1}},
      new double[] {-1}, 1, 0.1, new double[] {0.6, 0.8}, 1.0);

  /** The mutation "hypothesis L >= 2 dropped" on the flow at L = 1 from the instance's start. */
  private void tallyLinear(DiagonalNetInstance p, int[][] counts) {
    DiagonalNetInstance linear = new DiagonalNetInstance(p.a(), p.b(), 1, p.r0(), p.u0(), p.eta());
    FlowLimit l1 = flow == Flow.GF ? FlowLimit.gf(linear) : FlowLimit.wn(linear, LearningRate.R_SQUARED);
    if (l1.converged()) {
      double[] x = l1.xTildeEnd();
      double neg = 0;
      for (double v : x) {
        neg += Math.min(v, 0) * Math.min(v, 0);
      }
      counts[2][Math.sqrt(neg) > Refinement.CONSISTENCY * l1.windowChange() ? 0 : 1]++;
    }
  }

  /** ||A x - b'||: how far A x is from b' (x lies within this / sigma_min of {Az = b'}, at least this / ||A||). */
  static double distanceToSolutions(double[][] a, double[] b, double[] x) {
    return Vectors.norm(Vectors.subtract(Vectors.multiply(a, x), b));
  }

  /** Frobenius norm, an upper bound of ||A||: an uncertainty d of x~ moves A x~ by at most ||A||_F d. */
  static double normF(double[][] a) {
    double s = 0;
    for (double[] row : a) {
      s += Vectors.dot(row, row);
    }
    return Math.sqrt(s);
  }

  private void checkBound(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int pass = 0;
    int vacuous = 0;
    int unresolved = 0;
    int controlRejected = 0;
    int controlAccepted = 0;
    int[] reversed = new int[2]; // control "reversed inequality": {rejected, accepted}
    Sample<DiagonalNetInstance> violating = null;
    ErrorBound15.Result violation = null;
    int[][] mutationCounts = new int[ErrorBound15.MUTATIONS.size()][2]; // {rejected, accepted}
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      FlowLimit run = limit(p);
      if (!run.converged()) {
        unresolved++;
        notes.add(g.label() + ": INCONCLUSIVE, limit not reached: " + run.describe());
        continue;
      }
      ErrorBound15.Result r = bound(run);
      r.tallyMutations(p.depth(), mutationCounts);
      rows.add(r.row(g.label(), p.depth()));
      switch (r.status()) {
        case CHECKED -> {
          if (r.violated()) {
            if (violating == null) {
              violating = g;
              violation = r;
            }
          } else {
            pass++;
          }
          if (r.exactMinimiserRefuted()) {
            controlRejected++;
          } else {
            controlAccepted++;
          }
          reversed[r.reversedRefuted() ? 0 : 1]++;
        }
        case PRECONDITION_UNMET -> {
          vacuous++;
          notes.add(g.label() + ": " + r.detail() + String.format(Locale.ROOT, " (Q = %.4g, beta1 = %.4g)", r.q(), r.beta1()));
        }
        default -> {
          unresolved++;
          notes.add(g.label() + ": INCONCLUSIVE, " + r.detail());
        }
      }
    }
    EvidenceTable bound15 = new EvidenceTable("error bound (15) on the limit of " + (flow == Flow.GF ? "GF (11)"
        : "the (r^2, 1) WN flow") + ": both sides and slack (precondition " + precondition().text + ")",
        ErrorBound15.COLUMNS, rows);
    out.table(bound15);
    out.plot(ErrorBound15.slackChart(bound15));
    out.evidence("per instance", notes);
    out.evidence("instances where the bound was checked and held", pass);
    out.evidence("instances where the precondition fails (statement vacuous; not counted)", vacuous);
    out.control(new NegativeControl("eps = 0: the limit minimises ||z||_{w,1} over S+ exactly",
        controlRejected > 0 ? Verdict.VIOLATED : controlAccepted > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "||x~_inf||_{w,1} - Q above " + (int) Refinement.CONSISTENCY + "x its uncertainty on " + controlRejected
            + " instance(s), within it on " + controlAccepted));
    out.control(new NegativeControl("reversed inequality: ||x~_inf||_{w,1} - Q >= eps Q",
        reversed[0] > 0 ? Verdict.VIOLATED : reversed[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "slack beyond " + (int) Refinement.CONSISTENCY + "x the uncertainty on " + reversed[0] + " instance(s), not on "
            + reversed[1]));
    String dedicated = ErrorBound15.decidePreconditionDropped(mutationCounts,
        this::limit, this::bound);
    for (int m = 0; m < mutationCounts.length; m++) {
      int[] c = mutationCounts[m];
      out.control(new NegativeControl(ErrorBound15.MUTATIONS.get(m),
          c[0] > 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
          "the same rule (left side above eps' Q by " + (int) Refinement.CONSISTENCY + "x the uncertainty) rejects it on "
              + c[0] + " instance(s), accepts it on " + c[1] + (m == ErrorBound15.PRECONDITION_DROPPED ? dedicated : "")));
    }
    if (violating != null) {
      ErrorBound15.Result v = violation;
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", violating.instance(), this::boundFails,
          p -> "bound (15) fails: " + bound(limit(p)).describe(), SHRINK_BUDGET);
      ErrorBound15.Result sr = bound(limit(s.instance()));
      out.evidence("shrunk counterexample", sr.describe());
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, String.format(Locale.ROOT,
          "FINDING: on %s (precondition %s met) %s%s", violating.label(), precondition().text, v.describe(),
          v.eps() < 0 ? "; eps < 0 because Q <= c_L beta1 makes the denominator 2Q^g - L beta1^g of (17) non-positive, "
              + "while ||x~_inf||_{w,1} >= Q on S+: the printed precondition Q > c_L beta1^(2/L) is weaker than "
              + "Q > c_L beta1 when beta1 > 1" : ""));
    } else if (unresolved > 0) {
      out.verdict(Verdict.INCONCLUSIVE, "bound held on " + pass + " instance(s); " + unresolved
          + " run(s) did not converge, which are not passes");
    } else if (pass > 0 && controlRejected > 0) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT,
          "bound holds on all %d instance(s) meeting the precondition (%d vacuous); control rejected", pass, vacuous));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "bound held on " + pass + " instance(s) (" + vacuous
          + " vacuous); control rejected on " + controlRejected);
    }
  }
}
