package org.wnverify.numeric.bound;

/**
 * The constants of Theorems 2.1 and 2.2 of Chou, Rauhut and Ward, as printed:
 * c_L (16), eps(beta1, beta_min) (17) and the magnification factor rho (18).
 */
public final class ChouBounds {
  private ChouBounds() {}

  /** (16): c_L = 1 for L = 2, (L/2)^(L/(L-2)) for L > 2. */
  public static double cL(int depth) {
    if (depth == 2) {
      return 1.0;
    }
    return Math.pow(depth / 2.0, depth / (depth - 2.0));
  }

  /** gamma = 1 - 2/L of Theorem 2.1. */
  public static double gamma(int depth) {
    return 1.0 - 2.0 / depth;
  }

  /**
   * (17): eps = log(beta1/betaMin) / log(Q/beta1) for L = 2, and
   * L (beta1^g - betaMin^g) / (2 Q^g - L beta1^g) with g = 1 - 2/L for L > 2.
   */
  public static double epsilon(int depth, double q, double beta1, double betaMin) {
    if (depth == 2) {
      return Math.log(beta1 / betaMin) / Math.log(q / beta1);
    }
    double g = gamma(depth);
    return depth * (Math.pow(beta1, g) - Math.pow(betaMin, g))
        / (2 * Math.pow(q, g) - depth * Math.pow(beta1, g));
  }

  /** The precondition Q > c_L beta1^(2/L) of Theorem 2.1 as printed. */
  public static boolean preconditionHolds(int depth, double q, double beta1) {
    return q > cL(depth) * Math.pow(beta1, 2.0 / depth);
  }

  /**
   * (18): rho = r0 / ||A^+ b||^(1/L) * exp((||A^+ b||^(2/L) - r0^2) / (2 eta)).
   *
   * @param minNormSolutionNorm ||A^+ b||_2
   */
  public static double rho(double r0, double minNormSolutionNorm, int depth, double eta) {
    double s = Math.pow(minNormSolutionNorm, 1.0 / depth);
    return r0 / s * Math.exp((s * s - r0 * r0) / (2 * eta));
  }

  /** The upper end of the printed range of r0 in Theorem 2.2: min(eta^(1/2), ||A^+b||^(1/L)). */
  public static double r0Bound(double minNormSolutionNorm, int depth, double eta) {
    return Math.min(Math.sqrt(eta), Math.pow(minNormSolutionNorm, 1.0 / depth));
  }
}
