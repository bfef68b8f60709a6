package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * Chou-Rauhut-Ward eqs. (22)-(24): the gradient of the loss (10) and of the WN loss (12).
 *
 * <p>Left sides are Symja derivatives of the losses written out entry by entry; right sides are
 * the printed formulas. In (23)/(24), grad L at r u/||u|| is Symja's own gradient of (10) with x
 * replaced by r u/||u||, so these two are pure chain-rule statements independent of (22).
 */
final class ChouGradients {
  private ChouGradients() {}

  static final String ID = "chou/gradients";

  /** Which printed formula is altered, for negative controls. */
  enum Mutation {
    NONE(""),
    EXPONENT_L_MINUS_2("(22) with x^(L-2) in place of x^(L-1)"),
    MISSING_NORM_IN_23("(23) without the factor 1/||u||"),
    PROJECTOR_SIGN_IN_24("(24) with (I + P_u) in place of (I - P_u)");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static final String STATEMENT =
      "(22) grad L(x) = [A^T(A x^L - b)] .* x^(L-1) for L(x) = ||A x^L - b||^2/(2L); "
          + "(23) grad_r L~(r,u) = u^T grad L(r u/||u||)/||u||; "
          + "(24) grad_u L~(r,u) = (r/||u||)(I - u u^T/||u||^2) grad L(r u/||u||)";

  static Case problem(int m, int n, int depth, Mutation mut) {
    ChouModel cm = ChouModel.symbolic(m, n, depth);
    List<String> x = Sym.vec("x", n);
    List<String> u = Sym.vec("u", n);
    Problem p = Problem.of(ID, cm.dims() + " " + cm.over("x, r, u"));
    if (mut != Mutation.NONE) {
      p.control(mut.text);
    }
    String loss = cm.loss(x);
    String lossWn = cm.lossWn();
    p.define("L(x)", loss).define("x(r,u) = r u/||u||", "{" + String.join(", ", cm.wnPoint()) + "}")
        .define("L~(r,u) = L(r u/||u||)", lossWn);
    p.step("L(x) = ||A x^L - b||^2/(2L) written entry by entry; left sides by Symja D(.)");
    p.step("L~(r,u) = L(r u/||u||) with ||u|| = Sqrt(sum u_k^2); grad L(r u/||u||) = Symja's D(L, x_k) at x = r u/||u||");
    p.step("defect = D(...) - printed right side, per component");
    // (22)
    List<String> g22 = cm.gradient22(x);
    for (int k = 1; k <= n; k++) {
      String rhs = g22.get(k - 1);
      if (mut == Mutation.EXPONENT_L_MINUS_2) {
        rhs = rhs.replace("^(" + (depth - 1) + "))", "^(" + (depth - 2) + "))");
      }
      p.equation("(22) d/dx" + k, "D(" + loss + ", x" + k + ")", rhs);
    }
    // (23), (24): grad L at r u/||u|| from Symja's gradient of (10)
    List<String> grad = cm.gradientAt(cm.wnPoint());
    String nu = Sym.norm(u);
    String ug = Sym.dot(u, grad);
    String norm23 = mut == Mutation.MISSING_NORM_IN_23 ? "1" : nu;
    p.equation("(23) d/dr", "D(" + lossWn + ", r)", ug + "/" + norm23);
    String sign = mut == Mutation.PROJECTOR_SIGN_IN_24 ? "+" : "-";
    for (int k = 1; k <= n; k++) {
      p.equation("(24) d/du" + k, "D(" + lossWn + ", u" + k + ")",
          "(r/" + nu + ")*(" + grad.get(k - 1) + sign + "u" + k + "*" + ug + "/(" + Sym.normSq(u) + "))");
    }
    cm.addData(p);
    p.variables(x, -2, 2).variable("r", 0.1, 2).variables(u, -2, 2);
    return p.norm("nu", u).build();
  }

  /** Kept for callers that build residuals with their own entries. */
  static List<String> residuals(
      int m, int n, int depth, List<String> x, java.util.function.BiFunction<Integer, Integer, String> entry) {
    List<String> res = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        t.add("(" + entry.apply(i, k) + ")*(" + x.get(k - 1) + ")^" + depth);
      }
      res.add("(" + Sym.sum(t) + "-b" + i + ")");
    }
    return res;
  }

  /** x = r u / ||u|| as replacement rules for x1..xn. */
  static java.util.Map<String, String> wnPoint(int n) {
    List<String> u = Sym.vec("u", n);
    java.util.Map<String, String> rules = new java.util.LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      rules.put("x" + (k + 1), "r*" + u.get(k) + "/" + Sym.norm(u));
    }
    return rules;
  }
}
