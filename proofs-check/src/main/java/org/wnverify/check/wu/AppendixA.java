package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Appendix A (adaptive regularization), one claim per checkable statement, each on one step of
 * Algorithm 1 (WN) or Algorithm 2 (rPGD) from the iterate (w_t, g_t) = (w0, g0) of a sampled instance,
 * with eta_t in ETAS and gamma_t = c eta_t (the instance's c, Condition 2.1's ratio):
 * the two WN update displays; (8) and the rPGD update of x; "both updates can be viewed as a gradient
 * step on 1/2 ||A x - A x*||^2 + lambda_t ||x||^2" with the printed lambda_t (and the lambda_t that makes
 * it true); and, for orthogonal A, "if the learning rate of g is small enough, g_{t+1} < g_t ||v_t||".
 *
 * <p>r in the WN displays is read as A x_t - y (what makes them the update of Algorithm 1; Lemma 2.2's
 * r = y - A g w gives the opposite sign, kept as a control). "A gradient step" is read as: some step
 * alpha with x_{t+1} = x_t - alpha (A^T (A x_t - A x*) + 2 lambda_t x_t) (alpha fitted), which is decidable
 * whenever A^T r and x_t are not parallel.
 */
final class AppendixA extends PerInstanceClaim {
  /** Step sizes eta_t tried per instance (0.5 avoided: there 2 eta = 1 and the WN lambda_t coincides). */
  static final double[] ETAS = {0.05, 0.3, 1.3};
  /** Relative rounding allowance of a one-step identity (a few products and norms of length d). */
  static final double ROUNDING = 1e-11;
  /** A gradient-step fit is decidable only if sin(angle(A^T r, x_t)) exceeds this (else any lambda fits). */
  static final double MIN_SINE = 1e-3;
  /** gamma_t -> 0 is read as gamma_t = eta_t 10^-k for k up to this. */
  static final int GAMMA_DECADES = 10;

