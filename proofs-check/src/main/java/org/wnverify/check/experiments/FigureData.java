package org.wnverify.check.experiments;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.numeric.discrete.DescentRun;
import org.wnverify.numeric.discrete.DescentRun.Stop;

/**
 * The runs behind one x-axis point of a figure: per trial one GD run (absent in the eta~ sweep,
 * where GD does not depend on eta~ and the GD line is shared) and one WN run, with their errors,
 * all in trial order.
 */
final class FigureData {
  /**
   * Loss below which a run stopped by the iteration cap still counts as converged for statements
   * about final errors: its residual is ~1e-4, which moves the l1 errors by far less than the gaps
   * compared, whereas above it the error may still be far from its limit.
   */
  static final double CONVERGED_LOSS = 1e-8;

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

    static int count(List<DescentRun> runs, Stop stop) {
      int k = 0;
      for (DescentRun r : runs) {
        if (r.stop() == stop) {
          k++;
        }
      }
      return k;
    }

    static int reached(List<DescentRun> runs) {
      return count(runs, Stop.TARGET);
    }

    /** A run whose final error may be judged: loss target met, error settled, or capped below 1e-8. */
    static boolean converged(DescentRun r) {
      return r.stop() == Stop.TARGET || r.stop() == Stop.PLATEAU
          || (r.stop() == Stop.ITERATION_CAP && r.finalLoss() <= CONVERGED_LOSS);
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

    static double mean(List<DescentRun> runs, java.util.function.ToDoubleFunction<DescentRun> f) {
      double s = 0;
      for (DescentRun r : runs) {
        s += f.applyAsDouble(r);
      }
      return runs.isEmpty() ? Double.NaN : s / runs.size();
    }

    /**
     * How the runs ended, e.g. "10 target" or "7 target, 2 settled, 1 capped at loss 3.1e-05":
     * target = loss <= 1e-12, settled = the plateau rule, capped = iteration cap, time = the claim's
     * time budget.
     */
    static String stops(List<DescentRun> runs) {
      if (runs.isEmpty()) {
        return "-";
      }
      StringBuilder sb = new StringBuilder();
      for (Stop s : Stop.values()) {
        int k = count(runs, s);
        if (k == 0) {
          continue;
        }
        double worst = 0;
        long least = Long.MAX_VALUE;
        for (DescentRun r : runs) {
          if (r.stop() == s) {
            worst = Math.max(worst, r.finalLoss());
            least = Math.min(least, r.iterations());
          }
        }
        sb.append(sb.length() == 0 ? "" : ", ").append(k).append(' ').append(label(s));
        if (s != Stop.TARGET) {
          sb.append(String.format(" (loss <= %.1e", worst));
          if (s == Stop.TIME) {
            sb.append(String.format(", >= %d iterations", least));
          }
          sb.append(')');
        }
      }
      return sb.toString();
    }

    static String label(Stop s) {
      return switch (s) {
        case TARGET -> "target";
        case PLATEAU -> "settled";
        case ITERATION_CAP -> "capped";
        case TIME -> "out of time";
        case STALLED -> "stalled";
        case DIVERGED -> "diverged";
      };
    }

    /** The number of trials at this point (runs per method). */
    int trials() {
      return Math.max(gdErrors.size(), wnErrors.size());
    }

    /** Whether every run of trial {@code t} at this point may be judged ({@link #converged(DescentRun)}). */
    boolean trialFinished(int t) {
      return (gdRuns.size() <= t || converged(gdRuns.get(t))) && (wnRuns.size() <= t || converged(wnRuns.get(t)));
    }

    /** This point with only the trials {@code keep} accepts, in trial order. */
    Point restrict(java.util.function.IntPredicate keep) {
      Point q = new Point(param);
      for (int t = 0; t < trials(); t++) {
        if (!keep.test(t)) {
          continue;
        }
        if (t < gdErrors.size()) {
          q.gdErrors.add(gdErrors.get(t));
        }
        if (t < gdRuns.size()) {
          q.gdRuns.add(gdRuns.get(t));
        }
        if (t < wnErrors.size()) {
          q.wnErrors.add(wnErrors.get(t));
        }
        if (t < wnRuns.size()) {
          q.wnRuns.add(wnRuns.get(t));
        }
      }
      return q;
    }

    List<DescentRun> allRuns() {
      List<DescentRun> all = new ArrayList<>(gdRuns);
      all.addAll(wnRuns);
      return all;
    }

    /** Whether every run here may be judged ({@link #converged(DescentRun)}). */
    boolean converged() {
      return allRuns().stream().allMatch(Point::converged);
    }

    double worstLoss() {
      return worstLoss(allRuns());
    }

    /** Why the point cannot be judged, for an INCONCLUSIVE verdict; null if it can. */
    String unconverged(String paramName) {
      List<String> why = new ArrayList<>();
      for (String method : List.of("GD", "WN")) {
        List<DescentRun> runs = method.equals("GD") ? gdRuns : wnRuns;
        long bad = runs.stream().filter(r -> !converged(r)).count();
        if (bad > 0) {
          List<DescentRun> b = runs.stream().filter(r -> !converged(r)).toList();
          why.add(String.format("%d of %d %s runs unfinished (%s; %d iterations on average)", bad,
              runs.size(), method, stops(b), Math.round(meanIterations(b))));
        }
      }
      return why.isEmpty() ? null : String.format("at %s = %.3g: %s", paramName, param, String.join("; ", why));
    }
  }

  private FigureData() {}
}
