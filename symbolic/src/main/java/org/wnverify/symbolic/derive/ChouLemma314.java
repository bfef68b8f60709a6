package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Sphere;

/**
 * Chou-Rauhut-Ward Lemma 3.14 (dynamics reduction, (49)) and Corollary 3.15 ((50)): x = r u/||u||
 * differentiated along (13)-(14) by the chain rule (Symja D of x and of the flow), against the
 * printed right sides with grad L = Symja's gradient of (10) at x. The proof's intermediate line
 * -(eta_r P_u + eta_u r^2/||u||^2 (I - P_u)) grad L holds for every u; (49) and (50) need
 * ||u(0)|| = 1, imposed after differentiating (a sphere, all signs).
 */
final class ChouLemma314 {
  private ChouLemma314() {}

  static final String ID_314 = "chou/lemma-3.14";
  static final String ID_315 = "chou/corollary-3.15";
  static final String LOCATION_314 = "Chou, Rauhut, Ward, Lemma 3.14 and its proof, eq. (49)";
  static final String LOCATION_315 = "Chou, Rauhut, Ward, Corollary 3.15, eq. (50)";
  static final String STATEMENT_314 =
      "for (r, u) following (13)-(14) with ||u(0)|| = 1 and x = r u/||u||: "
          + "d_t x = -(eta_r x x^T/||x||^2 + eta_u (||x||^2 I - x x^T)) grad L(x) (49); proof line: "
          + "d_t x = -(eta_r P_u + eta_u r^2/||u||^2 (I - P_u)) grad L(r u/||u||) for every u";
  static final String STATEMENT_315 =
      "for (eta_r, eta_u) = (r^2, 1) and ||u(0)|| = 1, x = r u/||u|| follows d_t x = -||x||^2 grad L(x) (50)";

  enum Form { PROOF_LINE, EQ_49, EQ_50 }

  enum Mutation {
    NONE(""),
    NO_UNIT_NORM("hypothesis ||u(0)|| = 1 dropped (u free)"),
    TANGENTIAL("(49) with eta_u (I - x x^T/||x||^2) in place of eta_u (||x||^2 I - x x^T)"),
    RATE_R("(50) with (eta_r, eta_u) = (r, 1) in place of (r^2, 1)"),
    NORM_POWER("(50) with ||x|| in place of ||x||^2"),
    RADIAL_NORM_POWER("(49) with eta_r x x^T/||x|| in place of eta_r x x^T/||x||^2"),
    RATES_SWAPPED("(49) with eta_r and eta_u swapped");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(Form form, int m, int n, int depth, Mutation mut) {
    ChouModel cm = ChouModel.symbolic(m, n, depth);
    List<String> u = Sym.vec("u", n);
    String id = form == Form.EQ_50 ? ID_315 : ID_314;
    String what = switch (form) {
      case PROOF_LINE -> "proof line, any ||u||";
      case EQ_49 -> "(49), ||u|| = 1";
      case EQ_50 -> "(50), ||u|| = 1";
    };
    Problem p = Problem.of(id, cm.dims() + " " + what + " " + cm.over(form == Form.EQ_50 ? "r, u" : "r, u, eta_r, eta_u"));
    if (mut != Mutation.NONE) {
      p.control(mut.text);
    }
    String etaR = form == Form.EQ_50 ? (mut == Mutation.RATE_R ? "r" : "r^2") : "etaR";
    String etaU = form == Form.EQ_50 ? "1" : "etaU";
    String lossWn = cm.lossWn();
    String nu = Sym.norm(u);
    List<String> x = cm.wnPoint();
    String dr = "(-(" + etaR + ")*D(" + lossWn + ", r))";
    List<String> du = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      du.add("(-(" + etaU + ")*D(" + lossWn + ", u" + k + "))");
    }
    List<String> grad = cm.gradientAt(x);
    p.define("x = r u/||u||", "{" + String.join(", ", x) + "}").define("L~(r,u)", lossWn).define("d_t r (13)", dr)
        .define("d_t u (14)", "{" + String.join(", ", du) + "}");
    p.step("d_t x_k = D(x_k, r) d_t r + sum_j D(x_k, u_j) d_t u_j with (13)-(14) (Symja D), u free");
    p.step("grad L(x) = Symja's gradient of (10) at x = r u/||u||; ||x||^2 = sum x_k^2");
    if (form == Form.EQ_50) {
      p.step("(eta_r, eta_u) = (" + etaR + ", 1) substituted into the flow");
    }
    String xg = Sym.dot(x, grad);
    String xx = Sym.normSq(x);
    String ug = Sym.dot(u, grad);
    for (int k = 1; k <= n; k++) {
      List<String> chain = new ArrayList<>();
      chain.add("D(" + x.get(k - 1) + ", r)*" + dr);
      for (int j = 1; j <= n; j++) {
        chain.add("D(" + x.get(k - 1) + ", u" + j + ")*" + du.get(j - 1));
      }
      String lhs = Sym.sum(chain);
      String xk = x.get(k - 1);
      String gk = grad.get(k - 1);
      String rhs = switch (form) {
        case PROOF_LINE -> "(-(etaR*u" + k + "*" + ug + "/(" + Sym.normSq(u) + ") + etaU*r^2/(" + Sym.normSq(u) + ")*(" + gk
            + " - u" + k + "*" + ug + "/(" + Sym.normSq(u) + "))))";
        case EQ_49 -> {
          String er = mut == Mutation.RATES_SWAPPED ? "etaU" : "etaR";
          String eu = mut == Mutation.RATES_SWAPPED ? "etaR" : "etaU";
          String radialDen = mut == Mutation.RADIAL_NORM_POWER ? "Sqrt(" + xx + ")" : xx;
          yield mut == Mutation.TANGENTIAL
              ? "(-(etaR*" + xk + "*" + xg + "/" + xx + " + etaU*(" + gk + " - " + xk + "*" + xg + "/" + xx + ")))"
              : "(-(" + er + "*" + xk + "*" + xg + "/" + radialDen + " + " + eu + "*(" + xx + "*" + gk + " - " + xk + "*"
                  + xg + ")))";
        }
        case EQ_50 -> mut == Mutation.NORM_POWER ? "(-Sqrt(" + xx + ")*" + gk + ")" : "(-" + xx + "*" + gk + ")";
      };
      p.equation((form == Form.PROOF_LINE ? "proof line" : form == Form.EQ_49 ? "(49)" : "(50)") + " d_t x" + k, lhs, rhs);
    }
    cm.addData(p);
    p.variable("r", 0.1, 2);
    if (form != Form.EQ_50) {
      p.variable("etaR", 0.1, 2).variable("etaU", 0.1, 2);
    }
    if (form == Form.PROOF_LINE || mut == Mutation.NO_UNIT_NORM) {
      p.variables(u, -2, 2).norm("nu", u);
    } else {
      p.sphere(Sphere.unit(u, false));
    }
    return p.build();
  }

