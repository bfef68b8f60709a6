package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Sphere;

/**
 * The displayed identities in the proofs of Wu et al., Appendices B and C
 * (001_b498c678a289d7b1.txt), proved symbolically in small fixed dimensions (m = 1, 2; d = 2, 3).
 * Flows are Symja's derivatives of h of (2) (the WN flow, rates (c, 1)) or of f of (3) (rPGD);
 * ||w|| = 1 is imposed after differentiating. First-order expansions "X = Y + O(eta^2)" are
 * checked as equal values and equal first derivatives in eta at eta = 0 (the remainder O(eta^2)
 * is an explicit eta^2 q where the display carries one). The projector onto the orthocomplement
 * of A's row span enters through a basis k of ker A.
 */
final class WuProofSteps {
  private WuProofSteps() {}

  private static final String SRC = "001_b498c678a289d7b1.txt";

  static String loc(String where, String lines) {
    return "Wu et al., " + where + " (" + SRC + ", lines " + lines + ")";
  }

  static Problem start(String id, String dims, String mut) {
    Problem p = Problem.of(id, dims);
    if (!mut.isEmpty()) {
      p.control(mut);
    }
    return p;
  }

  private static String at0(String e) {
    return "ReplaceAll(" + e + ", eta->0)";
  }

  private static String d1(String e) {
    return "ReplaceAll(D(" + e + ", eta), eta->0)";
  }

