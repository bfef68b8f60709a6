package org.wnverify.check.ewn;

import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.Dataset;

/**
 * The L2 maximum-margin separator through the origin (the hard-margin SVM without bias that
 * Corollary 1 and Soudry et al. 2018 refer to): min ||theta||^2 / 2 s.t. y_i theta^T x_i >= 1,
 * solved in the dual max sum a_i - ||sum a_i y_i x_i||^2 / 2, a >= 0, by exact coordinate ascent
 * (each coordinate maximized in closed form; the dual is a small concave QP, so this converges).
 */
final class MaxMargin {
  /** KKT residual at which the dual is solved: directions are compared to 1e-4, far above it. */
  static final double KKT_TOL = 1e-12;
  static final int MAX_SWEEPS = 200_000;

  private MaxMargin() {}

  /** The unit max-margin direction, or null if the data are not separable through the origin. */
  static double[] direction(Dataset d) {
    int m = d.size();
    int n = d.dimension();
    double[] a = new double[m];
    double[] theta = new double[n];
    double[] sq = new double[m];
    for (int i = 0; i < m; i++) {
      sq[i] = Vectors.dot(d.x()[i], d.x()[i]);
    }
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double worst = 0;
      for (int i = 0; i < m; i++) {
        double[] xi = d.x()[i];
        double yi = d.labels()[i];
        double g = 1 - yi * Vectors.dot(theta, xi);
        double na = Math.max(0, a[i] + g / sq[i]);
        double da = na - a[i];
        if (da != 0) {
          for (int k = 0; k < n; k++) {
            theta[k] += da * yi * xi[k];
          }
          a[i] = na;
        }
        // KKT: margin >= 1, and = 1 where a_i > 0
        worst = Math.max(worst, a[i] > 0 ? Math.abs(g) : Math.max(0, g));
      }
      if (worst <= KKT_TOL) {
        return Vectors.scale(1 / Vectors.norm(theta), theta);
      }
      if (Vectors.norm(theta) > 1e12) {
        return null; // the dual is unbounded: no separator through the origin
      }
    }
    return null;
  }
}
