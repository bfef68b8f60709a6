package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.network.ArchitectureSpec;
import org.wnverify.numeric.network.Dataset;
import org.wnverify.numeric.network.DescentSchedule;
import org.wnverify.numeric.network.GradientDescent;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.network.NetworkObjective;
import org.wnverify.numeric.network.Parameterization;

/**
 * Section 4.3, Figure 4 (Simple-Traj): "EWN converges along the x or y axis" (asymptotic relative
 * sparsity) while Unnorm does not. One point x = (2, 1), label +1; the authors' inits and schedule
 * (App. L.2 as in their code: eta = k(t)/L^0.9, k(0) = 0.01, x1.1 / /1.1 with rejection, k <= 0.1,
 * stop at L <= e^-50). Beside the verdict: the endpoints of the authors' logged runs, and the EWN
 * flow invariant C = 1/w_1 - 2/w_2, whose sign picks the axis and whose value the limit of the small
 * coordinate (ewn.md 3.1). The same sizes run in both profiles (a few hundred steps).
 */
final class SimpleTrajExperiment extends DescribedClaim {
  /** "Along an axis": the final direction within this angle of it (ewn.md 3.1's ~5 degrees). */
  static final double AXIS_DEGREES = 5;
  static final double LOG_TARGET = -50;
  static final DescentSchedule SCHEDULE = DescentSchedule.authors(0.01, 0.1, 0.9);
  static final double[][] INITS = {{1, 1}, {3, 1}, {1, 3}, {5, 1}, {1, 5}};
  /** The authors' logged EWN endpoints (DepenM/Exp-WN, ewn.md 3.1), in the order of INITS; NaN: not quoted. */
  static final double[][] AUTHORS_EWN = {{24.67, 1.97}, {25.10, 1.18}, {2.72, 45.57}, {25.25, 1.09}, {1.58, 48.22}};

  SimpleTrajExperiment() {
    super(ClaimId.parse("ewn/simple-traj"), "Morwani and Ramaswamy, Section 4.3, Figure 4; App. L.2",
        "Simple-Traj: EWN converges along the x or y axis, i.e. the weights become asymptotically relatively "
            + "sparse; Unnorm does not (GD, eta = k(t)/L^0.9, to L = e^-50)", ClaimKind.EXPERIMENT);
  }

  record End(double w1, double w2, int steps) {
    double angleToAxis() {
      return Math.toDegrees(Math.atan2(Math.min(Math.abs(w1), Math.abs(w2)), Math.max(Math.abs(w1), Math.abs(w2))));
    }

    boolean alongX() {
      return Math.abs(w1) > Math.abs(w2);
    }
  }

  static End run(double[] w0, Parameterization p, BooleanSupplierAbort abort) {
    NetworkInstance inst = new NetworkInstance(ArchitectureSpec.simpleTraj(),
        Dataset.binary(new double[][] {{2, 1}}, new int[] {1}), w0, LossFunction.EXPONENTIAL);
    NetworkObjective obj = inst.objective(p);
    GradientDescent.Run r = GradientDescent.run(obj, inst.initialParameters(p), SCHEDULE, LOG_TARGET, 1_000_000,
        1_000_000, abort::aborted);
    double[] w = obj.net().weights(r.last().theta());
    return new End(w[0], w[1], r.last().step());
  }

