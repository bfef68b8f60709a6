package org.wnverify.numeric.sensing;

import org.wnverify.numeric.nuclear.SensingOperator;
import org.wnverify.numeric.wu.BudgetStop;

/**
 * The overparameterized matrix-sensing problem (57) of Wu et al., Appendix F.2,
 * f(U) = 1/(2m) sum_i (<A_i, U U^T> - y_i)^2 with U in R^{d x d}, and the five algorithms of Figure 5 exactly as
 * printed, each a function of X = U U^T through F(X) = 1/(2m) sum_i (<A_i, X> - y_i)^2 with gradient
 * G = (1/m) sum_i r_i S_i (S_i the symmetric part of A_i, since X is symmetric):
 * <ul>
 *   <li>GD on U: U_{t+1} = U_t - c grad_U f = U_t - 2c G U_t;
 *   <li>WN: U U^T = g W W^T/||W||_F^2, gradient steps on W (eta_t) and g (gamma_t) from the same iterate;
 *   <li>WN-Diag: U U^T = W D W^T with W's columns w_i/||w_i|| (the unnormalized w_i are the variables), D diagonal;
 *   <li>rPGD (Algorithm 3): V_t = W_t - eta_t grad_W f(W_t, g_t), W_{t+1} = V_t/||V_t||_F,
 *       g_{t+1} = g_t - gamma_t grad_g f(W_t, g_t), with f(W, g) = F(g W W^T);
 *   <li>rPGD-Diag (Algorithm 4): V_t = W_t - eta_t grad_W f(W_t, D_t), W_{t+1} = V_t with its columns normalized,
 *       diag(D_{t+1}) = diag(D_t) - gamma_t diag(grad_D f(W_t, D_t)), with f(W, D) = F(W D W^T) (Algorithm 4's
 *       text prints "U U^T = D W^T", a typo for W D W^T: D W^T is not symmetric and Algorithm 4's loss is f(W, D)).
 * </ul>
 * Step sizes (F.2): GD constant c; rPGD and rPGD-Diag eta_t = gamma_t = c (same step) or eta_t = c,
 * gamma_t = c 1{t > 1000} (two-phase); WN (and WN-Diag, which F.2 does not list separately: it takes WN's rule)
 * eta_t = gamma_t = c ||W_t||_F, or eta_t = c ||W_t||_F and gamma_t = c 1{t > 1000} (the two-phase sentence
 * "set eta_t = gamma_t = c||W||_F and gamma_t = c 1{t>1000} for WN", its last assignment to gamma_t taken as
 * printed). The learning rate c by F.2's grid search (footnote 9): start with 0.5 and halve until the run
 * converges (loss below 1e-6).
 */
public final class MatrixSensing {
  /** The curves of Figure 5. */
  public enum Algorithm {
    GD("GD"), WN("WN"), WN_DIAG("WN-Diag"), RPGD("rPGD"), RPGD_DIAG("rPGD-Diag");

    private final String label;

