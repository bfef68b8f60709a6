package org.wnverify.numeric.ode;

import java.util.List;

/**
 * Recorded states of a trajectory, in increasing time.
 *
 * @param times the recorded times
 * @param states the state at each time (copies)
 */
public record Trajectory(double[] times, List<double[]> states) {
  public int size() {
    return times.length;
  }

  public double time(int k) {
    return times[k];
  }

  public double[] state(int k) {
    return states.get(k).clone();
  }

  public double[] last() {
    return states.get(states.size() - 1).clone();
  }

  /** Index of the recorded time closest to t. */
  public int indexNear(double t) {
    int best = 0;
    for (int k = 1; k < times.length; k++) {
      if (Math.abs(times[k] - t) < Math.abs(times[best] - t)) {
        best = k;
      }
    }
    return best;
  }
}
