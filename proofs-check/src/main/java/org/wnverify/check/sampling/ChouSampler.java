package org.wnverify.check.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.lp.LpResult;
import org.wnverify.numeric.lp.WeightedL1Program;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;
import org.wnverify.numeric.problem.InstanceGenerator;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;
import org.wnverify.numeric.problem.InstanceGenerator.Spec;

/**
 * Seeded sampler of instances satisfying the hypotheses of Theorem 2.2 (and hence of the lemmas),
 * cycling through the corners of the hypothesis region before drawing generic instances: r0
 * exactly at the printed bound, tiny r0, M = 1 / N = 2, sparse x*, small and large eta.
 *
 * <p>Three corners are built to reach a known failure of a printed statement, so that the audit
 * finds it on every seed rather than when a random draw happens to land there (they are still
 * instances meeting the printed hypotheses, checked by every claim before use):
 * {@link Corner#COLLAPSE} (the WN flow of Theorem 2.2 tends to the saddle x = 0),
 * {@link Corner#PRECONDITION_GAP} (Q between the printed precondition of Theorem 2.1 and the one
 * that makes eps of (17) positive) and {@link Corner#U0_ON_FACE} (u0 >= 0 with zero entries,
 * allowed by the statement of Lemma 3.19).
 */
public final class ChouSampler {
  /** The corners, in the order they are visited; index >= corners count gives generic draws. */
  public enum Corner {
    GENERIC, R0_AT_BOUND, TINY_R0, MINIMAL_DIMENSIONS, SPARSE_SOLUTION, SMALL_ETA, LARGE_ETA,
    UNIFORM_U0,
    /**
     * L = 2, eta = 1, u0 weighted towards the coordinates where A^T b < 0 and r0 small: near x = 0,
     * d/dt r ~ eta r sum_n (A^T b)_n u_n^2 < 0 decays exponentially before u can turn (it turns at
     * rate r^2), so the flow tends to the stationary point x = 0 although every printed hypothesis
     * of Theorem 2.2 holds (e.g. A = [1 -1], b = [1], r0 = 0.1, u0 = (0.6, 0.8), eta = 1).
     * Meets the hypotheses of Theorem 2.2.
     */
    COLLAPSE,
    /**
     * L >= 3, ||x0||^2 = beta1 > 1 and b scaled so that Q = min_{S+} ||z||_{w,1} lies between
     * c_L beta1^(2/L) (the printed precondition of Theorem 2.1) and c_L beta1 (where the
     * denominator 2 Q^g - L beta1^g of (17) changes sign). Meets the hypotheses of Theorem 2.2
     * (eta = r0^2 and b large enough that r0 <= ||A^+b||^(1/L)) and of Theorem 2.1.
     */
    PRECONDITION_GAP,
    /**
     * As PRECONDITION_GAP for the magnified bound (20) of Theorem 2.2: b scaled (by a fixed-point
     * iteration, since rho of (18) depends on ||A^+b||) so that Q lies between
     * c_L (rho^-L beta1)^(2/L) and c_L rho^-L beta1. Meets the hypotheses of Theorem 2.2.
     */
    PRECONDITION_GAP_RHO,
    /**
     * u0 >= 0 with ||u0|| = 1 but a single non-zero entry, on a column k with no solution of
     * A z = b, z >= 0 supported on {k}: the statement of Lemma 3.19 allows it (only r(0) > 0 and
     * ||u(0)|| = 1 are printed). Does NOT meet u0 > 0 (Theorem 2.2, Lemma 3.3).
     */
    U0_ON_FACE
  }

  /** The corners every claim visits by default: those meeting the hypotheses of Theorem 2.2. */
  public static final List<Corner> STANDARD_ORDER = List.of(Corner.GENERIC, Corner.R0_AT_BOUND,
      Corner.TINY_R0, Corner.MINIMAL_DIMENSIONS, Corner.SPARSE_SOLUTION, Corner.SMALL_ETA, Corner.LARGE_ETA,
      Corner.UNIFORM_U0, Corner.COLLAPSE);

