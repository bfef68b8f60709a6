package org.wnverify.check.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.symbolic.derive.ProofSteps;

/** Issue 20: the proof steps are claims of their own kind, listed by the catalogue, checked like identities. */
class ProofStepClaimsTest {
  private static Claim claim(String id) {
    return new ProofStepClaims().claims().stream().filter(c -> c.id().toString().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void oneProofStepClaimPerRowOfTheIndexAndTheCatalogueListsThem() {
    List<Claim> steps = new ProofStepClaims().claims();
    assertThat(steps).extracting(c -> c.id().toString())
        .containsExactlyElementsOf(ProofSteps.table().stream().map(ProofSteps.Step::id).toList());
    assertThat(steps).allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(ClaimKind.PROOF_STEP);
      assertThat(c.location()).contains("lines");
      assertThat(c.statement()).isNotBlank();
    });
    assertThat(ClaimKind.PROOF_STEP.label()).isEqualTo("proof-step");
    List<String> listed = ClaimCatalogue.standard().all().stream().map(c -> c.id().toString()).toList();
    assertThat(listed).contains("chou/lemma-3.8#eq-35", "wu/lemma-2.4#step-1", "wu/lemma-2.4#step-1-corrected");
    assertThat(ClaimCatalogue.standard().select(List.of("chou/lemma-3.8"))).extracting(c -> c.id().toString())
        .contains("chou/lemma-3.8#proof", "chou/lemma-3.8#eq-33");
  }

  @Test
  void aProvedStepHasRejectedControls() {
    ClaimOutcome o = claim("chou/lemma-3.8#eq-34").check(CheckContext.of(1, 1));
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.PROVED);
    assertThat(o.negativeControls()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(n -> assertThat(n.verdict()).isEqualTo(Verdict.REFUTED));
  }

  @Test
  void aWrongStepIsRefutedWithItsWitnessAndSaysTheStatementSurvives() {
    ClaimOutcome o = claim("wu/theorem-2.7#eq-11").check(CheckContext.of(1, 1));
    assertThat(o.verdict()).isEqualTo(Verdict.REFUTED);
    assertThat(o.counterexample()).isNotNull();
    assertThat(o.counterexample().instance()).containsKeys("cc", "g0", "gt", "n0");
    assertThat(o.evidence().get("notes").toString()).contains("FINDING (proof step only)").contains("does not affect Theorem 2.7");
    assertThat(o.negativeControls()).isNotEmpty().allSatisfy(n -> assertThat(n.verdict()).isEqualTo(Verdict.REFUTED));
    ClaimOutcome fixed = claim("wu/theorem-2.7#eq-11-corrected").check(CheckContext.of(1, 1));
    assertThat(fixed.verdict()).isEqualTo(Verdict.PROVED);
  }
}
