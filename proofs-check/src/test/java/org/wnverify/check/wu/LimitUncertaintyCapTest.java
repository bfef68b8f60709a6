package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A closed form is confirmed only against a limit that is known well: a wide uncertainty decides nothing. */
class LimitUncertaintyCapTest {
  @Test
  void aDeviationWithinASmallUncertaintyHolds() {
    assertThat(Theorem26.againstLimit(1e-11, 2e-10, 1)).isEqualTo(PerInstanceClaim.Result.HOLDS);
  }

  @Test
  void aDeviationWithinAWideUncertaintyIsUndecidedNotAPass() {
    assertThat(Theorem26.againstLimit(0, 1e-3, 1)).isEqualTo(PerInstanceClaim.Result.UNDECIDED);
    assertThat(Theorem26.againstLimit(1e-7, 2e-6, 1)).isEqualTo(PerInstanceClaim.Result.UNDECIDED);
  }

  @Test
  void aDeviationFarBeyondTheUncertaintyIsAFailureWhateverItsSize() {
    assertThat(Theorem26.againstLimit(1, 1e-4, 1)).isEqualTo(PerInstanceClaim.Result.VIOLATED);
    assertThat(Theorem26.againstLimit(1e-6, 1e-10, 1)).isEqualTo(PerInstanceClaim.Result.VIOLATED);
  }
}
