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
  /**
   * ||w0_perp|| of the corner that decides the fast-rate control on every seed. With A A^T = I and
   * eta = 1/g0^2, one rPGD step maps w to w_perp + A^T y/g0 before the projection, so ||w_perp||
   * shrinks exactly as p -> p/sqrt(p^2 + (g* / g0)^2): by about 1/(2 + delta) per step at the bound,
   * faster than the printed 1/(1 + delta) but slower than 1/(1 + 4 delta) = 1/3. From p = 1/2 the
   * control's T = ceil(log(500)/log 3) = 6 leaves ||w_6_perp|| = 2.0e-3 = 2 eps (the printed T1 = 16
   * leaves 2.1e-7); a random w0 can have ||w0_perp|| so small (0.011 on seed 10) that the control's T
   * rounds up to the iteration where the true rate reaches eps, and the control survived there.
   */
  static final double FAST_RATE_PERP = 0.5;

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

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(scaled(s.general(), 1.0), "corner: g0 at the bound"));
    out.add(new WuSample(scaled(s.orthogonal(), 1.0), "corner: orthogonal A, g0 at the bound"));
    WuInstance orth = scaled(s.orthogonal(), 1.0);
    out.add(new WuSample(WuSampler.withPerpNorm(orth, s.unitVector(orth.columns()), FAST_RATE_PERP),
        "corner: orthogonal A, g0 at the bound, ||w0_perp|| = " + FAST_RATE_PERP));
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
