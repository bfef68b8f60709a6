package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Plot;
import org.wnverify.check.Plot.Role;
import org.wnverify.check.Plot.Series;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;

/** The charts claims publish: loss with its envelope, slack per sample, a figure beside the paper. */
class PlotReportTest {
  private final ClaimInfo info = new ClaimInfo(List.of());

  @TempDir
  Path dir;

  /** A loss decaying over 6 decades from 5000 trajectory points, and its proven upper envelope. */
  static Plot envelope() {
    int n = 5000;
    double[] t = new double[n];
    double[] loss = new double[n];
    double[] bound = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = 10.0 * i / (n - 1);
      loss[i] = 0.7 * Math.exp(-1.5 * t[i]);
      bound[i] = 0.7 * Math.exp(-1.2 * t[i]);
    }
    return Plot.envelope("loss against time with the bound of (30)", "t", "L(t)",
        List.of(Series.of("instance a", Role.OBSERVED, t, loss), Series.of("bound of (30)", Role.UPPER_BOUND, t, bound)));
  }

  static Plot slack() {
    return Plot.slackPerSample("eps Q against ||x~|| - Q", "observed / bound", List.of("a", "b", "c"),
        new double[] {1e-4, 0.5, 2.0}, new double[] {1.0, 1.0, 1.0});
  }

  static Plot figure() {
    return new Plot("final norm against g0", Plot.Kind.FIGURE, "g0", "||x||", Plot.Scale.AUTO, Plot.Scale.AUTO,
        List.of(Series.of("wnverify WN", Role.OBSERVED, new double[] {0.5, 1, 2}, new double[] {3.0, 3.01, 3.2}),
            Series.of("paper", Role.PAPER, new double[] {0.5, 2}, new double[] {3.0, 3.3}),
            Series.of("authors' log", Role.AUTHORS, new double[] {1}, new double[] {3.02})));
  }

  private static AuditReport report(ClaimOutcome... os) {
    AuditSettings s = new AuditSettings("check", List.of("chou/*"), 7, 3, 2, 60, null, "QUICK", "test");
    return new AuditReport(s, java.util.Arrays.stream(os).map(o -> o.id().toString()).toList(), List.of(os),
        AuditReport.Status.COMPLETE);
  }

  private static ClaimOutcome withPlots(String id, Plot... plots) {
    ClaimOutcome.Builder b = ClaimOutcome.builder(ClaimId.parse(id), 3).verdict(Verdict.HOLDS, "fine");
    for (Plot p : plots) {
      b.plot(p);
    }
    return b.build();
  }

  @Test
  void seriesAreThinnedAndRoundedSoReportsGrowWithClaimsNotTrajectoryPoints() {
    Plot p = envelope();
    for (Series s : p.series()) {
      assertThat(s.size()).isEqualTo(Plot.MAX_POINTS);
      assertThat(s.x().get(0)).isEqualTo(0.0);
      assertThat(s.x().get(s.size() - 1)).isEqualTo(10.0);
    }
    assertThat(p.series().get(0).y().get(1)).hasToString("0.64941"); // 0.7 exp(-1.5 t) at t = 25 * 10 / 4999, to 5 significant digits
    // a trajectory ten times longer makes the same size of report
    String a = new JsonReport(info).render(report(withPlots("chou/lemma-3.6", p)));
    assertThat(a.length()).isLessThan(20_000);
    assertThatThrownBy(() -> new Series("x", Role.OBSERVED, List.of(Double.NaN), List.of(1.0), List.of()))
        .hasMessageContaining("not finite");
    // non-finite points (a diverged step, a zero bound) are left out rather than written as NaN
    Series s = Series.of("x", Role.OBSERVED, new double[] {1, 2, 3}, new double[] {1, Double.NaN, 3});
    assertThat(s.x()).containsExactly(1.0, 3.0);
  }

  @Test
  void plotsRoundTripThroughReportJsonByteForByte() throws Exception {
    JsonReport json = new JsonReport(info);
    AuditReport r = report(withPlots("chou/lemma-3.6", envelope(), slack()), withPlots("wu/figure-1", figure()),
        withPlots("wu/gradients"));
    String text = json.render(r);
    Path file = dir.resolve("report.json");
    Files.writeString(file, text);
    AuditReport back = JsonReportReader.readExact(file, json);
    assertThat(back.outcomes().get(0).plots()).isEqualTo(r.outcomes().get(0).plots());
    assertThat(back.outcomes().get(1).plots()).isEqualTo(r.outcomes().get(1).plots());
    assertThat(json.render(back)).isEqualTo(text);
    // a claim without plots has no "plots" field, as in reports written before plots existed
    assertThat(text.split("\"id\" : \"wu/gradients\"")[1]).doesNotContain("\"plots\"");
    assertThat(new HtmlReport(info).render(back)).isEqualTo(new HtmlReport(info).render(r));
  }

  @Test
  void lossIsDrawnOnALogAxisWithTheBoundDashedInTheSameColour() throws Exception {
    String svg = PlotChart.render(envelope());
    parse(svg);
    assertThat(svg).contains("L(t) (log scale)", ">t<", "stroke-dasharray=\"5,4\"", "bound of (30)", "instance a");
    assertThat(svg).doesNotContain(">t (log scale)<");
    // the bound's polyline is in the observed series' colour
    assertThat(svg.split("stroke=\"#1f77b4\" stroke-dasharray=\"5,4\"", -1)).hasSizeGreaterThan(1);
  }

  @Test
  void slackIsOneDotPerSampleAgainstTheRatioOneOnALogAxisWhenItSpansDecades() throws Exception {
    String svg = PlotChart.render(slack());
    parse(svg);
    assertThat(svg).contains("observed / bound (log scale)", "ratio 1: bound attained", "<title>a: 1.000e-04</title>",
        "<title>c: 2.00000</title>");
    assertThat(count(svg, "<circle data-mark=\"point\"")).isEqualTo(3);
    assertThat(svg).doesNotContain("<polyline");
  }

  @Test
  void aFigureShowsThePapersNumbersAndTheAuthorsLogAsMarkers() throws Exception {
    String svg = PlotChart.render(figure());
    parse(svg);
    assertThat(count(svg, "data-mark=\"paper\"")).isEqualTo(2);
    assertThat(count(svg, "data-mark=\"authors\"")).isEqualTo(1);
    assertThat(svg).contains("□ paper", "× authors' log", "wnverify WN");
    String html = new HtmlReport(info).render(report(withPlots("wu/figure-1", figure())));
    assertThat(html).contains("<figure class=\"chart claim-plot\"><svg class=\"plot\"",
        "<figcaption>final norm against g0</figcaption>");
    AuditReport r = report(withPlots("wu/figure-1", figure()));
    assertThat(new ClaimPage(ReportContext.of(info)).render(r.outcomes().get(0), r))
        .contains("Charts in `index.html`: final norm against g0.");
  }

  @Test
  void aPlotWithNothingToDrawIsNotAttached() {
    Plot empty = Plot.envelope("e", "t", "L", List.of(Series.of("x", Role.OBSERVED, new double[0], new double[0])));
    assertThat(withPlots("chou/lemma-3.6", empty).plots()).isEmpty();
    // a series of zeros has no place on a log axis: the chart falls back to a linear one rather than draw nothing
    Plot zeros = Plot.envelope("e", "t", "L", List.of(Series.of("x", Role.OBSERVED, new double[] {1, 2},
        new double[] {0, 0})));
    assertThat(PlotChart.render(zeros)).isNotNull().contains("data-mark");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static void parse(String svg) throws Exception {
    assertThat(svg).isNotNull();
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }
}
