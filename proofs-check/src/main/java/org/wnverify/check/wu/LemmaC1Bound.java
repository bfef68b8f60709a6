package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.IntegrationStatus;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Lemma C.1 (Appendix C.5.2, the lower bound on g_t behind the second case of Theorem 2.7), the
 * statement itself on integrated trajectories of the WN flow: with
 * D = (||A g* w*||^2 - ||A(g0 w0 - g* w*)||^2) / lambda_max and delta_0 = 2 g* <A w0, A w*> / ||A w0||^2,
 * "g_t >= D - delta/2 for t >= s", s = 0 if g0 >= min{delta_0, D} - delta, else
 * s = log((2/delta)(D - g0)) / lambda_max, for every delta in (0, D) (three sizes, delta = D/2, D/10, D/100).
 *
 * <p>D carries the units of g^2 (it is 2<z0, z*> - ||z0||^2 over lambda_max, z = A g w), and the
 * proof's own comparison (14) bounds d g^2/dt from below by c lambda_max (D - g_t^2) (c the rate of
 * Lemma 2.2; the proof writes the flow with c = 1). The corrected variant is what (14) gives:
 * g_t^2 >= D - delta/2 for t >= s_c, s_c = max(0, log((2/delta)(D - g0^2)) / (c lambda_max)).
 *
 * <p>"For t >= s" is read on [s, T] with T past convergence (loss below LOSS_FACTOR of its start),
 * plus a bound on how far g can still move after T (the geometric rate of Lemma 2.4); with c = 0 g is
 * frozen, so the statement is decided exactly by g0.
 */
final class LemmaC1Bound extends PerInstanceClaim {
  /** delta as fractions of D: the statement is for "some small delta" with D > delta, i.e. any delta in (0, D). */
  static final double[] DELTA_FRACTIONS = {0.5, 0.1, 0.01};
  /** Tolerance of the trajectory the bound is read on, and of the coarser run a violation must survive. */
  static final double FINE = 1e-10;
  static final double COARSE = 1e-8;
  /**
   * A bound counts as broken (or met) only beyond this margin relative to max(1, |bound|): three
   * orders above the two runs' disagreement at 1e-8, so a violation is not integration error.
   */
  static final double MARGIN = 1e-6;
  /** Convergence: the loss fell below this fraction of its start (g then moves by ~ sqrt of it). */
  static final double LOSS_FACTOR = 1e-14;
  /** Longest flow time integrated (the slowest sampled rates, c lambda_min ~ 0.004, converge well before). */
  static final double MAX_TIME = 4e4;
  /** Sample times on [0, T] besides the thresholds s. */
  static final int SAMPLES = 400;

  /** One reading of the lemma (the statement, its correction, or a mutation). */
  record Variant(String name, boolean squared, Threshold s, Level bound) {}

  @FunctionalInterface
  interface Threshold {
    double at(Q q, double delta);
  }

  @FunctionalInterface
  interface Level {
    double at(Q q, double delta);
  }

  /** The instance's quantities: D, delta_0, g0, lambda_max, c. */
  record Q(double d, double delta0, double g0, double lambdaMax, double c) {
    static Q of(WuInstance p) {
      WuGeometry geo = WuGeometry.of(p);
      WuObjective obj = WuObjective.of(p);
      double[] zStar = obj.times(geo.xStar());
      double[] z0 = obj.times(Vectors.scale(p.g0(), p.w0()));
      double[] aw0 = obj.times(p.w0());
      double num = Math.pow(Vectors.norm(zStar), 2) - Math.pow(Vectors.distance(z0, zStar), 2);
      double delta0 = 2 * Vectors.dot(aw0, zStar) / Math.pow(Vectors.norm(aw0), 2);
      return new Q(num / geo.lambdaMax(), delta0, p.g0(), geo.lambdaMax(), p.c());
    }
  }

  static final Threshold PRINTED_S = (q, dl) -> q.g0 >= Math.min(q.delta0, q.d) - dl ? 0
      : Math.max(0, Math.log(2 / dl * (q.d - q.g0)) / q.lambdaMax);
  static final Threshold CORRECTED_S = (q, dl) -> q.g0 * q.g0 >= q.d ? 0
      : Math.max(0, Math.log(2 / dl * (q.d - q.g0 * q.g0)) / (q.c * q.lambdaMax));
  static final Level MINUS_HALF = (q, dl) -> q.d - dl / 2;
  static final Level PLUS_HALF = (q, dl) -> q.d + dl / 2;

