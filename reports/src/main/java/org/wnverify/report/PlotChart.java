package org.wnverify.report;

import static org.wnverify.report.SvgPlot.BOTTOM;
import static org.wnverify.report.SvgPlot.COLORS;
import static org.wnverify.report.SvgPlot.HEIGHT;
import static org.wnverify.report.SvgPlot.LEFT;
import static org.wnverify.report.SvgPlot.MAX_LEGEND;
import static org.wnverify.report.SvgPlot.RIGHT;
import static org.wnverify.report.SvgPlot.TOP;
import static org.wnverify.report.SvgPlot.WIDTH;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.Plot;
import org.wnverify.check.Plot.Role;
import org.wnverify.check.Plot.Series;

/**
 * Draws a {@link Plot} a claim published as SVG, in the frame and axes of {@link SvgPlot}:
 * observed series as solid lines, proven bounds dashed in the colour of the observed series they
 * belong to (the one before them), the paper's printed numbers as open squares and the authors'
 * log as crosses, so that a reproduced figure reads against the paper's. A slack plot draws one
 * dot per sample (its name in the tooltip) and the ratio 1 where the bound is attained.
 */
final class PlotChart {
  private static final String BOUND_GREY = "#555";
  /** Above this many points a line carries no dots: they would merge into a thick line. */
  private static final int DOTS_UP_TO = 60;
  /** How far (decades) a bound may reach beyond the observed values on a log axis before it is cut. */
  private static final int DECADES_BEYOND = 4;

  private PlotChart() {}

