package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * The lemmas of Wu et al. Appendix E at seed 1 with 6 samples (the default audit): the verdict of
 * each (the printed statements that fail are findings, each with a corrected variant), a
 * replayable counterexample for each finding, and every negative control rejected by the same check.
 */
class WuAppendixETest {
  private static final Map<String, ClaimOutcome> OUT = new LinkedHashMap<>();

  private static final Map<String, Verdict> EXPECTED = Map.ofEntries(
      Map.entry("wu/lemma-e.2", Verdict.HOLDS),
      Map.entry("wu/lemma-e.3", Verdict.VIOLATED),
      Map.entry("wu/lemma-e.3#corrected", Verdict.HOLDS),
      Map.entry("wu/lemma-e.4", Verdict.VIOLATED),
      Map.entry("wu/lemma-e.4#corrected", Verdict.HOLDS),
      Map.entry("wu/lemma-e.5", Verdict.VIOLATED),
      Map.entry("wu/lemma-e.5#corrected", Verdict.HOLDS),
      Map.entry("wu/lemma-e.6", Verdict.VIOLATED),
      Map.entry("wu/lemma-e.6#corrected", Verdict.HOLDS),
      Map.entry("wu/lemma-e.8", Verdict.VIOLATED),
      Map.entry("wu/lemma-e.8#corrected", Verdict.HOLDS),
      Map.entry("wu/lemma-e.10", Verdict.VIOLATED),
      Map.entry("wu/lemma-e.10#corrected", Verdict.HOLDS),
      Map.entry("wu/lemma-e.11", Verdict.HOLDS));

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
    OUT.values().forEach(o -> System.out.println(o.id() + " " + o.verdict() + " " + o.summary() + "\n   controls: "
        + o.negativeControls().stream().map(c -> c.mutation() + "=" + c.verdict() + " [" + c.detail() + "]").toList()));
    Map<String, Verdict> got = OUT.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().verdict()));
    assertThat(got).isEqualTo(EXPECTED);
  }

  @Test
  void everyControlIsRejected() {
    for (ClaimOutcome o : OUT.values()) {
      List<NegativeControl> cs = o.negativeControls();
      assertThat(cs).as(o.id() + " controls").isNotEmpty();
      assertThat(cs.stream().filter(c -> !c.rejected()).map(NegativeControl::mutation).toList())
          .as(o.id() + " controls not rejected").isEmpty();
    }
  }

  @Test
  void findingsCarryAReplayableCounterexample() throws Exception {
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    for (ClaimOutcome o : OUT.values()) {
      if (o.verdict() != Verdict.VIOLATED) {
        continue;
      }
      assertThat(o.counterexample()).as(o.id().toString()).isNotNull();
      ProblemInstance p = InstanceFiles.parse("cx.json", json.writeValueAsString(o.counterexample().instance()));
      Claim c = new WuClaims().claims().stream().filter(x -> x.id().equals(o.id())).findFirst().orElseThrow();
      assertThat(c.unmetHypothesis(p)).as(o.id() + " counterexample meets the hypotheses").isEmpty();
    }
  }
}
