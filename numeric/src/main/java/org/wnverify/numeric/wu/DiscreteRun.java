package org.wnverify.numeric.wu;

/**
 * How a run of Algorithm 1, Algorithm 2 or GD ended.
 *
 * @param status why it stopped
 * @param iterations the iterations performed (the final iterate is number {@code iterations})
 * @param g the final scale (NaN for GD)
 * @param w the final direction iterate (for GD: the point x)
 * @param point the final point x (g w / ||w|| for WN, g w for rPGD, x for GD)
 * @param loss the final loss ||A x - y||^2 / 2
 * @param message detail
 */
public record DiscreteRun(Status status, int iterations, double g, double[] w, double[] point, double loss,
    String message) {

  public enum Status {
    /** The loss reached the target. */
    CONVERGED,
    /** The iteration budget was spent. */
    MAX_ITERATIONS,
    /** The listener stopped the run. */
    STOPPED,
    /** An iterate or a step size became NaN or infinite (e.g. eta = 1/g^2 at g = 0). */
    NON_FINITE
  }

  public boolean converged() {
    return status == Status.CONVERGED;
  }
}
