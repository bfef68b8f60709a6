package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.lp.LpResult;
import org.wnverify.numeric.lp.WeightedL1Program;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The error bound (15) of Theorem 2.1, ||x~_inf||_{w,1} - Q <= eps Q with eps of (17), evaluated
 * on a computed limit: w = x~(0)^(2/L - 1), Q = min_{S+} ||z||_{w,1} (LP), beta1 = ||x~(0)||_{w,1},
 * beta_min = min_n w_n x~_n(0), both betas multiplied by {@code scale} (rho^-L in Theorem 2.2,
 * 1 in Theorems 2.1 and 2.4).
 */
final class ErrorBound15 {
  /**
   * LP contribution to the uncertainty, relative to Q: the simplex solves to feasibility 1e-9
   * ({@code Simplex.EPSILON}), and a thousand times that leaves margin for the objective.
   */
  static final double LP_RELATIVE = 1e3 * 1e-9;

  /** Which precondition gates the bound. */
  enum Precondition {
    /** As printed in Theorem 2.1: Q > c_L beta1^(2/L). */
    PRINTED("Q > c_L beta1^(2/L)"),
    /**
     * Q > c_L beta1: exactly where the denominator 2 Q^g - L beta1^g of (17) is positive for L > 2
     * (c_L^(1/g) = L/2 with g = 1 - 2/L); for L = 2 both read Q > beta1.
     */
    CORRECTED("Q > c_L beta1");

    final String text;

    Precondition(String text) {
      this.text = text;
    }

    boolean holds(int depth, double q, double beta1) {
      return this == PRINTED ? ChouBounds.preconditionHolds(depth, q, beta1) : q > ChouBounds.cL(depth) * beta1;
    }
  }

  enum Status { CHECKED, PRECONDITION_UNMET, LP_FAILED }

  record Result(Status status, double q, double beta1, double betaMin, boolean precondition, double eps,
      double lhs, double rhs, double uncertainty, String detail) {
    double slack() {
      return rhs - lhs;
    }

    /** The bound fails by more than the limit's and the LP's uncertainty. */
    boolean violated() {
      return status == Status.CHECKED && lhs - rhs > Refinement.CONSISTENCY * uncertainty;
    }

    /** The same rule as {@link #violated()} for the bound with another eps (a negative control). */
    boolean violatedWith(double mutatedEps) {
      return status == Status.CHECKED && lhs - mutatedEps * q > Refinement.CONSISTENCY * uncertainty;
    }

    /**
     * The mutated eps of the controls {@link #MUTATIONS}, in that order. Not controls, true in
     * disguise (weaker statements): eps doubled, and (Theorem 2.2) rho^-L dropped or rho^L in its
     * place (rho >= 1, so both only enlarge beta1 and eps). Not a control either: eps halved, which
     * the corrected-precondition claims do not reject on the default samples (seeds 1 and 7): (17)
     * is loose by more than a factor 2 there (the printed-precondition claims reject it only where
     * eps < 0, which is their finding, not power).
     */
    double[] mutatedEps(int depth) {
      return new double[] {ChouBounds.epsilon(depth, q, betaMin, beta1)};
    }

    /**
     * Adds this result's verdict on each mutated eps to {@code counts[m] = {rejected, accepted}};
     * a result whose bound was not checked adds nothing.
     */
    void tallyMutations(int depth, int[][] counts) {
      if (status == Status.LP_FAILED) {
        return;
      }
      if (status == Status.CHECKED) {
        double[] mutated = mutatedEps(depth);
        for (int m = 0; m < mutated.length; m++) {
          counts[m][violatedWith(mutated[m]) ? 0 : 1]++;
        }
      }
      tallyPreconditionDropped(counts);
    }

    /**
     * Adds this result's verdict on the precondition-dropped mutation alone. Where the precondition
     * holds, the mutation is the statement itself, so only instances that miss it can tell them
     * apart; a sample without one leaves this control undecided (then {@link #PRECONDITION_MISSED}
     * decides it).
     */
    void tallyPreconditionDropped(int[][] counts) {
      if (status != Status.LP_FAILED && Double.isFinite(eps) && !precondition) {
        counts[PRECONDITION_DROPPED][lhs - eps * q > Refinement.CONSISTENCY * uncertainty ? 0 : 1]++;
      }
    }

    /** The control "reversed inequality ||x~_inf||_{w,1} - Q >= eps Q" is refuted (by the same margin). */
    boolean reversedRefuted() {
      return status == Status.CHECKED && slack() > Refinement.CONSISTENCY * uncertainty;
    }

    /** The control "eps = 0" (the limit minimises the weighted l1 norm exactly) is refuted. */
    boolean exactMinimiserRefuted() {
      return status == Status.CHECKED && lhs > Refinement.CONSISTENCY * uncertainty;
    }

    List<Object> row(String label, int depth) {
      List<Object> r = new ArrayList<>(List.of(label, depth, q, beta1, betaMin, precondition ? "met" : "NOT met",
          eps, lhs, rhs, slack(), uncertainty));
      return r;
    }

    String describe() {
      return String.format(Locale.ROOT,
          "||x~_inf||_{w,1} - Q = %.6g vs eps Q = %.6g (eps = %.6g, Q = %.6g, beta1 = %.6g, beta_min = %.6g, slack %.3g, "
              + "uncertainty %.2e)", lhs, rhs, eps, q, beta1, betaMin, slack(), uncertainty);
    }
  }

