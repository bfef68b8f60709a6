package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * The last two displayed identities of the Chou and Wu proofs that had no check (issue 20): the
 * substitution of (eta_r, eta_u) = (r^2, 1) into (49) that proves Corollary 3.15, and the rPGD
 * gradients of f of (3) at the start of Wu's Appendix B. Proved like every step, with controls.
 */
final class RemainingIdentitySteps {
  private RemainingIdentitySteps() {}

  static List<StepSpec> specs() {
    return List.of(corollary315(), wuGradients());
  }

  /**
   * (49) is d_t x = -(eta_r x x^T/||x||^2 + eta_u (||x||^2 I - x x^T)) grad L(x); with ||u|| = 1,
   * r^2 = ||x||^2 whatever the sign of r, so eta_r = r^2 is ||x||^2. The substitution is algebra in
   * x and the vector g = grad L(x), which it never looks into: g is a free symbolic vector.
   */
  static StepSpec corollary315() {
    String id = "chou/corollary-3.15#step-1";
    String m1 = "eta_r = r (= ||x||) in place of r^2";
    String m2 = "(eta_r, eta_u) = (r^2, r^2)";
    String m3 = "(50) with ||x|| in place of ||x||^2";
    return StepSpec.step(id, ChouProofSteps.loc("proof of Corollary 3.15", "2023"),
            "The statement follows from Lemma 3.14 by substituting (eta_r, eta_u) = (r^2, 1) into (49): "
                + "-(r^2 x x^T/||x||^2 + 1 (||x||^2 I - x x^T)) grad L(x) = -||x||^2 grad L(x)   (50)")
        .run((n, depth, mut) -> {
          List<String> x = Sym.vec("x", n);
          List<String> g = Sym.vec("g", n);
          Problem p = WuProofSteps.start(id, "N=" + n + " (symbolic x, g = grad L(x))", mut);
          String xx = Sym.normSq(x);
          String etaR = mut.equals(m1) ? "Sqrt(" + xx + ")" : xx;
          String etaU = mut.equals(m2) ? xx : "1";
          String xg = Sym.dot(x, g);
          p.step("r^2 = ||x||^2 (||u|| = 1), eta_u = 1, substituted into the right side of (49)");
          for (int k = 1; k <= n; k++) {
            String xk = x.get(k - 1);
            String gk = g.get(k - 1);
            String rhs49 = "(-((" + etaR + ")*" + xk + "*" + xg + "/" + xx + " + (" + etaU + ")*(" + xx + "*" + gk + " - " + xk
                + "*" + xg + ")))";
            String rhs50 = mut.equals(m3) ? "(-Sqrt(" + xx + ")*" + gk + ")" : "(-" + xx + "*" + gk + ")";
            p.equation("(49) at (r^2, 1) = (50), entry " + k, rhs49, rhs50);
          }
          return p.variables(x, 0.1, 2).variables(g, -2, 2).build();
        }, new int[][] {{2, 0}, {3, 0}}, m1, m2, m3)
        .note("the substitution never uses grad L, so g is free; chou/corollary-3.15 proves (50) directly from (13)-(14)");
  }

  /** f(w, g) = 1/2 ||A g w - y||^2 of (3); grad L(x) = A^T (A x - y) at x = g w. */
  static StepSpec wuGradients() {
    String id = "wu/lemma-2.2#step-0";
    String m1 = "grad_w f = grad L(g w) (the factor g dropped)";
    String m2 = "grad_g f = g w^T grad L(g w)";
    String m3 = "grad_w f = g^2 grad L(g w)";
    return StepSpec.step(id, WuProofSteps.loc("Appendix B, proof of Lemma 2.2 (rPGD), the gradients", "372"),
            "The gradients for rPGD are grad_w f(w, g) = g grad L(g w), grad_g f(w, g) = w^T grad L(g w)")
        .run((d, m, mut) -> {
          List<String> w = Sym.vec("w", d);
          List<String> y = Sym.vec("y", m);
          Problem p = WuProofSteps.start(id, "m=" + m + ", d=" + d + " (symbolic A, y, w, g)", mut);
          List<String> x = new ArrayList<>();
          w.forEach(wk -> x.add("(g*" + wk + ")"));
          List<String> res = new ArrayList<>();
          List<String> aVars = new ArrayList<>();
          for (int i = 1; i <= m; i++) {
            List<String> row = new ArrayList<>();
            for (int k = 1; k <= d; k++) {
              row.add(Sym.a(i, k));
              aVars.add(Sym.a(i, k));
            }
            res.add("(" + Sym.dot(row, x) + " - " + y.get(i - 1) + ")");
          }
          String f = "(" + Sym.normSq(res) + ")/2";
          List<String> gradL = new ArrayList<>();
          for (int k = 1; k <= d; k++) {
            List<String> t = new ArrayList<>();
            for (int i = 1; i <= m; i++) {
              t.add(Sym.a(i, k) + "*" + res.get(i - 1));
            }
            gradL.add(Sym.sum(t));
          }
          p.define("f(w, g) (3)", f);
          p.step("Symja's D of f in w_k and in g against the printed gradients, grad L(x) = A^T (A x - y) at x = g w");
          String front = mut.equals(m1) ? "1" : mut.equals(m3) ? "g^2" : "g";
          for (int k = 1; k <= d; k++) {
            p.equation("grad_w f, entry " + k, "D(" + f + ", " + w.get(k - 1) + ")", front + "*" + gradL.get(k - 1));
          }
          p.equation("grad_g f", "D(" + f + ", g)", (mut.equals(m2) ? "g*" : "") + Sym.dot(w, gradL));
          return p.variables(aVars, -2, 2).variables(y, -2, 2).variables(w, -2, 2).variable("g", -2, 2).build();
        }, new int[][] {{2, 1}, {3, 2}}, m1, m2, m3)
        .note("with L(x) = 1/2 ||A x - y||^2, the least squares of (3); no ||w|| = 1 is needed (the gradients are taken in R^d)");
  }
}
