package org.wnverify.symbolic.derive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityVerdict;

/**
 * Every identity of the catalogue is PROVED, except the printed formulas that are wrong (the
 * findings), which are REFUTED with a witness; every negative control is REFUTED with a witness.
 */
class SymbolicIdentitiesTest {
  /** Printed identities that do not hold (see each one's notes and the #corrected variants). */
  static final Set<String> FINDINGS = Set.of("wu/gradients", "wu/lemma-2.2#flow-4", "wu/lemma-2.5#squared-norm");

  private static SymbolicEngine engine;

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  static Stream<String> ids() {
    return SymbolicIdentities.catalogue().stream().map(SymbolicIdentities.Entry::id);
  }

  /** Issue #9: these had two wrong versions each; they have at least four, every identity three. */
  static final Set<String> FOUR_CONTROLS = Set.of("chou/lemma-3.2#proof", "chou/lemma-3.3#expanded-flow",
      "chou/lemma-3.5#proof", "chou/lemma-3.7#proof", "chou/lemma-3.14", "ewn/lemma-2#euler", "ewn/theorem-1#ewn",
      "ewn/theorem-1#swn", "wu/gradients", "wu/gradients#appendix-b", "wu/gradients#corrected", "wu/lemma-2.2",
      "wu/lemma-2.5#squared-norm", "wu/lemma-2.5#squared-norm-corrected");

  @ParameterizedTest
  @MethodSource("ids")
  void everyIdentityHasASetOfDistinctWrongVersions(String id) {
    Plan plan = SymbolicIdentities.plan(id);
    assertThat(plan.controls).hasSizeGreaterThanOrEqualTo(FOUR_CONTROLS.contains(id) ? 4 : 3);
    assertThat(plan.controls.stream().map(Plan.Control::mutation).distinct().count()).as(id)
        .isEqualTo(plan.controls.size());
  }

  @ParameterizedTest
  @MethodSource("ids")
  void provedOrRefutedAsExpectedAndControlsRefuted(String id) {
    IdentityReport r = SymbolicIdentities.report(id, engine);
    IdentityVerdict expected = FINDINGS.contains(id) ? IdentityVerdict.REFUTED : IdentityVerdict.PROVED;
    assertThat(r.proof().verdict()).as(r.id() + " " + r.proof().steps()).isEqualTo(expected);
    if (expected == IdentityVerdict.REFUTED) {
      assertThat(r.proof().witness()).isPresent();
      assertThat(r.notes()).anyMatch(n -> n.startsWith("FINDING"));
    }
    assertThat(r.proof().dimensions()).isNotBlank();
    assertThat(r.skipped()).as("cases dropped for time").isEmpty();
    assertThat(r.controls()).isNotEmpty();
    for (ControlProof c : r.controls()) {
      assertThat(c.proof().verdict()).as(c.mutation() + " " + c.proof().steps()).isEqualTo(IdentityVerdict.REFUTED);
      assertThat(c.proof().witness()).as(c.mutation()).isPresent();
    }
    assertThat(r.display()).isPresent();
    assertThat(r.location()).isNotBlank();
  }

  @Test
  void eachFindingHasACorrectedVariantThatIsProved() {
    assertThat(SymbolicIdentities.report("wu/gradients#corrected", engine).proof().verdict()).isEqualTo(IdentityVerdict.PROVED);
    assertThat(SymbolicIdentities.report("wu/lemma-2.2#flow-4-corrected", engine).proof().verdict())
        .isEqualTo(IdentityVerdict.PROVED);
    assertThat(SymbolicIdentities.report("wu/lemma-2.5#squared-norm-corrected", engine).proof().verdict())
        .isEqualTo(IdentityVerdict.PROVED);
  }

  @Test
  void dimensionsCoverTheAskedRanges() {
    assertThat(SymbolicIdentities.report("chou/lemma-3.8#proof", engine).proof().dimensions())
        .contains("M=1,N=5,L=4").contains("M=2,N=4,L=4");
    assertThat(SymbolicIdentities.report("chou/lemma-3.7#proof", engine).proof().dimensions())
        .contains("M=1,N=5,L=1").contains("M=1,N=2,L=4");
    assertThat(SymbolicIdentities.report("ewn/theorem-1#ewn", engine).proof().dimensions()).contains("d=2").contains("d=5");
  }

  /** Issue #3: N (or d) = 2..5 for every identity with a dimension, M = 1..3 wherever a matrix enters. */
  @ParameterizedTest
  @MethodSource("ids")
  void everyIdentityCoversNTwoToFiveAndMOneToThree(String id) {
    if (id.equals("chou/lemma-3.9#gamma")) {
      return; // scalar: no dimension
    }
    IdentityReport r = SymbolicIdentities.report(id, engine);
    String dims = r.proof().dimensions();
    assertThat(r.skipped()).as(id + ": a skipped case does not count as covered").isEmpty();
    boolean chou = id.startsWith("chou/");
    for (int n = 2; n <= 5; n++) {
      assertThat(dims).as(id).containsPattern(chou ? "N=" + n + "\\b" : "d=" + n + "\\b");
    }
    if (chou || id.startsWith("wu/")) {
      for (int m = 1; m <= 3; m++) {
        assertThat(dims).as(id).contains(chou ? "M=" + m + "," : "m=" + m + ",");
      }
    }
  }

  @Test
  void exactRationalCasesSayWhichMatrixTheyUse() {
    assertThat(SymbolicIdentities.report("chou/lemma-3.5#proof", engine).proof().dimensions())
        .contains("M=1,N=5,L=2 (A = {{1,2,-1,1,3}}, symbolic b, r, u, eta_r, eta_u)")
        .contains("M=3,N=3,L=2 (A = {{1,2,-1},{3,-1,2},{1,0,1}}, symbolic b")
        .contains("M=1,N=4,L=3 (symbolic A, b, r, u, eta_r, eta_u)");
  }

  @Test
  void reportsAreCachedPerEngine() {
    assertThat(SymbolicIdentities.report("chou/gradients", engine)).isSameAs(SymbolicIdentities.report("chou/gradients", engine));
  }

  @Test
  void catalogueIdsAreUniqueAndSorted() {
    assertThat(ids().toList()).doesNotHaveDuplicates().isSorted();
  }
}
