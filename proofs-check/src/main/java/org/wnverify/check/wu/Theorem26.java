package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Theorem 2.6 (WN flow solution) against integrated limits of the corrected WN flow
 * ({@link WuLimit}: limit with its truncation and noise uncertainty).
 */
final class Theorem26 {
  private Theorem26() {}

  static final String LOCATION = "Wu et al., Theorem 2.6; Appendix C.4";
  /** A limit counts as "loss -> 0" when the loss fell below this fraction of the initial loss. */
  static final double ZERO_LOSS = 1e-20;
  /** ... and as "in S" when |g| and |y^T A w| are below this (relative to 1 + g*, ||y||^2). */
  static final double IN_S = 1e-6;
  /** A deviation beyond this many uncertainties is a failure; below 1 uncertainty agreement. */
  static final double REFUTE_FACTOR = 1e3;
  /**
   * A limit uncertain by more than this (relative to 1 + |g_inf|, as the uncertainty is scaled)
   * confirms no closed form: "deviation within the uncertainty" would then pass any formula that
   * close, and the mutated formulas the controls use differ by 1e-3 and more on these instances.
   * Converged limits are known to 1e-10 .. 1e-9 (default audit); a run uncertain by 1e-6 is one
   * that did not settle, and it is UNDECIDED.
   */
  static final double MAX_UNCERTAINTY = 1e-6;

  /** HOLDS within the uncertainty (only if that is below {@link #MAX_UNCERTAINTY}), VIOLATED beyond REFUTE_FACTOR of it. */
  static PerInstanceClaim.Result againstLimit(double dev, double u, double scale) {
    if (dev > REFUTE_FACTOR * u) {
      return PerInstanceClaim.Result.VIOLATED;
    }
    return dev <= u && u <= MAX_UNCERTAINTY * scale ? PerInstanceClaim.Result.HOLDS : PerInstanceClaim.Result.UNDECIDED;
  }

  static String fmt(double x) {
    return String.format(Locale.ROOT, "%.3g", x);
  }

  static WuInstance inS(WuSampler s) {
    // g0 = 0 and w0 with y^T A w0 = 0: a point of S, where the flow is at rest with loss ||y||^2/2.
    WuInstance p = s.general();
    WuObjective obj = WuObjective.of(p);
    double[] aty = obj.transposeTimes(p.y());
    double[] w = WuObjective.projectOff(aty, s.unitVector(p.columns()));
    return p.withW0(Vectors.scale(1 / Vectors.norm(w), w)).withG0(0.0);
  }

  /** Classification of a limit: "zero loss", "S", or "neither". */
  /**
   * A loss below this times (1 + ||y||^2) is zero to rounding: a residual of 1e-12 relative to y,
   * what an integrated state accurate to ~1e-12 leaves. (A start at the minimiser has f0 = 0, so
   * the relative test cannot apply; the soak found its limit at loss 2.5e-27 called "neither".)
   */
  static final double ZERO_LOSS_FLOOR = 1e-24;

  static String classify(WuInstance p, WuLimit lim) {
    double f0 = WuObjective.of(p).f(p.w0(), p.g0());
    double yy = Math.pow(Vectors.norm(p.y()), 2);
    if (lim.loss() <= ZERO_LOSS * Math.max(f0, 1e-300) || lim.loss() < ZERO_LOSS_FLOOR * (1 + yy)) {
      return "zero loss";
    }
    double g = lim.state()[0];
    double[] w = WuFlow.w(lim.state());
    double yaw = Vectors.dot(WuObjective.of(p).transposeTimes(p.y()), w);
    double gs = WuGeometry.of(p).gStar();
    double y2 = Math.pow(Vectors.norm(p.y()), 2);
    if (Math.abs(g) <= IN_S * (1 + gs) && Math.abs(yaw) <= IN_S * y2) {
      return "S";
    }
    return "neither";
  }

  // --------------------------------------------------------------------------------------------