  /**
   * Mutated versions of (15), judged by the rule of {@link Result#violated}: another eps (by
   * {@link Result#violatedWith}), and the precondition dropped, i.e. the bound with eps of (17)
   * required on every computed limit, also where the precondition fails and (17) is negative
   * (Q < c_L beta1; at L = 2, Q < beta1) while ||x~_inf||_{w,1} - Q >= 0 on S+.
   */
  static final List<String> MUTATIONS = List.of(
      "beta1 and beta_min swapped in (17) (sign of eps flipped: log(beta_min/beta1), beta_min^g - beta1^g)",
      "hypothesis dropped: (15) with eps of (17) on every limit, whether or not the precondition holds");

  /** Index of the precondition-dropped mutation in {@link #MUTATIONS}. */
  static final int PRECONDITION_DROPPED = 1;

  /**
   * An instance that meets every hypothesis of Theorems 2.1, 2.2 and 2.4 (and the corrected r0
   * range: r0 = eta^(1/2) <= ||A^+b||^(1/3) = 0.413) except the precondition, printed or corrected:
   * A = [1 -1], b = [0.1], L = 3, x0 = 0.4 (0.8, 0.6), so Q = 0.3125 < c_3 beta1^(2/3) = 0.995. Only
   * an instance missing the precondition can tell "(15) on every limit" from the statement, and the
   * sampled corners rarely miss it, so the control is decided here when no sample did (issue 19:
   * every control decided on every seed).
   */
  static final DiagonalNetInstance PRECONDITION_MISSED = new DiagonalNetInstance(new double[][] {{1, -1}},
      new double[] {0.1}, 3, 0.4, new double[] {0.8, 0.6}, 0.16);

  /** Said in the control's detail when {@link #PRECONDITION_MISSED} decided it. */
  static final String DEDICATED_NOTE = " (on the dedicated instance A = [1 -1], b = [0.1], L = 3, x0 = 0.4 (0.8, 0.6), "
      + "which misses the precondition: no sample did)";

  /** Said in the control's detail when samples missed the precondition but none refuted the bound there. */
  static final String DEDICATED_NOTE_AFTER_SAMPLES = " (also on the dedicated instance A = [1 -1], b = [0.1], L = 3, "
      + "x0 = 0.4 (0.8, 0.6), which misses the precondition: the samples that missed it did not refute the bound)";

