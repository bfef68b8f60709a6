package org.wnverify.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A chart a claim publishes beside its tables, for the reader of index.html: the observed loss
 * against time with the proven envelope, the ratio observed/bound per sample, or a reproduced
 * figure beside the paper's printed numbers. A plot is evidence for the eye only; no verdict is
 * read from it, and the numbers the verdict rests on stay in the claim's tables.
 *
 * <p>Series are short ({@link #MAX_POINTS} points at most, rounded to {@link #DIGITS} significant
 * digits) so that report.json grows with the number of claims, not with trajectory points.
 *
 * @param kind how the chart reads; renderers may add a reference (the ratio 1 of a slack plot)
 * @param xScale, yScale LOG where the claim knows the values span decades (a loss decaying
 *     exponentially), AUTO to let the renderer decide from the data
 */
public record Plot(String title, Kind kind, String xLabel, String yLabel, Scale xScale, Scale yScale,
    List<Series> series) {

  /** Longest series kept: enough for a smooth curve in a 640-pixel chart, small in report.json. */
  public static final int MAX_POINTS = 200;
  /** Significant digits kept: more than a chart can show, few enough to keep report.json small. */
  public static final int DIGITS = 5;

  /** What a chart shows. */
  public enum Kind {
    /** Observed values against time or iteration with the proven upper and/or lower envelope. */
    ENVELOPE,
    /** observed/bound per sample (or over time); the bound holds where the ratio is <= 1 (or >= 1). */
    SLACK,
    /** wnverify's reproduction of a figure, with the paper's printed numbers as markers. */
    FIGURE
  }

  public enum Scale {
    AUTO,
    LINEAR,
    LOG
  }

  /** What a series is; renderers draw observed series as lines, bounds dashed, printed numbers as markers. */
  public enum Role {
    OBSERVED,
    UPPER_BOUND,
    LOWER_BOUND,
    /** A number printed in the paper (a table entry, a value read in its text). */
    PAPER,
    /** A number from the authors' published log or code. */
    AUTHORS,
    /** A line to read the others against (ratio 1, a limit value). */
    REFERENCE
  }

  /**
   * One curve or set of markers.
   *
   * @param labels empty, or one name per point (the sample a ratio belongs to)
   */
  public record Series(String name, Role role, List<Double> x, List<Double> y, List<String> labels) {
    public Series {
      Objects.requireNonNull(name);
      Objects.requireNonNull(role);
      x = List.copyOf(x);
      y = List.copyOf(y);
      labels = List.copyOf(labels);
      if (x.size() != y.size() || !labels.isEmpty() && labels.size() != x.size()) {
        throw new IllegalArgumentException("series '" + name + "': " + x.size() + " x, " + y.size() + " y, "
            + labels.size() + " labels");
      }
      if (x.size() > MAX_POINTS) {
        throw new IllegalArgumentException("series '" + name + "' has " + x.size() + " points, more than " + MAX_POINTS
            + " (use Series.of, which downsamples)");
      }
      for (int i = 0; i < x.size(); i++) {
        // report.json is strict JSON: NaN and infinities have no representation there
        if (!Double.isFinite(x.get(i)) || !Double.isFinite(y.get(i))) {
          throw new IllegalArgumentException("series '" + name + "': point " + i + " is not finite");
        }
      }
    }

    /**
     * A series from raw data: points with a non-finite coordinate are left out, the rest thinned
     * to at most {@link #MAX_POINTS} (evenly by index, first and last kept, so the fast early part
     * of an adaptive trajectory keeps its detail) and rounded to {@link #DIGITS} digits.
     */
    public static Series of(String name, Role role, double[] x, double[] y) {
      if (x.length != y.length) {
        throw new IllegalArgumentException("series '" + name + "': " + x.length + " x but " + y.length + " y");
      }
      List<Integer> finite = new ArrayList<>();
      for (int i = 0; i < x.length; i++) {
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          finite.add(i);
        }
      }
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      for (int i : thin(finite.size())) {
        xs.add(round(x[finite.get(i)]));
        ys.add(round(y[finite.get(i)]));
      }
      return new Series(name, role, xs, ys, List.of());
    }

    /** Named points, one per sample (at most {@link #MAX_POINTS}; non-finite values left out). */
    public static Series labelled(String name, Role role, List<String> labels, double[] x, double[] y) {
      List<Double> xs = new ArrayList<>();
      List<Double> ys = new ArrayList<>();
      List<String> ls = new ArrayList<>();
      for (int i = 0; i < labels.size() && xs.size() < MAX_POINTS; i++) {
        if (Double.isFinite(x[i]) && Double.isFinite(y[i])) {
          xs.add(round(x[i]));
          ys.add(round(y[i]));
          ls.add(labels.get(i));
        }
      }
      return new Series(name, role, xs, ys, ls);
    }

    public int size() {
      return x.size();
    }
  }

  public Plot {
    Objects.requireNonNull(title);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(xLabel);
    Objects.requireNonNull(yLabel);
    Objects.requireNonNull(xScale);
    Objects.requireNonNull(yScale);
    series = List.copyOf(series);
  }

  /**
   * Loss (or any decaying quantity) against time with its envelope series: time linear and the
   * loss on a log axis, so that an exponential rate is a straight line and its bound a line beside it.
   */
  public static Plot envelope(String title, String xLabel, String yLabel, List<Series> series) {
    return new Plot(title, Kind.ENVELOPE, xLabel, yLabel, Scale.LINEAR, Scale.LOG, series);
  }

  /**
   * observed/bound per sample: one labelled point per sample, x the sample's number (1, 2, ...).
   * A ratio means "how much of the bound is used" only for a positive bound: samples whose bound
   * is zero or negative are not drawn but named in the title (with a negative bound the statement
   * fails wherever the observed value is above it, which the claim's table shows).
   */
  public static Plot slackPerSample(String title, String yLabel, List<String> samples, double[] observed,
      double[] bound) {
    List<String> drawn = new ArrayList<>();
    List<String> notDrawn = new ArrayList<>();
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      if (bound[i] > 0) {
        drawn.add(samples.get(i));
        points.add(new double[] {i + 1, observed[i] / bound[i]});
      } else {
        notDrawn.add(samples.get(i) + String.format(Locale.ROOT, " (observed %.4g, bound %.4g)", observed[i], bound[i]));
      }
    }
    String fullTitle = notDrawn.isEmpty() ? title : title + "; bound <= 0, no ratio: " + String.join(", ", notDrawn);
    return new Plot(fullTitle, Kind.SLACK, "sample", yLabel, Scale.LINEAR, Scale.AUTO,
        List.of(Series.labelled("observed / bound", Role.OBSERVED, drawn, points.stream().mapToDouble(v -> v[0]).toArray(),
            points.stream().mapToDouble(v -> v[1]).toArray())));
  }

  /**
   * observed/bound per row of a claim's table, for the rows {@code keep} accepts (e.g. where the
   * precondition is met): the columns are read by name, a row whose cells are not numbers is left
   * out, and each point is labelled with the row's first cell.
   */
  public static Plot slackFromTable(String title, EvidenceTable t, String observedColumn, String boundColumn,
      java.util.function.Predicate<List<Object>> keep) {
    int o = t.columns().indexOf(observedColumn);
    int b = t.columns().indexOf(boundColumn);
    if (o < 0 || b < 0) {
      throw new IllegalArgumentException("table '" + t.title() + "' has no column '" + (o < 0 ? observedColumn : boundColumn)
          + "'");
    }
    List<String> labels = new ArrayList<>();
    List<double[]> pairs = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      if (keep.test(row) && row.get(o) instanceof Number ov && row.get(b) instanceof Number bv) {
        labels.add(String.valueOf(row.get(0)));
        pairs.add(new double[] {ov.doubleValue(), bv.doubleValue()});
      }
    }
    return slackPerSample(title, observedColumn + " / " + boundColumn, labels,
        pairs.stream().mapToDouble(v -> v[0]).toArray(), pairs.stream().mapToDouble(v -> v[1]).toArray());
  }

  /** The same plot under another title (e.g. the instance it was drawn on, prefixed). */
  public Plot titled(String newTitle) {
    return new Plot(newTitle, kind, xLabel, yLabel, xScale, yScale, series);
  }

  /** True when there is at least one point to draw. */
  public boolean hasPoints() {
    return series.stream().anyMatch(s -> s.size() > 0);
  }

  /** Indices 0..n-1 thinned to at most MAX_POINTS, evenly spaced, first and last kept. */
  static List<Integer> thin(int n) {
    List<Integer> out = new ArrayList<>();
    if (n <= MAX_POINTS) {
      for (int i = 0; i < n; i++) {
        out.add(i);
      }
      return out;
    }
    int previous = -1;
    for (int k = 0; k < MAX_POINTS; k++) {
      int i = (int) Math.round((double) k * (n - 1) / (MAX_POINTS - 1));
      if (i != previous) {
        out.add(i);
        previous = i;
      }
    }
    return out;
  }

  /** v rounded to DIGITS significant digits (exactly the double its shortest decimal form names). */
  static double round(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return Double.parseDouble(String.format(Locale.ROOT, "%." + (DIGITS - 1) + "e", v));
  }
}
