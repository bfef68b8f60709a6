package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

/**
 * The statements of Wu et al. Appendices A, C and D at seed 1 with 6 samples (the default
 * audit): each verdict, and every negative control rejected by the same check.
 */
class WuAppendixCDTest {
  private static final Map<String, ClaimOutcome> OUT = new LinkedHashMap<>();

  /** Expected verdicts; the printed statements that fail are findings. */
  static final Map<String, Verdict> EXPECTED = Map.ofEntries(
      Map.entry("wu/lemma-c.1", Verdict.VIOLATED),
      Map.entry("wu/lemma-c.1-corrected", Verdict.HOLDS),
      Map.entry("wu/theorem-d.2", Verdict.HOLDS),
      Map.entry("wu/theorem-d.2#least-squares", Verdict.HOLDS),
      Map.entry("wu/theorem-d.2#with-ratio-c", Verdict.VIOLATED),
      Map.entry("wu/theorem-d.2#with-ratio-c-corrected", Verdict.HOLDS),
      Map.entry("wu/assumption-d.1", Verdict.HOLDS),
      Map.entry("wu/appendix-a#wn-update", Verdict.HOLDS),
      Map.entry("wu/appendix-a#rpgd-update", Verdict.HOLDS),
      Map.entry("wu/appendix-a#wn-lambda", Verdict.VIOLATED),
      Map.entry("wu/appendix-a#wn-lambda-corrected", Verdict.HOLDS),
      Map.entry("wu/appendix-a#rpgd-lambda", Verdict.VIOLATED),
      Map.entry("wu/appendix-a#rpgd-lambda-corrected", Verdict.HOLDS),
      Map.entry("wu/appendix-a#orthogonal-small-gamma", Verdict.VIOLATED),
      Map.entry("wu/appendix-a#orthogonal-small-gamma-corrected", Verdict.HOLDS));

  @BeforeAll
  static void runAll() {
    for (Claim c : new WuClaims().claims()) {
      if (EXPECTED.containsKey(c.id().toString())) {
        OUT.put(c.id().toString(), c.check(CheckContext.of(1, 6)));
      }
    }
  }

  @Test
  void verdictsAsExpected() {
    Map<String, Verdict> got = new LinkedHashMap<>();
    OUT.forEach((k, v) -> got.put(k, v.verdict()));
    assertThat(got).isEqualTo(EXPECTED);
  }

  @Test
  void everyControlRejected() {
    for (ClaimOutcome o : OUT.values()) {
      List<NegativeControl> cs = o.negativeControls();
      assertThat(cs).as(o.id() + " controls").isNotEmpty();
      assertThat(cs.stream().filter(c -> !c.rejected()).map(c -> c.mutation() + ": " + c.detail()).toList())
          .as(o.id() + " controls not rejected").isEmpty();
    }
  }

  @Test
  void findingsCarryACounterexample() {
    OUT.values().stream().filter(o -> o.verdict() == Verdict.VIOLATED)
        .forEach(o -> assertThat(o.counterexample()).as(o.id().toString()).isNotNull());
  }
}
