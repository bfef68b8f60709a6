package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * (A1)-(A5) of Section 4.1 as observed on one run. Limits cannot be seen at a finite time, so each
 * is read as a trend over the snapshots at e^-100 .. e^-300: (A1) the last level was reached;
 * (A2), (A3) the step between successive directions of w and of the loss vector shrinks and ends
 * small; (A4) the normalized margin min_i y_i Phi(w, x_i) / ||w||^L is positive; (A5) (GD only)
 * max_u eta ||w_u|| ||grad_u L|| decreases over the last levels and ends below 1. A claim whose
 * assumptions were not observed on an instance does not judge it.
 */
final class Assumptions {
  /** A direction whose last step between levels exceeds this has not visibly converged. */
  static final double DIRECTION_STEP_MAX = 0.05;
  /** (A5) ends below this: eta ||w_u|| ||grad_u L|| is the relative step of node u. */
  static final double A5_END_MAX = 1.0;

  record Observed(String name, boolean observed, String detail) {}

  private Assumptions() {}

  static List<Observed> observe(AsymptoticRun r, boolean withA5) {
    List<Observed> out = new ArrayList<>();
    out.add(new Observed("(A1) L -> 0", r.reachedAllLevels(), r.reachedAllLevels()
        ? String.format(Locale.ROOT, "log L = %.1f reached", r.last().logLoss()) : "stopped: " + r.run.message()));
    if (r.snapshots.size() < 3) {
      out.add(new Observed("(A2)-(A4)", false, "fewer than 3 loss levels reached"));
      return out;
    }
    double[] dw = AsymptoticRun.changes(r.snapshots, Snapshot::direction);
    out.add(direction("(A2) w/||w|| converges", dw));
    double[] dl = AsymptoticRun.changes(r.snapshots, Snapshot::lossDirection);
    out.add(direction("(A3) l/||l|| converges", dl));
    double m = r.last().normalizedMargin();
    out.add(new Observed("(A4) rho > 0", m > 0, String.format(Locale.ROOT, "min_i y_i Phi(w, x_i)/||w||^L = %.4g", m)));
    if (withA5) {
      int n = r.snapshots.size();
      double[] a = new double[n];
      for (int k = 0; k < n; k++) {
        a[k] = max(r.snapshots.get(k).logA5());
      }
      boolean dec = a[n - 1] < a[n - 2] && a[n - 2] < a[n - 3];
      boolean ok = dec && a[n - 1] < Math.log(A5_END_MAX);
      out.add(new Observed("(A5) eta ||w_u|| ||grad_u L|| -> 0", ok,
          "max_u log(eta ||w_u|| ||grad_u L||) at the levels: " + fmt(a)));
    }
    return out;
  }

  static Observed direction(String name, double[] steps) {
    int n = steps.length;
    boolean ok = steps[n - 1] <= DIRECTION_STEP_MAX && steps[n - 1] <= steps[0];
    return new Observed(name, ok, "steps between levels " + fmt(steps));
  }

  static boolean allObserved(List<Observed> obs) {
    return obs.stream().allMatch(Observed::observed);
  }

  static String unobserved(List<Observed> obs) {
    StringBuilder sb = new StringBuilder();
    for (Observed o : obs) {
      if (!o.observed()) {
        sb.append(sb.length() == 0 ? "" : "; ").append(o.name()).append(" not observed (").append(o.detail()).append(")");
      }
    }
    return sb.toString();
  }

  static String summary(List<Observed> obs) {
    StringBuilder sb = new StringBuilder();
    for (Observed o : obs) {
      sb.append(sb.length() == 0 ? "" : "; ").append(o.name()).append(o.observed() ? " observed: " : " NOT observed: ")
          .append(o.detail());
    }
    return sb.toString();
  }

  static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      if (!Double.isNaN(v)) {
        m = Math.max(m, v);
      }
    }
    return m;
  }

  static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < v.length; k++) {
      sb.append(k == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3g", v[k]));
    }
    return sb.append("]").toString();
  }
}
