package org.wnverify.numeric.discrete;

import java.util.Arrays;
import java.util.Objects;
import org.wnverify.numeric.generated.GradientFlowKernel;

/**
 * The loss (10) of Chou, Rauhut and Ward, L(x) = ||A x^{.L} - b||^2 / (2L), on a dense row-major
 * matrix. Immutable. The signed loss (21), L±(u, v) = ||A(u^{.L} - v^{.L}) - b||^2 / (2L), is the
 * loss (10) of the stacked vector [u; v] and the matrix [A, -A] (see {@link #signed()}), so every
 * algorithm here serves both; the signed problem never forms [A, -A] on the fast path: it applies A
 * to u^{.L} - v^{.L} and A^T once for both halves of the gradient, which halves its cost.
 *
 * <p>The gradient is the one the emitted {@link GradientFlowKernel#lossGradient} computes,
 * x^{.(L-1)} . A^T (A x^{.L} - b); this class evaluates it with the residual of the loss
 * evaluation reused, integer powers taken by multiplication once per entry, and both matrix passes
 * blocked (four rows at a time with independent accumulators for A x, eight rows per sweep of the
 * output for A^T r) so that the JIT keeps several floating-point pipelines busy. That is what makes
 * the paper-sized runs (up to 10^6 steps of a 150 x 1000 problem) affordable. Tests pin the fast
 * path to the kernel. The summation order is fixed by the code, so the same inputs give the same
 * bits on every thread.
 */
public final class SensingProblem {
  /** The base matrix A, m x n row-major (n = N; the signed problem has 2N variables). */
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
   * [A, -A] [u; v]^{.L} = A (u^{.L} - v^{.L}).
   */
  public SensingProblem signed() {
    if (signed) {
      throw new IllegalStateException("already the signed problem");
    }
    return new SensingProblem(a, m, n, b, depth, true);
  }

  public int rows() {
    return m;
  }

  /** Number of variables (2N for the signed problem). */
  public int columns() {
    return signed ? 2 * n : n;
  }

  /** Length of the signal x^{.L} (N for both problems). */
  public int signalLength() {
    return n;
  }

  public int depth() {
    return depth;
  }

  /** Whether this is the signed problem (21) built by {@link #signed()}. */
  public boolean isSigned() {
    return signed;
  }

