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
import org.wnverify.check.sampling.Hypothesis;
import org.wnverify.numeric.linalg.KernelProjector;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;

/**
 * Lemma 3.11 (uniqueness) where the proof of Theorem 2.2 uses it: x~(1) = the WN limit with
 * (eta, 1) and x~(2) = the GF limit from the rescaled start gamma(r0, r_inf) x_wn(0). Both tend to
 * S+ (premise (43)) and, by Lemmas 3.7 and 3.9, share (I - P_A) log x~ (L = 2) or
 * (I - P_A) x~^(2/L - 1) (premise (44)); the lemma concludes that the limits coincide. Premises
 * and conclusion are measured at the limits: a violation would be premises met within tolerance
 * and limits apart. The control drops the rescaling (GF from x_wn(0) itself).
 */
final class Lemma311Uniqueness extends ChouClaim {
  /**
   * Relative agreement required of two limits computed to a loss of 1e-16 of its start (residual
   * 1e-8): their distance is at the level of the residual over the smallest singular value, far
   * below 1e-6 of their size; a wrong rescaling moves the limit by O(1).
   */
  static final double LIMIT_REL_TOL = 1e-6;
  /**
   * Premise (44) is confirmed when the projected difference of psi is below this fraction of |psi|:
   * both sides are conserved quantities computed to ~1e-9 relatively.
   */
  static final double PREMISE_REL = 1e-6;

  Lemma311Uniqueness() {
    super("chou/lemma-3.11", "Chou, Rauhut, Ward, Lemma 3.11, eqs. (43)-(45)",
        "x~(1), x~(2) strictly positive, bounded above and away from zero; if lim A[x~(1) - x~(2)] = 0 (43) and "
            + "lim (I-P_A)[log x~(1) - log x~(2)] = 0 (L = 2), lim (I-P_A)[x~(1)^(2/L-1) - x~(2)^(2/L-1)] = 0 (L != 2) (44), "
            + "then lim x~(1)(t) - x~(2)(t) = 0.", ClaimKind.LIMIT);
  }

  @Override
  List<Hypothesis> hypotheses() {
    return ChouHypotheses.theorem22();
  }

  @Override
  ChouSampler sampler(CheckContext context) {
    return ChouSampler.forLimits(context.random(id()));
  }

  /**
   * log x~ (L = 2) or x~^(2/L - 1) (L != 2), computed from x (as L log x resp. x^(2-L)) so that
   * entries whose L-th power underflows (limits with entries ~1e-100 occur for small eta) stay finite.
   */
  static double[] psi(int depth, double[] x) {
    if (depth == 2) {
      double[] y = new double[x.length];
      for (int k = 0; k < y.length; k++) {
        y[k] = depth * Math.log(x[k]);
      }
      return y;
    }
    return Vectors.pow(x, 2.0 - depth);
  }

  record Pair(FlowLimit wn, FlowLimit gf, FlowLimit gfWindow, double gamma, double premise43, double premise44,
      double miss, double tolerance) {
    boolean decided() {
      return wn.converged() && gf.converged() && gfWindow.converged();
    }

    boolean holds() {
      return miss <= tolerance;
    }

    /** (43) within the tolerance of the conclusion, (44) within PREMISE_REL of |psi|. */
    boolean premisesMet() {
      return premise43 <= tolerance && premise44 <= PREMISE_REL;
    }
  }

