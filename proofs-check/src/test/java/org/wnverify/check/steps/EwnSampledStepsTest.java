package org.wnverify.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;

/** Issue 20, EWN appendix: the sampled proof steps, their findings and their corrected variants. */
class EwnSampledStepsTest {
  /** The printed EWN steps that fail; each has a "-corrected" variant that holds. */
  static final Set<String> FINDINGS = Set.of("ewn/proposition-2#step-1", "ewn/proposition-2#step-3", "ewn/proposition-2#step-6", "ewn/proposition-2#step-8", "ewn/proposition-3#eq-24", "ewn/proposition-3#eq-26", "ewn/proposition-3#eq-28", "ewn/proposition-3#eq-33", "ewn/theorem-2#step-7");

  private static Map<String, SampledStep> byId() {
    return EwnSampledSteps.steps().stream().collect(Collectors.toMap(s -> s.id().toString(), s -> s));
  }

  @Test
  void everyEwnStepHasItsVerdictAndEveryControlIsRejected() {
    StringBuilder log = new StringBuilder();
    for (SampledStep s : EwnSampledSteps.steps()) {
      ClaimOutcome o = s.check(CheckContext.of(1, 1));
      log.append(String.format("%-45s %-12s %s%n", s.id(), o.verdict(), o.summary()));
      o.negativeControls().forEach(c -> log.append("    control ").append(c.verdict()).append(' ').append(c.mutation()).append('\n'));
      if (o.counterexample() != null) {
        log.append("    cex ").append(o.counterexample().instance()).append('\n');
      }
    }
    System.out.println(log);
    for (SampledStep s : EwnSampledSteps.steps()) {
      ClaimOutcome o = s.check(CheckContext.of(1, 1));
      Verdict expected = FINDINGS.contains(s.id().toString()) ? Verdict.VIOLATED : Verdict.HOLDS;
      assertThat(o.verdict()).as(s.id() + ": " + o.summary()).isEqualTo(expected);
      assertThat(o.negativeControls()).as(s.id().toString()).isNotEmpty()
          .allSatisfy(c -> assertThat(c.verdict()).as(s.id() + " control " + c.mutation()).isEqualTo(Verdict.VIOLATED));
    }
  }

  @Test
  void everyFindingHasACorrectedVariantThatHolds() {
    Map<String, SampledStep> all = byId();
    for (String f : FINDINGS) {
      assertThat(all).as(f).containsKey(f + "-corrected");
      assertThat(all.get(f + "-corrected").check(CheckContext.of(1, 1)).verdict()).as(f).isEqualTo(Verdict.HOLDS);
    }
  }

  @Test
  void theIndexListsEveryEwnAppendixProofWithItsLines() {
    var rows = ProofStepIndex.rows().stream().filter(r -> r.proof().startsWith("ewn/")).toList();
    assertThat(rows.stream().map(ProofStepIndex.Row::proof).distinct()).contains("ewn/theorem-1", "ewn/proposition-1",
        "ewn/proposition-2", "ewn/theorem-2", "ewn/proposition-3", "ewn/corollary-1", "ewn/theorem-3", "ewn/appendix-h",
        "ewn/lemma-1", "ewn/lemma-2", "ewn/lemma-3", "ewn/lemma-4", "ewn/lemma-5", "ewn/lemma-6");
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.file()).isEqualTo(EwnStepRows.EWN);
      int first = r.firstLine();
      assertThat(first).as(r.display()).isBetween(481, 2160);
    });
  }
}
