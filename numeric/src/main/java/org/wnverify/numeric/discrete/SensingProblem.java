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
 * evaluation reused and integer powers taken by multiplication once per entry. The matrix is held
 * twice, as rows of A and as rows of A^T (separate arrays), so that both passes are unit-stride
 * updates of a whole output vector, A x = sum_k x_k A[:, k] and A^T r = sum_i r_i A[i, :], loops the
 * JIT vectorizes (it does not vectorize dot products, nor loops over one flat array at a row offset:
 * measured at 150 x 1000 on this project's machine, 12 + 11 us per pass pair against 30 + 30 us for
 * blocked dot products on a flat array). That is what makes the paper-sized runs (up to 10^6 steps
 * of a 150 x 1000 problem) affordable. Tests pin the fast path to the kernel. The summation order
 * is fixed by the code, so the same inputs give the same bits on every thread.
 */
public final class SensingProblem {
  /** The base matrix A, m x n row-major (n = N; the signed problem has 2N variables). */
  private final double[] a;
  /** The rows of A, each its own array (the A^T r pass). */
  private final double[][] rowsA;
  /** The columns of A, i.e. the rows of A^T, each its own array (the A x pass). */
  private final double[][] colsA;
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
    this.rowsA = new double[m][n];
    this.colsA = new double[n][m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        rowsA[i][k] = a[i * n + k];
        colsA[k][i] = a[i * n + k];
      }
    }
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
    return new SensingProblem(this, true);
  }

  private SensingProblem(SensingProblem base, boolean signed) {
    this.a = base.a;
    this.rowsA = base.rowsA;
    this.colsA = base.colsA;
    this.m = base.m;
    this.n = base.n;
    this.b = base.b;
    this.depth = base.depth;
    this.signed = signed;
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
    if (p == 2) {
      // the Section 4 case, as plain products the JIT vectorizes
      if (!signed) {
        for (int k = 0; k < n; k++) {
          t[k] = x[k] * x[k];
        }
      } else {
        for (int k = 0; k < n; k++) {
          t[k] = x[k] * x[k] - x[n + k] * x[n + k];
        }
      }
      return;
    }
    if (!signed) {
      for (int k = 0; k < n; k++) {
        t[k] = GradientFlowKernel.ipow(x[k], p);
      }
    } else {
      for (int k = 0; k < n; k++) {
        t[k] = GradientFlowKernel.ipow(x[k], p) - GradientFlowKernel.ipow(x[n + k], p);
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
    return (m >= COLUMN_FORM_ROWS ? times(colsA, m, n, xl, b, res) : timesByRows(rowsA, m, n, xl, b, res))
        / (2.0 * depth);
  }

  /**
   * The residual and loss of the weights {@code scale * w} (w of length {@link #columns()}):
   * writes the weights into {@code x} and the signal into {@code xl}. One pass over w, then one
   * over A. WN-GD uses it with w = u and scale = r / ||u||.
   */
  public double residualScaled(double scale, double[] w, int offset, double[] x, double[] res, double[] xl) {
    int len = columns();
    for (int k = 0; k < len; k++) {
      x[k] = scale * w[offset + k];
    }
    signal(x, xl);
    return (m >= COLUMN_FORM_ROWS ? times(colsA, m, n, xl, b, res) : timesByRows(rowsA, m, n, xl, b, res))
        / (2.0 * depth);
  }

  /** The gradient of L at x given the residual of x: g = x^{.(L-1)} . A'^T res (A' = A or [A, -A]). */
  public void gradient(double[] x, double[] res, double[] g) {
    transposeTimes(rowsA, m, n, res, g);
    int q = depth - 1;
    if (q == 1) {
      // L = 2 (Section 4): plain products the JIT vectorizes
      if (!signed) {
        for (int k = 0; k < n; k++) {
          g[k] *= x[k];
        }
      } else {
        for (int k = 0; k < n; k++) {
          double c = g[k];
          g[k] = c * x[k];
          g[n + k] = -c * x[n + k];
        }
      }
      return;
    }
    if (!signed) {
      for (int k = 0; k < n; k++) {
        g[k] *= GradientFlowKernel.ipow(x[k], q);
      }
    } else {
      for (int k = 0; k < n; k++) {
        double c = g[k];
        g[k] = c * GradientFlowKernel.ipow(x[k], q);
        g[n + k] = -c * GradientFlowKernel.ipow(x[n + k], q);
      }
    }
  }

  /** The gradient through the emitted kernel (reference path, slower; used by the tests). */
  public void kernelGradient(double[] x, double[] g) {
    GradientFlowKernel.lossGradient(matrix(), m, columns(), b, depth, x, g);
  }

  /**
   * Below this many rows the column updates of {@link #times} are too short to pay for their loop
   * overhead (the QUICK sizes, M = 15) and the residual is taken row by row instead.
   */
  static final int COLUMN_FORM_ROWS = 32;

  /** res = A v - b, returns ||res||^2, by dot products with the rows (small M). */
  static double timesByRows(double[][] rows, int m, int n, double[] v, double[] b, double[] res) {
    double sum = 0;
    for (int i = 0; i < m; i++) {
      double[] row = rows[i];
      double s0 = 0;
      double s1 = 0;
      int k = 0;
      for (; k + 1 < n; k += 2) {
        s0 += row[k] * v[k];
        s1 += row[k + 1] * v[k + 1];
      }
      if (k < n) {
        s0 += row[k] * v[k];
      }
      double e = (s0 + s1) - b[i];
      res[i] = e;
      sum += e * e;
    }
    return sum;
  }

  /**
   * res = A v - b, returns ||res||^2, for A given by its columns (n arrays of length m): res is
   * accumulated four columns per sweep, res += v_k A[:, k] + ... + v_{k+3} A[:, k+3], a unit-stride
   * update the JIT vectorizes (four columns per sweep: 12 us at 150 x 1000 against 13.5-18 us for
   * one and 24-30 us for eight).
   */
  static double times(double[][] cols, int m, int n, double[] v, double[] b, double[] res) {
    Arrays.fill(res, 0, m, 0.0);
    int k = 0;
    for (; k + 3 < n; k += 4) {
      double[] c0 = cols[k];
      double[] c1 = cols[k + 1];
      double[] c2 = cols[k + 2];
      double[] c3 = cols[k + 3];
      double x0 = v[k];
      double x1 = v[k + 1];
      double x2 = v[k + 2];
      double x3 = v[k + 3];
      for (int i = 0; i < m; i++) {
        res[i] += (c0[i] * x0 + c1[i] * x1) + (c2[i] * x2 + c3[i] * x3);
      }
    }
    for (; k < n; k++) {
      double[] c = cols[k];
      double x = v[k];
      for (int i = 0; i < m; i++) {
        res[i] += c[i] * x;
      }
    }
    double sum = 0;
    for (int i = 0; i < m; i++) {
      double e = res[i] - b[i];
      res[i] = e;
      sum += e * e;
    }
    return sum;
  }

  /**
   * out[0..n) = A^T r for A given by its rows (m arrays of length n): out += r_i A[i, :] + r_{i+1}
   * A[i+1, :], two rows per sweep (half the loads and stores of out), unit stride, vectorized.
   */
  static void transposeTimes(double[][] rows, int m, int n, double[] r, double[] out) {
    Arrays.fill(out, 0, n, 0.0);
    int i = 0;
    for (; i + 1 < m; i += 2) {
      double[] a0 = rows[i];
      double[] a1 = rows[i + 1];
      double r0 = r[i];
      double r1 = r[i + 1];
      for (int k = 0; k < n; k++) {
        out[k] += a0[k] * r0 + a1[k] * r1;
      }
    }
    if (i < m) {
      double[] a0 = rows[i];
      double r0 = r[i];
      for (int k = 0; k < n; k++) {
        out[k] += a0[k] * r0;
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
