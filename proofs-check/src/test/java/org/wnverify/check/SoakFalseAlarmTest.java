package org.wnverify.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.instance.InstanceStore;

/**
 * False alarms the 50-seed soak at {@code --samples 20} found (issue 21), each at the seed that
 * showed it: a true or corrected statement must not come out VIOLATED or REFUTED there again. Each
 * row names the mechanism that was fixed; the claim's own tests show its controls still rejected.
 */
class SoakFalseAlarmTest {
  private static final int SOAK_SAMPLES = 20;

  private static ClaimOutcome check(String id, long seed, int samples) {
    Claim claim = ClaimCatalogue.standard().get(ClaimId.parse(id));
    return claim.check(new CheckContext(seed, samples, null, InstanceStore.none(), Long.MAX_VALUE,
        CheckContext.Profile.QUICK));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({
      // rounding floor of (50) measured against the terms before the residual cancels
      "chou/corollary-3.15#along-trajectory, 22",
      "chou/corollary-3.15#along-trajectory, 24",
      "chou/corollary-3.15#along-trajectory, 25",
  })
  void holdsAtTheSeedThatFailed(String id, long seed) {
    ClaimOutcome outcome = check(id, seed, SOAK_SAMPLES);
    assertThat(outcome.verdict()).as(id + " on seed " + seed + ": " + outcome.summary())
        .isNotIn(Verdict.VIOLATED, Verdict.REFUTED);
  }

  /**
   * The 200-seed soak at the default 6 samples (issue 19): Lemma 3.9 corrected was VIOLATED on seed
   * 177 by an explicit WN run whose entries off the support (gamma = 3.9e-61 times x0) it could not
   * resolve; such a miss is now read from the log-coordinate runs, which meet (41).
   */
  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"chou/lemma-3.9#corrected, 177"})
  void holdsAtTheSeedThatFailedAtTheDefaultSamples(String id, long seed) {
    ClaimOutcome outcome = check(id, seed, 6);
    assertThat(outcome.verdict()).as(id + " on seed " + seed + ": " + outcome.summary()).isEqualTo(Verdict.HOLDS);
  }

  /**
   * The 200-seed soak at one sample (issue 19): ewn/xor was VIOLATED on seed 138 ("EWN uses 2")
   * by an EWN continuation that reached e^-500 in 27 steps; growth shares are not read from so few
   * steps (XorExperiment.MIN_LATE_STEPS); App. H Proposition 5 on seed 187 by a gradient direction
   * still settling at e^-10000, which the shared limit rule does not fail (Spread#failsAtDepth).
   */
  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"ewn/xor, 138", "ewn/appendix-h#proposition-5, 187"})
  void notRefutedAtTheSeedThatFailedAtOneSample(String id, long seed) {
    ClaimOutcome outcome = check(id, seed, 1);
    assertThat(outcome.verdict()).as(id + " on seed " + seed + ": " + outcome.summary())
        .isNotIn(Verdict.VIOLATED, Verdict.REFUTED);
  }
}
