package org.wnverify.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.wnverify.check.Plot.Kind;
import org.wnverify.check.Plot.Role;
import org.wnverify.check.catalogue.ClaimCatalogue;

/**
 * The charts claims publish for index.html (issue 17): rate claims their loss with the proven
 * envelope, bound claims the ratio observed/bound per sample, experiments wnverify's numbers beside
 * the paper's or the authors'. Fast claims only; the Chou claims' plots are covered by the pinned
 * audit, whose numbers they must not change.
 */
class ClaimPlotsTest {
  private static final Map<String, ClaimOutcome> RUNS = new ConcurrentHashMap<>();

  private static ClaimOutcome run(String id) {
    return RUNS.computeIfAbsent(id, k -> ClaimCatalogue.standard().get(ClaimId.parse(k)).check(CheckContext.of(1, 2)));
  }

  private static Plot only(String id, Kind kind) {
    List<Plot> plots = run(id).plots();
    assertThat(plots).as(id + " plots").hasSize(1);
    assertThat(plots.get(0).kind()).isEqualTo(kind);
    for (Plot.Series s : plots.get(0).series()) {
      assertThat(s.size()).as(s.name()).isBetween(1, Plot.MAX_POINTS);
    }
    return plots.get(0);
  }

  private static List<Role> roles(Plot p) {
    return p.series().stream().map(Plot.Series::role).toList();
  }

  @Test
  void aRateClaimDrawsWhatItMeasuredBetweenItsBounds() {
    Plot p = only("wu/lemma-2.4", Kind.ENVELOPE);
    assertThat(roles(p)).containsExactly(Role.OBSERVED, Role.UPPER_BOUND, Role.LOWER_BOUND);
    assertThat(p.yScale()).isEqualTo(Plot.Scale.LOG);
    // the observed rate lies between the two sides of (5), point by point, as the verdict says
    Plot.Series obs = p.series().get(0);
    for (int i = 0; i < obs.size(); i++) {
      assertThat(obs.y().get(i)).isBetween(p.series().get(2).y().get(i) * (1 - 1e-4), p.series().get(1).y().get(i)
          * (1 + 1e-4));
    }
    assertThat(run("wu/lemma-2.4").verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void aTimeBoundDrawsTheRatioOfTimeTakenToThePrintedTimePerSample() {
    Plot p = only("wu/theorem-2.7", Kind.SLACK);
    Plot.Series s = p.series().get(0);
    assertThat(s.labels()).hasSize(s.size()).allMatch(l -> l.contains("case, eps = "));
    assertThat(s.y()).allMatch(r -> r > 0 && r <= 1 + 1e-6); // HOLDS: every time within its T
    assertThat(run("wu/theorem-2.7").verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void experimentsShowThePapersAndTheAuthorsNumbersAsMarkers() {
    Plot traj = only("ewn/simple-traj", Kind.FIGURE);
    assertThat(roles(traj)).containsExactly(Role.OBSERVED, Role.OBSERVED, Role.AUTHORS, Role.AUTHORS);
    assertThat(traj.series().get(2).x()).containsExactly(24.67, 25.10, 2.72, 25.25, 1.58);
    Plot fig = only("wu/figure-1", Kind.FIGURE);
    assertThat(roles(fig)).contains(Role.PAPER, Role.REFERENCE);
    assertThat(fig.series().get(0).x()).hasSize(6);
  }

  @Test
  void aBoundClaimDrawsObservedOverBoundPerInstance() {
    Plot p = only("chou/lemma-3.12", Kind.SLACK);
    assertThat(p.series().get(0).y()).isNotEmpty().allMatch(r -> r > 0 && r <= 1); // HOLDS
  }

  @Test
  void theSameSeedGivesTheSamePlots() {
    ClaimOutcome again = ClaimCatalogue.standard().get(ClaimId.parse("wu/theorem-2.7")).check(CheckContext.of(1, 2));
    assertThat(again.plots()).isEqualTo(run("wu/theorem-2.7").plots());
  }
}
