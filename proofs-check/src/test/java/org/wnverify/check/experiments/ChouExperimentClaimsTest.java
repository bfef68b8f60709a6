package org.wnverify.check.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

class ChouExperimentClaimsTest {
  /** Tiny sizes: seconds for all five figures. */
  private static final Section4.Sizes TINY = new Section4.Sizes(30, 10, 2, 2, 60_000);

  private final List<Claim> claims = new ChouExperimentClaims(TINY, 2).claims();

  @Test
  void fiveFigureClaimsOfKindExperiment() {
    assertThat(claims).extracting(c -> c.id().toString())
        .containsExactly("chou/figure-1", "chou/figure-2", "chou/figure-3", "chou/figure-4", "chou/figure-5");
    assertThat(claims).allMatch(c -> c.kind() == ClaimKind.EXPERIMENT);
  }

  @Test
  void eachFigureGivesAVerdictWithCurvesStatementsAndControls() {
    CheckContext ctx = CheckContext.of(1, 1);
    for (Claim c : claims) {
      ClaimOutcome o = c.check(ctx);
      // below the paper's sizes a figure can neither confirm nor refute the paper's sentences
      assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
      assertThat(o.summary()).startsWith("reduced size (N=30");
      assertThat(o.negativeControls()).isNotEmpty();
      // the controls that could be decided reject the mutated statement; an undecided one
      // (unconverged runs) keeps the claim from HOLDS
      if (o.verdict() == Verdict.HOLDS) {
        assertThat(o.negativeControls()).allMatch(NegativeControl::rejected);
      }
      assertThat(o.negativeControls().stream().anyMatch(NegativeControl::rejected))
          .as("some control of %s is rejected", c.id()).isTrue();
      // panel (a): parameter vs mean errors; panel (b): loss (or error) vs iteration; both plottable
      List<EvidenceTable> charts = o.tables().stream()
          .filter(t -> !t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.get(0) instanceof Number))
          .toList();
      assertThat(charts).as("charts of %s", c.id()).hasSizeGreaterThanOrEqualTo(2);
      EvidenceTable trace = charts.stream().filter(t -> t.columns().get(0).equals("iteration")).findFirst()
          .orElseThrow();
      assertThat(trace.rows().size()).isBetween(10, 70);
      double prev = 0;
      for (List<Object> row : trace.rows()) {
        double it = ((Number) row.get(0)).doubleValue();
        assertThat(it).isGreaterThan(prev);
        prev = it;
        for (Object v : row) {
          assertThat(v).isInstanceOf(Double.class);
        }
      }
      assertThat(o.tables()).anyMatch(t -> t.title().equals("statements"));
      // the details table is keyed by a label, so the report shows it as a table, not a chart
      assertThat(o.tables()).anyMatch(t -> t.title().endsWith("runs") && t.rows().get(0).get(0) instanceof String);
    }
  }

  @Test
  void smallerStepsBringWnGdToTheWnFlow() {
    // Figure 3 at TINY size: the refinement series must end closer to the flow than it starts
    // (the discrete-vs-flow gap is discretisation), and the sentence must say so.
    ClaimOutcome o = claims.get(2).check(CheckContext.of(1, 1));
    EvidenceTable series = o.tables().stream().filter(t -> t.title().startsWith("WN-GD towards the WN flow"))
        .findFirst().orElseThrow();
    List<Object> first = series.rows().get(0);
    List<Object> last = series.rows().get(series.rows().size() - 1);
    double gapFirst = Math.abs((Double) first.get(1) - (Double) first.get(2));
    double gapLast = Math.abs((Double) last.get(1) - (Double) last.get(2));
    assertThat(gapLast).isLessThan(gapFirst);
    assertThat(o.evidence().get("flows vs discrete").toString()).contains("the discrete runs approach the flow");
  }

  @Test
  void sameSeedSameNumbersWithOneOrTwoWorkers() {
    for (int fig : new int[] {2, 3, 5}) {
      Claim one = new ChouExperimentClaims(TINY, 1).claims().get(fig - 1);
      Claim two = new ChouExperimentClaims(TINY, 2).claims().get(fig - 1);
      ClaimOutcome a = one.check(CheckContext.of(4, 1));
      ClaimOutcome b = two.check(CheckContext.of(4, 1));
      assertThat(b.tables()).isEqualTo(a.tables());
      assertThat(b.verdict()).isEqualTo(a.verdict());
      assertThat(b.negativeControls()).isEqualTo(a.negativeControls());
    }
  }

  @Test
  void trialsDependOnClaimSeedAndIndexOnly() {
    long s = 123;
    assertThat(Section4.trialSeed(s, 0)).isNotEqualTo(Section4.trialSeed(s, 1));
    Section4.Trial a = Section4.draw(Section4.trialSeed(s, 3), TINY, Section4.Truth.SPARSE_SIGNED);
    Section4.Trial b = Section4.draw(Section4.trialSeed(s, 3), TINY, Section4.Truth.SPARSE_SIGNED);
    assertThat(b.problem()).isEqualTo(a.problem());
    assertThat(b.direction()).containsExactly(a.direction());
    assertThat(a.direction()).hasSize(2 * TINY.n());
    // Figure 1: the same data with another direction
    Section4.Trial c = a.withDirection(99);
    assertThat(c.problem()).isSameAs(a.problem());
    assertThat(c.direction()).isNotEqualTo(a.direction());
  }

  @Test
  void parallelKeepsTaskOrderAndRethrows() {
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      int k = i;
      tasks.add(() -> {
        Thread.sleep((20 - k) % 3);
        return k * k;
      });
    }
    List<Integer> out = Parallel.all(tasks, 3);
    for (int i = 0; i < 20; i++) {
      assertThat(out.get(i)).isEqualTo(i * i);
    }
    List<Callable<Integer>> bad = List.of(() -> 1, () -> {
      throw new IllegalArgumentException("boom");
    });
    assertThatThrownBy(() -> Parallel.all(bad, 2)).isInstanceOf(IllegalArgumentException.class).hasMessage("boom");
  }

  @Test
  void aSpentBudgetGivesInconclusiveWithWhatWasReached() {
    // a deadline already past the soft margin: every run stops at its first checkpoint, the claim
    // says INCONCLUSIVE and why, instead of being abandoned without numbers
    CheckContext ctx = CheckContext.of(1, 1).withDeadline(System.nanoTime() + 5_000_000_000L);
    ClaimOutcome o = claims.get(1).check(ctx);
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("out of time");
    assertThat(o.evidence()).containsKey("time budget");
  }

  @Test
  void checksSayNoToMutatedStatements() {
    FigureData.Point p = new FigureData.Point(1.0);
    p.gdErrors.add(2.0);
    p.wnErrors.add(0.02);
    assertThat(ChouExperimentClaims.ratioIsFactor(p, 100).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ChouExperimentClaims.ratioIsFactor(p, 1000).verdict()).isEqualTo(Verdict.VIOLATED);
    assertThat(ChouExperimentClaims.wnBelowGd(List.of(p), false).verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ChouExperimentClaims.wnBelowGd(List.of(p), true).verdict()).isEqualTo(Verdict.VIOLATED);
    double[] eta = {1, 0.3, 0.1};
    double[] err = {1, 0.1, 0.01};
    assertThat(ChouExperimentClaims.decreasesWith(eta, err, false, "e").verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(ChouExperimentClaims.decreasesWith(eta, err, true, "e").verdict()).isEqualTo(Verdict.VIOLATED);
  }
}