  static final Variant PRINTED = new Variant("printed", false, PRINTED_S, MINUS_HALF);
  static final Variant CORRECTED = new Variant("corrected", true, CORRECTED_S, MINUS_HALF);

  private final boolean corrected;

  LemmaC1Bound(boolean corrected) {
    super(corrected ? "wu/lemma-c.1#corrected" : "wu/lemma-c.1",
        "Wu et al., Appendix C.5.2, Lemma C.1 (001_b498c678a289d7b1.txt, lines 534-544)"
            + (corrected ? " corrected as the proof's (14) gives" : ""),
        corrected ? "Under the setting of Lemma 2.2 with c > 0, <A w0, A w*> > 0, g0 > 0 and D := (||A g* w*||^2 - "
            + "||A(g0 w0 - g* w*)||^2)/lambda_max > delta > 0: g_t^2 >= D - delta/2 for t >= s_c, s_c = 0 if g0^2 >= D, "
            + "else max(0, log((2/delta)(D - g0^2)) / (c lambda_max)) [what (14), d g^2/dt >= c lambda_max (D - g_t^2), gives]"
            : "Lemma C.1 (Lower bound on g_t). Under the same setting of Lemma 2.2, suppose the initialization of g0 and w0 "
            + "satisfies <A w0, A w*> > 0 and g0 >= 0. Let (||A g* w*||^2 - ||A(g0 w0 - g* w*)||^2)/lambda_max > delta for "
            + "some small delta. We have the lower bound of g_t: g_t >= (||A g* w*||^2 - ||A(g0 w0 - g* w*)||^2)/lambda_max "
            + "- delta/2 for t >= s, where s = 0 if g0 >= min{2 g* <A w0, A w*>/||A w0||^2, (||A g* w*||^2 - "
            + "||A(g0 w0 - g* w*)||^2)/lambda_max} - delta, and s = (1/lambda_max) log((2/delta)((||A g* w*||^2 - "
            + "||A(g0 w0 - g* w*)||^2)/lambda_max - g0)) otherwise.",
        ClaimKind.BOUND);
    this.corrected = corrected;
  }

  static final WuHypothesis ALIGNED = new WuHypothesis("<A w0, A w*> > 0", p -> {
    WuGeometry geo = WuGeometry.of(p);
    WuObjective obj = WuObjective.of(p);
    double s = Vectors.dot(obj.times(p.w0()), obj.times(geo.wStar()));
    return WuHypothesis.when(!(s > 0), "<A w0, A w*> = " + s);
  });

  static final WuHypothesis G0_NONNEGATIVE = new WuHypothesis("g0 >= 0",
      p -> WuHypothesis.when(!(p.g0() >= 0), "g0 = " + p.g0()));

  static final WuHypothesis D_POSITIVE = new WuHypothesis(
      "(||A g* w*||^2 - ||A(g0 w0 - g* w*)||^2)/lambda_max > delta for some delta > 0, i.e. D > 0 (delta = D/2, D/10, D/100)",
      p -> {
        double d = Q.of(p).d();
        return WuHypothesis.when(!(d > 0), "D = " + d);
      });

  @Override
  public List<WuHypothesis> hypotheses() {
    return corrected
        ? List.of(WuHypothesis.UNIT_W0, WuHypothesis.C_POSITIVE, WuHypothesis.Y_NONZERO, ALIGNED, G0_NONNEGATIVE, D_POSITIVE)
        : List.of(WuHypothesis.UNIT_W0, WuHypothesis.Y_NONZERO, ALIGNED, G0_NONNEGATIVE, D_POSITIVE);
  }

