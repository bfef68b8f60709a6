package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * Chou-Rauhut-Ward proof of Lemma 3.5: along (13)-(14), d_t L~ = <grad_r L~, d_t r> + <grad_u L~,
 * d_t u> = -eta_r |grad_r L~|^2 - eta_u ||grad_u L~||^2, with the gradients as printed in (23),
 * (24) (grad L from (22)) and d_t L~ by the chain rule of Symja's derivatives.
 */
final class ChouLemma35 {
  private ChouLemma35() {}

  static final String ID = "chou/lemma-3.5#proof";
  static final String LOCATION = "Chou, Rauhut, Ward, proof of Lemma 3.5";
  static final String STATEMENT =
      "along (13)-(14): d_t L~(r,u) = <grad_r L~, d_t r> + <grad_u L~, d_t u> "
          + "= -eta_r |grad_r L~(r,u)|^2 - eta_u ||grad_u L~(r,u)||^2 (<= 0)";

  enum Mutation {
    NONE(""),
    MISSING_ETA_U("-eta_r |grad_r L~|^2 - ||grad_u L~||^2 (eta_u dropped)"),
    SIGN("+eta_r |grad_r L~|^2 in place of -eta_r |grad_r L~|^2"),
    GRAD_R_NORM_POWER("(23) grad_r L~ = u^T grad L/||u||^2 in place of u^T grad L/||u||"),
    HALVED("-(1/2) eta_u ||grad_u L~||^2 in place of -eta_u ||grad_u L~||^2");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    return problem(ChouModel.symbolic(m, n, depth), mut);
  }

  static Case problem(ChouModel model, Mutation mut) {
    WnFlowCase c = new WnFlowCase(ID, model, "r, u, eta_r, eta_u", mut.text);
    ChouModel cm = c.cm;
    Problem p = c.p;
    List<String> u = c.u;
    int n = cm.n;
    String lossWn = c.lossWn;
    String nu = Sym.norm(u);
    List<String> g = cm.gradient22(cm.wnPoint());
    String ug = Sym.dot(u, g);
    String gr = "(" + ug + "/" + nu + (mut == Mutation.GRAD_R_NORM_POWER ? "^2" : "") + ")";
    List<String> gu = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      gu.add("((r/" + nu + ")*(" + g.get(k - 1) + " - u" + k + "*" + ug + "/(" + Sym.normSq(u) + ")))");
    }
    String dr = "(-etaR*D(" + lossWn + ", r))";
    List<String> du = new ArrayList<>();
    List<String> chain = new ArrayList<>();
    chain.add("D(" + lossWn + ", r)*" + dr);
    for (int k = 1; k <= n; k++) {
      du.add("(-etaU*D(" + lossWn + ", u" + k + "))");
      chain.add("D(" + lossWn + ", u" + k + ")*" + du.get(k - 1));
    }
    p.define("L~(r,u)", lossWn).define("grad_r L~ (23)", gr).define("grad_u L~ (24)", "{" + String.join(", ", gu) + "}");
    p.step("d_t L~ = D(L~, r) d_t r + sum_k D(L~, u_k) d_t u_k with (13)-(14) written with Symja's D (u free)");
    p.step("grad_r L~, grad_u L~ as printed in (23), (24), with grad L from (22) at x = r u/||u||");
    p.step("eta_r, eta_u are free symbols: the identity holds at each instant, so also for (eta_r, eta_u) = (r^2, 1)");
    String inner = "(" + gr + "*" + dr + " + " + Sym.dot(gu, du) + ")";
    p.equation("d_t L~ = <grad_r L~, d_t r> + <grad_u L~, d_t u>", Sym.sum(chain), inner);
    String etaU = switch (mut) {
      case MISSING_ETA_U -> "";
      case HALVED -> "(1/2)*etaU*";
      default -> "etaU*";
    };
    String signR = mut == Mutation.SIGN ? "+" : "-";
    p.equation("= -eta_r |grad_r L~|^2 - eta_u ||grad_u L~||^2", inner,
        "(" + signR + "etaR*" + gr + "^2 - " + etaU + Sym.normSq(gu) + ")");
    return c.variables("etaR", "etaU").build();
  }

  static Plan plan() {
    Plan plan = new Plan();
    // The largest expansions of the catalogue (squared norms of the printed gradients, ~2.5 s at
    // N = 5 with symbolic A): symbolic A up to N = 4 and for M = 2, 3 with N = 2; a fixed integer A
    // (exact rationals, one depth each) for M = 2, 3 with N = 3 and for N = 5.
    plan.grid(new int[][] {{1, 2}, {2, 2}, {1, 3}, {1, 4}}, 2, 3, (m, n, depth) -> problem(m, n, depth, Mutation.NONE));
    plan.small(problem(3, 2, 2, Mutation.NONE));
    plan.small(problem(ChouModel.fixed(2, 3, 3), Mutation.NONE)).small(problem(ChouModel.fixed(3, 3, 2), Mutation.NONE));
    plan.large(problem(ChouModel.fixed(1, 5, 2), Mutation.NONE));
    plan.control(Mutation.MISSING_ETA_U.text, problem(1, 3, 2, Mutation.MISSING_ETA_U));
    plan.control(Mutation.SIGN.text, problem(1, 3, 3, Mutation.SIGN));
    plan.control(Mutation.GRAD_R_NORM_POWER.text, problem(1, 2, 2, Mutation.GRAD_R_NORM_POWER));
    plan.control(Mutation.HALVED.text, problem(1, 2, 3, Mutation.HALVED));
    plan.note("eta_r, eta_u are free symbols, so the constant rate (eta~, 1) and the time-dependent (r^2, 1) are both covered");
    plan.note("A is symbolic up to N = 4 (and for M = 2, 3 with N = 2); the cases M=2,N=3,L=3, M=3,N=3,L=2 and "
        + "M=1,N=5,L=2 use a fixed integer A (exact rationals, named in each case) with symbolic b, r, u, eta_r, eta_u, "
        + "because symbolic entries cost 1.5-3.5 s per case there");
    return plan;
  }
}
