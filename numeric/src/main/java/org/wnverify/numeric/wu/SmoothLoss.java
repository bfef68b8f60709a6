package org.wnverify.numeric.wu;

/**
 * A differentiable loss L(x) on R^d, the object of Appendix D ("Beyond linear regression"): least
 * squares ||A x - y||^2 / 2, or logistic loss, both of which depend on x only through A x and so
 * satisfy Assumption D.1 with P = A^+ A.
 */
public interface SmoothLoss {
  double value(double[] x);

  double[] gradient(double[] x);

  /** Least squares (1): L(x) = ||A x - y||^2 / 2. */
  static SmoothLoss leastSquares(WuObjective obj) {
    return new SmoothLoss() {
      @Override
      public double value(double[] x) {
        return obj.lossAt(x);
      }

      @Override
      public double[] gradient(double[] x) {
        return obj.gradientAt(x);
      }
    };
  }

  /**
   * Logistic loss L(x) = sum_i log(1 + exp(-y_i a_i^T x)) with labels y_i (any sign; the
   * over-parametrized logistic regression of Appendix D), evaluated in a form that neither
   * overflows nor loses the small terms (log1p of exp of minus the margin's absolute value).
   */
  static SmoothLoss logistic(double[][] a, double[] y) {
    return new SmoothLoss() {
      @Override
      public double value(double[] x) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
          double z = -y[i] * dot(a[i], x);
          s += z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }
        return s;
      }

      @Override
      public double[] gradient(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < a.length; i++) {
          double z = -y[i] * dot(a[i], x);
          double sigma = z > 0 ? 1.0 / (1.0 + Math.exp(-z)) : Math.exp(z) / (1.0 + Math.exp(z));
          for (int k = 0; k < x.length; k++) {
            out[k] -= sigma * y[i] * a[i][k];
          }
        }
        return out;
      }
    };
  }

  private static double dot(double[] u, double[] v) {
    double s = 0;
    for (int k = 0; k < u.length; k++) {
      s += u[k] * v[k];
    }
    return s;
  }
}
