package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wnverify.check.Verdict;

/** soak.md lists every claim INCONCLUSIVE on more than 10 % of the seeds with its most frequent reason. */
class SoakInconclusiveTableTest {
  @Test
  void claimsAboveTheRateAreListedWithTheirMostFrequentReasonNumbersFolded() {
    Map<String, Map<Verdict, Integer>> counts = new TreeMap<>();
    Map<String, List<String>> failing = new TreeMap<>();
    counts.put("a/often", new EnumMap<>(Map.of(Verdict.INCONCLUSIVE, 3, Verdict.HOLDS, 7)));
    failing.put("a/often", List.of("2: INCONCLUSIVE 1 run(s) did not converge in 1.5e3 s",
        "5: INCONCLUSIVE 2 run(s) did not converge in 40 s", "9: INCONCLUSIVE premise not met"));
    counts.put("b/rare", new EnumMap<>(Map.of(Verdict.INCONCLUSIVE, 1, Verdict.HOLDS, 9)));
    failing.put("b/rare", List.of("4: INCONCLUSIVE budget"));
    counts.put("c/finding", new EnumMap<>(Map.of(Verdict.VIOLATED, 10)));
    failing.put("c/finding", List.of("1: VIOLATED x"));
    StringBuilder md = new StringBuilder();
    SoakCommand.appendFrequentlyInconclusive(md, counts, failing, 10);
    assertThat(md.toString()).contains("| `a/often` | 3/10 | # run(s) did not converge in # s |")
        .doesNotContain("b/rare").doesNotContain("c/finding");
  }

  @Test
  void noneAboveTheRateSaysSo() {
    StringBuilder md = new StringBuilder();
    SoakCommand.appendFrequentlyInconclusive(md, Map.of("x/y", new EnumMap<>(Map.of(Verdict.HOLDS, 5))),
        Map.of("x/y", List.of()), 5);
    assertThat(md.toString()).contains("None.");
  }
}
