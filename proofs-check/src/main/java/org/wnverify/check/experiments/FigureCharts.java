package org.wnverify.check.experiments;

import java.util.List;
import org.wnverify.check.Plot;

/** Charts of the Section 4 figures beside the numbers the paper prints, for index.html. */
final class FigureCharts {
  private FigureCharts() {}

  /**
   * The improvement ratio GD error / WN error against the swept parameter, on a log axis, with
   * the paper's printed factor at its parameter as a marker and the band in which the check
   * accepts it (a factor within {@code halfWidthDecades} of it) dashed.
   */
  static Plot ratioAgainstPaper(String title, String param, List<FigureData.Point> pts, double at, double factor,
      double halfWidthDecades) {
    double[] x = pts.stream().mapToDouble(p -> p.param).toArray();
    double[] ratio = pts.stream().mapToDouble(FigureData.Point::ratio).toArray();
    double lo = x.length == 0 ? at : Math.min(at, java.util.Arrays.stream(x).min().getAsDouble());
    double hi = x.length == 0 ? at : Math.max(at, java.util.Arrays.stream(x).max().getAsDouble());
    double band = Math.pow(10, halfWidthDecades);
    return new Plot(title, Plot.Kind.FIGURE, param, "GD error / WN error", Plot.Scale.AUTO, Plot.Scale.LOG, List.of(
        Plot.Series.of("wnverify", Plot.Role.OBSERVED, x, ratio),
        Plot.Series.of("accepted: x" + String.format(java.util.Locale.ROOT, "%.3g", band) + " either side", Plot.Role.UPPER_BOUND, new double[] {lo, hi},
            new double[] {factor * band, factor * band}),
        Plot.Series.of("", Plot.Role.LOWER_BOUND, new double[] {lo, hi}, new double[] {factor / band, factor / band}),
        Plot.Series.of("paper: factor " + (int) factor + " at " + param + " = " + at, Plot.Role.PAPER,
            new double[] {at}, new double[] {factor})));
  }

  /**
   * The improvement ratio against the swept parameter with the ratio 1 (WN as good as GD) and the
   * parameter value the paper prints as the edge of its sentence (r0 = sqrt(s)) as reference lines.
   */
  static Plot ratioAgainstThreshold(String title, String param, List<FigureData.Point> pts, double edge,
      String edgeName) {
    double[] x = pts.stream().mapToDouble(p -> p.param).toArray();
    double[] ratio = pts.stream().mapToDouble(FigureData.Point::ratio).toArray();
    double lo = java.util.Arrays.stream(ratio).filter(v -> v > 0 && Double.isFinite(v)).min().orElse(1);
    double hi = java.util.Arrays.stream(ratio).filter(v -> v > 0 && Double.isFinite(v)).max().orElse(1);
    double[] span = {Math.min(lo, 1), Math.max(hi, 1)};
    double[] xs = x.length == 0 ? new double[] {edge, edge} : new double[] {java.util.Arrays.stream(x).min().getAsDouble(),
        java.util.Arrays.stream(x).max().getAsDouble()};
    return new Plot(title, Plot.Kind.FIGURE, param, "GD error / WN error", Plot.Scale.AUTO, Plot.Scale.LOG, List.of(
        Plot.Series.of("wnverify", Plot.Role.OBSERVED, x, ratio),
        Plot.Series.of("ratio 1: WN as good as GD", Plot.Role.REFERENCE, xs, new double[] {1, 1}),
        Plot.Series.of(edgeName, Plot.Role.REFERENCE, new double[] {edge, edge}, span)));
  }
}