    Algorithm(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Figure 5's two learning-rate schemes (top/left and bottom/right). */
  public enum Scheme {
    SAME_STEP, TWO_PHASE
  }

  /** gamma_t = c 1{t > PHASE_ONE} in the two-phase scheme. */
  public static final int PHASE_ONE = 1000;
  /** Footnote 9's first learning rate. */
  public static final double FIRST_STEP = 0.5;
  /**
   * A run whose loss exceeds this multiple of its initial loss diverged (the grid search then halves c): far
   * beyond any transient of a convergent run, and reached within a few iterations by a divergent one.
   */
  static final double DIVERGED = 1e8;
  /**
   * The grid search ends after this many consecutive runs that spent their budget still descending: a smaller c
   * descends more slowly still, so it cannot converge within the same budget (footnote 9 halves "until we get a
   * step-size that can converge").
   */
  static final int SLOW_RUNS = 2;
  private static final double[] EMPTY = new double[0];

  /** How a run ended. */
  public enum Status {
    CONVERGED, DIVERGED, STALLED, MAX_ITERATIONS
  }

  /**
   * @param x the final X = U U^T
   * @param step the learning rate c of this run
   * @param tried how many learning rates the grid search tried (this one included)
   */
  public record Run(Status status, int iterations, double[][] x, double loss, double step, int tried, String message) {
    public boolean converged() {
      return status == Status.CONVERGED;
    }
  }

  private final SensingOperator op;
  private final double[] y;
  private final int d;

  public MatrixSensing(SensingOperator op, double[] y) {
    this.op = op;
    this.y = y.clone();
    this.d = op.d();
  }

  /** F(X) = 1/(2m) sum_i (<A_i, X> - y_i)^2. */
  public double loss(double[][] x) {
    double[] ax = op.apply(x);
    double s = 0;
    for (int i = 0; i < ax.length; i++) {
      s += (ax[i] - y[i]) * (ax[i] - y[i]);
    }
    return s / (2 * ax.length);
  }

  private double[][] gradient(double[][] x) {
    double[] r = op.apply(x);
    for (int i = 0; i < r.length; i++) {
      r[i] = (r[i] - y[i]) / r.length;
    }
    return op.adjoint(r);
  }

  /**
   * Footnote 9's grid search: c = 0.5, 0.25, ... (at most {@code halvings} halvings) "until we get a step-size that
   * can converge to the solution": every run that did not converge (diverged, stalled, budget spent) moves on to
   * the next c, until {@link #SLOW_RUNS} consecutive runs spent their budget still descending; if none converged
   * the last run is returned, unconverged.
   *
   * @param z0 Z_0 = Z/||Z||_F with Z's columns normalized first (F.2's initialization)
   * @param stopWindow the window of the {@link BudgetStop} stall test
   */
  public Run gridSearch(Algorithm a, Scheme s, double alpha, double[][] z0, int maxIterations, double lossTarget,
      int halvings, int stopWindow) {
    Run last = null;
    double c = FIRST_STEP;
    int slow = 0;
    for (int k = 0; k <= halvings; k++, c /= 2) {
      Run r = run(a, s, alpha, z0, c, maxIterations, lossTarget, stopWindow);
      last = new Run(r.status(), r.iterations(), r.x(), r.loss(), c, k + 1, r.message());
      slow = r.status() == Status.MAX_ITERATIONS ? slow + 1 : 0;
      if (r.converged() || slow >= SLOW_RUNS) {
        return last;
      }
    }
    return last;
  }

  /** One run with learning rate c from F.2's initialization at scale alpha. */
  public Run run(Algorithm a, Scheme s, double alpha, double[][] z0, double c, int maxIterations, double lossTarget,
      int stopWindow) {
    double[][] w = copy(z0);
    double[] scale = new double[d];
    double g = alpha * alpha;
    if (a == Algorithm.GD) {
      w = times(alpha, z0);
    } else if (a == Algorithm.WN_DIAG || a == Algorithm.RPGD_DIAG) {
      java.util.Arrays.fill(scale, alpha * alpha);
      if (a == Algorithm.RPGD_DIAG) {
        normalizeColumns(w); // Algorithm 4's W has unit columns: W_0 = Z_0 with its columns normalized
      }
    }
    int notBefore = (s == Scheme.TWO_PHASE && a != Algorithm.GD ? PHASE_ONE : 0) + stopWindow;
    BudgetStop stop = new BudgetStop(lossTarget, maxIterations, stopWindow, notBefore);
    double loss0 = Double.NaN;
    for (int t = 0; ; t++) {
      double[][] x = point(a, w, g, scale);
      double loss = loss(x);
      if (t == 0) {
        loss0 = loss;
      }
      if (!Double.isFinite(loss) || loss > DIVERGED * Math.max(1, loss0)) {
        return new Run(Status.DIVERGED, t, x, loss, c, 1, "loss " + loss + " at t = " + t);
      }
      if (loss <= lossTarget) {
        return new Run(Status.CONVERGED, t, x, loss, c, 1, "loss " + loss + " <= " + lossTarget + " at t = " + t);
      }
      // only a stall stops a run early: the slow tails of overparameterized sensing (GD from alpha = 1 descends
      // ever more slowly, then converges) make the budget extrapolation of BudgetStop too pessimistic here
      if (!stop.iterate(t, g, EMPTY, loss, Double.NaN) && stop.stalled()) {
        return new Run(Status.STALLED, t, x, loss, c, 1, stop.reason());
      }
      if (t >= maxIterations) {
        return new Run(Status.MAX_ITERATIONS, t, x, loss, c, 1, maxIterations + " iterations spent, loss " + loss);
      }
      double[][] grad = gradient(x);
      double[][] gw = multiply(grad, w);
      double wNorm = frobenius(w);
      boolean phaseTwo = t > PHASE_ONE;
      switch (a) {
        case GD -> axpy(w, -2 * c, gw);
        case WN -> {
          double n = wNorm * wNorm;
          double q = inner(gw, w) / n; // <G, W W^T>/||W||^2 = grad_g
          double eta = c * wNorm;
          double gamma = s == Scheme.SAME_STEP ? c * wNorm : (phaseTwo ? c : 0);
          double[][] dw = copy(gw);
          axpy(dw, -q, w);
          axpy(w, -eta * 2 * g / n, dw);
          g -= gamma * q;
        }
        case WN_DIAG -> {
          double eta = c * wNorm;
          double gamma = s == Scheme.SAME_STEP ? c * wNorm : (phaseTwo ? c : 0);
          for (int j = 0; j < d; j++) {
            double nj = 0;
            double qj = 0;
            for (int i = 0; i < d; i++) {
              nj += w[i][j] * w[i][j];
              qj += w[i][j] * gw[i][j];
            }
            qj /= nj; // w_j^T G w_j / ||w_j||^2 = grad_{D_j}
            double f = eta * 2 * scale[j] / nj;
            for (int i = 0; i < d; i++) {
              w[i][j] -= f * (gw[i][j] - qj * w[i][j]);
            }
            scale[j] -= gamma * qj;
          }
        }
        case RPGD -> {
          double q = inner(gw, w); // <G, W W^T> = grad_g
          double gamma = s == Scheme.SAME_STEP ? c : (phaseTwo ? c : 0);
          axpy(w, -c * 2 * g, gw);
          double v = frobenius(w);
          w = times(1 / v, w);
          g -= gamma * q;
        }
        case RPGD_DIAG -> {
          double gamma = s == Scheme.SAME_STEP ? c : (phaseTwo ? c : 0);
          for (int j = 0; j < d; j++) {
            double qj = 0;
            for (int i = 0; i < d; i++) {
              qj += w[i][j] * gw[i][j]; // (W^T G W)_jj = grad_{D_j}
            }
            for (int i = 0; i < d; i++) {
              w[i][j] -= c * 2 * scale[j] * gw[i][j];
            }
            scale[j] -= gamma * qj;
          }
          normalizeColumns(w);
        }
        default -> throw new IllegalStateException(a.name());
      }
    }
  }

  /** X of the current iterate. */
  double[][] point(Algorithm a, double[][] w, double g, double[] scale) {
    double[] coef = new double[d];
    switch (a) {
      case GD -> java.util.Arrays.fill(coef, 1);
      case WN -> {
        double n = frobenius(w);
        java.util.Arrays.fill(coef, g / (n * n));
      }
      case RPGD -> java.util.Arrays.fill(coef, g);
      case WN_DIAG -> {
        for (int j = 0; j < d; j++) {
          double nj = 0;
          for (int i = 0; i < d; i++) {
            nj += w[i][j] * w[i][j];
          }
          coef[j] = scale[j] / nj;
        }
      }
      case RPGD_DIAG -> System.arraycopy(scale, 0, coef, 0, d);
      default -> throw new IllegalStateException(a.name());
    }
    double[][] x = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k <= i; k++) {
        double sum = 0;
        for (int j = 0; j < d; j++) {
          sum += w[i][j] * coef[j] * w[k][j];
        }
        x[i][k] = x[k][i] = sum;
      }
    }
    return x;
  }

