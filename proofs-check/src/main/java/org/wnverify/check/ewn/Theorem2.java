package org.wnverify.check.ewn;

import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Theorem 2 (and Theorem 4 of App. H for cross-entropy): for nodes with ||w~_u||, ||w~_v|| > 0,
 * EWN: ||w_u|| ||grad_u L|| / (||w_v|| ||grad_v L||) -> 1; SWN: ||w_u|| ||grad_v L|| /
 * (||w_v|| ||grad_u L||) -> 1. Judged by the spread across supported nodes of log ||w_u|| +
 * log ||grad_u L|| (EWN) or log ||w_u|| - log ||grad_u L|| (SWN).
 */
final class Theorem2 extends AsymptoticClaim {
  private final Parameterization param;

  Theorem2(Parameterization param, LossFunction loss, String id, String location) {
    super(id, location, param == Parameterization.EWN
        ? "Under (A1)-(A4) for gradient flow (checked on the flow path to e^-10000), for EWN: if ||w~_u|| > 0 and ||w~_v|| > 0 then lim ||w_u(t)|| ||grad_{w_u} L(w(t))|| / "
            + "(||w_v(t)|| ||grad_{w_v} L(w(t))||) = ||w~_u|| ||g~_u|| / (||w~_v|| ||g~_v||) = 1"
        : "Under (A1)-(A5) (GD, to e^-300), for SWN: if ||w~_u|| > 0 and ||w~_v|| > 0 then lim ||w_u(t)|| ||grad_{w_v} L(w(t))|| / "
            + "(||w_v(t)|| ||grad_{w_u} L(w(t))||) = ||w~_u|| ||g~_v|| / (||w~_v|| ||g~_u||) = 1",
        ClaimKind.LIMIT, loss);
    this.param = param;
  }

  static Theorem2 main(Parameterization p) {
    return new Theorem2(p, LossFunction.EXPONENTIAL, "ewn/theorem-2#" + p.name().toLowerCase(Locale.ROOT),
        "Morwani and Ramaswamy, Theorem 2 (" + (p == Parameterization.EWN ? "i" : "ii") + "), App. D; Figs. 3, 9");
  }

  /** Theorem 2 holds for gradient flow under (A1)-(A4) too: EWN judged on the flow path to e^-10000. */
  @Override
  boolean onFlowPath(Parameterization p) {
    return p == Parameterization.EWN;
  }

  @Override
  List<Parameterization> parameterizations() {
    return List.of(param);
  }

  static double product(Snapshot s, int u) {
    return s.logNodeNorm()[u] + s.logNodeGrad()[u];
  }

  static double ratio(Snapshot s, int u) {
    return s.logNodeNorm()[u] - s.logNodeGrad()[u];
  }

  @Override
  Judged judge(AsymptoticRun r) {
    List<Integer> nodes = r.supportedNodes();
    return param == Parameterization.EWN
        ? Spread.judge(r, nodes, Theorem2::product, "log(||w_u|| ||grad_u L||)")
        : Spread.judge(r, nodes, Theorem2::ratio, "log(||w_u|| / ||grad_u L||)");
  }

  @Override
  List<Mutation> mutations() {
    if (param == Parameterization.EWN) {
      return List.of(
          new Mutation("the SWN form ||w_u|| / ||grad_u L|| equal across nodes", r -> Spread.judgeMutation(r,
              r.supportedNodes(), Theorem2::ratio, "log(||w_u|| / ||grad_u L||)")),
          new Mutation("exponent: ||w_u||^2 ||grad_u L|| equal across nodes", r -> Spread.judgeMutation(r,
              r.supportedNodes(), (s, u) -> product(s, u) + s.logNodeNorm()[u], "log(||w_u||^2 ||grad_u L||)")),
          new Mutation("constant: the limit ratio is 2, not 1", r -> Spread.judgeFactor(r, r.supportedNodes(),
              Theorem2::product, 2)));
    }
    return List.of(
        new Mutation("the EWN form ||w_u|| ||grad_u L|| equal across nodes", r -> Spread.judgeMutation(r,
            r.supportedNodes(), Theorem2::product, "log(||w_u|| ||grad_u L||)")),
        new Mutation("exponent: ||w_u||^2 / ||grad_u L|| equal across nodes", r -> Spread.judgeMutation(r,
            r.supportedNodes(), (s, u) -> ratio(s, u) + s.logNodeNorm()[u], "log(||w_u||^2 / ||grad_u L||)")),
        new Mutation("constant: the limit ratio is 2, not 1", r -> Spread.judgeFactor(r, r.supportedNodes(),
            Theorem2::ratio, 2)));
  }
}