  private static List<String> minusEta(List<String> w, List<String> a) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < w.size(); k++) {
      out.add("(" + w.get(k) + " - eta*" + a.get(k) + ")");
    }
    return out;
  }

  private static List<String> scale(String s, List<String> v) {
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add("(" + s + ")*(" + x + ")"));
    return out;
  }

  private static List<String> plus(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>();
    for (int k = 0; k < a.size(); k++) {
      out.add("(" + a.get(k) + " + " + b.get(k) + ")");
    }
    return out;
  }

  /** (I - w w^T) v for ||w|| = 1, or (I - w w^T/||w||^2) v with the norm written out. */
  private static List<String> pt(List<String> w, List<String> v, boolean unit) {
    String wv = Sym.dot(w, v);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < w.size(); k++) {
      out.add("(" + v.get(k) + " - " + w.get(k) + "*" + wv + (unit ? "" : "/(" + Sym.normSq(w) + ")") + ")");
    }
    return out;
  }

  private static String sumDt(List<String> state, List<String> rates, String expr) {
    List<String> t = new ArrayList<>();
    for (int j = 0; j < state.size(); j++) {
      t.add("D(" + expr + ", " + state.get(j) + ")*" + rates.get(j));
    }
    return Sym.sum(t);
  }

  static List<StepSpec> specs() {
    List<StepSpec> s = new ArrayList<>();
    s.addAll(appendixBExpansions());
    s.addAll(appendixBFlows());
    s.addAll(c1());
    s.addAll(lossChains());
    s.addAll(c3());
    s.addAll(ridge());
    s.addAll(eq11());
    s.addAll(lemmaC1());
    return s;
  }

  // --- Appendix B, rPGD expansions -------------------------------------------------------------

  static List<StepSpec> appendixBExpansions() {
    List<StepSpec> out = new ArrayList<>();
    String where = "Appendix B, proof of Lemma 2.2 (rPGD)";
    String id1 = "wu/lemma-2.2#step-1";
    String m1a = "-eta w^T a (the factor 2 dropped)";
    String m1b = "+2 eta w^T a";
    String m1c = "eta ||a||^2 in place of eta^2 ||a||^2";
    out.add(StepSpec.step(id1, loc(where, "376-378"),
            "||w_t - eta grad f(w_t, g_t)||_2^2 = ||w_t - eta a_t||_2^2 = ||w_t||_2^2 - 2 eta w_t^T a_t + eta^2 ||a_t||_2^2 "
                + "= 1 - 2 eta w_t^T a_t + O(eta^2)")
        .run((n, depth, mut) -> {
          List<String> w = Sym.vec("w", n);
          List<String> a = Sym.vec("p", n);
          Problem p = start(id1, "d=" + n + " ||w|| = 1 (symbolic w, a_t = p, eta)", mut);
          String lhs = Sym.normSq(minusEta(w, a));
          String mid = "(" + Sym.normSq(w) + " - 2*eta*" + Sym.dot(w, a) + " + eta" + (mut.equals(m1c) ? "" : "^2") + "*"
              + Sym.normSq(a) + ")";
          String last = "(1 " + (mut.equals(m1b) ? "+ 2" : mut.equals(m1a) ? "- 1" : "- 2") + "*eta*" + Sym.dot(w, a) + ")";
          p.step("O(eta^2): equal value and first eta-derivative at eta = 0");
          p.equation("line 2 = line 3 (exact)", lhs, mid);
          p.equation("line 3 = line 4 at eta = 0", at0(mid), at0(last));
          p.equation("line 3 = line 4, d/d eta at eta = 0", d1(mid), d1(last));
          return p.variables(a, -2, 2).variable("eta", -1, 1).sphere(Sphere.unit(w, false)).build();
        }, new int[][] {{2, 0}, {3, 0}}, m1a, m1b, m1c));

    String id2 = "wu/lemma-2.2#step-2";
    String m2a = "1 - 2 eta w^T a";
    String m2b = "1 + eta w^T a";
    String m2c = "1 - eta ||a||";
    out.add(StepSpec.step(id2, loc(where, "380-382"), "||w_t - eta grad f(w_t, g_t)||_2 = 1 - eta w_t^T a_t + O(eta^2)")
        .run((n, depth, mut) -> {
          List<String> w = Sym.vec("w", n);
          List<String> a = Sym.vec("p", n);
          Problem p = start(id2, "d=" + n + " ||w|| = 1 (symbolic w, a_t = p, eta)", mut);
          String lhs = "Sqrt(" + Sym.normSq(minusEta(w, a)) + ")";
          String rhs = mut.equals(m2a) ? "(1 - 2*eta*" + Sym.dot(w, a) + ")" : mut.equals(m2b) ? "(1 + eta*" + Sym.dot(w, a) + ")"
              : mut.equals(m2c) ? "(1 - eta*Sqrt(" + Sym.normSq(a) + "))" : "(1 - eta*" + Sym.dot(w, a) + ")";
          p.step("O(eta^2): equal value and first eta-derivative at eta = 0");
          p.equation("value at eta = 0", at0(lhs), at0(rhs));
          p.equation("d/d eta at eta = 0", d1(lhs), d1(rhs));
          return p.variables(a, -2, 2).variable("eta", -1, 1).sphere(Sphere.unit(w, false)).build();
        }, new int[][] {{2, 0}, {3, 0}}, m2a, m2b, m2c));

    String id3 = "wu/lemma-2.2#step-3";
    String m3a = "(w - eta a)(1 - eta w^T a)";
    String m3b = "(w - eta a)(1 + 2 eta w^T a)";
    out.add(StepSpec.step(id3, loc(where, "384-386"),
            "w_{t+1} = (w_t - eta grad f)/||w_t - eta grad f||_2 = (w_t - eta a_t)/(1 - eta w_t^T a_t + O(eta^2)) "
                + "= (w_t - eta a_t) . (1 + eta w_t^T a_t + O(eta^2))")
        .run((n, depth, mut) -> {
          List<String> w = Sym.vec("w", n);
          List<String> a = Sym.vec("p", n);
          Problem p = start(id3, "d=" + n + " ||w|| = 1 (symbolic w, a_t = p, eta, remainder q)", mut);
          List<String> we = minusEta(w, a);
          String wa = Sym.dot(w, a);
          String nrm = "Sqrt(" + Sym.normSq(we) + ")";
          String factor = mut.equals(m3a) ? "(1 - eta*" + wa + ")" : mut.equals(m3b) ? "(1 + 2*eta*" + wa + ")" : "(1 + eta*" + wa + ")";
          p.step("O(eta^2) = eta^2 q; equal value and first eta-derivative at eta = 0, entry by entry");
          for (int k = 0; k < n; k++) {
            String l1 = we.get(k) + "/" + nrm;
            String l2 = we.get(k) + "/(1 - eta*" + wa + " + eta^2*q)";
            String l3 = we.get(k) + "*" + factor;
            p.equation("entry " + (k + 1) + ": line 1 = line 2 at eta = 0", at0(l1), at0(l2));
            p.equation("entry " + (k + 1) + ": line 1 = line 2, d/d eta", d1(l1), d1(l2));
            p.equation("entry " + (k + 1) + ": line 2 = line 3 at eta = 0", at0(l2), at0(l3));
            p.equation("entry " + (k + 1) + ": line 2 = line 3, d/d eta", d1(l2), d1(l3));
          }
          return p.variables(a, -2, 2).variable("eta", -1, 1).variable("q", -2, 2).sphere(Sphere.unit(w, false)).build();
        }, new int[][] {{2, 0}, {3, 0}}, m3a, m3b));

    String id4 = "wu/lemma-2.2#step-4";
    String m4a = "1 - eta x";
    String m4b = "1 + 2 eta x";
    String m4c = "1 + eta x^2";
    out.add(StepSpec.step(id4, loc(where, "388-390"), "1/(1 - eta x + O(eta^2)) = 1 + eta x + O(eta^2)")
        .run((n, depth, mut) -> {
          Problem p = start(id4, "scalar (symbolic eta, x, remainder q)", mut);
          String l = "1/(1 - eta*xx + eta^2*q)";
          String r = mut.equals(m4a) ? "(1 - eta*xx)" : mut.equals(m4b) ? "(1 + 2*eta*xx)" : mut.equals(m4c) ? "(1 + eta*xx^2)" : "(1 + eta*xx)";
          p.equation("value at eta = 0", at0(l), at0(r));
          p.equation("d/d eta at eta = 0", d1(l), d1(r));
          return p.variable("eta", -1, 1).variable("xx", -2, 2).variable("q", -2, 2).build();
        }, new int[][] {{1, 0}}, m4a, m4b, m4c));

    String id5 = "wu/lemma-2.2#step-5";
    String m5a = "- eta w w^T a in place of + eta w w^T a";
    String m5b = "P_t = I + w w^T";
    String m5c = "2 eta in place of eta";
    out.add(StepSpec.step(id5, loc(where, "392-394"),
            "w_{t+1} = w_t - eta a_t + eta w_t w_t^T a_t + O(eta^2) = w_t - eta P_t a_t + O(eta^2),  P_t = I - w_t w_t^T")
        .run((n, depth, mut) -> {
          List<String> w = Sym.vec("w", n);
          List<String> a = Sym.vec("p", n);
          Problem p = start(id5, "d=" + n + " ||w|| = 1 (symbolic w, a_t = p, eta)", mut);
          String wa = Sym.dot(w, a);
          List<String> ptA = pt(w, a, true);
          for (int k = 0; k < n; k++) {
            String l0 = "(" + w.get(k) + " - eta*" + a.get(k) + ")*(1 + eta*" + wa + ")";
            String l1 = "(" + w.get(k) + " - eta*" + a.get(k) + (mut.equals(m5a) ? " - " : " + ") + "eta*" + w.get(k) + "*" + wa + ")";
            String pa = mut.equals(m5b) ? "(" + a.get(k) + " + " + w.get(k) + "*" + wa + ")" : ptA.get(k);
            String l2 = "(" + w.get(k) + " - " + (mut.equals(m5c) ? "2*" : "") + "eta*" + pa + ")";
            p.equation("entry " + (k + 1) + ": expanded product = line 1 at eta = 0", at0(l0), at0(l1));
            p.equation("entry " + (k + 1) + ": expanded product = line 1, d/d eta", d1(l0), d1(l1));
            p.equation("entry " + (k + 1) + ": line 1 = line 2 at eta = 0", at0(l1), at0(l2));
            p.equation("entry " + (k + 1) + ": line 1 = line 2, d/d eta", d1(l1), d1(l2));
          }
          return p.variables(a, -2, 2).variable("eta", -1, 1).sphere(Sphere.unit(w, false)).build();
        }, new int[][] {{2, 0}, {3, 0}}, m5a, m5b, m5c));
    return out;
  }

  // --- Appendix B, the flows --------------------------------------------------------------------

  static List<StepSpec> appendixBFlows() {
    List<StepSpec> out = new ArrayList<>();
    String id6 = "wu/lemma-2.2#step-6";
    String m6a = "g dropped";
    String m6b = "g^2 in place of g";
    String m6c = "P_t dropped";
    out.add(StepSpec.step(id6, loc("Appendix B, rPGD flow", "396"),
            "dw_t/dt = -g_t P_t grad L(g_t w_t)  (from w_{t+1} = w_t - eta P_t a_t, a_t = grad_w f(w_t, g_t))")
        .run((m, d, mut) -> {
          WuModel wm = WuModel.symbolic(m, d);
          List<String> w = wm.w();
          Problem p = start(id6, wm.dims() + " ||w|| = 1 " + wm.over("g, w"), mut);
          List<String> a = new ArrayList<>();
          w.forEach(wk -> a.add("D(" + wm.f() + ", " + wk + ")"));
          List<String> ptA = pt(w, a, true);
          List<String> gl = wm.gradL(wm.gw());
          List<String> rhs = mut.equals(m6c) ? gl : pt(w, gl, true);
          String gg = mut.equals(m6a) ? "1" : mut.equals(m6b) ? "g^2" : "g";
          p.step("a_t = Symja D of f (3); grad L(x) = A^T (A x - y) as printed in Appendix B");
          for (int k = 0; k < d; k++) {
            p.equation("entry " + (k + 1), "(-" + ptA.get(k) + ")", "(-" + gg + "*" + rhs.get(k) + ")");
          }
          wm.addData(p);
          return p.variable("g", -2, 2).sphere(Sphere.unit(w, false)).build();
        }, new int[][] {{1, 2}, {1, 3}, {2, 2}}, m6a, m6b, m6c));

    String id7 = "wu/lemma-2.2#step-7";
    String m7a = "1/||w||^2 in place of 1/||w||";
    String m7b = "<w, grad L(g v)> in place of <v, grad L(g v)>";
    String m7c = "P_t dropped";
    out.add(StepSpec.step(id7, loc("Appendix B, WN flow", "406-408"),
            "dg_t/dt = -c <v_t, grad L(g_t v_t)>;  dw_t/dt = -g_t P_t (1/||w_t||) grad L(g_t v_t) = -(g_t/||w_t||) P_t grad L(g_t v_t)")
        .run((m, d, mut) -> {
          WuModel wm = WuModel.symbolic(m, d);
          List<String> w = wm.w();
          Problem p = start(id7, wm.dims() + " (||w|| free) " + wm.over("g, w, c"), mut);
          String h = wm.h();
          List<String> gl = wm.gradL(wm.gv());
          List<String> ptg = mut.equals(m7c) ? gl : pt(w, gl, false);
          String nrm = mut.equals(m7a) ? "(" + Sym.normSq(w) + ")" : "Sqrt(" + Sym.normSq(w) + ")";
          List<String> vv = mut.equals(m7b) ? w : wm.v();
          p.step("gradient flow of h (2) with rates (c, 1): dg/dt = -c D(h, g), dw/dt = -D(h, w) (Symja); "
              + "P_t = I - w w^T/||w||^2 (the projection for an arbitrary w)");
          p.equation("dg/dt = -c <v, grad L(g v)>", "(-cc*D(" + h + ", g))", "(-cc*" + Sym.dot(vv, gl) + ")");
          for (int k = 0; k < d; k++) {
            String l1 = "(-g*" + ptg.get(k) + "/" + nrm + ")";
            p.equation("dw/dt entry " + (k + 1) + " = -g P_t (1/||w||) grad L", "(-D(" + h + ", w" + (k + 1) + "))", l1);
            p.equation("entry " + (k + 1) + ": = -(g/||w||) P_t grad L", l1, "(-g/" + nrm + "*" + ptg.get(k) + ")");
          }
          wm.addData(p);
          return p.variable("g", -2, 2).variable("cc", 0.1, 2).variables(w, -2, 2).norm("nw", w).build();
        }, new int[][] {{1, 2}}, m7a, m7b, m7c)
        .note("P_t is defined for ||w_t|| = 1 as I - w_t w_t^T; for the WN iterate (not normalized) it is read as P_{w perp} = "
            + "I - w w^T/||w||^2, defined just before 'for an arbitrary vector w'"));

    String id8 = "wu/lemma-2.2#step-8";
    String m8a = "flow with I - w w^T (the 1/||w||^2 dropped)";
    String m8b = "flow with the projection dropped";
    String m8c = "flow with I + w w^T/||w||^2";
    out.add(StepSpec.step(id8, loc("Appendix B, WN flow", "410"), "d||w_t||^2/dt = 2 w_t^T dw_t/dt = 0")
        .run((m, d, mut) -> {
          WuModel wm = WuModel.symbolic(m, d);
          List<String> w = wm.w();
          Problem p = start(id8, wm.dims() + " (||w|| free) " + wm.over("g, w"), mut);
          String h = wm.h();
          List<String> gl = wm.gradL(wm.gv());
          List<String> dw = new ArrayList<>();
          String nrm = "Sqrt(" + Sym.normSq(w) + ")";
          for (int k = 0; k < d; k++) {
            String wk = w.get(k);
            dw.add(switch (mut) {
              case "" -> "(-D(" + h + ", " + wk + "))";
              default -> {
                String wv = Sym.dot(w, gl);
                String proj = mut.equals(m8a) ? "(" + gl.get(k) + " - " + wk + "*" + wv + ")"
                    : mut.equals(m8b) ? gl.get(k) : "(" + gl.get(k) + " + " + wk + "*" + wv + "/(" + Sym.normSq(w) + "))";
                yield "(-g/" + nrm + "*" + proj + ")";
              }
            });
          }
          List<String> rates = new ArrayList<>(dw);
          p.step("dw/dt = -D(h, w) (Symja; a control replaces it by a mutated projection)");
          p.equation("d||w||^2/dt = 2 w^T dw/dt", sumDt(w, rates, Sym.normSq(w)), "2*" + Sym.dot(w, dw));
          p.equation("2 w^T dw/dt = 0", "2*" + Sym.dot(w, dw), "0");
          wm.addData(p);
          return p.variable("g", -2, 2).variables(w, -2, 2).norm("nw", w).build();
        }, new int[][] {{1, 2}}, m8a, m8b, m8c));

    String mA = "c dropped";
    String mB = "g^2 in place of g";
    String mC = "P_t dropped";
    for (boolean printed : new boolean[] {true, false}) {
      String id9 = "wu/lemma-2.2#step-9" + (printed ? "" : "-corrected");
      String disp = printed ? "dg_t/dt = -c w_t^T A^T r_t,  dw_t/dt = -g_t P_t A^T r_t  (r_t = y - g_t A v_t, as defined in Appendix B)"
          : "dg_t/dt = -c w_t^T A^T r_t,  dw_t/dt = -g_t P_t A^T r_t  with r_t = A g_t w_t - y";
      StepSpec s = printed ? StepSpec.finding(id9, loc("Appendix B, final formula", "404-414"), disp)
          : StepSpec.step(id9, loc("Appendix B, final formula (corrected sign of r)", "404-414"), disp);
      s.run((m, d, mut) -> {
        WuModel wm = WuModel.symbolic(m, d);
        List<String> w = wm.w();
        Problem p = start(id9, wm.dims() + " ||w|| = 1 " + wm.over("g, w, c"), mut);
        String h = wm.h();
        List<String> atr = wm.transposeTimes(wm.residual(printed));
        List<String> ptr = mut.equals(mC) ? atr : pt(w, atr, true);
        String c = mut.equals(mA) ? "1" : "cc";
        String gg = mut.equals(mB) ? "g^2" : "g";
        p.step("the WN flow: dg/dt = -c D(h, g), dw/dt = -D(h, w) (Symja, h of (2)); ||w|| = 1 after differentiating");
        p.equation("dg/dt = -c w^T A^T r", "(-cc*D(" + h + ", g))", "(-" + c + "*" + Sym.dot(w, atr) + ")");
        for (int k = 0; k < d; k++) {
          p.equation("dw/dt entry " + (k + 1) + " = -g P_t A^T r", "(-D(" + h + ", w" + (k + 1) + "))", "(-" + gg + "*" + ptr.get(k) + ")");
        }
        wm.addData(p);
        return p.variable("g", -2, 2).variable("cc", 0.1, 2).sphere(Sphere.unit(w, false)).build();
      }, new int[][] {{1, 2}, {2, 2}}, mA, mB, mC);
      if (printed) {
        s.note("FINDING (proof step only): Appendix B defines r_t = y - g_t A v_t; with it both formulas have the wrong sign "
            + "(the flow is dg/dt = +c w^T A^T r, dw/dt = +g P_t A^T r); they hold with r_t = A g_t w_t - y "
            + "(wu/lemma-2.2#step-9-corrected), the convention C.2 needs; the same slip as wu/gradients")
            .note("does not affect Lemma 2.2 (the agreement of the two flows, wu/lemma-2.2, PROVED)");
      }
      out.add(s);
    }
    return out;
  }

  // --- C.1 ------------------------------------------------------------------------------------------

  static List<StepSpec> c1() {
    List<StepSpec> out = new ArrayList<>();
    String mA = "g dropped in d_w h";
    String mB = "P_{w perp} dropped";
    String mC = "d_g h = g w^T A^T r";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-2.3#step-1" + (printed ? "" : "-corrected");
      String disp = printed ? "d_g h(w, g) = w^T A^T r = 0,  d_w h(w, g) = g . P_{w perp} A^T r = 0  (r = y - A g w)"
          : "d_g h(w, g) = w^T A^T r,  d_w h(w, g) = g . P_{w perp} A^T r  with r = A g w - y";
      StepSpec s = printed ? StepSpec.finding(id, loc("Appendix C.1, proof of Lemma 2.3", "422-426"), disp)
          : StepSpec.step(id, loc("Appendix C.1, proof of Lemma 2.3 (corrected sign of r)", "422-426"), disp);
      s.run((m, d, mut) -> {
        WuModel wm = WuModel.symbolic(m, d);
        List<String> w = wm.w();
        Problem p = start(id, wm.dims() + " ||w|| = 1 " + wm.over("g, w"), mut);
        String h = wm.h();
        List<String> atr = wm.transposeTimes(wm.residual(printed));
        List<String> ptr = mut.equals(mB) ? atr : pt(w, atr, true);
        p.equation("d_g h = w^T A^T r", "D(" + h + ", g)", (mut.equals(mC) ? "g*" : "") + Sym.dot(w, atr));
        for (int k = 0; k < d; k++) {
          p.equation("d_w h entry " + (k + 1), "D(" + h + ", w" + (k + 1) + ")", (mut.equals(mA) ? "" : "g*") + ptr.get(k));
        }
        wm.addData(p);
        return p.variable("g", -2, 2).sphere(Sphere.unit(w, false)).build();
      }, new int[][] {{1, 2}, {2, 2}}, mA, mB, mC);
      if (printed) {
        s.note("FINDING (proof step only): with r = y - A g w the two gradients have the wrong sign (as wu/gradients finds "
            + "for the same formulas); they hold with r = A g w - y (wu/lemma-2.3#step-1-corrected)")
            .note("does not affect Lemma 2.3: the display sets both gradients to 0, where the sign is immaterial");
      }
      out.add(s);
    }
    return out;
  }

  // --- C.2 and C.4.3: the loss along the flow ------------------------------------------------------

  private enum Chain { C2, C43, ROW }

  private static Case lossChain(String id, Chain chain, int m, int d, boolean printedSign, boolean corrected, String mut,
      String mNoC, String mG, String mNoP) {
    WuModel wm = chain == Chain.ROW ? WuModel.fixed(m, d) : WuModel.symbolic(m, d);
    List<String> w = wm.w();
    Problem p = start(id, wm.dims() + " ||w|| = 1 " + wm.over("g, w" + (chain == Chain.C2 ? ", c" : "")), mut);
    String h = wm.h();
    List<String> r = wm.residual(printedSign);
    String cRate = chain == Chain.C2 ? "cc" : chain == Chain.ROW ? "1" : "0";
    String dg = "(-(" + cRate + ")*D(" + h + ", g))";
    List<String> dw = new ArrayList<>();
    w.forEach(wk -> dw.add("(-D(" + h + ", " + wk + "))"));
    List<String> state = new ArrayList<>(w);
    state.add("g");
    List<String> rates = new ArrayList<>(dw);
    rates.add(dg);
    List<String> rdot = new ArrayList<>();
    r.forEach(ri -> rdot.add(sumDt(state, rates, ri)));
    List<String> dgw = new ArrayList<>();
    List<String> bracket = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      dgw.add(sumDt(state, rates, "g*" + w.get(k)));
      bracket.add("(" + dg + "*" + w.get(k) + " + g*" + dw.get(k) + ")");
    }
    List<String> atr = wm.transposeTimes(r);
    List<String> ptr = mut.equals(mNoP) ? atr : pt(w, atr, true);
    String wAtr = Sym.dot(w, atr);
    String c = mut.equals(mNoC) ? "1" : chain == Chain.C2 ? "cc" : "1";
    String g2 = mut.equals(mG) ? "g" : "g^2";
    p.define("h (2)", h).define("dg/dt", dg).define("dw/dt", "{" + String.join(", ", dw) + "}")
        .define("r", "{" + String.join(", ", r) + "}");
    p.step("the WN flow: dg/dt = -" + cRate + " D(h, g), dw/dt = -D(h, w) (Symja, h of (2)); r = "
        + (printedSign ? "y - A g w (as printed after (4) and in C.1)" : "A g w - y") + "; ||w|| = 1 after differentiating");
    String l0 = "D(" + Sym.normSq(r) + "/2, g)*" + dg + " + " + sumDt(w, dw, Sym.normSq(r) + "/2");
    String l1 = Sym.dot(r, rdot);
    String l2 = Sym.dot(r, wm.times(dgw));
    String l3 = Sym.dot(r, wm.times(bracket));
    p.equation("d[||r||^2/2]/dt = r^T dr/dt", l0, l1);
    p.equation("r^T dr/dt = r^T A d(g w)/dt", l1, l2);
    p.equation("r^T A d(g w)/dt = r^T A [dg/dt w + g dw/dt]", l2, l3);
    List<String> inner = new ArrayList<>();
    switch (chain) {
      case C2, ROW -> {
        for (int k = 0; k < d; k++) {
          inner.add("(" + c + "*" + w.get(k) + "*" + wAtr + " + " + g2 + "*" + ptr.get(k) + ")");
        }
        String l4 = "(-" + Sym.dot(r, wm.times(inner)) + ")";
        p.equation("= -r^T A [c w w^T A^T r + g^2 P_t A^T r]", l3, l4);
        if (chain == Chain.ROW) {
          String raw = Sym.dot(r, wm.times(w));
          String l5 = corrected ? "(-(" + raw + ")^2 - " + g2 + "*" + Sym.normSq(ptr) + ")" : "(-(" + raw + ")^2)";
          p.equation(corrected ? "= -(r^T A w)^2 - g^2 ||P_t A^T r||^2" : "= -(r^T A w)^2", l4, l5);
        }
      }
      case C43 -> {
        List<String> gdw = new ArrayList<>();
        dw.forEach(x -> gdw.add("g*" + x));
        String l4 = Sym.dot(r, wm.times(gdw));
        p.equation("= r^T A g0 dw/dt (dg/dt = 0)", l3, l4);
        String gg = mut.equals(mG) ? "g" : "g*g";
        String l5 = "(-" + Sym.dot(r, wm.times(scale(gg, ptr))) + ")";
        p.equation("= -r^T A g0 P_t g0 A^T r", l4, l5);
        p.equation("= -g0^2 ||P_t A^T r||^2", l5, "(-" + g2 + "*" + Sym.normSq(ptr) + ")");
      }
      default -> throw new IllegalStateException();
    }
    wm.addData(p);
    p.variable("g", -2, 2);
    if (chain == Chain.C2) {
      p.variable("cc", 0.1, 2);
    }
    return p.sphere(Sphere.unit(w, false)).build();
  }

  static List<StepSpec> lossChains() {
    List<StepSpec> out = new ArrayList<>();
    String mNoC = "c dropped";
    String mG = "g in place of g^2";
    String mNoP = "P_t dropped";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-2.4#step-1" + (printed ? "" : "-corrected");
      String disp = "d[1/2 ||r_t||^2]/dt = r_t^T dr_t/dt = r_t^T A d(g_t w_t)/dt = r_t^T A [dg_t/dt w_t + g_t dw_t/dt] "
          + "= -r_t^T A [c w_t w_t^T A^T r_t + g_t^2 P_t A^T r_t] = -r_t^T A [c w_t w_t^T + g_t^2 P_t] A^T r_t"
          + (printed ? "  (r = y - A g w)" : "  with r = A g w - y");
      StepSpec s = printed ? StepSpec.finding(id, loc("Appendix C.2, proof of Lemma 2.4", "432-434"), disp)
          : StepSpec.step(id, loc("Appendix C.2, proof of Lemma 2.4 (corrected sign of r)", "432-434"), disp);
      s.run((m, d, mut) -> lossChain(id, Chain.C2, m, d, printed, false, mut, mNoC, mG, mNoP), new int[][] {{1, 2}},
          mNoC, mG, mNoP);
      s.note("the last line is the fourth written as a matrix; it is checked through the fourth");
      if (printed) {
        s.note("FINDING (proof step only): with r = y - A g w (the definition after (4) and in C.1) the second and fourth "
            + "links fail (dr/dt = -A d(gw)/dt, dg/dt = +c w^T A^T r); every link holds with r = A g w - y "
            + "(wu/lemma-2.4#step-1-corrected)")
            .note("does not affect Lemma 2.4: the end result is quadratic in r, the same for both signs");
      }
      out.add(s);
    }
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/theorem-2.6#step-1" + (printed ? "" : "-corrected");
      String disp = "d[1/2 ||r_t||^2]/dt = r_t^T dr_t/dt = r_t^T A d(g_t w_t)/dt = r_t^T A [dg_t/dt w_t + g_t dw_t/dt] "
          + "= r_t^T A g_0 dw_t/dt = -r_t^T A g_0 P_t g_0 A^T r_t = -g_0^2 ||P_t A^T r_t||^2  (c = 0)"
          + (printed ? "  (r = y - A g w)" : "  with r = A g w - y");
      StepSpec s = printed ? StepSpec.finding(id, loc("Appendix C.4.3, Part II (fixed g_t, c = 0)", "496-498"), disp)
          : StepSpec.step(id, loc("Appendix C.4.3, Part II (c = 0; corrected sign of r)", "496-498"), disp);
      s.run((m, d, mut) -> lossChain(id, Chain.C43, m, d, printed, false, mut, mNoC, mG, mNoP), new int[][] {{1, 2}},
          mG, mNoP);
      if (printed) {
        s.note("FINDING (proof step only): with r = y - A g w the second and fifth links have the wrong sign; the chain "
            + "holds with r = A g w - y (wu/theorem-2.6#step-1-corrected)")
            .note("does not affect Theorem 2.6: the result -g0^2 ||P_t A^T r||^2 is the same for both signs");
      }
      out.add(s);
    }
    for (boolean corrected : new boolean[] {false, true}) {
      String id = "wu/theorem-2.6#step-2" + (corrected ? "-corrected" : "");
      String disp = "d[1/2 ||r_t||^2]/dt = r_t^T dr_t/dt = r_t^T A d(g_t w_t)/dt = r_t^T A [dg_t/dt w_t + g_t dw_t/dt] "
          + "= -r_t^T A [w_t w_t^T A^T r_t + g_t^2 P_t A^T r_t] = "
          + (corrected ? "-(r_t^T A w_t)^2 - g_t^2 ||P_t A^T r_t||^2" : "-(r_t^T A w_t)^2") + "  (w_0 in the row space R of A)";
      StepSpec s = corrected ? StepSpec.step(id, loc("Appendix C.4.3, flow started in the row space (corrected last line)", "516-518"), disp)
          : StepSpec.finding(id, loc("Appendix C.4.3, flow started in the row space of A", "516-518"), disp);
      s.run((m, d, mut) -> lossChain(id, Chain.ROW, m, d, false, corrected, mut, mNoC, mG, mNoP), new int[][] {{2, 2}},
          mG, mNoP);
      if (!corrected) {
        s.note("FINDING (proof step only): r^T A P_t A^T r = ||P_t A^T r||^2 does not vanish for w in R unless A^T r is "
            + "parallel to w (always so when m = 1, not when m >= 2); the last line must keep -g_t^2 ||P_t A^T r_t||^2 "
            + "(wu/theorem-2.6#step-2-corrected); checked with m = d = 2, A = {{1,2},{3,-1}} (R = R^2, every unit w lies in R), r = A g w - y "
            + "as in the display just before, and rate c = 1 as the display writes");
        s.note("may affect the paragraph's conclusion for m >= 2: the next sentences also use that r^T A w = 0, ||w|| = 1 "
            + "and A of full row rank give r = 0, which needs m = 1 (not a display; noted, not checked)");
      }
      out.add(s);
    }
    return out;
  }

  // --- C.3 ------------------------------------------------------------------------------------------

  static List<StepSpec> c3() {
    List<StepSpec> out = new ArrayList<>();
    String mA = "sixth line without the factor 1/2";
    String mB = "P_perp dropped (e_1 in place of a kernel vector)";
    String mC = "g_t^2 in place of g_t in the first line";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-2.5#step-1" + (printed ? "" : "-corrected");
      String disp = "dw_t_perp/dt = P_perp dw_t/dt = -(g_t/||w_t||) P_perp (I - w_t w_t^T/||w_t||^2) G_t "
          + "= (g_t/||w_t||) P_perp (w_t w_t^T/||w_t||^2) G_t = (g_t/||w_t||^2) P_perp w_t (grad_g h_t) "
          + "= -(g_t/||w_t||^2) P_perp w_t ((1/c) dg_t/dt) = -(1/2) (P_perp w_t/||w_t||^2) dg_t^2/(c dt) "
          + "= -(1/2) (w_t_perp/||w_0||^2) dg_t^2/(c dt)" + (printed ? ",  G_t = grad_w h_t (as printed)" : ",  G_t = grad L(g_t v_t)");
      StepSpec s = printed ? StepSpec.finding(id, loc("Appendix C.3, proof of Lemma 2.5", "450-452"), disp)
          : StepSpec.step(id, loc("Appendix C.3, proof of Lemma 2.5 (grad_w h read as grad L(g v))", "450-452"), disp);
      s.run((m, d, mut) -> {
        WuModel wm = WuModel.symbolic(m, d);
        List<String> w = wm.w();
        Problem p = start(id, wm.dims() + " ||w|| = 1 " + wm.over("g, w, c"), mut);
        String h = wm.h();
        String dg = "(-cc*D(" + h + ", g))";
        List<String> dw = new ArrayList<>();
        w.forEach(wk -> dw.add("(-D(" + h + ", " + wk + "))"));
        List<String> gvec = new ArrayList<>();
        if (printed) {
          w.forEach(wk -> gvec.add("D(" + h + ", " + wk + ")"));
        } else {
          gvec.addAll(wm.gradL(wm.gv()));
        }
        String nsq = Sym.normSq(w);
        String nrm = "Sqrt(" + nsq + ")";
        String wG = Sym.dot(w, gvec);
        List<ChouModel.KernelVector> basis = mut.equals(mB)
            ? List.of(new ChouModel.KernelVector("e1 (not in ker A)", e1(d), false)) : wm.kernelBasis();
        p.step("the WN flow dg/dt = -c D(h, g), dw/dt = -D(h, w) (Symja); P_perp through a basis k of ker A "
            + "(k^T P_perp = k^T); ||w|| = ||w0|| = 1 after differentiating");
        for (ChouModel.KernelVector kv : basis) {
          List<String> k = kv.entries();
          String nm = kv.label().substring(0, kv.label().indexOf(' '));
          String kw = Sym.dot(k, w);
          String l0 = Sym.dot(k, dw);
          String l1 = "(-" + (mut.equals(mC) ? "g^2" : "g") + "/" + nrm + "*(" + Sym.dot(k, gvec) + " - " + kw + "*" + wG + "/(" + nsq + ")))";
          String l2 = "(g/" + nrm + "*" + kw + "*" + wG + "/(" + nsq + "))";
          String l3 = "(g/(" + nsq + ")*" + kw + "*D(" + h + ", g))";
          String l4 = "(-g/(" + nsq + ")*" + kw + "*(1/cc)*" + dg + ")";
          String half = mut.equals(mA) ? "1" : "(1/2)";
          String l5 = "(-" + half + "*" + kw + "/(" + nsq + ")*2*g*" + dg + "/cc)";
          String l6 = "(-(1/2)*" + kw + "/1*2*g*" + dg + "/cc)";
          p.equation(nm + "^T: P_perp dw/dt = line 2", l0, l1);
          p.equation(nm + "^T: line 2 = line 3", l1, l2);
          p.equation(nm + "^T: line 3 = line 4", l2, l3);
          p.equation(nm + "^T: line 4 = line 5", l3, l4);
          p.equation(nm + "^T: line 5 = line 6 (dg^2/dt = 2 g dg/dt)", l4, l5);
          p.equation(nm + "^T: line 6 = line 7 (||w|| = ||w0|| = 1)", l5, l6);
        }
        wm.addData(p);
        return p.variable("g", -2, 2).variable("cc", 0.1, 2).sphere(Sphere.unit(w, false)).build();
      }, new int[][] {{1, 2}}, mA, mB, mC);
      if (printed) {
        s.note("FINDING (proof step only): read literally, grad_w h_t is the gradient of h in w, (g/||w||) P_t grad L(g v); "
            + "then the first link (dw/dt = -grad_w h, not -(g/||w||) P grad_w h), the second (P_perp grad_w h != 0) and the "
            + "third fail; with grad L(g_t v_t) (the Appendix B flow's vector, presumably meant) every link holds "
            + "(wu/lemma-2.5#step-1-corrected)")
            .note("does not affect Lemma 2.5's first part (wu/lemma-2.5#proof, PROVED)");
      }
      out.add(s);
    }
    return out;
  }

  private static List<String> e1(int d) {
    List<String> e = new ArrayList<>();
    for (int k = 1; k <= d; k++) {
      e.add(k == 1 ? "1" : "0");
    }
    return e;
  }

  // --- C.4.3 ridge form -------------------------------------------------------------------------------

  static List<StepSpec> ridge() {
    List<StepSpec> out = new ArrayList<>();
    String mA = "g dropped in the second line";
    String mB = "third line without c^^(-1) I";
    String mC = "objective with g/c^ in place of g/(2 c^)";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/theorem-2.6#step-3" + (printed ? "" : "-corrected");
      String cc = printed ? "cc" : "ch";
      String disp = "w = -c^ A^T (A g w - y);  (I + " + (printed ? "c" : "c^") + " g A^T A) w = c^ A^T y;  "
          + "w = (c^^(-1) I + g A^T A)^(-1) A^T y;  w minimizes 1/2 ||A g w - y||^2 + (g/(2 c^)) ||w||^2";
      StepSpec s = printed ? StepSpec.finding(id, loc("Appendix C.4.3, Part II, the limit direction", "506-512"), disp)
          : StepSpec.step(id, loc("Appendix C.4.3, Part II (c read as c^)", "506-512"), disp);
      s.run((m, d, mut) -> {
        WuModel wm = WuModel.symbolic(m, d);
        List<String> w = wm.w();
        Problem p = start(id, wm.dims() + " " + wm.over("g, w, c^, c"), mut);
        List<String> res = new ArrayList<>();
        List<String> agw = wm.times(wm.gw());
        for (int i = 1; i <= m; i++) {
          res.add("(" + agw.get(i - 1) + " - y" + i + ")");
        }
        List<String> atres = wm.transposeTimes(res);
        List<String> ata = wm.transposeTimes(wm.times(w));
        List<String> ys = new ArrayList<>();
        for (int i = 1; i <= m; i++) {
          ys.add("y" + i);
        }
        List<String> aty = wm.transposeTimes(ys);
        String obj = "(" + Sym.normSq(res) + "/2 + g/(" + (mut.equals(mC) ? "" : "2*") + "ch)*" + Sym.normSq(w) + ")";
        p.step("each line's defect (left - right) must be a nonzero multiple of the first line's, w + c^ A^T (A g w - y)");
        for (int k = 0; k < d; k++) {
          String d1 = "(" + w.get(k) + " + ch*" + atres.get(k) + ")";
          String d2 = "(" + w.get(k) + " + " + cc + "*" + (mut.equals(mA) ? "" : "g*") + ata.get(k) + " - ch*" + aty.get(k) + ")";
          String d3 = "(" + (mut.equals(mB) ? "0" : w.get(k) + "/ch") + " + g*" + ata.get(k) + " - " + aty.get(k) + ")";
          p.equation("entry " + (k + 1) + ": line 2 defect = line 1 defect", d2, d1);
          p.equation("entry " + (k + 1) + ": line 3 defect = line 2 defect / c^", d3, "(" + d1 + ")/ch");
          p.equation("entry " + (k + 1) + ": grad of the objective = (g/c^) line 1 defect", "D(" + obj + ", " + w.get(k) + ")",
              "g/ch*" + d1);
        }
        wm.addData(p);
        return p.variable("g", -2, 2).variable("ch", 0.1, 2).variable("cc", 0.1, 2).variables(w, -2, 2).build();
      }, new int[][] {{1, 2}, {2, 2}}, mA, mB, mC);
      if (printed) {
        s.note("FINDING (proof step only): the second line prints c (the rate ratio of Condition 2.1) where the first line's "
            + "c^ is meant: (I + c g A^T A) w = c^ A^T y follows only if c = c^ (wu/theorem-2.6#step-3-corrected)")
            .note("does not affect the statement (a typo; the third line and the ridge objective use c^)");
      }
      out.add(s);
    }
    return out;
  }

  // --- C.5.1, (11) -----------------------------------------------------------------------------------

  static List<StepSpec> eq11() {
    List<StepSpec> out = new ArrayList<>();
    String mA = "c log in place of 2c log";
    String mB = "sign of the log||w_t_perp|| term flipped";
    String mC = "g0 in place of g0^2";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/theorem-2.7#eq-11" + (printed ? "" : "-corrected");
      String two = printed ? "2" : "2*cc";
      String disp = printed ? "g_t^2 = 2 log||w_0_perp|| + g_0^2 - 2 log||w_t_perp|| >= 2 log||w_0_perp|| + g_0^2   (11)"
          : "g_t^2 = 2c log||w_0_perp|| + g_0^2 - 2c log||w_t_perp|| >= 2c log||w_0_perp|| + g_0^2";
      StepSpec s = printed ? StepSpec.finding(id, loc("Appendix C.5.1, eq. (11)", "526-530"), disp)
          : StepSpec.step(id, loc("Appendix C.5.1, eq. (11) (with the factor c of (6))", "526-530"), disp);
      s.run((m, d, mut) -> {
        Problem p = start(id, "scalar (symbolic g0, g_t, c > 0, ||w_0_perp|| = n0 > 0)", mut);
        String nt = "(Exp((g0^2 - gt^2)/(2*cc))*n0)";
        String tw = mut.equals(mA) ? (printed ? "1" : "cc") : two;
        String sg = mut.equals(mB) ? "+" : "-";
        String g0 = mut.equals(mC) ? "g0" : "g0^2";
        p.step("(6): w_t_perp = exp((g0^2 - g_t^2)/(2c)) w_0_perp, so ||w_t_perp|| = exp((g0^2 - g_t^2)/(2c)) ||w_0_perp||; "
            + "PowerExpand of the logs");
        p.equation("g_t^2 = right side of (11)", "gt^2", "PowerExpand(" + tw + "*Log(n0) + " + g0 + " " + sg + " " + tw + "*Log(" + nt + "))");
        return p.variable("g0", -2, 2).variable("gt", -2, 2).variable("cc", 0.1, 2).variable("n0", 0.1, 1).build();
      }, new int[][] {{0, 0}}, mA, mB, mC);
      s.note("the inequality holds because ||w_t_perp|| <= ||w_t|| = 1 makes -2c log||w_t_perp|| >= 0 (not checked separately)");
      if (printed) {
        s.note("FINDING (proof step only): (6) carries 1/(2c), so (11) needs the factor c: g_t^2 = 2c log||w_0_perp|| + g_0^2 "
            + "- 2c log||w_t_perp|| (wu/theorem-2.7#eq-11-corrected); as printed it holds only for c = 1")
            .note("does not affect Theorem 2.7: its first case states the threshold 2c log(1/||w_0_perp||) with the factor c");
      }
      out.add(s);
    }
    return out;
  }

  // --- C.5.2, Lemma C.1 ----------------------------------------------------------------------------------

  static List<StepSpec> lemmaC1() {
    List<StepSpec> out = new ArrayList<>();
    String where = "Appendix C.5.2, proof of Lemma C.1";
    String mA = "g^* <A w, A w^*> with the sign flipped";
    String mB = "-g ||A w|| in place of -g ||A w||^2";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-c.1#step-1" + (printed ? "" : "-corrected");
      String c = printed ? "1" : "cc";
      String disp = printed ? "dg_t/dt = -<A w_t, A(g_t w_t - g^* w^*)> = -g_t ||A w_t||^2 + g^* <A w_t, A w^*>"
          : "dg_t/dt = -c <A w_t, A(g_t w_t - g^* w^*)> = -c g_t ||A w_t||^2 + c g^* <A w_t, A w^*>";
      StepSpec s = printed ? StepSpec.finding(id, loc(where, "546-548"), disp)
          : StepSpec.step(id, loc(where + " (with the rate c of Lemma 2.2)", "546-548"), disp);
      s.run((m, d, mut) -> {
        WuModel wm = WuModel.symbolic(m, d);
        List<String> w = wm.w();
        Problem p = start(id, wm.dims() + " ||w|| = 1 " + wm.over("g, w, c; y = A g* w*"), mut);
        List<String> ws = Sym.vec("z", d);
        String h = wm.h();
        List<String> ys = wm.times(scale("gs", ws));
        java.util.Map<String, String> yRule = new java.util.LinkedHashMap<>();
        for (int i = 1; i <= m; i++) {
          yRule.put("y" + i, ys.get(i - 1));
        }
        List<String> aw = wm.times(w);
        List<String> aws = wm.times(ws);
        List<String> diff = new ArrayList<>();
        for (int i = 0; i < m; i++) {
          diff.add("(g*" + aw.get(i) + " - gs*" + aws.get(i) + ")");
        }
        String l1 = "(-(" + c + ")*" + Sym.dot(aw, diff) + ")";
        String l2 = "((" + c + ")*(-g*" + (mut.equals(mB) ? "Sqrt(" + Sym.normSq(aw) + ")" : Sym.normSq(aw)) + " "
            + (mut.equals(mA) ? "-" : "+") + " gs*" + Sym.dot(aw, aws) + "))";
        p.step("the WN flow dg/dt = -c D(h, g) (Symja, h of (2)) with y = A g^* w^* (w^* = z), ||w|| = 1");
        p.equation("dg/dt = -c' <A w, A(g w - g^* w^*)>", Sym.replace("(-cc*D(" + h + ", g))", yRule), l1);
        p.equation("-<A w, A(g w - g^* w^*)> = -g ||A w||^2 + g^* <A w, A w^*>", l1, l2);
        for (int i = 1; i <= m; i++) {
          for (int k = 1; k <= d; k++) {
            p.variable(Sym.a(i, k), -2, 2);
          }
        }
        return p.variable("g", -2, 2).variable("gs", -2, 2).variable("cc", 0.1, 2).variables(ws, -2, 2)
            .sphere(Sphere.unit(w, false)).build();
      }, new int[][] {{1, 2}, {2, 2}}, mA, mB);
      if (printed) {
        s.note("FINDING (proof step only): Lemma C.1 is stated 'under the same setting of Lemma 2.2' (rates (c, 1)), "
            + "while the display has dg/dt without the factor c (it holds for c = 1 only); "
            + "wu/lemma-c.1#step-1-corrected keeps c. The later steps are checked with the proof's own dg/dt (c = 1)")
            .note("may affect Lemma C.1 and Theorem 2.7's second case for c != 1 (the time s and the bound scale with c); "
                + "not checked");
      }
      out.add(s);
    }

    // later steps: algebra with the proof's dg/dt = -<A w, A(g w - g* w*)>, on free vectors
    String id2 = "wu/lemma-c.1#step-2";
    String m2a = "-<A g w, A(g w - g^* w^*)> (the 2 dropped)";
    String m2b = "+ ||A g w||^2 in place of - ||A g w||^2";
    out.add(StepSpec.step(id2, loc(where, "550-554"),
            "dg_t^2/dt = -2 <A g_t w_t, A(g_t w_t - g^* w^*)> = ||A g^* w^*||^2 - ||A(g_t w_t - g^* w^*)||^2 - ||A g_t w_t||^2 "
                + "(= ||z^*||^2 - ||z_t - z^*||^2 - ||z_t||^2)")
        .run((m, d, mut) -> c1Algebra(id2, m, d, mut, (x, pr) -> {
          String dg2 = "2*g*" + x.dgdt;
          String l1 = "(" + (mut.equals(m2a) ? "-1" : "-2") + "*" + Sym.dot(scale("g", x.aw), x.diff) + ")";
          String l2 = "(" + Sym.normSq(x.aws) + "*gs^2 - " + Sym.normSq(x.diff) + (mut.equals(m2b) ? " + " : " - ") + "g^2*"
              + Sym.normSq(x.aw) + ")";
          pr.equation("dg^2/dt = 2 g dg/dt = -2 <A g w, A(g w - g* w*)>", dg2, l1);
          pr.equation("= ||A g* w*||^2 - ||A(g w - g* w*)||^2 - ||A g w||^2", l1, l2);
        }), new int[][] {{1, 2}, {2, 2}}, m2a, m2b));

    String mE1 = "delta_t/4 in place of delta_t/2";
    String mE2 = "dg^2/dt = g ||A w||^2 (delta_t - g)";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-c.1#eq-12" + (printed ? "" : "-corrected");
      String disp = (printed ? "dg_t/dt = ||A w_t||^2 (delta_t - g_t)" : "dg_t/dt = ||A w_t||^2 (delta_t/2 - g_t)")
          + "  and  dg_t^2/dt = g_t ||A w_t||^2 (delta_t - 2 g_t),  delta_t = 2 g^* <A w_t, A w^*>/||A w_t||^2   (12)";
      StepSpec s = printed ? StepSpec.finding(id, loc(where + ", eq. (12)", "558-560"), disp)
          : StepSpec.step(id, loc(where + ", eq. (12) (first part corrected)", "558-560"), disp);
      s.run((m, d, mut) -> c1Algebra(id, m, d, mut, (x, pr) -> {
        String delta = "(2*gs*" + Sym.dot(x.aw, x.aws) + "/(" + Sym.normSq(x.aw) + "))";
        String half = printed ? "" : mut.equals(mE1) ? "/4" : "/2";
        if (printed && mut.equals(mE1)) {
          half = "/4";
        }
        pr.equation("dg/dt = ||A w||^2 (delta" + (printed ? "" : "/2") + " - g)", x.dgdt,
            "(" + Sym.normSq(x.aw) + "*(" + delta + half + " - g))");
        pr.equation("dg^2/dt = g ||A w||^2 (delta - 2 g)", "2*g*" + x.dgdt,
            "(g*" + Sym.normSq(x.aw) + "*(" + delta + " - " + (mut.equals(mE2) ? "" : "2*") + "g))");
      }), new int[][] {{1, 2}, {1, 3}}, mE1, mE2);
      if (printed) {
        s.note("FINDING (proof step only): with delta_t = 2 g^* <A w_t, A w^*>/||A w_t||^2, dg/dt = -g ||A w||^2 + "
            + "g^* <A w, A w^*> = ||A w||^2 (delta_t/2 - g) (wu/lemma-c.1#eq-12-corrected); the second part of (12), "
            + "dg^2/dt = g ||A w||^2 (delta_t - 2 g), holds and implies the correction")
            .note("does not affect Lemma C.1 by itself: the proof goes on with the (correct) second part");
      }
      out.add(s);
    }

    String id3 = "wu/lemma-c.1#step-3";
    String m3a = "g^2 ||A w||^2 delta_t in place of g ||A w||^2 delta_t";
    String m3b = "+ g in place of - g";
    out.add(StepSpec.step(id3, loc(where, "562"),
            "||A g^* w^*||^2 - ||A(g_t w_t - g^* w^*)||^2 = g_t ||A w_t||^2 (2 g^* <A w_t, A w^*>/||A w_t||^2 - g_t) "
                + "= g_t ||A w_t||^2 (delta_t - g_t)  (and at t = 0: = ||A w_0||^2 (g_0 delta_0 - g_0^2))")
        .run((m, d, mut) -> c1Algebra(id3, m, d, mut, (x, pr) -> {
          String delta = "(2*gs*" + Sym.dot(x.aw, x.aws) + "/(" + Sym.normSq(x.aw) + "))";
          String left = "(gs^2*" + Sym.normSq(x.aws) + " - " + Sym.normSq(x.diff) + ")";
          String pre = mut.equals(m3a) ? "g^2*" : "g*";
          String l2 = "(" + pre + Sym.normSq(x.aw) + "*(" + delta + (mut.equals(m3b) ? " + " : " - ") + "g))";
          pr.equation("||A g* w*||^2 - ||A(g w - g* w*)||^2 = g ||A w||^2 (delta - g)", left, l2);
          pr.equation("= ||A w||^2 (g delta - g^2)", l2, "(" + Sym.normSq(x.aw) + "*(g*" + delta + " - g^2))");
        }), new int[][] {{1, 2}, {1, 3}}, m3a, m3b));

    String mF1 = "lambda_max g_t in place of lambda_max g_t^2";
    String mF2 = "(delta_0 + g_0) in place of (delta_0 - g_0)";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-c.1#eq-14" + (printed ? "" : "-corrected");
      String dd = printed ? "delta" : "delta_0";
      String disp = "||A g^* w^*||^2 - ||A(g_0 w_0 - g^* w^*)||^2 - lambda_max g_t^2 = lambda_max (((" + dd
          + " - g_0)/lambda_max) g_0 ||A w_0||^2 - g_t^2)   (14)";
      StepSpec s = printed ? StepSpec.finding(id, loc(where + ", eq. (14), the equality", "576-578"), disp)
          : StepSpec.step(id, loc(where + ", eq. (14), the equality (delta_0 for delta)", "576-578"), disp);
      s.run((m, d, mut) -> c1Algebra(id, m, d, mut, (x, pr) -> {
        String delta0 = "(2*gs*" + Sym.dot(x.aw, x.aws) + "/(" + Sym.normSq(x.aw) + "))";
        String dlt = printed ? "dl" : delta0;
        String left = "(gs^2*" + Sym.normSq(x.aws) + " - " + Sym.normSq(x.diff) + " - lam*" + (mut.equals(mF1) ? "gt" : "gt^2") + ")";
        String right = "(lam*((" + dlt + (mut.equals(mF2) ? " + " : " - ") + "g)/lam*g*" + Sym.normSq(x.aw) + " - gt^2))";
        pr.step("at t = 0 (g, w stand for g_0, w_0; g_t is a separate symbol gt; delta the lemma's small constant dl)");
        pr.equation("(14): left = right", left, right);
        pr.variable("lam", 0.5, 3).variable("gt", -2, 2).variable("dl", 0.01, 0.5);
      }), new int[][] {{1, 2}, {1, 3}}, mF1, mF2);
      if (printed) {
        s.note("FINDING (proof step only): by the previous display ||A g^* w^*||^2 - ||A(g_0 w_0 - g^* w^*)||^2 = "
            + "(delta_0 - g_0) g_0 ||A w_0||^2 (delta_0 = 2 g^* <A w_0, A w^*>/||A w_0||^2), so (14) needs delta_0 where it "
            + "prints delta, the lemma's small constant (wu/lemma-c.1#eq-14-corrected); the same delta for delta_0 appears in "
            + "the solution and in s after (14)")
            .note("may affect the explicit time s of Lemma C.1 (written with delta); not checked");
      }
      out.add(s);
    }

    String mG1 = "e^(-2 lambda t) in place of e^(-lambda t)";
    String mG2 = "- K in place of + K";
    for (boolean printed : new boolean[] {true, false}) {
      String id = "wu/lemma-c.1#step-4" + (printed ? "" : "-corrected");
      String g0 = printed ? "g_0" : "g_0^2";
      String disp = "solving (14) gives g_t^2 >= (" + g0 + " - K) e^(-lambda_max t) + K,  K = ((delta - g_0)/lambda_max) g_0 ||A w_0||^2";
      StepSpec s = printed ? StepSpec.finding(id, loc(where + ", solution of (14)", "580-582"), disp)
          : StepSpec.step(id, loc(where + ", solution of (14) (g_0^2 for g_0)", "580-582"), disp);
      s.run((m, d, mut) -> {
        Problem p = start(id, "scalar (symbolic lambda, K, g_0, t)", mut);
        String e = mut.equals(mG1) ? "Exp(-2*lam*t)" : "Exp(-lam*t)";
        String y = "((" + (printed ? "g0" : "g0^2") + " - KK)*" + e + (mut.equals(mG2) ? " - " : " + ") + "KK)";
        p.step("(14) as an equation: d(g^2)/dt = lambda (K - g^2) with g^2(0) = g_0^2; the comparison principle then gives "
            + "the bound; checked: the printed function solves the ODE and takes the initial value");
        p.equation("d/dt y = lambda (K - y)", "D(" + y + ", t)", "lam*(KK - " + y + ")");
        p.equation("y(0) = g_0^2", "ReplaceAll(" + y + ", t->0)", "g0^2");
        return p.variable("lam", 0.5, 3).variable("KK", -2, 2).variable("g0", 0.1, 3).variable("t", 0, 3).build();
      }, new int[][] {{0, 0}}, mG1, mG2);
      if (printed) {
        s.note("FINDING (proof step only): the solution of d(g^2)/dt = lambda (K - g^2) from g_0^2 is (g_0^2 - K) e^(-lambda t) "
            + "+ K; the display prints g_0 for g_0^2 (wu/lemma-c.1#step-4-corrected)")
            .note("may affect the time s after it (its log argument is built from the printed solution); not checked");
      }
      out.add(s);
    }
    return out;
  }

  /** The objects of Lemma C.1's algebra: A w, A w*, A(g w - g* w*), and the proof's dg/dt (c = 1). */
  private record C1(List<String> aw, List<String> aws, List<String> diff, String dgdt) {}

  private interface C1Body {
    void accept(C1 x, Problem p);
  }

  private static Case c1Algebra(String id, int m, int d, String mut, C1Body body) {
    WuModel wm = WuModel.symbolic(m, d);
    List<String> w = wm.w();
    List<String> ws = Sym.vec("z", d);
    Problem p = start(id, wm.dims() + " " + wm.over("g, w, g*, w* = z"), mut);
    List<String> aw = wm.times(w);
    List<String> aws = wm.times(ws);
    List<String> diff = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      diff.add("(g*" + aw.get(i) + " - gs*" + aws.get(i) + ")");
    }
    String dgdt = "(-" + Sym.dot(aw, diff) + ")";
    p.step("dg/dt := -<A w, A(g w - g* w*)> (the proof's first display, rate c = 1); w, w* free vectors");
    body.accept(new C1(aw, aws, diff, dgdt), p);
    for (int i = 1; i <= m; i++) {
      for (int k = 1; k <= d; k++) {
        p.variable(Sym.a(i, k), -2, 2);
      }
    }
    return p.variable("g", -2, 2).variable("gs", -2, 2).variables(w, -2, 2).variables(ws, -2, 2).build();
  }
}
