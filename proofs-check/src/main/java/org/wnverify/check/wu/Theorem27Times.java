package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Plot;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Theorem 2.7: the time the corrected WN flow takes to reach f <= eps against each printed T whose
 * case applies, over many instances (the default sample count times MANY: the flows are cheap);
 * the slack T / t_taken is tabulated.
 */
final class Theorem27Times extends PerInstanceClaim {
  static final int MANY = 4;
  /** eps = EPS_FACTOR f0 and EPS_FACTOR^2 f0. */
  static final double EPS_FACTOR = 1e-4;

  Theorem27Times() {
    super("wu/theorem-2.7", "Wu et al., Theorem 2.7; Appendix C.5",
        "Assume Condition 2.1, c > 0, ||w0|| = 1, lambda_min > 0. If g0^2 > 2c log(1/||w0_perp||), f(w_T, g_T) <= eps "
            + "after T = log(f0/eps) / (lambda_min min{2c log||w0_perp|| + g0^2, c}). If delta = (||y||^2 - ||A g0 w0 - y||^2)"
            + "/lambda_max > 0, f <= eps after T = log(f0/eps)/(lambda_min min{delta, c}) + (1/lambda_max) log(2 - g0/delta) "
            + "1{g0 < delta}.", ClaimKind.RATE);
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.C_POSITIVE, WuHypothesis.UNIT_W0, WuHypothesis.LAMBDA_MIN, WuHypothesis.Y_NONZERO);
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(WuSampler.example2d(2.0), "corner: example-2d, g0 = 2 (first case)"));
    WuInstance p = s.general();
    out.add(new WuSample(Theorem26.SufficientCondition.satisfying(s, p, 0.05), "corner: delta > 0, g0 < delta"));
    for (int i = out.size(); i < MANY * n; i++) {
      WuInstance q;
      do {
        q = s.general();
        q = i % 2 == 0 ? Theorem26.SufficientCondition.satisfying(s, q, s.uniform(0.1, 1.9)) : q.withG0(s.uniform(1.5, 3.0));
      } while (!applies(q));
      out.add(new WuSample(q, "draw " + i));
    }
    return out;
  }

  /** Whether one of the two cases' hypotheses holds (draws that meet neither are redrawn: they test nothing). */
  static boolean applies(WuInstance q) {
    WuGeometry geo = WuGeometry.of(q);
    return WuClosedForms.theorem27FirstApplies(q, geo) || WuClosedForms.theorem27Delta(q, geo) > 0;
  }

  /** Over many instances: MANY times the requested samples when sampling (a supplied instance is checked alone). */
  @Override
  void checkWu(CheckContext ctx, List<WuSample> samples, org.wnverify.check.ClaimOutcome.Builder out) {
    boolean supplied = samples.size() == 1 && samples.get(0).label().equals("supplied");
    super.checkWu(ctx, supplied ? samples : draw(ctx, samples.size()), out);
  }

  @Override
  List<String> controlNames() {
    return List.of("first T with lambda_max in place of lambda_min", "second T with max{delta, c} in place of min",
        "every T divided by 4 (a bound four times tighter)");
  }

  @Override
  List<String> columns() {
    return List.of("case", "eps / f0", "T printed", "time taken", "slack T/t");
  }

  /** Time taken over the printed T per instance, case and eps: the theorem holds where the ratio is <= 1. */
  @Override
  List<Plot> plots(EvidenceTable table) {
    List<String> labels = new ArrayList<>();
    double[] taken = new double[table.rows().size()];
    double[] printed = new double[taken.length];
    for (int i = 0; i < taken.length; i++) {
      List<Object> row = table.rows().get(i);
      labels.add(row.get(0) + ", " + row.get(1) + " case, eps = " + row.get(2) + " f0");
      printed[i] = ((Number) row.get(3)).doubleValue();
      taken[i] = ((Number) row.get(4)).doubleValue();
    }
    return List.of(Plot.slackPerSample("time to reach f <= eps over the printed T, per instance, case and eps "
        + "(a flow that never reached eps has no dot; see the table)", "time taken / T printed", labels, taken, printed));
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuGeometry geo = WuGeometry.of(p);
    boolean first = WuClosedForms.theorem27FirstApplies(p, geo);
    double delta = WuClosedForms.theorem27Delta(p, geo);
    boolean second = delta > 0;
    if (!first && !second) {
      return j.statement(Result.UNDECIDED, "neither case's hypothesis holds");
    }
    double f0 = WuObjective.of(p).f(p.w0(), p.g0());
    boolean ok = true;
    String detail = "";
    Boolean[] rej = new Boolean[3];
    for (double factor : new double[] {EPS_FACTOR, EPS_FACTOR * EPS_FACTOR}) {
      double eps = factor * f0;
      double bound = Math.max(first ? WuClosedForms.theorem27FirstTime(p, geo, eps) : 0,
          second ? WuClosedForms.theorem27SecondTime(p, geo, eps) : 0);
      IntegrationResult r = FlowIntegrator.integrate(WuFlow.of(p), IntegrationSettings.of(1e-10, 2 * bound + 1)
          .withLossTarget(eps));
      double taken = r.status() == org.wnverify.numeric.ode.IntegrationStatus.CONVERGED ? r.finalTime() : Double.POSITIVE_INFINITY;
      if (!r.reachedEnd()) {
        return j.statement(Result.UNDECIDED, "flow " + r.status() + ": " + r.message());
      }
      String which = first && second ? "both" : first ? "first" : "second";
      if (first) {
        double t1 = WuClosedForms.theorem27FirstTime(p, geo, eps);
        j.row("first", factor, t1, taken, t1 / taken);
        ok &= taken <= t1 * (1 + 1e-9);
        double perp = org.wnverify.numeric.linalg.Vectors.norm(geo.perp(p.w0()));
        double mutA = Math.log(f0 / eps) / (geo.lambdaMax() * Math.min(2 * p.c() * Math.log(perp) + p.g0() * p.g0(), p.c()));
        rej[0] = or(rej[0], taken > mutA * (1 + 1e-6));
        rej[2] = or(rej[2], taken > t1 / 4);
      }
      if (second) {
        double t2 = WuClosedForms.theorem27SecondTime(p, geo, eps);
        j.row("second", factor, t2, taken, t2 / taken);
        ok &= taken <= t2 * (1 + 1e-9);
        double mut = Math.log(f0 / eps) / (geo.lambdaMin() * Math.max(delta, p.c()))
            + (p.g0() < delta ? Math.log(2 - p.g0() / delta) / geo.lambdaMax() : 0);
        rej[1] = or(rej[1], taken > mut * (1 + 1e-6));
        rej[2] = or(rej[2], taken > t2 / 4);
      }
      detail = which + " case(s), t = " + Theorem26.fmt(taken) + " vs T = " + Theorem26.fmt(bound);
    }
    j.statement(ok ? Result.HOLDS : Result.VIOLATED, detail);
    for (int k = 0; k < 3; k++) {
      j.control(controlNames().get(k), rej[k], rej[k] == null ? "case does not apply" : rej[k] ? "time taken exceeds it" : "held");
    }
    return j;
  }

  private static Boolean or(Boolean a, boolean b) {
    return a == null ? b : a || b;
  }
}
