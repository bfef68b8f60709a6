package org.wnverify.numeric.ode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.ode.sampling.StepHandler;
import org.apache.commons.math3.ode.sampling.StepInterpolator;

/**
 * Step handler recording the state at requested times (by the integrator's dense output, so
 * samples cost no extra steps) and, optionally, at every accepted step end.
 */
public final class TrajectoryRecorder implements StepHandler {
  private final double[] sampleTimes;
  private final boolean recordSteps;
  private final List<Double> times = new ArrayList<>();
  private final List<double[]> states = new ArrayList<>();
  private int next;
  private double lastTime = Double.NaN;
  private double[] lastState;

  public TrajectoryRecorder(double[] sampleTimes, boolean recordSteps) {
    this.sampleTimes = sampleTimes.clone();
    Arrays.sort(this.sampleTimes);
    this.recordSteps = recordSteps;
  }

  @Override
  public void init(double t0, double[] y0, double t) {
    times.clear();
    states.clear();
    next = 0;
    lastTime = t0;
    lastState = y0.clone();
    while (next < sampleTimes.length && sampleTimes[next] <= t0) {
      add(sampleTimes[next], y0);
      next++;
    }
    if (recordSteps && (times.isEmpty() || times.get(times.size() - 1) < t0)) {
      add(t0, y0);
    }
  }

  @Override
  public void handleStep(StepInterpolator interpolator, boolean isLast) {
    double t = interpolator.getCurrentTime();
    while (next < sampleTimes.length && sampleTimes[next] <= t) {
      interpolator.setInterpolatedTime(sampleTimes[next]);
      add(sampleTimes[next], interpolator.getInterpolatedState());
      next++;
    }
    interpolator.setInterpolatedTime(t);
    double[] y = interpolator.getInterpolatedState();
    if (recordSteps && times.get(times.size() - 1) < t) {
      add(t, y);
    }
    lastTime = t;
    lastState = y.clone();
  }

  private void add(double t, double[] y) {
    if (!times.isEmpty() && times.get(times.size() - 1) >= t) {
      return;
    }
    times.add(t);
    states.add(y.clone());
  }

  /** Time of the last accepted step end. */
  public double lastTime() {
    return lastTime;
  }

  public double[] lastState() {
    return lastState == null ? null : lastState.clone();
  }

  /** What was recorded, with the last accepted state appended if it is later than the samples. */
  public Trajectory trajectory() {
    List<Double> ts = new ArrayList<>(times);
    List<double[]> ys = new ArrayList<>(states);
    if (lastState != null && (ts.isEmpty() || ts.get(ts.size() - 1) < lastTime)) {
      ts.add(lastTime);
      ys.add(lastState.clone());
    }
    double[] t = new double[ts.size()];
    for (int k = 0; k < t.length; k++) {
      t[k] = ts.get(k);
    }
    return new Trajectory(t, List.copyOf(ys));
  }
}
