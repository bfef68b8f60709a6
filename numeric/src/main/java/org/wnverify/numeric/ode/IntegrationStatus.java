package org.wnverify.numeric.ode;

/** How an integration ended. Only COMPLETED and CONVERGED are usable trajectories to the end. */
public enum IntegrationStatus {
  /** Reached the end time. */
  COMPLETED,
  /** Stopped early because the loss reached the requested target. */
  CONVERGED,
  /** Stopped early by a caller-supplied condition. */
  STOPPED,
  /** The state norm exceeded the blow-up limit. */
  BLOW_UP,
  /** A derivative evaluation produced NaN or infinity. */
  NON_FINITE,
  /** The step size collapsed below what double precision can advance (stiffness, singularity). */
  STALLED,
  /** The evaluation budget ran out before the end time. */
  BUDGET_EXHAUSTED;

  public boolean reachedEnd() {
    return this == COMPLETED || this == CONVERGED;
  }
}
