package org.wnverify.numeric.network;

/**
 * The learning-rate rule of the paper's experiments (App. L): eta(t) = k(t) / L^c with k(0) = k0;
 * after a step that lowered the loss k grows by {@code growth} (capped at kMax), after one that
 * did not the step is undone and k shrinks by {@code growth}. {@code adaptive = false} keeps
 * eta = k0 / L^c fixed (c = 0: a constant rate, as in Fig. 6).
 */
public record DescentSchedule(double k0, double kMax, double growth, double exponent, boolean adaptive) {
  /** The authors' factor 1.1 for growing and shrinking k. */
  public static final double AUTHORS_GROWTH = 1.1;

  public DescentSchedule {
    if (!(k0 > 0) || !(kMax >= k0) || !(growth >= 1) || !Double.isFinite(exponent) || !Double.isFinite(kMax)) {
      throw new IllegalArgumentException("schedule needs 0 < k0 <= kMax < inf, growth >= 1, finite c; got k0 = "
          + k0 + ", kMax = " + kMax + ", growth = " + growth + ", c = " + exponent);
    }
  }

  /** The accept/reject rule with the authors' k(0) and factor 1.1. */
  public static DescentSchedule authors(double k0, double kMax, double c) {
    return new DescentSchedule(k0, kMax, AUTHORS_GROWTH, c, true);
  }

  /** eta = k / L^c with k fixed. */
  public static DescentSchedule fixed(double k, double c) {
    return new DescentSchedule(k, k, 1, c, false);
  }

  public double logEta(double k, double logLoss) {
    return Math.log(k) - exponent * logLoss;
  }

  @Override
  public String toString() {
    return (adaptive ? "eta = k(t)/L^" + exponent + ", k(0) = " + k0 + ", k <= " + kMax + ", x/÷ " + growth
        : "eta = " + k0 + (exponent == 0 ? "" : " / L^" + exponent));
  }
}
