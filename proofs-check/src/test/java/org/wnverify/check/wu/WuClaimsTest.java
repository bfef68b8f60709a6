package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.problem.ProblemFamilies;
import org.wnverify.numeric.problem.ProblemInstance;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Every Wu claim at seed 1 with 6 samples (the default audit): its verdict, and its power: at least
 * one negative control rejected by the same check and none passed.
 */
class WuClaimsTest {
  private static final Map<String, ClaimOutcome> OUT = new LinkedHashMap<>();

  /** Expected verdicts: the printed statements that fail are findings (README, "Wu"). */
  private static final Map<String, Verdict> EXPECTED = Map.ofEntries(
      Map.entry("wu/lemma-2.2#algorithms-approach-flow", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#step-6-along-flow", Verdict.HOLDS),
      Map.entry("wu/lemma-2.5#along-trajectories", Verdict.HOLDS),
      Map.entry("wu/lemma-2.5#squared-norm-along-trajectories", Verdict.VIOLATED),
      Map.entry("wu/lemma-2.5#squared-norm-along-trajectories-corrected", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#dichotomy", Verdict.VIOLATED),
      Map.entry("wu/theorem-2.6#dichotomy-corrected", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#dichotomy-under-part-ii-corrected-range", Verdict.VIOLATED),
      Map.entry("wu/theorem-2.6#part-i-closed-form", Verdict.VIOLATED),
      Map.entry("wu/theorem-2.6#part-i-closed-form-corrected", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#sufficient-condition", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#part-ii-orthogonal", Verdict.VIOLATED),
      Map.entry("wu/theorem-2.6#part-ii-orthogonal-corrected", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#part-ii-general", Verdict.VIOLATED),
      Map.entry("wu/theorem-2.6#part-ii-general-corrected", Verdict.HOLDS),
      Map.entry("wu/theorem-2.6#part-ii-restart", Verdict.HOLDS),
      Map.entry("wu/lemma-2.3", Verdict.HOLDS),
      Map.entry("wu/lemma-2.4", Verdict.HOLDS),
      Map.entry("wu/theorem-2.7", Verdict.HOLDS),
      Map.entry("wu/example-2d#limit", Verdict.VIOLATED),
      Map.entry("wu/example-2d#limit-corrected", Verdict.HOLDS),
      Map.entry("wu/example-2d#closer-than-gf", Verdict.HOLDS),
      Map.entry("wu/example-2d#spurious-points", Verdict.HOLDS),
      Map.entry("wu/theorem-3.2#case-a", Verdict.VIOLATED),
      Map.entry("wu/theorem-3.2#case-b", Verdict.HOLDS),
      Map.entry("wu/theorem-e.1", Verdict.VIOLATED),
      Map.entry("wu/theorem-e.7", Verdict.HOLDS),
      Map.entry("wu/proposition-3.3", Verdict.HOLDS),
      Map.entry("wu/proposition-e.9", Verdict.HOLDS),
      Map.entry("wu/figure-1", Verdict.INCONCLUSIVE),
      Map.entry("wu/lemma-e.2", Verdict.HOLDS), Map.entry("wu/lemma-e.3", Verdict.VIOLATED), Map.entry("wu/lemma-e.3#corrected", Verdict.HOLDS), Map.entry("wu/lemma-e.4", Verdict.VIOLATED), Map.entry("wu/lemma-e.4#corrected", Verdict.HOLDS), Map.entry("wu/lemma-e.5", Verdict.VIOLATED), Map.entry("wu/lemma-e.5#corrected", Verdict.HOLDS), Map.entry("wu/lemma-e.6", Verdict.VIOLATED), Map.entry("wu/lemma-e.6#corrected", Verdict.HOLDS), Map.entry("wu/lemma-e.8", Verdict.VIOLATED), Map.entry("wu/lemma-e.8#corrected", Verdict.HOLDS), Map.entry("wu/lemma-e.10", Verdict.VIOLATED), Map.entry("wu/lemma-e.10#corrected", Verdict.HOLDS), Map.entry("wu/lemma-e.11", Verdict.HOLDS),
      Map.entry("wu/lemma-c.1", Verdict.VIOLATED),
      Map.entry("wu/lemma-c.1#corrected", Verdict.HOLDS),
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
      Map.entry("wu/appendix-a#orthogonal-small-gamma-corrected", Verdict.HOLDS),
      Map.entry("wu/figure-3", Verdict.INCONCLUSIVE),
      Map.entry("wu/figure-4", Verdict.INCONCLUSIVE),
      Map.entry("wu/figure-5", Verdict.INCONCLUSIVE));

  @BeforeAll
  static void runAll() {
    for (Claim c : new WuClaims().claims()) {
      OUT.put(c.id().toString(), c.check(CheckContext.of(1, 6)));
    }
  }

  @Test
  void verdictsAsExpected() {
    Map<String, Verdict> got = OUT.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().verdict()));
    assertThat(got).isEqualTo(EXPECTED);
  }

  @Test
  void everyClaimHasARejectedControlAndNoSurvivor() {
    for (ClaimOutcome o : OUT.values()) {
      List<NegativeControl> cs = o.negativeControls();
      assertThat(cs).as(o.id() + " controls").isNotEmpty();
      assertThat(cs.stream().anyMatch(NegativeControl::rejected)).as(o.id() + " has a rejected control").isTrue();
      assertThat(cs.stream().filter(c -> c.verdict() == Verdict.HOLDS).map(NegativeControl::mutation).toList())
          .as(o.id() + " controls that passed").isEmpty();
    }
  }

  @Test
  void findingsCarryAReplayableCounterexample() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (ClaimOutcome o : OUT.values()) {
      if (o.verdict() != Verdict.VIOLATED) {
        continue;
      }
      assertThat(o.counterexample()).as(o.id().toString()).isNotNull();
      ProblemInstance p = InstanceFiles.parse("cx.json", json.writeValueAsString(o.counterexample().instance()));
      assertThat(p).isInstanceOf(WuInstance.class);
      Claim c = new WuClaims().claims().stream().filter(x -> x.id().equals(o.id())).findFirst().orElseThrow();
      assertThat(c.unmetHypothesis(p)).as(o.id() + " counterexample meets the hypotheses").isEmpty();
    }
  }

  @Test
  void instanceFilesRoundTripAndRejectBadFields() throws Exception {
    WuInstance p = WuSampler.example2d(0.5);
    ObjectMapper json = new ObjectMapper();
    String text = json.writeValueAsString(InstanceFiles.toJson(p));
    assertThat(text).contains("\"problem\":\"wu-least-squares\"");
    assertThat(InstanceFiles.parse("x.json", text)).isEqualTo(p);
    assertThat(ProblemFamilies.byName("wu-least-squares")).isPresent();
    assertThatThrownBy(() -> InstanceFiles.parse("x.json", text.replace("\"c\":1.0", "\"c\":-1.0")))
        .isInstanceOf(InputFileException.class).hasMessageContaining("c");
    assertThatThrownBy(() -> InstanceFiles.parse("x.json", text.replace("\"y\":[1.0]", "\"y\":[1.0,2.0]")))
        .isInstanceOf(InputFileException.class).hasMessageContaining("y");
  }

  @Test
  void catalogueListsTheWuClaims() {
    ClaimCatalogue cat = ClaimCatalogue.standard();
    assertThat(cat.select(List.of("wu/theorem-2.6*"))).hasSizeGreaterThanOrEqualTo(10);
  }
}
