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
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Theorem 2.2, part 2: rho >= 1 for rho of (18). As printed (r0 <= min(eta^(1/2), ||A^+b||^(1/L)))
 * and, under a separate id, with the range its proof uses (eta^(1/2) <= r0 <= ||A^+b||^(1/L)).
 */
final class Theorem22Rho extends ChouClaim {
  /**
   * rho is a product of a ratio and an exponential of O(1) numbers: a relative rounding error of
   * a few hundred ulps at most, so 1e-12 separates "rho < 1" from rounding at rho = 1.
   */
  static final double ROUNDOFF = 1e-12;
  /** Candidate evaluations when shrinking (each is one SVD and two LPs). */
  static final int SHRINK_BUDGET = 300;

  private final boolean corrected;

  private Theorem22Rho(String id, String statement, boolean corrected) {
    super(id, "Chou, Rauhut, Ward, Theorem 2.2 part 2, eq. (18)", statement, ClaimKind.BOUND);
    this.corrected = corrected;
  }

  static Theorem22Rho printed() {
    return new Theorem22Rho("chou/theorem-2.2#rho-at-least-1",
        "If r0 <= min(eta^(1/2), ||A^+b||_2^(1/L)) (and the other hypotheses of Theorem 2.2), then "
            + "rho = r0/||A^+b||^(1/L) exp((||A^+b||^(2/L) - r0^2)/(2 eta)) >= 1.", false);
  }

  static Theorem22Rho corrected() {
    return new Theorem22Rho("chou/theorem-2.2#rho-at-least-1-corrected",
        "Corrected range (the one the proof of Theorem 2.2 uses, eta <= r0^2): if eta^(1/2) <= r0 <= "
            + "||A^+b||_2^(1/L), then rho of (18) >= 1.", true);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return corrected ? ChouHypotheses.theorem22ProofRange() : ChouHypotheses.theorem22();
  }

  @Override
  ChouSampler chouSampler(CheckContext context) {
    return corrected
        ? new ChouSampler(context.random(id()), new int[] {2, 3, 4}, R0Rule.PROOF_RANGE, List.of(ChouSampler.Corner.values()))
        : ChouSampler.standard(context.random(id()), 2, 3, 4);
  }

  static double rho(DiagonalNetInstance p) {
    return ChouBounds.rho(p.r0(), PseudoInverse.minNormSolutionNorm(p.a(), p.b()), p.depth(), p.eta());
  }

