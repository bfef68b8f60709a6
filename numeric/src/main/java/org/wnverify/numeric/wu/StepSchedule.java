package org.wnverify.numeric.wu;

/**
 * The step sizes eta_t (for w) and gamma_t (for g) of Algorithms 1 and 2 at iteration t, given the
 * current iterate.
 *
 * <p><b>Which step goes with which variable.</b> Condition 2.1 as printed reads "eta_t = eta and
 * gamma_t = c eta for g and w respectively", which would put eta on g. Algorithms 1 and 2 update w
 * with eta_t and g with gamma_t, the flow (4) has dg/dt = -c grad_g f, and Appendix B writes the
 * WN step as g_{t+1} = g_t - c eta <v_t, grad L>, w_{t+1} = w_t - eta (...): eta goes with w and
 * gamma = c eta with g. That reading is used here (c = 0 freezes g, as the text after
 * Condition 2.1 says).
 */
public interface StepSchedule {
  /** eta_t, the step of w. */
  double eta(int t, double g, double[] w);

  /** gamma_t, the step of g. */
  double gamma(int t, double g, double[] w);

  /** A one-line description for reports. */
  String describe();

  /** Condition 2.1: eta_t = eta (w), gamma_t = c eta (g). */
  static StepSchedule condition21(double eta, double c) {
    if (!(eta > 0) || !(c >= 0) || !Double.isFinite(eta) || !Double.isFinite(c)) {
      throw new IllegalArgumentException("Condition 2.1 needs eta > 0 and c >= 0, got " + eta + ", " + c);
    }
    return new StepSchedule() {
      @Override
      public double eta(int t, double g, double[] w) {
        return eta;
      }

      @Override
      public double gamma(int t, double g, double[] w) {
        return c * eta;
      }

      @Override
      public String describe() {
        return "Condition 2.1: eta_t = " + eta + " (w), gamma_t = c eta = " + (c * eta) + " (g)";
      }
    };
  }

  /** Constant steps eta (w) and gamma (g), as in Appendix F (eta_t = gamma_t = 0.005). */
  static StepSchedule constant(double eta, double gamma) {
    return new StepSchedule() {
      @Override
      public double eta(int t, double g, double[] w) {
        return eta;
      }

      @Override
      public double gamma(int t, double g, double[] w) {
        return gamma;
      }

      @Override
      public String describe() {
        return "eta_t = " + eta + " (w), gamma_t = " + gamma + " (g)";
      }
    };
  }

  /**
   * Condition 3.1 (two-stage learning rates): eta_t = 1/g_t^2 ("its optimal step size", footnote 2:
   * the Hessian of (3) in w is g^2 A^T A, lambda_max = g^2 for orthogonal A); gamma_t = gamma1 for
   * 0 <= t <= lastPhaseOne and gamma2 afterwards. Condition 3.1 as printed has lastPhaseOne = T1
   * (gamma1 "when 0 <= t <= T1", gamma2 "when t >= T1 + 1"); the proof of Theorem E.7 updates g from
   * t = T1 on (lastPhaseOne = T1 - 1). Callers pass the index of the statement they check.
   */
  static StepSchedule condition31(double gamma1, double gamma2, int lastPhaseOne) {
    return twoStage(gamma1, gamma2, lastPhaseOne, 1.0, false);
  }

  /**
   * The schedule of Theorem E.1: "Fix g1 = g0 at the first step" (gamma_0 = 0), gamma1 for
   * t = 1 .. T1 - 1, gamma2 for t >= T1; eta_t = 1/g_t^2.
   */
  static StepSchedule theoremE1(double gamma1, double gamma2, int t1) {
    return twoStage(gamma1, gamma2, t1 - 1, 1.0, true);
  }

  /**
   * eta_t = 1/(g_t^2 lambdaMax) (Lemma E.10 with lambda_max = 1; Appendix F's bottom plot of
   * Figure 3), gamma_t = gamma1 up to lastPhaseOne, then gamma2; frozen first step optional.
   */
  static StepSchedule twoStage(double gamma1, double gamma2, int lastPhaseOne, double lambdaMax,
      boolean freezeFirst) {
    return new StepSchedule() {
      @Override
      public double eta(int t, double g, double[] w) {
        return 1.0 / (g * g * lambdaMax);
      }

      @Override
      public double gamma(int t, double g, double[] w) {
        if (freezeFirst && t == 0) {
          return 0.0;
        }
        return t <= lastPhaseOne ? gamma1 : gamma2;
      }

      @Override
      public String describe() {
        return "eta_t = 1/(g_t^2" + (lambdaMax == 1.0 ? "" : " * " + lambdaMax) + "), gamma_t = "
            + (freezeFirst ? "0 at t = 0, " : "") + gamma1 + " for t <= " + lastPhaseOne + ", " + gamma2 + " after";
      }
    };
  }
}
