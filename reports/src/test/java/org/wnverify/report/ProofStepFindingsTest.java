package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;

/**
 * Issue 20: the reports list the failing steps of the proofs apart from the failing statements, and
 * say whether the statement the step belongs to fails as well.
 */
class ProofStepFindingsTest {
  private static final ClaimInfo INFO = new ClaimInfo(ClaimCatalogue.standard().all());

  private static ClaimOutcome outcome(String id, Verdict v, String summary) {
    return ClaimOutcome.builder(ClaimId.parse(id), 1).verdict(v, summary).build();
  }

  private static AuditReport report() {
    List<ClaimOutcome> os = List.of(
        outcome("chou/lemma-3.10", Verdict.HOLDS, "bounded below on all samples"),
        outcome("chou/lemma-3.10#step-3", Verdict.REFUTED, "printed identity fails at k1"),
        outcome("chou/lemma-3.10#step-3-corrected", Verdict.PROVED, "proved"),
        outcome("chou/theorem-2.2#rho-at-least-1", Verdict.VIOLATED, "rho = 0.31 < 1"));
    AuditSettings s = new AuditSettings("check", List.of("chou/*"), 1, 6, 2, 60, null, "QUICK", "test");
    return new AuditReport(s, os.stream().map(o -> o.id().toString()).toList(), os, AuditReport.Status.COMPLETE);
  }

  @Test
  void statementsAndProofStepsAreFindingsApart() {
    assertThat(Findings.statements(report(), INFO)).extracting(f -> f.printed().id().toString())
        .containsExactly("chou/theorem-2.2#rho-at-least-1");
    assertThat(Findings.proofSteps(report(), INFO)).extracting(f -> f.printed().id().toString())
        .containsExactly("chou/lemma-3.10#step-3");
    ClaimOutcome step = Findings.proofSteps(report(), INFO).get(0).printed();
    assertThat(Findings.statementChecks(step, report(), INFO)).extracting(o -> o.id().toString())
        .containsExactly("chou/lemma-3.10");
  }

  @Test
  void markdownAndHtmlShowTheProofStepFindingsInTheirOwnSection() {
    String md = new MarkdownReport(INFO).render(report());
    assertThat(md).contains("## Findings: printed statements that fail (1)",
        "## Proof-step findings: displayed steps of the proofs that fail (1)",
        "[`chou/lemma-3.10`](claims/chou_lemma-3.10.md) HOLDS (the wrong step does not make it fail)");
    String statements = md.substring(md.indexOf("## Findings"), md.indexOf("## Proof-step findings"));
    assertThat(statements).doesNotContain("lemma-3.10#step-3");
    String html = new HtmlReport(INFO).render(report());
    assertThat(html).contains("id=\"proof-step-findings\"", "The statement in this run.",
        "(the wrong step does not make it fail)");
  }
}
