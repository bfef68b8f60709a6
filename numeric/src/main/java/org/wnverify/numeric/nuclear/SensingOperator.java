package org.wnverify.numeric.nuclear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The linear measurement map X -> (<A_1, X>, ..., <A_m, X>) of matrix sensing, restricted to symmetric X
 * (the iterates U U^T of (57) are symmetric): on symmetric X, <A_i, X> = <S_i, X> with S_i = (A_i + A_i^T)/2,
 * so the map, its adjoint and its Gram matrix are computed with the S_i.
 */
public final class SensingOperator {
  private final double[][][] s;
  private final int d;
  private final DecompositionSolver gram;

  /** @param a the sensing matrices A_i (d x d each, any entries) */
  public SensingOperator(double[][][] a) {
    d = a[0].length;
    s = new double[a.length][d][d];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          s[i][j][k] = 0.5 * (a[i][j][k] + a[i][k][j]);
        }
      }
    }
    double[][] g = new double[a.length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j <= i; j++) {
        g[i][j] = g[j][i] = inner(s[i], s[j]);
      }
    }
    gram = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false)).getSolver();
  }

  public int m() {
    return s.length;
  }

  public int d() {
    return d;
  }

  /** A(X) for symmetric X. */
  public double[] apply(double[][] x) {
    double[] out = new double[s.length];
    for (int i = 0; i < s.length; i++) {
      out[i] = inner(s[i], x);
    }
    return out;
  }

  /** A^*(lambda) = sum_i lambda_i S_i (symmetric). */
  public double[][] adjoint(double[] lambda) {
    double[][] out = new double[d][d];
    for (int i = 0; i < s.length; i++) {
      double l = lambda[i];
      for (int j = 0; j < d; j++) {
        double[] row = s[i][j];
        double[] o = out[j];
        for (int k = 0; k < d; k++) {
          o[k] += l * row[k];
        }
      }
    }
    return out;
  }

  /** (A A^*)^{-1} v. */
  public double[] solveGram(double[] v) {
    return gram.solve(new org.apache.commons.math3.linear.ArrayRealVector(v, false)).toArray();
  }

  /** The minimum Frobenius-norm symmetric solution of A(X) = y: X = A^*((A A^*)^{-1} y). */
  public double[][] minFrobeniusSolution(double[] y) {
    return adjoint(solveGram(y));
  }

  /** <P, Q> = trace(P^T Q). */
  public static double inner(double[][] p, double[][] q) {
    double sum = 0;
    for (int j = 0; j < p.length; j++) {
      for (int k = 0; k < p[j].length; k++) {
        sum += p[j][k] * q[j][k];
      }
    }
    return sum;
  }

  /** The eigenvalues of a symmetric matrix (ascending order not guaranteed). */
  public static double[] eigenvalues(double[][] x) {
    return new EigenDecomposition(symmetrize(x)).getRealEigenvalues();
  }

  /** ||X||_* of a symmetric matrix: the sum of |eigenvalues|. */
  public static double nuclearNorm(double[][] x) {
    double sum = 0;
    for (double e : eigenvalues(x)) {
      sum += Math.abs(e);
    }
    return sum;
  }

  static RealMatrix symmetrize(double[][] x) {
    int n = x.length;
    double[][] c = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < n; k++) {
        c[j][k] = 0.5 * (x[j][k] + x[k][j]);
      }
    }
    return new Array2DRowRealMatrix(c, false);
  }
}