  /** Which statement of Appendix A. */
  enum Statement {
    WN_UPDATE("wu/appendix-a#wn-update", "lines 340-346", "WN. Let x_t = g_t w_t/||w_t||. g_{t+1} w_{t+1}/||w_{t+1}|| = "
        + "(g_t/||w_t||) w_t + (g_{t+1}/||w_{t+1}|| - g_t/||w_t||) w_t - eta_t (g_{t+1}/||w_{t+1}||)(g_t/||w_t||)(I - w_t w_t^T/||w_t||^2) "
        + "A^T r, translated to x_{t+1} = x_t - eta_t g_{t+1} g_t/(||w_{t+1}|| ||w_t||) A^T r - (1 - g_{t+1}||w_t||/(g_t ||w_{t+1}||) "
        + "- eta_t (g_{t+1}/||w_{t+1}||) <w_t/||w_t||^2, A^T r>) x_t", ClaimKind.IDENTITY),
    RPGD_UPDATE("wu/appendix-a#rpgd-update", "lines 348-354", "rPGD. Let x_t = g_t w_t. The update of w_t in Algorithm 2 "
        + "is w_{t+1} = (1/||v_t||)(w_t - eta_t g_t A^T (A x_t - A x*)). (8) We can now write the update of x_{t+1} = g_{t+1} "
        + "w_{t+1} as x_{t+1} = x_t - (eta_t g_t g_{t+1}/||v_t||) A^T (A x_t - A x*) - (1 - g_{t+1}/(g_t ||v_t||)) x_t.",
        ClaimKind.IDENTITY),
    WN_LAMBDA("wu/appendix-a#wn-lambda", "lines 356-362", "Both updates can be viewed as a gradient step on the following "
        + "l2-regularized regression problem, with specific choices of lambda_t: 1/2 ||A x_{t+1} - A x*||^2 + lambda_t "
        + "||x_{t+1}||^2, (WN) lambda_t = ||w_{t+1}|| ||w_t||/(g_{t+1} g_t) (1 - g_{t+1}||w_t||/(g_t ||w_{t+1}||) - eta_t "
        + "(g_{t+1}/||w_{t+1}||) <w_t/||w_t||^2, A^T r>)", ClaimKind.IDENTITY),
    WN_LAMBDA_CORRECTED("wu/appendix-a#wn-lambda-corrected", "lines 356-362, corrected", "The WN update is a gradient step "
        + "on 1/2 ||A x - A x*||^2 + lambda_t ||x||^2 with lambda_t = ||w_{t+1}|| ||w_t||/(2 eta_t g_{t+1} g_t) (1 - "
        + "g_{t+1}||w_t||/(g_t ||w_{t+1}||) - eta_t (g_{t+1}/||w_{t+1}||) <w_t/||w_t||^2, A^T r>) (the printed lambda_t over "
        + "2 eta_t)", ClaimKind.IDENTITY),
    RPGD_LAMBDA("wu/appendix-a#rpgd-lambda", "lines 356-364", "Both updates can be viewed as a gradient step on the following "
        + "l2-regularized regression problem, with specific choices of lambda_t: 1/2 ||A x_{t+1} - A x*||^2 + lambda_t "
        + "||x_{t+1}||^2, (rPGD) lambda_t = (g_t ||v_t|| - g_{t+1})/(eta_t g_t^2 g_{t+1})", ClaimKind.IDENTITY),
    RPGD_LAMBDA_CORRECTED("wu/appendix-a#rpgd-lambda-corrected", "lines 356-364, corrected", "The rPGD update is a "
        + "gradient step on 1/2 ||A x - A x*||^2 + lambda_t ||x||^2 with lambda_t = (g_t ||v_t|| - g_{t+1})/(2 eta_t g_t^2 "
        + "g_{t+1}) (the printed lambda_t over 2)", ClaimKind.IDENTITY),
    SMALL_GAMMA("wu/appendix-a#orthogonal-small-gamma", "line 366", "For the simpler setting of orthogonal A, we can see "
        + "for rPGD that: 1) If the learning rate of g is small enough, we will have g_{t+1} < g_t ||v_t||, which means that "
        + "lambda_t > 0", ClaimKind.SIGN),
    SMALL_GAMMA_CORRECTED("wu/appendix-a#orthogonal-small-gamma-corrected", "line 366, corrected", "For orthogonal A, "
        + "g_t > 0 and ||v_t|| > 1 (i.e. eta_t g_t ||A^T r_t||^2 > 2 <A w_t, r_t>, r_t = A x_t - y): if the learning "
        + "rate of g is small enough, g_{t+1} < g_t ||v_t||", ClaimKind.SIGN);

    final String id;
    final String lines;
    final String text;
    final ClaimKind kind;

    Statement(String id, String lines, String text, ClaimKind kind) {
      this.id = id;
      this.lines = lines;
      this.text = text;
      this.kind = kind;
    }

    boolean wn() {
      return this == WN_UPDATE || this == WN_LAMBDA || this == WN_LAMBDA_CORRECTED;
    }

    boolean smallGamma() {
      return this == SMALL_GAMMA || this == SMALL_GAMMA_CORRECTED;
    }
  }

  private final Statement st;

  AppendixA(Statement st) {
    super(st.id, "Wu et al., Appendix A, Adaptive Regularization (001_b498c678a289d7b1.txt, " + st.lines + ")", st.text,
        st.kind);
    this.st = st;
  }

  static final WuHypothesis G_NONZERO = new WuHypothesis("g_t != 0 (the displays divide by g_t)",
      p -> WuHypothesis.when(p.g0() == 0, "g_t = 0"));

  static final WuHypothesis G_POSITIVE = new WuHypothesis("g_t > 0", p -> WuHypothesis.when(!(p.g0() > 0), "g_t = " + p.g0()));

  @Override
  public List<WuHypothesis> hypotheses() {
    if (st.smallGamma()) {
      return List.of(WuHypothesis.ORTHOGONAL, WuHypothesis.UNIT_W0, G_POSITIVE);
    }
    return st.wn() ? List.of(G_NONZERO) : List.of(WuHypothesis.UNIT_W0, G_NONZERO);
  }

