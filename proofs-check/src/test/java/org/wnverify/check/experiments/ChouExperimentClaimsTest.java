package org.wnverify.check.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

class ChouExperimentClaimsTest {
  /** Tiny sizes: seconds for all five figures. */
  private static final Section4.Sizes TINY = new Section4.Sizes(30, 10, 2, 2, 400_000);

  private final List<Claim> claims = new ChouExperimentClaims(TINY).claims();

  @Test
  void fiveFigureClaimsOfKindExperiment() {
    assertThat(claims).extracting(c -> c.id().toString())
        .containsExactly("chou/figure-1", "chou/figure-2", "chou/figure-3", "chou/figure-4", "chou/figure-5");
    assertThat(claims).allMatch(c -> c.kind() == ClaimKind.EXPERIMENT);
  }

  @Test
  void eachFigureGivesAVerdictWithDataAndControls() {
    CheckContext ctx = CheckContext.of(1, 1);
    for (Claim c : claims) {
      ClaimOutcome o = c.check(ctx);
      assertThat(o.verdict()).isIn(Verdict.HOLDS, Verdict.VIOLATED, Verdict.INCONCLUSIVE);
      assertThat(o.tables()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(o.negativeControls()).isNotEmpty();
      // the controls that could be decided reject the mutated statement; an undecided one
      // (unconverged runs) keeps the claim from HOLDS
      if (o.verdict() == Verdict.HOLDS) {
        assertThat(o.negativeControls()).allMatch(NegativeControl::rejected);
      }
      assertThat(o.negativeControls().stream().anyMatch(NegativeControl::rejected))
          .as("some control of %s is rejected", c.id()).isTrue();
    }
  }

  @Test
  void sameSeedSameNumbers() {
    Claim fig2 = claims.get(1);
    ClaimOutcome a = fig2.check(CheckContext.of(4, 1));
    ClaimOutcome b = fig2.check(CheckContext.of(4, 1));
    assertThat(b.tables()).isEqualTo(a.tables());
    assertThat(b.verdict()).isEqualTo(a.verdict());
  }

  @Test
  void checksSayNoToMutatedStatements() {
    FigureData.Point p = new FigureData.Point(1.0);
    p.gdErrors.add(2.0);
    p.wnErrors.add(0.02);
    assertThat(ChouExperimentClaims.ratioIsFactor(p, 100).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ChouExperimentClaims.ratioIsFactor(p, 1000).verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(ChouExperimentClaims.wnBelowGd(List.of(p), false, true).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ChouExperimentClaims.wnBelowGd(List.of(p), true, true).verdict()).isEqualTo(Verdict.VIOLATED);
    double[] eta = {1, 0.3, 0.1};
    double[] err = {1, 0.1, 0.01};
    assertThat(ChouExperimentClaims.decreasesWith(eta, err, false, "e").verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ChouExperimentClaims.decreasesWith(eta, err, true, "e").verdict()).isEqualTo(Verdict.VIOLATED);
  }
}
