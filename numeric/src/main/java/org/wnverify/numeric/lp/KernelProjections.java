package org.wnverify.numeric.lp;

import java.util.Optional;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

/**
 * A second decision of "there exists v > 0 with A v = 0", for when the simplex finds none: Commons
 * Math's SimplexSolver reports the LP of {@link PositiveKernelVector} infeasible (or optimal below its margin) on Gaussian A of
 * the paper's size (M = 30, N = 200), where by Wendel's theorem a positive kernel vector exists
 * with probability 1 - 1e-24. Alternating projections between ker A and {v >= 1} (both convex)
 * converge to a point of their intersection when it is not empty; a certificate is a projected
 * iterate w = (I - A^+ A) v whose normalised smallest entry min w / sum w is at least
 * {@link PositiveKernelVector#MIN_MARGIN}, the margin the LP asks. It only ever certifies
 * existence: when none is found within {@link #ITERATIONS}, the answer stays "not found".
 */
final class KernelProjections {
  /** Iterations of alternating projections (each 2 M N operations). */
  static final int ITERATIONS = 20_000;

  private KernelProjections() {}

  /**
   * A w = 0 to rounding: ||A w|| at most {@link #KERNEL_ROUNDING} eps ||A||_F ||w|| (a pseudo-inverse
   * that lost accuracy would leave a visible residual).
   */
  static final double KERNEL_ROUNDING = 1e4;

  static boolean inKernel(double[][] a, double[] w) {
    double fro = 0;
    double res = 0;
    for (double[] row : a) {
      fro += Vectors.dot(row, row);
      double d = Vectors.dot(row, w);
      res += d * d;
    }
    return Math.sqrt(res) <= KERNEL_ROUNDING * Math.ulp(1.0) * Math.sqrt(fro) * Vectors.norm(w);
  }

  static Optional<double[]> find(double[][] a) {
    int m = a.length;
    int n = a[0].length;
    double[][] pinv = PseudoInverse.of(a).matrix(); // N x M
    double[] v = new double[n];
    java.util.Arrays.fill(v, 1.0);
    double[] av = new double[m];
    double[] w = new double[n];
    for (int it = 0; it < ITERATIONS; it++) {
      for (int i = 0; i < m; i++) {
        av[i] = Vectors.dot(a[i], v);
      }
      double min = Double.POSITIVE_INFINITY;
      double sum = 0;
      for (int k = 0; k < n; k++) {
        w[k] = v[k] - Vectors.dot(pinv[k], av);
        min = Math.min(min, w[k]);
        sum += w[k];
      }
      if (sum > 0 && min / sum >= PositiveKernelVector.MIN_MARGIN && inKernel(a, w)) {
        return Optional.of(Vectors.scale(1 / sum, w));
      }
      for (int k = 0; k < n; k++) {
        v[k] = Math.max(w[k], 1.0);
      }
    }
    return Optional.empty();
  }
}
