package org.wnverify.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClaimIdTest {
  @Test
  void parsesPaperItemAndSubClaim() {
    ClaimId id = ClaimId.parse("chou/theorem-2.2#rho-at-least-1");
    assertThat(id.paper()).isEqualTo("chou");
    assertThat(id.item()).isEqualTo("theorem-2.2");
    assertThat(id.sub()).isEqualTo("rho-at-least-1");
    assertThat(id).hasToString("chou/theorem-2.2#rho-at-least-1");
    assertThat(id.parent()).hasToString("chou/theorem-2.2");
  }

  @Test
  void rejectsUnknownPapersAndShapes() {
    assertThatThrownBy(() -> ClaimId.parse("smith/lemma-1")).hasMessageContaining("smith/lemma-1");
    assertThatThrownBy(() -> ClaimId.parse("chou")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClaimId.parse("chou/Lemma 3.8")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anIdSelectsItsSubClaimsAndGlobsWork() {
    ClaimId sub = ClaimId.parse("chou/lemma-3.8#proof");
    assertThat(sub.matches("chou/lemma-3.8")).isTrue();
    assertThat(sub.matches("chou/*")).isTrue();
    assertThat(sub.matches("chou/lemma-3.7")).isFalse();
    assertThat(ClaimId.parse("chou/lemma-3.81").matches("chou/lemma-3.8")).isFalse();
  }

  @Test
  void claimSeedsDependOnlyOnRunSeedAndId() {
    CheckContext a = CheckContext.of(7, 1);
    CheckContext b = CheckContext.of(7, 99);
    ClaimId id = ClaimId.parse("chou/lemma-3.8");
    assertThat(a.seedFor(id)).isEqualTo(b.seedFor(id));
    assertThat(a.seedFor(id)).isNotEqualTo(CheckContext.of(8, 1).seedFor(id));
    assertThat(a.seedFor(id)).isNotEqualTo(a.seedFor(ClaimId.parse("chou/lemma-3.7")));
  }
}
