package org.wnverify.check.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.ewn.EwnClaims;
import org.wnverify.symbolic.derive.ControlProof;
import org.wnverify.symbolic.derive.IdentityReport;
import org.wnverify.symbolic.derive.SymbolicIdentities;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.IdentityVerdict;

/** The identity claims mirror the symbolic catalogue, and the adapter maps verdicts, controls and witnesses. */
class SymbolicIdentityClaimsTest {
  private static List<Claim> all() {
    List<Claim> claims = new ArrayList<>(new SymbolicIdentityClaims().claims());
    // EwnClaims also holds numeric claims; only its identity claims come from the catalogue.
    claims.addAll(new EwnClaims().claims().stream().filter(c -> c instanceof IdentityClaim).toList());
    return claims;
  }

  private static Claim claim(String id) {
    return all().stream().filter(c -> c.id().toString().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void oneIdentityClaimPerCatalogueEntry() {
    assertThat(all()).extracting(c -> c.id().toString()).containsExactlyInAnyOrderElementsOf(
        SymbolicIdentities.catalogue().stream().map(SymbolicIdentities.Entry::id).toList());
    assertThat(all()).allSatisfy(c -> {
      assertThat(c.kind()).isEqualTo(ClaimKind.IDENTITY);
      assertThat(c.statement()).isNotBlank();
      assertThat(c.location()).isNotBlank();
    });
    assertThat(new EwnClaims().claims()).allSatisfy(c -> assertThat(c.id().paper()).isEqualTo("ewn"));
  }

  @Test
  void provedClaimsCarryDimensionsAndRefutedControls() {
    for (String id : List.of("chou/lemma-3.9#gamma", "ewn/lemma-2#euler")) {
      ClaimOutcome o = claim(id).check(CheckContext.of(1, 1));
      assertThat(o.verdict()).as(o.id() + ": " + o.summary()).isEqualTo(Verdict.PROVED);
      assertThat(o.evidence()).containsKeys("dimensions covered", "simplified defect", "derivation steps", "notes");
      assertThat(o.negativeControls()).isNotEmpty().allSatisfy(n -> {
        assertThat(n.verdict()).as(n.mutation()).isEqualTo(Verdict.REFUTED);
        assertThat(n.detail()).contains(" at {");
      });
      assertThat(o.counterexample()).isNull();
    }
  }

  @Test
  void aRefutedPrintedIdentityReportsItsWitnessAsCounterexample() {
    ClaimOutcome o = claim("wu/gradients").check(CheckContext.of(1, 1));
    assertThat(o.verdict()).isEqualTo(Verdict.REFUTED);
    assertThat(o.summary()).startsWith("printed identity fails");
    assertThat(o.counterexample()).isNotNull();
    assertThat(o.counterexample().instance()).containsKeys("g", "w1", "w2");
  }

  @Test
  void aSurvivingControlMakesAProvedIdentityInconclusive() {
    IdentityProof proved = new IdentityProof("t", IdentityVerdict.PROVED, "N=2", "0", Optional.empty(), List.of("s"), 0);
    IdentityProof notRefuted = new IdentityProof("c", IdentityVerdict.PROVED, "N=2", "0", Optional.empty(), List.of(), 0);
    IdentityReport r = new IdentityReport("chou/gradients", "loc", "stmt", proved,
        List.of(new ControlProof("a wrong version", notRefuted)), List.of(), List.of(), Optional.empty());
    ClaimOutcome o = IdentityClaim.toOutcome(ClaimId.parse("chou/gradients"), r);
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("no power");
  }
}
