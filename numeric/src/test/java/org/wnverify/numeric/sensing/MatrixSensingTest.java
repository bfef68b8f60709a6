package org.wnverify.numeric.sensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wnverify.numeric.nuclear.SensingOperator;
import org.wnverify.numeric.sensing.MatrixSensing.Algorithm;
import org.wnverify.numeric.sensing.MatrixSensing.Scheme;

/**
 * The five algorithms of Figure 5 against their printed definitions: the first-order loss decrease of one step
 * with a small learning rate c, (F(X_0) - F(X_1))/c, equals the step's directional derivative computed here from
 * finite-difference gradients of each parameterization (GD: ||grad_U||^2; WN: ||W||_F (||grad_W||^2 + grad_g^2);
 * rPGD: the gradient's component tangent to the sphere ||W||_F = 1 plus grad_g^2; the Diag variants column-wise).
 */
class MatrixSensingTest {
  private static final int D = 3;
  private static final double H = 1e-6;

  private final SplittableRandom rnd = new SplittableRandom(5);
  private final SensingOperator op;
  private final double[] y;
  private final double[][] z0;
  private final MatrixSensing ms;

  MatrixSensingTest() {
    double[][][] a = new double[4][D][D];
    for (double[][] ai : a) {
      for (double[] row : ai) {
        for (int j = 0; j < D; j++) {
          row[j] = rnd.nextGaussian();
        }
      }
    }
    op = new SensingOperator(a);
    y = new double[] {1, -0.5, 2, 0.3};
    z0 = MatrixSensing.initialDirection(rnd, D);
    ms = new MatrixSensing(op, y);
  }

