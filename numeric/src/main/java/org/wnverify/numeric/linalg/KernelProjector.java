package org.wnverify.numeric.linalg;

/**
 * The orthogonal projector I - A^+ A onto ker A (the paper writes I - P_A). Built once per
 * matrix; {@link #apply} is then a dense N x N product.
 */
public final class KernelProjector {
  private final double[][] p;

  private KernelProjector(double[][] p) {
    this.p = p;
  }

  public static KernelProjector of(double[][] a) {
    double[][] pinv = PseudoInverse.of(a).matrix();
    int n = a[0].length;
    int m = a.length;
    double[][] p = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double s = 0;
        for (int k = 0; k < m; k++) {
          s += pinv[i][k] * a[k][j];
        }
        p[i][j] = (i == j ? 1.0 : 0.0) - s;
      }
    }
    return new KernelProjector(p);
  }

  /** (I - A^+ A) y. */
  public double[] apply(double[] y) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = Vectors.dot(p[i], y);
    }
    return out;
  }

  public double[][] matrix() {
    double[][] c = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      c[i] = p[i].clone();
    }
    return c;
  }

  /** The dimension of ker A (trace of the projector, rounded). */
  public int kernelDimension() {
    double t = 0;
    for (int i = 0; i < p.length; i++) {
      t += p[i][i];
    }
    return (int) Math.round(t);
  }
}
