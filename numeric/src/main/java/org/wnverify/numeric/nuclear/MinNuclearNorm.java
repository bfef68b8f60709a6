package org.wnverify.numeric.nuclear;

import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The minimum nuclear-norm PSD solution of A(X) = y: min trace(X) s.t. A(X) = y, X PSD (on PSD matrices
 * ||X||_* = trace X), solved by the dual alternating-direction augmented Lagrangian method of Wen, Goldfarb and
 * Yin (2010) for the SDP min <I, X> s.t. A(X) = y, X PSD, with dual max y^T lambda s.t. S = I - A^*(lambda) PSD.
 *
 * <p>The answer is certified, not trusted: lambda scaled by 1/(1 + delta), delta = max(0, -lambda_min(I -
 * A^*(lambda))), is dual feasible exactly (I - A^*(lambda)/(1 + delta) = (S + delta I)/(1 + delta) is PSD), so
 * y^T lambda / (1 + delta) is a lower bound on the optimum by weak duality; X is PSD by construction and meets
 * A(X) = y up to the reported residual. {@link Solution#certified} says the gap and the residual are within the
 * caller's tolerances.
 */
public final class MinNuclearNorm {
  private MinNuclearNorm() {}

  /**
   * @param x the primal iterate (PSD)
   * @param value trace(X) = ||X||_*
   * @param lowerBound a rigorous lower bound on the optimum (scaled dual value)
   * @param relativeGap (value - lowerBound) / max(1, |lowerBound|)
   * @param relativeResidual ||A(X) - y|| / max(1, ||y||)
   * @param iterations ADMM iterations spent
   * @param certified gap and residual within the tolerances
   */
  public record Solution(double[][] x, double value, double lowerBound, double relativeGap, double relativeResidual,
      int iterations, boolean certified) {
    public String describe() {
      return "||X^||_* = " + value + ", dual lower bound " + lowerBound + ", relative gap " + relativeGap
          + ", relative residual " + relativeResidual + ", " + iterations + " ADMM iterations"
          + (certified ? "" : " (NOT certified)");
    }
  }

  /**
   * @param gapTolerance the certificate's largest relative duality gap
   * @param residualTolerance the certificate's largest relative residual ||A(X) - y||
   * @param maxIterations ADMM budget
   */
  public static Solution solve(SensingOperator op, double[] y, double gapTolerance, double residualTolerance,
      int maxIterations) {
    int d = op.d();
    int m = op.m();
    double yNorm = Math.max(1, Vectors.norm(y));
    double[][] x = new double[d][d];
    double[][] s = new double[d][d];
    double[] lambda = new double[m];
    double mu = 1;
    double[] aIdentity = op.apply(identity(d));
    int it = 0;
    Solution best = null;
    for (; it < maxIterations; it++) {
      // lambda = -(A A^*)^{-1} (mu (A(X) - y) + A(S - I))
      double[] ax = op.apply(x);
      double[] as = op.apply(s);
      double[] rhs = new double[m];
      for (int i = 0; i < m; i++) {
        rhs[i] = -(mu * (ax[i] - y[i]) + as[i] - aIdentity[i]);
      }
      lambda = op.solveGram(rhs);
      double[][] aty = op.adjoint(lambda);
      double[][] v = new double[d][d];
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          v[j][k] = (j == k ? 1 : 0) - aty[j][k] - mu * x[j][k];
        }
      }
      double[][][] parts = split(v);
      s = parts[0];
      for (int j = 0; j < d; j++) {
        for (int k = 0; k < d; k++) {
          x[j][k] = -parts[1][j][k] / mu;
        }
      }
      if (it % 25 == 24 || it == maxIterations - 1) {
        best = certify(op, y, x, lambda, yNorm, it + 1, gapTolerance, residualTolerance);
        if (best.certified()) {
          return best;
        }
        // balance the primal and dual residuals (the usual penalty update of ADMM)
        double dual = 0;
        for (int j = 0; j < d; j++) {
          for (int k = 0; k < d; k++) {
            double r = (j == k ? 1 : 0) - aty[j][k] - s[j][k];
            dual += r * r;
          }
        }
        double primal = best.relativeResidual() * yNorm;
        if (primal > 10 * Math.sqrt(dual)) {
          mu *= 2;
        } else if (Math.sqrt(dual) > 10 * primal) {
          mu /= 2;
        }
      }
    }
    return best != null ? best : certify(op, y, x, lambda, yNorm, it, gapTolerance, residualTolerance);
  }

  private static double[][] identity(int d) {
    double[][] e = new double[d][d];
    for (int j = 0; j < d; j++) {
      e[j][j] = 1;
    }
    return e;
  }

  static Solution certify(SensingOperator op, double[] y, double[][] x, double[] lambda, double yNorm, int it,
      double gapTolerance, double residualTolerance) {
    int d = op.d();
    double[][] aty = op.adjoint(lambda);
    double[][] slack = new double[d][d];
    for (int j = 0; j < d; j++) {
      for (int k = 0; k < d; k++) {
        slack[j][k] = (j == k ? 1 : 0) - aty[j][k];
      }
    }
    double minEig = Double.POSITIVE_INFINITY;
    for (double e : SensingOperator.eigenvalues(slack)) {
      minEig = Math.min(minEig, e);
    }
    double delta = Math.max(0, -minEig);
    double lb = Vectors.dot(y, lambda) / (1 + delta);
    double trace = 0;
    for (int j = 0; j < d; j++) {
      trace += x[j][j];
    }
    double[] ax = op.apply(x);
    double res = 0;
    for (int i = 0; i < y.length; i++) {
      res += (ax[i] - y[i]) * (ax[i] - y[i]);
    }
    double relRes = Math.sqrt(res) / yNorm;
    double gap = (trace - lb) / Math.max(1, Math.abs(lb));
    double[][] copy = new double[d][];
    for (int j = 0; j < d; j++) {
      copy[j] = x[j].clone();
    }
    return new Solution(copy, trace, lb, gap, relRes, it, Math.abs(gap) <= gapTolerance && relRes <= residualTolerance);
  }

  /** V = V_+ + V_-: the PSD part and the NSD part of a symmetric matrix. */
  static double[][][] split(double[][] v) {
    int d = v.length;
    EigenDecomposition e = new EigenDecomposition(SensingOperator.symmetrize(v));
    double[] ev = e.getRealEigenvalues();
    RealMatrix q = e.getV();
    double[][] plus = new double[d][d];
    double[][] minus = new double[d][d];
    for (int i = 0; i < d; i++) {
      RealVector col = q.getColumnVector(i);
      double[][] target = ev[i] > 0 ? plus : minus;
      for (int j = 0; j < d; j++) {
        double cj = ev[i] * col.getEntry(j);
        for (int k = 0; k < d; k++) {
          target[j][k] += cj * col.getEntry(k);
        }
      }
    }
    return new double[][][] {plus, minus};
  }
}
