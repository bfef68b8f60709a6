package org.wnverify.numeric.linalg;

import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * The Moore-Penrose pseudo-inverse A^+ by SVD. Singular values below
 * {@code max(M, N) * sigma_max * ulp(1)} (the LAPACK/NumPy default) count as zero: below that a
 * singular value is indistinguishable from rounding noise in A itself.
 */
public final class PseudoInverse {
  private final RealMatrix pinv;
  private final int rank;
  private final double[] singularValues;

  private PseudoInverse(RealMatrix pinv, int rank, double[] singularValues) {
    this.pinv = pinv;
    this.rank = rank;
    this.singularValues = singularValues;
  }

  public static PseudoInverse of(double[][] a) {
    RealMatrix m = MatrixUtils.createRealMatrix(a);
    SingularValueDecomposition svd = new SingularValueDecomposition(m);
    double[] s = svd.getSingularValues();
    double cutoff = Math.max(a.length, a[0].length) * (s.length == 0 ? 0 : s[0]) * Math.ulp(1.0);
    RealMatrix u = svd.getU();
    RealMatrix v = svd.getV();
    int rank = 0;
    RealMatrix sInv = MatrixUtils.createRealMatrix(s.length, s.length);
    for (int k = 0; k < s.length; k++) {
      if (s[k] > cutoff) {
        sInv.setEntry(k, k, 1.0 / s[k]);
        rank++;
      }
    }
    RealMatrix pinv = v.multiply(sInv).multiply(u.transpose());
    return new PseudoInverse(pinv, rank, s.clone());
  }

  /** A^+ as an N x M array. */
  public double[][] matrix() {
    return pinv.getData();
  }

  /** A^+ y. */
  public double[] apply(double[] y) {
    return pinv.operate(y);
  }

  public int rank() {
    return rank;
  }

  /** Singular values of A, descending. */
  public double[] singularValues() {
    return singularValues.clone();
  }

  /** ||A^+ b||_2, the norm of the minimum-norm least-squares solution. */
  public static double minNormSolutionNorm(double[][] a, double[] b) {
    return Vectors.norm(of(a).apply(b));
  }
}
