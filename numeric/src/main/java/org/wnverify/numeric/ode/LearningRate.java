package org.wnverify.numeric.ode;

/** The learning rates (eta_r, eta_u) of the WN flow (13)-(14); eta_u = 1 throughout. */
public enum LearningRate {
  /** (eta_r, eta_u) = (eta~, 1): Theorems 2.2, 2.3, Lemma 3.8. */
  CONSTANT,
  /** (eta_r, eta_u) = (r^2, 1): Theorem 2.4. */
  R_SQUARED;

  double etaR(double eta, double r) {
    return this == CONSTANT ? eta : r * r;
  }
}
