package org.wnverify.numeric.nuclear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The minimum-trace PSD solver on an instance with a known minimiser, built exactly: X0 = U0 diag(2, 1) U0^T
 * and a dual certificate lambda = e_1 with A_1 = I - Z, Z = P (I + B B^T) P PSD, P the projector onto range(U0)'s
 * complement: then I - A^*(e_1) = Z is PSD and <Z, X0> = 0, so X0 is optimal with value trace X0 = 3.
 */
class MinNuclearNormTest {
  @Test
  void findsAndCertifiesAKnownMinimiser() {
    int d = 6;
    int m = 14;
    SplittableRandom rnd = new SplittableRandom(7);
    double[][] g = gaussian(rnd, d, 2);
    RealMatrix u0 = new QRDecomposition(new Array2DRowRealMatrix(g)).getQ().getSubMatrix(0, d - 1, 0, 1);
    RealMatrix x0 = u0.multiply(new Array2DRowRealMatrix(new double[][] {{2, 0}, {0, 1}})).multiply(u0.transpose());
    RealMatrix p = org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(d)
        .subtract(u0.multiply(u0.transpose()));
    RealMatrix b = new Array2DRowRealMatrix(gaussian(rnd, d, d));
    RealMatrix z = p.multiply(org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(d)
        .add(b.multiply(b.transpose()))).multiply(p);
    double[][][] a = new double[m][][];
    a[0] = org.apache.commons.math3.linear.MatrixUtils.createRealIdentityMatrix(d).subtract(z).getData();
    for (int i = 1; i < m; i++) {
      a[i] = gaussian(rnd, d, d);
    }
    SensingOperator op = new SensingOperator(a);
    double[] y = op.apply(x0.getData());
    MinNuclearNorm.Solution sol = MinNuclearNorm.solve(op, y, 1e-7, 1e-9, 50_000);
    assertThat(sol.certified()).as(sol.describe()).isTrue();
    assertThat(sol.value()).isCloseTo(3.0, within(1e-5));
    assertThat(sol.lowerBound()).isLessThanOrEqualTo(3.0 + 1e-9);
    assertThat(new Array2DRowRealMatrix(sol.x()).subtract(x0).getFrobeniusNorm()).isLessThan(1e-3);
    // the minimum Frobenius-norm solution is another point of the affine set, with a larger nuclear norm
    assertThat(SensingOperator.nuclearNorm(op.minFrobeniusSolution(y))).isGreaterThan(3.0 + 1e-3);
  }

  @Test
  void anUncertifiedAnswerSaysSo() {
    SplittableRandom rnd = new SplittableRandom(3);
    double[][][] a = new double[5][][];
    for (int i = 0; i < 5; i++) {
      a[i] = gaussian(rnd, 5, 5);
    }
    SensingOperator op = new SensingOperator(a);
    double[][] u = gaussian(rnd, 5, 1);
    double[][] x = new Array2DRowRealMatrix(u).multiply(new Array2DRowRealMatrix(u).transpose()).getData();
    MinNuclearNorm.Solution sol = MinNuclearNorm.solve(op, op.apply(x), 1e-12, 1e-14, 3);
    assertThat(sol.certified()).isFalse();
    assertThat(sol.describe()).contains("NOT certified");
  }

  private static double[][] gaussian(SplittableRandom rnd, int r, int c) {
    double[][] g = new double[r][c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        g[i][j] = rnd.nextGaussian();
      }
    }
    return g;
  }
}
