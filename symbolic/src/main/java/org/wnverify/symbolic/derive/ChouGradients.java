package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.Variable;

/**
 * Chou-Rauhut-Ward eqs. (22)-(24): the gradient of the loss (10) and of the WN loss (12).
 *
 * <p>Left sides are Symja derivatives of the losses written out entry by entry; right sides are
 * the printed formulas. In (23)/(24), grad L at r u/||u|| is Symja's own gradient of (10) with x
 * replaced by r u/||u||, so these two are pure chain-rule statements independent of (22).
 */
final class ChouGradients {
  private ChouGradients() {}

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
      "(22) grad L(x) = [A^T(A x^L - b)] * x^(L-1) for L(x) = ||A x^L - b||^2/(2L); "
          + "(23) grad_r L~(r,u) = u^T grad L(r u/||u||)/||u||; "
          + "(24) grad_u L~(r,u) = (r/||u||)(I - u u^T/||u||^2) grad L(r u/||u||)";

  /** The residual entries (A x^L - b)_i in the variables x. */
  static List<String> residuals(int m, int n, int depth, List<String> x) {
    return residuals(m, n, depth, x, Sym::a);
  }

  /** Residual entries with the entries of A given by {@code entry(i, k)} (symbols or numbers). */
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

  /** The loss (10): ||A x^L - b||^2 / (2L). */
  static String loss(int m, int n, int depth, List<String> x) {
    return "(" + Sym.normSq(residuals(m, n, depth, x)) + "/(2*" + depth + "))";
  }

  /** x = r u / ||u|| as replacement rules for x1..xn. */
  static Map<String, String> wnPoint(int n) {
    List<String> u = Sym.vec("u", n);
    Map<String, String> rules = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      rules.put("x" + (k + 1), "r*" + u.get(k) + "/" + Sym.norm(u));
    }
    return rules;
  }

  static IdentityProblem problem(int m, int n, int depth, Mutation mut) {
    List<String> x = Sym.vec("x", n);
    List<String> u = Sym.vec("u", n);
    String loss = loss(m, n, depth, x);
    List<String> res = residuals(m, n, depth, x);
    Map<String, String> defects = new LinkedHashMap<>();
    // (22)
    for (int k = 1; k <= n; k++) {
      List<String> col = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        col.add(Sym.a(i, k) + "*" + res.get(i - 1));
      }
      int exp = mut == Mutation.EXPONENT_L_MINUS_2 ? depth - 2 : depth - 1;
      defects.put("(22) d/dx" + k, "D(" + loss + ", x" + k + ") - " + Sym.sum(col) + "*x" + k + "^(" + exp + ")");
    }
    // (23), (24): grad L at r u/||u|| from Symja's gradient of (10)
    Map<String, String> at = wnPoint(n);
    String lossWn = Sym.replace(loss, at);
    List<String> grad = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      grad.add(Sym.replace("D(" + loss + ", x" + k + ")", at));
    }
    String nu = Sym.norm(u);
    String ug = Sym.dot(u, grad);
    String norm23 = mut == Mutation.MISSING_NORM_IN_23 ? "1" : nu;
    defects.put("(23) d/dr", "D(" + lossWn + ", r) - " + ug + "/" + norm23);
    String sign = mut == Mutation.PROJECTOR_SIGN_IN_24 ? "+" : "-";
    for (int k = 1; k <= n; k++) {
      defects.put("(24) d/du" + k, "D(" + lossWn + ", u" + k + ") - (r/" + nu + ")*(" + grad.get(k - 1)
          + sign + "u" + k + "*" + ug + "/(" + Sym.normSq(u) + "))");
    }
    List<Variable> vars = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      for (int k = 1; k <= n; k++) {
        vars.add(Variable.of(Sym.a(i, k), -2, 2));
      }
      vars.add(Variable.of("b" + i, -2, 2));
    }
    x.forEach(s -> vars.add(Variable.of(s, -2, 2)));
    vars.add(Variable.of("r", 0.1, 2));
    u.forEach(s -> vars.add(Variable.of(s, -2, 2)));
    String dims = "M=" + m + ",N=" + n + ",L=" + depth + " (symbolic A, b, x, r, u)";
    List<String> steps = List.of(
        "L(x) = ||A x^L - b||^2/(2L) written entry by entry; left sides by Symja D(.)",
        "L~(r,u) = L(r u/||u||) with ||u|| = Sqrt(sum u_k^2); grad L(r u/||u||) = Symja's D(L, x_k) at x = r u/||u||",
        "defect = D(...) - printed right side, per component");
    String name = "chou/gradients " + dims + (mut == Mutation.NONE ? "" : " [control: " + mut.text + "]");
    return new IdentityProblem(name, dims, steps, defects, vars, Map.of("nu", u));
  }
}
