package org.wnverify.check.experiments;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.numeric.discrete.DescentRun;

/**
 * The runs behind one x-axis point of a figure: per trial one GD run (absent in the eta~ sweep,
 * where GD does not depend on eta~) and one WN run, with their errors.
 */
final class FigureData {
  /** One x-axis point. */
  static final class Point {
    final double param;
    final List<Double> gdErrors = new ArrayList<>();
    final List<Double> wnErrors = new ArrayList<>();
    final List<DescentRun> gdRuns = new ArrayList<>();
    final List<DescentRun> wnRuns = new ArrayList<>();

    Point(double param) {
      this.param = param;
    }

    static double meanAbs(List<Double> xs) {
      double s = 0;
      for (double x : xs) {
        s += Math.abs(x);
      }
      return xs.isEmpty() ? Double.NaN : s / xs.size();
    }

    double gdError() {
      return meanAbs(gdErrors);
    }

    double wnError() {
      return meanAbs(wnErrors);
    }

    /** Improvement ratio (GD error / WN error), the paper's "improvement ratio". */
    double ratio() {
      return gdError() / wnError();
    }

    static int reached(List<DescentRun> runs) {
      int k = 0;
      for (DescentRun r : runs) {
        if (r.reachedTarget()) {
          k++;
        }
      }
      return k;
    }

    static double worstLoss(List<DescentRun> runs) {
      double w = 0;
      for (DescentRun r : runs) {
        w = Math.max(w, r.finalLoss());
      }
      return runs.isEmpty() ? Double.NaN : w;
    }

    static double meanIterations(List<DescentRun> runs) {
      double s = 0;
      for (DescentRun r : runs) {
        s += r.iterations();
      }
      return runs.isEmpty() ? Double.NaN : s / runs.size();
    }

    static double maxIncrease(List<DescentRun> runs) {
      double w = 0;
      for (DescentRun r : runs) {
        w = Math.max(w, r.maxRelativeIncrease());
      }
      return w;
    }

    /** Whether every run here ended within the convergence tolerance. */
    boolean converged(double tolerance) {
      return (gdRuns.isEmpty() || worstLoss(gdRuns) <= tolerance)
          && (wnRuns.isEmpty() || worstLoss(wnRuns) <= tolerance);
    }

    double worstLoss() {
      double g = gdRuns.isEmpty() ? 0 : worstLoss(gdRuns);
      return Math.max(g, worstLoss(wnRuns));
    }
  }

  private FigureData() {}
}
