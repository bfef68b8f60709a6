package org.wnverify.numeric.discrete;

import java.util.Objects;
import org.wnverify.numeric.generated.GradientFlowKernel;

/**
 * The loss (10) of Chou, Rauhut and Ward, L(x) = ||A x^{.L} - b||^2 / (2L), on a dense row-major
 * matrix. Immutable. The signed loss (21), L±(u, v) = ||A(u^{.L} - v^{.L}) - b||^2 / (2L), is the
 * same loss on the stacked vector [u; v] with the matrix [A, -A] (see {@link #signed()}), so every
 * algorithm here serves both.
 *
 * <p>The gradient is the one the emitted {@link GradientFlowKernel#lossGradient} computes,
 * x^{.(L-1)} . A^T (A x^{.L} - b); this class evaluates it with the residual of the loss
 * evaluation reused and the powers taken once per entry rather than once per matrix entry, which
 * is what makes the paper-sized runs (10^6 steps of a 150 x 1000 problem) affordable. Tests pin
 * the two to each other.
 */
public final class SensingProblem {
  private final double[] a;
  private final int m;
  private final int n;
  private final double[] b;
  private final int depth;
  private final boolean signed;

  private SensingProblem(double[] a, int m, int n, double[] b, int depth, boolean signed) {
    if (a.length != m * n || b.length != m) {
      throw new IllegalArgumentException("A is " + a.length + " entries, expected " + m + " x " + n);
    }
    if (depth < 1) {
      throw new IllegalArgumentException("depth L must be >= 1, got " + depth);
    }
    this.a = a;
    this.m = m;
    this.n = n;
    this.b = b;
    this.depth = depth;
    this.signed = signed;
  }

  /** The loss (10) for A (m rows), b and depth L; the arrays are copied. */
  public static SensingProblem of(double[][] a, double[] b, int depth) {
    int m = a.length;
    int n = a[0].length;
    double[] flat = new double[m * n];
    for (int i = 0; i < m; i++) {
      if (a[i].length != n) {
        throw new IllegalArgumentException("row " + i + " has " + a[i].length + " entries, expected " + n);
      }
      System.arraycopy(a[i], 0, flat, i * n, n);
    }
    return new SensingProblem(flat, m, n, b.clone(), depth, false);
  }

  /**
   * The signed loss (21) as a loss (10) in dimension 2n: matrix [A, -A], variable [u; v], so that
   * A' [u; v]^{.L} = A (u^{.L} - v^{.L}).
   */
  public SensingProblem signed() {
    if (signed) {
      throw new IllegalStateException("already the signed problem");
    }
    double[] s = new double[m * 2 * n];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        s[i * 2 * n + k] = a[i * n + k];
        s[i * 2 * n + n + k] = -a[i * n + k];
      }
    }
    return new SensingProblem(s, m, 2 * n, b, depth, true);
  }

  public int rows() {
    return m;
  }

  /** Number of variables (2N for the signed problem). */
  public int columns() {
    return n;
  }

  public int depth() {
    return depth;
  }

  /** Whether this is the signed problem (21) built by {@link #signed()}. */
  public boolean isSigned() {
    return signed;
  }

  /** Row-major copy of the matrix the loss uses. */
  public double[] matrix() {
    return a.clone();
  }

  public double[] rhs() {
    return b.clone();
  }

  /**
   * The recovered signal: x^{.L} for (10); u^{.L} - v^{.L} (length n/2) for the signed problem.
   */
  public double[] signal(double[] x) {
    if (!signed) {
      double[] t = new double[n];
      for (int k = 0; k < n; k++) {
        t[k] = pow(x[k], depth);
      }
      return t;
    }
    int h = n / 2;
    double[] t = new double[h];
    for (int k = 0; k < h; k++) {
      t[k] = pow(x[k], depth) - pow(x[h + k], depth);
    }
    return t;
  }

  /** L(x). */
  public double loss(double[] x) {
    return residual(x, new double[m]);
  }

  /** Writes the residual A x^{.L} - b into {@code res} and returns the loss ||res||^2 / (2L). */
  public double residual(double[] x, double[] res) {
    return residual(x, res, new double[n]);
  }

  /** As {@link #residual(double[], double[])} with a caller-owned scratch array of length n. */
  public double residual(double[] x, double[] res, double[] xl) {
    for (int k = 0; k < n; k++) {
      xl[k] = pow(x[k], depth);
    }
    double sum = 0;
    for (int i = 0; i < m; i++) {
      int off = i * n;
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += a[off + k] * xl[k];
      }
      double r = s - b[i];
      res[i] = r;
      sum += r * r;
    }
    return sum / (2.0 * depth);
  }

  /** The gradient of L at x given the residual of x: g = x^{.(L-1)} . A^T res. */
  public void gradient(double[] x, double[] res, double[] g) {
    java.util.Arrays.fill(g, 0.0);
    for (int i = 0; i < m; i++) {
      int off = i * n;
      double r = res[i];
      for (int k = 0; k < n; k++) {
        g[k] += a[off + k] * r;
      }
    }
    for (int k = 0; k < n; k++) {
      g[k] *= pow(x[k], depth - 1);
    }
  }

  /** The gradient through the emitted kernel (reference path, slower; used by the tests). */
  public void kernelGradient(double[] x, double[] g) {
    GradientFlowKernel.lossGradient(a, m, n, b, depth, x, g);
  }

  static double pow(double x, int p) {
    switch (p) {
      case 0:
        return 1.0;
      case 1:
        return x;
      case 2:
        return x * x;
      case 3:
        return x * x * x;
      default:
        return Math.pow(x, p);
    }
  }

  @Override
  public String toString() {
    return "SensingProblem[" + m + " x " + n + ", L=" + depth + (signed ? ", signed" : "") + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SensingProblem p && p.m == m && p.n == n && p.depth == depth
        && p.signed == signed && java.util.Arrays.equals(p.a, a) && java.util.Arrays.equals(p.b, b);
  }

  @Override
  public int hashCode() {
    return Objects.hash(m, n, depth, signed, java.util.Arrays.hashCode(b));
  }
}