  /** The chart, or null when nothing in it can be drawn. */
  static String render(Plot p) {
    List<Double> xs = new ArrayList<>();
    List<Double> ys = new ArrayList<>();
    p.series().forEach(s -> {
      xs.addAll(s.x());
      ys.addAll(s.y());
    });
    if (p.kind() == Plot.Kind.SLACK) {
      ys.add(1.0); // the ratio at which the bound is attained is always in view
    }
    SvgPlot.Axis ax = SvgPlot.Axis.of(xs.stream().mapToDouble(Double::doubleValue).toArray(), p.xScale());
    SvgPlot.Axis ay = SvgPlot.Axis.of(ys.stream().mapToDouble(Double::doubleValue).toArray(), p.yScale());
    if (ax == null || ay == null) {
      return null;
    }
    ay = aroundObserved(p, ay);
    int pw = WIDTH - LEFT - RIGHT;
    int ph = HEIGHT - TOP - BOTTOM;
    StringBuilder sb = SvgPlot.open(p.title());
    SvgPlot.frame(sb, ax, ay, pw, ph, p.xLabel(), p.yLabel());
    int drawn = 0;
    int legend = 0;
    int nextColor = 0;
    String lastObserved = null;
    if (p.kind() == Plot.Kind.SLACK && ay.plottable(1.0) && inside(ay, 1.0)) {
      double py = TOP + (1 - ay.frac(1.0)) * ph;
      sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" "
          + "stroke-dasharray=\"5,4\"/>", LEFT, py, LEFT + pw, py, BOUND_GREY));
      legend = legend(sb, legend, pw, BOUND_GREY, true, "ratio 1: bound attained");
    }
    for (Series s : p.series()) {
      String color;
      if (s.role() == Role.OBSERVED) {
        color = COLORS[nextColor++ % COLORS.length];
        lastObserved = color;
      } else if (s.role() == Role.UPPER_BOUND || s.role() == Role.LOWER_BOUND) {
        color = lastObserved != null ? lastObserved : BOUND_GREY;
      } else if (s.role() == Role.REFERENCE) {
        color = BOUND_GREY;
      } else {
        color = s.role() == Role.PAPER ? "#000" : "#9467bd";
      }
      List<double[]> pts = new ArrayList<>();
      List<String> names = new ArrayList<>();
      for (int i = 0; i < s.size(); i++) {
        double x = s.x().get(i);
        double y = s.y().get(i);
        if (ax.plottable(x) && ay.plottable(y) && inside(ay, y)) {
          pts.add(new double[] {LEFT + ax.frac(x) * pw, TOP + (1 - ay.frac(y)) * ph});
          names.add(s.labels().isEmpty() ? null : s.labels().get(i));
        }
      }
      if (pts.isEmpty()) {
        continue;
      }
      drawn++;
      boolean dashed = s.role() == Role.UPPER_BOUND || s.role() == Role.LOWER_BOUND || s.role() == Role.REFERENCE;
      switch (s.role()) {
        case PAPER -> pts.forEach(q -> sb.append(String.format(Locale.ROOT, "<rect data-mark=\"paper\" x=\"%.1f\" "
            + "y=\"%.1f\" width=\"8\" height=\"8\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.5\"/>", q[0] - 4, q[1] - 4,
            color)));
        case AUTHORS -> pts.forEach(q -> sb.append(String.format(Locale.ROOT, "<path data-mark=\"authors\" d=\"M%.1f "
            + "%.1fl8 8m0 -8l-8 8\" stroke=\"%s\" stroke-width=\"1.5\"/>", q[0] - 4, q[1] - 4, color)));
        default -> {
          // labelled points are samples (one per instance or init), not a curve: dots without a line
          boolean line = dashed || p.kind() != Plot.Kind.SLACK && s.labels().isEmpty();
          if (line && pts.size() > 1) {
            StringBuilder xy = new StringBuilder();
            pts.forEach(q -> xy.append(String.format(Locale.ROOT, "%.1f,%.1f ", q[0], q[1])));
            sb.append("<polyline data-mark=\"line\" fill=\"none\" stroke-width=\"2\" stroke=\"").append(color).append('"')
                .append(dashed ? " stroke-dasharray=\"5,4\"" : "").append(" points=\"").append(xy.toString().trim())
                .append("\"/>");
          }
          if (!dashed && (pts.size() <= DOTS_UP_TO || !line)) {
            for (int i = 0; i < pts.size(); i++) {
              sb.append(String.format(Locale.ROOT, "<circle data-mark=\"point\" r=\"3\" fill=\"%s\" cx=\"%.1f\" "
                  + "cy=\"%.1f\">", color, pts.get(i)[0], pts.get(i)[1]));
              if (names.get(i) != null) {
                sb.append("<title>").append(HtmlReport.escape(names.get(i))).append(": ")
                    .append(MarkdownReport.formatDouble(s.y().get(i))).append("</title>");
              }
              sb.append("</circle>");
            }
          }
        }
      }
      if (legend < MAX_LEGEND && !s.name().isEmpty()) { // an unnamed series continues the one before it
        legend = legend(sb, legend, pw, color, dashed, marker(s.role()) + s.name());
      }
    }
    return drawn == 0 ? null : sb.append("</svg>").toString();
  }

  /**
   * A log axis at most {@link #DECADES_BEYOND} decades beyond the observed values, so that a bound
   * falling 80 decades below the loss (a failed rate) does not squash the loss into a line; the
   * bound leaves the chart there.
   */
  private static SvgPlot.Axis aroundObserved(Plot p, SvgPlot.Axis ay) {
    if (!ay.log()) {
      return ay;
    }
    double[] seen = p.series().stream().filter(s -> s.role() == Role.OBSERVED || s.role() == Role.PAPER
        || s.role() == Role.AUTHORS).flatMap(s -> s.y().stream()).mapToDouble(Double::doubleValue).filter(v -> v > 0)
        .toArray();
    if (seen.length == 0) {
      return ay;
    }
    if (p.kind() == Plot.Kind.SLACK) {
      seen = java.util.Arrays.copyOf(seen, seen.length + 1);
      seen[seen.length - 1] = 1.0; // the ratio 1 stays in view
    }
    double lo = Math.floor(Math.log10(java.util.Arrays.stream(seen).min().getAsDouble())) - DECADES_BEYOND;
    double hi = Math.ceil(Math.log10(java.util.Arrays.stream(seen).max().getAsDouble())) + DECADES_BEYOND;
    return new SvgPlot.Axis(Math.max(ay.lo(), lo), Math.min(ay.hi(), hi), true);
  }

  private static boolean inside(SvgPlot.Axis a, double v) {
    double f = a.frac(v);
    return f >= -1e-9 && f <= 1 + 1e-9;
  }

  private static String marker(Role role) {
    return switch (role) {
      case PAPER -> "□ ";
      case AUTHORS -> "× ";
      default -> "";
    };
  }

  private static int legend(StringBuilder sb, int row, int pw, String color, boolean dashed, String text) {
    int ly = TOP + 12 + 15 * row;
    sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"%s/>",
        LEFT + pw + 8, ly - 4, LEFT + pw + 24, ly - 4, color, dashed ? " stroke-dasharray=\"4,3\"" : ""));
    sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>", LEFT + pw + 28, ly,
        HtmlReport.escape(SvgPlot.shorten(text, 26))));
    return row + 1;
  }
}
