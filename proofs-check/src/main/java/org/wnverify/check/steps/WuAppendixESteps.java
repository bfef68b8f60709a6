package org.wnverify.check.steps;

import static org.wnverify.check.steps.ChouSampledSteps.gaussian;
import static org.wnverify.check.steps.ChouSampledSteps.normSq;
import static org.wnverify.check.steps.ChouSampledSteps.unit;
import static org.wnverify.check.steps.SampledStep.Relation.EQ;
import static org.wnverify.check.steps.SampledStep.Relation.GE;
import static org.wnverify.check.steps.SampledStep.Relation.LE;
import static org.wnverify.check.steps.WuSampledSteps.loc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The displayed steps of Wu et al., Appendix E.1 (001_b498c678a289d7b1.txt lines 620-820: the
 * proof of Theorem E.1 = Theorem 3.2 case (a), and the proofs of its technical Lemmas E.2-E.6),
 * checked on sampled states by {@link SampledStep}. The state is E.1.1's: A (m x d) with A A^T = I,
 * w* a unit vector in the row space of A (so ||A w*|| = 1), g* > 0, the iterate (w_t, g_t) with
 * ||w_t|| = 1 and 0 < g_t < g*, eta = 1/g_t^2, and r_t = A(g_t w_t - g* w*). One rPGD step is
 * v_t = w_t - eta g_t A^T r_t, w_{t+1} = v_t/||v_t||, g_{t+1} = g_t - gamma <A w_t, r_t>. Steps about
 * the run of Theorem E.1 (g_1 = g_0, then gamma^(1) at every step) run it from the sampled start.
 */
final class WuAppendixESteps {
  private WuAppendixESteps() {}

