package org.wnverify.numeric.wu;

import org.wnverify.numeric.linalg.Vectors;

/**
 * The objectives and gradients of Wu et al. for least squares.
 *
 * <p><b>Sign of the residual.</b> The paper defines r = y - A g w after (4) and in C.1 but writes
 * grad_w f = A^T r and dg/dt = -c w^T A^T r, which are right only for r = A g w - y (the symbolic
 * claim wu/gradients records the finding). Appendix B's gradients grad L(x) = A^T (A x - y),
 * grad_w f = g grad L(g w), grad_g f = w^T grad L(g w) are right as printed, and E.1.1 calls
 * A(g w - g* w*) "the negative residual". Every formula here therefore uses the negative residual
 * {@link #residual} = A g w - y, and the gradients are the true ones of (2) and (3).
 */
public final class WuObjective {
  private final double[][] a;
  private final double[] y;

  public WuObjective(double[][] a, double[] y) {
    this.a = a;
    this.y = y;
  }

  public static WuObjective of(WuInstance p) {
    return new WuObjective(p.a(), p.y());
  }

  /** A x - y for the point x. */
  public double[] residualAt(double[] x) {
    return Vectors.subtract(Vectors.multiply(a, x), y);
  }

  /** The negative residual A g w - y of (3). */
  public double[] residual(double[] w, double g) {
    return residualAt(Vectors.scale(g, w));
  }

  /** L(x) = ||A x - y||^2 / 2 (1). */
  public double lossAt(double[] x) {
    double n = Vectors.norm(residualAt(x));
    return 0.5 * n * n;
  }

  /** grad L(x) = A^T (A x - y). */
  public double[] gradientAt(double[] x) {
    return transposeTimes(residualAt(x));
  }

  /** A^T v. */
  public double[] transposeTimes(double[] v) {
    int d = a[0].length;
    double[] out = new double[d];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < d; k++) {
        out[k] += a[i][k] * v[i];
      }
    }
    return out;
  }

  /** A v. */
  public double[] times(double[] v) {
    return Vectors.multiply(a, v);
  }

  /** f(w, g) = ||A g w - y||^2 / 2 of (3) (w not renormalised). */
  public double f(double[] w, double g) {
    return lossAt(Vectors.scale(g, w));
  }

  /** h(w, g) = ||g A w / ||w|| - y||^2 / 2 of (2). */
  public double h(double[] w, double g) {
    return lossAt(Vectors.scale(g / Vectors.norm(w), w));
  }

  /** grad_w f = g A^T (A g w - y). */
  public double[] gradWf(double[] w, double g) {
    return Vectors.scale(g, gradientAt(Vectors.scale(g, w)));
  }

  /** grad_g f = w^T A^T (A g w - y). */
  public double gradGf(double[] w, double g) {
    return Vectors.dot(w, gradientAt(Vectors.scale(g, w)));
  }

  /** grad_w h = (g / ||w||) P_w grad L(g w / ||w||), P_w = I - w w^T / ||w||^2 (Appendix B). */
  public double[] gradWh(double[] w, double g) {
    double n = Vectors.norm(w);
    double[] gl = gradientAt(Vectors.scale(g / n, w));
    return Vectors.scale(g / n, projectOff(w, gl));
  }

  /** d h / d g = (w / ||w||)^T grad L(g w / ||w||). */
  public double gradGh(double[] w, double g) {
    double n = Vectors.norm(w);
    return Vectors.dot(w, gradientAt(Vectors.scale(g / n, w))) / n;
  }

  /** P_w v = v - w (w^T v) / ||w||^2. */
  public static double[] projectOff(double[] w, double[] v) {
    double s = Vectors.dot(w, v) / Vectors.dot(w, w);
    double[] out = v.clone();
    for (int k = 0; k < out.length; k++) {
      out[k] -= s * w[k];
    }
    return out;
  }

  public int columns() {
    return a[0].length;
  }
}
