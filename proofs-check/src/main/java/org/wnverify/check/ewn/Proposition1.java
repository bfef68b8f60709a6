package org.wnverify.check.ewn;

import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Proposition 1 (Prop. 4 of App. H for cross-entropy): under (A1)-(A4), with eta(t) = O(1/L^c),
 * c < 1, lim eta(t) ||w_u(t)|| ||grad_u L(w(t))|| = 0 for every node, i.e. (A5) holds. Judged on
 * GD runs with the Lin-Sep schedule (c = 29/30): max_u log of the quantity must fall over the last
 * loss levels. Control: the hypothesis c < 1 dropped (Lyu and Li's c = 1), where the quantity grows
 * like ||w||^L ~ log(1/L) (ewn.md P1), evaluated along the same trajectory.
 */
final class Proposition1 extends AsymptoticClaim {
  Proposition1(LossFunction loss, String id, String location) {
    super(id, location, "Under (A1)-(A4), if eta(t) = O(1/L(w(t))^c) with c < 1, then lim eta(t) ||w_u(t)|| "
        + "||grad_{w_u} L(w(t))|| = 0 for every node u (checked with eta = k(t)/L^(29/30))", ClaimKind.ASYMPTOTIC, loss);
  }

  @Override
  boolean assumesA5() {
    return false;
  }

  @Override
  List<Parameterization> parameterizations() {
    return List.of(Parameterization.EWN, Parameterization.SWN);
  }

  /**
   * @param extra added to the exponent c of the run's rate: the quantity with eta = k/L^(c + extra)
   *     along the same trajectory (extra = 0: the statement)
   */
  static Judged trend(AsymptoticRun r, double extra) {
    int n = r.snapshots.size();
    double[] a = new double[n];
    for (int k = 0; k < n; k++) {
      Snapshot s = r.snapshots.get(k);
      a[k] = Assumptions.max(s.logA5()) - extra * s.logLoss();
    }
    boolean falls = a[n - 1] < a[n - 2] && a[n - 2] < a[n - 3];
    boolean grows = a[n - 1] > a[n - 2] && a[n - 2] > a[n - 3];
    return Judged.of(falls, grows, String.format(Locale.ROOT, "%s%s: max_u log(eta ||w_u|| ||grad_u L||) at "
        + "the levels %s", r.key.schedule(), extra == 0 ? "" : " (rate taken as k/L^1)", Assumptions.fmt(a)));
  }

  @Override
  Judged judge(AsymptoticRun r) {
    return trend(r, 0);
  }

  @Override
  List<Mutation> mutations() {
    // A GD run with c = 1 overshoots (EWN's growth is multiplicative: one accepted step jumps from
    // e^-100 to e^-700), so the control evaluates the rate k/L along the same trajectory.
    return List.of(new Mutation("hypothesis c < 1 dropped: the quantity with eta = k(t)/L (c = 1)",
        r -> trend(r, 1 - r.key.schedule().exponent())));
  }
}
