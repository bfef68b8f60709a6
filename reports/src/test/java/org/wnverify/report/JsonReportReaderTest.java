package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;
import org.wnverify.check.run.Shard;

/** report.json read back is the report that was written: every format renders it identically. */
class JsonReportReaderTest {
  private final ClaimInfo info = new ClaimInfo(ClaimCatalogue.standard().all());
  private final JsonReport json = new JsonReport(info);

  @TempDir
  Path dir;

  /** A report with every kind of value the writer is given, including the awkward ones. */
  private static AuditReport awkward() {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("z", 1);
    nested.put("a", List.of(1.5, -0.0, 7L));
    ClaimOutcome o = ClaimOutcome.builder(ClaimId.parse("chou/lemma-3.8"), -6_917_529_027_641_081_856L)
        .verdict(Verdict.HOLDS, "fine \"quoted\" | piped\nnewline ‖u‖")
        .evidence("int", 3).evidence("long", 12_345_678_901L).evidence("double", 0.1).evidence("integral double", 2.0)
        .evidence("tiny", 4.9e-324).evidence("huge", 1.7976931348623157e308).evidence("nan", Double.NaN)
        .evidence("inf", Double.NEGATIVE_INFINITY).evidence("float", 0.1f).evidence("bool", true)
        .evidence("null", null).evidence("list", List.of(1, "two", 3.0, List.of()))
        .evidence("map", nested)
        .table(new EvidenceTable("t", List.of("tolerance", "label"), List.of(List.of(1e-10, "x"), List.of(3, "y"))))
        .control(new NegativeControl("wrong sign", Verdict.VIOLATED, "drift 0.2"))
        .control(new NegativeControl("dropped hypothesis", Verdict.INCONCLUSIVE, "undecided"))
        .counterexample(new org.wnverify.check.Counterexample("fails", Map.of("L", 2, "eta", 0.5), "out/ce/x.json"))
        .plot(PlotReportTest.envelope()).plot(PlotReportTest.slack()).plot(PlotReportTest.figure())
        .build().withSeconds(1.23456);
    ClaimOutcome bare = ClaimOutcome.inconclusive(ClaimId.parse("wu/gradients"), 1, "not finished: interrupted");
    AuditSettings s = new AuditSettings("audit", List.of("chou/lemma-3.8", "wu/*"), 7, 3, 2, 60.5, "in stance.json",
        "PAPER", "0.1.0", new Shard(2, 5, 9));
    return new AuditReport(s, List.of("chou/lemma-3.8", "wu/gradients"), new ArrayList<>(List.of(o, bare)),
        AuditReport.Status.INTERRUPTED);
  }

  @Test
  void everyFormatRendersTheReadBackReportAsTheOriginal() throws Exception {
    AuditReport original = awkward();
    String text = json.render(original);
    Path file = dir.resolve("report.json");
    Files.writeString(file, text);
    AuditReport back = JsonReportReader.readExact(file, json);
    assertThat(json.render(back)).isEqualTo(text);
    assertThat(back.settings()).isEqualTo(original.settings());
    assertThat(back.planned()).isEqualTo(original.planned());
    assertThat(back.status()).isEqualTo(AuditReport.Status.INTERRUPTED);
    assertThat(back.outcomes().get(0).evidence().get("long")).isEqualTo(12_345_678_901L);
    assertThat(back.outcomes().get(0).seed()).isEqualTo(-6_917_529_027_641_081_856L);
    assertThat(back.outcomes().get(0).plots()).isEqualTo(original.outcomes().get(0).plots()).hasSize(3);
    // The other formats see the same model (seconds come back rounded to the millisecond, as written).
    AuditReport rounded = new AuditReport(original.settings(), original.planned(),
        original.outcomes().stream().map(o -> o.withSeconds(Math.round(o.seconds() * 1000) / 1000.0)).toList(),
        original.status());
    for (ReportFormat f : StandardFormats.all(info)) {
      assertThat(f.render(back)).as(f.fileName()).isEqualTo(f.render(rounded));
    }
  }

  @Test
  void anUnshardedReportHasNoShardFieldAndReadsBackWithoutOne() {
    AuditReport r = awkward();
    AuditReport whole = new AuditReport(r.settings().withShard(null, 2), r.planned(), r.outcomes(), r.status());
    String text = json.render(whole);
    assertThat(text).doesNotContain("\"shard\"");
    assertThat(JsonReportReader.parse(text, "x").settings().shard()).isNull();
  }

  @Test
  void malformedFilesNameTheFileAndTheField() throws Exception {
    String good = json.render(awkward());
    assertThatThrownBy(() -> JsonReportReader.parse("{", "r.json")).isInstanceOf(ReportFileException.class)
        .hasMessageStartingWith("r.json: not valid JSON");
    assertThatThrownBy(() -> JsonReportReader.parse(good.replace("wnverify-report/1", "other/9"), "r.json"))
        .hasMessageContaining("field 'schema'");
    assertThatThrownBy(() -> JsonReportReader.parse(good.replace("\"verdict\" : \"HOLDS\"", "\"verdict\" : \"MAYBE\""), "r.json"))
        .hasMessageContaining("claims[0] (chou/lemma-3.8).verdict").hasMessageContaining("MAYBE");
    assertThatThrownBy(() -> JsonReportReader.parse(good.replace("\"seed\" : 7", "\"seed\" : \"7\""), "r.json"))
        .hasMessageContaining("settings.seed");
    assertThatThrownBy(() -> JsonReportReader.parse(good.replace("\"planned\"", "\"plan\""), "r.json"))
        .hasMessageContaining("field 'planned': missing");
    assertThatThrownBy(() -> JsonReportReader.parse(good.replace("\"index\" : 2", "\"index\" : 6"), "r.json"))
        .hasMessageContaining("settings.shard");
    assertThatThrownBy(() -> JsonReportReader.read(dir.resolve("absent.json"))).hasMessageContaining("no such file");

    // Valid, but not what this version writes: an edited verdict count, a reformatted file.
    Path edited = dir.resolve("edited.json");
    Files.writeString(edited, good.replace("\"HOLDS\" : 1", "\"HOLDS\" : 4"));
    assertThatThrownBy(() -> JsonReportReader.readExact(edited, json))
        .hasMessageContaining("not exactly a report this version of wnverify writes").hasMessageContaining("\"HOLDS\" : 4");
  }
}