  /**
   * The standard corners reordered for limit claims sampled at depths {2, 3}: the corners whose
   * flows are slow (tiny r0, small eta: u turns at speed ~ r x^(L-1)) come at even positions and
   * so at L = 2, where the flows still reach the loss threshold within the budget; at L = 3 they
   * pass the saddle at 0 polynomially slowly.
   */
  public static final List<Corner> LIMIT_ORDER = List.of(Corner.GENERIC, Corner.R0_AT_BOUND,
      Corner.TINY_R0, Corner.MINIMAL_DIMENSIONS, Corner.SMALL_ETA, Corner.SPARSE_SOLUTION, Corner.LARGE_ETA,
      Corner.UNIFORM_U0, Corner.COLLAPSE);

  /** The sampler of limit claims: depths 2 and 3, corners in {@link #LIMIT_ORDER}. */
  public static ChouSampler forLimits(SplittableRandom rng) {
    return new ChouSampler(rng, new int[] {2, 3}, R0Rule.INTERIOR, LIMIT_ORDER);
  }

  /**
   * r0 of the COLLAPSE corner as a fraction of the printed bound min(eta^(1/2), ||A^+b||^(1/2)):
   * the total turn of u before r has decayed is ~ r0^2 / (2 eta |s|), so a small r0 keeps u on
   * the collapsing side (the example of the brief has 0.1 / 0.84 = 0.12).
   */
  static final double COLLAPSE_R0_FRACTION = 0.1;
  /**
   * In the COLLAPSE corner the weight of the coordinates with (A^T b)_n >= 0 is chosen so that
   * s = sum_n (A^T b)_n u_n^2 keeps at least this fraction of its negative part.
   */
  static final double COLLAPSE_KEEP = 0.5;
  /** Largest weight of a coordinate with (A^T b)_n >= 0 in the COLLAPSE corner. */
  static final double COLLAPSE_MAX_WEIGHT = 0.3;
  /** r0 of the PRECONDITION_GAP corner: beta1 = ||x0||^2 = r0^2 must exceed 1. */
  static final double GAP_R0 = 1.5;
  /** Attempts to draw a PRECONDITION_GAP instance meeting the hypotheses of Theorem 2.2. */
  static final int GAP_ATTEMPTS = 50;
  /** Fixed-point iterations of the PRECONDITION_GAP_RHO scale (rho is flat near s = r0: a few suffice). */
  static final int GAP_ITERATIONS = 20;

  /** eta of the SMALL_ETA / LARGE_ETA corners: two decades either side of the neutral 1. */
  static final double SMALL_ETA = 1e-2;
  static final double LARGE_ETA = 1e2;

  private final SplittableRandom rng;
  private final int[] depths;
  private final R0Rule defaultRule;
  private final List<Corner> corners;
  private int drawn;

  /**
   * @param rng the claim's stream
   * @param depths the depths L to cycle through
   * @param defaultRule where r0 goes outside the r0 corners
   * @param corners the corners to visit first, in order
   */
  public ChouSampler(SplittableRandom rng, int[] depths, R0Rule defaultRule, List<Corner> corners) {
    this.rng = rng;
    this.depths = depths.clone();
    this.defaultRule = defaultRule;
    this.corners = List.copyOf(corners);
  }

  /** All corners in default order. */
  public static ChouSampler standard(SplittableRandom rng, int... depths) {
    return new ChouSampler(rng, depths, R0Rule.INTERIOR, STANDARD_ORDER);
  }

