package org.wnverify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.EvidenceTable;

/**
 * Draws an evidence table as an SVG line chart: the first column is x, every other all-numeric
 * column is a series. Axes switch to log scale when the data are positive and span more than two
 * decades, which is the common case for drifts, tolerances and errors. Returns null when the table
 * is not plottable (fewer than two rows, or non-numeric columns only).
 */
final class SvgPlot {
  private static final int WIDTH = 560;
  private static final int HEIGHT = 300;
  private static final int LEFT = 70;
  private static final int RIGHT = 150;
  private static final int TOP = 20;
  private static final int BOTTOM = 45;
  private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

  private SvgPlot() {}

  static String render(EvidenceTable t) {
    if (t.rows().size() < 2) {
      return null;
    }
    double[] x = column(t, 0);
    if (x == null) {
      return null;
    }
    List<Integer> series = new ArrayList<>();
    for (int c = 1; c < t.columns().size(); c++) {
      if (column(t, c) != null) {
        series.add(c);
      }
    }
    if (series.isEmpty()) {
      return null;
    }
    List<double[]> ys = new ArrayList<>();
    for (int c : series) {
      ys.add(column(t, c));
    }
    Axis ax = Axis.of(x);
    double[] all = ys.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
    Axis ay = Axis.of(all);
    if (ax == null || ay == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
        WIDTH, HEIGHT, HtmlReport.escape(t.title())));
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
        LEFT, TOP, pw, ph));
    for (double tick : ax.ticks()) {
      double px = LEFT + ax.frac(tick) * pw;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", px, TOP, px, TOP + ph));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>",
          px, TOP + ph + 14, tickLabel(tick)));
    }
    for (double tick : ay.ticks()) {
      double py = TOP + (1 - ay.frac(tick)) * ph;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, py, LEFT + pw, py));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          LEFT - 4, py + 3, tickLabel(tick)));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s%s</text>",
        LEFT + pw / 2, HEIGHT - 8, HtmlReport.escape(t.columns().get(0)), ax.log ? " (log)" : ""));
    for (int s = 0; s < series.size(); s++) {
      String color = COLORS[s % COLORS.length];
      double[] y = ys.get(s);
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < x.length; i++) {
        if (ax.plottable(x[i]) && ay.plottable(y[i])) {
          pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + ax.frac(x[i]) * pw, TOP + (1 - ay.frac(y[i])) * ph));
        }
      }
      sb.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append("\" points=\"")
          .append(pts.toString().trim()).append("\"/>");
      for (String p : pts.toString().trim().split(" ")) {
        if (!p.isEmpty()) {
          String[] xy = p.split(",");
          sb.append("<circle r=\"3\" fill=\"").append(color).append("\" cx=\"").append(xy[0]).append("\" cy=\"")
              .append(xy[1]).append("\"/>");
        }
      }
      int ly = TOP + 14 + 16 * s;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
          LEFT + pw + 8, ly - 4, LEFT + pw + 24, ly - 4, color));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", LEFT + pw + 28, ly,
          HtmlReport.escape(t.columns().get(series.get(s)))));
    }
    if (ay.log) {
      sb.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"10\">log</text>", TOP + 10));
    }
    return sb.append("</svg>").toString();
  }

  /** Short tick labels: 0.5, 20, 1e-06 (no trailing zeros). */
  static String tickLabel(double v) {
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    if (a >= 1e-3 && a < 1e5) {
      return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.0e", v);
  }

  private static double[] column(EvidenceTable t, int c) {
    double[] v = new double[t.rows().size()];
    for (int i = 0; i < v.length; i++) {
      Object o = t.rows().get(i).get(c);
      if (!(o instanceof Number n)) {
        return null;
      }
      v[i] = n.doubleValue();
    }
    return v;
  }

  /** A linear or log axis over the finite values of the data. */
  private record Axis(double lo, double hi, boolean log) {
    static Axis of(double[] data) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      boolean positive = true;
      for (double d : data) {
        if (Double.isFinite(d)) {
          lo = Math.min(lo, d);
          hi = Math.max(hi, d);
          positive &= d > 0;
        }
      }
      if (lo > hi) {
        return null;
      }
      boolean log = positive && hi / lo > 100;
      if (log) {
        return new Axis(Math.floor(Math.log10(lo)), Math.ceil(Math.log10(hi)), true);
      }
      if (lo == hi) {
        double pad = lo == 0 ? 1 : Math.abs(lo) * 0.1;
        return new Axis(lo - pad, hi + pad, false);
      }
      double pad = (hi - lo) * 0.05;
      return new Axis(lo - pad, hi + pad, false);
    }

    boolean plottable(double v) {
      return Double.isFinite(v) && (!log || v > 0);
    }

    double frac(double v) {
      double t = log ? Math.log10(v) : v;
      return (t - lo) / (hi - lo);
    }

    List<Double> ticks() {
      List<Double> t = new ArrayList<>();
      if (log) {
        int step = (int) Math.max(1, Math.ceil((hi - lo) / 6));
        for (double e = lo; e <= hi + 1e-9; e += step) {
          t.add(Math.pow(10, e));
        }
      } else {
        // "Nice" steps of 1, 2 or 5 times a power of ten, so tick labels are round numbers.
        double raw = (hi - lo) / 4;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = magnitude * (raw / magnitude < 1.5 ? 1 : raw / magnitude < 3.5 ? 2 : raw / magnitude < 7.5 ? 5 : 10);
        for (double v = Math.ceil(lo / step) * step; v <= hi + 1e-9 * step; v += step) {
          t.add(Math.abs(v) < 1e-12 * step ? 0.0 : v);
        }
      }
      return t;
    }
  }
}
