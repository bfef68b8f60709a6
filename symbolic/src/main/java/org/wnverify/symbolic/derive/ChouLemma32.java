package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * Chou-Rauhut-Ward Lemma 3.2 (constant norm), the computation in its proof: along (14),
 * d_t ||u||^2 = 2 u^T d_t u = -2 eta_u u^T grad_u L~ = -2 eta_u (r/||u||) u^T (I - P_u) grad L(x) = 0.
 * No hypothesis on ||u|| is needed (u free; ||u|| written as a free symbol nu in the symbolic step).
 */
final class ChouLemma32 {
  private ChouLemma32() {}

  static final String ID = "chou/lemma-3.2#proof";
  static final String LOCATION = "Chou, Rauhut, Ward, proof of Lemma 3.2";
  static final String STATEMENT =
      "along (14): d_t ||u||^2 = 2 u^T d_t u = -2 u^T grad_u L~(r,u) = -2 (r/||u||) u^T (I - P_u) grad L(r u/||u||) = 0, "
          + "because u^T (I - P_u) = 0 (with eta_u kept as a factor)";

  enum Mutation {
    NONE(""),
    PROJECTOR_UNNORMALISED("P_u = u u^T (the 1/||u||^2 dropped)"),
    PROJECTOR_PLUS("(I + P_u) in place of (I - P_u)"),
    PROJECTOR_NORM_POWER("P_u = u u^T/||u|| (the power of ||u|| one too low)"),
    NO_PROJECTOR("(I - P_u) dropped: u^T grad L in place of u^T (I - P_u) grad L");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    WnFlowCase c = new WnFlowCase(ID, ChouModel.symbolic(m, n, depth), "r, u, eta_u", mut.text);
    ChouModel cm = c.cm;
    Problem p = c.p;
    List<String> u = c.u;
    String lossWn = c.lossWn;
    List<String> du = new ArrayList<>();
    List<String> gradU = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      gradU.add("D(" + lossWn + ", u" + k + ")");
      du.add("(-etaU*" + gradU.get(k - 1) + ")");
    }
    p.define("L~(r,u)", lossWn).define("d_t u (14)", "{" + String.join(", ", du) + "}");
    String normSq = Sym.normSq(u);
    List<String> chain = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      chain.add("D(" + normSq + ", u" + k + ")*" + du.get(k - 1));
    }
    List<String> g = cm.gradient22(cm.wnPoint());
    String ug = Sym.dot(u, g);
    String sq = switch (mut) {
      case PROJECTOR_UNNORMALISED -> "";
      case PROJECTOR_NORM_POWER -> "/" + Sym.norm(u);
      default -> "/(" + normSq + ")";
    };
    String sign = mut == Mutation.PROJECTOR_PLUS ? "+" : "-";
    List<String> projected = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      projected.add(mut == Mutation.NO_PROJECTOR ? "(" + g.get(k - 1) + ")"
          : "(" + g.get(k - 1) + sign + "u" + k + "*" + ug + sq + ")");
    }
    String uTproj = Sym.dot(u, projected);
    p.step("d_t ||u||^2 by the chain rule along (14) with d_t u = -eta_u D(L~, u) (Symja), u free");
    p.step("grad L(x) from (22) at x = r u/||u||; P_u = u u^T/||u||^2");
    p.equation("d_t ||u||^2 = -2 eta_u u^T grad_u L~", Sym.sum(chain), "-2*etaU*" + Sym.dot(u, gradU));
    p.equation("-2 eta_u u^T grad_u L~ = -2 eta_u (r/||u||) u^T (I - P_u) grad L", "-2*etaU*" + Sym.dot(u, gradU),
        "-2*etaU*(r/" + Sym.norm(u) + ")*" + uTproj);
    p.equation("u^T (I - P_u) grad L = 0", uTproj, "0");
    return c.variables("etaU").build();
  }

  static Plan plan() {
    Plan plan = new Plan();
    plan.grid(ChouModel.SIZES, 2, 3, (m, n, depth) -> problem(m, n, depth, Mutation.NONE));
    plan.control(Mutation.PROJECTOR_UNNORMALISED.text, problem(1, 3, 2, Mutation.PROJECTOR_UNNORMALISED));
    plan.control(Mutation.PROJECTOR_PLUS.text, problem(1, 3, 3, Mutation.PROJECTOR_PLUS));
    // Every component here is 0 = 0 in disguise (u^T grad_u L~ = 0), so a wrong constant or sign in
    // front (-2 eta_u, r/||u||) would be PROVED: the meaningful wrong versions break the projector.
    plan.control(Mutation.PROJECTOR_NORM_POWER.text, problem(1, 2, 2, Mutation.PROJECTOR_NORM_POWER));
    plan.control(Mutation.NO_PROJECTOR.text, problem(1, 2, 3, Mutation.NO_PROJECTOR));
    plan.note("no hypothesis on ||u||: u is free (||u|| written as a free symbol in the symbolic step)");
    plan.note(ChouModel.SIZES_NOTE);
    return plan;
  }
}
