package org.wnverify.check.wu;

import java.util.SplittableRandom;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Seeded draws of Wu instances: Gaussian A (full rank, lambda_min(A A^T) bounded away from 0 so
 * that lambda_min > 0 holds with margin), or A with orthonormal rows; Gaussian y; w0 uniform on
 * the unit sphere; g0 and c as the claim asks. Claims put their corners (the two-dimensional
 * example, w0 in ker A or in the row space, g0 near 0 or near g*, small and large c) before the
 * generic draws.
 */
final class WuSampler {
  /** Resample A while lambda_min(A A^T) / lambda_max is below this (keeps the flows' time scales within ~100x). */
  static final double MIN_CONDITION = 0.02;

  private final SplittableRandom rnd;

  WuSampler(SplittableRandom rnd) {
    this.rnd = rnd;
  }

  SplittableRandom random() {
    return rnd;
  }

  double uniform(double lo, double hi) {
    return lo + (hi - lo) * rnd.nextDouble();
  }

  /** log-uniform on [lo, hi]. */
  double logUniform(double lo, double hi) {
    return Math.exp(uniform(Math.log(lo), Math.log(hi)));
  }

  int between(int lo, int hi) {
    return lo + rnd.nextInt(hi - lo + 1);
  }

  double gaussian() {
    // Box-Muller on the claim's own stream (SplittableRandom has no nextGaussian in Java 17).
    double u = rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  double[] gaussianVector(int n) {
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = gaussian();
    }
    return x;
  }

  /** Uniform on the unit sphere of R^n. */
  double[] unitVector(int n) {
    double[] x = gaussianVector(n);
    return Vectors.scale(1 / Vectors.norm(x), x);
  }

  /** Gaussian m x d with lambda_min / lambda_max >= MIN_CONDITION, entries scaled by 1/sqrt(d). */
  double[][] generalMatrix(int m, int d) {
    while (true) {
      double[][] a = new double[m][];
      for (int i = 0; i < m; i++) {
        a[i] = Vectors.scale(1 / Math.sqrt(d), gaussianVector(d));
      }
      WuGeometry geo = WuGeometry.of(a, new double[m]);
      if (geo.lambdaMin() >= MIN_CONDITION * geo.lambdaMax()) {
        return a;
      }
    }
  }

  /** m x d with orthonormal rows (Gram-Schmidt of Gaussian rows, twice for accuracy): A A^T = I. */
  double[][] orthogonalMatrix(int m, int d) {
    double[][] a = new double[m][];
    for (int i = 0; i < m; i++) {
      double[] r = gaussianVector(d);
      for (int pass = 0; pass < 2; pass++) {
        for (int j = 0; j < i; j++) {
          double s = Vectors.dot(r, a[j]);
          for (int k = 0; k < d; k++) {
            r[k] -= s * a[j][k];
          }
        }
      }
      a[i] = Vectors.scale(1 / Vectors.norm(r), r);
    }
    return a;
  }

  /** A general instance: m in [1, 3], d in [m + 1, m + 3], unit w0, g0 in [-2, 2], c log-uniform in [0.2, 5]. */
  WuInstance general() {
    int m = between(1, 3);
    int d = between(m + 1, m + 3);
    return new WuInstance(generalMatrix(m, d), gaussianVector(m), unitVector(d), uniform(-2, 2), logUniform(0.2, 5));
  }

  /** As {@link #general()} with orthonormal rows. */
  WuInstance orthogonal() {
    int m = between(1, 3);
    int d = between(m + 1, m + 3);
    return new WuInstance(orthogonalMatrix(m, d), gaussianVector(m), unitVector(d), uniform(-2, 2), logUniform(0.2, 5));
  }

  /** The two-dimensional example after Theorem 2.7: A = [1, 0], y = 1, w0 = [0, 1], c = 1. */
  static WuInstance example2d(double g0) {
    return new WuInstance(new double[][] {{1, 0}}, new double[] {1}, new double[] {0, 1}, g0, 1.0);
  }

  /** The unit vector along the orthogonal projection of v onto the row space of a. */
  static double[] inRowSpaceDirection(double[][] a, double[] v) {
    double[] w = WuGeometry.of(a, new double[a.length]).parallel(v);
    return Vectors.scale(1 / Vectors.norm(w), w);
  }

  /** w0 replaced by a unit vector of ker A (A w0 = 0), when ker A is non-trivial. */
  static WuInstance inKernel(WuInstance p, double[] seedDirection) {
    WuGeometry geo = WuGeometry.of(p);
    double[] w = geo.perp(seedDirection);
    return p.withW0(Vectors.scale(1 / Vectors.norm(w), w));
  }

  /** w0 replaced by a unit vector of the row space of A. */
  static WuInstance inRowSpace(WuInstance p, double[] seedDirection) {
    WuGeometry geo = WuGeometry.of(p);
    double[] w = geo.parallel(seedDirection);
    return p.withW0(Vectors.scale(1 / Vectors.norm(w), w));
  }
}