  /** F.2's Z_0: a Gaussian matrix with its columns normalized, then divided by its Frobenius norm. */
  public static double[][] initialDirection(java.util.random.RandomGenerator rnd, int d) {
    double[][] z = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = rnd.nextGaussian();
      }
    }
    normalizeColumns(z);
    return times(1 / frobenius(z), z);
  }

  static void normalizeColumns(double[][] w) {
    int d = w.length;
    for (int j = 0; j < w[0].length; j++) {
      double n = 0;
      for (int i = 0; i < d; i++) {
        n += w[i][j] * w[i][j];
      }
      n = Math.sqrt(n);
      for (int i = 0; i < d; i++) {
        w[i][j] /= n;
      }
    }
  }

  static double[][] multiply(double[][] p, double[][] q) {
    int n = p.length;
    int k = q.length;
    int c = q[0].length;
    double[][] out = new double[n][c];
    for (int i = 0; i < n; i++) {
      double[] o = out[i];
      for (int l = 0; l < k; l++) {
        double v = p[i][l];
        double[] row = q[l];
        for (int j = 0; j < c; j++) {
          o[j] += v * row[j];
        }
      }
    }
    return out;
  }

  static double frobenius(double[][] p) {
    return Math.sqrt(inner(p, p));
  }

  static double inner(double[][] p, double[][] q) {
    return SensingOperator.inner(p, q);
  }

  static void axpy(double[][] target, double a, double[][] x) {
    for (int i = 0; i < target.length; i++) {
      for (int j = 0; j < target[i].length; j++) {
        target[i][j] += a * x[i][j];
      }
    }
  }

  static double[][] times(double a, double[][] p) {
    double[][] out = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      out[i] = org.wnverify.numeric.linalg.Vectors.scale(a, p[i]);
    }
    return out;
  }

  static double[][] copy(double[][] p) {
    double[][] out = new double[p.length][];
    for (int i = 0; i < p.length; i++) {
      out[i] = p[i].clone();
    }
    return out;
  }
}