  @Override
  List<String> notes() {
    return List.of("flow: the WN flow of Lemma 2.2 as derived in Appendix B (corrected (4)); the g-equation, "
            + "dg/dt = c(g* <A w, A w*> - g ||A w||^2), is the proof's with rate c (the proof takes c = 1)",
        "'for t >= s' is read at " + SAMPLES + " times on [s, T] and each s itself, T past convergence (loss below "
            + LOSS_FACTOR + " of its start), plus the tail bound c sqrt(lambda_max) ||r_T|| / (min(g_T^2/4, c) lambda_min) on "
            + "how far g moves after T (Lemma 2.4's rate); with c = 0, g is frozen and the bound is decided by g0",
        "a bound is broken only if it fails by more than " + MARGIN + " x max(1, |bound|) on the 1e-10 and the 1e-8 run");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(aligned(s.orthogonal(), 3.0, 1.0 / 3, 1.0),
        "corner: A A^T = I, w0 = w*, g* = 3, g0 = 1, c = 1 (the proof's rate)"));
    out.add(new WuSample(aligned(oneRow(s), 1.0, 0.3, 0.2), "corner: m = 1, w0 = w*, g0 = 0.3 g*, c = 0.2"));
    out.add(new WuSample(aligned(s.orthogonal(), 1.0, 0.999, 1.0), "corner: A A^T = I, w0 = w*, g0 = 0.999 g* (D near g*^2)"));
    out.add(new WuSample(general(s, 1e-3), "corner: g0 = 1e-3 delta_0 (g0 near 0)"));
    out.add(new WuSample(general(s, 0.98), "corner: g0 = 0.98 delta_0 (D near 0)"));
    if (!corrected) {
      out.add(new WuSample(general(s, 0.3).withC(0), "corner: c = 0 (g frozen)"));
    }
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(general(s, s.uniform(0.02, 0.98)), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  private static WuInstance oneRow(WuSampler s) {
    int d = s.between(2, 4);
    return new WuInstance(s.generalMatrix(1, d), s.gaussianVector(1), s.unitVector(d), 1.0, 1.0);
  }

  /** w0 = w*, y rescaled so that g* = gStar, g0 = fraction g*, rate c. */
  private static WuInstance aligned(WuInstance p, double gStar, double fraction, double c) {
    WuGeometry geo = WuGeometry.of(p);
    double k = gStar / geo.gStar();
    return new WuInstance(p.a(), Vectors.scale(k, p.y()), geo.wStar(), fraction * gStar, c);
  }

  /** A general draw with w0 turned so that <A w0, A w*> > 0 and g0 = fraction delta_0 (so D > 0). */
  private static WuInstance general(WuSampler s, double fraction) {
    WuInstance p = s.general();
    WuGeometry geo = WuGeometry.of(p);
    WuObjective obj = WuObjective.of(p);
    double[] w0 = p.w0();
    if (Vectors.dot(obj.times(w0), obj.times(geo.wStar())) < 0) {
      w0 = Vectors.scale(-1, w0);
    }
    WuInstance q = p.withW0(w0).withG0(0);
    return q.withG0(fraction * Q.of(q.withG0(1)).delta0());
  }

  private List<Variant> variants() {
    if (corrected) {
      return List.of(CORRECTED,
          new Variant("square dropped: g_t >= D - delta/2 (as printed) after s_c", false, CORRECTED_S, MINUS_HALF),
          new Variant("+delta/2 for -delta/2: g_t^2 >= D + delta/2", true, CORRECTED_S, PLUS_HALF),
          new Variant("rate c dropped from s_c (1/lambda_max for 1/(c lambda_max))", true,
              (q, dl) -> CORRECTED_S.at(q, dl) * q.c, MINUS_HALF));
    }
    return List.of(PRINTED,
        new Variant("+delta/2 for -delta/2: g_t >= D + delta/2", false, PRINTED_S, PLUS_HALF),
        new Variant("s = 0 always (the bound from t = 0)", false, (q, dl) -> 0, MINUS_HALF));
  }

  @Override
  List<String> controlNames() {
    return variants().subList(1, variants().size()).stream().map(Variant::name).toList();
  }

  @Override
  List<String> columns() {
    return List.of("D", "delta_0", "g0", "c", "T", "min_t>=s (q - bound), worst delta", "g_T");
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    Q q = Q.of(p);
    List<Variant> vs = variants();
    double sMax = 0;
    for (Variant v : vs) {
      for (double f : DELTA_FRACTIONS) {
        sMax = Math.max(sMax, v.s().at(q, f * q.d()));
      }
    }
    WuFlow flow = WuFlow.of(p);
    double l0 = flow.loss(flow.initialState());
    double tConv = 0;
    boolean converged = p.c() == 0;
    if (p.c() > 0) {
      IntegrationResult h = FlowIntegrator.integrate(flow, IntegrationSettings.of(FINE, MAX_TIME)
          .withLossTarget(l0 * LOSS_FACTOR).withAbsoluteTolerance(FINE * InvariantClaim.ABS_PER_REL));
      ctx.checkpoint();
      converged = h.status() == IntegrationStatus.CONVERGED;
      tConv = h.finalTime();
    }
    double end = Math.max(1.0, 1.2 * Math.max(tConv, sMax));
    double[] times = times(end, vs, q);
    Trajectory fine = run(flow, FINE, end, times);
    Trajectory coarse = run(flow, COARSE, end, times);
    ctx.checkpoint();
    if (fine == null || coarse == null) {
      return j.statement(Result.UNDECIDED, "integration to T = " + Theorem26.fmt(end) + " failed");
    }
    double[] last = fine.last();
    double tailG = tail(p, q, last);
    for (int k = 0; k < vs.size(); k++) {
      Variant v = vs.get(k);
      Result worst = Result.HOLDS;
      double worstSlack = Double.POSITIVE_INFINITY;
      String why = "";
      for (double f : DELTA_FRACTIONS) {
        double dl = f * q.d();
        double s = v.s().at(q, dl);
        double b = v.bound().at(q, dl);
        double margin = MARGIN * Math.max(1, Math.abs(b));
        double slack = Double.POSITIVE_INFINITY;
        boolean broken = false;
        for (int i = 0; i < times.length; i++) {
          if (times[i] < s) {
            continue;
          }
          double qf = value(v, fine.state(i)[0]);
          double qc = value(v, coarse.state(i)[0]);
          slack = Math.min(slack, qf - b);
          if (qf < b - margin && qc < b - margin) {
            broken = true;
            why = "delta = " + Theorem26.fmt(dl) + ": at t = " + Theorem26.fmt(times[i]) + " >= s = " + Theorem26.fmt(s)
                + ", " + (v.squared() ? "g_t^2 = " : "g_t = ") + Theorem26.fmt(qf) + " < " + Theorem26.fmt(b);
            break;
          }
        }
        double gT = last[0];
        double tailQ = v.squared() ? 2 * Math.abs(gT) * tailG + tailG * tailG : tailG;
        worstSlack = Math.min(worstSlack, slack);
        if (broken) {
          worst = Result.VIOLATED;
        } else if (worst == Result.HOLDS && !(converged && slack >= -margin && value(v, gT) - tailQ >= b - margin)) {
          worst = Result.UNDECIDED;
          why = "delta = " + Theorem26.fmt(dl) + ": " + (converged ? "the tail after T could cross the bound"
              : "loss not converged by t = " + Theorem26.fmt(MAX_TIME));
        }
        if (worst == Result.VIOLATED) {
          break;
        }
      }
      if (k == 0) {
        j.row(q.d(), q.delta0(), q.g0(), p.c(), end, worstSlack, last[0]);
        j.statement(worst, worst == Result.HOLDS ? "bound met for every delta on [s, " + Theorem26.fmt(end)
            + "], min slack " + Theorem26.fmt(worstSlack) + ", tail after T <= " + Theorem26.fmt(tailG) : why);
      } else {
        j.control(v.name(), worst == Result.VIOLATED ? Boolean.TRUE : worst == Result.HOLDS ? Boolean.FALSE : null,
            worst == Result.HOLDS ? "held" : why);
      }
    }
    return j;
  }

  private static double value(Variant v, double g) {
    return v.squared() ? g * g : g;
  }

  /** Uniform times on [0, T] with every threshold s of every variant and delta inserted. */
  private static double[] times(double end, List<Variant> vs, Q q) {
    java.util.TreeSet<Double> ts = new java.util.TreeSet<>();
    for (double t : IntegrationSettings.uniformTimes(end, SAMPLES)) {
      ts.add(t);
    }
    for (Variant v : vs) {
      for (double f : DELTA_FRACTIONS) {
        double s = v.s().at(q, f * q.d());
        if (s <= end) {
          ts.add(s);
        }
      }
    }
    return ts.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Trajectory run(WuFlow flow, double tol, double end, double[] times) {
    IntegrationResult r = FlowIntegrator.integrate(flow, IntegrationSettings.of(tol, end).withSamples(times)
        .withAbsoluteTolerance(tol * InvariantClaim.ABS_PER_REL));
    return r.reachedEnd() && r.trajectory().size() == times.length ? r.trajectory() : null;
  }

  /**
   * How far g can move after T: |dg/dt| = c |<A w, r>| <= c sqrt(lambda_max) ||r||, and ||r_t|| decays at
   * least at rate min(g^2, c) lambda_min (Lemma 2.4), with g^2 >= g_T^2/4 once converged; 0 when c = 0.
   */
  private static double tail(WuInstance p, Q q, double[] state) {
    if (p.c() == 0) {
      return 0;
    }
    WuGeometry geo = WuGeometry.of(p);
    double r = Vectors.norm(WuObjective.of(p).residual(WuFlow.w(state), state[0]));
    double k = Math.min(state[0] * state[0] / 4, p.c()) * geo.lambdaMin();
    return k > 0 ? p.c() * Math.sqrt(q.lambdaMax()) * r / k : Double.POSITIVE_INFINITY;
  }
}
