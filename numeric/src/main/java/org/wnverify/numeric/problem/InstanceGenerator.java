package org.wnverify.numeric.problem;

import java.util.SplittableRandom;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

/**
 * Draws instances whose hypotheses hold by construction (Theorem 2.2 and the lemmas): A has a
 * strictly positive kernel vector v (A is Gaussian except its last column, which is solved for so
 * that A v = 0), b = A x* with x* >= 0 (so S+ is non-empty), u0 > 0 with ||u0|| = 1, r0 > 0
 * placed relative to the printed bound min(eta^(1/2), ||A^+ b||^(1/L)).
 */
public final class InstanceGenerator {
  /** Range of the entries of v: bounded away from 0 so the last column stays of order one. */
  static final double V_MIN = 0.5;
  static final double V_MAX = 1.5;
  /** Range of the non-zero entries of x* and of u0 before normalisation. */
  static final double X_MIN = 0.2;
  static final double X_MAX = 1.5;

  /** Where r0 sits. */
  public enum R0Rule {
    /** uniform in (0.3, 0.9) times the printed bound. */
    INTERIOR,
    /** exactly the printed bound min(eta^(1/2), ||A^+ b||^(1/L)). */
    AT_BOUND,
    /** 1e-3 times the printed bound. */
    TINY,
    /** uniform in [eta^(1/2), ||A^+ b||^(1/L)] (the range the proof of Theorem 2.2 uses). */
    PROOF_RANGE
  }

  /**
   * What to draw.
   *
   * @param rows M
   * @param columns N (> M so that A has a kernel)
   * @param depth L
   * @param zeros how many entries of x* are zero (sparse x*)
   * @param uniformU0 u0 = 1/sqrt(N) instead of random
   * @param eta the learning-rate ratio; for R0Rule.PROOF_RANGE it is capped at ||A^+b||^(2/L)
   * @param r0Rule where r0 goes
   */
  public record Spec(int rows, int columns, int depth, int zeros, boolean uniformU0, double eta,
      R0Rule r0Rule) {
    public Spec {
      if (columns <= rows) {
        throw new IllegalArgumentException("need N > M for a non-trivial kernel, got M=" + rows + ", N=" + columns);
      }
      if (zeros >= columns) {
        throw new IllegalArgumentException("x* needs a non-zero entry");
      }
    }
  }

  private InstanceGenerator() {}

  public static GeneratedInstance generate(SplittableRandom rng, Spec spec) {
    int m = spec.rows();
    int n = spec.columns();
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      v[k] = uniform(rng, V_MIN, V_MAX);
    }
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int k = 0; k < n - 1; k++) {
        a[i][k] = gaussian(rng);
        s += a[i][k] * v[k];
      }
      a[i][n - 1] = -s / v[n - 1];
    }
    double[] xStar = new double[n];
    for (int k = 0; k < n; k++) {
      xStar[k] = uniform(rng, X_MIN, X_MAX);
    }
    int[] perm = permutation(rng, n);
    for (int z = 0; z < spec.zeros(); z++) {
      xStar[perm[z]] = 0.0;
    }
    double[] b = Vectors.multiply(a, xStar);
    double[] u0 = new double[n];
    for (int k = 0; k < n; k++) {
      u0[k] = spec.uniformU0() ? 1.0 : uniform(rng, X_MIN, X_MAX);
    }
    u0 = Vectors.scale(1.0 / Vectors.norm(u0), u0);
    double pinvNorm = PseudoInverse.minNormSolutionNorm(a, b);
    double s = Math.pow(pinvNorm, 1.0 / spec.depth());
    double eta = spec.eta();
    double r0;
    switch (spec.r0Rule()) {
      case AT_BOUND -> r0 = Math.min(Math.sqrt(eta), s);
      case TINY -> r0 = 1e-3 * Math.min(Math.sqrt(eta), s);
      case PROOF_RANGE -> {
        eta = Math.min(eta, s * s);
        r0 = uniform(rng, Math.sqrt(eta), s);
      }
      default -> r0 = uniform(rng, 0.3, 0.9) * Math.min(Math.sqrt(eta), s);
    }
    DiagonalNetInstance inst = new DiagonalNetInstance(a, b, spec.depth(), r0, u0, eta);
    return new GeneratedInstance(inst, v, xStar, spec.r0Rule().name().toLowerCase(java.util.Locale.ROOT));
  }

  private static double uniform(SplittableRandom rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  /** Standard normal by Box-Muller (SplittableRandom has no nextGaussian before Java 17's RandomGenerator default). */
  static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  private static int[] permutation(SplittableRandom rng, int n) {
    int[] p = new int[n];
    for (int k = 0; k < n; k++) {
      p[k] = k;
    }
    for (int k = n - 1; k > 0; k--) {
      int j = rng.nextInt(k + 1);
      int t = p[k];
      p[k] = p[j];
      p[j] = t;
    }
    return p;
  }
}
