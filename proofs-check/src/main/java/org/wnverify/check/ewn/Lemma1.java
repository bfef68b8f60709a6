package org.wnverify.check.ewn;

import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Lemma 1: w~_u^T g~_u >= 0 for every node. At a finite time the node blocks of w/||w|| and
 * -grad L/||grad L|| give the value; a negative part must be below {@link #NEGATIVE_MAX} and not
 * growing (nodes with w~_u -> 0 give values -> 0 from either side).
 */
final class Lemma1 extends AsymptoticClaim {
  /** Of the order of the O(1/log t) corrections of a vanishing node at e^-300; supported nodes give ~0.1. */
  static final double NEGATIVE_MAX = 1e-3;

  Lemma1() {
    super("ewn/lemma-1", "Morwani and Ramaswamy, Lemma 1 (App. C)", "Under (A1)-(A4) for flow or (A1)-(A5) for GD, "
        + "for SWN and EWN: w~_u^T g~_u >= 0 for all nodes u", ClaimKind.SIGN, LossFunction.EXPONENTIAL);
  }

  @Override
  List<Parameterization> parameterizations() {
    return List.of(Parameterization.EWN, Parameterization.SWN);
  }

  @Override
  boolean onFlowPath(Parameterization p) {
    return p == Parameterization.EWN;
  }

  static double[] products(AsymptoticRun r, Snapshot s) {
    int n = s.nodes();
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = Vectors.dot(s.directionBlock(r.objective.net(), k), s.gradientBlock(r.objective.net(), k));
    }
    return d;
  }

  /** sign +1: ">= 0" as printed; -1: the reversed "<= 0". */
  static Judged judgeSign(AsymptoticRun r, int sign) {
    double[] last = products(r, r.last());
    double[] mid = products(r, r.snapshots.get(r.snapshots.size() / 2));
    double negLast = 0;
    double negMid = 0;
    for (int k = 0; k < last.length; k++) {
      negLast = Math.max(negLast, -sign * last[k]);
      negMid = Math.max(negMid, -sign * mid[k]);
    }
    boolean holds = negLast <= NEGATIVE_MAX;
    boolean fails = negLast > NEGATIVE_MAX && negLast >= 0.5 * negMid;
    return Judged.of(holds, fails, String.format(Locale.ROOT, "w~_u^T g~_u at e^%.0f: %s", r.last().logLoss(),
        Assumptions.fmt(last)));
  }

  @Override
  Judged judge(AsymptoticRun r) {
    return judgeSign(r, 1);
  }

  @Override
  List<Mutation> mutations() {
    return List.of(new Mutation("reversed: w~_u^T g~_u <= 0 for all nodes", r -> judgeSign(r, -1)));
  }
}