  /** Either the loss converges to zero or (g_t, w_t) converges to S. */
  static final class Dichotomy extends PerInstanceClaim {
    /** Which hypotheses the dichotomy is checked under. */
    enum Range {
      /** as printed: Condition 2.1 (c >= 0). */
      PRINTED,
      /** the corrected hypothesis c > 0 of #dichotomy-corrected. */
      C_POSITIVE,
      /**
       * Part II's setting with its corrected hypothesis (c = 0 and 0 < g0 < g*, what the proof of
       * Part II assumes; #part-ii-*-corrected): the first sentence of the theorem is a conclusion
       * for this setting too, so it is checked there (issue 20).
       */
      PART_II_CORRECTED
    }

    private final Range range;

    Dichotomy(boolean corrected) {
      this(corrected ? Range.C_POSITIVE : Range.PRINTED);
    }

    Dichotomy(Range range) {
      super(switch (range) {
        case PRINTED -> "wu/theorem-2.6#dichotomy";
        case C_POSITIVE -> "wu/theorem-2.6#dichotomy-corrected";
        case PART_II_CORRECTED -> "wu/theorem-2.6#dichotomy-under-part-ii-corrected-range";
      }, LOCATION, switch (range) {
        case PRINTED -> "Assume Condition 2.1 (c >= 0) and lambda_min > 0, ||w0|| = 1. Either (a) the loss converges to zero, "
            + "or (b) the iterates (g_t, w_t) converge to a stationary point in S.";
        case C_POSITIVE -> "As Theorem 2.6's first sentence, for c > 0 (C.4.1 uses min(g_t^2, c) > 0): either (a) the loss "
            + "converges to zero, or (b) (g_t, w_t) converge to S = {g = 0, y^T A w = 0}";
        case PART_II_CORRECTED -> "Theorem 2.6's first sentence under Part II's corrected hypotheses (c = 0, "
            + "lambda_min > 0, ||w0|| = 1, 0 < g0 < g*): either (a) the loss converges to zero, or (b) the iterates "
            + "(g_t, w_t) converge to a stationary point in S.";
      }, ClaimKind.LIMIT);
      this.range = range;
    }

    @Override
    public List<WuHypothesis> hypotheses() {
      List<WuHypothesis> h = new ArrayList<>(List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.UNIT_W0, WuHypothesis.Y_NONZERO));
      switch (range) {
        case C_POSITIVE -> h.add(WuHypothesis.C_POSITIVE);
        case PART_II_CORRECTED -> {
          h.add(WuHypothesis.C_ZERO);
          h.add(WuHypothesis.G0_BETWEEN_0_AND_GSTAR);
        }
        default -> { }
      }
      return h;
    }

    @Override
    List<WuSample> draw(CheckContext ctx, int n) {
      WuSampler s = new WuSampler(ctx.random(id()));
      List<WuSample> out = new ArrayList<>();
      if (range == Range.PART_II_CORRECTED) {
        // both ends of 0 < g0 < g* (relative), an orthogonal A, then general A with g0 uniform in the range
        WuInstance q = s.general().withC(0);
        out.add(new WuSample(q.withG0(0.99 * WuGeometry.of(q).gStar()), "corner: c = 0, g0 = 0.99 g*"));
        q = s.general().withC(0);
        out.add(new WuSample(q.withG0(0.1 * WuGeometry.of(q).gStar()), "corner: c = 0, g0 = 0.1 g*"));
        q = s.orthogonal().withC(0);
        out.add(new WuSample(q.withG0(0.5 * WuGeometry.of(q).gStar()), "corner: c = 0, A A^T = I, g0 = g*/2"));
        for (int i = out.size(); i < n; i++) {
          q = s.general().withC(0);
          out.add(new WuSample(q.withG0(s.uniform(0.05, 0.95) * WuGeometry.of(q).gStar()), "draw " + i));
        }
        return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
      }
      out.add(new WuSample(inS(s).withC(1.0), "corner: start in S (g0 = 0, y^T A w0 = 0)"));
      out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, g0 = 0.5"));
      if (range == Range.PRINTED) {
        WuInstance p = s.general();
        out.add(new WuSample(p.withC(0).withG0(0.5 * WuGeometry.of(p).gStar()), "corner: c = 0, g0 = g*/2"));
      }
      out.add(new WuSample(s.general().withG0(-0.1), "corner: small negative g0"));
      for (int i = out.size(); i < n; i++) {
        out.add(new WuSample(s.general(), "draw " + i));
      }
      return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
    }

