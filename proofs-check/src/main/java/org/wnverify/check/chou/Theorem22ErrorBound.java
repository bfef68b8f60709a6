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
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.lp.LpResult;
import org.wnverify.numeric.lp.WeightedL1Program;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;

/**
 * Theorem 2.2 part 2, (20): ||x~_inf||_{w,1} - Q <= eps(rho^-L beta1, rho^-L beta_min) Q with
 * w = x~(0)^(2/L - 1), Q = min_{S+} ||z||_{w,1} (LP), beta1 = ||x~(0)||_{w,1},
 * beta_min = min_n w_n x~_n(0), under the precondition Q > c_L (rho^-L beta1)^(2/L).
 */
final class Theorem22ErrorBound extends ChouClaim {
  Theorem22ErrorBound() {
    super("chou/theorem-2.2#error-bound", "Chou, Rauhut, Ward, Theorem 2.2 part 2, eqs. (15)-(17), (20)",
        "The limit satisfies ||x~_inf||_{w,1} - Q <= eps Q with eps = eps(rho^-L beta1, rho^-L beta_min) of (17).",
        ClaimKind.BOUND);
  }

  @Override
  List<Hypothesis> hypotheses() {
    return ChouHypotheses.theorem22();
  }

  @Override
  void checkInstances(CheckContext ctx, List<GeneratedInstance> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    int pass = 0;
    int skipped = 0;
    int reversedRejected = 0;
    String violation = null;
    GeneratedInstance violating = null;
    List<String> notes = new ArrayList<>();
    for (GeneratedInstance g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      int depth = p.depth();
      WnLimitRun run = WnLimitRun.of(p);
      if (run.kind != WnLimitRun.Kind.CONVERGED) {
        skipped++;
        notes.add(g.label() + ": INCONCLUSIVE, limit not reached in S+ (" + run.describe() + ")");
        continue;
      }
      double[] x0 = p.x0();
      double[] xt0 = Vectors.pow(x0, depth);
      double[] w = Vectors.pow(x0, 2.0 - depth); // x~(0)^(2/L - 1)
      LpResult q = WeightedL1Program.minimise(p.a(), p.b(), w);
      if (!q.optimal()) {
        skipped++;
        notes.add(g.label() + ": INCONCLUSIVE, LP " + q.status() + " " + q.detail());
        continue;
      }
      double beta1 = 0;
      double betaMin = Double.POSITIVE_INFINITY;
      for (int k = 0; k < w.length; k++) {
        beta1 += w[k] * xt0[k];
        betaMin = Math.min(betaMin, w[k] * xt0[k]);
      }
      double rho = ChouBounds.rho(p.r0(), PseudoInverse.minNormSolutionNorm(p.a(), p.b()), depth, p.eta());
      double scale = Math.pow(rho, -depth);
      double b1 = scale * beta1;
      double bm = scale * betaMin;
      double qv = q.value();
      double[] xInf = run.xTildeEnd();
      double normInf = 0;
      double uncertainty = 0;
      double[] xPrev = run.xTilde(run.trajectory().indexNear(0.9 * run.result.finalTime()));
      for (int k = 0; k < w.length; k++) {
        normInf += w[k] * xInf[k];
        uncertainty += w[k] * Math.abs(xInf[k] - xPrev[k]);
      }
      uncertainty += 1e3 * 1e-9 * qv; // LP feasibility tolerance (Simplex epsilon 1e-9) times a margin
      boolean precondition = ChouBounds.preconditionHolds(depth, qv, b1);
      double eps = ChouBounds.epsilon(depth, qv, b1, bm);
      double lhs = normInf - qv;
      double rhs = eps * qv;
      rows.add(List.of(g.label(), depth, rho, qv, b1, bm, precondition ? "met" : "NOT met", eps, lhs, rhs, rhs - lhs, uncertainty));
      if (!precondition || !(eps >= 0) || !Double.isFinite(eps)) {
        skipped++;
        notes.add(g.label() + ": INCONCLUSIVE, precondition Q > c_L (rho^-L beta1)^(2/L) not met or eps undefined"
            + String.format(Locale.ROOT, " (Q = %.4g, rho^-L beta1 = %.4g, eps = %.4g)", qv, b1, eps));
        continue;
      }
      if (lhs - rhs > Refinement.CONSISTENCY * uncertainty) {
        if (violation == null) {
          violation = String.format(Locale.ROOT, "%s: ||x~||_w,1 - Q = %.6g > eps Q = %.6g", g.label(), lhs, rhs);
          violating = g;
        }
      } else {
        pass++;
      }
      if (lhs - rhs < -Refinement.CONSISTENCY * uncertainty) {
        reversedRejected++;
      }
    }
    out.table(new EvidenceTable("error bound (20): both sides and slack",
        List.of("instance", "L", "rho", "Q", "rho^-L beta1", "rho^-L beta_min", "precondition", "eps",
            "||x~||_w,1 - Q", "eps Q", "slack", "uncertainty"), rows));
    out.evidence("per instance", notes);
    out.evidence("passed", pass);
    out.evidence("inconclusive samples (not passes)", skipped);
    out.control(new NegativeControl("reversed inequality: ||x~_inf||_{w,1} - Q >= eps Q",
        reversedRejected > 0 ? Verdict.VIOLATED : Verdict.INCONCLUSIVE,
        "slack beyond the uncertainty on " + reversedRejected + " instance(s)"));
    if (violation != null) {
      out.evidence("violating instance", violating.label());
      out.verdict(Verdict.VIOLATED, "FINDING: " + violation);
    } else if (pass > 0 && skipped == 0 && reversedRejected > 0) {
      out.verdict(Verdict.HOLDS, "bound holds on all " + pass + " instance(s); control rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "bound holds on " + pass + " instance(s); " + skipped
          + " inconclusive (precondition unmet or limit not in S+), which are not passes");
    }
  }
}
