package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.Plot;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Lemma 2.4: both sides of (5) at every accepted step of an integrated trajectory, with d/dt
 * ||r||^2/2 = r^T A d(g w)/dt evaluated from the flow's own right-hand side (no finite difference,
 * so the only error is rounding); the slack of each side is reported. The bound is the spectrum
 * {c, g^2} of c w w^T + g^2 P_t (C.2), so it is sharp: mutations that swap or perturb it fail.
 */
final class Lemma24Rate extends PerInstanceClaim {
  /** Rounding allowance relative to max{g^2, c} ||A^T r||^2 (a few dot products of length d). */
  static final double ROUNDING = 1e-10;

  Lemma24Rate() {
    super("wu/lemma-2.4", "Wu et al., Lemma 2.4, (5); Appendix C.2",
        "Under the setting of Lemma 2.2: -max{g_t^2, c} ||A^T r_t||^2 <= d[1/2 ||r_t||^2]/dt <= -min{g_t^2, c} "
            + "||A^T r_t||^2 <= 0. (5)", ClaimKind.RATE);
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.UNIT_W0);
  }

  @Override
  List<String> notes() {
    return List.of("evaluated on the corrected WN flow (Appendix B's final formula), r = A g w - y; d/dt ||r||^2/2 does "
        + "not depend on the residual's sign");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, g0 = 0.5"));
    out.add(new WuSample(s.general().withC(0), "corner: c = 0"));
    out.add(new WuSample(s.general().withC(1.0).withG0(1.0), "corner: g0^2 = c = 1"));
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(s.general(), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return List.of("min and max swapped", "g_t in place of g_t^2", "c dropped (max{g^2, 1}, min{g^2, 1})",
        "lambda factor 1/2 on the lower side (-max/2)");
  }

  @Override
  List<String> columns() {
    return List.of("states", "min lower slack / scale", "min upper slack / scale", "max d/dt");
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuFlow flow = WuFlow.of(p);
    double t = 1.0 / (WuGeometry.of(p).lambdaMin() * Math.max(0.1, Math.min(p.c() + p.g0() * p.g0(), 1)));
    IntegrationResult r = FlowIntegrator.integrate(flow, IntegrationSettings.of(1e-10, Math.min(t, 1e3)).withRecordSteps(true));
    if (!r.reachedEnd()) {
      return j.statement(Result.UNDECIDED, r.message());
    }
    WuObjective obj = WuObjective.of(p);
    Trajectory tr = r.trajectory();
    double lowSlack = Double.POSITIVE_INFINITY;
    double upSlack = Double.POSITIVE_INFINITY;
    double maxD = Double.NEGATIVE_INFINITY;
    boolean[] refuted = new boolean[4];
    boolean[] decidable = new boolean[4];
    int broken = 0;
    double[] ds = new double[flow.getDimension()];
    double[] time = new double[tr.size()];
    double[][] sides = new double[3][tr.size()]; // -d/dt ||r||^2/2 and the two sides of (5), negated, for the chart
    for (int k = 0; k < tr.size(); k++) {
      double[] s = tr.state(k);
      double g = s[0];
      double[] w = WuFlow.w(s);
      double[] res = obj.residual(w, g);
      flow.computeDerivatives(0, s, ds);
      double[] dx = new double[w.length];
      for (int i = 0; i < w.length; i++) {
        dx[i] = ds[0] * w[i] + g * ds[i + 1];
      }
      double d = Vectors.dot(res, obj.times(dx));
      double atr2 = Math.pow(Vectors.norm(obj.transposeTimes(res)), 2);
      double g2 = g * g;
      double scale = Math.max(Math.max(g2, p.c()), 1e-300) * Math.max(atr2, 1e-300);
      double eps = ROUNDING * scale;
      double lower = -Math.max(g2, p.c()) * atr2;
      double upper = -Math.min(g2, p.c()) * atr2;
      time[k] = tr.time(k);
      sides[0][k] = -d;
      sides[1][k] = -lower;
      sides[2][k] = -upper;
      lowSlack = Math.min(lowSlack, (d - lower) / scale);
      upSlack = Math.min(upSlack, (upper - d) / scale);
      maxD = Math.max(maxD, d);
      if (d < lower - eps || d > upper + eps || upper > eps) {
        broken++;
      }
      double[][] mutated = {
          {-Math.min(g2, p.c()) * atr2, -Math.max(g2, p.c()) * atr2},
          {-Math.max(Math.abs(g), p.c()) * atr2, -Math.min(Math.abs(g), p.c()) * atr2},
          {-Math.max(g2, 1) * atr2, -Math.min(g2, 1) * atr2},
          {lower / 2, upper}};
      for (int m = 0; m < 4; m++) {
        boolean differs = Math.abs(mutated[m][0] - lower) + Math.abs(mutated[m][1] - upper) > 1e3 * eps;
        decidable[m] |= differs;
        refuted[m] |= differs && (d < mutated[m][0] - 1e3 * eps || d > mutated[m][1] + 1e3 * eps);
      }
    }
    j.row(tr.size(), lowSlack, upSlack, maxD);
    j.plot(new Plot("-d/dt ||r_t||^2/2 against t between the sides of (5), negated", Plot.Kind.ENVELOPE, "t",
        "rate of decrease of ||r||^2/2", Plot.Scale.LINEAR, Plot.Scale.LOG, List.of(
            Plot.Series.of("-d/dt ||r||^2/2", Plot.Role.OBSERVED, time, sides[0]),
            Plot.Series.of("max{g^2, c} ||A^T r||^2", Plot.Role.UPPER_BOUND, time, sides[1]),
            Plot.Series.of("min{g^2, c} ||A^T r||^2", Plot.Role.LOWER_BOUND, time, sides[2]))));
    j.statement(broken == 0 ? Result.HOLDS : Result.VIOLATED, broken == 0
        ? "both sides hold at " + tr.size() + " states; min slacks " + Theorem26.fmt(lowSlack) + " / " + Theorem26.fmt(upSlack)
        : broken + " of " + tr.size() + " states break (5)");
    for (int m = 0; m < 4; m++) {
      j.control(controlNames().get(m), decidable[m] ? refuted[m] : null, decidable[m] ? (refuted[m] ? "broken" : "held") : "coincides");
    }
    return j;
  }
}
