package org.wnverify.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wnverify.check.EvidenceTable;

/**
 * Draws evidence tables as SVG charts where a picture beats the table: drift and noise floor
 * against integrator tolerance per instance (refinement tables), the slack of a bound per instance
 * (negative slack, a failed bound, in red), and line charts of a numeric first column against the
 * other numeric columns (a figure's curves, loss against iteration). Axes are labelled and switch
 * to log scale when the values are positive and span more than two decades (a signed log scale
 * for slacks of both signs). Every mark carries {@code data-mark} so that a browser test can tell
 * a chart that drew nothing.
 */
final class SvgPlot {
  static final int WIDTH = 640;
  static final int HEIGHT = 320;
  static final int LEFT = 78;
  static final int RIGHT = 190;
  static final int TOP = 16;
  static final int BOTTOM = 46;
  static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
      "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
  /** Columns that count work rather than measure the claim; left out of line charts with other series. */
  private static final Set<String> COUNTS = Set.of("iterations", "evaluations", "steps", "draws");
  /** First columns that make a line chart's x axis. */
  private static final Set<String> X_NAMES = Set.of("iteration", "r0", "eta~", "largest step", "tolerance", "t",
      "time", "step");
  static final int MAX_LEGEND = 10;

  private SvgPlot() {}

  /** One curve. */
  record Series(String name, double[] x, double[] y, String color, boolean dashed) {}

  /** The first chart for a table, or null when none fits. */
  static String render(EvidenceTable t) {
    List<String> all = charts(t);
    return all.isEmpty() ? null : all.get(0);
  }

  /** The charts that fit a table (none, one, or more). */
  static List<String> charts(EvidenceTable t) {
    List<String> out = new ArrayList<>();
    if (t.rows().size() < 2) {
      return out;
    }
    int instance = indexOf(t, "instance");
    int tolerance = indexOf(t, "tolerance");
    int drift = indexOf(t, "drift");
    int slack = indexOf(t, "slack");
    if (instance == 0 && tolerance > 0 && drift > 0 && numeric(t, tolerance) && numeric(t, drift)) {
      String svg = refinement(t, instance, tolerance, drift, indexOf(t, "noise floor"));
      if (svg != null) {
        out.add(svg);
      }
    } else if (instance == 0 && slack > 0 && numeric(t, slack)) {
      String svg = slack(t, slack);
      if (svg != null) {
        out.add(svg);
      }
    } else if (numeric(t, 0) && (X_NAMES.contains(t.columns().get(0)) || allNumeric(t) && t.columns().size() <= 6)) {
      String svg = lines(t);
      if (svg != null) {
        out.add(svg);
      }
    }
    return out;
  }

  private static String refinement(EvidenceTable t, int inst, int tol, int drift, int noise) {
    Map<String, List<double[]>> byInstance = new LinkedHashMap<>();
    for (List<Object> row : t.rows()) {
      double n = noise >= 0 && row.get(noise) instanceof Number v ? v.doubleValue() : Double.NaN;
      byInstance.computeIfAbsent(String.valueOf(row.get(inst)), k -> new ArrayList<>())
          .add(new double[] {((Number) row.get(tol)).doubleValue(), ((Number) row.get(drift)).doubleValue(), n});
    }
    List<Series> series = new ArrayList<>();
    int k = 0;
    for (Map.Entry<String, List<double[]>> e : byInstance.entrySet()) {
      String color = COLORS[k++ % COLORS.length];
      List<double[]> pts = e.getValue();
      series.add(new Series(e.getKey(), col(pts, 0), col(pts, 1), color, false));
      if (noise >= 0) {
        series.add(new Series(null, col(pts, 0), col(pts, 2), color, true));
      }
    }
    return lineChart("drift (solid) and noise floor (dashed) against tolerance, per instance",
        t.columns().get(tol), "drift, noise floor", series);
  }

  private static double[] col(List<double[]> pts, int c) {
    return pts.stream().mapToDouble(p -> p[c]).toArray();
  }

  private static String lines(EvidenceTable t) {
    double[] x = column(t, 0);
    List<Integer> ys = new ArrayList<>();
    for (int c = 1; c < t.columns().size(); c++) {
      if (column(t, c) != null) {
        ys.add(c);
      }
    }
    if (ys.size() > 1) {
      ys.removeIf(c -> COUNTS.stream().anyMatch(w -> t.columns().get(c).contains(w)) && ys.size() > 1);
    }
    if (ys.isEmpty()) {
      return null;
    }
    List<Series> series = new ArrayList<>();
    for (int s = 0; s < ys.size(); s++) {
      series.add(new Series(t.columns().get(ys.get(s)), x, column(t, ys.get(s)), COLORS[s % COLORS.length], false));
    }
    String yLabel = ys.size() == 1 ? t.columns().get(ys.get(0)) : "value";
    return lineChart(t.title(), t.columns().get(0), yLabel, series);
  }

