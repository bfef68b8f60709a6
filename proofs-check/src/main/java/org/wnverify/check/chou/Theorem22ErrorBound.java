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
import org.wnverify.check.sampling.ProofRangeSampler;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Theorem 2.2 part 2, (20): ||x~_inf||_{w,1} - Q <= eps(rho^-L beta1, rho^-L beta_min) Q with
 * w = x~(0)^(2/L - 1), Q = min_{S+} ||z||_{w,1} (LP), beta1 = ||x~(0)||_{w,1},
 * beta_min = min_n w_n x~_n(0), under the precondition Q > c_L (rho^-L beta1)^(2/L). A run that
 * collapses to x = 0 has no limit in S+ (that is the finding of part 1) and says nothing here.
 */
final class Theorem22ErrorBound extends ChouClaim {
  /** Shrinking costs one WN limit run and one LP per candidate. */
  static final int SHRINK_BUDGET = 60;

  private final ErrorBound15.Precondition precondition;
  /** Sampled from the corrected range eta^(1/2) <= r0 <= ||A^+b||^(1/L) instead of the printed one. */
  private final boolean proofRange;

  private Theorem22ErrorBound(String id, String statement, ErrorBound15.Precondition precondition,
      boolean proofRange) {
    super(id, "Chou, Rauhut, Ward, Theorem 2.2 part 2, eqs. (15)-(17), (20)", statement, ClaimKind.BOUND);
    this.precondition = precondition;
    this.proofRange = proofRange;
  }

  private static final String CORRECTED_RANGE = "Theorem 2.2 with r0 <= min(eta^(1/2), ||A^+b||^(1/L)) replaced by "
      + "eta^(1/2) <= r0 <= ||A^+b||^(1/L) (the range its proof uses; see #rho-at-least-1-corrected): ";

  /**
   * (20) with its printed precondition under the corrected r0 range: the correction of
   * #rho-at-least-1 must be checked against every other conclusion (issue 20); the precondition
   * gap corner (eta = r0^2, the lower end of the range) lies in this range too.
   */
  static Theorem22ErrorBound printedUnderCorrectedRange() {
    return new Theorem22ErrorBound("chou/theorem-2.2#error-bound-under-corrected-range", CORRECTED_RANGE
        + "the limit satisfies ||x~_inf||_{w,1} - Q <= eps Q with eps = eps(rho^-L beta1, rho^-L beta_min) of (17), "
        + "under the precondition Q > c_L (rho^-L beta1)^(2/L).", ErrorBound15.Precondition.PRINTED, true);
  }

  /** (20) with both corrections: the corrected precondition and the corrected r0 range. */
  static Theorem22ErrorBound correctedUnderCorrectedRange() {
    return new Theorem22ErrorBound("chou/theorem-2.2#error-bound-corrected-under-corrected-range", CORRECTED_RANGE
        + "with the corrected precondition Q > c_L rho^-L beta1 (eps of (17) positive), the limit satisfies "
        + "||x~_inf||_{w,1} - Q <= eps(rho^-L beta1, rho^-L beta_min) Q.", ErrorBound15.Precondition.CORRECTED, true);
  }

  static Theorem22ErrorBound printed() {
    return new Theorem22ErrorBound("chou/theorem-2.2#error-bound",
        "The limit satisfies ||x~_inf||_{w,1} - Q <= eps Q with eps = eps(rho^-L beta1, rho^-L beta_min) of (17), "
            + "under the precondition of Theorem 2.1 with beta1 replaced by rho^-L beta1: Q > c_L (rho^-L beta1)^(2/L).",
        ErrorBound15.Precondition.PRINTED, false);
  }

