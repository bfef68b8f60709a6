package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * The concrete example after Theorem 2.7 (A = [1, 0], y = 1, w0 = [0, 1], c = 1), over g0:
 * {@code #limit} "WN flow converges to gw = [1, exp((g0^2 - 1)/2)]" as printed (the (7) finding)
 * and {@code #limit-corrected} with g_inf; {@code #closer-than-gf}: the WN limit is closer to
 * x* = [1, 0] than "the gradient flow solution [1, 1]" for relatively small g0 (read: g0 in (0, 1]);
 * {@code #spurious-points}: (0, [0, +-1]) are stationary, not global minima, loss 1 there.
 */
final class Example2d extends PerInstanceClaim {
  enum Part {
    LIMIT, LIMIT_CORRECTED, CLOSER, SPURIOUS
  }

  private final Part part;

  Example2d(Part part) {
    super(switch (part) {
      case LIMIT -> "wu/example-2d#limit";
      case LIMIT_CORRECTED -> "wu/example-2d#limit-corrected";
      case CLOSER -> "wu/example-2d#closer-than-gf";
      case SPURIOUS -> "wu/example-2d#spurious-points";
    }, "Wu et al., Section 2, 'A Concrete Example' (after Theorem 2.7), Figure 2", switch (part) {
      case LIMIT -> "Suppose we start with w0 = [0, 1]^T and set c = 1 ... with some g0 != 0. Then WN flow converges to a "
          + "solution gw = [1, exp((g0^2 - 1)/2)]^T.";
      case LIMIT_CORRECTED -> "WN flow converges to gw = [1, g_inf exp((g0^2 - g_inf^2)/2)]^T, g_inf = lim g_t (from (6))";
      case CLOSER -> "If g0 is relatively small, this quantity is close to x* = [1, 0]^T, closer than the gradient flow "
          + "solution [1, 1].";
      case SPURIOUS -> "This leads to two spurious stationary points (g, w) = (0, [0, +-1]^T), which are not global minima. "
          + "The loss value at these points is 1.";
    }, part == Part.SPURIOUS ? ClaimKind.BOUND : ClaimKind.LIMIT);
    this.part = part;
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(new WuHypothesis("the example: A = [1, 0], y = 1, w0 = [0, 1], c = 1", p -> WuHypothesis.when(
        !p.equals(WuSampler.example2d(p.g0())), "not the example")),
        new WuHypothesis(part == Part.CLOSER ? "0 < g0 <= 1 (g0 relatively small)" : "g0 != 0", p -> WuHypothesis.when(
            part == Part.CLOSER ? !(p.g0() > 0 && p.g0() <= 1) : p.g0() == 0, "g0 = " + p.g0())));
  }

  @Override
  List<String> notes() {
    return List.of("the example's loss is ||A g w - y||^2 without the 1/2 of (2) (its footnote: f = (g w1 - 2)^2); with "
        + "(2)'s 1/2 the loss at the spurious points would be 1/2",
        "the gradient flow of (1) from x0 = g0 w0 = [0, g0] ends at [1, g0]; the printed [1, 1] is its end from x0 = w0");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    double[] corners = part == Part.CLOSER ? new double[] {1.0, 0.05, 0.5} : new double[] {0.5, 2.0, -1.0, 1e-3};
    for (double g : corners) {
      out.add(new WuSample(WuSampler.example2d(g), "corner: g0 = " + g));
    }
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(WuSampler.example2d(part == Part.CLOSER ? s.uniform(0.05, 1) : s.uniform(-2.5, 2.5)), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return switch (part) {
      case LIMIT, LIMIT_CORRECTED -> List.of("exponent (g0^2 - 1) without the 1/2", "second entry without the exponential (GF-like 1)");
      case CLOSER -> List.of("closer than the gradient flow from the same start, [1, g0]");
      case SPURIOUS -> List.of("loss value 1/2 ... as the (2)-normalised value 1 (i.e. value 2)", "stationary points (0, [+-1, 0])");
    };
  }

  @Override
  List<String> columns() {
    return List.of("g0", "measured", "printed", "difference");
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    if (part == Part.SPURIOUS) {
      WuObjective obj = WuObjective.of(p);
      boolean ok = true;
      for (double sign : new double[] {1, -1}) {
        double[] w = {0, sign};
        double grad = Lemma23Stationary.gradNorm(obj, 0, w);
        double loss = 2 * obj.h(w, 0);
        ok &= grad == 0 && loss == 1.0 && loss > 0;
        j.row(0.0, loss, 1.0, grad);
      }
      j.statement(ok ? Result.HOLDS : Result.VIOLATED, "grad h = 0 and ||A g w - y||^2 = 1 at (0, [0, +-1])");
      j.control(controlNames().get(0), 2 * obj.h(new double[] {0, 1}, 0) != 2.0, "value 1");
      j.control(controlNames().get(1), Lemma23Stationary.gradNorm(obj, 0, new double[] {1, 0}) > 0, "gradient "
          + Lemma23Stationary.gradNorm(obj, 0, new double[] {1, 0}));
      return j;
    }
    WuFlow flow = WuFlow.of(p);
    WuLimit lim = WuLimit.of(flow);
    if (!lim.ok()) {
      return j.statement(Result.UNDECIDED, lim.message());
    }
    double[] x = flow.point(lim.state());
    double u = lim.uncertainty() * (1 + Math.abs(lim.state()[0]));
    double g0 = p.g0();
    double gInf = lim.state()[0];
    if (part == Part.CLOSER) {
      double wn = Vectors.distance(x, new double[] {1, 0});
      double gf = Vectors.distance(new double[] {1, 1}, new double[] {1, 0});
      j.row(g0, wn, gf, gf - wn);
      j.statement(wn < gf - u ? Result.HOLDS : wn > gf + u ? Result.VIOLATED : Result.UNDECIDED,
          "||x_WN - x*|| = " + Theorem26.fmt(wn) + " vs ||[1, 1] - x*|| = 1");
      j.control(controlNames().get(0), wn > Math.abs(g0) + u ? Boolean.TRUE : wn < Math.abs(g0) - u ? Boolean.FALSE : null,
          "GF from [0, g0] ends at distance " + Theorem26.fmt(Math.abs(g0)) + ", WN at " + Theorem26.fmt(wn));
      return j;
    }
    double k = part == Part.LIMIT ? 1.0 : gInf;
    double expected = k * Math.exp((g0 * g0 - k * k) / 2);
    if (part == Part.LIMIT) {
      expected = WuClosedForms.example2d(g0)[1];
    }
    double[] formula = {1, expected};
    double dev = Vectors.distance(x, formula);
    j.row(g0, x[1], expected, dev);
    j.statement(Theorem26.againstLimit(dev, u, 1 + Math.abs(gInf)),
        "limit " + Theorem26.fmt(x[0]) + ", " + Theorem26.fmt(x[1]) + " vs " + Theorem26.fmt(expected) + " (g_inf = "
            + Theorem26.fmt(gInf) + ")");
    double m1 = k * Math.exp(g0 * g0 - k * k);
    double m2 = 1.0;
    j.control(controlNames().get(0), Math.abs(m1 - x[1]) > Theorem26.REFUTE_FACTOR * u, "mutated " + Theorem26.fmt(m1));
    j.control(controlNames().get(1), Math.abs(m2 - x[1]) > Theorem26.REFUTE_FACTOR * u, "mutated 1");
    return j;
  }
}
