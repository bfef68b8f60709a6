package org.wnverify.numeric.discrete;

/**
 * How a descent method picks its step: a constant step h, or Armijo backtracking that starts each
 * iteration from the previous accepted step times {@link #GROWTH} (capped at {@code maxStep}) and
 * halves it until the loss decreases by at least {@link #ARMIJO} times the predicted decrease.
 *
 * @param backtracking false for a constant step {@code initialStep}
 * @param initialStep the constant step, or the first trial step of the line search
 * @param maxStep the largest step the line search may try
 */
public record StepRule(boolean backtracking, double initialStep, double maxStep) {
  /** Sufficient-decrease constant of the Armijo test; the textbook 1e-4 (Nocedal-Wright 3.1). */
  public static final double ARMIJO = 1e-4;
  /**
   * Step growth after an accepted step. 2 lets the step recover from one halving in one
   * iteration while costing on average about one rejected trial per iteration at steady state.
   */
  public static final double GROWTH = 2.0;
  /** Below this step the line search gives up: the direction no longer decreases the loss. */
  public static final double MIN_STEP = 1e-300;

  public StepRule {
    if (!(initialStep > 0) || !(maxStep >= initialStep)) {
      throw new IllegalArgumentException("need 0 < initialStep <= maxStep, got " + initialStep + ", " + maxStep);
    }
  }

  public static StepRule constant(double h) {
    return new StepRule(false, h, h);
  }

  public static StepRule backtracking(double initial, double max) {
    return new StepRule(true, initial, max);
  }
}
