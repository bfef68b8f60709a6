package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;

/** report.md is meant to be posted as a pull-request comment, and GitHub refuses comments over 65,536 characters. */
class MarkdownSizeTest {
  /** GitHub's limit on the body of a pull-request comment. */
  private static final int COMMENT_LIMIT = 65_536;

  @Test
  void aCatalogueOfSixHundredClaimsFitsInAPullRequestComment() {
    List<ClaimOutcome> os = new ArrayList<>();
    String longSummary = "x".repeat(400);
    for (int k = 0; k < 600; k++) {
      // the default audit's mix (about 360 claims on 2026-12-04): most pass, a tenth fail, a few are inconclusive
      Verdict v = k % 10 == 0 ? Verdict.VIOLATED : k % 17 == 0 ? Verdict.INCONCLUSIVE : Verdict.HOLDS;
      os.add(ClaimOutcome.builder(ClaimId.parse("wu/lemma-e." + k + "#step-" + k), k)
          .verdict(v, longSummary).build());
    }
    AuditSettings s = new AuditSettings("audit", List.of(), 1, 6, 2, 60, null, "QUICK", "test");
    AuditReport r = new AuditReport(s, os.stream().map(o -> o.id().toString()).toList(), os, AuditReport.Status.COMPLETE);
    String md = new MarkdownReport(new ClaimInfo(List.of())).render(r);
    assertThat(md.length()).isLessThan(COMMENT_LIMIT);
    assertThat(md).contains("**VIOLATED** (60): `wu/lemma-e.0#step-0`");
  }
}
