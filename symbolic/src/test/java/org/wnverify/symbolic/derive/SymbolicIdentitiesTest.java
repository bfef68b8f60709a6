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

  @Test
  void reportsAreCachedPerEngine() {
    assertThat(SymbolicIdentities.report("chou/gradients", engine)).isSameAs(SymbolicIdentities.report("chou/gradients", engine));
  }

  @Test
  void catalogueIdsAreUniqueAndSorted() {
    assertThat(ids().toList()).doesNotHaveDuplicates().isSorted();
  }
}
