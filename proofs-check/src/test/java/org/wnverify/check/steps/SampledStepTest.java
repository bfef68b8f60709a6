package org.wnverify.check.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wnverify.check.steps.SampledStep.Relation.GE;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;

/** Issue 20: displayed inequalities and "hence" steps checked on sampled states, with controls and counterexamples. */
class SampledStepTest {
  /** The printed steps that fail (findings); every other sampled step holds. */
  private static final Set<String> FINDINGS = Set.of("chou/lemma-3.6#step-6", "chou/lemma-3.6#step-8", "wu/lemma-c.1#step-6", "wu/lemma-c.1#step-7",
      "wu/lemma-c.1#step-8", "wu/theorem-2.6#step-7", "wu/theorem-2.6#step-9", "wu/lemma-c.1#step-9", "ewn/proposition-2#step-1", "ewn/proposition-2#step-3", "ewn/proposition-2#step-6", "ewn/proposition-2#step-8", "ewn/proposition-3#eq-24", "ewn/proposition-3#eq-26", "ewn/proposition-3#eq-28", "ewn/proposition-3#eq-33", "ewn/theorem-2#step-7",
      // Wu et al., Appendices D-E
      "wu/theorem-e.1#step-10", "wu/theorem-e.1#step-11", "wu/theorem-e.1#step-12", "wu/theorem-e.1#step-13",
      "wu/theorem-e.1#eq-24", "wu/lemma-e.3#step-5", "wu/lemma-e.10#step-3");

  private static SampledStep.Builder square(String id) {
    return SampledStep.inequality(id, "toy (test, lines 1-2)", "x^2 >= 0")
        .sampler(rnd -> StepPoint.builder().put("x", rnd.nextDouble(-3, 3)).build())
        .corner(StepPoint.builder().put("x", 0).build())
        .assumptions(p -> Optional.empty());
  }

  @Test
  void aTrueInequalityHoldsWithItsMinimumSlackAndRejectedControls() {
    ClaimOutcome o = square("chou/toy#step-1").printed(p -> p.get("x") * p.get("x"), GE, p -> 0).flippedControl()
        .build().check(CheckContext.of(1, 1));
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.HOLDS);
    assertThat((double) o.evidence().get("minimum relative slack")).isEqualTo(0.0);
    assertThat(o.evidence().get("minimum slack at").toString()).isEqualTo("{x=0.0}");
    assertThat(o.negativeControls()).singleElement().satisfies(c -> assertThat(c.verdict()).isEqualTo(Verdict.VIOLATED));
  }

  @Test
  void aWrongInequalityIsViolatedAtAShrunkPoint() {
    ClaimOutcome o = square("chou/toy#step-2").printed(p -> p.get("x") * p.get("x"), GE, p -> 1).flippedControl()
        .build().check(CheckContext.of(1, 1));
    assertThat(o.verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(o.counterexample().instance()).isEqualTo(Map.of("x", 0.0));
  }

  @Test
  void aControlThatTheSamePointsCannotRejectMakesTheStepInconclusive() {
    ClaimOutcome o = square("chou/toy#step-3").printed(p -> p.get("x") * p.get("x"), GE, p -> 0)
        .control("x^2 >= -1 (weaker, not wrong)", p -> p.get("x") * p.get("x"), GE, p -> -1).build().check(CheckContext.of(1, 1));
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("no power");
  }

  @Test
  void everySampledStepHasItsVerdictOnSeedOneAndEveryControlIsRejected() {
    for (SampledStep s : SampledStepClaims.steps()) {
      ClaimOutcome o = s.check(CheckContext.of(1, 1));
      Verdict expected = FINDINGS.contains(s.id().toString()) ? Verdict.VIOLATED : Verdict.HOLDS;
      assertThat(o.verdict()).as(s.id() + ": " + o.summary()).isEqualTo(expected);
      assertThat(s.kind()).isEqualTo(ClaimKind.PROOF_STEP);
      assertThat(s.location()).as(s.id().toString()).contains("lines");
      assertThat(o.negativeControls()).as(s.id().toString()).isNotEmpty()
          .allSatisfy(c -> assertThat(c.verdict()).as(s.id() + " control " + c.mutation()).isEqualTo(Verdict.VIOLATED));
      if (expected == Verdict.VIOLATED) {
        assertThat(o.counterexample()).isNotNull();
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).startsWith("FINDING"));
        assertThat(s.notes()).anySatisfy(n -> assertThat(n).contains("statement"));
      }
    }
  }

  @Test
  void theFindingOfLemma36IsTheSmallCornerAndItsCorrectionHolds() {
    Map<String, SampledStep> byId = SampledStepClaims.steps().stream().collect(Collectors.toMap(s -> s.id().toString(), s -> s));
    ClaimOutcome o = byId.get("chou/lemma-3.6#step-6").check(CheckContext.of(1, 1));
    assertThat(o.counterexample().instance()).containsEntry("M", 2.0).containsEntry("N", 1.0);
    assertThat(byId.get("chou/lemma-3.6#step-6-corrected").check(CheckContext.of(1, 1)).verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void theSameSeedGivesTheSameNumbers() {
    SampledStep s = SampledStepClaims.steps().get(0);
    assertThat(s.check(CheckContext.of(7, 2)).evidence()).isEqualTo(s.check(CheckContext.of(7, 2)).evidence());
  }
}
