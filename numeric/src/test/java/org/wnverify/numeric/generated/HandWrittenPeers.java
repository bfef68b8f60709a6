package org.wnverify.numeric.generated;

/**
 * The hand-written loops an engineer would write for the emitted kernels' jobs, the peers of
 * {@link KernelBenchmark} (speed) and {@link HandWrittenPeersTest} (same numbers).
 */
final class HandWrittenPeers {
  private HandWrittenPeers() {}

  /** x^p for an integer p >= 0 by multiplication. */
  static double pow(double x, int p) {
    double r = 1.0;
    for (int i = 0; i < p; i++) {
      r *= x;
    }
    return r;
  }

  /**
   * g = [A^T (A x^L - b)] .* x^(L-1), eq. (22), as a careful engineer writes it: x^L once per
   * entry, A traversed row by row.
   */
  static void lossGradient(double[] a, int m, int n, double[] b, int depth, double[] x, double[] g) {
    double[] xl = new double[n];
    for (int k = 0; k < n; k++) {
      xl[k] = pow(x[k], depth);
      g[k] = 0.0;
    }
    for (int i = 0; i < m; i++) {
      int row = i * n;
      double s = -b[i];
      for (int k = 0; k < n; k++) {
        s += a[row + k] * xl[k];
      }
      for (int k = 0; k < n; k++) {
        g[k] += a[row + k] * s;
      }
    }
    for (int k = 0; k < n; k++) {
      g[k] *= pow(x[k], depth - 1);
    }
  }

  /** The WN flow (13)-(14) in (r, u). */
  static void wnDerivative(double[] a, int m, int n, double[] b, int depth, double etaR, double etaU, double[] state,
      double[] out) {
    double r = state[0];
    double nu = 0.0;
    for (int k = 0; k < n; k++) {
      nu += state[1 + k] * state[1 + k];
    }
    nu = Math.sqrt(nu);
    double[] x = new double[n];
    for (int k = 0; k < n; k++) {
      x[k] = r * state[1 + k] / nu;
    }
    double[] g = new double[n];
    lossGradient(a, m, n, b, depth, x, g);
    double ug = 0.0;
    for (int k = 0; k < n; k++) {
      ug += state[1 + k] * g[k];
    }
    out[0] = -etaR * ug / nu;
    for (int k = 0; k < n; k++) {
      out[1 + k] = -etaU * (r / nu) * (g[k] - state[1 + k] * ug / (nu * nu));
    }
  }
}