  @Override
  List<String> notes() {
    List<String> n = new ArrayList<>();
    n.add("one step from the instance's (w0, g0) read as the iterate (w_t, g_t), eta_t in " + java.util.Arrays.toString(ETAS)
        + ", gamma_t = c eta_t" + (st.smallGamma() ? " replaced by eta_t 10^-k, k = 1.." + GAMMA_DECADES : ""));
    if (st.wn()) {
      n.add("r = A x_t - y (the gradient's residual); w_t of any norm (WN iterates leave the unit sphere)");
    }
    if (!st.smallGamma() && st != Statement.WN_UPDATE && st != Statement.RPGD_UPDATE) {
      n.add("gradient step: alpha fitted by least squares to x_{t+1} - x_t = -alpha (A^T (A x_t - y) + 2 lambda_t x_t); "
          + "the statement fails if the fit leaves a relative residual above " + ROUNDING * 1e3);
    }
    return n;
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    WuInstance o = s.orthogonal();
    WuGeometry geo = WuGeometry.of(o);
    if (st == Statement.SMALL_GAMMA || st == Statement.WN_UPDATE || st == Statement.RPGD_UPDATE) {
      // x_t parallel to A^T r here: a gradient-step fit could not tell lambda_t apart, so not for the lambda claims.
      out.add(new WuSample(new WuInstance(o.a(), o.y(), geo.wStar(), 2 * geo.gStar(), 1.0), "corner: A A^T = I, w_t = w*, g_t = 2 g*"));
    }
    if (st == Statement.SMALL_GAMMA_CORRECTED) {
      // w_t = w*, g* = 1, g_t = 2: ||v_t|| > 1 exactly when eta_t > 2/(g_t (g_t - g*)) = 1, so both sides of the hypothesis.
      double k = 1 / geo.gStar();
      out.add(new WuSample(new WuInstance(o.a(), Vectors.scale(k, o.y()), geo.wStar(), 2.0, 1.0),
          "corner: A A^T = I, w_t = w*, g* = 1, g_t = 2 (||v_t|| > 1 iff eta_t > 1)"));
    }
    if (st.smallGamma()) {
      // w_t = w*, g_t < g*: d f/d g = g_t - g* < 0, so g grows for every small gamma. The control
      // "g_{t+1} < g_t" (||v_t|| dropped) holds wherever d f/d g > 0, which a random w_t with g_t = g*/2
      // can also give (selftest seeds 4, 5 drew no other kind): here it must fail. ||v_t|| > 1 too.
      out.add(new WuSample(new WuInstance(o.a(), o.y(), geo.wStar(), 0.5 * geo.gStar(), 1.0),
          "corner: A A^T = I, w_t = w*, g_t = g*/2 (g grows)"));
    }
    WuInstance o2 = s.orthogonal();
    out.add(new WuSample(o2.withG0(0.5 * WuGeometry.of(o2).gStar()), "corner: A A^T = I, g_t = g*/2"));
    if (!st.smallGamma()) {
      out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, w_t in ker A"));
      WuInstance g = s.general();
      out.add(new WuSample(st.wn() ? g.withW0(Vectors.scale(2.5, g.w0())) : g, st.wn() ? "corner: ||w_t|| = 2.5" : "corner: general A"));
      out.add(new WuSample(s.general().withG0(-1.3), "corner: g_t < 0"));
    }
    for (int i = out.size(); i < n; i++) {
      WuInstance p = st.smallGamma() ? s.orthogonal() : s.general();
      if (st == Statement.SMALL_GAMMA_CORRECTED) {
        // Its hypothesis ||v_t|| > 1 needs <A w_t, r_t> small or negative: g_t below g* with A w_t along y.
        WuGeometry pg = WuGeometry.of(p);
        double[] w = p.w0();
        if (Vectors.dot(WuObjective.of(p).times(w), p.y()) < 0) {
          w = Vectors.scale(-1, w);
        }
        p = p.withW0(w).withG0(s.uniform(0.05, 0.9) * pg.gStar());
      } else if (st == Statement.SMALL_GAMMA) {
        p = p.withG0(s.uniform(0.05, 3));
      }
      if (st.wn()) {
        p = p.withW0(Vectors.scale(s.logUniform(0.3, 3), p.w0()));
      }
      out.add(new WuSample(p, "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return switch (st) {
      case WN_UPDATE -> List.of("sign of the <w_t/||w_t||^2, A^T r> term flipped", "<w_t/||w_t||, A^T r> for <w_t/||w_t||^2, A^T r>",
          "r = y - A x_t (Lemma 2.2's sign)");
      case RPGD_UPDATE -> List.of("g_t/(g_{t+1} ||v_t||) for g_{t+1}/(g_t ||v_t||)", "||v_t||^2 for ||v_t|| in the A^T term",
          "r = y - A x_t (Lemma 2.2's sign)");
      case WN_LAMBDA, RPGD_LAMBDA -> List.of("lambda_t with the sign flipped", "lambda_t doubled");
      case WN_LAMBDA_CORRECTED -> List.of("the printed lambda_t (2 eta_t times the corrected one)",
          "lambda_t doubled (regulariser read as lambda ||x||^2/2)", "lambda_t with the sign flipped");
      case RPGD_LAMBDA_CORRECTED -> List.of("the printed lambda_t (twice the corrected one)", "lambda_t with the sign flipped");
      case SMALL_GAMMA -> List.of("g_{t+1} < g_t for small gamma (||v_t|| dropped)", "g_{t+1} > g_t ||v_t|| (reversed)");
      case SMALL_GAMMA_CORRECTED -> List.of("the hypothesis ||v_t|| > 1 dropped (as printed)",
          "g_{t+1} < g_t for small gamma (||v_t|| dropped)");
    };
  }

  @Override
  List<String> columns() {
    return List.of("eta_t", "worst relative defect / margin", "detail");
  }

  /** One step of Algorithm 1 or 2 and the quantities of the displays. */
  record Step(double[] x, double[] x1, double g, double g1, double[] w, double[] w1, double[] atr, double vNorm, double eta) {}

  static Step wnStep(WuInstance p, double eta, double gamma) {
    WuObjective obj = WuObjective.of(p);
    double[] w = p.w0();
    double g = p.g0();
    double[] w1 = Vectors.subtract(w, Vectors.scale(eta, obj.gradWh(w, g)));
    double g1 = g - gamma * obj.gradGh(w, g);
    double[] x = Vectors.scale(g / Vectors.norm(w), w);
    double[] x1 = Vectors.scale(g1 / Vectors.norm(w1), w1);
    return new Step(x, x1, g, g1, w, w1, obj.gradientAt(x), Double.NaN, eta);
  }

  static Step rpgdStep(WuInstance p, double eta, double gamma) {
    WuObjective obj = WuObjective.of(p);
    double[] w = p.w0();
    double g = p.g0();
    double[] v = Vectors.subtract(w, Vectors.scale(eta, obj.gradWf(w, g)));
    double vn = Vectors.norm(v);
    double[] w1 = Vectors.scale(1 / vn, v);
    double g1 = g - gamma * obj.gradGf(w, g);
    double[] x = Vectors.scale(g, w);
    return new Step(x, Vectors.scale(g1, w1), g, g1, w, w1, obj.gradientAt(x), vn, eta);
  }

  /** ||a - b|| / max(||a||, ||b||, tiny). */
  static double rel(double[] a, double[] b) {
    return Vectors.distance(a, b) / Math.max(Math.max(Vectors.norm(a), Vectors.norm(b)), Double.MIN_NORMAL);
  }

  /** The WN x-update display with the bracket's inner-product term scaled by sign and ||w||^power, residual sign rs. */
  static double[] wnDisplay(Step s, double sign, int power, double rs) {
    double nw = Vectors.norm(s.w);
    double nw1 = Vectors.norm(s.w1);
    double[] atr = Vectors.scale(rs, s.atr);
    double inner = Vectors.dot(s.w, atr) / Math.pow(nw, power);
    double bracket = 1 - s.g1 * nw / (s.g * nw1) - sign * s.eta * (s.g1 / nw1) * inner;
    double alpha = s.eta * s.g1 * s.g / (nw1 * nw);
    return Vectors.subtract(Vectors.subtract(s.x, Vectors.scale(alpha, atr)), Vectors.scale(bracket, s.x));
  }

  static double[] wnFirstDisplay(Step s) {
    double nw = Vectors.norm(s.w);
    double nw1 = Vectors.norm(s.w1);
    double[] pAtr = WuObjective.projectOff(s.w, s.atr);
    double[] out = Vectors.scale(s.g / nw, s.w);
    out = sum(out, Vectors.scale(s.g1 / nw1 - s.g / nw, s.w));
    return Vectors.subtract(out, Vectors.scale(s.eta * (s.g1 / nw1) * (s.g / nw), pAtr));
  }

  static double[] sum(double[] a, double[] b) {
    double[] o = a.clone();
    for (int k = 0; k < o.length; k++) {
      o[k] += b[k];
    }
    return o;
  }

  /** The rPGD x-update display: ratio g_{t+1}/(g_t ||v||) (or swapped), ||v||^power in the A^T term, residual sign rs. */
  static double[] rpgdDisplay(Step s, boolean swapped, int power, double rs) {
    double ratio = swapped ? s.g / (s.g1 * s.vNorm) : s.g1 / (s.g * s.vNorm);
    double[] atr = Vectors.scale(rs, s.atr);
    double alpha = s.eta * s.g * s.g1 / Math.pow(s.vNorm, power);
    return Vectors.subtract(Vectors.subtract(s.x, Vectors.scale(alpha, atr)), Vectors.scale(1 - ratio, s.x));
  }

  static double lambdaWnPrinted(Step s) {
    double nw = Vectors.norm(s.w);
    double nw1 = Vectors.norm(s.w1);
    double bracket = 1 - s.g1 * nw / (s.g * nw1) - s.eta * (s.g1 / nw1) * Vectors.dot(s.w, s.atr) / (nw * nw);
    return nw1 * nw / (s.g1 * s.g) * bracket;
  }

  static double lambdaRpgdPrinted(Step s) {
    return (s.g * s.vNorm - s.g1) / (s.eta * s.g * s.g * s.g1);
  }

  /** Relative residual of the best gradient step on 1/2||A x - y||^2 + lambda ||x||^2, or NaN if undecidable. */
  static double gradientStepResidual(Step s, double lambda) {
    double sine = Math.sqrt(Math.max(0, 1 - Math.pow(Vectors.dot(s.atr, s.x) / (Vectors.norm(s.atr) * Vectors.norm(s.x)), 2)));
    double[] d = Vectors.subtract(s.x1, s.x);
    if (!(sine > MIN_SINE) || !Double.isFinite(lambda) || Vectors.norm(d) == 0) {
      return Double.NaN;
    }
    double[] u = sum(s.atr, Vectors.scale(2 * lambda, s.x));
    double alpha = -Vectors.dot(d, u) / Vectors.dot(u, u);
    return Vectors.norm(sum(d, Vectors.scale(alpha, u))) / Vectors.norm(d);
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    int nc = controlNames().size();
    Boolean[] ctl = new Boolean[nc];
    String[] ctlWhy = new String[nc];
    Result res = Result.HOLDS;
    String why = "";
    double worstAll = 0;
    int decided = 0;
    List<String> skipped = new ArrayList<>();
    for (double eta : ETAS) {
      double[] defects;
      String detail;
      if (st.smallGamma()) {
        double[] m = smallGamma(p, eta);
        defects = new double[] {m[0], m[1], m[2]};
        detail = "||v_t|| = " + Theorem26.fmt(m[3]) + ", limit gap g_t (||v_t|| - 1) = " + Theorem26.fmt(m[4]);
      } else {
        defects = measure(p, eta);
        detail = "";
      }
      // defects[0]: the statement (> 1 broken, <= 1 met, NaN undecided); defects[1..]: the controls.
      worstAll = Double.isNaN(defects[0]) ? worstAll : Math.max(worstAll, defects[0]);
      j.row(eta, defects[0], detail);
      // NaN: not decidable at this eta_t (A^T r parallel to x_t, or a limit gap at rounding level);
      // negative: the statement's extra hypothesis is unmet at this eta_t (vacuous).
      if (Double.isNaN(defects[0])) {
        skipped.add("eta_t = " + eta + ": not decidable" + (detail.isEmpty() ? "" : " (" + detail + ")"));
      } else if (defects[0] < 0) {
        skipped.add("eta_t = " + eta + ": hypothesis unmet" + (detail.isEmpty() ? "" : " (" + detail + ")"));
      } else {
        decided++;
        if (defects[0] > 1 && res != Result.VIOLATED) {
          res = Result.VIOLATED;
          why = "eta_t = " + eta + ": defect " + Theorem26.fmt(defects[0]) + " x the allowance"
              + (detail.isEmpty() ? "" : ", " + detail);
        }
      }
      for (int k = 0; k < nc; k++) {
        double dk = defects[k + 1];
        if (Double.isNaN(dk) || dk < 0) {
          continue;
        }
        boolean rej = dk > 1;
        if (ctl[k] == null || rej) {
          ctl[k] = rej;
          ctlWhy[k] = "eta_t = " + eta + ": defect " + Theorem26.fmt(dk) + " x the allowance";
        }
      }
    }
    if (res == Result.HOLDS && decided == 0) {
      // vacuous at every eta_t (the statement's own hypothesis unmet there) is outside its premise;
      // any eta_t that was not decidable keeps the instance undecided
      boolean vacuous = skipped.stream().allMatch(x -> x.contains(": hypothesis unmet"));
      res = vacuous && !skipped.isEmpty() ? Result.OUTSIDE : Result.UNDECIDED;
      why = String.join("; ", skipped);
    }
    j.statement(res, res == Result.HOLDS ? "met at " + decided + " eta_t, worst defect " + Theorem26.fmt(worstAll)
        + " x the allowance" + (skipped.isEmpty() ? "" : "; " + String.join("; ", skipped)) : why);
    for (int k = 0; k < nc; k++) {
      j.control(controlNames().get(k), ctl[k], ctlWhy[k] == null ? "not decidable here" : ctlWhy[k]);
    }
    return j;
  }

  /** Statement and control defects, each as a multiple of its allowance (NaN: undecidable). */
  private double[] measure(WuInstance p, double eta) {
    double gamma = p.c() * eta;
    switch (st) {
      case WN_UPDATE -> {
        Step s = wnStep(p, eta, gamma);
        double d0 = Math.max(rel(wnFirstDisplay(s), s.x1), rel(wnDisplay(s, 1, 2, 1), s.x1)) / ROUNDING;
        boolean unitW = Math.abs(Vectors.norm(s.w) - 1) < 1e-3;
        return new double[] {d0, rel(wnDisplay(s, -1, 2, 1), s.x1) / (1e3 * ROUNDING),
            unitW ? Double.NaN : rel(wnDisplay(s, 1, 1, 1), s.x1) / (1e3 * ROUNDING), rel(wnDisplay(s, 1, 2, -1), s.x1) / (1e3 * ROUNDING)};
      }
      case RPGD_UPDATE -> {
        Step s = rpgdStep(p, eta, gamma);
        WuGeometry geo = WuGeometry.of(p);
        WuObjective obj = WuObjective.of(p);
        double[] ax = obj.times(s.x);
        double[] axStar = obj.times(geo.xStar());
        double[] eq8 = Vectors.scale(1 / s.vNorm, Vectors.subtract(s.w, Vectors.scale(eta * s.g,
            obj.transposeTimes(Vectors.subtract(ax, axStar)))));
        // A x* = y only up to the pseudo-inverse's rounding; (8) is compared at that accuracy.
        double d0 = Math.max(rel(eq8, s.w1), rel(rpgdDisplay(s, false, 1, 1), s.x1)) / ROUNDING;
        boolean vOne = Math.abs(s.vNorm - 1) < 1e-6;
        boolean gSame = Math.abs(s.g1 - s.g) < 1e-9 * Math.abs(s.g);
        return new double[] {d0, gSame && vOne ? Double.NaN : rel(rpgdDisplay(s, true, 1, 1), s.x1) / (1e3 * ROUNDING),
            vOne ? Double.NaN : rel(rpgdDisplay(s, false, 2, 1), s.x1) / (1e3 * ROUNDING),
            rel(rpgdDisplay(s, false, 1, -1), s.x1) / (1e3 * ROUNDING)};
      }
      default -> {
        boolean wn = st.wn();
        Step s = wn ? wnStep(p, eta, gamma) : rpgdStep(p, eta, gamma);
        double printed = wn ? lambdaWnPrinted(s) : lambdaRpgdPrinted(s);
        double corrected = wn ? printed / (2 * eta) : printed / 2;
        double allow = 1e3 * ROUNDING;
        java.util.function.DoubleUnaryOperator f = l -> gradientStepResidual(s, l) / allow;
        return switch (st) {
          case WN_LAMBDA, RPGD_LAMBDA -> new double[] {f.applyAsDouble(printed), f.applyAsDouble(-printed),
              f.applyAsDouble(2 * printed)};
          case WN_LAMBDA_CORRECTED -> new double[] {f.applyAsDouble(corrected), f.applyAsDouble(printed),
              f.applyAsDouble(2 * corrected), f.applyAsDouble(-corrected)};
          default -> new double[] {f.applyAsDouble(corrected), f.applyAsDouble(printed), f.applyAsDouble(-corrected)};
        };
      }
    }
  }

  /**
   * gamma_t = eta_t 10^-k, k = 1..GAMMA_DECADES: the statement "g_{t+1} < g_t ||v_t|| for all small enough gamma"
   * fails if the gap g_t ||v_t|| - g_{t+1} is negative for the smallest gammas and its limit g_t (||v_t|| - 1) is
   * clearly negative; holds if the limit is clearly positive and the gap positive from some k on. Returns
   * {statement, control 1, control 2} as defect multiples (> 1 broken, 0 met, NaN undecided), ||v_t||, the limit gap.
   */
  private double[] smallGamma(WuInstance p, double eta) {
    Step s0 = rpgdStep(p, eta, 0);
    double limit = s0.g * (s0.vNorm - 1);
    double margin = 1e-9 * Math.abs(s0.g);
    boolean clear = Math.abs(limit) > margin;
    boolean tailLess = true;
    boolean tailBelowG = true;
    boolean tailGreater = true;
    for (int k = GAMMA_DECADES / 2; k <= GAMMA_DECADES; k++) {
      Step s = rpgdStep(p, eta, eta * Math.pow(10, -k));
      tailLess &= s.g1 < s.g * s.vNorm;
      tailBelowG &= s.g1 < s.g;
      tailGreater &= s.g1 > s.g * s.vNorm;
    }
    double printed = !clear ? Double.NaN : tailLess && limit > 0 ? 0 : !tailLess && limit < 0 ? 2 : Double.NaN;
    double belowG = (s0.g1 == rpgdStep(p, eta, eta).g1) ? Double.NaN : tailBelowG ? 0 : 2;
    double greater = !clear ? Double.NaN : tailGreater ? 0 : 2;
    if (st == Statement.SMALL_GAMMA) {
      return new double[] {printed, belowG, greater, s0.vNorm, limit};
    }
    double corrected = s0.vNorm > 1 ? printed : -1;
    double belowGIf = s0.vNorm > 1 ? belowG : Double.NaN;
    return new double[] {corrected, printed, belowGIf, s0.vNorm, limit};
  }
}
