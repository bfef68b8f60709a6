package org.wnverify.symbolic.derive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Fraction;

/**
 * The orthogonal projector onto ker A, I - A^T (A A^T)^(-1) A, written out entry by entry as
 * Symja text: for a symbolic row A = (a_1..a_d) as I - a a^T/||a||^2, for a fixed integer A of full
 * row rank with exact rationals computed here. Explicit entries on purpose: Symja 3.0.0's Dot and
 * Inverse on symbolic entries go through a Together that can return wrong rational functions.
 */
final class Projector {
  private Projector() {}

  /** Entries P[i][j] (0-based) as Symja text. */
  static List<List<String>> kernelProjector(WuModel wm) {
    int d = wm.d;
    List<List<String>> p = new ArrayList<>();
    if (wm.fixedA == null) {
      if (wm.m != 1) {
        throw new IllegalArgumentException("symbolic projector only for one row");
      }
      List<String> sq = new ArrayList<>();
      for (int k = 1; k <= d; k++) {
        sq.add(Sym.a(1, k) + "^2");
      }
      String norm = Sym.sum(sq);
      for (int i = 1; i <= d; i++) {
        List<String> row = new ArrayList<>();
        for (int j = 1; j <= d; j++) {
          row.add("(" + (i == j ? "1" : "0") + " - " + Sym.a(1, i) + "*" + Sym.a(1, j) + "/" + norm + ")");
        }
        p.add(row);
      }
      return p;
    }
    BigInteger[][][] q = exact(wm.fixedA);
    for (int i = 0; i < d; i++) {
      List<String> row = new ArrayList<>();
      for (int j = 0; j < d; j++) {
        row.add("(" + q[i][j][0] + "/" + q[i][j][1] + ")");
      }
      p.add(row);
    }
    return p;
  }

  /** P = I - A^T (A A^T)^(-1) A exactly; entries as {numerator, denominator}. */
  static BigInteger[][][] exact(int[][] a) {
    int m = a.length;
    int d = a[0].length;
    // G = A A^T, then solve G X = A (X = G^-1 A) by Gauss-Jordan on [G | A]
    Fraction[][] aug = new Fraction[m][m + d];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        long s = 0;
        for (int k = 0; k < d; k++) {
          s += (long) a[i][k] * a[j][k];
        }
        aug[i][j] = Fraction.of(s);
      }
      for (int k = 0; k < d; k++) {
        aug[i][m + k] = Fraction.of(a[i][k]);
      }
    }
    for (int c = 0; c < m; c++) {
      int piv = c;
      while (aug[piv][c].isZero()) {
        piv++;
      }
      Fraction[] t = aug[c];
      aug[c] = aug[piv];
      aug[piv] = t;
      Fraction inv = Fraction.ONE.over(aug[c][c]);
      for (int j = 0; j < m + d; j++) {
        aug[c][j] = aug[c][j].times(inv);
      }
      for (int i = 0; i < m; i++) {
        if (i != c && !aug[i][c].isZero()) {
          Fraction f = aug[i][c];
          for (int j = 0; j < m + d; j++) {
            aug[i][j] = aug[i][j].minus(f.times(aug[c][j]));
          }
        }
      }
    }
    BigInteger[][][] p = new BigInteger[d][d][];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        Fraction s = Fraction.of(i == j ? 1 : 0);
        for (int r = 0; r < m; r++) {
          s = s.minus(Fraction.of(a[r][i]).times(aug[r][m + j]));
        }
        p[i][j] = new BigInteger[] {s.num(), s.den()};
      }
    }
    return p;
  }
}
