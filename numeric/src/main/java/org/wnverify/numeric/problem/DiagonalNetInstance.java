package org.wnverify.numeric.problem;

import java.util.Arrays;

/**
 * One instance of the diagonal linear network problem of Chou, Rauhut and Ward: minimise
 * L(x) = ||A x^L - b||^2 / (2L) (entrywise power) by plain gradient flow from x0, or by the weight
 * normalized flow in polar coordinates (r, u) with learning rates (eta_r, eta_u) = (eta, 1).
 *
 * <p>Both flows start from the same point: x0 = r0 u0 / ||u0||. The record checks only what
 * makes the flows well defined (shapes, finite entries, eta > 0, u0 != 0, depth >= 1); the
 * hypotheses of individual theorems (u0 > 0, a positive kernel vector, ...) are checked by the
 * claims, because a counterexample may deliberately sit on their boundary.
 *
 * @param a the M x N measurement matrix, row-major rows
 * @param b the M right-hand side
 * @param depth L, the depth of the diagonal network (entrywise power)
 * @param r0 initial magnitude r(0)
 * @param u0 initial direction u(0) (not necessarily normalised)
 * @param eta the learning-rate ratio eta~ = eta_r (eta_u = 1)
 */
public record DiagonalNetInstance(double[][] a, double[] b, int depth, double r0, double[] u0, double eta)
    implements ProblemInstance {

  public DiagonalNetInstance {
    if (a == null || a.length == 0) {
      throw new InvalidInstanceException("A", "must be a non-empty matrix");
    }
    int n = a[0] == null ? 0 : a[0].length;
    if (n == 0) {
      throw new InvalidInstanceException("A", "rows must be non-empty");
    }
    double[][] copy = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null || a[i].length != n) {
        throw new InvalidInstanceException("A[" + i + "]", "has " + (a[i] == null ? 0 : a[i].length)
            + " entries, expected " + n + " like row 0");
      }
      requireFinite("A[" + i + "]", a[i]);
      copy[i] = a[i].clone();
    }
    a = copy;
    if (b == null || b.length != a.length) {
      throw new InvalidInstanceException("b", "has " + (b == null ? 0 : b.length)
          + " entries, expected M = " + a.length + " (the rows of A)");
    }
    requireFinite("b", b);
    b = b.clone();
    if (depth < 1) {
      throw new InvalidInstanceException("L", "depth must be >= 1, got " + depth);
    }
    if (!Double.isFinite(r0)) {
      throw new InvalidInstanceException("r0", "must be finite, got " + r0);
    }
    if (u0 == null || u0.length != n) {
      throw new InvalidInstanceException("u0", "has " + (u0 == null ? 0 : u0.length)
          + " entries, expected N = " + n + " (the columns of A)");
    }
    requireFinite("u0", u0);
    u0 = u0.clone();
    if (norm(u0) == 0.0) {
      throw new InvalidInstanceException("u0", "must not be the zero vector");
    }
    if (!(eta > 0.0) || !Double.isFinite(eta)) {
      throw new InvalidInstanceException("eta", "must be a finite number > 0, got " + eta);
    }
  }

  private static void requireFinite(String field, double[] v) {
    for (int k = 0; k < v.length; k++) {
      if (!Double.isFinite(v[k])) {
        throw new InvalidInstanceException(field + "[" + k + "]", "must be finite, got " + v[k]);
      }
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  /** M, the number of measurements. */
  public int rows() {
    return a.length;
  }

  /** N, the dimension of x. */
  public int columns() {
    return a[0].length;
  }

  @Override
  public double[][] a() {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = a[i].clone();
    }
    return c;
  }

  @Override
  public double[] b() {
    return b.clone();
  }

  @Override
  public double[] u0() {
    return u0.clone();
  }

  /** A row-major copy of A, the layout the emitted kernels take. */
  public double[] aRowMajor() {
    int n = columns();
    double[] flat = new double[a.length * n];
    for (int i = 0; i < a.length; i++) {
      System.arraycopy(a[i], 0, flat, i * n, n);
    }
    return flat;
  }

  /** u0 / ||u0||. */
  public double[] unitU0() {
    double nu = norm(u0);
    double[] v = u0.clone();
    for (int k = 0; k < v.length; k++) {
      v[k] /= nu;
    }
    return v;
  }

  /** The common starting point x0 = r0 u0 / ||u0|| of both flows. */
  public double[] x0() {
    double[] v = unitU0();
    for (int k = 0; k < v.length; k++) {
      v[k] *= r0;
    }
    return v;
  }

  /** The same instance with another eta (e.g. for refinement or a sweep). */
  public DiagonalNetInstance withEta(double newEta) {
    return new DiagonalNetInstance(a, b, depth, r0, u0, newEta);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DiagonalNetInstance d && Arrays.deepEquals(a, d.a) && Arrays.equals(b, d.b)
        && depth == d.depth && Double.compare(r0, d.r0) == 0 && Arrays.equals(u0, d.u0)
        && Double.compare(eta, d.eta) == 0;
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(a) * 31 + Arrays.hashCode(b) + depth + Double.hashCode(r0)
        + Arrays.hashCode(u0) + Double.hashCode(eta);
  }

  @Override
  public String toString() {
    return "DiagonalNetInstance[M=" + rows() + ", N=" + columns() + ", L=" + depth + ", r0=" + r0
        + ", eta=" + eta + "]";
  }
}
