package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.StepSchedule;
import org.wnverify.numeric.wu.WuAlgorithms;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Proposition 3.3 (= the first part of Proposition E.9, proved by Lemma E.10): rPGD with g fixed at
 * g0 <= g* lambda_min(A A^T)/(2 + delta), lambda_max(A A^T) = 1, eta = 1/g0^2 (E.10's proof:
 * eta = 1/(g_t^2 sigma_1)), reaches ||w_T1_perp|| <= eps after T1 = log(||w0_perp||/eps)/log(1 + delta).
 */
final class Proposition33 extends PerInstanceClaim {
  private final boolean e9;

  Proposition33(boolean e9) {
    super(e9 ? "wu/proposition-e.9" : "wu/proposition-3.3", e9 ? "Wu et al., Proposition E.9 (first part), Lemma E.10"
        : "Wu et al., Proposition 3.3; Appendix E.3",
        "Fix delta > 0 and a full rank A with lambda_max(A A^T) = 1. With a fixed g = g0 satisfying g0 <= g* lambda_min(A A^T)"
            + "/(2 + delta), we can reach ||w_T1_perp|| <= eps in T1 = log(||w0_perp||/eps)/log(1 + delta) iterations."
            + (e9 ? " [Proposition E.9's probabilistic part (49)-(50), 'with probability 1 - O(1/m)' for w* drawn on the "
                + "sphere, has no constant to check against and is not judged]" : ""),
        ClaimKind.RATE);
    this.e9 = e9;
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.LAMBDA_MAX_ONE, WuHypothesis.UNIT_W0, WuHypothesis.Y_NONZERO,
        new WuHypothesis("g0 <= g* lambda_min/(2 + delta) (delta of the instance: delta = 0.5)", p -> {
          double b = WuClosedForms.proposition33G0Bound(WuGeometry.of(p), DELTA);
          return WuHypothesis.when(!(p.g0() > 0 && p.g0() <= b), "g0 = " + p.g0() + ", bound " + b);
        }));
  }

  /** delta of the statement (fixed so that a saved instance replays). */
  static final double DELTA = 0.5;
  static final double EPS = 1e-3;

  @Override
  List<String> notes() {
    return List.of("delta = " + DELTA + ", eps = " + EPS + "; eta_t = 1/g0^2 (Lemma E.10's proof, sigma_1 = 1), gamma = 0; "
        + "T1 rounded up; g0 > 0 (the bound is positive)");
  }

  static WuInstance scaled(WuInstance p, double fraction) {
    WuGeometry geo = WuGeometry.of(p);
    double s = 1 / Math.sqrt(geo.lambdaMax());
    double[][] a = p.a();
    for (double[] row : a) {
      for (int k = 0; k < row.length; k++) {
        row[k] *= s;
      }
    }
    WuInstance q = new WuInstance(a, p.y(), p.w0(), 1, 0);
    double b = WuClosedForms.proposition33G0Bound(WuGeometry.of(q), DELTA);
    return q.withG0(fraction * b);
  }

  /** ||w0_perp|| of the slow-contraction corner (see {@link #slowContraction}). */
  static final double SLOW_PERP = 0.7;

  /**
   * The instance on which "T1 with log(1 + 4 delta)" is false, computed to be so. With A A^T = I
   * (A^T A the projector on the row space) and eta = 1/g0^2, one rPGD step is v = w - A^T A w + A^T
   * y / g0: v_perp = w_perp, v_par = x* / g0, so p = ||w_perp|| obeys p' = p / sqrt(p^2 + r^2), r = g*
   * / g0, i.e. 1/p_t^2 = r^(2t) / p0^2 + (r^(2t) - 1)/(r^2 - 1) exactly. At the bound g0 = g* / (2 +
   * delta), r = 2.5 < 1 + 4 delta = 3: the mutated count k = ceil(log(p0/eps)/log 3) = 6 for p0 = 0.7,
   * eps = 1e-3, and p_6 = 2.7e-3 > eps, while the printed T1 = 17 steps give p_17 ~ 1e-7. Random w0
   * have small ||w0_perp|| as often as not (seed 10: k = 3 on the orthogonal corner, where (3/2.5)^k
   * is too small to beat the rounding up of k, and the control held on every instance).
   */
  static WuInstance slowContraction(WuSampler s) {
    WuInstance p = s.orthogonal();
    double[] kernel = WuSampler.inKernel(p, s.gaussianVector(p.w0().length)).w0();
    double[] row = WuSampler.inRowSpace(p, s.gaussianVector(p.w0().length)).w0();
    double[] w0 = Vectors.subtract(Vectors.scale(SLOW_PERP, kernel),
        Vectors.scale(-Math.sqrt(1 - SLOW_PERP * SLOW_PERP), row));
    return scaled(p.withW0(Vectors.scale(1 / Vectors.norm(w0), w0)), 1.0);
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(scaled(s.general(), 1.0), "corner: g0 at the bound"));
    out.add(new WuSample(scaled(s.orthogonal(), 1.0), "corner: orthogonal A, g0 at the bound"));
    out.add(new WuSample(slowContraction(s), "corner: orthogonal A, g0 at the bound, ||w0_perp|| = " + SLOW_PERP
        + " (contraction 2.5 < 1 + 4 delta)"));
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(scaled(s.general(), s.uniform(0.2, 1.0)), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return List.of("T1 with log(1 + 4 delta) (a rate four times the printed one)", "g0 bound dropped (g0 = 3 g*)");
  }

  @Override
  List<String> columns() {
    return List.of("g0 / g*", "lambda_min", "T1", "first t with ||w_perp|| <= eps", "||w_T1_perp||");
  }

  static double[] perpTrace(WuInstance p, int n) {
    WuGeometry geo = WuGeometry.of(p);
    double[] perp = new double[n + 1];
    WuAlgorithms.rpgd(WuObjective.of(p), p.g0(), p.w0(), StepSchedule.twoStage(0, 0, Integer.MAX_VALUE, 1.0, false), n, 0,
        (t, g, w, l, v) -> {
          perp[t] = Vectors.norm(geo.perp(w));
          return true;
        });
    return perp;
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuGeometry geo = WuGeometry.of(p);
    double t1 = WuClosedForms.proposition33Iterations(p, geo, EPS, DELTA);
    int n = (int) Math.max(0, Math.ceil(t1));
    double[] perp = perpTrace(p, Math.max(n, 1));
    int first = -1;
    for (int t = 0; t < perp.length; t++) {
      if (perp[t] <= EPS) {
        first = t;
        break;
      }
    }
    j.row(p.g0() / geo.gStar(), geo.lambdaMin(), n, first, perp[n]);
    j.statement(perp[n] <= EPS ? Result.HOLDS : Result.VIOLATED, "||w_T1_perp|| = " + Theorem26.fmt(perp[n]) + " after T1 = " + n);
    int fast = (int) Math.max(0, Math.ceil(Math.log(Vectors.norm(geo.perp(p.w0())) / EPS) / Math.log1p(4 * DELTA)));
    j.control(controlNames().get(0), fast < n ? perp[fast] > EPS : null, "||w_perp|| at " + fast + ": "
        + Theorem26.fmt(perp[Math.min(fast, perp.length - 1)]));
    WuInstance big = p.withG0(3 * geo.gStar());
    double[] bp = perpTrace(big, Math.max(n, 1));
    j.control(controlNames().get(1), bp[Math.max(n, 1)] > EPS, "g0 = 3 g*: ||w_T1_perp|| = " + Theorem26.fmt(bp[Math.max(n, 1)]));
    return j;
  }
}
