package org.wnverify.numeric.network;

/**
 * The point losses, written through negative margins z_ij (binary: z_i = -y_i Phi_i; k classes:
 * z_ij = Phi_j - Phi_{y_i}, j != y_i): exponential l_i = sum_j e^{z_ij} (main text, (L1); for
 * binary data e^{-y_i Phi_i}) and cross-entropy l_i = log(1 + sum_j e^{z_ij}) (App. H, (L1')).
 */
public enum LossFunction {
  EXPONENTIAL, CROSS_ENTROPY;

  /** log l_i from s = log sum_j e^{z_ij}. */
  double logPointLoss(double s) {
    return this == EXPONENTIAL ? s : LogMath.logSoftplus(s);
  }

  /** log of d l_i / d z_ij minus z_ij, from s (0 for exponential, -softplus(s) for CE). */
  double logSlopeOffset(double s) {
    return this == EXPONENTIAL ? 0 : -LogMath.softplus(s);
  }
}
