package org.wnverify.symbolic.derive;

/**
 * Chou-Rauhut-Ward, the re-scaling factor gamma of (42) as the proofs use it: its r-derivative in
 * the proof of Theorem 2.2 (Section 3.2), gamma(r0, r0) = 1 (the start of the integral there),
 * and the two rewritings in the proof of Lemma 3.9 that produce gamma: for L != 2,
 * (r/r0)^(2-L) exp((2-L)(r0^2 - r^2)/(2 eta)) = gamma(r0, r)^(2-L), and for L = 2,
 * log(u0 exp(r0^2/(2 eta))) + log(exp(-r^2/(2 eta)) r) = log(r0 u0 gamma(r0, r)).
 *
 * <p>r0, r, u0, eta > 0 are imposed by PowerExpand (log and power rules valid for positive reals).
 */
final class ChouLemma39Gamma {
  private ChouLemma39Gamma() {}

  static final String ID = "chou/lemma-3.9#gamma";
  static final String LOCATION = "Chou, Rauhut, Ward, eq. (42); proofs of Lemma 3.9 and Theorem 2.2";
  static final String STATEMENT =
      "gamma(r0, r) = (r/r0) exp((r0^2 - r^2)/(2 eta)) (42) has d_r gamma(r0, r) = (1/r0)(1 - r^2/eta) "
          + "exp((r0^2 - r^2)/(2 eta)) and gamma(r0, r0) = 1 (proof of Theorem 2.2); "
          + "(r/r0)^(2-L) exp((2-L)(r0^2 - r^2)/(2 eta)) = gamma(r0, r)^(2-L) and "
          + "log(u0 exp(r0^2/(2 eta))) + log(exp(-r^2/(2 eta)) r) = log(r0 u0 gamma(r0, r)) (proof of Lemma 3.9)";

  static final String GAMMA = "((r/r0)*Exp((r0^2 - r^2)/(2*eta)))";

  enum Mutation {
    NONE(""),
    PLUS("d_r gamma with (1 + r^2/eta) in place of (1 - r^2/eta)"),
    MISSING_R0("d_r gamma without the factor 1/r0"),
    ETA_FACTOR("d_r gamma with exp((r0^2 - r^2)/eta) in place of exp((r0^2 - r^2)/(2 eta))");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(Mutation mut) {
    Problem p = Problem.of(ID, "scalar (symbolic r0, r, u0, eta, L)");
    if (mut != Mutation.NONE) {
      p.control(mut.text);
    }
    p.define("gamma(r0, r) (42)", GAMMA);
    p.step("d_r gamma by Symja D of (42); the printed derivative as the right side");
    p.step("r0, r, u0, eta > 0: PowerExpand applied to powers and logs of positive quantities");
    String sign = mut == Mutation.PLUS ? "+" : "-";
    String r0 = mut == Mutation.MISSING_R0 ? "1" : "r0";
    String eta = mut == Mutation.ETA_FACTOR ? "eta" : "(2*eta)";
    p.equation("d_r gamma(r0, r)", "D(" + GAMMA + ", r)",
        "(1/" + r0 + ")*(1 " + sign + " r^2/eta)*Exp((r0^2 - r^2)/" + eta + ")");
    p.equation("gamma(r0, r0) = 1", "ReplaceAll(" + GAMMA + ", r->r0)", "1");
    p.step("the L != 2 rewriting compares logarithms (both sides are positive, so equal logs mean equal sides)");
    p.equation("Lemma 3.9, L != 2: log of (r/r0)^(2-L) exp((2-L)(r0^2-r^2)/(2 eta)) = log of gamma^(2-L)",
        "PowerExpand(Log((r/r0)^(2-L)*Exp((2-L)*(r0^2 - r^2)/(2*eta))))", "PowerExpand(Log(" + GAMMA + "^(2-L)))");
    p.equation("Lemma 3.9, L = 2: log(u0 e^(r0^2/(2 eta))) + log(e^(-r^2/(2 eta)) r) = log(r0 u0 gamma)",
        "PowerExpand(Log(u0*Exp(r0^2/(2*eta))) + Log(Exp(-r^2/(2*eta))*r))", "PowerExpand(Log(r0*u0*" + GAMMA + "))");
    return p.variable("r0", 0.1, 3).variable("r", 0.1, 3).variable("u0", 0.1, 1).variable("eta", 0.1, 2)
        .variable("L", 1, 5).build();
  }

  static Plan plan() {
    Plan plan = new Plan().small(problem(Mutation.NONE));
    for (Mutation mut : java.util.List.of(Mutation.PLUS, Mutation.MISSING_R0, Mutation.ETA_FACTOR)) {
      plan.control(mut.text, problem(mut));
    }
    plan.note("the sign of d_r gamma is that of 1 - r^2/eta: for r >= r0 it is <= 0 exactly when eta <= r0^2, the "
        + "condition the proof of Theorem 2.2 uses, while Theorem 2.2 assumes r0 <= eta^(1/2), i.e. eta >= r0^2 "
        + "(see chou/theorem-2.2#rho-at-least-1)");
    plan.note("(41) prints [gamma(r0, r_inf) . x_wn^(.L)(0)]^(.(2-L)); the proof derives [gamma . x_wn(0)]^(.(2-L)), "
        + "which is the form proved here");
    return plan;
  }
}