  /** The mutated formula of the control: the sign of the exponent flipped. */
  static double mutantRho(DiagonalNetInstance p) {
    double s = Math.pow(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), 1.0 / p.depth());
    return p.r0() / s * Math.exp((p.r0() * p.r0() - s * s) / (2 * p.eta()));
  }

  /**
   * The control "hypothesis eta^(1/2) <= r0 dropped" of the corrected claim: r0 = 0.1 < eta^(1/2) = 1,
   * A = [1 0; 0 1], b = (0.6, 0.8) (||A^+b|| = 1, L = 2), where rho = 0.1 exp(0.495) < 1.
   */
  static final DiagonalNetInstance SMALL_R0_CONTROL = new DiagonalNetInstance(new double[][] {{1, 0}, {0, 1}},
      new double[] {0.6, 0.8}, 2, 0.1, new double[] {0.6, 0.8}, 1.0);

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    Sample<DiagonalNetInstance> worst = null;
    double worstRho = Double.POSITIVE_INFINITY;
    int controlRejected = 0;
    int signFlipRejected = 0;
    int reversedRejected = 0;
    for (Sample<DiagonalNetInstance> g : instances) {
      DiagonalNetInstance p = g.instance();
      double pn = PseudoInverse.minNormSolutionNorm(p.a(), p.b());
      double rho = rho(p);
      double control = corrected ? mutantRho(p) : rho;
      boolean controlFails = corrected ? control < 1 - ROUNDOFF : rho > 1 + ROUNDOFF;
      controlRejected += controlFails ? 1 : 0;
      signFlipRejected += mutantRho(p) < 1 - ROUNDOFF ? 1 : 0;
      reversedRejected += rho > 1 + ROUNDOFF ? 1 : 0;
      rows.add(List.of(g.label(), p.depth(), p.eta(), p.r0(), Math.sqrt(p.eta()), Math.pow(pn, 1.0 / p.depth()), rho));
      if (rho < worstRho) {
        worstRho = rho;
        worst = g;
      }
    }
    out.table(new EvidenceTable("magnification factor rho of (18) per instance",
        List.of("instance", "L", "eta", "r0", "eta^(1/2)", "||A^+b||^(1/L)", "rho"), rows));
    out.evidence("min rho", worstRho);
    out.control(corrected
        ? new NegativeControl("exponent sign flipped: rho' = r0/s exp((r0^2 - s^2)/(2 eta)) >= 1",
            controlRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS, "rho' < 1 on " + controlRejected + " instance(s)")
        : new NegativeControl("reversed inequality: rho <= 1", controlRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS,
            "rho > 1 on " + controlRejected + " instance(s)"));
    // More controls, by the same rule (rho < 1 refutes "rho >= 1", rho > 1 refutes "rho <= 1"). Not
    // controls, true in disguise on r0 <= ||A^+b||^(1/L): rho without the factor r0/s (exp of a
    // non-negative number) and rho with 1/eta in place of 1/(2 eta) (only larger than rho).
    if (corrected) {
      out.control(new NegativeControl("reversed inequality: rho <= 1",
          reversedRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS, "rho > 1 on " + reversedRejected + " instance(s)"));
      double small = rho(SMALL_R0_CONTROL);
      out.control(new NegativeControl("hypothesis eta^(1/2) <= r0 dropped (r0 = 0.1, eta = 1, A = I, b = (0.6, 0.8), L = 2)",
          small < 1 - ROUNDOFF ? Verdict.VIOLATED : Verdict.HOLDS, String.format(Locale.ROOT, "rho = %.6g", small)));
    } else {
      out.control(new NegativeControl("exponent sign flipped: rho' = r0/s exp((r0^2 - s^2)/(2 eta)) >= 1",
          signFlipRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS, "rho' < 1 on " + signFlipRejected + " instance(s)"));
      // On the printed range: the exponential dropped leaves r0/s <= 1 (below 1 wherever r0 < s),
      // and 1/(4 eta) in the exponent only lowers rho (its exponent is >= 0). Not a control, true
      // in disguise: the hypothesis r0 <= s dropped while r0 <= eta^(1/2) is kept (on s <= r0 <=
      // eta^(1/2), log rho = log(r0/s) - (r0^2 - s^2)/(2 eta) >= log x - (1 - 1/x^2)/2 >= 0, x = r0/s).
      int ratioRejected = 0;
      int quarterRejected = 0;
      for (Sample<DiagonalNetInstance> g : instances) {
        DiagonalNetInstance p = g.instance();
        double s = Math.pow(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), 1.0 / p.depth());
        ratioRejected += p.r0() / s < 1 - ROUNDOFF ? 1 : 0;
        quarterRejected += p.r0() / s * Math.exp((s * s - p.r0() * p.r0()) / (4 * p.eta())) < 1 - ROUNDOFF ? 1 : 0;
      }
      out.control(new NegativeControl("exponential factor dropped: r0/||A^+b||^(1/L) >= 1",
          ratioRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS, "r0/s < 1 on " + ratioRejected + " instance(s)"));
      out.control(new NegativeControl("constant halved in the exponent: r0/s exp((s^2 - r0^2)/(4 eta)) >= 1",
          quarterRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS, "below 1 on " + quarterRejected + " instance(s)"));
    }
    if (worstRho < 1 - ROUNDOFF) {
      List<Hypothesis<DiagonalNetInstance>> hs = hypotheses();
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", worst.instance(),
          p -> ChouHypotheses.firstUnmet(hs, p).isEmpty() && rho(p) < 1 - ROUNDOFF,
          p -> String.format(Locale.ROOT, "rho = %.6g < 1 with r0 = %s <= min(eta^(1/2) = %.6g, ||A^+b||^(1/L) = %.6g)",
              rho(p), p.r0(), Math.sqrt(p.eta()), Math.pow(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), 1.0 / p.depth())),
          SHRINK_BUDGET);
      out.evidence("shrunk counterexample rho", rho(s.instance()));
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, String.format(Locale.ROOT,
          "FINDING: rho = %.4g < 1 on %s, an instance satisfying the printed hypotheses; rho increases in r0 on "
              + "(0, eta^(1/2)] and tends to 0 as r0 -> 0, so the printed range gives rho <= 1 unless eta < ||A^+b||^(2/L)",
          worstRho, worst.label()));
    } else if (controlRejected > 0) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "rho >= 1 on all %d instance(s) (min %.6g); control rejected",
          instances.size(), worstRho));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "rho >= 1 on all instances but the control was not rejected");
    }
  }
}
