package org.wnverify.check.steps;

import static org.wnverify.check.steps.ChouSampledSteps.gaussian;
import static org.wnverify.check.steps.ChouSampledSteps.loc;
import static org.wnverify.check.steps.ChouSampledSteps.log;
import static org.wnverify.check.steps.ChouSampledSteps.matrix;
import static org.wnverify.check.steps.ChouSampledSteps.pow;
import static org.wnverify.check.steps.ChouSampledSteps.rowSpace;
import static org.wnverify.check.steps.ChouSampledSteps.unit;
import static org.wnverify.check.steps.SampledStep.Relation.EQ;
import static org.wnverify.check.steps.SampledStep.Relation.GE;
import static org.wnverify.check.steps.SampledStep.Relation.LE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.Loss;

/**
 * The displays of the Chou, Rauhut, Ward proofs (000_5b7b2fae69929679.txt) that were the last
 * without a check (issue 20): Lemma 3.3's "hence"s at r = 0 and u_n = 0, Lemma 3.10's z_k, the
 * decomposition behind the limits of Lemma 3.11, the bounds B1 and C of Lemma 3.12, and the two
 * "hence"s of Lemma 3.19. The limits are checked in their quantitative form (the bound that makes
 * "converges to 0 times bounded" or "blows up" true), on sampled states, by {@link SampledStep}.
 */
final class ChouRemainingSteps {
  private ChouRemainingSteps() {}

