package org.wnverify.check.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntPredicate;
import org.wnverify.check.Verdict;
import org.wnverify.check.experiments.ChouExperimentClaims.Judgement;
import org.wnverify.check.experiments.FigureData.Point;
import org.wnverify.numeric.discrete.DescentRun;

/**
 * Judges a sentence about a figure so that neither one trial nor one unfinished run decides it.
 *
 * <p>A figure's sentence ("as eta~ decreases the error decreases") is a statement about means over
 * a handful of random trials. The paper's protocol stops a run at 10^6 iterations or loss 1e-12,
 * and plots whatever error a capped run has reached; we judge the sentence on exactly those
 * numbers. Two things could make such a verdict an accident rather than a reproduction, so the
 * same statement is re-evaluated on perturbed data and the verdict is kept only if it agrees on
 * all of them, else the sentence is INCONCLUSIVE with the disagreeing evaluation named:
 * <ul>
 *   <li>dropping, at each point, the trials with a run that did not finish (capped above
 *       {@link FigureData#CONVERGED_LOSS}, stalled, diverged): the verdict must not rest on an
 *       error that was still moving;</li>
 *   <li>leaving out any one trial (a jackknife): the verdict must not rest on one random draw.
 *       This is what makes the small QUICK profile honest: with three trials a trend that one
 *       trial reverses is reported as undecided rather than as held or violated.</li>
 * </ul>
 * A run stopped by the claim's time budget is ours, not the paper's protocol: any such run makes
 * the sentence INCONCLUSIVE outright. The rule is symmetric, so a negative control (a reversed
 * sentence) is judged the same way: it is rejected only if it is robustly VIOLATED.
 */
final class Stability {
  /** Below this many trials a leave-one-out evaluation would leave too little to mean anything. */
  static final int MIN_TRIALS_FOR_JACKKNIFE = 3;

  private Stability() {}

  /** INCONCLUSIVE if a run of the points was stopped by the claim's time budget; else null. */
  static Judgement outOfTime(List<Point> pts, String param) {
    for (Point p : pts) {
      for (DescentRun r : p.allRuns()) {
        if (r.stop() == DescentRun.Stop.TIME) {
          return new Judgement(Verdict.INCONCLUSIVE, p.unconverged(param));
        }
      }
    }
    return null;
  }

  /**
   * The verdict of {@code statement} on {@code pts} (points of the varied {@code param}), if the same verdict comes out with the
   * unfinished runs dropped (when {@code dropUnfinished}) and with any single trial left out.
   * {@code dropUnfinished} is false for statements a capped run can only weaken (an iteration
   * count taken at the cap is a lower bound) and for Figure 1, which judges a fixed budget.
   */
  static Judgement judge(List<Point> pts, String param, Function<List<Point>, Judgement> statement,
      boolean dropUnfinished) {
    Judgement timeout = outOfTime(pts, param);
    if (timeout != null) {
      return timeout;
    }
    Judgement base = statement.apply(pts);
    if (base.verdict() == Verdict.INCONCLUSIVE) {
      return base;
    }
    List<String> same = new ArrayList<>();
    if (dropUnfinished) {
      int unfinished = 0;
      for (Point p : pts) {
        unfinished += (int) p.allRuns().stream().filter(r -> !Point.converged(r)).count();
      }
      if (unfinished > 0) {
        List<Point> kept = new ArrayList<>();
        for (Point p : pts) {
          Point q = p.restrict(p::trialFinished);
          if (q.trials() == 0) {
            return new Judgement(Verdict.INCONCLUSIVE, base.detail() + "; but no run at " + param + " = " + String.format("%.3g",
                p.param) + " finished, so the verdict cannot be told from the unfinished runs' errors ("
                + p.unconverged(param) + ")");
          }
          kept.add(q);
        }
        Judgement j = statement.apply(kept);
        if (j.verdict() != base.verdict()) {
          return new Judgement(Verdict.INCONCLUSIVE, base.detail() + String.format(
              "; but %s with the %d unfinished run(s) dropped: %s", j.verdict(), unfinished, j.detail()));
        }
        same.add(unfinished + " unfinished run(s) dropped");
      }
    }
    int trials = pts.stream().mapToInt(Point::trials).max().orElse(0);
    if (trials >= MIN_TRIALS_FOR_JACKKNIFE) {
      for (int t = 0; t < trials; t++) {
        int out = t;
        IntPredicate keep = k -> k != out;
        List<Point> less = pts.stream().map(p -> p.restrict(keep)).toList();
        Judgement j = statement.apply(less);
        if (j.verdict() != base.verdict()) {
          return new Judgement(Verdict.INCONCLUSIVE, base.detail() + String.format(
              "; but %s without trial %d, so one trial decides it: %s", j.verdict(), t + 1, j.detail()));
        }
      }
      same.add("any one of the " + trials + " trials left out");
    }
    return same.isEmpty() ? base
        : new Judgement(base.verdict(), base.detail() + "; the same verdict with " + String.join(" and with ", same));
  }
}