    @Override
    List<String> controlNames() {
      return List.of("case (b) dropped: the loss always converges to zero",
          "case (a) dropped: the iterates always converge to S");
    }

    @Override
    List<String> columns() {
      return List.of("c", "g0", "limit class", "final loss", "final g", "time");
    }

    @Override
    Judged judge(CheckContext ctx, WuInstance p) {
      Judged j = new Judged();
      WuLimit lim = WuLimit.of(WuFlow.of(p));
      if (!lim.ok()) {
        return j.statement(Result.UNDECIDED, lim.message());
      }
      String k = classify(p, lim);
      j.row(p.c(), p.g0(), k, lim.loss(), lim.state()[0], lim.time());
      j.statement(k.equals("neither") ? Result.VIOLATED : Result.HOLDS, "limit: " + k + ", loss " + fmt(lim.loss())
          + ", g " + fmt(lim.state()[0]) + " (" + lim.message() + ")");
      j.control(controlNames().get(0), !k.equals("zero loss"), k);
      j.control(controlNames().get(1), !k.equals("S"), k);
      return j;
    }
  }

  // --------------------------------------------------------------------------------------------

  /** Part I: the closed-form limit (7), as printed (g*) or with the limit scale g_inf. */
  static final class ClosedForm extends PerInstanceClaim {
    private final boolean corrected;

    ClosedForm(boolean corrected) {
      super(corrected ? "wu/theorem-2.6#part-i-closed-form-corrected" : "wu/theorem-2.6#part-i-closed-form", LOCATION,
          corrected ? "If c > 0 and the loss converges to zero, lim g_t w_t = x* + g_inf w0_perp exp((g0^2 - g_inf^2)/(2c)), "
              + "g_inf = lim g_t, g_inf^2 the root of s = g*^2 + s exp((g0^2 - s)/c) ||w0_perp||^2 (what (6) and A x = y give)"
              : "Part I. If c > 0, and the loss converges to zero, lim g_t w_t = x* + g* w0_perp exp((g0^2 - g*^2)/(2c)). (7)",
          ClaimKind.LIMIT);
      this.corrected = corrected;
    }

    @Override
    public List<WuHypothesis> hypotheses() {
      return List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.UNIT_W0, WuHypothesis.C_POSITIVE, WuHypothesis.Y_NONZERO);
    }

    @Override
    List<String> notes() {
      return List.of("instances on which the loss does not converge to zero do not meet the antecedent and are undecided",
          "the limit's scale is |g_inf| = ||lim g_t w_t|| > g* whenever w0_perp != 0, so (7) with g* can hold only for "
              + "w0_perp = 0 (then (7) = x*)");
    }

    @Override
    List<WuSample> draw(CheckContext ctx, int n) {
      WuSampler s = new WuSampler(ctx.random(id()));
      List<WuSample> out = new ArrayList<>();
      out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, g0 = 0.5"));
      WuInstance r = s.general();
      out.add(new WuSample(WuSampler.inRowSpace(r.withG0(1.0), s.unitVector(r.columns())), "corner: w0 in the row space"));
      WuInstance big = s.orthogonal();
      out.add(new WuSample(big.withG0(2 * WuGeometry.of(big).gStar()), "corner: orthogonal A, g0 = 2 g*"));
      out.add(new WuSample(s.general().withC(0.3).withG0(0.2), "corner: small g0, small c"));
      for (int i = out.size(); i < n; i++) {
        out.add(new WuSample(s.general(), "draw " + i));
      }
      return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
    }

    @Override
    List<String> controlNames() {
      return corrected ? List.of("g* in place of g_inf ((7) as printed)", "exponent (g0^2 - g_inf^2)/c (the 2 dropped)",
          "sign of the exponent flipped", "GD's limit x* + g0 w0_perp (no exponential)")
          : List.of("exponent (g0^2 - g*^2)/c (the 2 dropped)", "sign of the exponent flipped");
    }

    @Override
    List<String> columns() {
      return List.of("g0", "c", "||w0_perp||", "g*", "g_inf", "|limit - formula|", "uncertainty");
    }

    @Override
    Judged judge(CheckContext ctx, WuInstance p) {
      Judged j = new Judged();
      WuFlow flow = WuFlow.of(p);
      WuLimit lim = WuLimit.of(flow);
      if (!lim.ok()) {
        return j.statement(Result.UNDECIDED, lim.message());
      }
      if (!classify(p, lim).equals("zero loss")) {
        return j.statement(Result.UNDECIDED, "loss does not converge to zero (" + fmt(lim.loss()) + "): antecedent unmet");
      }
      WuGeometry geo = WuGeometry.of(p);
      double[] x = flow.point(lim.state());
      double gInfFlow = lim.state()[0];
      double u = lim.uncertainty() * (1 + Math.abs(gInfFlow));
      double perp = Vectors.norm(geo.perp(p.w0()));
      double root = WuClosedForms.limitScale(p, geo);
      double gInf = Math.signum(gInfFlow) * root;
      double[] formula = corrected ? WuClosedForms.limitWithScale(p, geo, gInf) : WuClosedForms.limit7(p, geo);
      double dev = Vectors.distance(x, formula);
      j.row(p.g0(), p.c(), perp, geo.gStar(), gInfFlow, dev, u);
      Result r = againstLimit(dev, u, 1 + Math.abs(gInfFlow));
      j.statement(r, "|limit - formula| = " + fmt(dev) + " (uncertainty " + fmt(u) + "), g_inf = " + fmt(gInfFlow)
          + ", g* = " + fmt(geo.gStar()));
      boolean distinguishable = perp > 1e-6;
      double gs = corrected ? gInf : geo.gStar();
      double g02 = p.g0() * p.g0();
      List<double[]> mutated = new ArrayList<>();
      if (corrected) {
        mutated.add(WuClosedForms.limit7(p, geo));
      }
      mutated.add(withFactor(geo, p, gs * Math.exp((g02 - gs * gs) / p.c())));
      mutated.add(withFactor(geo, p, gs * Math.exp(-(g02 - gs * gs) / (2 * p.c()))));
      if (corrected) {
        mutated.add(withFactor(geo, p, p.g0()));
      }
      List<String> names = controlNames();
      for (int k = 0; k < names.size(); k++) {
        double dm = Vectors.distance(x, mutated.get(k));
        boolean differs = Vectors.distance(mutated.get(k), formula) > REFUTE_FACTOR * u;
        j.control(names.get(k), distinguishable && differs ? dm > REFUTE_FACTOR * u : null,
            "|limit - mutated| = " + fmt(dm));
      }
      return j;
    }

    private static double[] withFactor(WuGeometry geo, WuInstance p, double factor) {
      double[] x = geo.xStar();
      double[] perp = geo.perp(p.w0());
      for (int k = 0; k < x.length; k++) {
        x[k] += factor * perp[k];
      }
      return x;
    }
  }

  // --------------------------------------------------------------------------------------------

  /** Part I's sufficient condition: ||y||^2 > ||A g0 w0 - y||^2 implies the loss converges to zero. */
  static final class SufficientCondition extends PerInstanceClaim {
    SufficientCondition() {
      super("wu/theorem-2.6#sufficient-condition", LOCATION,
          "A sufficient condition for the loss converging to zero is that ||y||^2 > ||A g0 w0 - y||^2.", ClaimKind.LIMIT);
    }

    static final WuHypothesis CONDITION = new WuHypothesis("||y||^2 > ||A g0 w0 - y||^2", p -> {
      double y2 = Math.pow(Vectors.norm(p.y()), 2);
      double r2 = 2 * WuObjective.of(p).f(p.w0(), p.g0());
      return WuHypothesis.when(!(y2 > r2), "||y||^2 = " + y2 + ", ||A g0 w0 - y||^2 = " + r2);
    });

    @Override
    public List<WuHypothesis> hypotheses() {
      return List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.UNIT_W0, WuHypothesis.C_POSITIVE, WuHypothesis.Y_NONZERO, CONDITION);
    }

    @Override
    List<String> notes() {
      return List.of("c > 0 (Part I's setting); the condition-dropped controls run on the fixed witness of a start in S "
          + "(g0 = 0, y^T A w0 = 0: ||y||^2 = ||A g0 w0 - y||^2), where the flow rests with loss ||y||^2/2");
    }

    /** g0 chosen so that the condition holds: g0 = t * (y^T A w0)/||A w0||^2 with t in (0, 2). */
    static WuInstance satisfying(WuSampler s, WuInstance p, double t) {
      WuObjective obj = WuObjective.of(p);
      double[] aw = obj.times(p.w0());
      double best = Vectors.dot(aw, p.y()) / Vectors.dot(aw, aw);
      return p.withG0(t * best);
    }

    @Override
    List<WuSample> draw(CheckContext ctx, int n) {
      WuSampler s = new WuSampler(ctx.random(id()));
      List<WuSample> out = new ArrayList<>();
      out.add(new WuSample(satisfying(s, s.general(), 1.98), "corner: condition barely met (t = 1.98)"));
      out.add(new WuSample(satisfying(s, s.general(), 0.02), "corner: g0 near 0 (t = 0.02)"));
      out.add(new WuSample(satisfying(s, s.orthogonal(), 1.0), "corner: orthogonal A, best g0"));
      for (int i = out.size(); i < n; i++) {
        out.add(new WuSample(satisfying(s, s.general(), s.uniform(0.1, 1.9)), "draw " + i));
      }
      return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
    }

    @Override
    List<String> controlNames() {
      return List.of("strict inequality relaxed to ||y||^2 >= ||A g0 w0 - y||^2", "condition dropped");
    }

    @Override
    List<String> columns() {
      return List.of("g0", "||y||^2 - ||A g0 w0 - y||^2", "final loss", "time");
    }

    @Override
    Judged judge(CheckContext ctx, WuInstance p) {
      Judged j = new Judged();
      WuLimit lim = WuLimit.of(WuFlow.of(p));
      double gap = Math.pow(Vectors.norm(p.y()), 2) - 2 * WuObjective.of(p).f(p.w0(), p.g0());
      if (!lim.ok()) {
        return j.statement(Result.UNDECIDED, lim.message());
      }
      String k = classify(p, lim);
      j.row(p.g0(), gap, lim.loss(), lim.time());
      j.statement(k.equals("zero loss") ? Result.HOLDS : Result.VIOLATED, "limit " + k + ", loss " + fmt(lim.loss()));
      // Both controls are decided on the fixed witness of a start in S, checked once per instance draw.
      WuInstance w = witness(p);
      WuLimit wl = WuLimit.of(WuFlow.of(w));
      boolean stuck = wl.ok() && !classify(w, wl).equals("zero loss");
      j.control(controlNames().get(0), stuck, "witness in S (g0 = 0): final loss " + fmt(wl.loss()));
      j.control(controlNames().get(1), stuck, "witness in S (g0 = 0): final loss " + fmt(wl.loss()));
      return j;
    }

    /** The same A, y with g0 = 0 and w0 orthogonal to A^T y (a start in S). */
    static WuInstance witness(WuInstance p) {
      double[] aty = WuObjective.of(p).transposeTimes(p.y());
      double[] w = WuObjective.projectOff(aty, p.w0());
      for (int k = 0; Vectors.norm(w) < 1e-8 && k < p.columns(); k++) {
        double[] e = new double[p.columns()];
        e[k] = 1;
        w = WuObjective.projectOff(aty, e);
      }
      return p.withW0(Vectors.scale(1 / Vectors.norm(w), w)).withG0(0.0);
    }
  }
}
