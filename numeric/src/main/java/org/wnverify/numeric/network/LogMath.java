package org.wnverify.numeric.network;

/**
 * Log-domain helpers. Losses of the paper reach e^-300 and below (the normal double range ends
 * near e^-708), so losses are carried as log L and never materialized.
 */
public final class LogMath {
  private LogMath() {}

  /** log sum_i e^{a_i}, exact to rounding for any magnitudes; -inf for an empty array. */
  public static double logSumExp(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double x : a) {
      m = Math.max(m, x);
    }
    if (m == Double.NEGATIVE_INFINITY || m == Double.POSITIVE_INFINITY) {
      return m;
    }
    double s = 0;
    for (double x : a) {
      s += Math.exp(x - m);
    }
    return m + Math.log(s);
  }

  /** log(e^a + e^b). */
  public static double logAddExp(double a, double b) {
    double m = Math.max(a, b);
    if (m == Double.NEGATIVE_INFINITY) {
      return m;
    }
    return m + Math.log1p(Math.exp(-Math.abs(a - b)));
  }

  /** softplus(s) = log(1 + e^s), without overflow for large s or loss of digits for small s. */
  public static double softplus(double s) {
    return s > 0 ? s + Math.log1p(Math.exp(-s)) : Math.log1p(Math.exp(s));
  }

  /**
   * log(log(1 + e^s)), the log of a cross-entropy point loss whose competitors' log-sum is s. For
   * s far below 0, log(1 + e^s) ~ e^s underflows, so it is written s + log(log1p(x)/x) with
   * x = e^s (the ratio is 1 to rounding once x underflows).
   */
  public static double logSoftplus(double s) {
    if (s > -30) {
      return Math.log(softplus(s));
    }
    double x = Math.exp(s);
    return x == 0 ? s : s + Math.log(Math.log1p(x) / x);
  }
}