  /**
   * A side that must vanish counts as 0 below this multiple of the size of the numbers it is made
   * of: the residues are sums of O(N M) rounded products of O(1)..O(e^3) doubles, so 1e-12 of
   * their scale is rounding; every control moves them by O(1) of it.
   */
  static final double ZERO_REL = 1e-12;

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.add(lemma33());
    s.add(lemma310());
    s.addAll(lemma311());
    s.addAll(lemma312());
    s.addAll(lemma319());
    return s;
  }

  private static double[][] a(StepPoint p) {
    return p.mat("A", p.integer("M"), p.integer("N"));
  }

  /** A, b with M <= N rows, entries N(0, 1). */
  private static StepPoint.Builder problem(SplittableRandom rnd, int minN) {
    int n = minN + rnd.nextInt(3);
    int m = 1 + rnd.nextInt(n);
    return StepPoint.builder().put("M", m).put("N", n).put("A", matrix(rnd, m, n)).put("b", gaussian(rnd, m));
  }

  // --- Lemma 3.3 -------------------------------------------------------------------------------

  /** The flow's own derivative (13)-(14) at (r, u), eta_u = 1, through the emitted kernel. */
  private static double[] flow(StepPoint p) {
    double[] u = p.vec("u");
    DiagonalNetInstance inst = new DiagonalNetInstance(a(p), p.vec("b"), p.integer("L"), 1, u, p.get("etaR"));
    double[] y = new double[u.length + 1];
    y[0] = p.get("r");
    System.arraycopy(u, 0, y, 1, u.length);
    double[] dy = new double[y.length];
    new WnFlowOde(inst, LearningRate.CONSTANT).computeDerivatives(0, y, dy);
    return dy;
  }

  /** grad L(x) of (22) at x = r u/||u||, with the factor x^(L-1) or without it (a control). */
  private static double[] grad(StepPoint p, boolean factor) {
    double[] x = Vectors.scale(p.get("r") / Vectors.norm(p.vec("u")), p.vec("u"));
    int depth = p.integer("L");
    double[] res = Loss.residual(a(p), p.vec("b"), depth, x);
    double[][] a = a(p);
    double[] g = new double[x.length];
    for (int k = 0; k < g.length; k++) {
      for (int i = 0; i < a.length; i++) {
        g[k] += a[i][k] * res[i];
      }
      g[k] *= factor ? Math.pow(x[k], depth - 1) : 1;
    }
    return g;
  }

  /** case 0: r = 0, ||grad L||_1 + |d_t r|; case k >= 1: u_k = 0, |[grad L]_k| + |d_t u_k|. */
  private static double defect33(StepPoint p, boolean factor, boolean chainFactor) {
    int k = p.integer("zero");
    double[] g = grad(p, factor);
    double[] dy = flow(p);
    if (k == 0) {
      double dr = chainFactor ? dy[0] : -p.get("etaR") * Vectors.dot(unit(p.vec("u")), grad(p, false));
      return Vectors.norm1(g) + Math.abs(dr);
    }
    return Math.abs(g[k - 1]) + Math.abs(dy[k]);
  }

  private static StepPoint draw33(SplittableRandom rnd) {
    StepPoint q = problem(rnd, 1).build();
    int n = q.integer("N");
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = Math.exp(rnd.nextDouble(-2, 1));
    }
    int zero = rnd.nextInt(n + 1);
    if (zero > 0) {
      u[zero - 1] = 0;
    }
    return q.toBuilder().put("L", 2 + rnd.nextInt(3)).put("u", u).put("r", zero == 0 ? 0 : rnd.nextDouble(0.1, 3))
        .put("etaR", rnd.nextDouble(0.1, 3)).put("zero", zero).build();
  }

  private static StepPoint corner33(int depth, double r, double[] u, int zero) {
    return StepPoint.builder().put("M", 1).put("N", 2).put("A", new double[][] {{1, 2}}).put("b", new double[] {1})
        .put("L", depth).put("u", u).put("r", r).put("etaR", 1).put("zero", zero).build();
  }

  private static SampledStep lemma33() {
    return SampledStep.hence("chou/lemma-3.3#step-1", loc("proof of Lemma 3.3", "776"),
            "If r = 0, then grad L = 0 and hence d_t r = 0. If u_n = 0, then [grad L]_n = 0 and hence d_t u_n = 0.")
        .printed(p -> defect33(p, true, true), EQ, p -> 0)
        .control("grad L(x) = A^T (A x^L - b) (the factor x^(L-1) of (22) dropped)", p -> defect33(p, false, true), EQ, p -> 0)
        .control("d_t r = -eta_r (u/||u||)^T A^T (A x^L - b) (the chain factor x^(L-1) dropped in (28))",
            p -> defect33(p, true, false), EQ, p -> 0)
        .sampler(ChouRemainingSteps::draw33)
        .corner(corner33(2, 0, new double[] {0.6, 0.8}, 0))
        .corner(corner33(2, 1, new double[] {0, 1}, 1))
        .corner(corner33(3, 2, new double[] {1, 0}, 2))
        .assumptions(p -> {
          int k = p.integer("zero");
          boolean atZero = k == 0 ? p.get("r") == 0 : k <= p.integer("N") && p.vec("u")[k - 1] == 0;
          return p.integer("L") >= 2 && atZero && Vectors.norm(p.vec("u")) > 0 && p.get("etaR") > 0 ? Optional.empty()
              : Optional.of("L >= 2 (Lemma 3.3), r = 0 (zero = 0) or u_zero = 0, u != 0, eta_r > 0");
        })
        .fixed("M", "N", "L", "zero")
        .note("d_t r and d_t u are the flow's own (13)-(14) (WnFlowOde, the kernel every flow check integrates); grad L is (22) "
            + "at x = r u/||u||: with L >= 2 its factor x^(L-1) vanishes wherever x does")
        .build();
  }

  // --- Lemma 3.10 ------------------------------------------------------------------------------

  /** z_k := log x(t_k) - log x0 (or the control's log x + log x0), and its part off the row space. */
  private static double[] z310(StepPoint p, double sign) {
    return Vectors.subtract(log(p.vec("x")), Vectors.scale(sign, log(p.vec("x0"))));
  }

  private static double offRowSpace(StepPoint p, double[] v) {
    return Vectors.norm(Vectors.subtract(v, rowSpace(a(p), v)));
  }

  private static SampledStep lemma310() {
    return SampledStep.hence("chou/lemma-3.10#step-4", loc("proof of Lemma 3.10, case L = 2", "1456-1458"),
            "(I - P_A) log(x(t_k)) = (I - P_A) log(x0). This implies that there exists a sequence {z_k} such that "
                + "(I - P_A) z_k = 0 and log(x(t_k)) = log(x0) + z_k")
        .printed(p -> offRowSpace(p, z310(p, 1)), EQ, p -> 0)
        .control("z_k := log x(t_k) + log x0", p -> offRowSpace(p, z310(p, -1)), EQ, p -> 0)
        .control("P_A z_k = 0 in place of (I - P_A) z_k = 0", p -> Vectors.norm(rowSpace(a(p), z310(p, 1))), EQ, p -> 0)
        .sampler(rnd -> {
          StepPoint q = problem(rnd, 2).build();
          int n = q.integer("N");
          double[] x0 = new double[n];
          for (int i = 0; i < n; i++) {
            x0[i] = Math.exp(rnd.nextDouble(-3, 2));
          }
          // x(t_k) = x0 .* exp(P_A v): the invariant of Lemma 3.7 holds by construction
          double[] shift = rowSpace(a(q), Vectors.scale(rnd.nextDouble(0, 2), gaussian(rnd, n)));
          double[] x = new double[n];
          for (int i = 0; i < n; i++) {
            x[i] = x0[i] * Math.exp(shift[i]);
          }
          return q.toBuilder().put("x0", x0).put("x", x).build();
        })
        .corner(StepPoint.builder().put("M", 1).put("N", 2).put("A", new double[][] {{1, 1}}).put("b", new double[] {1})
            .put("x0", new double[] {1, 1}).put("x", new double[] {Math.E, Math.E}).build())
        .assumptions(p -> {
          for (double v : p.vec("x0")) {
            if (!(v > 0)) {
              return Optional.of("x0 > 0");
            }
          }
          for (double v : p.vec("x")) {
            if (!(v > 0)) {
              return Optional.of("x(t_k) > 0 (Lemma 3.3)");
            }
          }
          double[] d = Vectors.subtract(log(p.vec("x")), log(p.vec("x0")));
          return offRowSpace(p, d) <= 1e-9 * (1 + Vectors.norm(d)) ? Optional.empty()
              : Optional.of("(I - P_A) log x(t_k) = (I - P_A) log x0 (Lemma 3.7's invariant)");
        })
        .fixed("M", "N")
        .note("the standing assumption is the invariant of Lemma 3.7 (chou/lemma-3.7 checks it along flows); x(t_k) is drawn "
            + "on it as x0 .* exp(P_A v); the z_k the proof names is log x(t_k) - log x0")
        .build();
  }

  // --- Lemma 3.11 ------------------------------------------------------------------------------

  /** b-side of the inner product: log x1 - log x2 (L = 2) or x2^(2/L-1) - x1^(2/L-1) (L > 2). */
  private static double[] psiDiff(StepPoint p) {
    int depth = p.integer("L");
    if (depth == 2) {
      return Vectors.subtract(log(p.vec("x1")), log(p.vec("x2")));
    }
    double e = 2.0 / depth - 1;
    return Vectors.subtract(pow(p.vec("x2"), e), pow(p.vec("x1"), e));
  }

  private static double[] diff(StepPoint p) {
    return Vectors.subtract(p.vec("x1"), p.vec("x2"));
  }

  /** ||A^+||_2, the factor that turns (43), A[x~(1) - x~(2)] -> 0, into P_A[x~(1) - x~(2)] -> 0. */
  private static double pinvNorm(StepPoint p) {
    double[] s = PseudoInverse.of(a(p)).singularValues();
    double min = Double.POSITIVE_INFINITY;
    for (double v : s) {
      if (v > ChouSampledSteps.RANK_TOL) {
        min = Math.min(min, v);
      }
    }
    return 1 / min;
  }

  /** ||P_A a|| ||b|| + ||a|| ||(I - P_A) b|| with ||P_A a|| <= ||A^+|| ||A a||: "0 x bounded + bounded x 0". */
  private static double bound311(StepPoint p, double front) {
    double[] a = diff(p);
    double[] b = psiDiff(p);
    double pa = pinvNorm(p) * Vectors.norm(Vectors.multiply(a(p), a));
    return front * pa * Vectors.norm(b) + Vectors.norm(a) * offRowSpace(p, b);
  }

  private static StepPoint draw311(SplittableRandom rnd, boolean deep) {
    StepPoint q = problem(rnd, 2).build();
    int n = q.integer("N");
    double[] x1 = new double[n];
    double[] x2 = new double[n];
    double near = rnd.nextBoolean() ? 1e-3 : 1;
    for (int i = 0; i < n; i++) {
      x1[i] = Math.exp(rnd.nextDouble(-3, 2));
      x2[i] = x1[i] * Math.exp(near * rnd.nextDouble(-1, 1));
    }
    return q.toBuilder().put("L", deep ? 3 + rnd.nextInt(3) : 2).put("x1", x1).put("x2", x2).build();
  }

  private static StepPoint corner311(int depth, double[][] a, double[] x1, double[] x2) {
    return StepPoint.builder().put("M", a.length).put("N", a[0].length).put("A", a).put("b", new double[a.length])
        .put("L", depth).put("x1", x1).put("x2", x2).build();
  }

  private static List<StepPoint> corners311(int depth) {
    double[][] a = {{1, 1}};
    return List.of(corner311(depth, a, new double[] {1, 2}, new double[] {2, 1}), // A[x1 - x2] = 0: (43) met exactly
        corner311(depth, a, new double[] {1, 1}, new double[] {2, 2}), // x1 - x2 along the row space
        corner311(depth, new double[][] {{1, 0, 0}, {0, 1, 1}}, new double[] {1, 3, 0.5}, new double[] {1, 0.5, 3}));
  }

  private static Optional<String> positive311(StepPoint p, boolean deep) {
    for (String v : new String[] {"x1", "x2"}) {
      for (double e : p.vec(v)) {
        if (!(e > 0)) {
          return Optional.of("x~(1), x~(2) strictly positive");
        }
      }
    }
    return (deep ? p.integer("L") > 2 : p.integer("L") == 2) ? Optional.empty() : Optional.of(deep ? "L > 2" : "L = 2");
  }

  private static List<SampledStep> lemma311() {
    List<SampledStep> out = new ArrayList<>();
    String pr = "proof of Lemma 3.11";
    out.add(SampledStep.hence("chou/lemma-3.11#step-6", loc(pr + ", case L = 2, the decomposition", "1498-1524"),
            "Since P_A is a projection, <x~(1) - x~(2), log x~(1) - log x~(2)> = <P_A[x~(1) - x~(2)], log x~(1) - log x~(2)> "
                + "+ <x~(1) - x~(2), (I - P_A)[log x~(1) - log x~(2)]>")
        .printed(p -> Vectors.dot(diff(p), psiDiff(p)), EQ,
            p -> Vectors.dot(rowSpace(a(p), diff(p)), psiDiff(p))
                + Vectors.dot(diff(p), Vectors.subtract(psiDiff(p), rowSpace(a(p), psiDiff(p)))))
        .control("<x~(1) - x~(2), P_A[...]> in the second term in place of (I - P_A)[...]",
            p -> Vectors.dot(diff(p), psiDiff(p)), EQ,
            p -> Vectors.dot(rowSpace(a(p), diff(p)), psiDiff(p)) + Vectors.dot(diff(p), rowSpace(a(p), psiDiff(p))))
        .sampler(rnd -> draw311(rnd, false)).corners(corners311(2)).assumptions(p -> positive311(p, false)).fixed("M", "N", "L")
        .note("P_A = A^+ A is the orthogonal projector onto the row space, so <P_A a, b> = <a, P_A b> and the two terms add up")
        .build());
    for (boolean deep : new boolean[] {false, true}) {
      String id = deep ? "chou/lemma-3.11#step-8" : "chou/lemma-3.11#step-7";
      String which = deep ? "(x~(2))^(2/L-1) - (x~(1))^(2/L-1)" : "log x~(1) - log x~(2)";
      ToDoubleFunction<StepPoint> lhs = p -> Math.abs(Vectors.dot(diff(p), psiDiff(p)));
      out.add(SampledStep.hence(id, loc(pr + (deep ? ", case L > 2" : ", case L = 2, the limit"), deep ? "1546-1556" : "1500-1524"),
              deep ? "For L > 2 ... first use the assumption to deduce that 0 = lim <x~(1)(t) - x~(2)(t), (x~(2)(t))^(2/L-1) - "
                  + "(x~(1)(t))^(2/L-1)>"
                  : "lim <P_A[x~(1) - x~(2)] (converges to 0), log x~(1) - log x~(2) (bounded)> + <x~(1) - x~(2) (bounded), "
                      + "(I - P_A)[log x~(1) - log x~(2)] (converges to 0)> = 0")
          .printed(lhs, LE, p -> bound311(p, 1))
          .flippedControl()
          .control("||P_A a|| <= ||A a|| (the factor ||A^+|| dropped from (43) => P_A[x~(1) - x~(2)] -> 0)", lhs, LE,
              p -> bound311(p, 1 / pinvNorm(p)) * (1 - 1e-3))
          .sampler(rnd -> draw311(rnd, deep)).corners(corners311(deep ? 3 : 2)).assumptions(p -> positive311(p, deep))
          .fixed("M", "N", "L")
          .note("the limit in quantitative form: |<a, b>| <= ||A^+|| ||A a|| ||b|| + ||a|| ||(I - P_A) b|| with a = x~(1) - x~(2), "
              + "b = " + which + "; the right side tends to 0 under (43), (44) and the bounds of the lemma, so the limit is 0")
          .note("the statement chou/lemma-3.11 checks the conclusion along the WN and GF flows")
          .build());
    }
    return out;
  }

  // --- Lemma 3.12 ------------------------------------------------------------------------------

  /** ||M||_inf, the largest absolute row sum. */
  private static double normInf(double[][] m) {
    double best = 0;
    for (double[] row : m) {
      best = Math.max(best, Vectors.norm1(row));
    }
    return best;
  }

  /** x~ = (r u)^L at the named r, u. */
  private static double[] xt(StepPoint p, String r, String u) {
    return pow(Vectors.scale(p.get(r), unit(p.vec(u))), p.integer("L"));
  }

  /** L(x0) of (10) from the start (r0, u0). */
  private static double loss0(StepPoint p) {
    double[] res = Vectors.subtract(Vectors.multiply(a(p), xt(p, "r0", "u0")), p.vec("b"));
    return Vectors.dot(res, res) / (2 * p.integer("L"));
  }

  /**
   * B1 = ||A^+||_inf (2L L(x0))^(1/2) + ||A^+ b||_inf: P_A x~ = A^+ (A x~ - b) + A^+ b and
   * ||A x~ - b||_inf <= ||A x~ - b||_2 = (2L L(x))^(1/2) <= (2L L(x0))^(1/2).
   */
  private static double b1(StepPoint p, boolean withB) {
    PseudoInverse pi = PseudoInverse.of(a(p));
    return normInf(pi.matrix()) * Math.sqrt(2 * p.integer("L") * loss0(p)) + (withB ? Vectors.normInf(pi.apply(p.vec("b"))) : 0);
  }

  private static StepPoint draw312(SplittableRandom rnd) {
    StepPoint q = problem(rnd, 1).build();
    int n = q.integer("N");
    double[] u0 = new double[n];
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u0[i] = Math.exp(rnd.nextDouble(-2, 0));
      u[i] = Math.exp(rnd.nextDouble(-2, 0));
    }
    return q.toBuilder().put("L", 1 + rnd.nextInt(2)).put("r0", rnd.nextDouble(0.1, 3)).put("u0", u0)
        .put("r", rnd.nextDouble(0, 3)).put("u", u).build();
  }

  private static double b1Lhs(StepPoint p) {
    return Vectors.normInf(rowSpace(a(p), xt(p, "r", "u")));
  }

  private static List<SampledStep> lemma312() {
    List<SampledStep> out = new ArrayList<>();
    out.add(SampledStep.hence("chou/lemma-3.12#step-10", loc("proof of Lemma 3.12, eq. (46)", "1733-1737"),
            "According to Lemma 3.5, the loss is non-increasing, and hence ||A(ru)^L - b||_inf is upper bounded. Consequently, "
                + "||P_A (ru)^L||_inf <= B1 (46) for some B1 >= 0")
        .printed(ChouRemainingSteps::b1Lhs, LE, p -> b1(p, true))
        .flippedControl()
        .control("B1 = ||A^+||_inf (2L L(x0))^(1/2) (the ||A^+ b||_inf of P_A x~ = A^+(A x~ - b) + A^+ b dropped)",
            ChouRemainingSteps::b1Lhs, LE, p -> b1(p, false))
        .sampler(ChouRemainingSteps::draw312)
        .corner(StepPoint.builder().put("M", 1).put("N", 2).put("A", new double[][] {{1, 1}}).put("b", new double[] {1}).put("L", 2)
            .put("r0", 1).put("u0", new double[] {1, 1}).put("r", 1).put("u", new double[] {1, 1}).build())
        .corner(StepPoint.builder().put("M", 1).put("N", 2).put("A", new double[][] {{1, 2}}).put("b", new double[] {2}).put("L", 1)
            .put("r0", 0.5).put("u0", new double[] {1, 0.1}).put("r", 1).put("u", new double[] {0.6, 0.8}).build())
        .assumptions(p -> {
          for (String v : new String[] {"u0", "u"}) {
            for (double e : p.vec(v)) {
              if (!(e > 0)) {
                return Optional.of("u0, u > 0 (Lemma 3.3)");
              }
            }
          }
          int depth = p.integer("L");
          if (depth != 1 && depth != 2 || !(p.get("r0") > 0) || !(p.get("r") >= 0)) {
            return Optional.of("L = 1, 2 and r0 > 0");
          }
          double[] res = Vectors.subtract(Vectors.multiply(a(p), xt(p, "r", "u")), p.vec("b"));
          return Vectors.dot(res, res) / (2 * depth) <= loss0(p) ? Optional.empty()
              : Optional.of("L(x(t)) <= L(x0) (Lemma 3.5: the loss is non-increasing)");
        })
        .fixed("M", "N", "L")
        .note("the proof names no B1; the check exhibits B1 = ||A^+||_inf (2L L(x0))^(1/2) + ||A^+ b||_inf and tests (46) at "
            + "every sampled state whose loss is at most the initial one, the only property of the trajectory the proof uses")
        .build());
    out.add(SampledStep.hence("chou/lemma-3.12#step-11", loc("proof of Lemma 3.12", "1856-1857"),
            "Note that B1 ||P_A log(u)||_1 is upper bounded by some constant C because the entries of u are bounded both above "
                + "and below")
        .printed(p -> p.get("B1") * Vectors.norm1(rowSpace(a(p), log(unit(p.vec("u"))))), LE,
            p -> p.get("B1") * p.integer("N") * Math.abs(Math.log(p.get("delta"))))
        .flippedControl()
        .control("C = B1 |log delta| (the factor N of ||v||_1 <= N ||v||_inf dropped)",
            p -> p.get("B1") * Vectors.norm1(rowSpace(a(p), log(unit(p.vec("u"))))), LE,
            p -> p.get("B1") * Math.abs(Math.log(p.get("delta"))))
        .sampler(rnd -> {
          StepPoint q = draw312(rnd);
          double[] u = unit(q.vec("u"));
          double lo = Vectors.min(u);
          return q.toBuilder().put("u", u).put("B1", rnd.nextDouble(0, 5)).put("delta", lo * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.1, 1)))
              .build();
        })
        .corner(StepPoint.builder().put("M", 1).put("N", 2).put("A", new double[][] {{1, 1}}).put("b", new double[] {1}).put("L", 2)
            .put("r0", 1).put("u0", new double[] {1, 1}).put("r", 1).put("u", unit(new double[] {1, 1}))
            .put("B1", 1).put("delta", 0.7).build())
        .assumptions(p -> {
          double[] u = p.vec("u");
          boolean unitU = Math.abs(Vectors.norm(u) - 1) <= 1e-12;
          return unitU && p.get("delta") > 0 && Vectors.min(u) >= p.get("delta") && p.get("B1") >= 0 ? Optional.empty()
              : Optional.of("||u|| = 1 (Lemma 3.2), entries of u >= delta > 0 (bounded below), B1 >= 0");
        })
        .fixed("M", "N", "L")
        .note("bounded above: ||u|| = 1 gives u <= 1; below: u >= delta; so |log u_n| <= |log delta| and ||P_A log u||_1 <= "
            + "N^(1/2) ||P_A log u||_2 <= N^(1/2) ||log u||_2 <= N |log delta|: the check exhibits C = B1 N |log delta|")
        .build());
    return out;
  }

  // --- Lemma 3.19 ------------------------------------------------------------------------------

  /** D_F(z, s q) - D_F(z, q): how far the divergence climbs when x~ = q is scaled down to s q. */
  private static double climb(StepPoint p) {
    StepPoint at = p.toBuilder().put("x", Vectors.scale(p.get("s"), p.vec("q"))).build();
    StepPoint start = p.toBuilder().put("x", p.vec("q")).build();
    return ChouLimitSteps.bregman(at, 1) - ChouLimitSteps.bregman(start, 1);
  }

  /**
   * The last term's growth minus the bound on the others: (1/2) log(1/s) <z, 1> - (1/2) <q, 1>
   * (L = 2), (s^(2/L-1) - 1)/(L-2) <q^(2/L-1), z> - (1/2) <q^(2/L), 1> (L > 2); {@code front}
   * scales the growth (1 as printed; the control doubles it).
   */
  private static double growth(StepPoint p, double front) {
    int depth = p.integer("L");
    double[] q = p.vec("q");
    double[] z = p.vec("z");
    double s = p.get("s");
    if (depth == 2) {
      return front * 0.5 * Math.log(1 / s) * Vectors.norm1(z) - 0.5 * Vectors.norm1(q);
    }
    double e = 2.0 / depth - 1;
    return front * (Math.pow(s, e) - 1) / (depth - 2) * Vectors.dot(pow(q, e), z) - 0.5 * Vectors.norm1(pow(q, 2.0 / depth));
  }

  private static List<SampledStep> lemma319() {
    List<SampledStep> out = new ArrayList<>();
    out.add(SampledStep.hence("chou/lemma-3.19#step-2", loc("proof of Lemma 3.19", "2083-2085"),
            "Since L is non-increasing in t according to Lemma 3.5, L is bounded away from zero. Therefore, there exists eps > 0 "
                + "such that L(x(t)) >= eps for all t >= 0")
        .printed(p -> p.get("Lt"), GE, p -> p.get("Linf"))
        .flippedControl()
        .control("eps = L(x(0)) (the loss at the start in place of its limit)", p -> p.get("Lt"), GE, p -> p.get("L0"))
        .sampler(rnd -> {
          double linf = Math.exp(rnd.nextDouble(-6, 1));
          double l0 = linf * (1 + Math.exp(rnd.nextDouble(-4, 3)));
          double lt = linf + (l0 - linf) * (rnd.nextBoolean() ? rnd.nextDouble() : Math.exp(rnd.nextDouble(-12, 0)));
          return StepPoint.builder().put("L0", l0).put("Lt", lt).put("Linf", linf).build();
        })
        .corner(StepPoint.builder().put("L0", 2).put("Lt", 1).put("Linf", 1).build())
        .corner(StepPoint.builder().put("L0", 2).put("Lt", 2).put("Linf", 0.5).build())
        .assumptions(p -> p.get("L0") >= p.get("Lt") && p.get("Lt") >= p.get("Linf") && p.get("Linf") > 0 ? Optional.empty()
            : Optional.of("L(x(0)) >= L(x(t)) >= lim L > 0 (non-increasing, not converging to zero)"))
        .note("the numbers the proof uses: a non-increasing loss with limit lim L > 0 stays above it, so eps = lim L; the loss "
            + "values are those of any time t (Lemma 3.5 gives the monotonicity, chou/lemma-3.5 checks it along flows)")
        .build());
    out.add(SampledStep.hence("chou/lemma-3.19#step-3", loc("proof of Lemma 3.19", "2143-2145"),
            "As x converges to zero, all terms except the last one converge to zero, while the last term blows up to infinity "
                + "because z >= 0 and z is not identically zero. Thus there exists k such that D_F(z, x~(t_k)) > D_F(z, x~0)")
        .printed(ChouRemainingSteps::climb, GE, p -> growth(p, 1))
        .flippedControl()
        .control("the last term with twice its coefficient (1 in place of 1/2 for L = 2, 2/(L-2) in place of 1/(L-2))",
            ChouRemainingSteps::climb, GE, p -> growth(p, 2))
        .sampler(rnd -> {
          int n = 1 + rnd.nextInt(3);
          double[] z = new double[n];
          double[] q = new double[n];
          for (int i = 0; i < n; i++) {
            z[i] = rnd.nextInt(3) == 0 ? 0 : Math.exp(rnd.nextDouble(-3, 2));
            q[i] = Math.exp(rnd.nextDouble(-3, 2));
          }
          z[rnd.nextInt(n)] = Math.exp(rnd.nextDouble(-3, 2));
          return StepPoint.builder().put("L", 2 + rnd.nextInt(3)).put("z", z).put("q", q).put("s", Math.pow(10, -rnd.nextDouble(0, 12)))
              .build();
        })
        .corner(StepPoint.builder().put("L", 2).put("z", new double[] {1, 0}).put("q", new double[] {1, 1}).put("s", 1e-6).build())
        .corner(StepPoint.builder().put("L", 3).put("z", new double[] {0, 2}).put("q", new double[] {1, 1}).put("s", 1e-9).build())
        .corner(StepPoint.builder().put("L", 2).put("z", new double[] {1}).put("q", new double[] {1}).put("s", 1).build())
        .assumptions(p -> {
          double[] z = p.vec("z");
          double[] q = p.vec("q");
          if (z.length != q.length) {
            return Optional.of("z, x~0 of one size");
          }
          for (int i = 0; i < z.length; i++) {
            if (!(z[i] >= 0) || !(q[i] > 0)) {
              return Optional.of("z >= 0 (z in S+), x~0 > 0");
            }
          }
          return Vectors.norm1(z) > 0 && p.get("s") > 0 && p.get("s") <= 1 && p.integer("L") >= 2 ? Optional.empty()
              : Optional.of("z not identically zero, 0 < s <= 1, L >= 2");
        })
        .fixed("L")
        .note("the limit in quantitative form along x~ = s x~0, s -> 0: D_F(z, s x~0) - D_F(z, x~0) >= (1/2) log(1/s) <z, 1> - "
            + "(1/2) <x~0, 1> (L = 2) or (s^(2/L-1) - 1)/(L-2) <x~0^(2/L-1), z> - (1/2) <x~0^(2/L), 1> (L > 2): the last term's "
            + "growth, unbounded as s -> 0 because z >= 0, z != 0, minus a bound on the others; so some t_k has D_F(z, x~(t_k)) > "
            + "D_F(z, x~0). D_F is (51) with F of (53)")
        .note("'all terms except the last one converge to zero' is loose: the z terms are constant (they do not depend on x~); "
            + "what the argument needs, and what is checked, is that they stay bounded")
        .build());
    return out;
  }
}
