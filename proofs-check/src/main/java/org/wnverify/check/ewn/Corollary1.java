package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.Verdict;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.ArchitectureSpec;
import org.wnverify.numeric.network.Dataset;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.network.Parameterization;

/**
 * Corollary 1 (004 lines 226-230; proof App. F): for an SWN or EWN multilayer linear net
 * y = W_n ... W_1 x under (A1)-(A5) for GD, with data sampled from a continuous distribution,
 * theta = W_1^T ... W_n^T converges in direction to the L2 maximum-margin separator. On GD runs to
 * e^-300 (the Lin-Sep schedule), theta is read off the net (theta_j = Phi(w, e_j)) at each loss
 * level and compared with {@link MaxMargin}: the deficit 1 - cos(theta, theta_SVM) must end below
 * {@link #COS_TOL} without having grown over the last levels (directional convergence is
 * logarithmically slow, ewn.md C1), and fails only by {@link Spread#failsAtDepth}. Controls, judged the same way: theta tends to the "centroid"
 * separator sum_i y_i x_i, or to theta_SVM rotated by {@link #ROTATION}.
 */
final class Corollary1 extends AsymptoticClaim {
  /** 1 - cos at e^-300: ewn.md C1 asks cos >= 0.99 at a late time. */
  static final double COS_TOL = 0.01;
  /** A wrong direction this far (radians) from theta_SVM: 1 - cos = 0.045, over four times the tolerance. */
  static final double ROTATION = 0.3;

  Corollary1() {
    super("ewn/corollary-1", "Morwani and Ramaswamy, Corollary 1 (004 lines 225-230), proof App. F",
        "Consider a weight normalized (SWN or EWN) multilayer linear net y = W_n W_{n-1} ... W_1 x. Under (A1)-(A5) "
            + "for gradient descent, if the dataset is sampled from a continuous distribution w.r.t. R^d, then with "
            + "probability 1 theta = W_1^T W_2^T ... W_n^T converges in direction to the maximum margin separator for all "
            + "linearly separable datasets (GD to e^-300; 1 - cos(theta, theta_SVM) <= " + COS_TOL + " and not growing)",
        ClaimKind.LIMIT, LossFunction.EXPONENTIAL);
  }

  @Override
  List<Parameterization> parameterizations() {
    return List.of(Parameterization.EWN, Parameterization.SWN);
  }

  /** Linear nets of depth 2 and 3 on separable data drawn from continuous distributions. */
  @Override
  protected java.util.function.Supplier<Sample<NetworkInstance>> sampler(CheckContext ctx) {
    java.util.Iterator<NetworkSampler.Sample> it = samples(ctx.random(id()), 64).iterator();
    return () -> {
      NetworkSampler.Sample s = it.next();
      return new Sample<>(s.instance(), s.label());
    };
  }

  static List<NetworkSampler.Sample> samples(SplittableRandom r, int count) {
    List<NetworkSampler.Sample> out = new ArrayList<>();
    // Corner: the Lin-Sep / Fig. 6 layout (max-margin direction (-1, 0)), a = b = 1.5, depth 2.
    for (NetworkSampler.Sample s : NetworkSampler.linSep(r.split(), 1, 1, LossFunction.EXPONENTIAL)) {
      ArchitectureSpec a = ArchitectureSpec.linear(2, 3, 2);
      out.add(new NetworkSampler.Sample(new NetworkInstance(a, s.instance().data(), NetworkSampler.pytorchInit(r, a),
          LossFunction.EXPONENTIAL), "corner: Lin-Sep points (1,1)-, (-1,1)+, (1.5,1.5)-, (-1.5,-1.5)+; depth 2"));
    }
    for (int k = 1; out.size() < count; k++) {
      int depth = 2 + (k + 1) % 2;
      ArchitectureSpec a = ArchitectureSpec.linear(2, 3, depth);
      double phi = 2 * Math.PI * r.nextDouble();
      double[] beta = {Math.cos(phi), Math.sin(phi)};
      double[] perp = {-beta[1], beta[0]};
      int m = 4 + r.nextInt(3);
      double[][] x = new double[m][];
      int[] y = new int[m];
      for (int i = 0; i < m; i++) {
        y[i] = i % 2 == 0 ? 1 : -1;
        double along = y[i] * (0.3 + r.nextDouble());
        double across = r.nextGaussian();
        x[i] = new double[] {along * beta[0] + across * perp[0], along * beta[1] + across * perp[1]};
      }
      out.add(new NetworkSampler.Sample(new NetworkInstance(a, Dataset.binary(x, y), NetworkSampler.pytorchInit(r, a),
          LossFunction.EXPONENTIAL), String.format(Locale.ROOT, "random separable data, %d points (separated by "
          + "(%.3f, %.3f) with a continuous law), depth %d", m, beta[0], beta[1], depth)));
    }
    return out;
  }

