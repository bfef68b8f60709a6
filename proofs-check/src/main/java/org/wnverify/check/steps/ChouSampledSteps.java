package org.wnverify.check.steps;

import static org.wnverify.check.steps.SampledStep.Relation.GE;
import static org.wnverify.check.steps.SampledStep.Relation.LE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wnverify.numeric.linalg.ColumnSubmatrices;
import org.wnverify.numeric.linalg.KernelProjector;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The displayed inequalities and "hence" steps of the proofs of Chou, Rauhut, Ward, Section 3
 * (000_5b7b2fae69929679.txt), checked on sampled states by {@link SampledStep}. Each display is
 * quoted as printed; the state space is the proof's at that line (its standing assumptions, the
 * bounds it has named, e.g. B1 of (46)), and the corners put those bounds at their tightest value,
 * where an inequality that is off by a constant fails first.
 */
final class ChouSampledSteps {
  private ChouSampledSteps() {}

  private static final String SRC = "000_5b7b2fae69929679.txt";
  /**
   * Below this a smallest singular value (sigma_min(A_I) here, lambda_min(AA^T) in Wu's steps)
   * counts as rank deficient: the entries of A are O(1) draws, whose rank-deficient cases have
   * singular values at rounding level (1e-15), far below 1e-8.
   */
  static final double RANK_TOL = 1e-8;