  /** @param rescale false for the control (GF from x_wn(0) itself) */
  static Pair pair(DiagonalNetInstance p, FlowLimit wn, boolean rescale) {
    int depth = p.depth();
    double rInf = wn.result.finalState()[0];
    double rW = wn.stateAt(wn.windowStart())[0];
    double g = rescale ? Lemma39InvariantComparison.gamma(p.r0(), rInf, p.eta(), true) : 1.0;
    double gW = rescale ? Lemma39InvariantComparison.gamma(p.r0(), rW, p.eta(), true) : 1.0;
    FlowLimit gf = FlowLimit.gf(p, Vectors.scale(g, p.x0()));
    FlowLimit gfW = rescale ? FlowLimit.gf(p, Vectors.scale(gW, p.x0())) : gf;
    if (!wn.converged() || !gf.converged() || !gfW.converged()) {
      return new Pair(wn, gf, gfW, g, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] x1 = wn.xTildeEnd();
    double[] x2 = gf.xTildeEnd();
    KernelProjector proj = KernelProjector.of(p.a());
    double premise43 = Vectors.norm(Vectors.multiply(p.a(), Vectors.subtract(x1, x2)));
    double[] p1 = psi(depth, wn.system.point(wn.result.finalState()));
    double[] p2 = psi(depth, gf.system.point(gf.result.finalState()));
    double premise44 = Vectors.norm(proj.apply(Vectors.subtract(p1, p2)));
    double psiScale = Math.max(Vectors.norm(p1), Vectors.norm(p2));
    double miss = Vectors.distance(x1, x2);
    double scale = Math.max(Vectors.norm(x1), Vectors.norm(x2));
    double motion = wn.windowChange() + gf.windowChange() + Vectors.distance(gf.xTildeEnd(), gfW.xTildeEnd());
    double tol = LIMIT_REL_TOL * scale + Refinement.CONSISTENCY * motion;
    return new Pair(wn, gf, gfW, g, premise43, premise44 / psiScale, miss, tol);
  }

  boolean fails(DiagonalNetInstance p) {
    if (ChouHypotheses.firstUnmet(hypotheses(), p).isPresent()) {
      return false;
    }
    Pair q = pair(p, FlowLimit.wn(p, LearningRate.CONSTANT), true);
    return q.decided() && q.premisesMet() && !q.holds();
  }

  @Override
  void checkInstances(CheckContext ctx, List<GeneratedInstance> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int held = 0;
    int undecided = 0;
    int outOfScope = 0;
    int controlRejected = 0;
    int controlAccepted = 0;
    GeneratedInstance violating = null;
    Pair violation = null;
    for (GeneratedInstance g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      FlowLimit wn = FlowLimit.wn(p, LearningRate.CONSTANT);
      if (wn.kind == FlowLimit.Kind.COLLAPSED) {
        outOfScope++;
        notes.add(g.label() + ": WN limit 0 (collapse), not bounded away from zero: outside the hypotheses: "
            + wn.describe());
        continue;
      }
      Pair q = pair(p, wn, true);
      if (!q.decided()) {
        undecided++;
        notes.add(g.label() + ": INCONCLUSIVE, " + (wn.converged() ? q.gf().describe() : wn.describe()));
        continue;
      }
      Pair c = pair(p, wn, false);
      rows.add(List.of(g.label(), p.depth(), q.gamma(), q.premise43(), q.premise44(), q.miss(), q.tolerance(),
          c.decided() ? c.miss() : Double.NaN));
      if (!q.premisesMet()) {
        undecided++;
        notes.add(g.label() + ": premises (43)/(44) not met within tolerance at the computed limits");
      } else if (q.holds()) {
        held++;
      } else if (violating == null) {
        violating = g;
        violation = q;
      }
      if (c.decided()) {
        if (c.miss() > q.tolerance()) {
          controlRejected++;
        } else {
          controlAccepted++;
        }
      }
    }
    out.table(new EvidenceTable("x~(1) = WN limit, x~(2) = GF limit from gamma(r0, r_inf) x_wn(0): premises ||A(x~1 - x~2)|| "
        + "(43) and ||(I-P_A)(psi(x~1) - psi(x~2))|| (44), conclusion ||x~1 - x~2|| against the tolerance, and the "
        + "control's ||x~1 - x~GF(x_wn(0))||", List.of("instance", "L", "gamma(r0, r_inf)", "(43) miss", "(44) miss / |psi|",
        "||x~1 - x~2||", "tolerance", "control: no rescaling"), rows));
    out.evidence("per instance", notes);
    out.evidence("outside the hypotheses (collapse; not counted)", outOfScope);
    out.control(new NegativeControl("no rescaling: the WN limit equals the GF limit from the same start x_wn(0)",
        controlRejected > 0 ? Verdict.VIOLATED : controlAccepted > 0 ? Verdict.HOLDS
            : Verdict.INCONCLUSIVE, "limits apart by more than the tolerance on " + controlRejected
            + " instance(s), within it on " + controlAccepted));
    if (violating != null) {
      Pair v = violation;
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, id(), "counterexample", violating.instance(), this::fails, q -> {
        Pair z = pair(q, FlowLimit.wn(q, LearningRate.CONSTANT), true);
        return String.format(Locale.ROOT, "premises met, limits %.3e apart (tolerance %.1e)", z.miss(), z.tolerance());
      }, 20);
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, String.format(Locale.ROOT, "on %s the premises hold but the limits are %.4g apart "
          + "(tolerance %.2g)", violating.label(), v.miss(), v.tolerance()));
    } else if (undecided > 0) {
      out.verdict(Verdict.INCONCLUSIVE, held + " instance(s) agree; " + undecided + " undecided (see notes)");
    } else if (held > 0 && controlRejected > 0) {
      out.verdict(Verdict.HOLDS, "on all " + held + " instance(s) with a positive limit the WN limit equals the GF limit "
          + "from gamma(r0, r_inf) x_wn(0) (" + outOfScope + " collapsed, outside the hypotheses); control rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, held + " instance(s) agree; control rejected on " + controlRejected
          + ", accepted on " + controlAccepted);
    }
  }
}
