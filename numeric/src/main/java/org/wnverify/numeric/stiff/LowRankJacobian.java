package org.wnverify.numeric.stiff;

/**
 * A Jacobian of the form J = diag(d) + U V^T with U, V of size n x k (row-major), k much smaller
 * than n: the structure of the diagonal-network flows, whose only dense coupling is A^T A (rank M)
 * plus a few rank-one terms. {@link #factor(double)} prepares solves with alpha I - J by the
 * Woodbury identity in O(n k^2) operations and an O(k^3) factorization, instead of the O(n^3) of a
 * dense LU.
 */
public final class LowRankJacobian {
  final int n;
  final int k;
  /** Diagonal part. */
  public final double[] d;
  /** U, row-major n x k. */
  public final double[] u;
  /** V, row-major n x k. */
  public final double[] v;
  private final double[] cap;
  private final int[] pivot;
  private final double[] inv;
  private final double[] w;
  private boolean factored;

  public LowRankJacobian(int n, int k) {
    this.n = n;
    this.k = k;
    this.d = new double[n];
    this.u = new double[n * k];
    this.v = new double[n * k];
    this.cap = new double[k * k];
    this.pivot = new int[k];
    this.inv = new double[n];
    this.w = new double[k];
  }

  public int dimension() {
    return n;
  }

  public int rank() {
    return k;
  }

  /** J x (for tests). */
  public double[] times(double[] x) {
    double[] y = new double[n];
    double[] vx = new double[k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        vx[j] += v[i * k + j] * x[i];
      }
    }
    for (int i = 0; i < n; i++) {
      double s = d[i] * x[i];
      for (int j = 0; j < k; j++) {
        s += u[i * k + j] * vx[j];
      }
      y[i] = s;
    }
    return y;
  }

  /**
   * Prepares solves with alpha I - J = D' - U V^T, D' = alpha - d: the capacitance matrix
   * C = I - V^T D'^-1 U is formed and LU-factored with partial pivoting.
   *
   * @return false if D' or C is singular to working precision (the caller shrinks the step)
   */
  public boolean factor(double alpha) {
    factored = false;
    for (int i = 0; i < n; i++) {
      double di = alpha - d[i];
      if (di == 0 || !Double.isFinite(di)) {
        return false;
      }
      inv[i] = 1.0 / di;
    }
    java.util.Arrays.fill(cap, 0.0);
    for (int i = 0; i < n; i++) {
      int row = i * k;
      for (int a = 0; a < k; a++) {
        double va = v[row + a] * inv[i];
        if (va != 0) {
          int c = a * k;
          for (int b = 0; b < k; b++) {
            cap[c + b] -= va * u[row + b];
          }
        }
      }
    }
    for (int a = 0; a < k; a++) {
      cap[a * k + a] += 1.0;
    }
    for (int col = 0; col < k; col++) {
      int p = col;
      double best = Math.abs(cap[col * k + col]);
      for (int r = col + 1; r < k; r++) {
        double x = Math.abs(cap[r * k + col]);
        if (x > best) {
          best = x;
          p = r;
        }
      }
      if (!(best > 0) || !Double.isFinite(best)) {
        return false;
      }
      pivot[col] = p;
      if (p != col) {
        for (int c = 0; c < k; c++) {
          double t = cap[col * k + c];
          cap[col * k + c] = cap[p * k + c];
          cap[p * k + c] = t;
        }
      }
      double piv = cap[col * k + col];
      for (int r = col + 1; r < k; r++) {
        double f = cap[r * k + col] / piv;
        if (f != 0) {
          cap[r * k + col] = f;
          for (int c = col + 1; c < k; c++) {
            cap[r * k + c] -= f * cap[col * k + c];
          }
        } else {
          cap[r * k + col] = 0;
        }
      }
    }
    factored = true;
    return true;
  }

  /** x = (alpha I - J)^-1 x in place, after {@link #factor(double)}. */
  public void solve(double[] x) {
    if (!factored) {
      throw new IllegalStateException("factor first");
    }
    java.util.Arrays.fill(w, 0.0);
    for (int i = 0; i < n; i++) {
      x[i] *= inv[i];
      double xi = x[i];
      int row = i * k;
      for (int a = 0; a < k; a++) {
        w[a] += v[row + a] * xi;
      }
    }
    // w = C^-1 w
    for (int col = 0; col < k; col++) {
      int p = pivot[col];
      if (p != col) {
        double t = w[col];
        w[col] = w[p];
        w[p] = t;
      }
    }
    for (int r = 1; r < k; r++) {
      double s = w[r];
      for (int c = 0; c < r; c++) {
        s -= cap[r * k + c] * w[c];
      }
      w[r] = s;
    }
    for (int r = k - 1; r >= 0; r--) {
      double s = w[r];
      for (int c = r + 1; c < k; c++) {
        s -= cap[r * k + c] * w[c];
      }
      w[r] = s / cap[r * k + r];
    }
    for (int i = 0; i < n; i++) {
      double s = 0;
      int row = i * k;
      for (int a = 0; a < k; a++) {
        s += u[row + a] * w[a];
      }
      x[i] += inv[i] * s;
    }
  }
}