  public GeneratedInstance next() {
    int k = drawn++;
    Corner c = k < corners.size() ? corners.get(k) : Corner.GENERIC;
    int depth = depths[k % depths.length];
    int m = 1 + rng.nextInt(3);
    int n = m + 1 + rng.nextInt(3);
    int zeros = 0;
    boolean uniform = false;
    double eta = Math.exp(Math.log(0.1) + rng.nextDouble() * Math.log(100.0));
    R0Rule rule = defaultRule;
    switch (c) {
      case R0_AT_BOUND -> rule = defaultRule == R0Rule.PROOF_RANGE ? rule : R0Rule.AT_BOUND;
      case MINIMAL_DIMENSIONS -> {
        m = 1;
        n = 2;
      }
      case SPARSE_SOLUTION -> zeros = Math.max(1, n - m - 1 + rng.nextInt(2));
      case SMALL_ETA -> eta = SMALL_ETA;
      case LARGE_ETA -> eta = LARGE_ETA;
      case TINY_R0 -> rule = defaultRule == R0Rule.PROOF_RANGE ? rule : R0Rule.TINY;
      case UNIFORM_U0 -> uniform = true;
      case COLLAPSE -> {
        depth = 2;
        eta = 1.0;
      }
      case PRECONDITION_GAP, PRECONDITION_GAP_RHO -> {
        depth = Math.max(3, depth);
        m = 1;
        n = 2 + rng.nextInt(2);
      }
      default -> { }
    }
    zeros = Math.min(zeros, n - 1);
    String label = c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + k + "-L" + depth;
    GeneratedInstance g = switch (c) {
      case COLLAPSE -> collapsing(InstanceGenerator.generate(rng, new Spec(m, n, depth, zeros, false, eta, rule)));
      case PRECONDITION_GAP -> preconditionGap(rng, m, n, depth, false);
      case PRECONDITION_GAP_RHO -> preconditionGap(rng, m, n, depth, true);
      case U0_ON_FACE -> onFace(rng, InstanceGenerator.generate(rng, new Spec(m, n, depth, zeros, false, eta, rule)));
      default -> InstanceGenerator.generate(rng, new Spec(m, n, depth, zeros, uniform, eta, rule));
    };
    return new GeneratedInstance(g.instance(), g.kernelVector(), g.solution(), label);
  }

