package org.wnverify.numeric.discrete;

/**
 * How a descent method picks its step: a constant step h, or Armijo backtracking that starts each
 * iteration from the previous accepted step times {@code growth} (capped at {@code maxStep}) and
 * halves it until the loss decreases by at least {@link #ARMIJO} times the predicted decrease.
 *
 * @param backtracking false for a constant step {@code initialStep}
 * @param initialStep the constant step, or the first trial step of the line search
 * @param maxStep the largest step the line search may try
 * @param growth the factor the step grows by after an accepted step (>= 1)
 */
public record StepRule(boolean backtracking, double initialStep, double maxStep, double growth) {
  /** Sufficient-decrease constant of the Armijo test; the textbook 1e-4 (Nocedal-Wright 3.1). */
  public static final double ARMIJO = 1e-4;
  /**
   * Default step growth after an accepted step: 2^(1/8), so a halved step climbs back to where it
   * was over eight iterations. When the largest step sits at the edge of stability (as at the
   * paper's size, where 0.1 is about 2 / (largest curvature)), the step then hovers just below the
   * edge and a rejected trial costs about one extra loss evaluation per eight iterations; growth
   * 2 would retry the unstable step on almost every iteration (1.8 evaluations per step measured).
   */
  public static final double GROWTH = 1.0905077326652577;
  /** Below this step the line search gives up: the direction no longer decreases the loss. */
  public static final double MIN_STEP = 1e-300;

  public StepRule {
    if (!(initialStep > 0) || !(maxStep >= initialStep) || !(growth >= 1)) {
      throw new IllegalArgumentException("need 0 < initialStep <= maxStep and growth >= 1, got "
          + initialStep + ", " + maxStep + ", " + growth);
    }
  }

  public StepRule(boolean backtracking, double initialStep, double maxStep) {
    this(backtracking, initialStep, maxStep, GROWTH);
  }

  public static StepRule constant(double h) {
    return new StepRule(false, h, h);
  }

  public static StepRule backtracking(double initial, double max) {
    return new StepRule(true, initial, max);
  }

  public StepRule withGrowth(double g) {
    return new StepRule(backtracking, initialStep, maxStep, g);
  }
}
