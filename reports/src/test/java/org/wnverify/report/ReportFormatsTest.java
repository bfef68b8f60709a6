package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Counterexample;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;

/** Every format renders one small canonical report; JSON and SVG are parsed back. */
class ReportFormatsTest {
  private static final EvidenceTable DRIFT = new EvidenceTable("drift vs tolerance",
      List.of("tolerance", "drift", "mutated drift"),
      List.of(List.of(1e-6, 3e-7, 0.2), List.of(1e-8, 2e-9, 0.2), List.of(1e-10, 4e-11, 0.2)));

  static AuditReport canonical() {
    ClaimOutcome holds = ClaimOutcome.builder(ClaimId.parse("chou/lemma-3.8"), 42)
        .verdict(Verdict.HOLDS, "drift shrinks 1e4x with tolerance")
        .evidence("samples", 3).evidence("max drift", 4e-11).table(DRIFT)
        .control(new NegativeControl("exponent 1-L <for> 2-L", Verdict.VIOLATED, "drift stays 0.2"))
        .build().withSeconds(1.25);
    ClaimOutcome violated = ClaimOutcome.builder(ClaimId.parse("chou/theorem-2.2#rho-at-least-1"), 43)
        .verdict(Verdict.VIOLATED, "rho = 0.31 < 1 | at r0 = 0.1")
        .counterexample(new Counterexample("rho = 0.31", java.util.Map.of("L", 2), "out/counterexamples/x.json"))
        .build();
    AuditSettings s = new AuditSettings("check", List.of("chou/*"), 7, 3, 2, 60, null, "QUICK", "test");
    return new AuditReport(s, List.of("chou/lemma-3.8", "chou/theorem-2.2#rho-at-least-1"),
        List.of(holds, violated), AuditReport.Status.COMPLETE);
  }

  private final ClaimInfo info = new ClaimInfo(List.of());

  @Test
  void jsonHoldsEveryClaimWithVerdictEvidenceAndCounterexample() throws Exception {
    JsonNode root = new ObjectMapper().readTree(new JsonReport(info).render(canonical()));
    assertThat(root.get("passed").asBoolean()).isFalse();
    assertThat(root.get("counts").get("VIOLATED").asInt()).isEqualTo(1);
    JsonNode first = root.get("claims").get(0);
    assertThat(first.get("id").asText()).isEqualTo("chou/lemma-3.8");
    assertThat(first.get("evidence").get("max drift").asDouble()).isEqualTo(4e-11);
    assertThat(first.get("tables").get(0).get("rows")).hasSize(3);
    assertThat(first.get("negativeControls").get(0).get("rejected").asBoolean()).isTrue();
    assertThat(root.get("claims").get(1).get("counterexample").get("savedTo").asText()).endsWith("x.json");
  }

  @Test
  void markdownIsASummaryWithFindingsAndLinksToClaimPages() {
    String md = new MarkdownReport(info).render(canonical());
    assertThat(md).contains("**FAILED**", "## Verdicts by paper", "## Findings: printed statements that fail (1)",
        "[`chou/theorem-2.2#rho-at-least-1`](claims/chou_theorem-2.2_rho-at-least-1.md)", "**VIOLATED**",
        "rho = 0.31 < 1 \\| at r0", "HOLDS (1): `chou/lemma-3.8`", "`claims/<paper>_<item>[_<sub>].md`");
    // the numbers are on the claim's page, not in the summary
    assertThat(md).doesNotContain("| tolerance | drift |");
    String page = new ClaimPage(ReportContext.of(info)).render(canonical().outcomes().get(1), canonical());
    assertThat(page).contains("./wnverify check 'chou/theorem-2.2#rho-at-least-1' --instance out/counterexamples/x.json");
    assertThat(new ClaimPage(ReportContext.of(info)).render(canonical().outcomes().get(0), canonical()))
        .contains("| tolerance | drift |", "rejected (VIOLATED)");
  }

  /** The summary grows with the number of claims, not with the evidence behind them (trajectory points). */
  @Test
  void summarySizeDoesNotGrowWithEvidence() {
    AuditReport small = canonical();
    List<List<Object>> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      many.add(List.of(i * 1e-3, Math.exp(-i * 1e-3)));
    }
    ClaimOutcome big = ClaimOutcome.builder(ClaimId.parse("chou/lemma-3.8"), 42).verdict(Verdict.HOLDS, "drift shrinks")
        .table(new EvidenceTable("loss vs t", List.of("t", "loss"), many))
        .control(new NegativeControl("m", Verdict.VIOLATED, "d")).build();
    AuditReport large = new AuditReport(small.settings(), small.planned(), List.of(big, small.outcomes().get(1)),
        AuditReport.Status.COMPLETE);
    int a = new MarkdownReport(info).render(small).length();
    int b = new MarkdownReport(info).render(large).length();
    assertThat(Math.abs(a - b)).isLessThan(200);
    assertThat(new ClaimPage(ReportContext.of(info)).render(big, large)).contains("more rows in report.json");
  }

  @Test
  void indexHtmlIsSelfContainedWithFindingsAndCharts() throws Exception {
    String html = new HtmlReport(info).render(canonical());
    assertThat(html).contains("&lt;for&gt;").doesNotContain("<for>").contains("<svg", "id=\"findings\"",
        "Summary by paper and kind", "Minimal counterexample", "./wnverify check 'chou/theorem-2.2#rho-at-least-1'");
    // nothing is fetched: no external scripts, styles or images
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "<link", "@import", "url(");
    String svg = SvgPlot.render(DRIFT);
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(svg).contains("polyline").contains("(log scale)");
  }

  @Test
  void refinementTablesAreDrawnPerInstanceOnLogAxesAndSlacksWithTheirSign() throws Exception {
    EvidenceTable refinement = new EvidenceTable("drift", List.of("instance", "L", "tolerance", "drift", "noise floor"),
        List.of(List.of("a", 2, 1e-6, 3e-6, 3e-6), List.of("a", 2, 1e-8, 5e-8, 5e-8), List.of("a", 2, 1e-10, 9e-10, 0.0),
            List.of("b", 3, 1e-6, 1e-6, 1e-6), List.of("b", 3, 1e-8, 2e-8, 2e-8), List.of("b", 3, 1e-10, 5e-10, 0.0)));
    String svg = SvgPlot.render(refinement);
    assertThat(svg).contains("tolerance (log scale)", "drift, noise floor (log scale)", "stroke-dasharray", ">a<", ">b<");
    EvidenceTable slack = new EvidenceTable("bound", List.of("instance", "L", "slack"),
        List.of(List.of("x", 2, 0.5), List.of("y", 3, -92.0), List.of("z", 3, 1e-3)));
    String s2 = SvgPlot.render(slack);
    assertThat(s2).contains("slack (signed log)", "#b00020", "below 0: the bound fails");
    for (String x : List.of(svg, s2)) {
      DocumentBuilderFactory.newInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(x.getBytes(StandardCharsets.UTF_8)));
    }
  }

  @Test
  void tablesThatCannotBePlottedAreLeftAsTables() {
    assertThat(SvgPlot.render(new EvidenceTable("t", List.of("a", "b"), List.of(List.of("x", 1))))).isNull();
    assertThat(SvgPlot.render(new EvidenceTable("t", List.of("a", "b"), List.of(List.of(1, "y"), List.of(2, "z")))))
        .isNull();
  }
}
