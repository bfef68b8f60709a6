package org.wnverify.numeric.linalg;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/** Column submatrices A|_I and their smallest singular value sigma_min(A|_I) (Lemma 3.6). */
public final class ColumnSubmatrices {
  private ColumnSubmatrices() {}

  /** The M x |I| matrix of the columns of A listed in {@code columns}. */
  public static double[][] select(double[][] a, int[] columns) {
    double[][] s = new double[a.length][columns.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < columns.length; j++) {
        s[i][j] = a[i][columns[j]];
      }
    }
    return s;
  }

  /**
   * The smallest singular value of A|_I, i.e. the min(M, |I|)-th singular value; zero when A|_I
   * is rank deficient.
   */
  public static double smallestSingularValue(double[][] a, int[] columns) {
    double[] s = new SingularValueDecomposition(MatrixUtils.createRealMatrix(select(a, columns)))
        .getSingularValues();
    return s[s.length - 1];
  }
}
