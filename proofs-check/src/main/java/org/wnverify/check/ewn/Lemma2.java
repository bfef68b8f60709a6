package org.wnverify.check.ewn;

import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.Architecture;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Lemma 2: some node has ||w~_u|| > 0 and ||g~_u|| > 0. Its proof's identity
 * w~^T g~ = L mu sum_i l~_i y_i Phi(w~, x_i) > 0 (Euler) is exact at every point; it is checked at
 * the deepest snapshot together with positivity and a supported node with a gradient share.
 */
final class Lemma2 extends AsymptoticClaim {
  /** Rounding of sums of O(10) terms of size O(1). */
  static final double IDENTITY_REL = 1e-9;
  /** A node "has a gradient share" when ||g~_u|| exceeds this (limits of 0 are ~1/||w|| here). */
  static final double SHARE_MIN = 0.01;

  Lemma2() {
    super("ewn/lemma-2", "Morwani and Ramaswamy, Lemma 2 (App. C)", "There exists at least one node u with "
        + "||w~_u|| > 0 and ||g~_u|| > 0; proof: w~^T g~ = L mu sum_i l~_i y_i Phi(w~, x_i) > 0",
        ClaimKind.IDENTITY, LossFunction.EXPONENTIAL);
  }

  @Override
  List<Parameterization> parameterizations() {
    return List.of(Parameterization.EWN, Parameterization.SWN);
  }

  @Override
  boolean onFlowPath(Parameterization p) {
    return p == Parameterization.EWN;
  }

  static Judged withDegree(AsymptoticRun r, double degree) {
    Snapshot s = r.last();
    Architecture a = r.objective.net().architecture();
    var data = r.objective.data();
    double[] l = s.lossDirection();
    double[] sum = new double[a.weightCount()];
    double phi = 0;
    for (int i = 0; i < data.size(); i++) {
      var og = a.gradients(s.direction(), data.x()[i]);
      int y = data.labels()[i];
      for (int p = 0; p < sum.length; p++) {
        sum[p] += l[i] * y * og.gradients()[0][p];
      }
      phi += l[i] * y * og.values()[0];
    }
    double mu = 1 / Vectors.norm(sum);
    double lhs = mu * Vectors.dot(s.direction(), sum);
    double rhs = degree * mu * phi;
    double rel = Math.abs(lhs - rhs) / Math.max(Math.abs(lhs), Double.MIN_NORMAL);
    boolean node = false;
    for (int u : r.supportedNodes()) {
      node |= Vectors.norm(s.gradientBlock(r.objective.net(), u)) > SHARE_MIN;
    }
    String d = String.format(Locale.ROOT, "w~^T g~ = %.6g, %s mu sum l~_i y_i Phi(w~, x_i) = %.6g (rel. diff %.2e); "
        + "supported node with ||g~_u|| > %.2g: %s", lhs, degree == a.degree() ? "L" : "(" + degree + ")", rhs, rel,
        SHARE_MIN, node);
    return Judged.of(rel <= IDENTITY_REL && lhs > 0 && node, rel > IDENTITY_REL || lhs <= 0, d);
  }

  @Override
  Judged judge(AsymptoticRun r) {
    return withDegree(r, r.objective.net().architecture().degree());
  }

  @Override
  List<Mutation> mutations() {
    return List.of(
        new Mutation("degree L - 1 in the Euler step", r -> withDegree(r, r.objective.net().architecture().degree() - 1)),
        new Mutation("degree L + 1 in the Euler step", r -> withDegree(r, r.objective.net().architecture().degree() + 1)));
  }
}
