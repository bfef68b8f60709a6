package org.wnverify.symbolic.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityVerdict;

/**
 * Issue 20: every symbolic proof step is PROVED, except the printed steps marked as findings,
 * which are REFUTED with a witness and have a separately named corrected step that is PROVED;
 * every negative control of every step is REFUTED with a witness by the same prover.
 */
class ProofStepsTest {
  private static SymbolicEngine engine;

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static Stream<ProofSteps.Step> steps() {
    return ProofSteps.table().stream();
  }

  @ParameterizedTest
  @MethodSource("steps")
  void verdictAsExpectedAndEveryControlRefuted(ProofSteps.Step step) {
    long t0 = System.nanoTime();
    IdentityReport r = SymbolicIdentities.report(step.id(), engine);
    System.out.printf("STEP %-40s %-10s %5.2fs controls=%d%n", step.id(), r.proof().verdict(), (System.nanoTime() - t0) / 1e9,
        r.controls().size());
    IdentityVerdict expected = step.finding() ? IdentityVerdict.REFUTED : IdentityVerdict.PROVED;
    assertThat(r.proof().verdict()).as(r.id() + " " + r.proof().steps() + " " + r.proof().defect()).isEqualTo(expected);
    if (step.finding()) {
      assertThat(r.proof().witness()).isPresent();
      assertThat(r.notes()).anyMatch(n -> n.startsWith("FINDING (proof step only)"));
      assertThat(r.notes()).as("says whether the statement is affected")
          .anyMatch(n -> n.startsWith("does not affect") || n.startsWith("may affect"));
    }
    assertThat(r.skipped()).isEmpty();
    assertThat(r.controls()).as(step.id()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(r.controls().stream().map(ControlProof::mutation).distinct().count()).isEqualTo(r.controls().size());
    for (ControlProof c : r.controls()) {
      assertThat(c.proof().verdict()).as(step.id() + " control " + c.mutation() + " " + c.proof().defect())
          .isEqualTo(IdentityVerdict.REFUTED);
      assertThat(c.proof().witness()).as(c.mutation()).isPresent();
    }
    assertThat(r.display()).isPresent();
  }

  @Test
  void everyFindingHasACorrectedStepThatIsProvedOrTheNextLineHolds() {
    for (ProofSteps.Step s : ProofSteps.table()) {
      if (s.finding()) {
        assertThat(ProofSteps.entry(s.id() + "-corrected")).as(s.id()).isPresent();
      }
    }
  }

  @Test
  void idsAreUniqueSortedAndDistinctFromTheStatements() {
    var ids = steps().map(ProofSteps.Step::id).toList();
    assertThat(ids).doesNotHaveDuplicates().isSorted().allMatch(id -> id.matches("(chou|wu|ewn)/[a-z0-9.\\-]+#(step|eq)-[a-z0-9.\\-]+"));
    var statements = SymbolicIdentities.catalogue().stream().map(SymbolicIdentities.Entry::id).toList();
    assertThat(ids).doesNotContainAnyElementsOf(statements);
    assertThat(SymbolicIdentities.entry("chou/lemma-3.8#eq-35")).isPresent();
  }
}