  /** Central finite-difference gradient of f at p. */
  private static double[] grad(Function<double[], Double> f, double[] p) {
    double[] g = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      double[] a = p.clone();
      double[] b = p.clone();
      a[i] += H;
      b[i] -= H;
      g[i] = (f.apply(a) - f.apply(b)) / (2 * H);
    }
    return g;
  }

  /** Parameters: the d x d matrix W (row-major) then the scale(s). */
  private static double[][] w(double[] p) {
    double[][] w = new double[D][D];
    for (int i = 0; i < D; i++) {
      System.arraycopy(p, i * D, w[i], 0, D);
    }
    return w;
  }

  private double decreaseRate(Algorithm a, double alpha, double c) {
    MatrixSensing.Run r = ms.run(a, Scheme.SAME_STEP, alpha, z0, c, 1, 1e-300, 1_000_000);
    double f0 = ms.run(a, Scheme.SAME_STEP, alpha, z0, c, 0, 1e-300, 1_000_000).loss();
    return (f0 - r.loss()) / c;
  }

  @Test
  void eachStepDescendsAtTheRateOfItsPrintedDefinition() {
    double alpha = 0.8;
    double g0 = alpha * alpha;
    double[] p = new double[D * D + D];
    for (int i = 0; i < D; i++) {
      System.arraycopy(z0[i], 0, p, i * D, D);
    }
    // GD on U = alpha Z_0
    double[] u = new double[D * D];
    for (int i = 0; i < D * D; i++) {
      u[i] = alpha * p[i];
    }
    double[] gu = grad(q -> ms.loss(mult(w(q), w(q), ones())), u);
    assertThat(decreaseRate(Algorithm.GD, alpha, 1e-6)).isCloseTo(dot(gu, gu), within(1e-3 * dot(gu, gu)));
    // WN: X = g W W^T / ||W||_F^2, eta = gamma = c ||W||_F (||Z_0||_F = 1)
    p[D * D] = g0;
    double[] pw = java.util.Arrays.copyOf(p, D * D + 1);
    double[] gw = grad(q -> ms.loss(scale(q[D * D] / frob2(w(q)), mult(w(q), w(q), ones()))), pw);
    assertThat(decreaseRate(Algorithm.WN, alpha, 1e-6)).isCloseTo(dot(gw, gw), within(1e-3 * dot(gw, gw)));
    // rPGD: X = g W W^T on ||W||_F = 1: the tangent part of grad_W, plus grad_g^2
    double[] gr = grad(q -> ms.loss(scale(q[D * D], mult(w(q), w(q), ones()))), pw);
    double radial = 0;
    for (int i = 0; i < D * D; i++) {
      radial += gr[i] * pw[i];
    }
    double rpgd = dot(gr, gr) - radial * radial;
    assertThat(decreaseRate(Algorithm.RPGD, alpha, 1e-6)).isCloseTo(rpgd, within(1e-3 * rpgd));
    // WN-Diag: X = sum_j D_j w_j w_j^T / ||w_j||^2, D_0 = alpha^2 I, steps c ||W||_F
    for (int j = 0; j < D; j++) {
      p[D * D + j] = g0;
    }
    double[] gd = grad(q -> ms.loss(mult(w(q), w(q), diagOverNorms(q))), p);
    assertThat(decreaseRate(Algorithm.WN_DIAG, alpha, 1e-6)).isCloseTo(dot(gd, gd), within(1e-3 * dot(gd, gd)));
    // rPGD-Diag: X = W D W^T from W_0 = Z_0 with unit columns: the column-tangent parts of grad_W, plus grad_D
    double[] pu = p.clone();
    for (int j = 0; j < D; j++) {
      double n = 0;
      for (int i = 0; i < D; i++) {
        n += pu[i * D + j] * pu[i * D + j];
      }
      for (int i = 0; i < D; i++) {
        pu[i * D + j] /= Math.sqrt(n);
      }
    }
    double[] gq = grad(q -> ms.loss(mult(w(q), w(q), java.util.Arrays.copyOfRange(q, D * D, D * D + D))), pu);
    double want = 0;
    for (int j = 0; j < D; j++) {
      double col = 0;
      double rad = 0;
      for (int i = 0; i < D; i++) {
        col += gq[i * D + j] * gq[i * D + j];
        rad += gq[i * D + j] * pu[i * D + j];
      }
      want += col - rad * rad + gq[D * D + j] * gq[D * D + j];
    }
    assertThat(decreaseRate(Algorithm.RPGD_DIAG, alpha, 1e-6)).isCloseTo(want, within(1e-3 * want));
  }

  @Test
  void theTwoPhaseSchemeFreezesTheScaleForTheFirstThousandIterations() {
    MatrixSensing.Run same = ms.run(Algorithm.RPGD, Scheme.SAME_STEP, 0.8, z0, 1e-3, 1, 1e-300, 1_000_000);
    MatrixSensing.Run two = ms.run(Algorithm.RPGD, Scheme.TWO_PHASE, 0.8, z0, 1e-3, 1, 1e-300, 1_000_000);
    // one step: the same W update, g moved only in the same-step scheme: trace(X_1) = g_1 differs
    double trSame = 0;
    double trTwo = 0;
    for (int i = 0; i < D; i++) {
      trSame += same.x()[i][i];
      trTwo += two.x()[i][i];
    }
    assertThat(trTwo).isCloseTo(0.64, within(1e-12));
    assertThat(trSame).isNotCloseTo(0.64, within(1e-9));
  }

  private double[] diagOverNorms(double[] q) {
    double[] c = new double[D];
    for (int j = 0; j < D; j++) {
      double n = 0;
      for (int i = 0; i < D; i++) {
        n += q[i * D + j] * q[i * D + j];
      }
      c[j] = q[D * D + j] / n;
    }
    return c;
  }

  private static double[] ones() {
    return new double[] {1, 1, 1};
  }

  /** W diag(c) V^T. */
  private static double[][] mult(double[][] w, double[][] v, double[] c) {
    double[][] x = new double[D][D];
    for (int i = 0; i < D; i++) {
      for (int k = 0; k < D; k++) {
        for (int j = 0; j < D; j++) {
          x[i][k] += w[i][j] * c[j] * v[k][j];
        }
      }
    }
    return x;
  }

  private static double[][] scale(double s, double[][] x) {
    return MatrixSensing.times(s, x);
  }

  private static double frob2(double[][] w) {
    return SensingOperator.inner(w, w);
  }

  private static double dot(double[] a, double[] b) {
    return org.wnverify.numeric.linalg.Vectors.dot(a, b);
  }
}