  static String loc(String where, String lines) {
    return "Chou, Rauhut, Ward, " + where + " (" + SRC + ", lines " + lines + ")";
  }

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.addAll(lemma36());
    s.addAll(lemma312());
    return s;
  }

  // --- shared state helpers --------------------------------------------------------------------

  static double[] unit(double[] u) {
    return Vectors.scale(1.0 / Vectors.norm(u), u);
  }

  static double[] gaussian(SplittableRandom rnd, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = gauss(rnd);
    }
    return v;
  }

  static double gauss(SplittableRandom rnd) {
    double u1 = rnd.nextDouble(1e-12, 1.0);
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }

  static double[][] matrix(SplittableRandom rnd, int m, int n) {
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      a[i] = gaussian(rnd, n);
    }
    return a;
  }

  /** P_A y = y - (I - P_A) y. */
  static double[] rowSpace(double[][] a, double[] y) {
    return Vectors.subtract(y, KernelProjector.of(a).apply(y));
  }

  static double[] pow(double[] v, double e) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = Math.pow(v[i], e);
    }
    return o;
  }

  static double[] log(double[] v) {
    double[] o = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      o[i] = Math.log(v[i]);
    }
    return o;
  }

  static int[] indices(double[] mask) {
    return java.util.stream.IntStream.range(0, mask.length).filter(i -> mask[i] > 0.5).toArray();
  }

  // --- Lemma 3.6 -------------------------------------------------------------------------------

  /** x = r u/||u||, the WN point of Lemma 3.6 (||u0|| = 1 there, so u is normalised here). */
  private static double[] x36(StepPoint p) {
    return Vectors.scale(p.get("r"), unit(p.vec("u")));
  }

  /** (22): grad L(x) = [A^T (A x^L - b)] .* x^(L-1). */
  private static double[] grad22(StepPoint p, double[] x) {
    int m = p.integer("M");
    int n = p.integer("N");
    int depth = p.integer("L");
    double[][] a = p.mat("A", m, n);
    double[] res = residual(p, x);
    double[] g = new double[n];
    for (int k = 0; k < n; k++) {
      double s = 0;
      for (int i = 0; i < m; i++) {
        s += a[i][k] * res[i];
      }
      g[k] = s * Math.pow(x[k], depth - 1);
    }
    return g;
  }

  private static double[] residual(StepPoint p, double[] x) {
    int m = p.integer("M");
    int n = p.integer("N");
    return Vectors.subtract(Vectors.multiply(p.mat("A", m, n), pow(x, p.integer("L"))), p.vec("b"));
  }

  /** A_I^T v. */
  private static double[] restrictedTranspose(StepPoint p, double[] v) {
    int m = p.integer("M");
    int n = p.integer("N");
    double[][] a = p.mat("A", m, n);
    int[] idx = indices(p.vec("I"));
    double[] o = new double[idx.length];
    for (int j = 0; j < idx.length; j++) {
      for (int i = 0; i < m; i++) {
        o[j] += a[i][idx[j]] * v[i];
      }
    }
    return o;
  }

  private static double sigmaMin(StepPoint p) {
    return ColumnSubmatrices.smallestSingularValue(p.mat("A", p.integer("M"), p.integer("N")), indices(p.vec("I")));
  }

  private static double sigmaMax(StepPoint p) {
    double[][] ai = ColumnSubmatrices.select(p.mat("A", p.integer("M"), p.integer("N")), indices(p.vec("I")));
    return PseudoInverse.of(ai).singularValues()[0];
  }

  /** g^T (eta_r P_u + eta_u r^2 (I - P_u)) g with ||u|| = 1, or with the two weights given. */
  private static double quad(double[] g, double[] u, double wu, double wperp) {
    double ug = Vectors.dot(u, g);
    double gg = Vectors.dot(g, g);
    return wu * ug * ug + wperp * (gg - ug * ug);
  }

  /**
   * A state of Lemma 3.6: dims M, N, depth L, A, b, u (unit after normalising), r, the rates and
   * the constants c_r <= eta_r, c_u <= eta_u, c_x <= min_{i in I} |x_i|, the index set I as a 0/1
   * mask. With probability 1/2 each constant sits at its bound (the corner where the proof's
   * inequalities are tight).
   */
  private static StepPoint draw36(SplittableRandom rnd) {
    int m = 1 + rnd.nextInt(3);
    int n = 2 + rnd.nextInt(3);
    int depth = 1 + rnd.nextInt(4);
    double[] u = unit(gaussian(rnd, n));
    double r = rnd.nextDouble(0.1, 3);
    double[] mask = new double[n];
    while (indices(mask).length == 0) {
      for (int i = 0; i < n; i++) {
        mask[i] = rnd.nextBoolean() ? 1 : 0;
      }
    }
    double minx = Double.POSITIVE_INFINITY;
    for (int i : indices(mask)) {
      minx = Math.min(minx, Math.abs(r * u[i]));
    }
    double etaR = rnd.nextDouble(0.05, 3);
    double etaU = rnd.nextDouble(0.05, 3);
    return StepPoint.builder().put("M", m).put("N", n).put("L", depth).put("A", matrix(rnd, m, n))
        .put("b", gaussian(rnd, m)).put("u", u).put("r", r).put("etaR", etaR).put("etaU", etaU)
        .put("cr", etaR * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.2, 1)))
        .put("cu", etaU * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.2, 1)))
        .put("cx", minx * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.2, 1)))
        .put("I", mask).build();
  }

  /** Corners of Lemma 3.6: |I| < M and |I| >= M, x_I at c_x > 1 and < 1, weights at their bounds. */
  private static List<StepPoint> corners36() {
    List<StepPoint> c = new ArrayList<>();
    // M = N = 1: P_u = 1, and with eta_r <= eta_u r^2, c_r = eta_r, c_x = |x| > 1 every inequality of the proof is tight.
    c.add(StepPoint.builder().put("M", 1).put("N", 1).put("L", 2).put("A", new double[][] {{2}}).put("b", new double[] {1})
        .put("u", new double[] {1}).put("r", 1.5).put("etaR", 1).put("etaU", 1).put("cr", 1).put("cu", 1).put("cx", 1.5)
        .put("I", new double[] {1}).build());
    // M = 2, N = 1, I = {1}: A_I = (1, 0)^T has full (column) rank 1 < M; the residual has a part in ker A_I^T.
    c.add(StepPoint.builder().put("M", 2).put("N", 1).put("L", 2).put("A", new double[][] {{1}, {0}}).put("b", new double[] {0, 1})
        .put("u", new double[] {1}).put("r", 1.5).put("etaR", 1).put("etaU", 1).put("cr", 1).put("cu", 1).put("cx", 1.5)
        .put("I", new double[] {1}).build());
    // M = 2, N = 2, I = {1}: A_I is one column of full (column) rank; b = 0 so r is along A x^L.
    c.add(StepPoint.builder().put("M", 2).put("N", 2).put("L", 2).put("A", new double[][] {{1, 0}, {0, 1}})
        .put("b", new double[] {0, 1}).put("u", unit(new double[] {1, 1})).put("r", 2).put("etaR", 1).put("etaU", 1)
        .put("cr", 1).put("cu", 1).put("cx", Math.sqrt(2)).put("I", new double[] {1, 0}).build());
    // M = 1, N = 3, I = {1, 2}, c_x = |x_i| exactly, x_I > 1, the third entry tiny.
    double[] u = unit(new double[] {1, 1, 1e-3});
    c.add(StepPoint.builder().put("M", 1).put("N", 3).put("L", 3).put("A", new double[][] {{1, -2, 0.5}})
        .put("b", new double[] {-1}).put("u", u).put("r", 3).put("etaR", 0.5).put("etaU", 2)
        .put("cr", 0.5).put("cu", 2).put("cx", 3 * u[0]).put("I", new double[] {1, 1, 0}).build());
    // M = 1, N = 2, L = 1, x_I < 1 exactly at c_x, eta_u r^2 < eta_r.
    double[] v = unit(new double[] {0.2, 1});
    c.add(StepPoint.builder().put("M", 1).put("N", 2).put("L", 1).put("A", new double[][] {{2, 1}})
        .put("b", new double[] {1}).put("u", v).put("r", 0.5).put("etaR", 2).put("etaU", 0.3)
        .put("cr", 2).put("cu", 0.3).put("cx", 0.5 * v[0]).put("I", new double[] {1, 1}).build());
    return c;
  }

  /** Lemma 3.6's standing assumptions: eta_r >= c_r > 0, eta_u >= c_u > 0, |x_i| >= c_x > 0 on I. */
  private static Optional<String> assume36(StepPoint p, boolean rankM) {
    if (!(p.get("cr") > 0 && p.get("etaR") >= p.get("cr"))) {
      return Optional.of("eta_r >= c_r > 0");
    }
    if (!(p.get("cu") > 0 && p.get("etaU") >= p.get("cu"))) {
      return Optional.of("eta_u >= c_u > 0");
    }
    if (!(p.get("r") > 0) || !(p.get("cx") > 0)) {
      return Optional.of("r > 0, c_x > 0");
    }
    double[] x = x36(p);
    int[] idx = indices(p.vec("I"));
    if (idx.length == 0) {
      return Optional.of("I nonempty");
    }
    for (int i : idx) {
      if (Math.abs(x[i]) < p.get("cx")) {
        return Optional.of("|x_I| >= c_x");
      }
    }
    double smin = sigmaMin(p);
    if (smin < RANK_TOL) {
      return Optional.of("A_I of full rank");
    }
    if (rankM && idx.length < p.integer("M")) {
      return Optional.of("rank(A_I) = M");
    }
    return Optional.empty();
  }

  private static double min(double a, double b) {
    return Math.min(a, b);
  }

  private static List<SampledStep> lemma36() {
    List<SampledStep> out = new ArrayList<>();
    String lem = "proof of Lemma 3.6";
    String[] dims = {"M", "N", "L", "I"};

    out.add(SampledStep.inequality("chou/lemma-3.5#step-2", loc("proof of Lemma 3.5", "791-801"),
            "d_t L~(r,u) = -eta_r ||grad_r L~(r,u)||_2^2 - eta_u ||grad_u L~(r,u)||_2^2 <= 0")
        .printed(ChouSampledSteps::dtLoss, LE, p -> 0)
        .flippedControl()
        .control("<= -(eta_r + eta_u r^2) ||grad L(x)||^2 (max of the two rates for their min)", ChouSampledSteps::dtLoss, LE,
            p -> -(p.get("etaR") + p.get("etaU") * sq(p.get("r"))) * normSq(g36(p)))
        .sampler(ChouSampledSteps::draw36).corners(corners36()).assumptions(p -> assume36(p, false)).fixed(dims)
        .note("the equality is chou/lemma-3.5#step-1 (symbolic); the left side here is -grad L^T (eta_r P_u + eta_u r^2 (I - P_u)) "
            + "grad L of chou/lemma-3.6#step-1 at ||u|| = 1, for eta_r, eta_u > 0")
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.6#step-2", loc(lem, "845-859"),
            "-eta_r ||grad_r L~(r,u)||_2^2 - eta_u ||grad_u L~(r,u)||_2^2 = -grad L(x)^T (eta_r P_u + eta_u r^2 (I - P_u)) "
                + "grad L(x) <= -min(eta_r, eta_u r^2) ||grad L(x)||_2^2")
        .printed(p -> -quad(g36(p), unit(p.vec("u")), p.get("etaR"), p.get("etaU") * sq(p.get("r"))), LE,
            p -> -min(p.get("etaR"), p.get("etaU") * sq(p.get("r"))) * Vectors.dot(g36(p), g36(p)))
        .flippedControl()
        .control("max in place of min", p -> -quad(g36(p), unit(p.vec("u")), p.get("etaR"), p.get("etaU") * sq(p.get("r"))),
            LE, p -> -Math.max(p.get("etaR"), p.get("etaU") * sq(p.get("r"))) * Vectors.dot(g36(p), g36(p)))
        .control("eta_u r in place of eta_u r^2 in the min",
            p -> -quad(g36(p), unit(p.vec("u")), p.get("etaR"), p.get("etaU") * sq(p.get("r"))),
            LE, p -> -min(p.get("etaR"), p.get("etaU") * p.get("r")) * Vectors.dot(g36(p), g36(p)))
        .sampler(ChouSampledSteps::draw36).corners(corners36()).assumptions(p -> assume36(p, false)).fixed(dims)
        .note("the equality is chou/lemma-3.6#step-1 (symbolic); this is the inequality of its second line, "
            + "since P_u and I - P_u are complementary orthogonal projectors")
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.6#step-3", loc(lem, "861-862"),
            "eta_r >= c_r, eta_u >= c_u, |x| >= c_x on [t0, T], then r^2 = ||x||_2^2 >= |I| c_x^2")
        .printed(p -> Vectors.dot(x36(p), x36(p)), GE, p -> indices(p.vec("I")).length * sq(p.get("cx")))
        .flippedControl()
        .control("N c_x^2 in place of |I| c_x^2", p -> Vectors.dot(x36(p), x36(p)), GE,
            p -> p.integer("N") * sq(p.get("cx")))
        .control("|I| c_x in place of |I| c_x^2", p -> Vectors.dot(x36(p), x36(p)), GE,
            p -> indices(p.vec("I")).length * p.get("cx"))
        .sampler(ChouSampledSteps::draw36).corners(corners36()).assumptions(p -> assume36(p, false)).fixed(dims)
        .note("|x| >= c_x read on the index set I, as in the statement (|x_I| >= c_x); on all of [N] it is the special case I = [N]")
        .build());

    out.add(SampledStep.hence("chou/lemma-3.6#step-4", loc(lem, "862-876"),
            "and hence min(eta_r, eta_u r^2) >= min(c_r, c_u |I| c_x^2)")
        .printed(p -> min(p.get("etaR"), p.get("etaU") * sq(p.get("r"))), GE,
            p -> min(p.get("cr"), p.get("cu") * indices(p.vec("I")).length * sq(p.get("cx"))))
        .flippedControl()
        .control("c_u N c_x^2 in place of c_u |I| c_x^2", p -> min(p.get("etaR"), p.get("etaU") * sq(p.get("r"))), GE,
            p -> min(p.get("cr"), p.get("cu") * p.integer("N") * sq(p.get("cx"))))
        .control("max in place of min on the right", p -> min(p.get("etaR"), p.get("etaU") * sq(p.get("r"))), GE,
            p -> Math.max(p.get("cr"), p.get("cu") * indices(p.vec("I")).length * sq(p.get("cx"))))
        .sampler(ChouSampledSteps::draw36).corners(corners36()).assumptions(p -> assume36(p, false)).fixed(dims)
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.6#step-5", loc(lem, "880-881"),
            "||grad L(x)||_2^2 >= c_x^(2L-2) ||A|_I^T (A x^L - b)||_2^2")
        .printed(p -> Vectors.dot(g36(p), g36(p)), GE, p -> Math.pow(p.get("cx"), 2 * p.get("L") - 2) * normSq(atI(p)))
        .flippedControl()
        .control("c_x^(2L) in place of c_x^(2L-2)", p -> Vectors.dot(g36(p), g36(p)), GE,
            p -> Math.pow(p.get("cx"), 2 * p.get("L")) * normSq(atI(p)))
        .control("A^T in place of A|_I^T", p -> Vectors.dot(g36(p), g36(p)), GE,
            p -> Math.pow(p.get("cx"), 2 * p.get("L") - 2) * normSq(Vectors.multiply(transpose(p), residual(p, x36(p)))))
        .sampler(ChouSampledSteps::draw36).corners(corners36()).assumptions(p -> assume36(p, false)).fixed(dims)
        .build());

    String d6 = "c_x^(2L-2) ||A|_I^T (A x^L - b)||_2^2 >= c_x^(2L-2) sigma_min^2(A|_I) ||A x^L - b||_2^2 "
        + "(\"If A_I has full rank\")";
    out.add(step6(SampledStep.inequality("chou/lemma-3.6#step-6", loc(lem, "883-886"), d6), false)
        .note("FINDING (proof step): with A_I of full rank min(M, |I|) and |I| < M, A|_I^T has a kernel in R^M, and a residual "
            + "A x^L - b in it makes the left side 0 < the right side; the step needs rank(A_I) = M "
            + "(chou/lemma-3.6#step-6-corrected)")
        .note("affects the statement under the same reading: chou/lemma-3.6 checks (30) and needs rank(A_I) = M as well")
        .build());
    out.add(step6(SampledStep.inequality("chou/lemma-3.6#step-6-corrected", loc(lem + " (rank(A_I) = M)", "883-886"),
        d6.replace("(\"If A_I has full rank\")", "with rank(A_I) = M")), true).build());

    String d8 = "d_t L(x) <= -min(c_r, |I| c_u c_x^2) 2L c_x^(2L-2) sigma_min^2(A|_I) L(x)";
    out.add(step8(SampledStep.hence("chou/lemma-3.6#step-8", loc(lem + ", putting together the estimates", "891-901"),
        d8), false)
        .note("FINDING (proof step): fails where step-6 fails (|I| < M); chou/lemma-3.6#step-8-corrected holds with rank(A_I) = M")
        .note("affects the statement as step-6 does: (30) needs rank(A_I) = M (chou/lemma-3.6)")
        .build());
    out.add(step8(SampledStep.hence("chou/lemma-3.6#step-8-corrected",
        loc(lem + ", putting together the estimates (rank(A_I) = M)", "891-901"), d8 + " with rank(A_I) = M"), true).build());
    return out;
  }

  private static SampledStep.Builder step6(SampledStep.Builder b, boolean rankM) {
    return b.printed(p -> cpow(p) * normSq(atI(p)), GE, p -> cpow(p) * sq(sigmaMin(p)) * normSq(residual(p, x36(p))))
        .flippedControl()
        .control("sigma_max in place of sigma_min", p -> cpow(p) * normSq(atI(p)), GE,
            p -> cpow(p) * sq(sigmaMax(p)) * normSq(residual(p, x36(p))))
        .sampler(ChouSampledSteps::draw36)
        .corners(corners36().stream().filter(c -> assume36(c, rankM).isEmpty()).toList()).assumptions(p -> assume36(p, rankM))
        .fixed("M", "N", "L", "I");
  }

  /** d_t L~ along (13)-(14) from (23), (24): -eta_r (u^T g)^2 - eta_u r^2 ||(I - P_u) g||^2 at ||u|| = 1. */
  private static SampledStep.Builder step8(SampledStep.Builder b, boolean rankM) {
    return b.printed(ChouSampledSteps::dtLoss, LE, p -> -rate36(p, 2 * p.get("L")) * loss(p))
        .flippedControl()
        .control("2L c_x^(2L) in place of 2L c_x^(2L-2) (wrong exponent)", ChouSampledSteps::dtLoss, LE,
            p -> -rate36(p, 2 * p.get("L") + 2) * loss(p))
        .control("4L in place of 2L (wrong constant)", ChouSampledSteps::dtLoss, LE, p -> -2 * rate36(p, 2 * p.get("L")) * loss(p))
        .sampler(ChouSampledSteps::draw36)
        .corners(corners36().stream().filter(c -> assume36(c, rankM).isEmpty()).toList()).assumptions(p -> assume36(p, rankM))
        .fixed("M", "N", "L", "I");
  }

  /** min(c_r, |I| c_u c_x^2) 2L c_x^(e-2) sigma_min^2(A_I) (e = 2L as printed). */
  private static double rate36(StepPoint p, double e) {
    int card = indices(p.vec("I")).length;
    return min(p.get("cr"), card * p.get("cu") * sq(p.get("cx"))) * 2 * p.get("L") * Math.pow(p.get("cx"), e - 2)
        * sq(sigmaMin(p));
  }

  private static double dtLoss(StepPoint p) {
    double[] g = g36(p);
    return -quad(g, unit(p.vec("u")), p.get("etaR"), p.get("etaU") * sq(p.get("r")));
  }

  /** (10): L(x) = ||A x^L - b||^2 / (2L). */
  private static double loss(StepPoint p) {
    return normSq(residual(p, x36(p))) / (2 * p.get("L"));
  }

  private static double cpow(StepPoint p) {
    return Math.pow(p.get("cx"), 2 * p.get("L") - 2);
  }

  private static double[] g36(StepPoint p) {
    return grad22(p, x36(p));
  }

  private static double[] atI(StepPoint p) {
    return restrictedTranspose(p, residual(p, x36(p)));
  }

  private static double[][] transpose(StepPoint p) {
    int m = p.integer("M");
    int n = p.integer("N");
    double[][] a = p.mat("A", m, n);
    double[][] t = new double[n][m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        t[k][i] = a[i][k];
      }
    }
    return t;
  }

  static double sq(double v) {
    return v * v;
  }

  static double normSq(double[] v) {
    return Vectors.dot(v, v);
  }

  // --- Lemma 3.12 ------------------------------------------------------------------------------

  /** log r~ = r^2/(2 eta~). */
  private static double logRt(StepPoint p) {
    return sq(p.get("r")) / (2 * p.get("eta"));
  }

  private static double[] u312(StepPoint p) {
    return unit(p.vec("u"));
  }

  /** ||P_A (r u)^L||_inf: the tightest B1 of (46). */
  private static double b1Tight(StepPoint p, int depth) {
    double[][] a = p.mat("A", p.integer("M"), p.integer("N"));
    return Vectors.normInf(rowSpace(a, pow(Vectors.scale(p.get("r"), u312(p)), depth)));
  }

  /** ||(I - P_A) (47)||_inf with (47) = r~ u (L = 1) or log(r~ u) (L = 2): the tightest B2. */
  private static double b2Tight(StepPoint p, int depth) {
    double[][] a = p.mat("A", p.integer("M"), p.integer("N"));
    double[] v = depth == 1 ? Vectors.scale(Math.exp(logRt(p)), u312(p)) : shift(log(u312(p)), logRt(p));
    return Vectors.normInf(KernelProjector.of(a).apply(v));
  }

  private static double[] shift(double[] v, double s) {
    double[] o = v.clone();
    for (int i = 0; i < o.length; i++) {
      o[i] += s;
    }
    return o;
  }

  /**
   * A state of Lemma 3.12: A (M x N), u > 0 of unit norm, r > 0, eta~ > 0 and the bounds B1 >= the
   * left of (46), B2 >= the ell-infinity norm of (I - P_A)(47) at depth L; half the draws put B1, B2
   * at those norms exactly (the proof's "for some B1, B2", at their tightest).
   */
  private static StepPoint.Builder draw312(SplittableRandom rnd, int depth) {
    int m = 1 + rnd.nextInt(2);
    int n = m + 1 + rnd.nextInt(3);
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = rnd.nextBoolean() ? rnd.nextDouble(1e-3, 1) : rnd.nextDouble(0.1, 1);
    }
    StepPoint base = StepPoint.builder().put("M", m).put("N", n).put("A", matrix(rnd, m, n)).put("u", unit(u))
        .put("r", rnd.nextDouble(0.05, 3)).put("eta", rnd.nextDouble(0.2, 3)).build();
    return base.toBuilder().put("B1", b1Tight(base, depth) * (rnd.nextBoolean() ? 1 : rnd.nextDouble(1, 2)))
        .put("B2", b2Tight(base, depth) * (rnd.nextBoolean() ? 1 : rnd.nextDouble(1, 2)));
  }

  private static StepPoint tight312(int m, int n, double[][] a, double[] u, double r, double eta, int depth) {
    StepPoint base = StepPoint.builder().put("M", m).put("N", n).put("A", a).put("u", unit(u)).put("r", r).put("eta", eta).build();
    return base.toBuilder().put("B1", b1Tight(base, depth)).put("B2", b2Tight(base, depth)).build();
  }

  /** Corners: u near a coordinate vector (one entry near 0), u = 1/sqrt(N) (the equality case of ||u||_1 <= sqrt N ||u||_2). */
  private static List<StepPoint> corners312(int depth) {
    double[][] a = {{1, -1, 0}};
    return List.of(
        tight312(1, 3, a, new double[] {1, 1, 1}, 1, 1, depth),
        tight312(1, 3, a, new double[] {1, 1e-3, 1e-3}, 2, 0.5, depth),
        tight312(1, 2, new double[][] {{1, 1}}, new double[] {1, 1}, 0.3, 2, depth),
        tight312(2, 3, new double[][] {{1, 0, 1}, {0, 1, -1}}, new double[] {0.2, 1, 0.6}, 1.5, 1, depth));
  }

  /** Lemma 3.12's standing assumptions at the displays: u > 0, r > 0, eta~ > 0 and the bounds (46), (47) at depth L. */
  private static Optional<String> assume312(StepPoint p, int depth) {
    for (double v : p.vec("u")) {
      if (!(v > 0)) {
        return Optional.of("u > 0");
      }
    }
    if (!(p.get("r") > 0 && p.get("eta") > 0)) {
      return Optional.of("r > 0, eta~ > 0");
    }
    if (!(p.get("B1") >= b1Tight(p, depth) * (1 - 1e-12))) {
      return Optional.of("(46): ||P_A (r u)^L||_inf <= B1");
    }
    if (!(p.get("B2") >= b2Tight(p, depth) * (1 - 1e-12))) {
      return Optional.of("(47): ||(I - P_A) (47)||_inf <= B2");
    }
    return Optional.empty();
  }

  private static double rt(StepPoint p) {
    return Math.exp(logRt(p));
  }

  private static double innerL1(StepPoint p) {
    return Vectors.dot(Vectors.scale(p.get("r"), u312(p)), Vectors.scale(rt(p), u312(p)));
  }

  /** <(r u)^2, log(r~ u)>. */
  private static double innerL2(StepPoint p) {
    return Vectors.dot(pow(Vectors.scale(p.get("r"), u312(p)), 2), shift(log(u312(p)), logRt(p)));
  }

  private static double xiLogXi(double xi) {
    return xi == 0 ? 0 : xi * xi * Math.log(xi);
  }

  private static List<SampledStep> lemma312() {
    List<SampledStep> out = new ArrayList<>();
    String l1 = "proof of Lemma 3.12, case L = 1";
    String l2 = "proof of Lemma 3.12, case L = 2";
    SampledStep.Sampler s1 = rnd -> draw312(rnd, 1).build();
    SampledStep.Sampler s2 = rnd -> draw312(rnd, 2).build();
    String[] dims = {"M", "N"};

    out.add(SampledStep.inequality("chou/lemma-3.12#step-4", loc(l1, "1754-1756"),
            "<ru, r~u> = <P_A ru, r~u> + <ru, (I - P_A) r~u> <= B1 ||r~u||_1 + B2 ||ru||_1")
        .printed(ChouSampledSteps::innerL1, LE,
            p -> p.get("B1") * Vectors.norm1(Vectors.scale(rt(p), u312(p))) + p.get("B2") * Vectors.norm1(Vectors.scale(p.get("r"), u312(p))))
        .flippedControl()
        .control("B1 ||r~u||_2 + B2 ||ru||_2 in place of the 1-norms", ChouSampledSteps::innerL1, LE,
            p -> p.get("B1") * rt(p) + p.get("B2") * p.get("r"))
        .control("B2 dropped", ChouSampledSteps::innerL1, LE, p -> p.get("B1") * Vectors.norm1(Vectors.scale(rt(p), u312(p))))
        .sampler(s1).corners(corners312(1)).assumptions(p -> assume312(p, 1)).fixed(dims)
        .note("u normalised (||u|| = 1 by Lemma 3.2); B1 bounds (46) at L = 1, B2 bounds (I - P_A) r~u of (47) at L = 1")
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.12#step-5", loc(l1, "1757-1768"),
            "= (B1 r~ + B2 r) ||u||_1 <= (B1 r~ + B2 r) sqrt(N), since ||u||_1 <= sqrt(N) ||u||_2 = sqrt(N)")
        .printed(p -> (p.get("B1") * rt(p) + p.get("B2") * p.get("r")) * Vectors.norm1(u312(p)), LE,
            p -> (p.get("B1") * rt(p) + p.get("B2") * p.get("r")) * Math.sqrt(p.get("N")))
        .flippedControl()
        .control("N^(1/4) in place of sqrt(N)", p -> (p.get("B1") * rt(p) + p.get("B2") * p.get("r")) * Vectors.norm1(u312(p)), LE,
            p -> (p.get("B1") * rt(p) + p.get("B2") * p.get("r")) * Math.pow(p.get("N"), 0.25))
        .sampler(s1).corners(corners312(1)).assumptions(p -> assume312(p, 1)).fixed(dims)
        .build());

    out.add(SampledStep.hence("chou/lemma-3.12#step-6", loc(l1 + ", we have", "1770-1796"),
            "r exp(r^2/(2 eta~)) <= (B1 exp(r^2/(2 eta~)) + B2 r) sqrt(N)")
        .printed(p -> p.get("r") * rt(p), LE, p -> (p.get("B1") * rt(p) + p.get("B2") * p.get("r")) * Math.sqrt(p.get("N")))
        .flippedControl()
        .control("exp(r^2/eta~) on the left (wrong constant)", p -> p.get("r") * Math.exp(2 * logRt(p)), LE,
            p -> (p.get("B1") * rt(p) + p.get("B2") * p.get("r")) * Math.sqrt(p.get("N")))
        .sampler(s1).corners(corners312(1)).assumptions(p -> assume312(p, 1)).fixed(dims)
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.12#step-7", loc(l2, "1813-1814"), "xi^2 log(xi) >= -1/(2e) for all xi >= 0")
        .printed(p -> xiLogXi(p.get("xi")), GE, p -> -1 / (2 * Math.E))
        .flippedControl()
        .control("-1/(4e) in place of -1/(2e)", p -> xiLogXi(p.get("xi")), GE, p -> -1 / (4 * Math.E))
        .control("-1/e^2 in place of -1/(2e)", p -> xiLogXi(p.get("xi")), GE, p -> -1 / (Math.E * Math.E))
        .sampler(rnd -> StepPoint.builder().put("xi", rnd.nextBoolean() ? rnd.nextDouble(0, 2) : rnd.nextDouble(0.55, 0.66)).build())
        .corner(StepPoint.builder().put("xi", 0).build()).corner(StepPoint.builder().put("xi", Math.exp(-0.5)).build())
        .corner(StepPoint.builder().put("xi", 1).build())
        .assumptions(p -> p.get("xi") >= 0 ? Optional.empty() : Optional.of("xi >= 0"))
        .note("xi^2 log(xi) at xi = 0 is its limit 0; the minimum -1/(2e) is attained at xi = exp(-1/2), a corner")
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.12#eq-48", loc(l2 + ", eq. (48)", "1816-1823"),
            "<(ru)^2, log(r~u)> >= r^2 (log(r~) - N/(2e))")
        .printed(ChouSampledSteps::innerL2, GE, p -> sq(p.get("r")) * (logRt(p) - p.get("N") / (2 * Math.E)))
        .flippedControl()
        .control("N/(4e) in place of N/(2e)", ChouSampledSteps::innerL2, GE,
            p -> sq(p.get("r")) * (logRt(p) - p.get("N") / (4 * Math.E)))
        .control("r^2 log(r~) (the N/(2e) dropped)", ChouSampledSteps::innerL2, GE, p -> sq(p.get("r")) * logRt(p))
        .sampler(s2).corners(corners312(2)).assumptions(p -> assume312(p, 2)).fixed(dims)
        .note("from the identity chou/lemma-3.12#step-2 and xi^2 log(xi) >= -1/(2e) (chou/lemma-3.12#step-7) summed over the N entries")
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.12#step-8", loc(l2 + ", the upper bound", "1824-1840"),
            "<(ru)^2, log(r~u)> = <P_A (ru)^2, P_A log(r~u)> + <(ru)^2, (I - P_A) log(r~u)> "
                + "<= B1 ||P_A log(r~u)||_1 + B2 ||(ru)^2||_1")
        .printed(ChouSampledSteps::innerL2, LE, p -> p.get("B1") * Vectors.norm1(pAlog(p)) + p.get("B2") * Vectors.norm1(pow(Vectors.scale(p.get("r"), u312(p)), 2)))
        .flippedControl()
        .control("B2 dropped", ChouSampledSteps::innerL2, LE, p -> p.get("B1") * Vectors.norm1(pAlog(p)))
        .sampler(s2).corners(corners312(2)).assumptions(p -> assume312(p, 2)).fixed(dims)
        .note("B1 bounds (46) at L = 2, B2 bounds (I - P_A) log(r~u) of (47) at L = 2")
        .build());

    out.add(SampledStep.inequality("chou/lemma-3.12#step-9", loc(l2 + ", the upper bound", "1840-1846"),
            "= B1 ||log(r~) P_A 1 + P_A log(u)||_1 + B2 r^2 ||u||_2^2 <= B1 log(r~) ||P_A 1||_1 + B1 ||P_A log(u)||_1 + B2 r^2")
        .printed(p -> p.get("B1") * Vectors.norm1(pAlog(p)) + p.get("B2") * sq(p.get("r")), LE,
            p -> p.get("B1") * logRt(p) * Vectors.norm1(pA(p, ones(p.integer("N")))) + p.get("B1") * Vectors.norm1(pA(p, log(u312(p))))
                + p.get("B2") * sq(p.get("r")))
        .flippedControl()
        .control("B1 ||P_A log(u)||_1 dropped", p -> p.get("B1") * Vectors.norm1(pAlog(p)) + p.get("B2") * sq(p.get("r")), LE,
            p -> p.get("B1") * logRt(p) * Vectors.norm1(pA(p, ones(p.integer("N")))) + p.get("B2") * sq(p.get("r")))
        .sampler(s2).corners(corners312(2)).assumptions(p -> assume312(p, 2)).fixed(dims)
        .note("the equality is log(r~u) = log(r~) 1 + log(u) and ||u|| = 1; the inequality is the triangle inequality with log r~ >= 0")
        .build());
    return out;
  }

  private static double[] ones(int n) {
    double[] o = new double[n];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  private static double[] pA(StepPoint p, double[] v) {
    return rowSpace(p.mat("A", p.integer("M"), p.integer("N")), v);
  }

  private static double[] pAlog(StepPoint p) {
    return pA(p, shift(log(u312(p)), logRt(p)));
  }
}
