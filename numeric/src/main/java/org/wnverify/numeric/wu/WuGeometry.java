package org.wnverify.numeric.wu;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

/**
 * What the statements of Wu et al. derive from A and y: the eigenvalues of A A^T, the minimum
 * norm solution x* = A^+ y = g* w* (g* = ||x*|| > 0, ||w*|| = 1), and the split of a vector into
 * its row-space part and its part in ker A. The paper's Definition 1.1 writes the split as
 * A z^par = y, A z^perp = 0; its proofs (C.3: "P^perp the projection into the orthocomplement of
 * the row span of A", E.2 (38)) use the orthogonal projection, which is what is computed here.
 */
public final class WuGeometry {
  private final double[][] a;
  private final double[] y;
  private final double[][] rowProjector;
  private final double[] xStar;
  private final double lambdaMin;
  private final double lambdaMax;
  private final double frobeniusAAt;
  private final int rank;

  private WuGeometry(double[][] a, double[] y) {
    this.a = a;
    this.y = y;
    PseudoInverse pinv = PseudoInverse.of(a);
    this.rank = pinv.rank();
    double[][] p = pinv.matrix();
    int d = a[0].length;
    int m = a.length;
    rowProjector = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        double s = 0;
        for (int k = 0; k < m; k++) {
          s += p[i][k] * a[k][j];
        }
        rowProjector[i][j] = s;
      }
    }
    xStar = pinv.apply(y);
    RealMatrix am = MatrixUtils.createRealMatrix(a);
    RealMatrix aat = am.multiply(am.transpose());
    double[] ev = new EigenDecomposition(aat).getRealEigenvalues();
    double lo = Double.POSITIVE_INFINITY;
    double hi = 0;
    for (double e : ev) {
      lo = Math.min(lo, e);
      hi = Math.max(hi, e);
    }
    lambdaMin = Math.max(lo, 0.0);
    lambdaMax = hi;
    frobeniusAAt = aat.getFrobeniusNorm();
  }

  public static WuGeometry of(WuInstance p) {
    return new WuGeometry(p.a(), p.y());
  }

  public static WuGeometry of(double[][] a, double[] y) {
    return new WuGeometry(a, y.clone());
  }

  /** lambda_min(A A^T) (0 when A is rank deficient, up to rounding). */
  public double lambdaMin() {
    return lambdaMin;
  }

  public double lambdaMax() {
    return lambdaMax;
  }

  /** ||A A^T||_F (Proposition E.9, (49)-(50)). */
  public double frobeniusAAt() {
    return frobeniusAAt;
  }

  public int rank() {
    return rank;
  }

  /** The minimum l2-norm solution x* = A^+ y. */
  public double[] xStar() {
    return xStar.clone();
  }

  /** g* = ||x*|| (positive unless y = 0, the case the paper excludes). */
  public double gStar() {
    return Vectors.norm(xStar);
  }

  /** w* = x* / g* (NaN entries when y = 0). */
  public double[] wStar() {
    return Vectors.scale(1.0 / gStar(), xStar);
  }

  /** The orthogonal projection of z onto the row space of A (A^+ A z). */
  public double[] parallel(double[] z) {
    return Vectors.multiply(rowProjector, z);
  }

  /** The part of z in ker A ((I - A^+ A) z). */
  public double[] perp(double[] z) {
    return Vectors.subtract(z, parallel(z));
  }

  /** ||A A^T - I||_max: how far A is from having orthonormal rows. */
  public double orthogonalityDefect() {
    double worst = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        double s = Vectors.dot(a[i], a[j]) - (i == j ? 1 : 0);
        worst = Math.max(worst, Math.abs(s));
      }
    }
    return worst;
  }

  public double[] targets() {
    return y.clone();
  }
}
