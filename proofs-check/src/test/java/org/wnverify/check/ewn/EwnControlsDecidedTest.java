package org.wnverify.check.ewn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.UndecidableControls;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Issue 19 for EWN: every control decided on seed 1 at QUICK (on the dedicated {@link DistinctNorms}
 * instance where the Lin-Sep samples cannot tell it apart), or proved undecidable within the
 * hypotheses and said so; issue 16: Theorem 3 / 5 for GD with their extra hypothesis observed.
 */
class EwnControlsDecidedTest {
  static List<Claim> all() {
    List<Claim> c = new ArrayList<>(EwnClaims.numeric());
    c.addAll(EwnTheoryClaims.claims());
    return c;
  }

  static ClaimOutcome one(String id) {
    return EwnNumericClaimsTest.run(all(), id).get(id);
  }

  /** The controls that need unequal node norms (or c far from 1) are decided on the dedicated instance. */
  @Test
  void normControlsAreDecidedOnTheDedicatedInstance() {
    for (String id : new String[] {"ewn/appendix-h#theorem-4-swn", "ewn/proposition-3#swn",
        "ewn/appendix-h#proposition-6-swn"}) {
      ClaimOutcome o = one(id);
      assertThat(o.verdict()).as(id + ": " + o.summary()).isEqualTo(Verdict.HOLDS);
      FigureExperimentsTest.assertControlsRejected(o);
      assertThat(o.negativeControls()).as(id).anyMatch(c -> c.detail().contains("dedicated"));
    }
  }

  /**
   * Part 3's swapped control: its premise is never met within the hypotheses (Proposition3
   * SWAPPED_UNDECIDABLE), so it stays undecided with that reason in the evidence; the margin-free
   * control is rejected.
   */
  @Test
  void part3SwappedControlIsProvedUndecidableAndTheOtherNeverAccepted() {
    for (String id : new String[] {"ewn/proposition-3#ewn", "ewn/appendix-h#proposition-6-ewn"}) {
      ClaimOutcome o = one(id);
      assertThat(o.verdict()).as(id).isEqualTo(Verdict.INCONCLUSIVE);
      for (NegativeControl c : o.negativeControls()) {
        if (c.mutation().startsWith("the conclusions swapped")) {
          assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
          assertThat(UndecidableControls.reason(o, c.mutation())).contains("never met");
        } else {
          // the margin-free thresholds: the premise R > 1/c' (or < 1/c') is met after the push, and
          // the ratio converges to 1/c' (Proposition3.APPROACH_MIN) instead of diverging: rejected
          assertThat(c.rejected()).as(id + " " + c.mutation() + ": " + c.detail()).isTrue();
          assertThat(UndecidableControls.reason(o, c.mutation())).isNull();
        }
      }
    }
  }

  /**
   * Theorem 3 / 5 for GD: the extra hypothesis on ||r(t+1) - r(t)|| is not observed on the Lin-Sep
   * samples (INCONCLUSIVE, with the reason); on the dedicated instance it is, the statement holds and
   * both wrong exponents are rejected.
   */
  @Test
  void theorem3And5ForGradientDescent() {
    for (String id : new String[] {"ewn/theorem-3#gd", "ewn/appendix-h#theorem-5-gd"}) {
      ClaimOutcome o = one(id);
      assertThat(o.verdict()).as(id + ": " + o.summary()).isEqualTo(Verdict.INCONCLUSIVE);
      @SuppressWarnings("unchecked")
      List<String> runs = (List<String>) o.evidence().get("per run");
      assertThat(runs).anyMatch(r -> r.contains("||r(t+1) - r(t)||/(g(t+1) - g(t)) = 0 not observed"));
      assertThat(runs).anyMatch(r -> r.startsWith(DistinctNorms.LABEL) && r.contains("HOLDS, exponent 2"));
      FigureExperimentsTest.assertControlsRejected(o);
      assertThat(o.negativeControls()).extracting(NegativeControl::mutation)
          .containsExactly("exponent 1 in place of 2: L = Theta(1/(d log d))",
              "exponent 3 in place of 2: L = Theta(1/(d (log d)^3))");
    }
  }

