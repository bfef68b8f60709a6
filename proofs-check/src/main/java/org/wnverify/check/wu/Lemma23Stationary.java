package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Lemma 2.3: stationary points of (2) have zero loss or lie in S = {g = 0, y^T A w = 0}; a point
 * with loss below the loss at g = 0 is in case (a). Stationary points are found as the rest
 * points of the WN gradient flow of h (the same stationary set for every c > 0), and every point
 * of S is checked to be stationary (grad h = 0 there exactly).
 */
final class Lemma23Stationary extends PerInstanceClaim {
  Lemma23Stationary() {
    super("wu/lemma-2.3", "Wu et al., Lemma 2.3; Appendix C.1",
        "Suppose lambda_min(A A^T) > 0. The stationary points of (2) either (a) have loss zero, or (b) belong to "
            + "S = {(g, w): g = 0, y^T A w = 0}. If ||y||^2 > ||A g w - y||^2, we are always in case (a).",
        ClaimKind.BOUND);
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.C_POSITIVE, WuHypothesis.UNIT_W0);
  }

  @Override
  List<String> notes() {
    return List.of("stationary points: rest points of the WN flow started at the instance (speed < "
        + WuLimit.SPEED_FLOOR + "), plus the start projected into S; the lambda_min-dropped control uses the fixed "
        + "rank-deficient witness A = [[1, 0, 0], [1, 0, 0]], y = [1, 0]");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(Theorem26.inS(s).withC(1.0), "corner: start in S"));
    out.add(new WuSample(WuSampler.example2d(0.3), "corner: example-2d"));
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(s.general(), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return List.of("S without y^T A w = 0 (every g = 0 point stationary)", "case (b) dropped (all stationary points global minima)",
        "lambda_min > 0 dropped");
  }

  @Override
  List<String> columns() {
    return List.of("rest point class", "rest loss", "||grad h|| at S point", "||grad h|| at g = 0, y^T A w != 0");
  }

  /** Relative rounding of the loss ||y - A g w||^2/2 at a limit state (a few hundred operations). */
  static final double S_LEVEL_ROUNDING = 1e-12;

  static double gradNorm(WuObjective obj, double g, double[] w) {
    double[] gw = obj.gradWh(w, g);
    double gg = obj.gradGh(w, g);
    return Math.sqrt(Vectors.dot(gw, gw) + gg * gg);
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuLimit lim = WuLimit.of(WuFlow.of(p));
    if (!lim.ok()) {
      return j.statement(Result.UNDECIDED, lim.message());
    }
    WuObjective obj = WuObjective.of(p);
    String k = Theorem26.classify(p, lim);
    double[] aty = obj.transposeTimes(p.y());
    double[] inS = WuObjective.projectOff(aty, p.w0());
    double sGrad = Vectors.norm(inS) > 1e-8 ? gradNorm(obj, 0, Vectors.scale(1 / Vectors.norm(inS), inS)) : 0;
    double[] offS = Vectors.scale(1 / Vectors.norm(aty), aty);
    double offGrad = gradNorm(obj, 0, offS);
    double y2 = Math.pow(Vectors.norm(p.y()), 2);
    // "below the S level" only beyond rounding: a rest point in S has loss ||y||^2/2 computed from a
    // limit accurate to lim.uncertainty() (the soak found an S point 1e-17 below it called a failure)
    boolean belowZero = 2 * lim.loss() < y2 * (1 - S_LEVEL_ROUNDING) - 2 * lim.uncertainty() * Math.sqrt(y2);
    boolean ok = !k.equals("neither") && sGrad <= 1e-12 * (1 + y2) && (!belowZero || k.equals("zero loss"));
    j.row(k, lim.loss(), sGrad, offGrad);
    j.statement(ok ? Result.HOLDS : Result.VIOLATED, "rest point: " + k + ", S point gradient " + Theorem26.fmt(sGrad));
    j.control(controlNames().get(0), offGrad > 1e-6, "gradient at g = 0, w = A^T y/||A^T y||: " + Theorem26.fmt(offGrad));
    j.control(controlNames().get(1), Vectors.norm(inS) > 1e-8 && y2 > 0 ? Boolean.TRUE : null,
        "the S point has loss ||y||^2/2 = " + Theorem26.fmt(y2 / 2) + " and zero gradient");
    WuInstance rank = new WuInstance(new double[][] {{1, 0, 0}, {1, 0, 0}}, new double[] {1, 0},
        new double[] {0.6, 0.8, 0}, 1.0, 1.0);
    WuLimit rl = WuLimit.of(WuFlow.of(rank));
    j.control(controlNames().get(2), rl.ok() ? Theorem26.classify(rank, rl).equals("neither") : null,
        "rank-deficient witness rests at loss " + Theorem26.fmt(rl.loss()) + ", g = " + (rl.ok() ? Theorem26.fmt(rl.state()[0]) : "?"));
    return j;
  }
}