  /** Row-major copy of the matrix the loss uses: A, or [A, -A] for the signed problem. */
  public double[] matrix() {
    if (!signed) {
      return a.clone();
    }
    double[] s = new double[m * 2 * n];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        s[i * 2 * n + k] = a[i * n + k];
        s[i * 2 * n + n + k] = -a[i * n + k];
      }
    }
    return s;
  }

  public double[] rhs() {
    return b.clone();
  }

  /**
   * The recovered signal: x^{.L} for (10); u^{.L} - v^{.L} (length n/2) for the signed problem.
   */
  public double[] signal(double[] x) {
    double[] t = new double[n];
    signal(x, t);
    return t;
  }

  /** As {@link #signal(double[])} into a caller-owned array of length {@link #signalLength()}. */
  public void signal(double[] x, double[] t) {
    int p = depth;
    if (!signed) {
      for (int k = 0; k < n; k++) {
        t[k] = pow(x[k], p);
      }
    } else {
      for (int k = 0; k < n; k++) {
        t[k] = pow(x[k], p) - pow(x[n + k], p);
      }
    }
  }

  /** L(x). */
  public double loss(double[] x) {
    return residual(x, new double[m]);
  }

  /** Writes the residual A x^{.L} - b into {@code res} and returns the loss ||res||^2 / (2L). */
  public double residual(double[] x, double[] res) {
    return residual(x, res, new double[n]);
  }

  /**
   * As {@link #residual(double[], double[])} with a caller-owned scratch array of length at least
   * {@link #signalLength()} (it receives the signal).
   */
  public double residual(double[] x, double[] res, double[] xl) {
    signal(x, xl);
    return times(a, m, n, xl, b, res) / (2.0 * depth);
  }

  /**
   * The residual and loss of the weights {@code scale * w} (w of length {@link #columns()}):
   * writes the weights into {@code x} and the signal into {@code xl}. One pass over w, then one
   * over A. WN-GD uses it with w = u and scale = r / ||u||.
   */
  public double residualScaled(double scale, double[] w, int offset, double[] x, double[] res, double[] xl) {
    int p = depth;
    int len = columns();
    for (int k = 0; k < len; k++) {
      x[k] = scale * w[offset + k];
    }
    if (!signed) {
      for (int k = 0; k < n; k++) {
        xl[k] = pow(x[k], p);
      }
    } else {
      for (int k = 0; k < n; k++) {
        xl[k] = pow(x[k], p) - pow(x[n + k], p);
      }
    }
    return times(a, m, n, xl, b, res) / (2.0 * depth);
  }

  /** The gradient of L at x given the residual of x: g = x^{.(L-1)} . A'^T res (A' = A or [A, -A]). */
  public void gradient(double[] x, double[] res, double[] g) {
    transposeTimes(a, m, n, res, g);
    int q = depth - 1;
    if (!signed) {
      for (int k = 0; k < n; k++) {
        g[k] *= pow(x[k], q);
      }
    } else {
      for (int k = 0; k < n; k++) {
        double c = g[k];
        g[k] = c * pow(x[k], q);
        g[n + k] = -c * pow(x[n + k], q);
      }
    }
  }

  /** The gradient through the emitted kernel (reference path, slower; used by the tests). */
  public void kernelGradient(double[] x, double[] g) {
    GradientFlowKernel.lossGradient(matrix(), m, columns(), b, depth, x, g);
  }

  /** x^p for an integer p >= 0 by repeated multiplication (exact for p <= 3, no Math.pow). */
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
      case 4: {
        double y = x * x;
        return y * y;
      }
      default: {
        double r = 1.0;
        double base = x;
        int e = p;
        while (e > 0) {
          if ((e & 1) != 0) {
            r *= base;
          }
          base *= base;
          e >>= 1;
        }
        return r;
      }
    }
  }

  /**
   * res = A v - b for row-major A (m x n); returns ||res||^2. Four rows per sweep of v, two
   * accumulators per row: eight independent add chains, v loaded once per four rows.
   */
  static double times(double[] a, int m, int n, double[] v, double[] b, double[] res) {
    double sum = 0;
    int i = 0;
    for (; i + 3 < m; i += 4) {
      int o0 = i * n;
      int o1 = o0 + n;
      int o2 = o1 + n;
      int o3 = o2 + n;
      double p0 = 0;
      double p1 = 0;
      double q0 = 0;
      double q1 = 0;
      double s0 = 0;
      double s1 = 0;
      double t0 = 0;
      double t1 = 0;
      int k = 0;
      for (; k + 1 < n; k += 2) {
        double v0 = v[k];
        double v1 = v[k + 1];
        p0 += a[o0 + k] * v0;
        p1 += a[o0 + k + 1] * v1;
        q0 += a[o1 + k] * v0;
        q1 += a[o1 + k + 1] * v1;
        s0 += a[o2 + k] * v0;
        s1 += a[o2 + k + 1] * v1;
        t0 += a[o3 + k] * v0;
        t1 += a[o3 + k + 1] * v1;
      }
      if (k < n) {
        double v0 = v[k];
        p0 += a[o0 + k] * v0;
        q0 += a[o1 + k] * v0;
        s0 += a[o2 + k] * v0;
        t0 += a[o3 + k] * v0;
      }
      double r = (p0 + p1) - b[i];
      res[i] = r;
      sum += r * r;
      r = (q0 + q1) - b[i + 1];
      res[i + 1] = r;
      sum += r * r;
      r = (s0 + s1) - b[i + 2];
      res[i + 2] = r;
      sum += r * r;
      r = (t0 + t1) - b[i + 3];
      res[i + 3] = r;
      sum += r * r;
    }
    for (; i < m; i++) {
      int off = i * n;
      double p0 = 0;
      double p1 = 0;
      int k = 0;
      for (; k + 1 < n; k += 2) {
        p0 += a[off + k] * v[k];
        p1 += a[off + k + 1] * v[k + 1];
      }
      if (k < n) {
        p0 += a[off + k] * v[k];
      }
      double r = (p0 + p1) - b[i];
      res[i] = r;
      sum += r * r;
    }
    return sum;
  }

  /**
   * out[0..n) = A^T r for row-major A (m x n): eight rows per sweep of out, so out is loaded and
   * stored once per eight rows; the inner loop is a plain element-wise update the JIT vectorizes.
   */
  static void transposeTimes(double[] a, int m, int n, double[] r, double[] out) {
    Arrays.fill(out, 0, n, 0.0);
    int i = 0;
    for (; i + 7 < m; i += 8) {
      int o0 = i * n;
      int o1 = o0 + n;
      int o2 = o1 + n;
      int o3 = o2 + n;
      int o4 = o3 + n;
      int o5 = o4 + n;
      int o6 = o5 + n;
      int o7 = o6 + n;
      double r0 = r[i];
      double r1 = r[i + 1];
      double r2 = r[i + 2];
      double r3 = r[i + 3];
      double r4 = r[i + 4];
      double r5 = r[i + 5];
      double r6 = r[i + 6];
      double r7 = r[i + 7];
      for (int k = 0; k < n; k++) {
        out[k] += (a[o0 + k] * r0 + a[o1 + k] * r1 + a[o2 + k] * r2 + a[o3 + k] * r3)
            + (a[o4 + k] * r4 + a[o5 + k] * r5 + a[o6 + k] * r6 + a[o7 + k] * r7);
      }
    }
    for (; i + 1 < m; i += 2) {
      int o0 = i * n;
      int o1 = o0 + n;
      double r0 = r[i];
      double r1 = r[i + 1];
      for (int k = 0; k < n; k++) {
        out[k] += a[o0 + k] * r0 + a[o1 + k] * r1;
      }
    }
    for (; i < m; i++) {
      int off = i * n;
      double r0 = r[i];
      for (int k = 0; k < n; k++) {
        out[k] += a[off + k] * r0;
      }
    }
  }

  @Override
  public String toString() {
    return "SensingProblem[" + m + " x " + columns() + ", L=" + depth + (signed ? ", signed" : "") + "]";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SensingProblem p && p.m == m && p.n == n && p.depth == depth
        && p.signed == signed && Arrays.equals(p.a, a) && Arrays.equals(p.b, b);
  }

  @Override
  public int hashCode() {
    return Objects.hash(m, n, depth, signed, Arrays.hashCode(b));
  }
}