  static Plan plan314() {
    Plan plan = new Plan();
    plan.grid(new int[][] {{1, 2}, {1, 3}, {2, 3}, {1, 4}}, 2, 3, (m, n, depth) -> problem(Form.EQ_49, m, n, depth, Mutation.NONE));
    plan.small(problem(Form.EQ_49, 3, 3, 2, Mutation.NONE));
    plan.large(problem(Form.EQ_49, 1, 5, 3, Mutation.NONE));
    for (int[] mn : new int[][] {{1, 2}, {2, 3}}) {
      plan.small(problem(Form.PROOF_LINE, mn[0], mn[1], 2, Mutation.NONE));
    }
    plan.control(Mutation.NO_UNIT_NORM.text, problem(Form.EQ_49, 1, 3, 2, Mutation.NO_UNIT_NORM));
    plan.control(Mutation.TANGENTIAL.text, problem(Form.EQ_49, 1, 3, 3, Mutation.TANGENTIAL));
    plan.control(Mutation.RADIAL_NORM_POWER.text, problem(Form.EQ_49, 1, 2, 2, Mutation.RADIAL_NORM_POWER));
    plan.control(Mutation.RATES_SWAPPED.text, problem(Form.EQ_49, 1, 2, 3, Mutation.RATES_SWAPPED));
    plan.note("||u(0)|| = 1 (so ||u|| = 1 by Lemma 3.2) is imposed after differentiating; without it (49) fails "
        + "(control), while the proof's intermediate line holds for every u");
    plan.note("N = 5 with L = 3 only (about 1 s per case); L = 2 and 3 up to N = 4");
    plan.note(ChouModel.SIZES_NOTE);
    return plan;
  }

  static Plan plan315() {
    Plan plan = new Plan();
    plan.grid(new int[][] {{1, 2}, {1, 3}, {2, 3}, {1, 4}, {1, 5}}, 2, 3,
        (m, n, depth) -> problem(Form.EQ_50, m, n, depth, Mutation.NONE));
    plan.small(problem(Form.EQ_50, 3, 3, 2, Mutation.NONE));
    plan.control(Mutation.RATE_R.text, problem(Form.EQ_50, 1, 3, 2, Mutation.RATE_R));
    plan.control(Mutation.NORM_POWER.text, problem(Form.EQ_50, 1, 3, 3, Mutation.NORM_POWER));
    plan.control(Mutation.NO_UNIT_NORM.text, problem(Form.EQ_50, 1, 3, 2, Mutation.NO_UNIT_NORM));
    plan.note("proved directly from (13)-(14) with (eta_r, eta_u) = (r^2, 1), not by substituting into (49)");
    plan.note(ChouModel.SIZES_NOTE);
    return plan;
  }
}
