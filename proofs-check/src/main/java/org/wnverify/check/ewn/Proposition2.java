package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.Architecture;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Proposition 2 (and Proposition 5 of App. H): (i) -grad L / ||grad L|| converges in direction;
 * (ii) w~_u = lambda g~_u with lambda >= 0 for every node, i.e. for nodes carrying weight mass the
 * weights align with the negative gradient: 1 - cos(w_u, -grad_u L) -> 0.
 */
final class Proposition2 extends AsymptoticClaim {
  /** Last step of the gradient direction between loss levels (as for (A2), (A3)). */
  static final double DIRECTION_STEP_MAX = 0.05;
  /** 1 - cos at the deepest level: ewn.md P2 quotes <= 0.03 at e^-300 (authors' EWN node 8: 0.028). */
  static final double ALIGN_MAX = 0.03;
  /** 1 - cos computed in double near alignment is exact only to a few ulps. */
  static final double ROUNDING = 1e-12;

  Proposition2(LossFunction loss, String id, String location) {
    super(id, location, "Under (A1)-(A4) (flow) or (A1)-(A5) (GD), for SWN and EWN: (i) lim -grad_w L/||grad_w L|| = "
        + "mu sum_i l~_i y_i grad_w Phi(w~, x_i) = g~ with mu > 0; (ii) w~_u = lambda g~_u for some lambda >= 0, for"
        + " every node u", ClaimKind.LIMIT, loss);
  }

  @Override
  List<Parameterization> parameterizations() {
    return List.of(Parameterization.EWN, Parameterization.SWN);
  }

  @Override
  boolean onFlowPath(Parameterization p) {
    return p == Parameterization.EWN;
  }

  @Override
  Judged judge(AsymptoticRun r) {
    return judgeWith(r, 1);
  }

  /** sign +1: the statement; -1: the mutation "w~_u = lambda g~_u with lambda <= 0". */
  static Judged judgeWith(AsymptoticRun r, int sign) {
    double[] steps = AsymptoticRun.changes(r.snapshots, Snapshot::gradientDirection);
    int n = steps.length;
    boolean iHolds = steps[n - 1] <= DIRECTION_STEP_MAX && steps[n - 1] <= steps[0];
    List<Integer> nodes = r.supportedNodes();
    if (nodes.isEmpty()) {
      return new Judged(Verdict.INCONCLUSIVE, "no supported node");
    }
    Snapshot first = r.snapshots.get(r.snapshots.size() / 2);
    Snapshot last = r.last();
    double worst = 0;
    boolean shrinking = true;
    // (ii) fails on a node whose misalignment ends above FAIL_FACTOR * ALIGN_MAX (the band of every
    // limit deviation, Spread#FAIL_FACTOR: 0.033 -> 0.040 at e^-300 on Lin-Sep GD, soak seeds 4
    // and 12, is undecided, not a failure) and is not shrinking: the
    // monotone-trend reading (Spread#failsAtDepth). One node above the bound but still aligning
    // and another growing below it decide nothing (the soak found a false VIOLATED from that mix).
    boolean iiFails = false;
    List<String> per = new ArrayList<>();
    for (int u : nodes) {
      double dLast = 1 - sign * last.nodeCos()[u];
      double dFirst = 1 - sign * first.nodeCos()[u];
      worst = Math.max(worst, dLast);
      boolean notGrowing = dLast <= dFirst + ROUNDING; // 1 - cos of aligned vectors is 0 +- 2e-16
      shrinking &= notGrowing;
      iiFails |= dLast > Spread.FAIL_FACTOR * ALIGN_MAX && !notGrowing;
      per.add(String.format(Locale.ROOT, "node %d: %.3g -> %.3g", u, dFirst, dLast));
    }
    boolean iiHolds = worst <= ALIGN_MAX && shrinking;
    String detail = String.format(Locale.ROOT, "(i) steps of -grad L/||grad L|| between levels %s; (ii) 1 - %scos(w_u, "
        + "-grad_u L) %s", Assumptions.fmt(steps), sign > 0 ? "" : "(-)", per);
    // (i) fails by the shared limit rule as well (Spread#failsAtDepth): the old premise-style test
    // (last step above the bound and above the first) read a direction still settling, [0.045,
    // 0.045, 0.067, 0.066] on the flow path to e^-10000 (200-seed soak, seed 187), as a failure.
    boolean iFails = Spread.failsAtDepth(steps, DIRECTION_STEP_MAX);
    return Judged.of(iHolds && iiHolds, iiFails || iFails, detail);
  }

  /** Mutation: the limit direction with uniform weights l~_i = 1/sqrt(m) instead of the loss vector's. */
  static Judged uniformWeights(AsymptoticRun r) {
    Snapshot last = r.last();
    double[] l = last.lossDirection();
    double u = 1 / Math.sqrt(l.length);
    double dev = 0;
    for (double v : l) {
      dev = Math.max(dev, Math.abs(v - u));
    }
    if (dev < 0.05) {
      return new Judged(Verdict.INCONCLUSIVE, "loss vector nearly uniform: mutation indistinguishable");
    }
    Architecture a = r.objective.net().architecture();
    double[] s = new double[a.weightCount()];
    double[] sl = new double[a.weightCount()];
    var data = r.objective.data();
    for (int i = 0; i < data.size(); i++) {
      double[] g = a.gradients(last.weights(), data.x()[i]).gradients()[0];
      for (int p = 0; p < s.length; p++) {
        s[p] += data.labels()[i] * g[p];
        sl[p] += l[i] * data.labels()[i] * g[p];
      }
    }
    // A loss vector away from uniform can still give nearly the same direction (points whose
    // gradients share a direction, or a weight change on a point of small gradient): where the two
    // predicted directions are within the tolerance the mutation is judged with, the run cannot
    // tell it from the statement (issue 19: seed 7 accepted it so).
    double apart = 1 - Vectors.dot(s, sl) / (Vectors.norm(s) * Vectors.norm(sl));
    if (apart <= ALIGN_MAX) {
      return new Judged(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "sum_i y_i grad Phi(w~, x_i) and sum_i l~_i y_i "
          + "grad Phi(w~, x_i) only 1 - cos = %.3g apart: mutation indistinguishable on this run", apart));
    }
    double cos = Vectors.dot(s, last.gradientDirection()) / Vectors.norm(s);
    double deficit = 1 - cos;
    return Judged.of(deficit <= ALIGN_MAX, deficit > ALIGN_MAX, String.format(Locale.ROOT,
        "1 - cos(sum_i y_i grad Phi(w~, x_i), g~) = %.3g", deficit));
  }

  @Override
  List<Mutation> mutations() {
    return List.of(
        new Mutation("(ii) with lambda <= 0: weights aligned with +grad_u L", r -> judgeWith(r, -1)),
        new Mutation("(i) with uniform weights l~_i in place of the loss vector's direction",
            Proposition2::uniformWeights));
  }
}