  /** Issue 16: the Lin-Sep spread tolerance is reviewed against the printed caption, in the claim's evidence. */
  @Test
  void linSepEwnCarriesTheToleranceReview() {
    ClaimOutcome o = FigureExperimentsTest.run("ewn/lin-sep#ewn");
    assertThat(o.evidence().values()).contains(LinSepExperiment.TOLERANCE_REVIEW);
    assertThat(LinSepExperiment.TOLERANCE_REVIEW).contains("approximately same", "prints no number", "0.075");
  }

  /**
   * Issue 19: the margin-free control of part 3 is decided (rejected) on the dedicated instance, the
   * fixed fallback of every seed whose Lin-Sep samples decide nothing (seeds 3, 5, 6, 10, 14, 16,
   * 18, 20 before the balanced push, Proposition3.CONTROL_PUSH): the push that scales every margin
   * by one factor keeps both nodes alive and growing, R sits off 1/c' by more than PREMISE_FLOOR,
   * and the distance to the equilibrium shrinks. The printed part 3 stays undecided on it (its
   * premise is never met, Proposition3.SWAPPED_UNDECIDABLE), not violated.
   */
  @Test
  void marginFreeControlIsRejectedOnTheDedicatedInstance() {
    for (LossFunction loss : new LossFunction[] {LossFunction.EXPONENTIAL, LossFunction.CROSS_ENTROPY}) {
      AsymptoticRun r = AsymptoticRun.of(DistinctNorms.instance(loss), Parameterization.EWN, null,
          AsymptoticClaim.FLOW_LEVELS, null);
      Proposition3 p = new Proposition3(Proposition3.Part.EWN, loss, "ewn/proposition-3#ewn", "test");
      AsymptoticClaim.Judged printed = p.judge(r);
      assertThat(printed.verdict()).as(loss + " printed: " + printed.detail()).isEqualTo(Verdict.INCONCLUSIVE);
      AsymptoticClaim.Mutation control = p.mutations().stream()
          .filter(m -> m.name().startsWith("the thresholds without their margins")).findFirst().orElseThrow();
      AsymptoticClaim.Judged j = control.judge().apply(r);
      assertThat(j.verdict()).as(loss + " control: " + j.detail()).isEqualTo(Verdict.VIOLATED);
      assertThat(j.detail()).contains("margins x 2 push", "-> contradicts").doesNotContain("c' = 0.000");
    }
  }

  /**
   * Seed 5, where the selftest left the margin-free control undecided (its Lin-Sep samples have no
   * judged pair): now rejected, on the dedicated instance, for both part 3 claims; the printed part
   * 3 stays INCONCLUSIVE.
   */
  @Test
  void marginFreeControlIsRejectedOnFormerlyUndecidedSeed5() {
    for (Claim c : all()) {
      String id = c.id().toString();
      if (id.equals("ewn/proposition-3#ewn") || id.equals("ewn/appendix-h#proposition-6-ewn")) {
        ClaimOutcome o = c.check(org.wnverify.check.CheckContext.of(5, 2));
        assertThat(o.verdict()).as(id).isEqualTo(Verdict.INCONCLUSIVE);
        NegativeControl nc = o.negativeControls().stream()
            .filter(n -> n.mutation().startsWith("the thresholds without their margins")).findFirst().orElseThrow();
        assertThat(nc.rejected()).as(id + ": " + nc.detail()).isTrue();
        assertThat(nc.detail()).contains("dedicated");
      }
    }
  }

  /** The dedicated instance meets the claims' printed hypotheses (it is an instance like any other). */
  @Test
  void theDedicatedInstanceMeetsTheHypotheses() {
    for (Claim c : all()) {
      if (c instanceof AsymptoticClaim a) {
        for (var h : a.hypotheses()) {
          assertThat(h.unmet(DistinctNorms.instance(a.loss()))).as(c.id() + ": " + h.text()).isEmpty();
        }
      }
    }
  }
}
