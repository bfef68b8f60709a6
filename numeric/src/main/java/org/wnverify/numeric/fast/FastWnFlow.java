package org.wnverify.numeric.fast;

import java.util.Arrays;
import org.wnverify.numeric.generated.GradientFlowKernel;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The WN flow (13)-(14) of Chou, Rauhut and Ward in the state (r, u_1..u_N) (learning rates
 * (eta_r, eta_u) = (eta~, eta_u)), the same field as {@code WnFlowKernel.derivative} and {@code
 * WnFlowOde}, evaluated the fast way: A flat and row-major, both products of the gradient in one
 * pass over A ({@link RowPass}), no allocation per call, optionally on two threads.
 *
 * <p>Opt-in: the default audit integrates the emitted kernel, whose numbers a test pins; this
 * class sums in another order (so it agrees with the kernel to rounding, not bit for bit) and
 * serves the benchmarks in {@code bench/}. The rows are always split into the same two halves and
 * their contributions to A^T s added as lower + upper, so one thread and two give the same bits.
 *
 * <p>Not thread-safe: one instance per integration (it owns scratch arrays).
 */
public final class FastWnFlow implements FlowSystem, AutoCloseable {
  private final double[] a;
  private final double[] b;
  private final int m;
  private final int n;
  private final int depth;
  private final double etaR;
  private final double etaU;
  private final double[] y0;
  private final RowPass pass;
  private final PairRunner pair;
  private final int half;
  private final double[] x;
  private final double[] xl;
  private final double[] s;
  private final double[] tLo;
  private final double[] tHi;
  private final Runnable lower;
  private final Runnable upper;
  private long evaluations;

  /**
   * @param a A, row-major M x N (not copied: must not change while this flow is used)
   * @param threads 1 or 2
   */
  public FastWnFlow(double[] a, int m, int n, double[] b, int depth, double etaR, double etaU, double r0,
      double[] u0, RowPass pass, int threads) {
    if (a.length != m * n || b.length != m || u0.length != n) {
      throw new IllegalArgumentException("shapes: A has " + a.length + " entries for " + m + " x " + n
          + ", b " + b.length + ", u0 " + u0.length);
    }
    if (depth < 1 || !(etaR > 0) || !(etaU > 0)) {
      throw new IllegalArgumentException("need L >= 1 and positive learning rates");
    }
    if (threads != 1 && threads != 2) {
      throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
    }
    this.a = a;
    this.b = b.clone();
    this.m = m;
    this.n = n;
    this.depth = depth;
    this.etaR = etaR;
    this.etaU = etaU;
    this.y0 = new double[n + 1];
    y0[0] = r0;
    System.arraycopy(u0, 0, y0, 1, n);
    this.pass = pass;
    this.pair = threads == 2 ? new PairRunner() : null;
    this.half = m / 2;
    this.x = new double[n];
    this.xl = new double[n];
    this.s = new double[m];
    this.tLo = new double[n];
    this.tHi = new double[n];
    this.lower = () -> pass.run(this.a, n, this.b, xl, 0, half, s, tLo);
    this.upper = () -> pass.run(this.a, n, this.b, xl, half, m, s, tHi);
  }

  /** The flow of an instance with eta_r = eta~ (learning rate CONSTANT) and eta_u = 1. */
  public static FastWnFlow of(DiagonalNetInstance p, RowPass pass, int threads) {
    return new FastWnFlow(p.aRowMajor(), p.rows(), p.columns(), p.b(), p.depth(), p.eta(), 1.0, p.r0(), p.u0(),
        pass, threads);
  }

  public int rows() {
    return m;
  }

  public int columns() {
    return n;
  }

  /** Right-hand-side evaluations so far. */
  public long evaluations() {
    return evaluations;
  }

  public String backend() {
    return pass.name() + (pair != null ? " x2 threads" : "");
  }

  @Override
  public int getDimension() {
    return n + 1;
  }

  /**
   * The raw gradient product t = A^T (A v - b) into {@code out}, with the residual in {@code res}
   * (for tests and the kernel benchmark).
   */
  public void residualAndTranspose(double[] v, double[] res, double[] out) {
    System.arraycopy(v, 0, xl, 0, n);
    products();
    for (int k = 0; k < n; k++) {
      out[k] = tLo[k] + tHi[k];
    }
    System.arraycopy(s, 0, res, 0, m);
  }

  private void products() {
    Arrays.fill(tLo, 0.0);
    Arrays.fill(tHi, 0.0);
    if (pair != null) {
      pair.run(lower, upper);
    } else {
      pass.run(a, n, b, xl, 0, half, s, tLo);
      pass.run(a, n, b, xl, half, m, s, tHi);
    }
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] out) {
    evaluations++;
    double r = y[0];
    double nu = 0.0;
    for (int k = 0; k < n; k++) {
      nu += y[1 + k] * y[1 + k];
    }
    nu = Math.sqrt(nu);
    double c = r / nu;
    for (int k = 0; k < n; k++) {
      x[k] = c * y[1 + k];
    }
    if (depth == 2) {
      for (int k = 0; k < n; k++) {
        xl[k] = x[k] * x[k];
      }
    } else {
      for (int k = 0; k < n; k++) {
        xl[k] = GradientFlowKernel.ipow(x[k], depth);
      }
    }
    products();
    // g = (A^T s) .* x^(L-1); out_u needs u.g first, so g goes into out[1..] and is rescaled there
    double ug = 0.0;
    for (int k = 0; k < n; k++) {
      double g = (tLo[k] + tHi[k]) * (depth == 2 ? x[k] : GradientFlowKernel.ipow(x[k], depth - 1));
      out[1 + k] = g;
      ug += y[1 + k] * g;
    }
    out[0] = -etaR * ug / nu;
    double f = -etaU * c;
    double w = ug / (nu * nu);
    for (int k = 0; k < n; k++) {
      out[1 + k] = f * (out[1 + k] - y[1 + k] * w);
    }
  }

  /** ||s||^2 / (2L) of the residual of the last evaluation (the loss at the state last evaluated). */
  public double lastLoss() {
    double q = 0;
    for (int i = 0; i < m; i++) {
      q += s[i] * s[i];
    }
    return q / (2.0 * depth);
  }

  @Override
  public double[] initialState() {
    return y0.clone();
  }

  @Override
  public double[] point(double[] state) {
    double nu = 0;
    for (int k = 0; k < n; k++) {
      nu += state[1 + k] * state[1 + k];
    }
    nu = Math.sqrt(nu);
    double[] p = new double[n];
    for (int k = 0; k < n; k++) {
      p[k] = state[0] * state[1 + k] / nu;
    }
    return p;
  }

  @Override
  public double loss(double[] state) {
    double[] p = point(state);
    double q = 0;
    for (int i = 0; i < m; i++) {
      double e = -b[i];
      for (int k = 0; k < n; k++) {
        e += a[i * n + k] * GradientFlowKernel.ipow(p[k], depth);
      }
      q += e * e;
    }
    return q / (2.0 * depth);
  }

  @Override
  public void close() {
    if (pair != null) {
      pair.close();
    }
  }
}