  /**
   * Decides the precondition-dropped control on {@link #PRECONDITION_MISSED} when no sample refuted
   * it: {@code limit} runs the claim's own flow, {@code bound} evaluates the claim's own bound. A
   * sample that misses the precondition and still meets the bound is no evidence for the mutated
   * (universal) statement, only the absence of a counterexample there: selftest seed 6 had one such
   * sample and reported the control SURVIVED.
   *
   * @return the note for the control's detail, empty if a sample had refuted it
   */
  static String decidePreconditionDropped(int[][] counts, java.util.function.Function<DiagonalNetInstance, FlowLimit> limit,
      java.util.function.Function<FlowLimit, Result> bound) {
    if (counts[PRECONDITION_DROPPED][0] > 0) {
      return "";
    }
    boolean sampled = counts[PRECONDITION_DROPPED][1] > 0;
    FlowLimit run = limit.apply(PRECONDITION_MISSED);
    if (!run.converged()) {
      return " (the dedicated instance missing the precondition did not converge: " + run.describe() + ")";
    }
    bound.apply(run).tallyPreconditionDropped(counts);
    return sampled ? DEDICATED_NOTE_AFTER_SAMPLES : DEDICATED_NOTE;
  }

  static final List<String> COLUMNS = List.of("instance", "L", "Q", "beta1", "beta_min", "precondition", "eps",
      "||x~||_w,1 - Q", "eps Q", "slack", "uncertainty");

  private ErrorBound15() {}

  /**
   * (||x~||_w,1 - Q) / (eps Q) per instance where the precondition is met (elsewhere the statement
   * is vacuous and eps Q may be negative): the bound holds at ratio <= 1.
   */
  static org.wnverify.check.Plot slackChart(org.wnverify.check.EvidenceTable t) {
    int pre = t.columns().indexOf("precondition");
    return org.wnverify.check.Plot.slackFromTable("slack of the error bound: (||x~||_w,1 - Q) / (eps Q) per instance "
        + "where the precondition holds (the bound holds at ratio <= 1)", t, "||x~||_w,1 - Q", "eps Q",
        row -> "met".equals(row.get(pre)));
  }

  /**
   * @param xInf the computed limit x~(T)
   * @param xEarlier x~ at an earlier time (T/2): |x~(T) - x~(T/2)| bounds how far x~(T) is from the limit
   * @param scale multiplies beta1 and beta_min (rho^-L, or 1)
   */
  static Result evaluate(DiagonalNetInstance p, double[] xInf, double[] xEarlier, double scale, Precondition pre) {
    int depth = p.depth();
    double[] x0 = p.x0();
    double[] xt0 = Vectors.pow(x0, depth);
    double[] w = Vectors.pow(x0, 2.0 - depth); // x~(0)^(2/L - 1) = x0^(2 - L)
    LpResult lp = WeightedL1Program.minimise(p.a(), p.b(), w);
    if (!lp.optimal()) {
      return new Result(Status.LP_FAILED, Double.NaN, Double.NaN, Double.NaN, false, Double.NaN, Double.NaN,
          Double.NaN, Double.NaN, "LP " + lp.status() + ": " + lp.detail());
    }
    double beta1 = 0;
    double betaMin = Double.POSITIVE_INFINITY;
    double norm = 0;
    double unc = 0;
    for (int k = 0; k < w.length; k++) {
      beta1 += w[k] * xt0[k];
      betaMin = Math.min(betaMin, w[k] * xt0[k]);
      norm += w[k] * Math.abs(xInf[k]);
      unc += w[k] * Math.abs(xInf[k] - xEarlier[k]);
    }
    beta1 *= scale;
    betaMin *= scale;
    double q = lp.value();
    unc += LP_RELATIVE * q;
    boolean met = pre.holds(depth, q, beta1);
    double eps = ChouBounds.epsilon(depth, q, beta1, betaMin);
    double lhs = norm - q;
    double rhs = eps * q;
    Status st = met && Double.isFinite(eps) ? Status.CHECKED : Status.PRECONDITION_UNMET;
    return new Result(st, q, beta1, betaMin, met, eps, lhs, rhs, unc,
        met ? "" : "precondition " + pre.text + " not met (statement vacuous)");
  }
}