  static Theorem22ErrorBound corrected() {
    return new Theorem22ErrorBound("chou/theorem-2.2#error-bound-corrected",
        "Corrected precondition Q > c_L rho^-L beta1 (eps of (17) positive): the limit satisfies ||x~_inf||_{w,1} - Q "
            + "<= eps(rho^-L beta1, rho^-L beta_min) Q.", ErrorBound15.Precondition.CORRECTED, false);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return proofRange ? ChouHypotheses.theorem22ProofRange() : ChouHypotheses.theorem22();
  }

  @Override
  java.util.function.Supplier<org.wnverify.numeric.problem.GeneratedInstance> draws(CheckContext context) {
    // depths 2 and 3, as for the printed range (see chouSampler)
    return proofRange ? ProofRangeSampler.forTheorem22(context.random(id()), new int[] {2, 3}, true)
        : super.draws(context);
  }

  /**
   * Depths 2 and 3 (at L = 4 the explicit integrator meets stiff runs that exhaust the budget
   * before the loss threshold; supplied instances of any depth are checked), the precondition gap
   * corner of Theorem 2.1 second, tiny r0 third (hence at L = 2).
   */
  @Override
  ChouSampler chouSampler(CheckContext context) {
    List<ChouSampler.Corner> corners = new ArrayList<>(List.of(ChouSampler.Corner.GENERIC,
        ChouSampler.Corner.PRECONDITION_GAP_RHO, ChouSampler.Corner.TINY_R0));
    for (ChouSampler.Corner c : ChouSampler.STANDARD_ORDER) {
      if (!corners.contains(c)) {
        corners.add(c);
      }
    }
    return new ChouSampler(context.random(id()), new int[] {2, 3}, R0Rule.INTERIOR, corners);
  }

  static double scale(DiagonalNetInstance p) {
    double rho = ChouBounds.rho(p.r0(), PseudoInverse.minNormSolutionNorm(p.a(), p.b()), p.depth(), p.eta());
    return Math.pow(rho, -p.depth());
  }

  ErrorBound15.Result bound(FlowLimit run) {
    return ErrorBound15.evaluate(run.instance, run.xTildeEnd(), run.xTildeWindowStart(), scale(run.instance),
        precondition);
  }