  /**
   * The COLLAPSE corner from a generated instance: b scaled to unit norm (the collapse runs on the
   * time scale 1/(eta |s|) with s proportional to b, so a tiny b would only make it slow), u0 and r0
   * replaced; A and eta kept.
   */
  static GeneratedInstance collapsing(GeneratedInstance g) {
    DiagonalNetInstance g0 = g.instance();
    double bScale = 1 / Vectors.norm(g0.b());
    DiagonalNetInstance p = new DiagonalNetInstance(g0.a(), Vectors.scale(bScale, g0.b()), g0.depth(), g0.r0(),
        g0.u0(), g0.eta());
    double[] grad = atb(p);
    double neg = 0;
    double pos = 0;
    for (double v : grad) {
      neg += Math.min(v, 0);
      pos += Math.max(v, 0);
    }
    // A v = 0 with v > 0 gives <v, A^T b> = 0, so A^T b != 0 has entries of both signs
    double w = pos > 0 ? Math.min(COLLAPSE_MAX_WEIGHT, Math.sqrt(COLLAPSE_KEEP * -neg / pos)) : COLLAPSE_MAX_WEIGHT;
    double[] u = new double[grad.length];
    for (int k = 0; k < u.length; k++) {
      u[k] = grad[k] < 0 ? 1.0 : w;
    }
    u = Vectors.scale(1 / Vectors.norm(u), u);
    double bound = ChouBounds.r0Bound(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), p.depth(), p.eta());
    DiagonalNetInstance q = new DiagonalNetInstance(p.a(), p.b(), p.depth(), COLLAPSE_R0_FRACTION * bound, u, p.eta());
    return new GeneratedInstance(q, g.kernelVector(), Vectors.scale(bScale, g.solution()), g.label());
  }

  private static double[] atb(DiagonalNetInstance p) {
    double[][] a = p.a();
    double[] b = p.b();
    double[] g = new double[p.columns()];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < g.length; k++) {
        g[k] += a[i][k] * b[i];
      }
    }
    return g;
  }

  /**
   * The PRECONDITION_GAP corner: x0 = r0 u0 with r0 = GAP_R0, b scaled so that Q sits at the
   * geometric mean of c_L beta1^(2/L) and c_L beta1, eta = r0^2. Redrawn until r0 <= ||A^+b||^(1/L).
   */
  static GeneratedInstance preconditionGap(SplittableRandom rng, int m, int n, int depth, boolean magnified) {
    GeneratedInstance last = null;
    for (int attempt = 0; attempt < GAP_ATTEMPTS; attempt++) {
      GeneratedInstance g = InstanceGenerator.generate(rng, new Spec(m, n, depth, 0, false, 1.0, R0Rule.INTERIOR));
      DiagonalNetInstance p = g.instance();
      double r0 = GAP_R0;
      double[] x0 = Vectors.scale(r0, p.u0());
      double[] w = Vectors.pow(x0, 2.0 - depth);
      LpResult q = WeightedL1Program.minimise(p.a(), p.b(), w);
      if (!q.optimal() || !(q.value() > 0)) {
        continue;
      }
      double beta1 = r0 * r0;
      double cl = ChouBounds.cL(depth);
      double target = cl * Math.pow(beta1, (2.0 / depth + 1) / 2);
      double scale = target / q.value();
      double pinv = PseudoInverse.minNormSolutionNorm(p.a(), p.b());
      for (int it = 0; magnified && it < GAP_ITERATIONS; it++) {
        // beta1 of (20) is rho^-L beta1, and rho depends on ||A^+ (scale b)|| = scale ||A^+ b||
        double rho = ChouBounds.rho(r0, scale * pinv, depth, r0 * r0);
        double b1 = Math.pow(rho, -depth) * beta1;
        scale = cl * Math.pow(b1, (2.0 / depth + 1) / 2) / q.value();
      }
      double[] b = Vectors.scale(scale, p.b());
      double[] xStar = Vectors.scale(scale, g.solution());
      DiagonalNetInstance s = new DiagonalNetInstance(p.a(), b, depth, r0, p.u0(), r0 * r0);
      last = new GeneratedInstance(s, g.kernelVector(), xStar, "precondition-gap");
      if (r0 <= Math.pow(PseudoInverse.minNormSolutionNorm(s.a(), s.b()), 1.0 / depth)) {
        return last;
      }
    }
    return last;
  }

  /**
   * The U0_ON_FACE corner: u0 = e_k for a column k on which A z = b has no solution z >= 0
   * (b not a non-negative multiple of column k), so the flow stays on the ray x = r e_k.
   */
  static GeneratedInstance onFace(SplittableRandom rng, GeneratedInstance g) {
    DiagonalNetInstance p = g.instance();
    double[][] a = p.a();
    double[] b = p.b();
    int n = p.columns();
    int start = rng.nextInt(n);
    int chosen = start;
    for (int j = 0; j < n; j++) {
      int k = (start + j) % n;
      double[] col = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        col[i] = a[i][k];
      }
      double t = Math.max(0, Vectors.dot(col, b) / Vectors.dot(col, col));
      if (Vectors.distance(Vectors.scale(t, col), b) > 1e-3 * Vectors.norm(b)) {
        chosen = k;
        break;
      }
    }
    double[] u = new double[n];
    u[chosen] = 1.0;
    double r0 = Math.max(p.r0(), 0.5);
    DiagonalNetInstance q = new DiagonalNetInstance(a, b, p.depth(), r0, u, p.eta());
    return new GeneratedInstance(q, g.kernelVector(), g.solution(), g.label());
  }

  public List<GeneratedInstance> next(int count) {
    List<GeneratedInstance> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }
}
