package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Sphere;

/**
 * The displayed identities in the appendix proofs of the EWN paper (Morwani and Ramaswamy,
 * 004_d2ed0280bb71d0bc.txt, an OCR whose formulas are quoted as ewn.md reconstructs them),
 * proved symbolically in small fixed dimensions (one node, d = 2, 3; nets with 3 weights; 2 x 2
 * layers). As in {@link EwnTheorem1}, L(w) enters through its gradient G = grad_{w_u} L with
 * symbolic entries (the chain rule needs nothing else); ||v|| = 1 is imposed, where the proof
 * uses it, after differentiating. GD steps are (11), (12) with ||v|| free: under GD ||v_u|| grows.
 */
final class EwnProofSteps {
  private EwnProofSteps() {}

  private static final String SRC = "004_d2ed0280bb71d0bc.txt";

  static String loc(String where, String lines) {
    return "Morwani and Ramaswamy, " + where + " (" + SRC + ", lines " + lines + ")";
  }

  private static Problem start(String id, String dims, String mut) {
    Problem p = Problem.of(id, dims);
    if (!mut.isEmpty()) {
      p.control(mut);
    }
    return p;
  }

  static List<StepSpec> specs() {
    List<StepSpec> s = new ArrayList<>();
    s.addAll(appendixA());
    s.add(decomposition());
    s.add(eq35());
    s.add(corollaryDirection());
    s.addAll(appendixG2());
    s.add(lemma3Split());
    s.add(chiEquivalence());
    s.addAll(appendixH());
    return s;
  }

  // --- App. A: Theorem 1 -------------------------------------------------------------------------

