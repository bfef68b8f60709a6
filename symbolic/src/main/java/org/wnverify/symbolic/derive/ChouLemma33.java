package org.wnverify.symbolic.derive;

import java.util.List;

/**
 * Chou-Rauhut-Ward proof of Lemma 3.3: the expanded flow (28)-(29) equals (13)-(14) (via
 * (22)-(24)), and the two facts the proof draws from it: r = 0 gives d_t r = 0, and u_n = 0 gives
 * d_t u_n = 0 (for L >= 2, because [grad L]_n carries the factor x_n^(L-1)).
 */
final class ChouLemma33 {
  private ChouLemma33() {}

  static final String ID = "chou/lemma-3.3#expanded-flow";
  static final String LOCATION = "Chou, Rauhut, Ward, proof of Lemma 3.3, eqs. (28)-(29)";
  static final String STATEMENT =
      "(28) d_t r = -eta_r grad_r L~ = -(eta_r/||u||) u^T grad L(r u/||u||); "
          + "(29) d_t u = -eta_u grad_u L~ = -eta_u (r/||u||) grad L + eta_u (r/||u||^3) u u^T grad L "
          + "= -eta_u (r/||u||) grad L - eta_u r d_t r/(eta_r ||u||^2) u; and for L >= 2: r = 0 => d_t r = 0, "
          + "u_n = 0 => d_t u_n = 0";

  enum Mutation {
    NONE(""),
    SECOND_TERM_SIGN("(29) second form with + in place of - before eta_u r d_t r/(eta_r ||u||^2) u"),
    DEPTH_ONE("L = 1 (hypothesis L >= 2 dropped)"),
    DR_NORM_POWER("(28) with eta_r/||u||^2 in place of eta_r/||u||"),
    FIRST_FORM_EXPONENT("(29) first form with r/||u||^2 in place of r/||u||^3");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    WnFlowCase c = new WnFlowCase(ID, ChouModel.symbolic(m, n, depth), "r, u, eta_r, eta_u", mut.text);
    ChouModel cm = c.cm;
    Problem p = c.p;
    List<String> u = c.u;
    String lossWn = c.lossWn;
    String nu = Sym.norm(u);
    String dr = "(-etaR*D(" + lossWn + ", r))";
    List<String> g = cm.gradient22(cm.wnPoint());
    String ug = Sym.dot(u, g);
    String dr28 = "(-(etaR/" + nu + (mut == Mutation.DR_NORM_POWER ? "^2" : "") + ")*" + ug + ")";
    p.define("L~(r,u)", lossWn).define("grad L(r u/||u||) by (22)", "{" + String.join(", ", g) + "}")
        .define("d_t r (13)", dr);
    p.step("(13)-(14): d_t r = -eta_r D(L~, r), d_t u = -eta_u D(L~, u) (Symja); right sides: (28), (29) with "
        + "grad L from (22) at x = r u/||u||");
    p.equation("(28)", dr, dr28);
    String sign = mut == Mutation.SECOND_TERM_SIGN ? "+" : "-";
    for (int k = 1; k <= n; k++) {
      String du = "(-etaU*D(" + lossWn + ", u" + k + "))";
      p.equation("(29) first form, k=" + k, du,
          "(-etaU*(r/" + nu + ")*" + g.get(k - 1) + " + etaU*(r/" + nu + (mut == Mutation.FIRST_FORM_EXPONENT ? "^2" : "^3")
              + ")*u" + k + "*" + ug + ")");
      p.equation("(29) second form, k=" + k, du,
          "(-etaU*(r/" + nu + ")*" + g.get(k - 1) + sign + "etaU*r*" + dr28 + "/(etaR*" + nu + "^2)*u" + k + ")");
    }
    p.equation("r = 0 => d_t r = 0", "ReplaceAll(" + dr + ", r->0)", "0");
    p.equation("u_1 = 0 => d_t u_1 = 0", "ReplaceAll((-etaU*D(" + lossWn + ", u1)), u1->0)", "0");
    return c.variables("etaR", "etaU").build();
  }

  static Plan plan() {
    Plan plan = new Plan();
    plan.grid(ChouModel.SIZES, 2, 3, (m, n, depth) -> problem(m, n, depth, Mutation.NONE));
    plan.control(Mutation.SECOND_TERM_SIGN.text, problem(1, 3, 2, Mutation.SECOND_TERM_SIGN));
    plan.control(Mutation.DEPTH_ONE.text, problem(1, 3, 1, Mutation.DEPTH_ONE));
    plan.control(Mutation.DR_NORM_POWER.text, problem(1, 2, 2, Mutation.DR_NORM_POWER));
    plan.control(Mutation.FIRST_FORM_EXPONENT.text, problem(1, 2, 3, Mutation.FIRST_FORM_EXPONENT));
    plan.note("u_n = 0 => d_t u_n = 0 is shown for n = 1 (the coordinates are interchangeable); the control with "
        + "L = 1 shows why the lemma needs L >= 2");
    plan.note(ChouModel.SIZES_NOTE);
    return plan;
  }
}
