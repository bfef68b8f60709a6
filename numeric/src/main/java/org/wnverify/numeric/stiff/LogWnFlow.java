package org.wnverify.numeric.stiff;

import org.wnverify.numeric.fast.RowPass;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The WN flow (13)-(14) with (eta_r, eta_u) = (eta, 1) or (r^2, 1) in the state (r, s_1..s_N),
 * s = log u (u > 0 along the flow, Lemma 3.3; u need not be normalised). With nu = ||u||, c = r/nu,
 * x = c u, z = x^L, residual e = A z - b, t = A^T e and q = t . z, the field is
 *
 * <pre>
 *   dr/dt  = -eta_r q / r,
 *   ds_k/dt = -(c^2 x_k^(L-2) t_k - q / nu^2),
 * </pre>
 *
 * the same as (13)-(14) divided entrywise by u (u' = u s'). Every quantity is formed from log c +
 * s_k, so entries of x near e^(-4900), as the flow produces at eta = 0.02 where gamma(r0, r_inf)
 * underflows, stay representable; the Jacobian is diagonal plus rank M + 2 (see {@link
 * #jacobian}). For L >= 2 and r > 0 only.
 */
public final class LogWnFlow implements StructuredFlow {
  private final double[] a;
  private final double[] b;
  private final int m;
  private final int n;
  private final int depth;
  private final double eta;
  private final LearningRate rate;
  private final double[] y0;
  private final RowPass pass;
  private final double[] z;
  private final double[] res;
  private final double[] t;
  private long evaluations;

  public LogWnFlow(DiagonalNetInstance p, LearningRate rate) {
    this(p, rate, RowPass.best());
  }

  public LogWnFlow(DiagonalNetInstance p, LearningRate rate, RowPass pass) {
    if (p.depth() < 2) {
      throw new IllegalArgumentException("log coordinates need L >= 2 (at L = 1, r crosses 0)");
    }
    this.a = p.aRowMajor();
    this.b = p.b();
    this.m = p.rows();
    this.n = p.columns();
    this.depth = p.depth();
    this.eta = p.eta();
    this.rate = rate;
    this.pass = pass;
    this.y0 = new double[n + 1];
    y0[0] = p.r0();
    for (int k = 0; k < n; k++) {
      y0[1 + k] = Math.log(p.u0()[k]);
    }
    this.z = new double[n];
    this.res = new double[m];
    this.t = new double[n];
  }

  @Override
  public int getDimension() {
    return n + 1;
  }

  @Override
  public long evaluations() {
    return evaluations;
  }

  /** log nu of a state, scaled so that no u_k^2 overflows or underflows all together. */
  private double logNu(double[] y) {
    double mx = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < n; k++) {
      mx = Math.max(mx, y[1 + k]);
    }
    double s = 0;
    for (int k = 0; k < n; k++) {
      double e = Math.exp(y[1 + k] - mx);
      s += e * e;
    }
    return mx + 0.5 * Math.log(s);
  }

  /** z = x^L, e = A z - b, t = A^T e for the state; returns log c. */
  private double products(double[] y) {
    double logC = Math.log(y[0]) - logNu(y);
    for (int k = 0; k < n; k++) {
      z[k] = Math.exp(depth * (logC + y[1 + k]));
    }
    java.util.Arrays.fill(t, 0.0);
    pass.run(a, n, b, z, 0, m, res, t);
    return logC;
  }

  /** q = t . z of the last {@link #products}. */
  private double q() {
    double q = 0;
    for (int k = 0; k < n; k++) {
      q += t[k] * z[k];
    }
    return q;
  }

  private double etaR(double r) {
    return rate == LearningRate.CONSTANT ? eta : r * r;
  }

  @Override
  public void computeDerivatives(double time, double[] y, double[] out) {
    evaluations++;
    double r = y[0];
    double logC = products(y);
    double q = q();
    double invNu2 = Math.exp(-2 * (Math.log(r) - logC));
    out[0] = -etaR(r) * q / r;
    for (int k = 0; k < n; k++) {
      double h = Math.exp(depth * logC + (depth - 2) * y[1 + k]);
      out[1 + k] = -(h * t[k] - q * invNu2);
    }
  }

  /** r is controlled relatively (it may shrink to 1e-8 r0 on a collapse), s = log u as a log. */
  @Override
  public double scaleFloor(int i) {
    return i == 0 ? 0.0 : 1.0;
  }

  @Override
  public int jacobianRank() {
    return m + 2;
  }

  /**
   * With l = log c (dl = dr/r - p . ds, p_k = u_k^2/nu^2), dz = L Z (dl + ds), dh_k = h_k (L dl +
   * (L-2) ds_k), dq = (2e + b) . A dz, d(1/nu^2) = -(2/nu^2) p . ds, the Jacobian is diag(d) + U V^T
   * with, for m < M: U_m = (kappa L e'_m, L e'_m/nu^2 - L h_i A[m, i]), V_m = (0, z_i A[m, i]) +
   * (A z)_m lambda, where e' = 2e + b, kappa = -eta/r (CONSTANT) or -r (r^2 rate) and lambda = (1/r,
   * -p); U_M = (0, -L t_i h_i), V_M = lambda; U_(M+1) = (0, -2q/nu^2), V_(M+1) = (0, p); d_0 = eta q/r^2
   * (CONSTANT) or -q, d_i = -(L-2) t_i h_i.
   */
  @Override
  public void jacobian(double[] y, LowRankJacobian out) {
    evaluations++;
    int k = m + 2;
    double r = y[0];
    double logC = products(y);
    double q = q();
    double logNu = Math.log(r) - logC;
    double invNu2 = Math.exp(-2 * logNu);
    double[] az = new double[m];
    double[] ep = new double[m];
    for (int j = 0; j < m; j++) {
      az[j] = res[j] + b[j];
      ep[j] = 2 * res[j] + b[j];
    }
    double kappa = rate == LearningRate.CONSTANT ? -eta / r : -r;
    java.util.Arrays.fill(out.u, 0.0);
    java.util.Arrays.fill(out.v, 0.0);
    out.d[0] = rate == LearningRate.CONSTANT ? eta * q / (r * r) : -q;
    // row 0 (the r entry)
    for (int j = 0; j < m; j++) {
      out.u[j] = kappa * depth * ep[j];
      out.v[j] = az[j] / r;
    }
    out.v[m] = 1.0 / r;
    for (int i = 0; i < n; i++) {
      int row = (1 + i) * k;
      double h = Math.exp(depth * logC + (depth - 2) * y[1 + i]);
      double p = Math.exp(2 * (y[1 + i] - logNu));
      out.d[1 + i] = -(depth - 2) * t[i] * h;
      for (int j = 0; j < m; j++) {
        double aji = a[j * n + i];
        out.u[row + j] = depth * ep[j] * invNu2 - depth * h * aji;
        out.v[row + j] = z[i] * aji - az[j] * p;
      }
      out.u[row + m] = -depth * t[i] * h;
      out.v[row + m] = -p;
      out.u[row + m + 1] = -2 * q * invNu2;
      out.v[row + m + 1] = p;
    }
  }

  @Override
  public double[] initialState() {
    return y0.clone();
  }

  @Override
  public double[] logPoint(double[] state) {
    double logC = Math.log(state[0]) - logNu(state);
    double[] out = new double[n];
    for (int k = 0; k < n; k++) {
      out[k] = logC + state[1 + k];
    }
    return out;
  }

  @Override
  public double[] point(double[] state) {
    double[] out = logPoint(state);
    for (int k = 0; k < n; k++) {
      out[k] = Math.exp(out[k]);
    }
    return out;
  }

  @Override
  public double loss(double[] state) {
    return LogGradientFlow.lossAtLog(a, b, m, n, depth, logPoint(state));
  }
}
