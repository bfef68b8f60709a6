package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;
import org.wnverify.check.run.Shard;
import org.wnverify.check.run.ShardPlan;

/** A shard's report.md and index.html say at the top that they are one shard; the merged ones do not. */
class ShardMarkerTest {
  private static final List<String> SELECTED = List.of("chou/lemma-3.2", "chou/lemma-3.8", "wu/gradients",
      "ewn/lemma-1", "ewn/lemma-2");
  private static final int COUNT = 2;
  private final ClaimInfo info = new ClaimInfo(List.of());

  private static AuditSettings settings(Shard shard) {
    return new AuditSettings("audit", List.of("*"), 1, 2, 1, 60, null, "QUICK", "test", shard);
  }

  private static AuditReport shard(int k) {
    List<String> planned = ShardPlan.of(SELECTED, COUNT).slice(SELECTED, Function.identity(), k);
    List<ClaimOutcome> outcomes = new ArrayList<>();
    planned.forEach(id -> outcomes.add(ClaimOutcome.builder(ClaimId.parse(id), 1).verdict(Verdict.HOLDS, "fine").build()));
    return new AuditReport(settings(new Shard(k, COUNT, SELECTED.size())), planned, outcomes, AuditReport.Status.COMPLETE);
  }

  @Test
  void aShardSaysWhichShardAndHowManyClaimsAtTheTop() {
    for (int k = 1; k <= COUNT; k++) {
      AuditReport r = shard(k);
      String headline = "Shard " + k + " of " + COUNT + " (covering " + r.planned().size() + " of " + SELECTED.size()
          + " claims): not the full audit.";
      String md = new MarkdownReport(info).render(r);
      assertThat(md).startsWith("# wnverify audit\n\n> **" + headline + "** ");
      assertThat(md.indexOf(headline)).isLessThan(md.indexOf("PASSED"));
      String html = new HtmlReport(info).render(r);
      assertThat(html).contains("<h1>wnverify audit</h1>\n<p class=\"shard-marker\" id=\"shard-marker\"><b>" + headline
          + "</b>");
      assertThat(html.indexOf("shard-marker\"")).isLessThan(html.indexOf("PASSED"));
      assertThat(html).contains("wnverify merge");
    }
  }

  @Test
  void theMergedReportAndAnUnshardedOneHaveNoMarker() {
    List<ShardMerge.Input> inputs = new ArrayList<>();
    for (int k = 1; k <= COUNT; k++) {
      inputs.add(new ShardMerge.Input(Path.of("s" + k), shard(k)));
    }
    AuditReport merged = ShardMerge.merge(inputs, sel -> SELECTED, "test");
    assertThat(merged.outcomes()).hasSize(SELECTED.size());
    AuditReport plain = new AuditReport(settings(null), SELECTED, merged.outcomes(), AuditReport.Status.COMPLETE);
    for (AuditReport r : List.of(merged, plain)) {
      assertThat(new MarkdownReport(info).render(r)).doesNotContain("Shard ", "not the full audit");
      assertThat(new HtmlReport(info).render(r)).doesNotContain("shard-marker\"", "not the full audit");
    }
  }
}
