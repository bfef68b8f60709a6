package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuInstance;

/**
 * The limit displayed in the proof of Theorem 2.6 (Appendix C.4.1, issue 20), "From Equation (10),
 * this implies that (r_t^T A w_t)^2 -> 0", along the WN flow itself: each sampled instance (c > 0)
 * is run to its limit by {@link WuLimit} (loss 1e-24 of its start or speed below 1e-12, continued
 * to 1.5 times that time and repeated at the looser tolerance, whose difference is the limit's
 * uncertainty), and |r_t^T A w_t| there must be below {@link #LIMIT_TOL} of its scale. The sampled
 * step wu/theorem-2.6#step-6 checks the inequality of (10) that implies the limit.
 */
final class Theorem26FlowLimitStep extends PerInstanceClaim {
  /**
   * |r^T A w| at the limit counts as 0 below this fraction of max(1, |r_0^T A w_0|): the runs end
   * at speed 1e-12 (so |r^T A w| = |dg/dt|/c <= 1e-12/c) or loss 1e-24 of the start (so |r^T A w|
   * <= ||A|| 1e-12 ||r_0||); 1e-6 leaves six orders for c and ||A|| of the sampled range, while a
   * limit with r^T A w bounded away from 0 is O(1) of its start.
   */
  static final double LIMIT_TOL = 1e-6;

  Theorem26FlowLimitStep() {
    super("wu/theorem-2.6#step-6-along-flow", "Wu et al., Appendix C.4.1, proof of Theorem 2.6 (001_b498c678a289d7b1.txt, "
        + "lines 474-478), along the flow",
        "From Equation (10), this implies that (r_t^T A w_t)^2 -> 0. Else, if this quantity is bounded away from zero, then "
            + "d[1/2||r_t||^2]/dt < -c' for some c' > 0", ClaimKind.LIMIT);
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.C_POSITIVE, WuHypothesis.UNIT_W0);
  }

  @Override
  List<String> notes() {
    return List.of("proof step (issue 20): the limit of (r_t^T A w_t)^2 along the flow, measured at the computed limit with "
        + "its uncertainty; an unfinished run is undecided, never a pass");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, g0 = 0.5"));
    out.add(new WuSample(s.general().withG0(0.05), "corner: small g0"));
    out.add(new WuSample(s.orthogonal().withC(0.1), "corner: A A^T = I, c = 0.1"));
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(s.general(), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return List.of("(r_t^T A w_t)^2 -> (r_0^T A w_0)^2 (no decay)", "||r_t||^2 -> ||y||^2 (the g_t -> 0 branch on every run)");
  }

  @Override
  List<String> columns() {
    return List.of("c", "g0", "|r_0^T A w_0|", "|r^T A w| at the limit", "uncertainty", "||r||^2 at the limit", "distance moved");
  }

  /** r^T A w at the state (g, w), r = y - A g w. */
  static double rAw(WuInstance p, double g, double[] w) {
    double[] aw = Vectors.multiply(p.a(), w);
    double[] r = Vectors.subtract(p.y(), Vectors.scale(g, aw));
    return Vectors.dot(r, aw);
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuLimit lim = WuLimit.of(WuFlow.of(p));
    if (!lim.ok()) {
      return j.statement(Result.UNDECIDED, lim.message());
    }
    double[] s = lim.state();
    double[] w = WuFlow.w(s);
    double start = Math.abs(rAw(p, p.g0(), p.w0()));
    double end = Math.abs(rAw(p, s[0], w));
    double scale = Math.max(1, start);
    double[] r = Vectors.subtract(p.y(), Vectors.scale(s[0], Vectors.multiply(p.a(), w)));
    double r2 = Vectors.dot(r, r);
    double y2 = Vectors.dot(p.y(), p.y());
    double moved = Vectors.distance(s, WuFlow.state(p.g0(), p.w0()));
    j.row(p.c(), p.g0(), start, end, lim.uncertainty(), r2, moved);
    if (lim.uncertainty() > LIMIT_TOL * scale) {
      return j.statement(Result.UNDECIDED, "limit uncertainty " + Theorem26.fmt(lim.uncertainty()) + " above the tolerance");
    }
    j.statement(end <= LIMIT_TOL * scale ? Result.HOLDS : Result.VIOLATED, "|r^T A w| from " + Theorem26.fmt(start) + " to "
        + Theorem26.fmt(end) + " at the limit (" + lim.message() + ")");
    j.control(controlNames().get(0), start > LIMIT_TOL * scale ? Boolean.valueOf(Math.abs(end - start) > LIMIT_TOL * scale) : null,
        "|r_0^T A w_0| = " + Theorem26.fmt(start) + ", at the limit " + Theorem26.fmt(end));
    j.control(controlNames().get(1), y2 > 0 ? Boolean.valueOf(Math.abs(r2 - y2) > LIMIT_TOL * y2) : null,
        "||r||^2 = " + Theorem26.fmt(r2) + " at the limit, ||y||^2 = " + Theorem26.fmt(y2));
    return j;
  }
}
