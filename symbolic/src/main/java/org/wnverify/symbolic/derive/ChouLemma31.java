package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chou-Rauhut-Ward Lemma 3.1 (re-scaled learning rate eta_u), eqs. (25)-(27): for a > 0 and
 * (r^(a), u^(a)) = (r, a u), the gradients of L~ at (r, a u) are those at (r, u) with the u-part
 * divided by a; hence (26), (27), and r u/||u|| = r^(a) u^(a)/||u^(a)||.
 *
 * <p>The gradient at (r, a u) is Symja's derivative of L~(r, w) in fresh variables w, evaluated at
 * w = a u. The hypothesis a > 0 enters through ||a u|| = a ||u||: the symbolic step writes every
 * power of sum (a u_k)^2 as a power of a*nu (sound for a > 0 only; the control with a < 0 uses the
 * correct -a*nu and is refuted).
 */
final class ChouLemma31 {
  private ChouLemma31() {}

  static final String ID = "chou/lemma-3.1#proof"; // chou/lemma-3.1 is the numeric check
  static final String LOCATION = "Chou, Rauhut, Ward, Lemma 3.1 and its proof, eqs. (25)-(27)";
  static final String STATEMENT =
      "for a > 0 and (r^(a), u^(a)) = (r, a u) (25): grad_{r^(a)} L~(r^(a), u^(a)) = grad_r L~(r, u) and "
          + "grad_{u^(a)} L~(r^(a), u^(a)) = a^(-1) grad_u L~(r, u); so (26) -eta_r grad_{r^(a)} L~(r^(a), u^(a)) = d_t r, "
          + "(27) -a^2 eta_u grad_{u^(a)} L~(r^(a), u^(a)) = a d_t u, and r u/||u|| = r^(a) u^(a)/||u^(a)||";

  enum Mutation {
    NONE(""),
    INVERSE_POWER("grad_{u^(a)} L~ = a grad_u L~ (a in place of a^(-1))"),
    RATE_A("(27) with a eta_u in place of a^2 eta_u"),
    NEGATIVE_A("hypothesis a > 0 dropped (a < 0)");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    WnFlowCase c = new WnFlowCase(ID, ChouModel.symbolic(m, n, depth), "r, u, a, eta_r, eta_u", mut.text);
    ChouModel cm = c.cm;
    Problem p = c.p;
    List<String> u = c.u;
    List<String> w = Sym.vec("w", n);
    List<String> xw = new ArrayList<>();
    for (String wk : w) {
      xw.add("r*" + wk + "/" + Sym.norm(w));
    }
    String lossW = cm.loss(xw);
    String lossU = c.lossWn;
    Map<String, String> scaled = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      scaled.put(w.get(k), "a*" + u.get(k));
    }
    List<String> scaledState = new ArrayList<>();
    scaledState.add("r");
    u.forEach(uk -> scaledState.add("a*" + uk));
    p.define("L~(r, w)", lossW).define("(r^(a), u^(a)) (25)", "{" + String.join(", ", scaledState) + "}");
    p.step("L~(r, w) = L(r w/||w||) in fresh variables w; gradients at (r^(a), u^(a)) = (r, a u) are Symja's "
        + "D(L~(r, w), .) evaluated at w = a u");
    p.step("a > 0 imposed through ||a u|| = a ||u|| (symbolic step: (sum (a u_k)^2)^q -> (a nu)^(2q))");
    String gradRa = Sym.replace("D(" + lossW + ", r)", scaled);
    String gradR = "D(" + lossU + ", r)";
    p.equation("(25) => grad_r at (r, a u)", gradRa, gradR);
    p.equation("(26)", "(-etaR*" + gradRa + ")", "(-etaR*" + gradR + ")");
    for (int k = 1; k <= n; k++) {
      String gradWa = Sym.replace("D(" + lossW + ", w" + k + ")", scaled);
      String gradU = "D(" + lossU + ", u" + k + ")";
      String factor = mut == Mutation.INVERSE_POWER ? "a" : "(1/a)";
      p.equation("(25) => grad_u" + k + " at (r, a u)", gradWa, factor + "*" + gradU);
      String rate = mut == Mutation.RATE_A ? "a" : "a^2";
      p.equation("(27) k=" + k, "(-" + rate + "*etaU*" + gradWa + ")", "a*(-etaU*" + gradU + ")");
    }
    for (int k = 1; k <= n; k++) {
      List<String> au = new ArrayList<>();
      u.forEach(uk -> au.add("a*" + uk));
      p.equation("x^(a) = x, k=" + k, "r*(a*u" + k + ")/" + Sym.norm(au), "r*u" + k + "/" + Sym.norm(u));
    }
    c.variables("etaR", "etaU");
    List<String> au = new ArrayList<>();
    u.forEach(uk -> au.add("a*" + uk));
    if (mut == Mutation.NEGATIVE_A) {
      p.variable("a", -3, -0.25).norm("(-a)*nu", au);
    } else {
      p.variable("a", 0.25, 3).norm("a*nu", au);
    }
    return c.build();
  }

  static Plan plan() {
    Plan plan = new Plan();
    plan.grid(ChouModel.SIZES, 2, 3, (m, n, depth) -> problem(m, n, depth, Mutation.NONE));
    for (Mutation mut : List.of(Mutation.INVERSE_POWER, Mutation.RATE_A, Mutation.NEGATIVE_A)) {
      plan.control(mut.text, problem(1, 2, 2, mut));
    }
    plan.note("a > 0 is imposed through ||a u|| = a ||u||; the control with a < 0 (where ||a u|| = -a ||u||) is refuted");
    plan.note("eta_r, eta_u are free symbols: (26), (27) hold for every pair of rates, time-dependent ones included");
    plan.note(ChouModel.SIZES_NOTE);
    return plan;
  }
}
