package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;

/** What counts as a change against a baseline, and how baseline files are read. */
class BaselineComparisonTest {
  @TempDir
  Path dir;

  private static AuditReport run(List<String> selection, Map<String, Verdict> verdicts) {
    List<ClaimOutcome> os = verdicts.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> ClaimOutcome.builder(ClaimId.parse(e.getKey()), 1).verdict(e.getValue(), "s " + e.getValue()).build())
        .toList();
    AuditSettings s = new AuditSettings("audit", selection, 1, 6, 2, 300, null, "QUICK", "test");
    return new AuditReport(s, os.stream().map(o -> o.id().toString()).toList(), os, AuditReport.Status.COMPLETE);
  }

  private static Baseline expect(Map<String, Verdict> verdicts) {
    Map<String, Baseline.Expected> m = new java.util.TreeMap<>();
    verdicts.forEach((k, v) -> m.put(k, new Baseline.Expected(v, "")));
    return new Baseline(Map.of("seed", 1, "samples", 6, "profile", "QUICK"), m);
  }

  @Test
  void anUnchangedRunHasNoChangeEvenWithFindings() {
    Map<String, Verdict> v = Map.of("chou/lemma-3.6", Verdict.VIOLATED, "chou/lemma-3.8", Verdict.HOLDS,
        "chou/figure-1", Verdict.INCONCLUSIVE);
    BaselineComparison c = BaselineComparison.compare("b", expect(v), run(List.of(), v));
    assertThat(c.changes()).isEmpty();
    assertThat(c.failing()).isFalse();
    assertThat(c.warnings()).isEmpty();
  }

  @Test
  void newFailuresAndVanishedFindingsFailOtherDifferencesDoNot() {
    Baseline b = expect(Map.of("chou/lemma-3.6", Verdict.VIOLATED, "chou/lemma-3.8", Verdict.HOLDS,
        "chou/figure-1", Verdict.INCONCLUSIVE, "chou/figure-2", Verdict.INCONCLUSIVE, "wu/gradients", Verdict.REFUTED,
        "chou/lemma-3.2", Verdict.PROVED));
    AuditReport r = run(List.of(), Map.of("chou/lemma-3.6", Verdict.HOLDS, "chou/lemma-3.8", Verdict.INCONCLUSIVE,
        "chou/figure-1", Verdict.VIOLATED, "chou/figure-2", Verdict.HOLDS, "chou/lemma-3.2", Verdict.CONFIRMED_AT_POINTS,
        "ewn/lemma-2#euler", Verdict.PROVED, "ewn/theorem-1#ewn", Verdict.REFUTED));
    BaselineComparison c = BaselineComparison.compare("b", b, r);
    Map<String, BaselineComparison.Kind> kinds = new java.util.TreeMap<>();
    c.changes().forEach(ch -> kinds.put(ch.id(), ch.kind()));
    assertThat(kinds).containsExactlyInAnyOrderEntriesOf(Map.of(
        "chou/lemma-3.6", BaselineComparison.Kind.FINDING_GONE,
        "chou/lemma-3.8", BaselineComparison.Kind.NEW_FAILURE,
        "chou/figure-1", BaselineComparison.Kind.NEW_FAILURE,
        "chou/figure-2", BaselineComparison.Kind.OTHER,
        "chou/lemma-3.2", BaselineComparison.Kind.OTHER,
        "ewn/lemma-2#euler", BaselineComparison.Kind.OTHER,
        "ewn/theorem-1#ewn", BaselineComparison.Kind.NEW_FAILURE,
        "wu/gradients", BaselineComparison.Kind.FINDING_GONE));
    assertThat(c.failing()).isTrue();
  }

  @Test
  void claimsOutsideTheSelectionAreNotCompared() {
    Baseline b = expect(Map.of("chou/lemma-3.6", Verdict.VIOLATED, "wu/gradients", Verdict.REFUTED));
    BaselineComparison c = BaselineComparison.compare("b", b,
        run(List.of("chou/*"), Map.of("chou/lemma-3.6", Verdict.VIOLATED)));
    assertThat(c.changes()).isEmpty();
  }

  @Test
  void differentSettingsAreNamedAsAWarning() {
    Baseline b = expect(Map.of("chou/lemma-3.8", Verdict.HOLDS));
    AuditSettings s = new AuditSettings("audit", List.of(), 2, 6, 2, 300, null, "QUICK", "test");
    ClaimOutcome o = ClaimOutcome.builder(ClaimId.parse("chou/lemma-3.8"), 1).verdict(Verdict.HOLDS, "").build();
    BaselineComparison c = BaselineComparison.compare("b", b,
        new AuditReport(s, List.of("chou/lemma-3.8"), List.of(o), AuditReport.Status.COMPLETE));
    assertThat(c.warnings()).singleElement().asString().contains("seed 1", "used 2");
  }

  @Test
  void aBaselineRoundTripsAndBadFilesNameTheField() throws Exception {
    Baseline b = Baseline.of(ReportFormatsTest.canonical());
    Path f = dir.resolve("b.json");
    Files.writeString(f, b.render());
    assertThat(Baseline.read(f).claims()).isEqualTo(b.claims());
    Files.writeString(f, "{\"format\": \"wnverify-baseline/1\", \"claims\": {\"chou/lemma-3.8\": {\"verdict\": \"OK\"}}}");
    assertThatThrownBy(() -> Baseline.read(f)).hasMessageContaining("b.json").hasMessageContaining("'verdict'");
    Files.writeString(f, "{\"format\": \"other\"}");
    assertThatThrownBy(() -> Baseline.read(f)).hasMessageContaining("'format'");
    Files.writeString(f, "{ not json");
    assertThatThrownBy(() -> Baseline.read(f)).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> Baseline.read(dir.resolve("none.json"))).hasMessageContaining("no such");
  }
}
