package org.wnverify.numeric.problem;

import org.wnverify.numeric.linalg.Vectors;

/** The loss (10) L(x) = ||A x^L - b||^2 / (2L) and the WN loss (12) L~(r, u) = L(r u / ||u||). */
public final class Loss {
  private Loss() {}

  /** Residual A x^{.L} - b. */
  public static double[] residual(double[][] a, double[] b, int depth, double[] x) {
    double[] r = Vectors.multiply(a, Vectors.pow(x, depth));
    for (int i = 0; i < r.length; i++) {
      r[i] -= b[i];
    }
    return r;
  }

  /** (10), evaluated by the kernel the symbolic module emits (not a hand-written copy). */
  public static double value(double[][] a, double[] b, int depth, double[] x) {
    int m = a.length;
    int n = x.length;
    double[] flat = new double[m * n];
    for (int i = 0; i < m; i++) {
      System.arraycopy(a[i], 0, flat, i * n, n);
    }
    return org.wnverify.numeric.generated.GradientFlowKernel.loss(flat, m, n, b, depth, x);
  }

  public static double value(DiagonalNetInstance p, double[] x) {
    return value(p.a(), p.b(), p.depth(), x);
  }

  /** (12): L~(r, u) = L(r u / ||u||). */
  public static double wn(double[][] a, double[] b, int depth, double r, double[] u) {
    return value(a, b, depth, Vectors.scale(r / Vectors.norm(u), u));
  }

  /** The point x = r u / ||u|| of a WN state (r, u_1..u_N). */
  public static double[] wnPoint(double[] state) {
    int n = state.length - 1;
    double[] u = new double[n];
    System.arraycopy(state, 1, u, 0, n);
    return Vectors.scale(state[0] / Vectors.norm(u), u);
  }
}