  private static List<String> scaled(String s, List<String> v) {
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add("(" + s + ")*(" + x + ")"));
    return out;
  }

  static List<StepSpec> appendixA() {
    List<StepSpec> out = new ArrayList<>();
    for (EwnTheorem1.Kind kind : EwnTheorem1.Kind.values()) {
      boolean ewn = kind == EwnTheorem1.Kind.EWN;
      String id = ewn ? "ewn/theorem-1#step-1" : "ewn/theorem-1#step-4";
      String m1 = ewn ? "grad_alpha L without the factor e^alpha" : "grad_gamma L with the factor gamma";
      String m2 = "projector dropped (I in place of I - v v^T/||v||^2)";
      String m3 = "1/||v||^2 in place of 1/||v|| in grad_v L";
      String p = kind.param;
      String sc = kind.scale;
      out.add(StepSpec.step(id, loc(ewn ? "App. A.1, proof of Theorem 1 (EWN)" : "App. A.2, proof of Theorem 1 (SWN)",
              ewn ? "493-507" : "531-537"),
              ewn ? "w_u = e^(alpha_u) v_u/||v_u||: grad_{alpha_u} L = e^(alpha_u) v_u^T grad_{w_u} L/||v_u||, grad_{v_u} L = "
                  + "(e^(alpha_u)/||v_u||)(I - v_u v_u^T/||v_u||^2) grad_{w_u} L"
                  : "w_u = gamma_u v_u/||v_u||: grad_{gamma_u} L = v_u^T grad_{w_u} L/||v_u||, grad_{v_u} L = (gamma_u/||v_u||)"
                  + "(I - v_u v_u^T/||v_u||^2) grad_{w_u} L")
          .run((n, depth, mut) -> {
            List<String> v = Sym.vec("v", n);
            List<String> g = Sym.vec("g", n);
            String nv = Sym.norm(v);
            String vg = Sym.dot(v, g);
            Problem pr = start(id, "d=" + n + " (symbolic " + p + ", v free, G)", mut);
            List<String> w = scaled(sc + "/" + nv, v);
            String lw = Sym.dot(w, g); // L to first order at w: its gradient is G
            String front = ewn ? (mut.equals(m1) ? "" : "Exp(alpha)*") : (mut.equals(m1) ? "gam*" : "");
            pr.step("chain rule: the gradients of L(w(" + p + ", v)) are Symja's D of w^T G (G = grad_w L at the point)");
            pr.equation("grad_" + p + " L", "D(" + lw + ", " + p + ")", front + vg + "/" + nv);
            String coeff = "(" + sc + "/" + (mut.equals(m3) ? "(" + Sym.normSq(v) + ")" : nv) + ")";
            for (int k = 0; k < n; k++) {
              String proj = mut.equals(m2) ? g.get(k) : "(" + g.get(k) + " - " + v.get(k) + "*" + vg + "/(" + Sym.normSq(v) + "))";
              pr.equation("grad_v" + (k + 1) + " L", "D(" + lw + ", " + v.get(k) + ")", coeff + "*" + proj);
            }
            return pr.variable(p, ewn ? -1 : 0.2, ewn ? 1 : 2).variables(v, 0.3, 2).variables(g, -2, 2).build();
          }, new int[][] {{2, 0}, {3, 0}}, m1, m2, m3));
    }

    String id2 = "ewn/theorem-1#step-2";
    String m21 = "(I - v v^T) in place of (I - v v^T/||v||^2) (||v|| free)";
    String m22 = "dv/dt without the projector";
    out.add(StepSpec.step(id2, loc("App. A.1 (EWN), from (8); for (17) A.2 says 'similar to EWN'", "516-520"),
            "d||v_u(t)||^2/dt = 2 v_u(t)^T dv_u(t)/dt = 0, so ||v_u(t)|| = ||v_u(0)|| = 1")
        .run((n, depth, mut) -> {
          EwnTheorem1.Kind kind = depth == 0 ? EwnTheorem1.Kind.EWN : EwnTheorem1.Kind.SWN;
          List<String> v = Sym.vec("v", n);
          List<String> g = Sym.vec("g", n);
          Problem pr = start(id2, kind + " d=" + n + " (symbolic " + kind.param + ", v free, G, eta)", mut);
          List<String> dv = EwnTheorem1.flowV(kind, v, g);
          if (!mut.isEmpty()) {
            String vg = Sym.dot(v, g);
            dv = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              String proj = mut.equals(m22) ? g.get(k) : "(" + g.get(k) + " - " + v.get(k) + "*" + vg + ")";
              dv.add("(-eta*(" + kind.scale + "/" + Sym.norm(v) + ")*" + proj + ")");
            }
          }
          List<String> terms = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            terms.add("D(" + Sym.normSq(v) + ", " + v.get(k) + ")*" + dv.get(k));
          }
          pr.define("dv/dt (" + (kind == EwnTheorem1.Kind.EWN ? "8" : "17") + ", general form)", "{" + String.join(", ", dv) + "}");
          pr.equation("d||v||^2/dt = 2 v^T dv/dt", Sym.sum(terms), "2*(" + Sym.dot(v, dv) + ")");
          pr.equation("2 v^T dv/dt = 0", "2*(" + Sym.dot(v, dv) + ")", "0");
          return pr.variable(kind.param, 0.2, 1).variables(v, 0.3, 2).variables(g, -2, 2).variable("eta", 0.1, 2).build();
        }, new int[][] {{2, 0}, {3, 0}, {2, 1}, {3, 1}}, m21, m22));

    String id3 = "ewn/theorem-1#step-3";
    String m31 = "+eta e^(2 alpha)(v^T G) v (sign of the radial term)";
    String m32 = "-eta e^alpha G in the last line";
    out.add(StepSpec.step(id3, loc("App. A.1, proof of Theorem 1 (EWN), with ||v_u|| = 1", "519-524"),
            "dw_u/dt = d(e^(alpha_u) v_u)/dt = e^(alpha_u)(-eta e^(alpha_u)(I - v_u v_u^T) grad_{w_u} L) - eta e^(2 alpha_u)"
                + "(v_u^T grad_{w_u} L) v_u = -eta e^(2 alpha_u) grad_{w_u} L")
        .run((n, depth, mut) -> appendixAChain(id3, EwnTheorem1.Kind.EWN, n, mut, mut.equals(m31), mut.equals(m32)),
            new int[][] {{2, 0}, {3, 0}}, m31, m32));
    String id5 = "ewn/theorem-1#step-5";
    String m51 = "(1 + gamma^2) in place of (1 - gamma^2)";
    String m52 = "(1 - gamma^2)/gamma in place of (1 - gamma^2)/gamma^2 in the last line";
    out.add(StepSpec.step(id5, loc("App. A.2, proof of Theorem 1 (SWN), with ||v_u|| = 1", "548-556"),
            "dw_u/dt = d(gamma_u v_u)/dt = gamma_u(-eta gamma_u (I - v_u v_u^T) grad_{w_u} L) - eta (v_u^T grad_{w_u} L) v_u = "
                + "-eta(gamma_u^2 grad_{w_u} L + (1 - gamma_u^2)(v_u^T grad_{w_u} L) v_u) = -eta(gamma_u^2 grad_{w_u} L + "
                + "((1 - gamma_u^2)/gamma_u^2)(w_u^T grad_{w_u} L) w_u)")
        .run((n, depth, mut) -> appendixAChain(id5, EwnTheorem1.Kind.SWN, n, mut, mut.equals(m51), mut.equals(m52)),
            new int[][] {{2, 0}, {3, 0}}, m51, m52));
    return out;
  }

  /** The chain of A.1 / A.2 at ||v|| = 1: the product rule, the printed middle line(s), the last line. */
  private static Case appendixAChain(String id, EwnTheorem1.Kind kind, int n, String mut, boolean m1, boolean m2) {
    List<String> v = Sym.vec("v", n);
    List<String> g = Sym.vec("g", n);
    String p = kind.param;
    String s = kind.scale;
    String vg = Sym.dot(v, g);
    Problem pr = start(id, "d=" + n + " ||v|| = 1 (symbolic " + p + ", v, G, eta)", mut);
    // the flows (7), (8) / (16), (17) at ||v|| = 1, as the display uses them
    String dp = kind == EwnTheorem1.Kind.EWN ? "(-eta*Exp(alpha)*" + vg + ")" : "(-eta*" + vg + ")";
    List<String> dv = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      dv.add("(-eta*" + s + "*(" + g.get(k) + " - " + v.get(k) + "*" + vg + "))");
    }
    List<String> w = scaled(s, v);
    String wg = Sym.dot(w, g);
    for (int k = 0; k < n; k++) {
      String chain = "D(" + s + "*" + v.get(k) + ", " + p + ")*" + dp + " + " + s + "*" + dv.get(k);
      String line3;
      String last;
      if (kind == EwnTheorem1.Kind.EWN) {
        line3 = "Exp(alpha)*(-eta*Exp(alpha)*(" + g.get(k) + " - " + v.get(k) + "*" + vg + ")) " + (m1 ? "+" : "-")
            + " eta*Exp(2*alpha)*" + vg + "*" + v.get(k);
        last = "-eta*Exp(" + (m2 ? "" : "2*") + "alpha)*" + g.get(k);
        pr.equation("d(e^alpha v" + (k + 1) + ")/dt = line 3", chain, line3);
        pr.equation("line 3 = -eta e^(2 alpha) G" + (k + 1), line3, last);
      } else {
        line3 = "gam*(-eta*gam*(" + g.get(k) + " - " + v.get(k) + "*" + vg + ")) - eta*" + vg + "*" + v.get(k);
        String line4 = "-eta*(gam^2*" + g.get(k) + " + (1 " + (m1 ? "+" : "-") + " gam^2)*" + vg + "*" + v.get(k) + ")";
        last = "-eta*(gam^2*" + g.get(k) + " + ((1 - gam^2)/gam" + (m2 ? "" : "^2") + ")*" + wg + "*" + w.get(k) + ")";
        pr.equation("d(gamma v" + (k + 1) + ")/dt = line 3", chain, line3);
        pr.equation("line 3 = line 4, component " + (k + 1), line3, line4);
        pr.equation("line 4 = line 5 (w = gamma v), component " + (k + 1), line4, last);
      }
    }
    pr.step("product rule on w = " + s + " v with the flows as the display writes them at ||v|| = 1");
    pr.variable(p, kind == EwnTheorem1.Kind.EWN ? -1 : 0.2, kind == EwnTheorem1.Kind.EWN ? 1 : 2);
    return pr.variables(g, -2, 2).variable("eta", 0.1, 2).sphere(Sphere.unit(v, false)).build();
  }

  // --- App. B: the decomposition w = g w~ + r --------------------------------------------------

  /** Phi of a 3-weight net, homogeneous of degree L in w: w3 (w1 x1 + w2 x2)^(L-1) (L = 2: linear, L = 3: ReLU^2 > 0). */
  private static String phi(int degree, String w1, String w2, String w3, String x1, String x2) {
    return "(" + w3 + ")*((" + w1 + ")*" + x1 + " + (" + w2 + ")*" + x2 + ")^" + (degree - 1);
  }

  static StepSpec decomposition() {
    String id = "ewn/proposition-1#step-1";
    String m1 = "g^L in place of g^(L-1) in front of grad Phi";
    String m2 = "g^(L-1) in place of g^L in the exponent";
    String m3 = "-grad L = -sum l_i y_i grad Phi (sign)";
    return StepSpec.step(id, loc("App. B, proof of Proposition 1, with w(t) = g(t) w~ + r(t)", "560-567"),
            "-grad_w L(w(t)) = sum_i l_i(w(t)) y_i grad_w Phi(w(t), x_i), l_i = e^(-y_i Phi(w(t), x_i)) = e^(-g(t)^L y_i "
                + "Phi(w~ + r(t)/g(t), x_i)), grad_w Phi(w(t), x_i) = g(t)^(L-1) grad_w Phi(w~ + r(t)/g(t), x_i)")
        .run((n, depth, mut) -> {
          Problem pr = start(id, "m=2, 3 weights, L=" + depth + " (Phi = w3 (w1 x1 + w2 x2)^(L-1); symbolic w~, r, g > 0, "
              + "x_i, y_i)", mut);
          List<String> u = Sym.vec("u", 3);
          List<String> r = Sym.vec("r", 3);
          List<String> w = new ArrayList<>();
          List<String> z = new ArrayList<>();
          for (int k = 0; k < 3; k++) {
            w.add("(g*" + u.get(k) + " + " + r.get(k) + ")");
            z.add("(" + u.get(k) + " + " + r.get(k) + "/g)");
          }
          List<String> lossTerms = new ArrayList<>();
          String[] wv = {"w1", "w2", "w3"};
          for (int i = 1; i <= 2; i++) {
            String x1 = "x" + i + "a";
            String x2 = "x" + i + "b";
            String phiW = phi(depth, w.get(0), w.get(1), w.get(2), x1, x2);
            String phiZ = phi(depth, z.get(0), z.get(1), z.get(2), x1, x2);
            String expo = mut.equals(m2) ? "g^" + (depth - 1) : "g^" + depth;
            pr.equation("l_" + i + " exponent: y_i Phi(g w~ + r) = g^L y_i Phi(w~ + r/g)", "y" + i + "*" + phiW,
                expo + "*y" + i + "*" + phiZ);
            String sym = phi(depth, "w1", "w2", "w3", x1, x2);
            for (int k = 0; k < 3; k++) {
              String grad = "D(" + sym + ", " + wv[k] + ")";
              String atW = "ReplaceAll(" + grad + ", {w1->" + w.get(0) + ", w2->" + w.get(1) + ", w3->" + w.get(2) + "})";
              String atZ = "ReplaceAll(" + grad + ", {w1->" + z.get(0) + ", w2->" + z.get(1) + ", w3->" + z.get(2) + "})";
              pr.equation("grad_" + (k + 1) + " Phi(w(t), x_" + i + ") = g^(L-1) grad_" + (k + 1) + " Phi(w~ + r/g, x_" + i + ")",
                  atW, "g^" + (mut.equals(m1) ? depth : depth - 1) + "*" + atZ);
            }
            lossTerms.add("Exp(-y" + i + "*" + sym + ")");
            pr.variable(x1, -2, 2).variable(x2, -2, 2).variable("y" + i, -1, 1);
          }
          String loss = String.join(" + ", lossTerms);
          for (int k = 0; k < 3; k++) {
            List<String> rhs = new ArrayList<>();
            for (int i = 1; i <= 2; i++) {
              rhs.add("Exp(-y" + i + "*" + phi(depth, "w1", "w2", "w3", "x" + i + "a", "x" + i + "b") + ")*y" + i + "*D("
                  + phi(depth, "w1", "w2", "w3", "x" + i + "a", "x" + i + "b") + ", " + wv[k] + ")");
            }
            pr.equation("-grad_" + (k + 1) + " L = sum l_i y_i grad_" + (k + 1) + " Phi", (mut.equals(m3) ? "" : "-") + "D(" + loss
                + ", " + wv[k] + ")", String.join(" + ", rhs));
          }
          pr.step("exponential loss L = sum_i e^(-y_i Phi(w, x_i)); w = g w~ + r substituted after differentiating");
          return pr.variables(u, -2, 2).variables(r, -1, 1).variable("g", 0.5, 3).variables(List.of(wv), -2, 2).build();
        }, new int[][] {{1, 2}, {1, 3}}, m1, m2, m3)
        .note("the net: Phi(w, x) = w3 (w1 x1 + w2 x2)^(L-1), homogeneous of degree L (L = 2: a 2-layer linear net; L = 3: "
            + "the ReLU^2 unit of Lin-Sep where it is active); the identities need only (L3) of ewn.md 1.5");
  }

  // --- App. F: Corollary 1 ---------------------------------------------------------------------

  static StepSpec eq35() {
    String id = "ewn/corollary-1#eq-35";
    String m1 = "x_i (W_n...W_2) in place of (W_n...W_2)^T x_i^T (the outer product transposed)";
    String m2 = "+ sum in place of - sum";
    String m3 = "l_i dropped";
    return StepSpec.step(id, loc("App. F, proof of Corollary 1", "1671-1683"),
            "(35) dL(w(t))/dW_1(t) = -sum_i l_i(t) y_i (W_n(t) W_{n-1}(t) ... W_2(t))^T x_i^T")
        .run((n, depth, mut) -> {
          Problem pr = start(id, "n=" + depth + " layers, d = h = 2, m = 2 (symbolic weights, x_i, y_i)", mut);
          // W1: 2x2 entries a[j][k]; W2..W_{n-1}: 2x2; W_n: 1x2. c = (W_n ... W_2)^T as a 2-vector.
          List<String> c = List.of("b1", "b2");
          if (depth == 3) {
            // (W3 W2)^T with W3 = (b1, b2), W2 = e_jk
            c = List.of("(b1*e11 + b2*e21)", "(b1*e12 + b2*e22)");
          }
          String[][] a = {{"a11", "a12"}, {"a21", "a22"}};
          List<String> loss = new ArrayList<>();
          List<String> f = new ArrayList<>();
          for (int i = 1; i <= 2; i++) {
            String x1 = "x" + i + "a";
            String x2 = "x" + i + "b";
            String h1 = "(a11*" + x1 + " + a12*" + x2 + ")";
            String h2 = "(a21*" + x1 + " + a22*" + x2 + ")";
            String fi = "(" + c.get(0) + "*" + h1 + " + " + c.get(1) + "*" + h2 + ")";
            f.add(fi);
            loss.add("Exp(-y" + i + "*" + fi + ")");
            pr.variable(x1, -2, 2).variable(x2, -2, 2).variable("y" + i, -1, 1);
          }
          String l = String.join(" + ", loss);
          for (int j = 0; j < 2; j++) {
            for (int k = 0; k < 2; k++) {
              List<String> rhs = new ArrayList<>();
              for (int i = 1; i <= 2; i++) {
                String xk = "x" + i + (k == 0 ? "a" : "b");
                String xj = "x" + i + (j == 0 ? "a" : "b");
                String li = mut.equals(m3) ? "1" : "Exp(-y" + i + "*" + f.get(i - 1) + ")";
                String outer = mut.equals(m1) ? c.get(k) + "*" + xj : c.get(j) + "*" + xk;
                rhs.add(li + "*y" + i + "*" + outer);
              }
              pr.equation("dL/dW1[" + (j + 1) + "," + (k + 1) + "]", "D(" + l + ", " + a[j][k] + ")",
                  (mut.equals(m2) ? "" : "-") + "(" + String.join(" + ", rhs) + ")");
            }
          }
          pr.step("f(x) = W_n ... W_2 W_1 x, L = sum_i e^(-y_i f(x_i)); Symja's D in each entry of W_1");
          pr.variables(List.of("a11", "a12", "a21", "a22", "b1", "b2"), -1, 1);
          if (depth == 3) {
            pr.variables(List.of("e11", "e12", "e21", "e22"), -1, 1);
          }
          return pr.build();
        }, new int[][] {{2, 2}, {2, 3}}, m1, m2, m3)
        .note("the OCR's sum runs from i = 0; read as i = 1..m");
  }

  static StepSpec corollaryDirection() {
    String id = "ewn/corollary-1#step-1";
    String m1 = "((W~_n...W~_2)^T)[j] in place of its square";
    String m2 = "lambda_j^2 in place of lambda_j";
    return StepSpec.step(id, loc("App. F, proof of Corollary 1, rows of W~_1 from Proposition 2 and (35)", "1687-1698"),
            "row k of W~_1 = lambda_k ((W~_n...W~_2)^T)[k] sum_i l~_i y_i x_i, so theta~ = mu W~_1^T W~_2^T ... W~_n^T = "
                + "mu sum_{j in S} lambda_j (((W~_n...W~_2)^T)[j])^2 sum_i l~_i y_i x_i")
        .run((n, depth, mut) -> {
          Problem pr = start(id, "h=" + n + " hidden rows, d = 2 (symbolic lambda_j, c_j = ((W~_n...W~_2)^T)[j], s = "
              + "sum l~_i y_i x_i, mu)", mut);
          List<String> lam = Sym.vec("lam", n);
          List<String> c = Sym.vec("c", n);
          for (int k = 1; k <= 2; k++) {
            List<String> lhs = new ArrayList<>();
            List<String> rhs = new ArrayList<>();
            for (int j = 0; j < n; j++) {
              String row = lam.get(j) + "*" + c.get(j) + "*s" + k;
              lhs.add("(" + row + ")*" + c.get(j));
              String lj = mut.equals(m2) ? lam.get(j) + "^2" : lam.get(j);
              rhs.add(lj + "*" + c.get(j) + (mut.equals(m1) ? "" : "^2") + "*s" + k);
            }
            pr.equation("theta~_" + k + " = mu (W~_1^T c)_" + k, "mu*(" + Sym.sum(lhs) + ")", "mu*(" + Sym.sum(rhs) + ")");
          }
          return pr.variables(lam, 0.1, 2).variables(c, -2, 2).variable("s1", -2, 2).variable("s2", -2, 2)
              .variable("mu", 0.1, 2).build();
        }, new int[][] {{2, 0}, {3, 0}}, m1, m2)
        .note("theta = W_1^T W_2^T ... W_n^T = W_1^T c with c = (W_n ... W_2)^T; the rows of W~_1 outside S are 0");
  }

  // --- App. G.2: the EWN GD update in (delta, eps) form and (38) --------------------------------

  static List<StepSpec> appendixG2() {
    List<StepSpec> out = new ArrayList<>();
    String where = "App. G.2, proof of Theorem 3 (EWN GD), from (11), (12)";
    String id1 = "ewn/theorem-3#step-1";
    String m11 = "delta in place of delta cos(eps)";
    String m12 = "delta cos(eps)/||v_u|| in place of delta cos(eps)";
    out.add(StepSpec.step(id1, loc(where, "1838-1845"),
            "with delta_u(t) = eta(t) e^(alpha_u(t)) ||grad_{w_u} L|| and eps_u(t) the angle between v_u(t) and -grad_{w_u} L: "
                + "e^(alpha_u(t+1)) = e^(alpha_u(t)) e^(delta_u(t) cos(eps_u(t)))")
        .run((n, depth, mut) -> {
          Problem pr = start(id1, "d=" + n + " (symbolic alpha, v free, G, eta)", mut);
          G2 s = new G2(n);
          String dc = "(" + s.delta + ")*(" + s.cos + ")";
          String rhs = mut.equals(m11) ? s.delta : mut.equals(m12) ? dc + "/" + s.nv : dc;
          pr.step("as exponents: alpha(t+1) = alpha(t) + delta cos(eps), i.e. e^(alpha(t+1)) = e^(alpha(t)) e^(delta cos(eps))");
          pr.equation("alpha(t+1) of (11) = alpha(t) + delta cos(eps)", s.alphaNext, "alpha + " + rhs);
          return s.vars(pr).build();
        }, new int[][] {{2, 0}, {3, 0}}, m11, m12));

    String id2 = "ewn/theorem-3#step-2";
    String m21 = "delta cos(eps) in place of delta sin(eps)";
    String m22 = "v_u(t) - ... (sign of the step)";
    for (boolean corrected : new boolean[] {false, true}) {
      String id = corrected ? id2 + "-corrected" : id2;
      String display = "v_u(t+1) = v_u(t) + (delta_u(t) sin(eps_u(t))" + (corrected ? "/||v_u(t)||" : "") + ") "
          + "(-grad_{w_u} L)_{v_u(t) perp}/||(-grad_{w_u} L)_{v_u(t) perp}||";
      StepSpec spec = (corrected ? StepSpec.step(id, loc(where + ", with the factor 1/||v_u(t)|| of (12)", "1846-1849"), display)
          : StepSpec.finding(id, loc(where, "1846-1849"), display))
          .run((n, depth, mut) -> {
            Problem pr = start(id, "d=" + n + " (symbolic alpha, v free, G, eta)", mut);
            G2 s = new G2(n);
            String factor = mut.equals(m21) ? "(" + s.delta + ")*(" + s.cos + ")" : "(" + s.delta + ")*(" + s.sin + ")";
            if (corrected) {
              factor = factor + "/" + s.nv;
            }
            String sign = mut.equals(m22) ? " - " : " + ";
            for (int k = 0; k < n; k++) {
              pr.equation("v" + (k + 1) + "(t+1) of (12)", s.vNext.get(k),
                  s.v.get(k) + sign + factor + "*" + s.perp.get(k) + "/" + s.perpNorm);
            }
            return s.vars(pr).build();
          }, new int[][] {{2, 0}, {3, 0}}, m21, m22);
      if (!corrected) {
        spec.note("FINDING (proof step only): (12) moves v_u by (eta e^alpha/||v_u||) times the perpendicular part of "
                + "-grad L, i.e. by delta sin(eps)/||v_u(t)|| along the unit vector; the printed update lacks 1/||v_u(t)|| "
                + "(ewn.md 5 #25, confidence M: the OCR shows no such factor) and holds only while ||v_u(t)|| = 1, which GD "
                + "does not keep (||v_u|| grows, (13)); ewn/theorem-3#step-2-corrected has the factor")
            .note("does not affect the statement: (38), the next display, carries the factor 1/(||v_u(t)|| ||v_u(t+1)||) of the "
                + "corrected update (ewn/theorem-3#eq-38 is proved with it), and the proof bounds 1/(||v|| ||v(t+1)||) by a "
                + "constant");
      }
      out.add(spec);
    }

    String id3 = "ewn/theorem-3#eq-38";
    String m31 = "e^(alpha_u(t)) in place of e^(alpha_u(t+1)) in the second term";
    String m32 = "1/||v_u(t)||^2 in place of 1/(||v_u(t)|| ||v_u(t+1)||)";
    String m33 = "the v-update as printed in G.2 (no 1/||v_u(t)||)";
    out.add(StepSpec.step(id3, loc(where, "1850-1857"),
            "(38) e^(alpha(t+1)) v(t+1)/||v(t+1)|| - e^(alpha(t)) v(t)/||v(t)|| = e^(alpha(t))(e^(delta cos(eps)) ||v(t)||/"
                + "||v(t+1)|| - 1) v(t)/||v(t)|| + (e^(alpha(t+1)) delta sin(eps)/(||v(t)|| ||v(t+1)||)) (-grad L)_perp/"
                + "||(-grad L)_perp||")
        .run((n, depth, mut) -> {
          Problem pr = start(id3, "d=" + n + " (symbolic alpha, v free, G, eta)", mut);
          G2 s = new G2(n);
          // e^(alpha(t+1)) = e^alpha e^(delta cos eps) (#step-1); one atom E for e^(delta cos eps) on both sides
          String e1 = "Exp(alpha)";
          String e2 = "Exp(" + s.deltaCos + ")";
          List<String> vn = mut.equals(m33) ? s.vNextPrinted : s.vNext;
          String nn = "Sqrt(" + Sym.normSq(vn) + ")";
          String nnRhs = "Sqrt(" + Sym.normSq(s.vNext) + ")";
          for (int k = 0; k < n; k++) {
            String lhs = e1 + "*" + e2 + "*" + vn.get(k) + "/" + nn + " - " + e1 + "*" + s.v.get(k) + "/" + s.nv;
            String second = (mut.equals(m31) ? e1 : e1 + "*" + e2) + "*(" + s.delta + ")*(" + s.sin + ")/("
                + (mut.equals(m32) ? s.nv + "^2" : s.nv + "*" + nnRhs) + ")*" + s.perp.get(k) + "/" + s.perpNorm;
            String rhs = e1 + "*(" + e2 + "*" + s.nv + "/" + nnRhs + " - 1)*" + s.v.get(k) + "/" + s.nv + " + " + second;
            pr.equation("(38), component " + (k + 1), lhs, rhs);
          }
          pr.step("v(t+1) by (12) (= ewn/theorem-3#step-2-corrected), e^(alpha(t+1)) = e^alpha e^(delta cos(eps)) (#step-1)");
          return s.vars(pr).build();
        }, new int[][] {{2, 0}}, m31, m32, m33)
        .note("proved for one node in d = 2 only: the nested square roots of ||v(t+1)|| make d = 3 cost ~20 s of Symja, and "
            + "the identity is componentwise the same algebra in any d"));
    return out;
  }

  /** The symbols of G.2 for one node: v free, G, delta, cos/sin of eps, the perpendicular part, the GD step. */
  private static final class G2 {
    final List<String> v;
    final List<String> g;
    final String nv;
    final String gn;
    final String delta;
    final String cos;
    final String sin;
    final String deltaCos;
    final List<String> perp = new ArrayList<>();
    final String perpNorm;
    final String alphaNext;
    final List<String> vNext = new ArrayList<>();
    final List<String> vNextPrinted = new ArrayList<>();

    G2(int n) {
      v = Sym.vec("v", n);
      g = Sym.vec("g", n);
      nv = Sym.norm(v);
      gn = Sym.norm(g);
      String vg = Sym.dot(v, g);
      delta = "eta*Exp(alpha)*" + gn;
      cos = "(-(" + vg + ")/(" + nv + "*" + gn + "))";
      for (int k = 0; k < n; k++) {
        perp.add("(-(" + g.get(k) + " - " + v.get(k) + "*" + vg + "/(" + Sym.normSq(v) + ")))");
      }
      perpNorm = "Sqrt(" + Sym.normSq(perp) + ")";
      sin = "(" + perpNorm + "/" + gn + ")";
      deltaCos = "-eta*Exp(alpha)*(" + vg + ")/" + nv;
      alphaNext = "alpha - eta*Exp(alpha)*(" + vg + ")/" + nv;
      for (int k = 0; k < n; k++) {
        vNext.add("(" + v.get(k) + " + eta*Exp(alpha)/" + nv + "*" + perp.get(k) + ")");
        vNextPrinted.add("(" + v.get(k) + " + eta*Exp(alpha)*" + perp.get(k) + ")");
      }
    }

    Problem vars(Problem pr) {
      return pr.variable("alpha", -1, 1).variables(v, 0.3, 2).variables(g, -2, 2).variable("eta", 0.1, 1);
    }
  }

  // --- App. I: Lemma 3, the two splittings ------------------------------------------------------

  static StepSpec lemma3Split() {
    String id = "ewn/lemma-3#step-5";
    String m1 = "(c - a)^T (d - b) dropped";
    String m2 = "b^T (c - a) counted twice";
    return StepSpec.step(id, loc("App. I, proof of Lemma 3", "2055-2060"),
            "b^T c = b^T (a + c - a) = b^T a + b^T (c - a); c^T d = (a + c - a)^T (b + d - b) = a^T b + a^T (d - b) + b^T (c - a) "
                + "+ (c - a)^T (d - b)")
        .run((n, depth, mut) -> {
          Problem pr = start(id, "R^" + n + " (symbolic a, b, c, d)", mut);
          List<String> a = Sym.vec("a", n);
          List<String> b = Sym.vec("b", n);
          List<String> c = Sym.vec("c", n);
          List<String> d = Sym.vec("d", n);
          List<String> ca = new ArrayList<>();
          List<String> db = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            ca.add("(" + c.get(k) + " - " + a.get(k) + ")");
            db.add("(" + d.get(k) + " - " + b.get(k) + ")");
          }
          pr.equation("b^T c", Sym.dot(b, c), Sym.dot(b, a) + " + " + Sym.dot(b, ca));
          String last = mut.equals(m1) ? "" : " + " + Sym.dot(ca, db);
          String twice = mut.equals(m2) ? " + " + Sym.dot(b, ca) : "";
          pr.equation("c^T d", Sym.dot(c, d), Sym.dot(a, b) + " + " + Sym.dot(a, db) + " + " + Sym.dot(b, ca) + twice + last);
          return pr.variables(a, -1, 1).variables(b, -1, 1).variables(c, -1, 1).variables(d, -1, 1).build();
        }, new int[][] {{2, 0}, {3, 0}}, m1, m2)
        .note("plain algebra, for all vectors; the unit norms enter only in the bounds after it (ewn/lemma-3#step-1..4)");
  }

  // --- App. E.1.2 / E.2.2: the chain of equivalent inequalities in chi ------------------------

  static StepSpec chiEquivalence() {
    String id = "ewn/proposition-3#step-7";
    String m1 = "(sqrt(||v||^2 + chi^2) + ||v||) in place of (sqrt(||v||^2 + chi^2) - ||v||)";
    String m2 = "chi^2 in place of chi in the last denominator";
    return StepSpec.step(id, loc("App. E.1.2 (SWN GD), proof of part 1b (E.2.2 repeats it)", "1328-1344"),
            "with chi = eta gamma_u/||v_u|| ||grad_u L|| and N = v_u^T g~_u/(||v_u|| ||g~_u||): N ||v_u||/sqrt(||v_u||^2 + chi^2) + "
                + "(cos(tau) - cos(beta)) chi/sqrt(||v_u||^2 + chi^2) > N <=> (cos(tau) - cos(beta)) > N (sqrt(||v_u||^2 + chi^2) - "
                + "||v_u||)/chi")
        .run((n, depth, mut) -> {
          Problem pr = start(id, "scalars (symbolic N, ||v|| = nv, chi > 0, cos(tau) = ct, cos(beta) = cb)", mut);
          String sq = "Sqrt(nv^2 + chi^2)";
          String first = "N*nv/" + sq + " + (ct - cb)*chi/" + sq + " - N";
          String last = "(ct - cb) - N*(" + sq + (mut.equals(m1) ? " + " : " - ") + "nv)/chi" + (mut.equals(m2) ? "^2" : "");
          pr.step("the first inequality's slack is chi/sqrt(||v||^2 + chi^2) > 0 times the last one's: the two are equivalent");
          pr.equation("(first lhs - rhs) sqrt(||v||^2 + chi^2)/chi = last lhs - rhs", "(" + first + ")*" + sq + "/chi", last);
          return pr.variable("N", -1, 1).variable("nv", 1, 3).variable("chi", 0.05, 2).variable("ct", -1, 1).variable("cb", -1, 1)
              .build();
        }, new int[][] {{1, 0}}, m1, m2)
        .note("the intermediate lines of the chain (OCR lines 1331-1343) are the same inequality rearranged; the next claim, "
            + "'as chi -> 0 the right side tends to 0', is the limit (sqrt(||v||^2 + chi^2) - ||v||)/chi -> 0");
  }

  // --- App. H: cross-entropy -----------------------------------------------------------------------

  /** Output j of a 3-class net of degree L: c_j (b1 x1 + b2 x2)^(L-1) (one hidden unit shared by the classes). */
  private static String phiJ(int degree, int j, String x1, String x2) {
    return "c" + j + "*(b1*" + x1 + " + b2*" + x2 + ")^" + (degree - 1);
  }

  private static final List<String> H_WEIGHTS = List.of("b1", "b2", "c1", "c2", "c3");

  static List<StepSpec> appendixH() {
    List<StepSpec> out = new ArrayList<>();
    String id2 = "ewn/appendix-h#step-1";
    String m21 = "(L - 1) in place of L";
    String m22 = "the factor L dropped";
    for (boolean corrected : new boolean[] {false, true}) {
      String sid = corrected ? id2 + "-corrected" : id2;
      String display = corrected
          ? "w~^T (grad_w Phi_{y_i}(w~, x_i) - grad_w Phi_j(w~, x_i)) = L (Phi_{y_i}(w~, x_i) - Phi_j(w~, x_i))"
          : "w~^T (grad_w Phi_j(w~, x_i) - grad_w Phi_{y_i}(w~, x_i)) = L (Phi_{y_i}(w~, x_i) - Phi_j(w~, x_i)) > 0";
      StepSpec spec = (corrected ? StepSpec.step(sid, loc("App. H.3, proof of Proposition 5 (i), Euler, the sides in the same order",
          "1971-1972"), display) : StepSpec.finding(sid, loc("App. H.3, proof of Proposition 5 (i), Euler", "1971-1972"), display))
          .run((n, depth, mut) -> {
            Problem pr = start(sid, "k=3 classes, L=" + depth + " (Phi_j = c_j (b^T x)^(L-1); symbolic b, c, x; y = 1, j = 2)", mut);
            String py = phiJ(depth, 1, "x1", "x2");
            String pj = phiJ(depth, 2, "x1", "x2");
            List<String> terms = new ArrayList<>();
            for (String w : H_WEIGHTS) {
              String first = corrected ? py : pj;
              String second = corrected ? pj : py;
              terms.add(w + "*(D(" + first + ", " + w + ") - D(" + second + ", " + w + "))");
            }
            String factor = mut.equals(m21) ? String.valueOf(depth - 1) : mut.equals(m22) ? "1" : String.valueOf(depth);
            pr.equation("Euler on Phi_{y} - Phi_j", Sym.sum(terms), factor + "*(" + py + " - " + pj + ")");
            return pr.variables(H_WEIGHTS, -1, 1).variable("x1", -2, 2).variable("x2", -2, 2).build();
          }, new int[][] {{1, 2}, {1, 3}}, m21, m22);
      if (!corrected) {
        spec.note("FINDING (proof step only): by Euler the left side is L (Phi_j - Phi_{y_i}), the negative of the right side, "
                + "which is > 0 for j != y_i when rho > 0; the order on the left is swapped (ewn.md 5 #32 reads it as an OCR "
                + "swap, but the OCR keeps the two terms in this order); ewn/appendix-h#step-1-corrected has the sides in "
                + "the same order")
            .note("does not affect the statement: the next line uses only ||grad Phi_j(w~, x_i) - grad Phi_{y_i}(w~, x_i)|| > 0, "
                + "which either order gives");
      }
      out.add(spec);
    }
    return out;
  }
}
