package org.wnverify.numeric.ode;

/**
 * What an integration produced. For a status other than COMPLETED / CONVERGED, the trajectory
 * and final state are those of the last accepted step.
 *
 * @param finalTime the time reached
 * @param finalState the state at finalTime
 * @param evaluations derivative evaluations used
 * @param message human-readable detail of the status
 */
public record IntegrationResult(IntegrationStatus status, double finalTime, double[] finalState,
    int evaluations, Trajectory trajectory, String message) {
  public boolean reachedEnd() {
    return status.reachedEnd();
  }
}
