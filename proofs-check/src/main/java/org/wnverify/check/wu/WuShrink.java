package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Simpler variants of a Wu instance, most aggressive first: drop a row of A (and y), drop a column
 * of A (and the entry of w0, renormalised), round every number to 1, 2 or 3 significant digits
 * (w0 renormalised after rounding so that ||w0|| = 1 survives), g0 and c to round values.
 */
final class WuShrink {
  private WuShrink() {}

  static List<WuInstance> candidates(WuInstance p) {
    List<WuInstance> out = new ArrayList<>();
    double[][] a = p.a();
    int m = p.rows();
    int d = p.columns();
    boolean unit = Math.abs(Vectors.norm(p.w0()) - 1) < 1e-12;
    if (m > 1) {
      for (int drop = 0; drop < m; drop++) {
        double[][] b = new double[m - 1][];
        double[] y = new double[m - 1];
        for (int i = 0, j = 0; i < m; i++) {
          if (i != drop) {
            b[j] = a[i];
            y[j++] = p.y()[i];
          }
        }
        add(out, b, y, p.w0(), p.g0(), p.c(), false);
      }
    }
    if (d > m + 1) {
      for (int drop = 0; drop < d; drop++) {
        double[][] b = new double[m][d - 1];
        double[] w = new double[d - 1];
        for (int i = 0; i < m; i++) {
          for (int k = 0, j = 0; k < d; k++) {
            if (k != drop) {
              b[i][j++] = a[i][k];
            }
          }
        }
        for (int k = 0, j = 0; k < d; k++) {
          if (k != drop) {
            w[j++] = p.w0()[k];
          }
        }
        add(out, b, p.y(), w, p.g0(), p.c(), unit);
      }
    }
    for (int digits = 1; digits <= 3; digits++) {
      double[][] b = new double[m][];
      for (int i = 0; i < m; i++) {
        b[i] = round(a[i], digits);
      }
      add(out, b, round(p.y(), digits), round(p.w0(), digits), round(p.g0(), digits), round(p.c(), digits), unit);
    }
    add(out, a, p.y(), p.w0(), round(p.g0(), 1), p.c(), false);
    add(out, a, p.y(), p.w0(), p.g0(), round(p.c(), 1), false);
    out.removeIf(q -> q.equals(p));
    return out;
  }

  private static void add(List<WuInstance> out, double[][] a, double[] y, double[] w, double g0, double c,
      boolean renormalise) {
    try {
      double[] w0 = renormalise ? Vectors.scale(1 / Vectors.norm(w), w) : w;
      out.add(new WuInstance(a, y, w0, g0, c));
    } catch (IllegalArgumentException e) {
      // a candidate that is not an instance (w0 = 0 after rounding, ...) is simply not offered
    }
  }

  static double round(double x, int digits) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new java.math.BigDecimal(x).round(new java.math.MathContext(digits)).doubleValue();
  }

  static double[] round(double[] v, int digits) {
    double[] r = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      r[k] = round(v[k], digits);
    }
    return r;
  }
}
