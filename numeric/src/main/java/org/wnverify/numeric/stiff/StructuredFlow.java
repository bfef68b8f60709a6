package org.wnverify.numeric.stiff;

import org.wnverify.numeric.ode.FlowSystem;

/**
 * A flow whose Jacobian is diagonal plus low rank ({@link LowRankJacobian}), integrated by
 * {@link Rosenbrock4}, in coordinates in which no entry underflows: the logarithms of entries that
 * shrink towards a sparse limit by factors such as gamma(r0, r_inf) ~ e^(-(r_inf^2 - r0^2)/(2 eta)),
 * far below the smallest double.
 */
public interface StructuredFlow extends FlowSystem {
  /** Rank of the low-rank part. */
  int jacobianRank();

  /** The Jacobian of the field at state y into {@code out}. */
  void jacobian(double[] y, LowRankJacobian out);

  /**
   * log of the point x of a state, entry by entry, without underflow (x itself may round to 0).
   */
  double[] logPoint(double[] state);

  /** Right-hand-side evaluations so far. */
  long evaluations();

  /**
   * The smallest magnitude the error control scales entry i by (its tolerance is relative to
   * max(|y_i|, this)): 1 for a logarithm, whose absolute error is the relative error of the entry
   * it is the log of (a log near 0 must not demand more than relative accuracy of that entry), 0
   * for an entry controlled purely relatively.
   */
  default double scaleFloor(int i) {
    return 1.0;
  }
}