  interface BooleanSupplierAbort {
    boolean aborted();
  }

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), ctx.seedFor(id()));
    List<List<Object>> rows = new ArrayList<>();
    boolean ewnOk = true;
    boolean unnormSparse = true;
    boolean otherAxis = true;
    List<String> inits = new ArrayList<>();
    double[][] ends = new double[4][INITS.length]; // EWN w1, w2, Unnorm w1, w2: the chart of the endpoints
    for (int k = 0; k < INITS.length; k++) {
      double[] w0 = INITS[k];
      End e = run(w0, Parameterization.EWN, () -> {
        ctx.checkpoint();
        return false;
      });
      End u = run(w0, Parameterization.UNNORM, () -> {
        ctx.checkpoint();
        return false;
      });
      double c = 1 / w0[0] - 2 / w0[1];
      boolean predictedX = c < 0;
      double limitSmall = predictedX ? 2 / Math.abs(c) : 1 / c;
      double cEnd = 1 / e.w1() - 2 / e.w2();
      inits.add(String.format(Locale.ROOT, "from (%.0f, %.0f)", w0[0], w0[1]));
      ends[0][k] = e.w1();
      ends[1][k] = e.w2();
      ends[2][k] = u.w1();
      ends[3][k] = u.w2();
      ewnOk &= e.angleToAxis() <= AXIS_DEGREES && e.alongX() == predictedX;
      otherAxis &= e.angleToAxis() <= AXIS_DEGREES && e.alongX() != predictedX;
      unnormSparse &= u.angleToAxis() <= AXIS_DEGREES;
      rows.add(List.of(String.format(Locale.ROOT, "(%.0f, %.0f)", w0[0], w0[1]),
          String.format(Locale.ROOT, "(%.2f, %.2f)", AUTHORS_EWN[k][0], AUTHORS_EWN[k][1]),
          String.format(Locale.ROOT, "(%.2f, %.3f), %d steps", e.w1(), e.w2(), e.steps()),
          String.format(Locale.ROOT, "%.2f deg to the %s axis", e.angleToAxis(), e.alongX() ? "x" : "y"),
          String.format(Locale.ROOT, "%.4g -> %.4g (small coordinate's flow limit %.4g)", c, cEnd, limitSmall),
          String.format(Locale.ROOT, "(%.2f, %.2f), %.1f deg, %d steps", u.w1(), u.w2(), u.angleToAxis(), u.steps())));
    }
    out.table(new EvidenceTable("Simple-Traj endpoints at L = e^-50: paper (Fig. 4: EWN along an axis, Unnorm not),"
        + " authors' log, wnverify", List.of("w(0)", "authors' log, EWN", "wnverify EWN", "EWN direction",
        "invariant C = 1/w_1 - 2/w_2", "wnverify Unnorm"), rows));
    out.evidence("authors' log, Unnorm from (1, 1)", "(19.80, 10.40) after ~2.7-3.0k steps");
    double[] authorsW1 = new double[INITS.length];
    double[] authorsW2 = new double[INITS.length];
    for (int k = 0; k < INITS.length; k++) {
      authorsW1[k] = AUTHORS_EWN[k][0];
      authorsW2[k] = AUTHORS_EWN[k][1];
    }
    out.plot(new Plot("Simple-Traj endpoints (w_1, w_2) at L = e^-50: wnverify's EWN and Unnorm runs beside the authors' "
        + "logged endpoints (Fig. 4: EWN ends along an axis, Unnorm does not)", Plot.Kind.FIGURE, "w_1", "w_2",
        Plot.Scale.AUTO, Plot.Scale.AUTO, List.of(
            Plot.Series.labelled("wnverify EWN", Plot.Role.OBSERVED, inits, ends[0], ends[1]),
            Plot.Series.labelled("wnverify Unnorm", Plot.Role.OBSERVED, inits, ends[2], ends[3]),
            Plot.Series.labelled("authors' log, EWN", Plot.Role.AUTHORS, inits, authorsW1, authorsW2),
            Plot.Series.labelled("authors' log, Unnorm", Plot.Role.AUTHORS, List.of("from (1, 1)"), new double[] {19.80},
                new double[] {10.40}))));
    out.control(new NegativeControl("Unnorm also converges along an axis", unnormSparse ? Verdict.HOLDS : Verdict.VIOLATED,
        "Unnorm keeps w(t) - w(0) parallel to x = (2, 1)"));
    out.control(new NegativeControl("EWN converges along the other axis than the invariant's sign predicts",
        otherAxis ? Verdict.HOLDS : Verdict.VIOLATED, "axis chosen by the sign of C = 1/w_1(0) - 2/w_2(0)"));
    boolean holds = ewnOk && !unnormSparse;
    out.verdict(holds ? Verdict.HOLDS : Verdict.VIOLATED, holds
        ? "EWN ends within " + AXIS_DEGREES + " degrees of the predicted axis from all 5 inits; Unnorm ends off both axes"
        : "EWN off an axis or Unnorm along one (see table)");
    return out.build();
  }
}