  /** theta with theta_j = Phi(w, e_j) (the net is linear in x). */
  static double[] theta(NetworkInstance inst, double[] w) {
    int d = inst.data().dimension();
    double[] t = new double[d];
    for (int j = 0; j < d; j++) {
      double[] e = new double[d];
      e[j] = 1;
      t[j] = inst.net().outputs(w, e)[0];
    }
    return t;
  }

  /** 1 - cos(a, b) computed stably as ||a^ - b^||^2 / 2. */
  static double deficit(double[] a, double[] b) {
    double d = Vectors.distance(Vectors.scale(1 / Vectors.norm(a), a), Vectors.scale(1 / Vectors.norm(b), b));
    return d * d / 2;
  }

  static double[] rotated(double[] v, double angle) {
    return new double[] {Math.cos(angle) * v[0] - Math.sin(angle) * v[1], Math.sin(angle) * v[0] + Math.cos(angle) * v[1]};
  }

  static double[] centroid(Dataset d) {
    double[] c = new double[d.dimension()];
    for (int i = 0; i < d.size(); i++) {
      for (int k = 0; k < c.length; k++) {
        c[k] += d.labels()[i] * d.x()[i][k];
      }
    }
    return c;
  }

  Judged judgeAgainst(AsymptoticRun r, double[] target, String what) {
    if (target == null) {
      return new Judged(Verdict.INCONCLUSIVE, "no max-margin separator through the origin: data not separable");
    }
    NetworkInstance inst = r.key.instance();
    double[] def = new double[r.snapshots.size()];
    for (int k = 0; k < def.length; k++) {
      def[k] = deficit(theta(inst, r.snapshots.get(k).weights()), target);
    }
    int n = def.length;
    double last = def[n - 1];
    double mid = def[n / 2];
    boolean holds = last <= COS_TOL && last <= mid;
    // Fails by the rule the other limit claims share (Theorem 2, Proposition 3): beyond three times
    // the tolerance and unable to come down to it. The old rule (above the tolerance and not halved
    // since the middle level) judged slowly settling directions (ewn.md C1: logarithmic) as failures.
    boolean fails = Spread.failsAtDepth(def, COS_TOL);
    double[] th = theta(inst, r.last().weights());
    return Judged.of(holds, fails, String.format(Locale.ROOT, "1 - cos(theta, %s) at the levels %s; theta/||theta|| = "
        + "(%.4f, %.4f), target (%.4f, %.4f)", what, Assumptions.fmt(def), th[0] / Vectors.norm(th),
        th[1] / Vectors.norm(th), target[0] / Vectors.norm(target), target[1] / Vectors.norm(target)));
  }

  @Override
  Judged judge(AsymptoticRun r) {
    return judgeAgainst(r, MaxMargin.direction(r.key.instance().data()), "theta_SVM");
  }

  /**
   * A control direction that the SVM direction itself meets within the band where the fail rule
   * ({@link Spread#failsAtDepth}: beyond {@link Spread#FAIL_FACTOR} times the tolerance) cannot
   * reject it cannot be told apart.
   */
  Judged control(AsymptoticRun r, double[] other, String what) {
    double[] svm = MaxMargin.direction(r.key.instance().data());
    if (svm == null || deficit(svm, other) <= Spread.FAIL_FACTOR * COS_TOL) {
      return new Judged(Verdict.INCONCLUSIVE, what + " is within the tolerance of theta_SVM on this data");
    }
    return judgeAgainst(r, other, what);
  }

  @Override
  List<Mutation> mutations() {
    return List.of(
        new Mutation("another separator: the centroid direction sum_i y_i x_i", r -> control(r,
            centroid(r.key.instance().data()), "sum_i y_i x_i")),
        new Mutation("a wrong direction: theta_SVM rotated by " + ROTATION + " rad", r -> {
          double[] svm = MaxMargin.direction(r.key.instance().data());
          return svm == null ? new Judged(Verdict.INCONCLUSIVE, "no SVM") : control(r, rotated(svm, ROTATION),
              "rotated theta_SVM");
        }));
  }
}
