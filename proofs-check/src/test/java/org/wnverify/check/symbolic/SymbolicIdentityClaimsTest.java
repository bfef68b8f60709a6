package org.wnverify.check.symbolic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.ewn.EwnClaims;

/** Symbolic claims are PROVED, and each of their negative controls is REFUTED with a witness. */
class SymbolicIdentityClaimsTest {
  @Test
  void identitiesProvedAndControlsRefuted() {
    List<Claim> claims = new ArrayList<>(new SymbolicIdentityClaims().claims());
    claims.addAll(new EwnClaims().claims());
    assertThat(claims).extracting(c -> c.id().toString())
        .containsExactly("chou/gradients", "chou/lemma-3.8#proof", "ewn/theorem-1#ewn", "ewn/theorem-1#swn");
    for (Claim c : claims) {
      ClaimOutcome o = c.check(CheckContext.of(1, 1));
      assertThat(o.verdict()).as(o.id() + ": " + o.summary()).isEqualTo(Verdict.PROVED);
      assertThat(o.evidence()).containsKeys("dimensions covered", "simplified defect", "derivation steps");
      assertThat(o.negativeControls()).isNotEmpty().allSatisfy(n -> {
        assertThat(n.verdict()).as(n.mutation()).isEqualTo(Verdict.REFUTED);
        assertThat(n.detail()).contains(" at {");
      });
      assertThat(o.counterexample()).isNull();
    }
  }

  @Test
  void ewnControlOffTheUnitSphereIsRefuted() {
    ClaimOutcome o = new EwnClaims().claims().get(0).check(CheckContext.of(1, 1));
    assertThat(o.negativeControls()).extracting(NegativeControl::mutation).anyMatch(m -> m.startsWith("||v|| = 2"));
  }
}
