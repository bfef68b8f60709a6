package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chou-Rauhut-Ward Lemma 3.18 (non-increasing Bregman divergence), (52) with F of (53): along
 * d_t x = -||x||^2 grad L(x) (50), proved separately as chou/corollary-3.15,
 * d_t D_F(z, x~(t)) = -2L ||x||^2 L(x) for x~ = x^L and every z >= 0 with A z = b.
 *
 * <p>D_F(z, y) = F(z) - F(y) - <grad F(y), z - y> is built in variables y and differentiated by
 * Symja; d_t D_F(z, x~) = sum_k D(D_F, y_k)(x^L) d_t (x_k^L). Then y = x^L with x > 0
 * (PowerExpand: (x^L)^(2/L - 2) = x^(2 - 2L) is valid for x > 0, the domain of F), and A z = b is
 * imposed by substituting b = A z with z symbolic.
 */
final class ChouLemma318 {
  private ChouLemma318() {}

  static final String ID = "chou/lemma-3.18";
  static final String LOCATION = "Chou, Rauhut, Ward, Lemma 3.18, eqs. (51)-(53)";
  static final String STATEMENT =
      "for L >= 2, (eta_r, eta_u) = (r^2, 1), ||u(0)|| = 1, x = r u/||u||, x~ = x^L and every z >= 0 with A z = b: "
          + "d_t D_F(z, x~(t)) = -2L ||x(t)||^2 L(x(t)) (52), F(x~) = (1/2) <x~ log x~ - x~, 1> (L = 2), "
          + "L/(2(2-L)) <x~^(2/L), 1> (L > 2) (53)";

  enum Mutation {
    NONE(""),
    FACTOR_L("(52) with -L in place of -2L"),
    B_FREE("A z = b dropped (b free)"),
    F_CONSTANT("(53) with L/(2-L) in place of L/(2(2-L))");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  /** F of (53) in variables y. */
  static String f(int depth, List<String> y, Mutation mut) {
    List<String> t = new ArrayList<>();
    for (String yk : y) {
      t.add(depth == 2 ? "(" + yk + "*Log(" + yk + ") - " + yk + ")" : yk + "^(2/" + depth + ")");
    }
    if (depth == 2) {
      return "((1/2)*" + Sym.sum(t) + ")";
    }
    String c = mut == Mutation.F_CONSTANT ? depth + "/(2-" + depth + ")" : depth + "/(2*(2-" + depth + "))";
    return "((" + c + ")*" + Sym.sum(t) + ")";
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    ChouModel cm = ChouModel.symbolic(m, n, depth);
    List<String> x = Sym.vec("x", n);
    List<String> y = Sym.vec("y", n);
    List<String> z = Sym.vec("z", n);
    Problem p = Problem.of(ID, cm.dims() + " (symbolic A, x > 0, z >= 0, b = A z)");
    if (mut != Mutation.NONE) {
      p.control(mut.text);
    }
    String fy = f(depth, y, mut);
    Map<String, String> yToZ = new LinkedHashMap<>();
    Map<String, String> yToX = new LinkedHashMap<>();
    for (int k = 0; k < n; k++) {
      yToZ.put(y.get(k), z.get(k));
      yToX.put(y.get(k), x.get(k) + "^" + depth);
    }
    List<String> diff = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      diff.add("D(" + fy + ", y" + k + ")*(z" + k + " - y" + k + ")");
    }
    String bregman = "(" + Sym.replace(fy, yToZ) + " - " + fy + " - " + Sym.sum(diff) + ")";
    String loss = cm.loss(x);
    String xx = Sym.normSq(x);
    List<String> dx = new ArrayList<>();
    List<String> chain = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      dx.add("(-" + xx + "*D(" + loss + ", x" + k + "))");
      chain.add(Sym.replace("D(" + bregman + ", y" + k + ")", yToX) + "*D(x" + k + "^" + depth + ", x" + k + ")*"
          + dx.get(k - 1));
    }
    Map<String, String> bIsAz = new LinkedHashMap<>();
    if (mut != Mutation.B_FREE) {
      for (int i = 1; i <= m; i++) {
        List<String> t = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
          t.add(Sym.a(i, k) + "*z" + k);
        }
        bIsAz.put("b" + i, Sym.sum(t));
      }
    }
    String factor = mut == Mutation.FACTOR_L ? Integer.toString(depth) : "2*" + depth;
    p.define("F(y) (53)", fy).define("D_F(z, y) (51)", bregman).define("L(x) (10)", loss)
        .define("d_t x (50)", "{" + String.join(", ", dx) + "}");
    p.step("D_F(z, y) built from F(y) of (53) in variables y; grad F by Symja D");
    p.step("d_t D_F(z, x~) = sum_k D(D_F, y_k) at y = x^L, times D(x_k^L, x_k) d_t x_k, d_t x from (50) (Symja's grad L)");
    p.step("x > 0: PowerExpand (the domain of F is the positive orthant); A z = b: b := A z with z symbolic");
    p.equation("(52)", Sym.replace("PowerExpand(" + Sym.sum(chain) + ")", bIsAz),
        Sym.replace("(-" + factor + "*" + xx + "*" + loss + ")", bIsAz));
    for (int i = 1; i <= m; i++) {
      for (int k = 1; k <= n; k++) {
        p.variable(Sym.a(i, k), -2, 2);
      }
      if (mut == Mutation.B_FREE) {
        p.variable("b" + i, -2, 2);
      }
    }
    return p.variables(x, 0.1, 2).variables(z, 0.1, 2).build();
  }

  static Plan plan() {
    Plan plan = new Plan();
    // M = 2, N = 2 kept: x > 0 (the domain of F) has no x_3 = 0 to specialise the N = 3 case to
    plan.grid(new int[][] {{1, 2}, {2, 2}, {1, 3}, {2, 3}, {3, 3}, {1, 4}, {1, 5}}, 2, 4,
        (m, n, depth) -> problem(m, n, depth, Mutation.NONE));
    plan.control(Mutation.FACTOR_L.text, problem(1, 3, 2, Mutation.FACTOR_L));
    plan.control(Mutation.B_FREE.text, problem(1, 3, 3, Mutation.B_FREE));
    plan.control(Mutation.F_CONSTANT.text + " (L=3)", problem(1, 3, 3, Mutation.F_CONSTANT));
    plan.note("the flow is (50), itself proved from (13)-(14) in chou/corollary-3.15; A z = b is imposed by b := A z");
    plan.note("x > 0 (Lemma 3.3) is what makes y = x^L and (x^L)^(2/L) = x^2 legitimate: imposed with PowerExpand");
    return plan;
  }
}