  /** A line chart with labelled axes; log axes where the data are positive and span > 2 decades. */
  static String lineChart(String title, String xLabel, String yLabel, List<Series> series) {
    double[] xs = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x())).toArray();
    double[] ys = series.stream().flatMapToDouble(s -> java.util.Arrays.stream(s.y())).toArray();
    Axis ax = Axis.of(xs);
    Axis ay = Axis.of(ys);
    if (ax == null || ay == null) {
      return null;
    }
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;
    StringBuilder sb = open(title);
    frame(sb, ax, ay, pw, ph, xLabel, yLabel);
    int legend = 0;
    for (Series s : series) {
      StringBuilder pts = new StringBuilder();
      int n = 0;
      for (int i = 0; i < s.x().length; i++) {
        if (ax.plottable(s.x()[i]) && ay.plottable(s.y()[i])) {
          pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", LEFT + ax.frac(s.x()[i]) * pw,
              TOP + (1 - ay.frac(s.y()[i])) * ph));
          n++;
        }
      }
      String p = pts.toString().trim();
      if (n > 1) {
        sb.append("<polyline data-mark=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(s.color()).append('"')
            .append(s.dashed() ? " stroke-dasharray=\"5,4\"" : "").append(" points=\"").append(p).append("\"/>");
      }
      if (!s.dashed() && n <= 60) {
        for (String xy : p.isEmpty() ? new String[0] : p.split(" ")) {
          String[] c = xy.split(",");
          sb.append("<circle data-mark=\"point\" r=\"3\" fill=\"").append(s.color()).append("\" cx=\"").append(c[0])
              .append("\" cy=\"").append(c[1]).append("\"/>");
        }
      }
      if (s.name() != null && legend < MAX_LEGEND) {
        int ly = TOP + 12 + 15 * legend++;
        sb.append(String.format(Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>",
            LEFT + pw + 8, ly - 4, LEFT + pw + 24, ly - 4, s.color()));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", LEFT + pw + 28, ly,
            HtmlReport.escape(shorten(s.name(), 26))));
      }
    }
    long named = series.stream().filter(s -> s.name() != null).count();
    if (named > MAX_LEGEND) {
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">... %d more</text>", LEFT + pw + 8,
          TOP + 12 + 15 * MAX_LEGEND, named - MAX_LEGEND));
    }
    return sb.append("</svg>").toString();
  }

  /** Slack per instance as dots, on a signed log scale when the magnitudes span decades. */
  private static String slack(EvidenceTable t, int slackCol) {
    List<String> names = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    for (List<Object> row : t.rows()) {
      if (row.get(slackCol) instanceof Number n && Double.isFinite(n.doubleValue())) {
        names.add(String.valueOf(row.get(0)));
        values.add(n.doubleValue());
      }
    }
    if (names.size() < 2) {
      return null;
    }
    double maxAbs = values.stream().mapToDouble(Math::abs).max().orElse(0);
    double minAbs = values.stream().mapToDouble(Math::abs).filter(v -> v > 0).min().orElse(maxAbs);
    boolean symlog = maxAbs > 0 && maxAbs / minAbs > 100;
    // Signed log: sign(v) log10(1 + |v|/c), with c the smallest non-zero magnitude, so that 0 stays 0.
    double c = minAbs > 0 ? minAbs : 1;
    double[] y = values.stream().mapToDouble(v -> symlog ? Math.signum(v) * Math.log10(1 + Math.abs(v) / c) : v).toArray();
    double lo = Math.min(0, java.util.Arrays.stream(y).min().orElse(0));
    double hi = Math.max(0, java.util.Arrays.stream(y).max().orElse(0));
    if (hi == lo) {
      hi = lo + 1;
    }
    double pad = (hi - lo) * 0.08;
    Axis ay = new Axis(lo - pad, hi + pad, false);
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;
    StringBuilder sb = open("slack per instance");
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
        LEFT, TOP, pw, ph));
    double zero = TOP + (1 - ay.frac(0)) * ph;
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\"/>", LEFT, zero,
        LEFT + pw, zero));
    for (double tick : ay.ticks()) {
      double py = TOP + (1 - ay.frac(tick)) * ph;
      double shown = symlog ? Math.signum(tick) * (Math.pow(10, Math.abs(tick)) - 1) * c : tick;
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          LEFT - 4, py + 3, tickLabel(shown)));
    }
    yLabel(sb, "slack" + (symlog ? " (signed log)" : ""), ph);
    double step = (double) pw / names.size();
    for (int i = 0; i < names.size(); i++) {
      double px = LEFT + step * (i + 0.5);
      double py = TOP + (1 - ay.frac(y[i])) * ph;
      String color = values.get(i) < 0 ? "#b00020" : "#176d1b";
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>", px, zero,
          px, py, color));
      sb.append(String.format(Locale.ROOT, "<circle data-mark=\"point\" r=\"4\" fill=\"%s\" cx=\"%.1f\" cy=\"%.1f\">"
          + "<title>%s: %s</title></circle>", color, px, py, HtmlReport.escape(names.get(i)),
          MarkdownReport.formatDouble(values.get(i))));
      // instance names under their dots, alternating two rows so that neighbours do not overlap
      int chars = Math.max(4, (int) (2 * step / 5.5));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"9\" text-anchor=\"middle\">%s</text>",
          px, TOP + ph + 12 + 11 * (i % 2), HtmlReport.escape(shorten(names.get(i), chars))));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">below 0: the bound fails</text>",
        LEFT + pw + 8, TOP + 12));
    return sb.append("</svg>").toString();
  }

  static StringBuilder open(String title) {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
            + "role=\"img\" aria-label=\"%s\">",
        WIDTH, HEIGHT, WIDTH, HEIGHT, HtmlReport.escape(title)));
  }

  static void frame(StringBuilder sb, Axis ax, Axis ay, int pw, int ph, String xLabel, String yLabel) {
    sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
        LEFT, TOP, pw, ph));
    for (double tick : ax.ticks()) {
      double px = LEFT + ax.frac(tick) * pw;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>", px, TOP, px,
          TOP + ph));
      sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%s</text>", px,
          TOP + ph + 14, tickLabel(tick)));
    }
    for (double tick : ay.ticks()) {
      double py = TOP + (1 - ay.frac(tick)) * ph;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", LEFT, py,
          LEFT + pw, py));
      sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          LEFT - 4, py + 3, tickLabel(tick)));
    }
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s%s</text>",
        LEFT + pw / 2, HEIGHT - 10, HtmlReport.escape(shorten(xLabel, 60)), ax.log ? " (log scale)" : ""));
    yLabel(sb, yLabel + (ay.log ? " (log scale)" : ""), ph);
  }

  private static void yLabel(StringBuilder sb, String label, int ph) {
    int cy = TOP + ph / 2;
    sb.append(String.format(Locale.ROOT,
        "<text x=\"14\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\" transform=\"rotate(-90 14 %d)\">%s</text>", cy, cy,
        HtmlReport.escape(shorten(label, 45))));
  }

  static String shorten(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
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

  private static int indexOf(EvidenceTable t, String column) {
    return t.columns().indexOf(column);
  }

  private static boolean numeric(EvidenceTable t, int c) {
    return column(t, c) != null;
  }

  private static boolean allNumeric(EvidenceTable t) {
    for (int c = 0; c < t.columns().size(); c++) {
      if (!numeric(t, c)) {
        return false;
      }
    }
    return true;
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
  record Axis(double lo, double hi, boolean log) {
    /**
     * An axis with the scale the data's publisher asked for: LOG over the positive values (when
     * there are any), LINEAR, or AUTO as {@link #of(double[])} decides.
     */
    static Axis of(double[] data, org.wnverify.check.Plot.Scale scale) {
      if (scale == org.wnverify.check.Plot.Scale.LOG) {
        double lo = java.util.Arrays.stream(data).filter(d -> Double.isFinite(d) && d > 0).min().orElse(Double.NaN);
        double hi = java.util.Arrays.stream(data).filter(d -> Double.isFinite(d) && d > 0).max().orElse(Double.NaN);
        if (!Double.isNaN(lo)) {
          double elo = Math.floor(Math.log10(lo));
          double ehi = Math.ceil(Math.log10(hi));
          return new Axis(elo, ehi > elo ? ehi : elo + 1, true);
        }
      }
      return of(data, scale != org.wnverify.check.Plot.Scale.LINEAR);
    }

    static Axis of(double[] data) {
      return of(data, true);
    }

    private static Axis of(double[] data, boolean mayLog) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      boolean positive = true;
      double loPos = Double.POSITIVE_INFINITY;
      for (double d : data) {
        if (Double.isFinite(d)) {
          lo = Math.min(lo, d);
          hi = Math.max(hi, d);
          positive &= d >= 0;
          if (d > 0) {
            loPos = Math.min(loPos, d);
          }
        }
      }
      if (lo > hi) {
        return null;
      }
      // Zeros on an otherwise positive log-worthy series (a noise floor of exactly 0) are left out.
      boolean log = mayLog && positive && loPos < Double.POSITIVE_INFINITY && hi / loPos > 100;
      if (log) {
        return new Axis(Math.floor(Math.log10(loPos)), Math.ceil(Math.log10(hi)), true);
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