  boolean fails(DiagonalNetInstance p) {
    if (ChouHypotheses.firstUnmet(hypotheses(), p).isPresent()) {
      return false;
    }
    FlowLimit run = FlowLimit.wn(p, LearningRate.CONSTANT);
    return run.converged() && bound(run).violated();
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    int pass = 0;
    int vacuous = 0;
    int collapsed = 0;
    int unresolved = 0;
    int reversedRejected = 0;
    int[] exact = new int[2]; // control eps = 0: {rejected, accepted}
    Sample<DiagonalNetInstance> violating = null;
    ErrorBound15.Result violation = null;
    int[][] mutationCounts = new int[ErrorBound15.MUTATIONS.size()][2]; // {rejected, accepted}
    List<String> notes = new ArrayList<>();
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      FlowLimit run = FlowLimit.wn(p, LearningRate.CONSTANT);
      if (run.kind == FlowLimit.Kind.COLLAPSED) {
        collapsed++;
        notes.add(g.label() + ": no limit in S+ (collapse to x = 0, see #limit-in-s-plus; bound not applicable): "
            + run.describe());
        continue;
      }
      if (!run.converged()) {
        unresolved++;
        notes.add(g.label() + ": INCONCLUSIVE, limit not reached: " + run.describe());
        continue;
      }
      ErrorBound15.Result r = bound(run);
      r.tallyMutations(p.depth(), mutationCounts);
      List<Object> row = r.row(g.label(), p.depth());
      row.add(2, Math.pow(scale(p), -1.0 / p.depth()));
      rows.add(row);
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
          if (r.reversedRefuted()) {
            reversedRejected++;
          }
          exact[r.exactMinimiserRefuted() ? 0 : 1]++;
        }
        case PRECONDITION_UNMET -> {
          vacuous++;
          notes.add(g.label() + ": precondition " + precondition.text.replace("beta1", "rho^-L beta1")
              + " not met (statement vacuous)"
              + String.format(Locale.ROOT, " (Q = %.4g, rho^-L beta1 = %.4g, eps = %.4g)", r.q(), r.beta1(), r.eps()));
        }
        default -> {
          unresolved++;
          notes.add(g.label() + ": INCONCLUSIVE, " + r.detail());
        }
      }
    }
    List<String> columns = new ArrayList<>(ErrorBound15.COLUMNS);
    columns.add(2, "rho");
    columns.set(columns.indexOf("beta1"), "rho^-L beta1");
    columns.set(columns.indexOf("beta_min"), "rho^-L beta_min");
    EvidenceTable bound20 = new EvidenceTable("error bound (20): both sides and slack (uncertainty: weighted change of x~ "
        + "while the loss fell from 1e-12 to 1e-16 of its start, plus the LP tolerance)", columns, rows);
    out.table(bound20);
    out.plot(ErrorBound15.slackChart(bound20));
    out.evidence("per instance", notes);
    out.evidence("passed", pass);
    out.evidence("precondition not met (vacuous; not counted)", vacuous);
    out.evidence("collapsed to x = 0 (no limit in S+; not counted)", collapsed);
    out.evidence("unresolved runs (not passes)", unresolved);
    out.control(new NegativeControl("reversed inequality: ||x~_inf||_{w,1} - Q >= eps Q",
        reversedRejected > 0 ? Verdict.VIOLATED : Verdict.INCONCLUSIVE,
        "slack beyond " + (int) Refinement.CONSISTENCY + "x the uncertainty on " + reversedRejected + " instance(s)"));
    out.control(new NegativeControl("eps = 0: the limit minimises ||z||_{w,1} over S+ exactly",
        exact[0] > 0 ? Verdict.VIOLATED : exact[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "||x~_inf||_{w,1} - Q above " + (int) Refinement.CONSISTENCY + "x its uncertainty on " + exact[0]
            + " instance(s), within it on " + exact[1]));
    String dedicated = ErrorBound15.decidePreconditionDropped(mutationCounts,
        p -> FlowLimit.wn(p, LearningRate.CONSTANT), this::bound);
    for (int m = 0; m < mutationCounts.length; m++) {
      int[] c = mutationCounts[m];
      out.control(new NegativeControl(ErrorBound15.MUTATIONS.get(m),
          c[0] > 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
          "the same rule (left side above eps' Q by " + (int) Refinement.CONSISTENCY + "x the uncertainty) rejects it on "
              + c[0] + " instance(s), accepts it on " + c[1] + (m == ErrorBound15.PRECONDITION_DROPPED ? dedicated : "")));
    }
    if (violating != null) {
      ErrorBound15.Result v = violation;
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", violating.instance(), this::fails,
          p -> "bound (20) fails: " + bound(FlowLimit.wn(p, LearningRate.CONSTANT)).describe(), SHRINK_BUDGET);
      out.counterexample(s.counterexample());
      out.evidence("violating instance", violating.label());
      out.verdict(Verdict.VIOLATED, "FINDING: on " + violating.label() + " " + v.describe()
          + (v.eps() < 0 ? "; eps < 0: Q <= c_L rho^-L beta1 makes the denominator of (17) non-positive although the "
              + "printed precondition Q > c_L (rho^-L beta1)^(2/L) holds (the same gap as in Theorem 2.1)" : ""));
    } else if (pass > 0 && unresolved == 0 && reversedRejected > 0) {
      out.verdict(Verdict.HOLDS, "bound holds on all " + pass + " instance(s) with a limit in S+ meeting the precondition ("
          + vacuous + " vacuous, " + collapsed + " collapsed); control rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "bound holds on " + pass + " instance(s); " + unresolved
          + " unresolved run(s), " + vacuous + " vacuous, " + collapsed + " collapsed; none of these are passes");
    }
  }
}
