package org.wnverify.numeric.stiff;

import org.wnverify.numeric.fast.RowPass;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The gradient flow (11) d/dt x = -(A^T e) x^(L-1), e = A x^L - b, in the state y = log x (x > 0
 * along the flow): dy_k/dt = -t_k x_k^(L-2) with t = A^T e. Starts such as gamma(r0, r_inf) x_wn(0),
 * which underflow double precision, are given by their logarithms. The Jacobian is diag(-(L-2) t_k
 * x_k^(L-2)) plus the rank-M term -diag(x^(L-2)) A^T A diag(L x^L).
 */
public final class LogGradientFlow implements StructuredFlow {
  private final double[] a;
  private final double[] b;
  private final int m;
  private final int n;
  private final int depth;
  private final double[] y0;
  private final RowPass pass;
  private final double[] z;
  private final double[] res;
  private final double[] t;
  private long evaluations;

  /** From log x0 (entries may be below log of the smallest double). */
  public LogGradientFlow(DiagonalNetInstance p, double[] logX0) {
    this(p, logX0, RowPass.best());
  }

  public LogGradientFlow(DiagonalNetInstance p, double[] logX0, RowPass pass) {
    if (p.depth() < 2 || logX0.length != p.columns()) {
      throw new IllegalArgumentException("need L >= 2 and a start of length N");
    }
    this.a = p.aRowMajor();
    this.b = p.b();
    this.m = p.rows();
    this.n = p.columns();
    this.depth = p.depth();
    this.pass = pass;
    this.y0 = logX0.clone();
    this.z = new double[n];
    this.res = new double[m];
    this.t = new double[n];
  }

  /** From the instance's x0 = r0 u0 / ||u0||. */
  public static LogGradientFlow of(DiagonalNetInstance p) {
    return from(p, p.x0());
  }

  /** From another start of the instance's problem, given in x (entries > 0). */
  public static LogGradientFlow from(DiagonalNetInstance p, double[] start) {
    double[] l = new double[start.length];
    for (int k = 0; k < l.length; k++) {
      l[k] = Math.log(start[k]);
    }
    return new LogGradientFlow(p, l);
  }

  @Override
  public int getDimension() {
    return n;
  }

  @Override
  public long evaluations() {
    return evaluations;
  }

  private void products(double[] y) {
    for (int k = 0; k < n; k++) {
      z[k] = Math.exp(depth * y[k]);
    }
    java.util.Arrays.fill(t, 0.0);
    pass.run(a, n, b, z, 0, m, res, t);
  }

  @Override
  public void computeDerivatives(double time, double[] y, double[] out) {
    evaluations++;
    products(y);
    for (int k = 0; k < n; k++) {
      out[k] = -t[k] * Math.exp((depth - 2) * y[k]);
    }
  }

  @Override
  public int jacobianRank() {
    return m;
  }

  @Override
  public void jacobian(double[] y, LowRankJacobian out) {
    evaluations++;
    products(y);
    for (int i = 0; i < n; i++) {
      double w = Math.exp((depth - 2) * y[i]);
      out.d[i] = -(depth - 2) * t[i] * w;
      int row = i * m;
      for (int j = 0; j < m; j++) {
        double aji = a[j * n + i];
        out.u[row + j] = -depth * w * aji;
        out.v[row + j] = z[i] * aji;
      }
    }
  }

  @Override
  public double[] initialState() {
    return y0.clone();
  }

  @Override
  public double[] logPoint(double[] state) {
    return state.clone();
  }

  @Override
  public double[] point(double[] state) {
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = Math.exp(state[k]);
    }
    return out;
  }

  @Override
  public double loss(double[] state) {
    return lossAtLog(a, b, m, n, depth, state);
  }

  /** The loss ||A x^L - b||^2 / (2L) at x = exp(logX) (A flat row-major M x N). */
  static double lossAtLog(double[] a, double[] b, int m, int n, int depth, double[] logX) {
    double[] zz = new double[n];
    for (int k = 0; k < n; k++) {
      zz[k] = Math.exp(depth * logX[k]);
    }
    double s = 0;
    for (int j = 0; j < m; j++) {
      double e = -b[j];
      for (int k = 0; k < n; k++) {
        e += a[j * n + k] * zz[k];
      }
      s += e * e;
    }
    return s / (2.0 * depth);
  }
}
