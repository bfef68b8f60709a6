package org.wnverify.numeric.ode;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/** A flow of the paper as an ODE system, with the loss and point x of a state. */
public interface FlowSystem extends FirstOrderDifferentialEquations {
  /** The initial state y(0). */
  double[] initialState();

  /** The network output point x of a state (x itself for GF, r u / ||u|| for WN). */
  double[] point(double[] state);

  /** The loss (10) at the state's point. */
  double loss(double[] state);
}
