package org.wnverify.check.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.Verdict;
import org.wnverify.check.experiments.FigureData.Point;
import org.wnverify.numeric.discrete.DescentRun;
import org.wnverify.numeric.discrete.DescentRun.Stop;

/** The stability rule: neither one trial nor one unfinished run may decide a figure's sentence. */
class StabilityTest {

  private static DescentRun run(Stop stop, double finalLoss) {
    return new DescentRun(new double[1], new double[1], 1, finalLoss, 10, 10, stop, 0, new long[] {0},
        new double[] {1}, new double[] {1}, Double.NaN, Double.NaN, Double.NaN);
  }

  /** A point with one GD and one WN run per trial, all finished unless listed in {@code capped}. */
  private static Point point(double param, double[] gd, double[] wn, int... capped) {
    Point p = new Point(param);
    for (int t = 0; t < gd.length; t++) {
      boolean cap = false;
      for (int c : capped) {
        cap |= c == t;
      }
      p.gdErrors.add(gd[t]);
      p.wnErrors.add(wn[t]);
      p.gdRuns.add(run(Stop.TARGET, 1e-13));
      p.wnRuns.add(run(cap ? Stop.ITERATION_CAP : Stop.TARGET, cap ? 1e-3 : 1e-13));
    }
    return p;
  }

  @Test
  void aRobustSentenceKeepsItsVerdictAndItsControlIsRejected() {
    List<Point> pts = List.of(point(1, new double[] {1, 2, 3, 4}, new double[] {0.1, 0.2, 0.1, 0.3}));
    var holds = Stability.judge(pts, "r0", q -> ChouExperimentClaims.wnBelowGd(q, false), true);
    var control = Stability.judge(pts, "r0", q -> ChouExperimentClaims.wnBelowGd(q, true), true);
    assertThat(holds.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(holds.detail()).contains("any one of the 4 trials left out");
    assertThat(control.verdict()).isEqualTo(Verdict.VIOLATED);
  }

  @Test
  void aSentenceOneTrialDecidesIsInconclusiveBothWays() {
    // Mean WN error 0.3 + 2 = 2.3 / 3 vs GD 1: only trial 2 puts WN above GD.
    List<Point> pts = List.of(point(1, new double[] {1, 1, 1}, new double[] {0.1, 0.1, 3}));
    var statement = Stability.judge(pts, "r0", q -> ChouExperimentClaims.wnBelowGd(q, false), true);
    var reversed = Stability.judge(pts, "r0", q -> ChouExperimentClaims.wnBelowGd(q, true), true);
    assertThat(statement.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(statement.detail()).contains("without trial 3");
    assertThat(reversed.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void anUnfinishedRunThatDecidesTheSentenceMakesItInconclusive() {
    // Trial 1 of 2 (too few for the jackknife) is capped far above the converged loss and is the
    // only one with WN above GD.
    List<Point> pts = List.of(point(1, new double[] {1, 1}, new double[] {5, 0.1}, 0));
    var j = Stability.judge(pts, "eta~", q -> ChouExperimentClaims.wnBelowGd(q, true), true);
    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.detail()).contains("1 unfinished run(s) dropped");
    // Iteration-count sentences keep capped runs (the cap is a lower bound): judged as measured.
    var kept = Stability.judge(pts, "eta~", q -> ChouExperimentClaims.wnBelowGd(q, true), false);
    assertThat(kept.verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void aPointWithNoFinishedRunCannotBeJudged() {
    List<Point> pts = List.of(point(0.03, new double[] {1, 1}, new double[] {0.1, 0.1}, 0, 1));
    var j = Stability.judge(pts, "eta~", q -> ChouExperimentClaims.wnBelowGd(q, false), true);
    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.detail()).contains("no run at eta~ = 0.0300 finished");
  }

  @Test
  void aRunOutOfTimeMakesEverySentenceInconclusive() {
    Point p = point(1, new double[] {1, 1, 1}, new double[] {0.1, 0.1, 0.1});
    p.wnRuns.set(1, run(Stop.TIME, 1e-2));
    var j = Stability.judge(List.of(p), "r0", q -> ChouExperimentClaims.wnBelowGd(q, false), true);
    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.detail()).contains("out of time");
  }
}
