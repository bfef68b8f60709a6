package org.wnverify.numeric.wu;

import org.wnverify.numeric.problem.InvalidInstanceException;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * One instance of the over-parametrized least-squares problem of Wu et al.: minimise
 * ||A x - y||^2 / 2 (1) over x = g w / ||w|| (WN, (2)) or x = g w with ||w|| = 1 (rPGD, (3)),
 * from (g0, w0), with the step-size ratio c of Condition 2.1 (gamma = c eta for g, eta for w).
 *
 * <p>The record checks only what makes the problem well defined (shapes, finite entries,
 * w0 != 0, c >= 0, m <= d); the hypotheses of individual statements (||w0|| = 1, lambda_min > 0,
 * A A^T = I, 0 < g0 < g*, ...) are checked by the claims, because a counterexample may sit on
 * their boundary. w0 is kept as given (Theorem D.2 starts from a w0 of any norm).
 *
 * @param a the m x d feature matrix (rows)
 * @param y the m targets
 * @param w0 initial direction (d entries, not all 0)
 * @param g0 initial scale
 * @param c the ratio gamma / eta of Condition 2.1 (c = 0 freezes g)
 */
public record WuInstance(double[][] a, double[] y, double[] w0, double g0, double c) implements ProblemInstance {

  public WuInstance {
    if (a == null || a.length == 0) {
      throw new InvalidInstanceException("A", "must be a non-empty matrix");
    }
    int d = a[0] == null ? 0 : a[0].length;
    if (d == 0) {
      throw new InvalidInstanceException("A", "rows must be non-empty");
    }
    double[][] copy = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      if (a[i] == null || a[i].length != d) {
        throw new InvalidInstanceException("A[" + i + "]", "has " + (a[i] == null ? 0 : a[i].length)
            + " entries, expected " + d + " like row 0");
      }
      requireFinite("A[" + i + "]", a[i]);
      copy[i] = a[i].clone();
    }
    a = copy;
    if (a.length > d) {
      throw new InvalidInstanceException("A", "has m = " + a.length + " rows and d = " + d
          + " columns; the problem (1) is over-parametrized, m <= d");
    }
    if (y == null || y.length != a.length) {
      throw new InvalidInstanceException("y", "has " + (y == null ? 0 : y.length)
          + " entries, expected m = " + a.length + " (the rows of A)");
    }
    requireFinite("y", y);
    y = y.clone();
    if (w0 == null || w0.length != d) {
      throw new InvalidInstanceException("w0", "has " + (w0 == null ? 0 : w0.length)
          + " entries, expected d = " + d + " (the columns of A)");
    }
    requireFinite("w0", w0);
    double n = 0;
    for (double v : w0) {
      n += v * v;
    }
    if (n == 0.0) {
      throw new InvalidInstanceException("w0", "must not be the zero vector (its direction is the weight)");
    }
    w0 = w0.clone();
    if (!Double.isFinite(g0)) {
      throw new InvalidInstanceException("g0", "must be finite, got " + g0);
    }
    if (!Double.isFinite(c) || c < 0) {
      throw new InvalidInstanceException("c", "must be a finite number >= 0 (Condition 2.1), got " + c);
    }
  }

  private static void requireFinite(String field, double[] v) {
    for (int k = 0; k < v.length; k++) {
      if (!Double.isFinite(v[k])) {
        throw new InvalidInstanceException(field, "entry " + k + " is not finite: " + v[k]);
      }
    }
  }

  public int rows() {
    return a.length;
  }

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
  public double[] y() {
    return y.clone();
  }

  @Override
  public double[] w0() {
    return w0.clone();
  }

  /** The same instance with another initial scale. */
  public WuInstance withG0(double g) {
    return new WuInstance(a, y, w0, g, c);
  }

  /** The same instance with another ratio c. */
  public WuInstance withC(double ratio) {
    return new WuInstance(a, y, w0, g0, ratio);
  }

  /** The same instance with another initial direction. */
  public WuInstance withW0(double[] w) {
    return new WuInstance(a, y, w, g0, c);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WuInstance p && java.util.Arrays.deepEquals(a, p.a) && java.util.Arrays.equals(y, p.y)
        && java.util.Arrays.equals(w0, p.w0) && Double.compare(g0, p.g0) == 0 && Double.compare(c, p.c) == 0;
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(java.util.Arrays.deepHashCode(a), java.util.Arrays.hashCode(y),
        java.util.Arrays.hashCode(w0), g0, c);
  }

  @Override
  public String toString() {
    return "WuInstance[m=" + a.length + ", d=" + a[0].length + ", g0=" + g0 + ", c=" + c + "]";
  }
}