  /**
   * A A^T = I and w* in the row space hold below this: the sampler builds them by Gram-Schmidt in
   * doubles (errors ~1e-15 at m, d <= 6); a shrunk candidate that moves an entry leaves them by far
   * more (1e-3 or more), so it is a different state and is rejected.
   */
  static final double ORTHO_TOL = 1e-12;
  /** Runs longer than this are not drawn: T1 grows like g*^2/(rho delta0) log(1/delta^2). */
  static final int MAX_T1 = 400;

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.addAll(theoremE1());
    s.addAll(lemmasE2toE6());
    s.addAll(WuAppendixE23Steps.steps());
    return s;
  }

  // --- the state ------------------------------------------------------------------------------

  /** m x d with orthonormal rows (Gram-Schmidt of Gaussian rows). */
  static double[][] orthonormalRows(SplittableRandom rnd, int m, int d) {
    double[][] a = new double[m][];
    for (int i = 0; i < m; i++) {
      double[] u = gaussian(rnd, d);
      for (int j = 0; j < i; j++) {
        u = Vectors.subtract(u, Vectors.scale(Vectors.dot(u, a[j]), a[j]));
      }
      a[i] = unit(u);
    }
    return a;
  }

  static double[] at(double[][] a, double[] r) {
    double[] o = new double[a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < o.length; k++) {
        o[k] += a[i][k] * r[i];
      }
    }
    return o;
  }

  static double[][] am(StepPoint p) {
    return p.mat("A", p.integer("m"), p.integer("d"));
  }

  static double gs(StepPoint p) {
    return p.get("gs");
  }

  /** r = A(g w - g* w*). */
  static double[] res(StepPoint p, double[] w, double g) {
    return Vectors.subtract(Vectors.multiply(am(p), Vectors.scale(g, w)), Vectors.multiply(am(p), Vectors.scale(gs(p), p.vec("ws"))));
  }

  /** v = w - eta g A^T r with eta = 1/g^2. */
  static double[] v(StepPoint p, double[] w, double g) {
    return Vectors.subtract(w, Vectors.scale(1 / g, at(am(p), res(p, w, g))));
  }

  /** g - gamma <A w, r>. */
  static double gNext(StepPoint p, double[] w, double g, double gamma) {
    return g - gamma * Vectors.dot(Vectors.multiply(am(p), w), res(p, w, g));
  }

  static double aw2(StepPoint p, double[] w) {
    return normSq(Vectors.multiply(am(p), w));
  }

  /** A state of E.1.1: m in 1..3, d in m+1..m+3, 0 < g < g*, gamma in (0, 1/2). */
  static StepPoint.Builder draw(SplittableRandom rnd) {
    int m = 1 + rnd.nextInt(3);
    int d = m + 1 + rnd.nextInt(3);
    double[][] a = orthonormalRows(rnd, m, d);
    double gs = rnd.nextDouble(0.3, 3);
    double g = gs * (rnd.nextBoolean() ? rnd.nextDouble(0.05, 0.95) : rnd.nextDouble(0.9, 0.999));
    return StepPoint.builder().put("m", m).put("d", d).put("A", a).put("ws", unit(at(a, gaussian(rnd, m)))).put("gs", gs)
        .put("w", unit(gaussian(rnd, d))).put("g", g).put("gamma", rnd.nextDouble(0, 0.5));
  }

  /** The standing assumptions of E.1.1 and Theorem E.1 at the point. */
  static Optional<String> standing(StepPoint p) {
    double[][] a = am(p);
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        if (Math.abs(Vectors.dot(a[i], a[j]) - (i == j ? 1 : 0)) > ORTHO_TOL) {
          return Optional.of("A A^T = I");
        }
      }
    }
    double[] ws = p.vec("ws");
    if (Math.abs(Vectors.norm(ws) - 1) > ORTHO_TOL || Vectors.distance(at(a, Vectors.multiply(a, ws)), ws) > ORTHO_TOL) {
      return Optional.of("w* a unit vector in the row space of A");
    }
    if (Math.abs(Vectors.norm(p.vec("w")) - 1) > ORTHO_TOL) {
      return Optional.of("||w_t|| = 1");
    }
    if (!(p.get("g") > 0 && p.get("g") < gs(p) && p.get("gamma") >= 0)) {
      return Optional.of("0 < g_t < g*, gamma >= 0");
    }
    return Optional.empty();
  }

  /** The standing assumptions and w_t not in the row space (||A w_t|| < 1, as Theorem E.1's T1 needs). */
  static Optional<String> standingOff(StepPoint p) {
    Optional<String> s = standing(p);
    if (s.isPresent()) {
      return s;
    }
    return 1 - aw2(p, p.vec("w")) > 1e-6 ? Optional.empty() : Optional.of("1 - ||A w_0||^2 > 1e-6 (w_0 off the row space)");
  }

  // one step from (w, g) = (w_{t-1}, g_{t-1}) of the point, to (w_t, g_t)

  static double[] w1(StepPoint p) {
    return unit(v(p, p.vec("w"), p.get("g")));
  }

  static double g1(StepPoint p) {
    return gNext(p, p.vec("w"), p.get("g"), p.get("gamma"));
  }

  static double vn0(StepPoint p) {
    return Vectors.norm(v(p, p.vec("w"), p.get("g")));
  }

  static double vn1(StepPoint p) {
    return Vectors.norm(v(p, w1(p), g1(p)));
  }

  /** The step's point and the next one both in 0 < g < g*. */
  static Optional<String> twoStep(StepPoint p) {
    Optional<String> s = standing(p);
    if (s.isPresent()) {
      return s;
    }
    double g1 = g1(p);
    return g1 > 0 && g1 < gs(p) ? Optional.empty() : Optional.of("0 < g_t < g* after the step");
  }

  // --- the run of Theorem E.1 ------------------------------------------------------------------

  /** Theorem E.1's run from the point's (w_0, g_0): g_1 = g_0, then gamma^(1) at t = 1..T1, as (20) reads. */
  record Run(int t1, double gamma, double[] g, double[][] w, double[] vn) {}

  static double t1Real(StepPoint p) {
    double gs = gs(p);
    double d0 = gs * gs - p.get("g") * p.get("g");
    return (1 + gs * gs / (p.get("rho") * d0)) * Math.log((1 - aw2(p, p.vec("w"))) / (p.get("delta") * p.get("delta")));
  }

  /** The first term of Theorem E.1's min for gamma^(1), at the whole T1. */
  static double gammaFirst(StepPoint p, int t1) {
    double g0 = p.get("g");
    double gs = gs(p);
    double z = g0 * g0 * aw2(p, p.vec("w"));
    return z / (2 * t1 * (gs * gs - z)) * Math.log((1 - p.get("rho")) * gs * gs / (g0 * g0) + p.get("rho"));
  }

  /** gamma^(1) = c min{first term, 1/(2(1 + ||A w_0||^2))}, c in (0, 1) of the point. */
  static double gamma1(StepPoint p, int t1) {
    return p.get("c") * Math.min(gammaFirst(p, t1), 1 / (2 * (1 + aw2(p, p.vec("w")))));
  }

  static Run run(StepPoint p) {
    int t1 = (int) Math.ceil(t1Real(p));
    double gamma = gamma1(p, t1);
    double[] g = new double[t1 + 2];
    double[][] w = new double[t1 + 2][];
    double[] vn = new double[t1 + 2];
    g[0] = p.get("g");
    w[0] = p.vec("w");
    for (int t = 0; t <= t1; t++) {
      double[] vt = v(p, w[t], g[t]);
      vn[t] = Vectors.norm(vt);
      w[t + 1] = unit(vt);
      g[t + 1] = t == 0 ? g[0] : gNext(p, w[t], g[t], gamma);
    }
    vn[t1 + 1] = Vectors.norm(v(p, w[t1 + 1], g[t1 + 1]));
    return new Run(t1, gamma, g, w, vn);
  }

  /** The time t in 1..T1 the point names (its fraction "at" of T1). */
  static int time(StepPoint p, Run r, int last) {
    return Math.max(1, Math.min(last, 1 + (int) Math.floor(p.get("at") * last)));
  }

  static StepPoint.Builder drawRun(SplittableRandom rnd) {
    StepPoint.Builder b = draw(rnd);
    StepPoint q = b.build();
    return q.toBuilder().put("g", gs(q) * rnd.nextDouble(0.2, 0.8)).put("rho", rnd.nextDouble(0.2, 0.9))
        .put("delta", rnd.nextDouble(0.05, 0.5)).put("c", rnd.nextBoolean() ? rnd.nextDouble(0.9, 1) : rnd.nextDouble(0.01, 1))
        .put("at", rnd.nextDouble());
  }

  static Optional<String> runAssumptions(StepPoint p) {
    Optional<String> s = standingOff(p);
    if (s.isPresent()) {
      return s;
    }
    if (!(p.get("rho") > 0 && p.get("rho") < 1 && p.get("delta") > 0 && p.get("c") > 0 && p.get("c") < 1 && p.get("at") >= 0
        && p.get("at") < 1)) {
      return Optional.of("0 < rho < 1, delta > 0, gamma^(1) = c . (Theorem E.1's bound), 0 < c < 1");
    }
    double t1 = t1Real(p);
    if (!(t1 > 1 && t1 <= MAX_T1)) {
      return Optional.of("1 < T1 <= " + MAX_T1 + " (1 - ||A w_0||^2 > delta^2)");
    }
    Run r = run(p);
    for (double gt : r.g()) {
      if (!(gt > 0 && gt < gs(p))) {
        return Optional.of("0 < g_t < g* along the run");
      }
    }
    return Optional.empty();
  }

  private static double sq(double x) {
    return x * x;
  }

  // --- Theorem E.1 -------------------------------------------------------------------------

  private static List<SampledStep> theoremE1() {
    List<SampledStep> out = new ArrayList<>();
    String at = "Appendix E.1, proof of Theorem E.1";
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-16", loc(at + ", (16)", "636-638"),
            "(g^*)^2 - ||A g_T1 w_T1||^2 >= (g^*)^2 - g_T1^2 = rho delta_0   (16)")
        .printed(p -> sq(gs(p)) - sq(p.get("g")) * aw2(p, p.vec("w")), GE, p -> sq(gs(p)) - sq(p.get("g")))
        .flippedControl()
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standing).fixed("m", "d")
        .note("the inequality needs only ||A w|| <= ||w|| = 1 (A A^T = I); '= rho delta_0' is the supposition that defines rho")
        .build());
    // (19) from (18): x -> x/(g*^2 + x) is increasing, and a = (g*)^2 - ||A g_T1 w_T1||^2 >= rho delta_0 by (16)
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-19", loc(at + ", (19)", "644-646"),
            "exp(-sum_{i=1}^{T1} ((g^*)^2 - ||A g_T1 w_T1||^2)/((g^*)^2 + (g^*)^2 - ||A g_T1 w_T1||^2)) (1 - ||A w_0||^2) "
                + "<= exp(-rho delta_0 T1/((g^*)^2 + rho delta_0)) (1 - ||A w_0||^2)   (19)")
        .printed(p -> Math.exp(-p.get("T") * p.get("a") / (sq(p.get("gs")) + p.get("a"))) * p.get("n0"), LE,
            p -> Math.exp(-p.get("rd") * p.get("T") / (sq(p.get("gs")) + p.get("rd"))) * p.get("n0"))
        .flippedControl()
        .control("(g^*)^2 - rho delta_0 in the denominator", p -> Math.exp(-p.get("T") * p.get("a") / (sq(p.get("gs")) + p.get("a")))
            * p.get("n0"), LE, p -> Math.exp(-p.get("rd") * p.get("T") / (sq(p.get("gs")) - p.get("rd"))) * p.get("n0"))
        .sampler(rnd -> {
          double gs = rnd.nextDouble(0.3, 3);
          double rd = gs * gs * rnd.nextDouble(0.01, 0.9);
          return StepPoint.builder().put("gs", gs).put("rd", rd).put("a", rnd.nextBoolean() ? rd : rnd.nextDouble(rd, gs * gs))
              .put("T", 1 + rnd.nextInt(60)).put("n0", rnd.nextDouble(0.01, 1)).build();
        })
        .corner(StepPoint.builder().put("gs", 1).put("rd", 0.5).put("a", 0.5).put("T", 3).put("n0", 1).build())
        .assumptions(p -> p.get("gs") > 0 && p.get("rd") > 0 && p.get("rd") <= p.get("a") && p.get("a") <= sq(p.get("gs"))
            && p.get("T") >= 1 && p.get("n0") > 0 && p.get("n0") <= 1 ? Optional.empty()
            : Optional.of("(16): 0 < rho delta_0 <= a = (g*)^2 - ||A g_T1 w_T1||^2 <= (g*)^2, T1 >= 1, 0 < 1 - ||A w_0||^2 <= 1"))
        .note("the numbers: g*, rho delta_0, a = (g*)^2 - ||A g_T1 w_T1||^2 (>= rho delta_0 by (16)), T1 and 1 - ||A w_0||^2; "
            + "the sum of (18) has T1 equal terms")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.1#step-1", loc(at + ", the T1 that makes (19) at most delta^2", "648-650"),
            "we have ||w_T1^perp||^2 = 1 - ||A w_T1||^2 <= delta^2 when T1 = (1 + (g^*)^2/(rho delta_0)) log((1 - ||A w_0||^2)/delta^2)")
        .printed(p -> Math.exp(-p.get("rd") * t1Of(p, 1) / (sq(p.get("gs")) + p.get("rd"))) * p.get("n0"), LE, p -> sq(p.get("delta")))
        .control("T1 = ((g^*)^2/(rho delta_0)) log(...) (the 1 + dropped)",
            p -> Math.exp(-p.get("rd") * t1Of(p, 0) / (sq(p.get("gs")) + p.get("rd"))) * p.get("n0"), LE, p -> sq(p.get("delta")))
        .control("log((1 - ||A w_0||^2)/delta) in T1",
            p -> Math.exp(-p.get("rd") * (1 + sq(p.get("gs")) / p.get("rd")) * Math.log(p.get("n0") / p.get("delta"))
                / (sq(p.get("gs")) + p.get("rd"))) * p.get("n0"), LE, p -> sq(p.get("delta")))
        .sampler(rnd -> {
          double gs = rnd.nextDouble(0.3, 3);
          double delta = rnd.nextDouble(0.01, 0.9);
          return StepPoint.builder().put("gs", gs).put("rd", gs * gs * rnd.nextDouble(0.01, 0.9)).put("delta", delta)
              .put("n0", rnd.nextDouble(delta * delta, 1)).build();
        })
        .corner(StepPoint.builder().put("gs", 1).put("rd", 0.5).put("delta", 0.1).put("n0", 1).build())
        .assumptions(p -> p.get("gs") > 0 && p.get("rd") > 0 && p.get("delta") > 0 && p.get("delta") < 1
            && sq(p.get("delta")) < p.get("n0") && p.get("n0") <= 1 ? Optional.empty()
            : Optional.of("g* > 0, rho delta_0 > 0, delta^2 < 1 - ||A w_0||^2 <= 1"))
        .note("(19) at the printed T1 equals delta^2 exactly (up to rounding); the controls change T1")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.1#step-2", loc(at + ", the note after Lemma E.3", "656"),
            "Note ||v_t||^2 = g^{*2}/(g_t^2 ||A w_{t+1}||^2) > 1 as ||A w_{t+1}|| < 1 and g^{*2} > g_t^2")
        .printed(p -> sq(gs(p)) / (sq(p.get("g")) * aw2(p, w1(p))), GE, p -> 1)
        .flippedControl()
        .control(">= g^{*2}/g_t^2 + 1", p -> sq(gs(p)) / (sq(p.get("g")) * aw2(p, w1(p))), GE, p -> sq(gs(p) / p.get("g")) + 1)
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("the equality is (28) (wu/lemma-e.2); checked here: its right side, at the rPGD step from the sampled state, exceeds 1")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-20", loc(at + ", (20), up to step (a)", "658"),
            "g_{T1+1}^2 <= prod_{i=1}^{T1+1} (1 + (1/2) gamma^(1) (||v_{t-1}||^2 - 1))^2 g_1^2 <=(a) exp(gamma^(1) (||v_0||^2 - 1) T1) g_0^2   (20)")
        .printed(p -> {
          Run r = run(p);
          return sq(r.g()[r.t1() + 1]);
        }, LE, p -> {
          Run r = run(p);
          return Math.exp(r.gamma() * (sq(r.vn()[0]) - 1) * r.t1()) * sq(r.g()[0]);
        })
        .flippedControl()
        .control("g_{T1+1}^2 <= g_0^2 (no growth)", p -> {
          Run r = run(p);
          return sq(r.g()[r.t1() + 1]);
        }, LE, p -> sq(p.get("g")))
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("along Theorem E.1's run from the sampled start: T1 = ceil of the printed T1, gamma^(1) = c min{...} of the "
            + "statement, g_1 = g_0, then gamma^(1) at t = 1..T1 (the product of (20) has gamma^(1) in every factor); the middle "
            + "product is not evaluated (its factors name t, not i)")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.1#step-3", loc(at + ", (20), step (b)", "658-668"),
            "exp(gamma^(1) (||v_0||^2 - 1) T1) g_0^2 <=(b) (g^*)^2 - rho delta_0, as long as gamma^(1) <= "
                + "log(((g^*)^2 - rho delta_0)/g_0^2)/((||v_0||^2 - 1) T1)")
        .printed(p -> Math.exp(gammaB(p) * x0(p) * p.get("T")) * sq(p.get("g0")), LE, p -> sq(p.get("gs")) - rhoDelta(p))
        .control("2 gamma^(1)", p -> Math.exp(2 * gammaB(p) * x0(p) * p.get("T")) * sq(p.get("g0")), LE,
            p -> sq(p.get("gs")) - rhoDelta(p))
        .sampler(WuAppendixESteps::drawScalarE1)
        .corner(StepPoint.builder().put("gs", 1).put("g0", 0.5).put("rho", 0.5).put("a0", 0.5).put("T", 4).put("c", 1).build())
        .assumptions(WuAppendixESteps::scalarE1)
        .note("the numbers: g*, g_0, rho, ||A w_0||^2, T1 and gamma^(1) = c . the bound, 0 < c <= 1; ||v_0||^2 - 1 = "
            + "((g*)^2 - ||A g_0 w_0||^2)/g_0^2 by (28)")
        .build());
    // the identity that ends the bound of step (b), wu/theorem-e.1#step-6, is symbolic (WuAppendixEScalarSteps)
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-21", loc(at + ", (21), first part", "660-662"),
            "||v_t||^2/||v_{t-1}||^2 <= g_{t-1}^2/g_t^2   (21)")
        .printed(p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          return sq(r.vn()[t] / r.vn()[t - 1]);
        }, LE, p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          return sq(r.g()[t - 1] / r.g()[t]);
        })
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("at a time t in 1..T1 of Theorem E.1's run (the point's fraction 'at' of T1)")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#step-4", loc(at + ", (21), second part", "660-662"),
            "g_{t-1}^2/g_t^2 <= 1   (21)")
        .printed(p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          return sq(r.g()[t - 1] / r.g()[t]);
        }, LE, p -> 1)
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("at a time t in 1..T1 of Theorem E.1's run; g_1 = g_0 makes t = 1 an equality")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#step-5", loc(at + ", the reason for (21)", "664"),
            "g_t - g_{t-1} ||v_{t-1}|| <= g^* - g^*/||A w_t|| < 0")
        .printed(p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          return r.g()[t] - r.g()[t - 1] * r.vn()[t - 1];
        }, LE, p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          return gs(p) - gs(p) / Math.sqrt(aw2(p, r.w()[t]));
        })
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("g_{t-1} ||v_{t-1}|| = g*/||A w_t|| by (27), so the step is g_t <= g*; the '< 0' is ||A w_t|| < 1")
        .build());
    out.add(lossStep(false));
    out.add(lossStep(true));
    out.add(SampledStep.inequality("wu/theorem-e.1#step-7", loc(at + ", from (21)", "684"),
            "Again, for t < T1, we have from (21) that g_{t-1} ||v_{t-1}|| - g_t ||v_t|| > 0")
        .printed(p -> {
          Run r = run(p);
          int t = time(p, r, r.t1() - 1);
          return r.g()[t - 1] * r.vn()[t - 1];
        }, GE, p -> {
          Run r = run(p);
          int t = time(p, r, r.t1() - 1);
          return r.g()[t] * r.vn()[t];
        })
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build())
        .assumptions(p -> runAssumptions(p).or(() -> run(p).t1() >= 2 ? Optional.empty() : Optional.of("T1 >= 2")))
        .fixed("m", "d")
        .note("at a time t in 1..T1 - 1 of Theorem E.1's run")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#step-8", loc(at + ", the display after (22), first line", "686"),
            "g_t(g_t + g_{t-1}||v_{t-1}||)/(g_{t-1}||v_{t-1}||(g_t||v_t|| + g_{t-1}||v_{t-1}||)) >= "
                + "g_t^2/(g_{t-1}||v_{t-1}||(g_t||v_t|| + g_{t-1}||v_{t-1}||))")
        .printed(p -> chain(p, 0), GE, p -> chain(p, 1))
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("at a time t in 1..T1 of Theorem E.1's run")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#step-9", loc(at + ", the display after (22), second line", "686"),
            "g_t^2/(g_{t-1}||v_{t-1}||(g_t||v_t|| + g_{t-1}||v_{t-1}||)) >= g_0^2/(2 g_0^2 ||v_0||^2)")
        .printed(p -> chain(p, 1), GE, p -> chain(p, 2))
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("at a time t in 1..T1 of Theorem E.1's run: g_t >= g_0 (Lemma E.4) and g_t ||v_t|| <= g_{t-1}||v_{t-1}|| <= g_0 ||v_0|| (21)")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#step-10", loc(at + ", the display after (22), third line", "686"),
            "g_0^2/(2 g_0^2 ||v_0||^2) >= 1/(2(1 + ||A w_0||^2))")
        .printed(p -> 1 / (2 * sq(vn0(p))), GE, p -> 1 / (2 * (1 + aw2(p, p.vec("w")))))
        .control(">= 1/(2 ||A w_0||^2)", p -> 1 / (2 * sq(vn0(p))), GE, p -> 1 / (2 * aw2(p, p.vec("w"))))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("(w_0, g_0) the sampled state; ||v_0||^2 = 1 + ((g*)^2 - ||A g_0 w_0||^2)/g_0^2 by (28)")
        .note("FINDING (proof step): ||v_0||^2 = 1 - ||A w_0||^2 + (g*/g_0)^2 exceeds 1 + ||A w_0||^2 whenever "
            + "(g*/g_0)^2 > 2 ||A w_0||^2, which g_0 < g* gives for every ||A w_0||^2 <= 1/2; the line holds only near g_0 = g*")
        .note("bears on the statement: the next display uses gamma^(1) <= 1/(2||v_0||^2), which Theorem E.1's choice "
            + "gamma^(1) < 1/(2(1 + ||A w_0||^2)) does not give; whether the other term of the min does is "
            + "wu/theorem-e.1#step-11, whether the statement fails is for wu/theorem-e.1")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.1#step-11", loc(at + ", 'By our choice of gamma^(1)'", "688-690"),
            "By our choice of gamma^(1), gamma^(1) <= 1/(2||v_0||^2)")
        .printed(p -> gamma1(p, (int) Math.ceil(t1Real(p))), LE, p -> 1 / (2 * sq(vn0(p))))
        .control("gamma^(1) = c/(2(1 + ||A w_0||^2)), the min's second term alone", p -> p.get("c") / (2 * (1 + aw2(p, p.vec("w")))),
            LE, p -> 1 / (2 * sq(vn0(p))))
        .sampler(rnd -> drawRun(rnd).build()).corner(shortRun()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("gamma^(1) = c min{||A g_0 w_0||^2/(2 T1((g*)^2 - ||A g_0 w_0||^2)) log((1 - rho) g*^2/g_0^2 + rho), "
            + "1/(2(1 + ||A w_0||^2))} with the printed T1 rounded up, 0 < c < 1 (Theorem E.1's choice)")
        .note("the second term of the min alone never gives it (the control, and wu/theorem-e.1#step-10); the first does when T1 "
            + "is large")
        .note("FINDING (proof step): for a short Phase I (T1 = 2: 1 - ||A w_0||^2 just above delta^2) the first term exceeds "
            + "1/(2||v_0||^2): at g* = 1, g_0 = 0.2, rho = 0.2, delta = 0.3, ||A w_0||^2 = 0.8844 it is 0.0276 against 0.0199 (a corner)")
        .note("bears on the statement: the bound on (22) after this line needs gamma^(1) <= 1/(2||v_0||^2), which Theorem E.1's "
            + "choice of gamma^(1) does not guarantee; whether the statement fails is for wu/theorem-e.1")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-18", loc(at + ", (18)", "642-644"),
            "exp(-sum_{i=1}^{T1} ((g^*)^2 - ||A g_i w_i||^2)/((g^*)^2 + (g^*)^2 - ||A g_i w_i||^2)) (1 - ||A w_0||^2) <= "
                + "exp(-sum_{i=1}^{T1} ((g^*)^2 - ||A g_T1 w_T1||^2)/((g^*)^2 + (g^*)^2 - ||A g_T1 w_T1||^2)) (1 - ||A w_0||^2)   (18)")
        .printed(p -> {
          Run r = run(p);
          double sum = 0;
          for (int i = 1; i <= r.t1(); i++) {
            sum += frac(p, r, i);
          }
          return Math.exp(-sum) * (1 - aw2(p, r.w()[0]));
        }, LE, p -> {
          Run r = run(p);
          return Math.exp(-r.t1() * frac(p, r, r.t1())) * (1 - aw2(p, r.w()[0]));
        })
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("along Theorem E.1's run (as in wu/theorem-e.1#eq-20): each term a_i/((g*)^2 + a_i), a_i = (g*)^2 - ||A g_i w_i||^2, "
            + "is replaced by the last one; the proof gives no reason, the run shows a_i non-increasing")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-24", loc(at + ", (24) from the last line of (23)", "694-696"),
            "(g^{*2}/||A w_T1||^2 - g_T1^2)/(g^*/||A w_T1|| + g_T1) <= (g^{*2} - g_T1^2)/(g^*(1 - eps) + g_T1)   (24)")
        .printed(p -> (sq(p.get("gs") / p.get("x")) - sq(p.get("g"))) / (p.get("gs") / p.get("x") + p.get("g")), LE,
            p -> (sq(p.get("gs")) - sq(p.get("g"))) / (p.get("gs") * (1 - p.get("eps")) + p.get("g")))
        .control("eps = 0 (g^* + g_T1 in the denominator)", p -> (sq(p.get("gs") / p.get("x")) - sq(p.get("g")))
            / (p.get("gs") / p.get("x") + p.get("g")), LE, p -> (sq(p.get("gs")) - sq(p.get("g"))) / (p.get("gs") + p.get("g")))
        .sampler(rnd -> {
          double gs = rnd.nextDouble(0.3, 3);
          double eps = rnd.nextDouble(0.01, 0.99);
          double delta = eps / (2 * gs + eps) * rnd.nextDouble(0.01, 1);
          double xmin = Math.sqrt(1 - delta * delta);
          return StepPoint.builder().put("gs", gs).put("g", gs * (rnd.nextBoolean() ? rnd.nextDouble(0.05, 0.99)
              : rnd.nextDouble(0.99, 0.99999))).put("eps", eps).put("delta", delta)
              .put("x", rnd.nextBoolean() ? xmin : rnd.nextDouble(xmin, 1)).build();
        })
        .corner(StepPoint.builder().put("gs", 1).put("g", 0.5).put("eps", 0.5).put("delta", 0.1).put("x", 1).build())
        .corner(StepPoint.builder().put("gs", 1).put("g", 0.99).put("eps", 0.5).put("delta", 0.1).put("x", Math.sqrt(0.99)).build())
        .assumptions(p -> p.get("gs") > 0 && p.get("g") > 0 && p.get("g") < p.get("gs") && p.get("eps") > 0 && p.get("eps") < 1
            && p.get("delta") > 0 && p.get("delta") < p.get("eps") / (2 * p.get("gs") + p.get("eps"))
            && p.get("x") >= Math.sqrt(1 - sq(p.get("delta"))) && p.get("x") <= 1 ? Optional.empty()
            : Optional.of("0 < g_T1 < g*, 0 < eps < 1, 0 < delta < eps/(2g* + eps), 1 - delta^2 <= ||A w_T1||^2 <= 1 (Phase I)"))
        .note("the numbers: g*, g_T1, eps, delta of Theorem E.1 and x = ||A w_T1|| with ||w_T1^perp||^2 = 1 - x^2 <= delta^2, "
            + "which Phase I ends with; the common factor (1 - gamma^(2))^(t - T1) is left out")
        .note("FINDING (proof step): the numerator g^{*2}/||A w_T1||^2 - g_T1^2 is replaced by the smaller g^{*2} - g_T1^2 "
            + "(||A w_T1|| <= 1), and the denominator's (1 - eps) does not make up for it when g_T1 is near g*: the left side is "
            + "g*/||A w_T1|| - g_T1 >= g* - g_T1 + g*(1 - ||A w_T1||), the right side g* - g_T1 + O((g* - g_T1) eps)")
        .note("bears on the statement: (26), and with it Theorem E.1's loss bound ||A g_T w_T - b||^2 <= eps g*^2, is derived "
            + "through this line; whether the statement itself fails is for wu/theorem-e.1")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-23", loc(at + ", (23), first line", "692-694"),
            "We have from (22) that t > T1: g_t||v_t|| - g_{t+1} <= (1 - gamma^(2))^(t-T1)(g_T1||v_T1|| - g_T1)   (23)")
        .printed(p -> {
          Run r = fullRun(p);
          int t = phaseTwoTime(p, r);
          return r.g()[t] * r.vn()[t] - r.g()[t + 1];
        }, LE, p -> {
          Run r = fullRun(p);
          int t = phaseTwoTime(p, r);
          int t1 = r.t1();
          return Math.pow(1 - p.get("gamma2"), t - t1) * (r.g()[t1] * r.vn()[t1] - r.g()[t1]);
        })
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).put("gamma2", rnd.nextBoolean() ? 0.25 : rnd.nextDouble(0.01, 0.25)).put("k", rnd.nextDouble())
            .build())
        .assumptions(p -> runAssumptions(p).or(() -> p.get("gamma2") > 0 && p.get("gamma2") <= 0.25 && p.get("k") >= 0
            && p.get("k") < 1 ? Optional.empty() : Optional.of("0 < gamma^(2) <= 1/4")))
        .fixed("m", "d")
        .note("along Theorem E.1's whole run: g_1 = g_0, gamma^(1) at t = 1..T1 - 1, gamma^(2) at t = T1..T1 + "
            + PHASE_TWO + " - 1; checked at a t in T1 + 1..T1 + " + (PHASE_TWO - 1) + " (the point's fraction k)")
        .build());
    out.add(thirdOf23(false));
    out.add(thirdOf23(true));
    out.add(SampledStep.inequality("wu/theorem-e.1#eq-26", loc(at + ", (26)", "698-700"),
            "(1 - gamma^(2))^(t-T1) rho delta_0/(g^*(1 - eps) + g_T1) <= (1 - gamma^(2))^(t-T1) rho delta_0/(g^*(1 - eps))   (26)")
        .printed(p -> p.get("k") * p.get("rd") / (p.get("gs") * (1 - p.get("eps")) + p.get("g")), LE,
            p -> p.get("k") * p.get("rd") / (p.get("gs") * (1 - p.get("eps"))))
        .flippedControl()
        .sampler(rnd -> {
          double gs = rnd.nextDouble(0.3, 3);
          return StepPoint.builder().put("gs", gs).put("g", gs * rnd.nextDouble(0.01, 1)).put("eps", rnd.nextDouble(0.01, 0.99))
              .put("rd", rnd.nextDouble(0.01, 5)).put("k", Math.pow(1 - rnd.nextDouble(0.01, 0.25), rnd.nextInt(40))).build();
        })
        .assumptions(p -> p.get("gs") > 0 && p.get("g") > 0 && p.get("eps") > 0 && p.get("eps") < 1 && p.get("rd") > 0
            && p.get("k") > 0 && p.get("k") <= 1 ? Optional.empty()
            : Optional.of("g* > 0, g_T1 > 0, 0 < eps < 1, rho delta_0 > 0, 0 < (1 - gamma^(2))^(t - T1) <= 1"))
        .note("k = (1 - gamma^(2))^(t - T1) with gamma^(2) <= 1/4")
        .build());
    return out;
  }

  /** a_i/((g*)^2 + a_i), a_i = (g*)^2 - ||A g_i w_i||^2, along the run. */
  private static double frac(StepPoint p, Run r, int i) {
    double a = sq(gs(p)) - sq(r.g()[i]) * aw2(p, r.w()[i]);
    return a / (sq(gs(p)) + a);
  }

  /**
   * A start with a short Phase I: A = [1, 0], w* = e_1, g* = 1, g_0 = 0.2, rho = 0.2, delta = 0.3 and
   * ||A w_0||^2 = 0.8844, so 1 - ||A w_0||^2 = delta^2 e^(1/4) and the printed T1 is 1.55, rounded up to 2.
   */
  static StepPoint shortRun() {
    double a0 = 0.8844;
    return StepPoint.builder().put("m", 1).put("d", 2).put("A", new double[][] {{1, 0}}).put("ws", new double[] {1, 0}).put("gs", 1)
        .put("w", new double[] {Math.sqrt(a0), Math.sqrt(1 - a0)}).put("g", 0.2).put("gamma", 0).put("rho", 0.2).put("delta", 0.3)
        .put("c", 0.95).put("at", 0.5).build();
  }

  /** Phase II steps run after T1 for (23). */
  static final int PHASE_TWO = 30;

  /** Theorem E.1's schedule: g_1 = g_0, gamma^(1) at t = 1..T1 - 1, gamma^(2) at t = T1..T1 + PHASE_TWO - 1. */
  static Run fullRun(StepPoint p) {
    int t1 = (int) Math.ceil(t1Real(p));
    double gamma = gamma1(p, t1);
    int n = t1 + PHASE_TWO;
    double[] g = new double[n + 1];
    double[][] w = new double[n + 1][];
    double[] vn = new double[n + 1];
    g[0] = p.get("g");
    w[0] = p.vec("w");
    for (int t = 0; t < n; t++) {
      double[] vt = v(p, w[t], g[t]);
      vn[t] = Vectors.norm(vt);
      w[t + 1] = unit(vt);
      g[t + 1] = t == 0 ? g[0] : gNext(p, w[t], g[t], t < t1 ? gamma : p.get("gamma2"));
    }
    vn[n] = Vectors.norm(v(p, w[n], g[n]));
    return new Run(t1, gamma, g, w, vn);
  }

  private static int phaseTwoTime(StepPoint p, Run r) {
    return r.t1() + 1 + Math.min(PHASE_TWO - 2, (int) Math.floor(p.get("k") * (PHASE_TWO - 1)));
  }

  /**
   * The third line of (23) from its second, at the point's state as (w_T1, g_T1): g_T1||v_T1|| is
   * g^* / ||A w_{T1+1}|| by (28); the printed line has ||A w_T1||.
   */
  private static SampledStep thirdOf23(boolean corrected) {
    String id = corrected ? "wu/theorem-e.1#step-13-corrected" : "wu/theorem-e.1#step-13";
    ToDoubleFunction<StepPoint> second = p -> (sq(p.get("g") * vn0(p)) - sq(p.get("g"))) / (p.get("g") * vn0(p) + p.get("g"));
    ToDoubleFunction<StepPoint> printed = p -> {
      double a = Math.sqrt(aw2(p, p.vec("w")));
      return (sq(gs(p) / a) - sq(p.get("g"))) / (gs(p) / a + p.get("g"));
    };
    ToDoubleFunction<StepPoint> correct = p -> {
      double a = Math.sqrt(aw2(p, w1(p)));
      return (sq(gs(p) / a) - sq(p.get("g"))) / (gs(p) / a + p.get("g"));
    };
    SampledStep.Builder b = SampledStep.hence(id, loc("Appendix E.1, proof of Theorem E.1, (23), third line" + (corrected
            ? " (with ||A w_{T1+1}||)" : ""), "694"),
            corrected ? "(g_T1^2||v_T1||^2 - g_T1^2)/(g_T1||v_T1|| + g_T1) = (g^{*2}/||A w_{T1+1}||^2 - g_T1^2)/(g^*/||A w_{T1+1}|| + g_T1)"
                : "(g_T1^2||v_T1||^2 - g_T1^2)/(g_T1||v_T1|| + g_T1) = (g^{*2}/||A w_T1||^2 - g_T1^2)/(g^*/||A w_T1|| + g_T1)   (23)")
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("the common factor (1 - gamma^(2))^(t - T1) is left out; the second line of (23) is (a^2 - b^2)/(a + b) = a - b");
    if (corrected) {
      return b.printed(second, EQ, correct).control("the printed ||A w_T1||", second, EQ, printed).build();
    }
    return b.printed(second, EQ, printed)
        .control("g^* in place of g^{*2} in the numerator", second, EQ, p -> {
          double a = Math.sqrt(aw2(p, p.vec("w")));
          return (gs(p) / sq(a) - sq(p.get("g"))) / (gs(p) / a + p.get("g"));
        })
        .note("FINDING (proof step): (28) gives g_T1^2 ||v_T1||^2 = g^{*2}/||A w_{T1+1}||^2, with the next iterate's ||A w_{T1+1}|| "
            + "(wu/theorem-e.1#step-13-corrected); with ||A w_T1|| < ||A w_{T1+1}|| the printed line is larger")
        .note("does not affect the statement through this step: the printed line is an upper bound of the true one (the chain "
            + "only bounds from above), so its error goes the safe way; (24) after it is wu/theorem-e.1#eq-24")
        .build();
  }

  /** T1 = (k + g*^2/(rho delta_0)) log((1 - ||A w_0||^2)/delta^2) for the scalar points (k = 1 as printed). */
  private static double t1Of(StepPoint p, double k) {
    return (k + sq(p.get("gs")) / p.get("rd")) * Math.log(p.get("n0") / sq(p.get("delta")));
  }

  private static double rhoDelta(StepPoint p) {
    return p.get("rho") * (sq(p.get("gs")) - sq(p.get("g0")));
  }

  /** ||v_0||^2 - 1 = ((g*)^2 - g_0^2 ||A w_0||^2)/g_0^2 by (28). */
  private static double x0(StepPoint p) {
    return (sq(p.get("gs")) - sq(p.get("g0")) * p.get("a0")) / sq(p.get("g0"));
  }

  /** log(((g*)^2 - rho delta_0)/g_0^2)/((||v_0||^2 - 1) T1), the bound of step (b). */
  private static double bBound(StepPoint p) {
    return Math.log((sq(p.get("gs")) - rhoDelta(p)) / sq(p.get("g0"))) / (x0(p) * p.get("T"));
  }

  private static double gammaB(StepPoint p) {
    return p.get("c") * bBound(p);
  }

  private static StepPoint drawScalarE1(SplittableRandom rnd) {
    double gs = rnd.nextDouble(0.3, 3);
    return StepPoint.builder().put("gs", gs).put("g0", gs * rnd.nextDouble(0.05, 0.99)).put("rho", rnd.nextDouble(0.01, 0.99))
        .put("a0", rnd.nextBoolean() ? 1 : rnd.nextDouble(0.01, 1)).put("T", 1 + rnd.nextInt(200))
        .put("c", rnd.nextBoolean() ? 1 : rnd.nextDouble(0.5, 1)).build();
  }

  private static Optional<String> scalarE1(StepPoint p) {
    return p.get("gs") > 0 && p.get("g0") > 0 && p.get("g0") < p.get("gs") && p.get("rho") > 0 && p.get("rho") < 1
        && p.get("a0") > 0 && p.get("a0") <= 1 && p.get("T") >= 1 && p.get("c") > 0 && p.get("c") <= 1 ? Optional.empty()
        : Optional.of("0 < g_0 < g*, 0 < rho < 1, 0 < ||A w_0||^2 <= 1, T1 >= 1, 0 < c <= 1");
  }

  /** (22)'s quantities at time t of the run: k = 0 the first line, 1 the second, 2 the third (g_0^2/(2 g_0^2 ||v_0||^2)). */
  private static double chain(StepPoint p, int k) {
    Run r = run(p);
    int t = time(p, r, r.t1());
    double gt = r.g()[t];
    double prev = r.g()[t - 1] * r.vn()[t - 1];
    double den = prev * (gt * r.vn()[t] + prev);
    return switch (k) {
      case 0 -> gt * (gt + prev) / den;
      case 1 -> gt * gt / den;
      default -> sq(r.g()[0]) / (2 * sq(r.g()[0]) * sq(r.vn()[0]));
    };
  }

  /** By Lemma E.2, ||A(g_{t+1} w_{t+1} - g* w*)||^2 = (g_{t+1} - g_t ||v_t||)^2: printed, or with the factor ||A w_{t+1}||^2. */
  private static SampledStep lossStep(boolean corrected) {
    String id = corrected ? "wu/theorem-e.1#step-12-corrected" : "wu/theorem-e.1#step-12";
    ToDoubleFunction<StepPoint> lhs = p -> normSq(Vectors.subtract(Vectors.multiply(am(p), Vectors.scale(g1(p), w1(p))),
        Vectors.multiply(am(p), Vectors.scale(gs(p), p.vec("ws")))));
    ToDoubleFunction<StepPoint> printed = p -> sq(g1(p) - p.get("g") * vn0(p));
    ToDoubleFunction<StepPoint> correct = p -> aw2(p, w1(p)) * sq(g1(p) - p.get("g") * vn0(p));
    SampledStep.Builder b = SampledStep.hence(id, loc("Appendix E.1, proof of Theorem E.1, the loss" + (corrected
            ? " (with ||A w_{t+1}||^2)" : ""), "672-674"),
            corrected ? "||A(g_{t+1} w_{t+1} - g^* w^*)||^2 = ||A w_{t+1}||^2 (g_{t+1} - g_t ||v_t||)^2"
                : "The loss ||A(g_T w_T - g^* w^*)||. By Lemma E.2, ||A(g_{t+1} w_{t+1} - g^* w^*)||^2 = (g_{t+1} - g_t ||v_t||)^2")
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("one rPGD step from the sampled (w_t, g_t) with the point's gamma; A w_{t+1} = A g* w*/(g_t ||v_t||) is (27)");
    if (corrected) {
      return b.printed(lhs, EQ, correct).control("the printed right side (no ||A w_{t+1}||^2)", lhs, EQ, printed).build();
    }
    return b.printed(lhs, EQ, printed)
        .control("(g_{t+1} - g_t)^2", lhs, EQ, p -> sq(g1(p) - p.get("g")))
        .note("FINDING (proof step): by (27), A g_{t+1} w_{t+1} - A g* w* = A g* w* (g_{t+1} - g_t||v_t||)/(g_t||v_t||), whose "
            + "squared norm is ||A w_{t+1}||^2 (g_{t+1} - g_t ||v_t||)^2 (wu/theorem-e.1#step-12-corrected): the printed "
            + "equality holds only where ||A w_{t+1}|| = 1")
        .note("does not affect the statement through this step: ||A w_{t+1}|| <= 1, so the printed right side bounds the loss "
            + "from above and the proof's bound on (g_{t+1} - g_t ||v_t||)^2 still bounds the loss")
        .build();
  }

  // --- Lemmas E.2 - E.6 ------------------------------------------------------------------------

  private static List<SampledStep> lemmasE2toE6() {
    List<SampledStep> out = new ArrayList<>();
    String e2 = "Appendix E.1.1, proof of Lemma E.2";
    out.add(SampledStep.hence("wu/lemma-e.2#step-1", loc(e2, "726-728"),
            "we can get A w_{t+1} = (A w_t - (1/g_t) r_t)/||v_t|| = A g^* w^*/(g_t ||v_t||)")
        .printed(p -> Vectors.distance(Vectors.multiply(am(p), w1(p)), Vectors.scale(gs(p) / (p.get("g") * vn0(p)),
            Vectors.multiply(am(p), p.vec("ws")))), EQ, p -> 0)
        .control("A g^* w^*/(g_t^2 ||v_t||)", p -> Vectors.distance(Vectors.multiply(am(p), w1(p)),
            Vectors.scale(gs(p) / (sq(p.get("g")) * vn0(p)), Vectors.multiply(am(p), p.vec("ws")))), EQ, p -> 0)
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standing).fixed("m", "d")
        .note("checked as || A w_{t+1} - A g* w*/(g_t ||v_t||) || = 0 with w_{t+1} = v_t/||v_t|| from the rPGD step (eta = 1/g_t^2)")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.2#step-2", loc(e2 + ", ||v_t||^2, first line", "730-732"),
            "||v_t||^2 = ||w_t||^2 - 2 eta <A g_t w_t, r_t> + eta^2 g_t^2 ||r_t||^2")
        .printed(p -> normSq(vEta(p)), EQ, p -> 1 - 2 * p.get("eta") * Vectors.dot(zt(p), res(p, p.vec("w"), p.get("g")))
            + sq(p.get("eta") * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .control("+ 2 eta <A g_t w_t, r_t>", p -> normSq(vEta(p)), EQ, p -> 1 + 2 * p.get("eta") * Vectors.dot(zt(p),
            res(p, p.vec("w"), p.get("g"))) + sq(p.get("eta") * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .sampler(WuAppendixESteps::drawEta).assumptions(WuAppendixESteps::etaAssumptions).fixed("m", "d")
        .note("v_t = w_t - eta g_t A^T r_t at a free step size eta > 0 (the display is before 'Letting eta = 1/g_t^2')")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.2#step-3", loc(e2 + ", ||v_t||^2, second line", "732"),
            "||v_t||^2 = 1 + eta(||A g^* w^*||^2 - ||A g_t w_t||^2 - ||r_t||^2) + eta^2 g_t^2 ||r_t||^2")
        .printed(p -> normSq(vEta(p)), EQ, p -> 1 + p.get("eta") * polar(p) + sq(p.get("eta") * p.get("g"))
            * normSq(res(p, p.vec("w"), p.get("g"))))
        .control("eta/2 in place of eta in the first term", p -> normSq(vEta(p)), EQ, p -> 1 + p.get("eta") / 2 * polar(p)
            + sq(p.get("eta") * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .sampler(WuAppendixESteps::drawEta).assumptions(WuAppendixESteps::etaAssumptions).fixed("m", "d")
        .note("-2 <z_t, z_t - z*> = ||z*||^2 - ||z_t||^2 - ||z_t - z*||^2 with z = A g w; ||w_t|| = 1")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.2#step-4", loc(e2 + ", ||v_t||^2 ||A w_{t+1}||^2", "734-736"),
            "||v_t||^2 ||A w_{t+1}||^2 = ||A w_t||^2 - 2 eta <A g_t w_t, r_t> + eta^2 g_t^2 ||r_t||^2 = ||A w_t||^2 + "
                + "eta(||A g^* w^*||^2 - ||A g_t w_t||^2 - ||r_t||^2) + eta^2 g_t^2 ||r_t||^2")
        .printed(p -> normSq(Vectors.multiply(am(p), vEta(p))), EQ, p -> aw2(p, p.vec("w")) + p.get("eta") * polar(p)
            + sq(p.get("eta") * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .control("1 in place of ||A w_t||^2", p -> normSq(Vectors.multiply(am(p), vEta(p))), EQ, p -> 1 + p.get("eta") * polar(p)
            + sq(p.get("eta") * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .sampler(WuAppendixESteps::drawEta).assumptions(p -> etaAssumptions(p).or(() -> standingOff(p))).fixed("m", "d")
        .note("||v_t||^2 ||A w_{t+1}||^2 = ||A v_t||^2 (w_{t+1} = v_t/||v_t||); the middle line is printed twice")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.2#step-5", loc(e2 + ", 'Letting eta = 1/g_t^2'", "738-740"),
            "Letting eta = 1/g_t^2, we have: ||v_t||^2 ||A w_{t+1}||^2 = (g^*)^2/g_t^2")
        .printed(p -> sq(vn0(p)) * aw2(p, w1(p)), EQ, p -> sq(gs(p) / p.get("g")))
        .control("(g^*)^2/g_t", p -> sq(vn0(p)) * aw2(p, w1(p)), EQ, p -> sq(gs(p)) / p.get("g"))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standing).fixed("m", "d")
        .note("the first line of the display, g_t^2 ||v_t||^2 = g_t^2 + ((g*)^2 - ||A g_t w_t||^2), is (28), checked by wu/lemma-e.2")
        .build());
    String e3 = "Appendix E.1.1, proof of Lemma E.3";
    out.add(SampledStep.hence("wu/lemma-e.3#step-1", loc(e3 + ", the update of g, second line", "748-750"),
            "g_{t+1} = g_t - gamma <A w_t, r_t> = g_t + (gamma/(2 g_t))((g^*)^2 - ||A g_t w_t||^2 - ||r_t||^2)")
        .printed(WuAppendixESteps::g1, EQ, p -> p.get("g") + p.get("gamma") / (2 * p.get("g")) * polar(p))
        .control("gamma/g_t in place of gamma/(2 g_t)", WuAppendixESteps::g1, EQ, p -> p.get("g") + p.get("gamma") / p.get("g") * polar(p))
        .sampler(rnd -> draw(rnd).build()).assumptions(p -> standing(p).or(() -> p.get("gamma") > 0 ? Optional.empty()
            : Optional.of("gamma > 0"))).fixed("m", "d")
        .note("the sentence after the display justifies it with <A g_t w_t, r_t> = ||A g* w*||^2 - ||A g_t w_t||^2 - ||r_t||^2, "
            + "which is -2 times the true <A g_t w_t, r_t>; the display itself has the factor 1/2 right")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.3#step-2", loc(e3 + ", the update of g, third line", "750"),
            "g_{t+1} = g_t + (gamma g_t/2)(||v_t||^2 - 1) - (gamma/(2 g_t)) ||r_t||^2")
        .printed(WuAppendixESteps::g1, EQ, p -> p.get("g") + p.get("gamma") * p.get("g") / 2 * (sq(vn0(p)) - 1)
            - p.get("gamma") / (2 * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .control("+ (gamma/(2 g_t)) ||r_t||^2", WuAppendixESteps::g1, EQ, p -> p.get("g") + p.get("gamma") * p.get("g") / 2
            * (sq(vn0(p)) - 1) + p.get("gamma") / (2 * p.get("g")) * normSq(res(p, p.vec("w"), p.get("g"))))
        .sampler(rnd -> draw(rnd).build()).assumptions(p -> standing(p).or(() -> p.get("gamma") > 0 ? Optional.empty()
            : Optional.of("gamma > 0"))).fixed("m", "d")
        .note("eta = 1/g_t^2, so g_t^2(||v_t||^2 - 1) = (g*)^2 - ||A g_t w_t||^2 by (28)")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.3#step-4", loc(e3 + ", 'Denoting C_t', the second line", "754-756"),
            "Denoting C_t = alpha_{t-1}^2 g_{t-1}^2 (||A w_{t-1}||^2 - 1): ||r_t||^2 = (g_{t-1} ||v_{t-1}|| - g_t)^2 + C_t")
        .printed(p -> normSq(res(p, w1(p), g1(p))), EQ, p -> sq(p.get("g") * vn0(p) - g1(p)) + cT(p))
        .control("C_t with 1 - ||A w_{t-1}||^2", p -> normSq(res(p, w1(p), g1(p))), EQ,
            p -> sq(p.get("g") * vn0(p) - g1(p)) - cT(p))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::twoStep).fixed("m", "d")
        .note("alpha_{t-1} is never defined; read as alpha_{t-1} g_{t-1} = g_t/||v_{t-1}|| - g_{t-1}, the reading the third line of "
            + "Term1 (wu/lemma-e.3#step-5) needs; with it the second line of the chain holds")
        .note("two rPGD steps: the point's (w, g) is (w_{t-1}, g_{t-1}); g_t = g_{t-1} - gamma <A w_{t-1}, r_{t-1}>")
        .build());
    out.add(term1(false));
    out.add(term1(true));
    out.add(SampledStep.hence("wu/lemma-e.3#step-3", loc(e3 + ", the last display (by Lemma E.5)", "769-774"),
            "(1 - ||A w_{t-1}||^2)(g_t/||v_{t-1}|| - g_{t-1}) = ||v_{t-1}|| (g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2)/(g_t + "
                + "g_{t-1} ||v_{t-1}||)")
        .printed(p -> (1 - aw2(p, p.vec("w"))) * (g1(p) / vn0(p) - p.get("g")), EQ,
            p -> vn0(p) * (sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p))) / (g1(p) + p.get("g") * vn0(p)))
        .control("without the factor ||v_{t-1}||", p -> (1 - aw2(p, p.vec("w"))) * (g1(p) / vn0(p) - p.get("g")), EQ,
            p -> (sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p))) / (g1(p) + p.get("g") * vn0(p)))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::twoStep).fixed("m", "d")
        .note("two rPGD steps: the point's (w, g) is (w_{t-1}, g_{t-1}); g_t = g_{t-1} - gamma <A w_{t-1}, r_{t-1}>")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.4#step-1", loc("Appendix E.1.1, proof of Lemma E.4", "783-785"),
            "<A w_t, r_t> = g_t ||A w_t||^2 - g^* <A w_t, A w^*> = g_t (g^*)^2/(g_{t-1}^2 ||v_{t-1}||^2) - (g^*)^2/(g_{t-1} "
                + "||v_{t-1}||) = (g^*)^2 (g_t - g_{t-1} ||v_{t-1}||)/(g_{t-1}^2 ||v_{t-1}||^2)")
        .printed(p -> Vectors.dot(Vectors.multiply(am(p), w1(p)), res(p, w1(p), g1(p))), EQ,
            p -> sq(gs(p)) * (g1(p) - p.get("g") * vn0(p)) / sq(p.get("g") * vn0(p)))
        .control("(g^*) in place of (g^*)^2", p -> Vectors.dot(Vectors.multiply(am(p), w1(p)), res(p, w1(p), g1(p))), EQ,
            p -> gs(p) * (g1(p) - p.get("g") * vn0(p)) / sq(p.get("g") * vn0(p)))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::twoStep).fixed("m", "d")
        .note("two rPGD steps from (w_{t-1}, g_{t-1}); checked: the first side against the last (the middle ones are (27))")
        .build());
    String e5 = "Appendix E.1.1, proof of Lemma E.5";
    out.add(SampledStep.hence("wu/lemma-e.5#step-1", loc(e5 + ", first line", "795-796"),
            "g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2 = g_t^2 (1 - ||A w_t||^2) - g_{t-1}^2 (1 - ||A w_{t-1}||^2)")
        .printed(p -> sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p)), EQ,
            p -> sq(g1(p)) * (1 - aw2(p, w1(p))) - sq(p.get("g")) * (1 - aw2(p, p.vec("w"))))
        .control("g_t in place of g_t^2", p -> sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p)), EQ,
            p -> g1(p) * (1 - aw2(p, w1(p))) - sq(p.get("g")) * (1 - aw2(p, p.vec("w"))))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::twoStep).fixed("m", "d")
        .note("(28) at t and t - 1: the (g*)^2 cancels")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.5#step-2", loc(e5 + ", second line", "797"),
            "g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2 = (g_t^2/||v_{t-1}||^2 - g_{t-1}^2)(1 - ||A w_{t-1}||^2)")
        .printed(p -> sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p)), EQ,
            p -> (sq(g1(p) / vn0(p)) - sq(p.get("g"))) * (1 - aw2(p, p.vec("w"))))
        .control("||v_{t-1}|| in place of ||v_{t-1}||^2", p -> sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p)), EQ,
            p -> (sq(g1(p)) / vn0(p) - sq(p.get("g"))) * (1 - aw2(p, p.vec("w"))))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::twoStep).fixed("m", "d")
        .note("by (30): 1 - ||A w_t||^2 = (1 - ||A w_{t-1}||^2)/||v_{t-1}||^2")
        .build());
    String e6 = "Appendix E.1.1, proof of Lemma E.6";
    out.add(SampledStep.hence("wu/lemma-e.6#step-1", loc(e6 + ", first line (by (29))", "807-809"),
            "1 - ||A w_{t+1}||^2 = g_t^2 (1 - ||A w_t||^2)/((g^*)^2 + g_t^2 (1 - ||A w_t||^2))")
        .printed(p -> 1 - aw2(p, w1(p)), EQ, p -> sq(p.get("g")) * (1 - aw2(p, p.vec("w")))
            / (sq(gs(p)) + sq(p.get("g")) * (1 - aw2(p, p.vec("w")))))
        .control("(g^*)^2 in place of g_t^2 in the numerator", p -> 1 - aw2(p, w1(p)), EQ, p -> sq(gs(p)) * (1 - aw2(p, p.vec("w")))
            / (sq(gs(p)) + sq(p.get("g")) * (1 - aw2(p, p.vec("w")))))
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.6#step-2", loc(e6 + ", second line", "809"),
            "g_t^2 (1 - ||A w_t||^2)/((g^*)^2 + g_t^2 (1 - ||A w_t||^2)) <= ((g^*)^2/((g^*)^2 + (g^*)^2 - ||A g_t w_t||^2)) "
                + "(1 - ||A w_t||^2)")
        .printed(p -> sq(p.get("g")) * (1 - aw2(p, p.vec("w"))) / (sq(gs(p)) + sq(p.get("g")) * (1 - aw2(p, p.vec("w")))), LE,
            p -> sq(gs(p)) / (2 * sq(gs(p)) - sq(p.get("g")) * aw2(p, p.vec("w"))) * (1 - aw2(p, p.vec("w"))))
        .flippedControl()
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("with g_t <= g* ('If we keep g_t <= g*'); the sampled states have 0 < g_t < g*")
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.6#step-3", loc(e6 + ", third line", "809"),
            "((g^*)^2/((g^*)^2 + (g^*)^2 - ||A g_t w_t||^2))(1 - ||A w_t||^2) <= exp(-((g^*)^2 - ||A g_t w_t||^2)/((g^*)^2 + "
                + "(g^*)^2 - ||A g_t w_t||^2)) (1 - ||A w_0||^2)")
        .printed(p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          double a = sq(gs(p)) - sq(r.g()[t]) * aw2(p, r.w()[t]);
          return sq(gs(p)) / (sq(gs(p)) + a) * (1 - aw2(p, r.w()[t]));
        }, LE, p -> {
          Run r = run(p);
          int t = time(p, r, r.t1());
          double a = sq(gs(p)) - sq(r.g()[t]) * aw2(p, r.w()[t]);
          return Math.exp(-a / (sq(gs(p)) + a)) * (1 - aw2(p, r.w()[0]));
        })
        .flippedControl()
        .sampler(rnd -> drawRun(rnd).build()).assumptions(WuAppendixESteps::runAssumptions).fixed("m", "d")
        .note("as printed, with 1 - ||A w_0||^2 on the right (the recursion needs 1 - ||A w_t||^2 there): checked at a time t "
            + "of Theorem E.1's run, where 1 - ||A w_t||^2 <= 1 - ||A w_0||^2 by (30) makes it hold")
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.6#step-4", loc(e6 + ", 'The first inequality holds due to'", "811-813"),
            "g_t^2/((g^*)^2 + g_t^2 (1 - ||A w_t||^2)) <= (g_t^2 + ((g^*)^2 - g_t^2))/((g^*)^2 + g_t^2 (1 - ||A w_t||^2) + "
                + "((g^*)^2 - g_t^2))")
        .printed(p -> sq(p.get("g")) / (sq(gs(p)) + sq(p.get("g")) * (1 - aw2(p, p.vec("w")))), LE,
            p -> sq(gs(p)) / (2 * sq(gs(p)) - sq(p.get("g")) * aw2(p, p.vec("w"))))
        .flippedControl()
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("(a + c)/(b + c) >= a/b for 0 <= a <= b, c >= 0, with c = (g*)^2 - g_t^2 >= 0")
        .build());
    return out;
  }

  /** C_t = alpha_{t-1}^2 g_{t-1}^2 (||A w_{t-1}||^2 - 1) with alpha_{t-1} g_{t-1} = g_t/||v_{t-1}|| - g_{t-1}. */
  private static double cT(StepPoint p) {
    return sq(g1(p) / vn0(p) - p.get("g")) * (aw2(p, p.vec("w")) - 1);
  }

  /**
   * Term1's first line against its third (lines 761, 763): the third factors the C_t term in with a
   * minus where the first has it with a plus. gamma is the point's (Lemma E.3's gamma_t; the
   * identity does not depend on the gamma that produced g_t).
   */
  private static SampledStep term1(boolean corrected) {
    String id = corrected ? "wu/lemma-e.3#step-5-corrected" : "wu/lemma-e.3#step-5";
    ToDoubleFunction<StepPoint> first = p -> -p.get("gamma") / (2 * g1(p)) * (sq(g1(p) * vn1(p)) - sq(p.get("g") * vn0(p)))
        + p.get("gamma") / (2 * g1(p)) * cT(p);
    ToDoubleFunction<StepPoint> third = p -> -p.get("gamma") / (2 * g1(p)) * (1 - aw2(p, p.vec("w")))
        * (sq(g1(p) / vn0(p)) - sq(p.get("g")) + (corrected ? 1 : -1) * sq(g1(p) / vn0(p) - p.get("g")));
    SampledStep.Builder b = SampledStep.hence(id, loc("Appendix E.1.1, proof of Lemma E.3, the simplification of Term1"
            + (corrected ? " (the sign of the C_t term)" : ""), "758-763"),
            corrected ? "Term1 = -(gamma/(2g_t))(g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2) + (gamma/(2g_t)) alpha_{t-1}^2 g_{t-1}^2 "
                + "(||A w_{t-1}||^2 - 1) = -(gamma/(2g_t))(1 - ||A w_{t-1}||^2)(g_t^2/||v_{t-1}||^2 - g_{t-1}^2 + (g_t/||v_{t-1}|| - "
                + "g_{t-1})^2)"
                : "Term1 = -(gamma/(2g_t))(g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2) + (gamma/(2g_t)) alpha_{t-1}^2 g_{t-1}^2 "
                    + "(||A w_{t-1}||^2 - 1) = -(gamma/(2g_t))(1 - ||A w_{t-1}||^2)(g_t^2/||v_{t-1}||^2 - g_{t-1}^2 - "
                    + "(g_t/||v_{t-1}|| - g_{t-1})^2)")
        .sampler(rnd -> draw(rnd).build())
        .assumptions(p -> twoStep(p).or(() -> p.get("gamma") > 0 ? Optional.empty() : Optional.of("gamma > 0"))).fixed("m", "d")
        .note("alpha_{t-1} g_{t-1} = g_t/||v_{t-1}|| - g_{t-1} as in wu/lemma-e.3#step-4; the second line (Lemma E.5) is "
            + "wu/lemma-e.5#step-2; two rPGD steps from the point's (w_{t-1}, g_{t-1})");
    if (corrected) {
      return b.printed(first, EQ, third).control("the printed minus", first, EQ, p -> -p.get("gamma") / (2 * g1(p))
          * (1 - aw2(p, p.vec("w"))) * (sq(g1(p) / vn0(p)) - sq(p.get("g")) - sq(g1(p) / vn0(p) - p.get("g")))).build();
    }
    return b.printed(first, EQ, third)
        .control("the (g_t/||v_{t-1}|| - g_{t-1})^2 term dropped", first, EQ, p -> -p.get("gamma") / (2 * g1(p))
            * (1 - aw2(p, p.vec("w"))) * (sq(g1(p) / vn0(p)) - sq(p.get("g"))))
        .note("FINDING (proof step): (gamma/(2g_t)) alpha^2 g_{t-1}^2 (||A w_{t-1}||^2 - 1) = -(gamma/(2g_t))(1 - ||A w_{t-1}||^2)"
            + "(g_t/||v_{t-1}|| - g_{t-1})^2 enters the bracket with + (wu/lemma-e.3#step-5-corrected); the printed - loses "
            + "(gamma/g_t)(1 - ||A w_t||^2)(g_{t-1}||v_{t-1}|| - g_t)^2")
        .note("bears on the statement: that is exactly the term Lemma E.3's identity lacks (wu/lemma-e.3 VIOLATED as printed, "
            + "wu/lemma-e.3#corrected adds it back): this line is where the proof loses it")
        .build();
  }

  /** z_t = A g_t w_t. */
  private static double[] zt(StepPoint p) {
    return Vectors.multiply(am(p), Vectors.scale(p.get("g"), p.vec("w")));
  }

  /** ||A g* w*||^2 - ||A g_t w_t||^2 - ||r_t||^2. */
  private static double polar(StepPoint p) {
    return sq(gs(p)) * aw2(p, p.vec("ws")) - normSq(zt(p)) - normSq(res(p, p.vec("w"), p.get("g")));
  }

  /** v_t = w_t - eta g_t A^T r_t at the point's eta. */
  private static double[] vEta(StepPoint p) {
    return Vectors.subtract(p.vec("w"), Vectors.scale(p.get("eta") * p.get("g"), at(am(p), res(p, p.vec("w"), p.get("g")))));
  }

  private static StepPoint drawEta(SplittableRandom rnd) {
    StepPoint q = draw(rnd).build();
    return q.toBuilder().put("eta", rnd.nextDouble(0.1, 3) / sq(q.get("g"))).build();
  }

  private static Optional<String> etaAssumptions(StepPoint p) {
    return standing(p).or(() -> p.get("eta") > 0 ? Optional.empty() : Optional.of("eta > 0"));
  }
}
