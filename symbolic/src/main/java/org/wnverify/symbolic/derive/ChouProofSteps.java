package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Sphere;

/**
 * The displayed steps of the proofs of Chou, Rauhut, Ward (Section 3; the formulas as printed in
 * 000_5b7b2fae69929679.txt) that are identities, proved symbolically in small fixed dimensions
 * (M = 1 with symbolic A and b; N = 2, 3; the depths the display concerns). A chain a = b = c is
 * one step with one component per link. Steps along the flows use Symja's own derivatives of the
 * losses (10), (12) for the flows (11), (13)-(14); (I - A^+A) enters through a basis k of ker A
 * (k^T v = 0 iff (I - A^+A) v = 0) or, where a step takes entrywise logs or quotients of a
 * projected vector, as the explicit projector I - a a^T/||a||^2. A step "solved by integration"
 * (a separable ODE integrated from 0 to t) is checked as what that means: the difference (or the
 * ratio) of its two sides has time derivative 0 along the flow and vanishes (is 1) at t = 0.
 */
final class ChouProofSteps {
  private ChouProofSteps() {}

  private static final String SRC = "000_5b7b2fae69929679.txt";

  static String loc(String where, String lines) {
    return "Chou, Rauhut, Ward, " + where + " (" + SRC + ", lines " + lines + ")";
  }

  private static Problem start(String id, String dims, String mut) {
    Problem p = Problem.of(id, dims);
    if (!mut.isEmpty()) {
      p.control(mut);
    }
    return p;
  }

  /** A^T (A x^L - b), entry by entry. */
  private static List<String> atr(ChouModel cm, List<String> x) {
    List<String> res = cm.residuals(x);
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= cm.n; k++) {
      List<String> col = new ArrayList<>();
      for (int i = 1; i <= cm.m; i++) {
        col.add("(" + cm.a(i, k) + ")*" + res.get(i - 1));
      }
      out.add(Sym.sum(col));
    }
    return out;
  }

  /** (22) with exponent e on x: [A^T (A x^L - b)] .* x^e (printed: e = L - 1). */
  private static List<String> grad22(ChouModel cm, List<String> x, int e) {
    List<String> a = atr(cm, x);
    List<String> g = new ArrayList<>();
    for (int k = 0; k < cm.n; k++) {
      g.add("(" + a.get(k) + "*(" + x.get(k) + ")^(" + e + "))");
    }
    return g;
  }

  private static List<String> times(String s, List<String> v) {
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add("(" + s + ")*(" + x + ")"));
    return out;
  }

  private static String dt(String expr, List<String> vars, List<String> rates) {
    List<String> t = new ArrayList<>();
    for (int j = 0; j < vars.size(); j++) {
      t.add("D(" + expr + ", " + vars.get(j) + ")*" + rates.get(j));
    }
    return Sym.sum(t);
  }

  /** The WN flow (13)-(14) of one size: loss, x = r u/||u||, rates of r and u. */
  private static final class Wn {
    final ChouModel cm;
    final List<String> u;
    final String loss;
    final String nsq;
    final List<String> x;
    final String dr;
    final List<String> du;
    final List<String> state;
    final List<String> rates;

    Wn(int n, int depth, String etaR, String etaU) {
      cm = ChouModel.symbolic(1, n, depth);
      u = Sym.vec("u", n);
      loss = cm.lossWn();
      nsq = Sym.normSq(u);
      x = cm.wnPoint();
      dr = "(-(" + etaR + ")*D(" + loss + ", r))";
      du = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        du.add("(-(" + etaU + ")*D(" + loss + ", u" + k + "))");
      }
      state = new ArrayList<>(u);
      state.add("r");
      rates = new ArrayList<>(du);
      rates.add(dr);
    }

    /** d/dt of an expression in (u, r) along the flow. */
    String ddt(String expr) {
      return dt(expr, state, rates);
    }

    void define(Problem p) {
      p.define("L~(r,u) (12)", loss).define("d_t r (13)", dr).define("d_t u (14)", "{" + String.join(", ", du) + "}");
    }
  }

  private static String kname(ChouModel.KernelVector kv) {
    return kv.label().substring(0, kv.label().indexOf(' '));
  }

  private static ChouModel.KernelVector e1(int n) {
    List<String> e = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      e.add(k == 1 ? "1" : "0");
    }
    return new ChouModel.KernelVector("e1 (not in ker A)", e, false);
  }

  private static List<ChouModel.KernelVector> kernel(ChouModel cm, boolean dropped) {
    return dropped ? List.of(e1(cm.n)) : cm.kernelBasis();
  }

  private static List<String> ones(int n) {
    List<String> o = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      o.add("1");
    }
    return o;
  }

  /** The explicit projector I - a a^T/||a||^2 onto ker A for one symbolic row (Projector). */
  private static List<List<String>> projector(int n) {
    return Projector.kernelProjector(WuModel.symbolic(1, n));
  }

  private static List<String> apply(List<List<String>> p, List<String> v) {
    List<String> out = new ArrayList<>();
    for (List<String> row : p) {
      out.add(Sym.dot(row, v));
    }
    return out;
  }

  private static void rowNorm(Problem p, int n) {
    List<String> row = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      row.add(Sym.a(1, k));
    }
    p.norm("na", row);
  }

  static List<StepSpec> specs() {
    List<StepSpec> s = new ArrayList<>();
    s.add(lemma32());
    s.add(eq28());
    s.add(eq29());
    s.add(lemma35());
    s.add(lemma36());
    s.add(lemma37());
    s.add(eq33());
    s.add(eq34());
    s.add(eq35());
    s.addAll(lemma38Log());
    s.addAll(lemma38Power());
    s.addAll(lemma39());
    s.addAll(lemma310());
    s.addAll(lemma312());
    s.addAll(lemma314());
    s.add(lemma319());
    return s;
  }

  // --- Lemma 3.2 -----------------------------------------------------------------------------

  static final String L32_NO_DENOM = "P_u = u u^T (the 1/||u||^2 dropped)";
  static final String L32_PLUS = "(I + P_u) in place of (I - P_u)";
  static final String L32_NO_PROJ = "(I - P_u) dropped";

  static StepSpec lemma32() {
    String id = "chou/lemma-3.2#step-1";
    return StepSpec.step(id, loc("proof of Lemma 3.2", "663-673"),
            "d_t ||u||_2^2 = 2 u^T d_t u = -2 u^T grad_u L~(r,u) = -2 (r/||u||_2) u^T (I - P_u) grad L(r u/||u||_2) = 0")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "etaR", "etaU");
          Problem p = start(id, f.cm.dims() + " " + f.cm.over("r, u, eta_u; ||u|| free"), mut);
          f.define(p);
          List<String> g = f.cm.gradientAt(f.x);
          String ug = Sym.dot(f.u, g);
          List<String> proj = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            String uk = f.u.get(k);
            proj.add(switch (mut) {
              case L32_NO_DENOM -> "(" + g.get(k) + " - " + uk + "*" + ug + ")";
              case L32_PLUS -> "(" + g.get(k) + " + " + uk + "*" + ug + "/(" + f.nsq + "))";
              case L32_NO_PROJ -> g.get(k);
              default -> "(" + g.get(k) + " - " + uk + "*" + ug + "/(" + f.nsq + "))";
            });
          }
          List<String> gradU = new ArrayList<>();
          for (int k = 1; k <= n; k++) {
            gradU.add("D(" + f.loss + ", u" + k + ")");
          }
          String rhs = "(-2*r/Sqrt(" + f.nsq + ")*" + Sym.dot(f.u, proj) + ")";
          p.step("d_t u = -eta_u grad_u L~ (Symja D of (12)); grad L = Symja's gradient of (10) at x = r u/||u||");
          p.equation("d_t ||u||^2 = 2 u^T d_t u", f.ddt(f.nsq), "2*" + Sym.dot(f.u, f.du));
          p.equation("2 u^T d_t u = -2 u^T grad_u L~", "2*" + Sym.dot(f.u, f.du), "-2*" + Sym.dot(f.u, gradU));
          p.equation("-2 u^T grad_u L~ = -2 r/||u|| u^T (I - P_u) grad L", "-2*" + Sym.dot(f.u, gradU), rhs);
          p.equation("-2 r/||u|| u^T (I - P_u) grad L = 0", rhs, "0");
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("etaR", 0.1, 2).variable("etaU", 0.1, 2).variables(f.u, -2, 2)
              .norm("nu", f.u).build();
        }, new int[][] {{2, 2}}, L32_NO_DENOM, L32_PLUS, L32_NO_PROJ)
        .note("||u|| is free (a symbol nu in the symbolic step): Lemma 3.2 is about any u(0)")
        .note("the display writes 2 u^T d_t u = -2 u^T grad_u L~ without the factor eta_u of (14); it holds as printed "
            + "because both sides are 0 (u^T (I - P_u) = 0), so only mutations of the projector can fail");
  }

  // --- Lemma 3.3, (28) and (29) ------------------------------------------------------------------

  static final String E28_NORM = "(28) with ||u||^2 in place of ||u||";
  static final String E28_SIGN = "(28) with the sign flipped";
  static final String E28_EXP = "(22) with x^(L-2) in place of x^(L-1)";

  static StepSpec eq28() {
    String id = "chou/lemma-3.3#eq-28";
    return StepSpec.step(id, loc("proof of Lemma 3.3, eq. (28)", "700-712"),
            "d_t r = -eta_r grad_r L~(r,u) = -(eta_r/||u||_2) u^T grad L(r u/||u||_2)   (28)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "etaR", "etaU");
          Problem p = start(id, f.cm.dims() + " " + f.cm.over("r, u, eta_r; ||u|| free"), mut);
          f.define(p);
          List<String> g = grad22(f.cm, f.x, mut.equals(E28_EXP) ? depth - 2 : depth - 1);
          String den = mut.equals(E28_NORM) ? "(" + f.nsq + ")" : "Sqrt(" + f.nsq + ")";
          String sign = mut.equals(E28_SIGN) ? "" : "-";
          p.step("grad L = (22) as printed at x = r u/||u||; the first equality is (13) itself");
          p.equation("-eta_r grad_r L~ = -(eta_r/||u||) u^T grad L (22)", f.dr,
              "(" + sign + "etaR/" + den + "*" + Sym.dot(f.u, g) + ")");
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("etaR", 0.1, 2).variables(f.u, -2, 2).norm("nu", f.u).build();
        }, new int[][] {{2, 2}, {2, 3}}, E28_NORM, E28_SIGN, E28_EXP);
  }

  static final String E29_POW2 = "second line with r/||u||^2 in place of r/||u||^3";
  static final String E29_SIGN = "last line with + eta_u r d_t r/(eta_r ||u||^2) u";
  static final String E29_POW3 = "last line with ||u||^3 in place of ||u||^2";

  static StepSpec eq29() {
    String id = "chou/lemma-3.3#eq-29";
    return StepSpec.step(id, loc("proof of Lemma 3.3, eq. (29)", "714-774"),
            "d_t u = -eta_u grad_u L~(r,u) = -eta_u (r/||u||_2) (I - P_u) grad L(r u/||u||_2) "
                + "= -eta_u (r/||u||_2) grad L(r u/||u||_2) + eta_u (r/||u||_2^3) u u^T grad L(r u/||u||_2) "
                + "= -eta_u (r/||u||_2) grad L(r u/||u||_2) - eta_u (r d_t r/(eta_r ||u||_2^2)) u   (29)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "etaR", "etaU");
          Problem p = start(id, f.cm.dims() + " " + f.cm.over("r, u, eta_r, eta_u; ||u|| free"), mut);
          f.define(p);
          List<String> g = grad22(f.cm, f.x, depth - 1);
          String ug = Sym.dot(f.u, g);
          String nrm = "Sqrt(" + f.nsq + ")";
          for (int k = 0; k < n; k++) {
            String uk = f.u.get(k);
            String gk = g.get(k);
            String l1 = "(-etaU*r/" + nrm + "*(" + gk + " - " + uk + "*" + ug + "/(" + f.nsq + ")))";
            String cube = mut.equals(E29_POW2) ? "(" + f.nsq + ")" : "(" + f.nsq + ")^(3/2)";
            String l2 = "(-etaU*r/" + nrm + "*" + gk + " + etaU*r/" + cube + "*" + uk + "*" + ug + ")";
            String sq = mut.equals(E29_POW3) ? "(" + f.nsq + ")^(3/2)" : "(" + f.nsq + ")";
            String l3 = "(-etaU*r/" + nrm + "*" + gk + (mut.equals(E29_SIGN) ? " + " : " - ") + "etaU*r*" + f.dr + "/(etaR*"
                + sq + ")*" + uk + ")";
            p.equation("d_t u" + (k + 1) + " = -eta_u (r/||u||)(I - P_u) grad L", f.du.get(k), l1);
            p.equation("line 2 = line 3, entry " + (k + 1), l1, l2);
            p.equation("line 3 = line 4, entry " + (k + 1), l2, l3);
          }
          p.step("grad L = (22) as printed at x = r u/||u||; d_t r = (28)");
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("etaR", 0.1, 2).variable("etaU", 0.1, 2).variables(f.u, -2, 2)
              .norm("nu", f.u).build();
        }, new int[][] {{2, 2}}, E29_POW2, E29_SIGN, E29_POW3);
  }

  // --- Lemma 3.5 ---------------------------------------------------------------------------------

  static final String L35_ETA2 = "-eta_r^2 |grad_r L~|^2 in place of -eta_r |grad_r L~|^2";
  static final String L35_SIGN = "+ eta_u ||grad_u L~||^2";
  static final String L35_NO_PROJ = "(24) without (I - P_u)";

  static StepSpec lemma35() {
    String id = "chou/lemma-3.5#step-1";
    return StepSpec.step(id, loc("proof of Lemma 3.5", "789-800"),
            "d_t L~(r,u) = <grad_r L~(r,u), d_t r> + <grad_u L~(r,u), d_t u> = -eta_r ||grad_r L~(r,u)||_2^2 "
                + "- eta_u ||grad_u L~(r,u)||_2^2 <= 0")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "etaR", "etaU");
          Problem p = start(id, f.cm.dims() + " " + f.cm.over("r, u, eta_r, eta_u; ||u|| free"), mut);
          f.define(p);
          List<String> g = f.cm.gradientAt(f.x);
          String ug = Sym.dot(f.u, g);
          String nrm = "Sqrt(" + f.nsq + ")";
          String gr = "(" + ug + "/" + nrm + ")";
          List<String> gu = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            gu.add(mut.equals(L35_NO_PROJ) ? "(r/" + nrm + "*" + g.get(k) + ")"
                : "(r/" + nrm + "*(" + g.get(k) + " - " + f.u.get(k) + "*" + ug + "/(" + f.nsq + ")))");
          }
          String er = mut.equals(L35_ETA2) ? "etaR^2" : "etaR";
          String su = mut.equals(L35_SIGN) ? "+" : "-";
          p.step("d_t L~ = <grad_r L~, d_t r> + <grad_u L~, d_t u> with Symja's D of (12) and the flow (13)-(14) "
              + "(the chain rule); grad_r L~, grad_u L~ on the right as printed in (23), (24)");
          p.equation("chain rule = -eta_r |(23)|^2 - eta_u ||(24)||^2", f.ddt(f.loss),
              "(-" + er + "*" + gr + "^2 " + su + " etaU*" + Sym.normSq(gu) + ")");
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("etaR", 0.1, 2).variable("etaU", 0.1, 2).variables(f.u, -2, 2)
              .norm("nu", f.u).build();
        }, new int[][] {{2, 2}}, L35_ETA2, L35_SIGN, L35_NO_PROJ)
        .note("<= 0 follows because the right side is minus a sum of squares times eta_r, eta_u > 0");
  }

  // --- Lemma 3.6 ---------------------------------------------------------------------------------

  static final String L36_R = "eta_u r in place of eta_u r^2";
  static final String L36_SWAP = "P_u and (I - P_u) swapped";
  static final String L36_NO_ETA = "eta_u dropped";

  static StepSpec lemma36() {
    String id = "chou/lemma-3.6#step-1";
    return StepSpec.step(id, loc("proof of Lemma 3.6", "843-848"),
            "-eta_r ||grad_r L~(r,u)||_2^2 - eta_u ||grad_u L~(r,u)||_2^2 = -grad L(x)^T (eta_r P_u + eta_u r^2 (I - P_u)) grad L(x)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "etaR", "etaU");
          Problem p = start(id, f.cm.dims() + " ||u|| = 1 " + f.cm.over("r, u, eta_r, eta_u"), mut);
          f.define(p);
          List<String> g = f.cm.gradientAt(f.x);
          String ug = Sym.dot(f.u, g);
          String gPg = "(" + ug + ")^2/(" + f.nsq + ")";
          String gQg = "(" + Sym.normSq(g) + " - " + gPg + ")";
          List<String> gu = new ArrayList<>();
          for (int k = 1; k <= n; k++) {
            gu.add("D(" + f.loss + ", u" + k + ")");
          }
          String left = "(-etaR*D(" + f.loss + ", r)^2 - etaU*" + Sym.normSq(gu) + ")";
          String eu = mut.equals(L36_NO_ETA) ? "1" : "etaU";
          String rr = mut.equals(L36_R) ? "r" : "r^2";
          String right = mut.equals(L36_SWAP) ? "(-(etaR*" + gQg + " + " + eu + "*" + rr + "*" + gPg + "))"
              : "(-(etaR*" + gPg + " + " + eu + "*" + rr + "*" + gQg + "))";
          p.step("grad_r L~, grad_u L~: Symja D of (12); grad L(x) Symja's gradient of (10) at x = r u/||u||; ||u|| = 1 after "
              + "differentiating (Lemma 3.2)");
          p.equation("-eta_r |grad_r L~|^2 - eta_u ||grad_u L~||^2 = -grad L^T (eta_r P_u + eta_u r^2 (I - P_u)) grad L", left,
              right);
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("etaR", 0.1, 2).variable("etaU", 0.1, 2)
              .sphere(Sphere.unit(f.u, false)).build();
        }, new int[][] {{2, 2}}, L36_R, L36_SWAP, L36_NO_ETA);
  }

  // --- Lemma 3.7 ---------------------------------------------------------------------------------

  static final String L37_EXP_L = "second line with x^L in place of x^(L-1)";
  static final String L37_FIRST = "first line with x^(2-L) in place of x^(1-L)";
  static final String L37_NO_PROJ = "(I - P_A) dropped (e_1^T in place of a kernel vector)";

  static StepSpec lemma37() {
    String id = "chou/lemma-3.7#step-1";
    return StepSpec.step(id, loc("proof of Lemma 3.7", "951-958"),
            "d_t h0 = (I - P_A) c (x^(1-L) .* d_t x) = -c (I - P_A)(x^(1-L) .* [A^T (A x^L - b)] .* x^(L-1)) "
                + "= -c (I - P_A) A^T (A x^L - b) = 0, c = 1 if L = 2, c = 2 - L otherwise")
        .run((n, depth, mut) -> {
          ChouModel cm = ChouModel.symbolic(1, n, depth);
          List<String> x = Sym.vec("x", n);
          Problem p = start(id, cm.dims() + " " + cm.over("x > 0"), mut);
          String loss = cm.loss(x);
          String c = depth == 2 ? "1" : Integer.toString(2 - depth);
          List<String> a = atr(cm, x);
          List<String> dx = new ArrayList<>();
          List<String> dphi = new ArrayList<>();
          List<String> l1 = new ArrayList<>();
          List<String> l2 = new ArrayList<>();
          for (int k = 1; k <= n; k++) {
            String xk = "x" + k;
            dx.add("(-D(" + loss + ", " + xk + "))");
            String phi = depth == 2 ? "Log(" + xk + ")" : xk + "^(" + (2 - depth) + ")";
            dphi.add("(D(" + phi + ", " + xk + ")*" + dx.get(k - 1) + ")");
            l1.add("(" + c + ")*" + xk + "^(" + (mut.equals(L37_FIRST) ? 2 - depth : 1 - depth) + ")*" + dx.get(k - 1));
            l2.add("(-(" + c + ")*" + xk + "^(" + (1 - depth) + ")*" + a.get(k - 1) + "*" + xk + "^("
                + (mut.equals(L37_EXP_L) ? depth : depth - 1) + "))");
          }
          List<String> l3 = times("-(" + c + ")", a);
          p.define("L(x) (10)", loss).define("d_t x = -grad L(x) (11)", "{" + String.join(", ", dx) + "}");
          p.step("(11) with Symja's gradient of (10); h0 of (31) differentiated entrywise by Symja; components k^T(...) for "
              + "a basis k of ker A (a_j e_1 - a_1 e_j)");
          for (ChouModel.KernelVector kv : kernel(cm, mut.equals(L37_NO_PROJ))) {
            String nm = kname(kv);
            List<String> e = kv.entries();
            p.equation(nm + "^T d_t h0 = " + nm + "^T c (x^(1-L) .* d_t x)", Sym.dot(e, dphi), Sym.dot(e, l1));
            p.equation(nm + "^T line 2 = line 3", Sym.dot(e, l1), Sym.dot(e, l2));
            p.equation(nm + "^T line 3 = line 4", Sym.dot(e, l2), Sym.dot(e, l3));
            p.equation(nm + "^T line 4 = 0", Sym.dot(e, l3), "0");
          }
          cm.addData(p);
          return p.variables(x, 0.1, 2).build();
        }, new int[][] {{2, 3}, {2, 2}, {3, 3}}, L37_EXP_L, L37_FIRST, L37_NO_PROJ)
        .note("a wrong constant c is not a control: every line is 0 on ker A for any c (see chou/lemma-3.7#proof)");
  }

  // --- Lemma 3.8: (33), (34), (35) -----------------------------------------------------------

  static final String E33_ETA = "1/eta~ in place of 1/(2 eta~)";
  static final String E33_SIGN = "+ r grad L(r u)";
  static final String E33_R2 = "-r^2 grad L(r u) in place of -r grad L(r u)";

  static StepSpec eq33() {
    String id = "chou/lemma-3.8#eq-33";
    return StepSpec.step(id, loc("proof of Lemma 3.8, eq. (33)", "996-1004"),
            "d_t u = -r grad L(r u) - (r/eta~) u d_t r = -r grad L(r u) - (1/(2 eta~)) d_t(r^2) u   (33)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = start(id, f.cm.dims() + " ||u|| = 1 " + f.cm.over("r, u, eta~"), mut);
          f.define(p);
          List<String> g = f.cm.gradientAt(times("r", f.u));
          String d2 = "(2*r*" + f.dr + ")";
          for (int k = 0; k < n; k++) {
            String uk = f.u.get(k);
            String gk = mut.equals(E33_SIGN) ? "(-" + g.get(k) + ")" : mut.equals(E33_R2) ? "(r*" + g.get(k) + ")" : g.get(k);
            String l1 = "(-r*" + gk + " - r/eta*" + uk + "*" + f.dr + ")";
            String l2 = "(-r*" + g.get(k) + " - 1/(" + (mut.equals(E33_ETA) ? "eta" : "2*eta") + ")*" + d2 + "*" + uk + ")";
            p.equation("d_t u" + (k + 1) + " = -r grad L(ru) - (r/eta~) u d_t r", f.du.get(k), l1);
            p.equation("line 2 = line 3, entry " + (k + 1) + " (d_t(r^2) = 2 r d_t r)",
                "(-r*" + g.get(k) + " - r/eta*" + uk + "*" + f.dr + ")", l2);
          }
          p.step("(eta_r, eta_u) = (eta~, 1) in (13)-(14) (Symja D of (12)); ||u|| = 1 after differentiating; "
              + "grad L(r u) = Symja's gradient of (10) at r u");
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("eta", 0.1, 2).sphere(Sphere.unit(f.u, true)).build();
        }, new int[][] {{2, 2}, {2, 3}}, E33_ETA, E33_SIGN, E33_R2);
  }

  static final String E34_U = "u^(2-L) in place of u^(1-L)";
  static final String E34_GRAD = "grad L with (r u)^L in place of (r u)^(L-1)";
  static final String E34_NO_PROJ = "(I - P_A) dropped (e_1^T in place of a kernel vector)";

  static StepSpec eq34() {
    String id = "chou/lemma-3.8#eq-34";
    return StepSpec.step(id, loc("proof of Lemma 3.8, eq. (34)", "1006-1026"),
            "(I - P_A)(u^(1-L) .* grad L(r u)) = (I - P_A)(A^T (A (r u)^L - b) r^(L-1)) = 0   (34)")
        .run((n, depth, mut) -> {
          ChouModel cm = ChouModel.symbolic(1, n, depth);
          List<String> u = Sym.vec("u", n);
          Problem p = start(id, cm.dims() + " " + cm.over("r, u > 0"), mut);
          List<String> ru = times("r", u);
          List<String> g = grad22(cm, ru, mut.equals(E34_GRAD) ? depth : depth - 1);
          List<String> a = atr(cm, ru);
          List<String> l1 = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            l1.add("(" + u.get(k) + "^(" + (mut.equals(E34_U) ? 2 - depth : 1 - depth) + ")*" + g.get(k) + ")");
          }
          List<String> l2 = times("r^(" + (depth - 1) + ")", a);
          p.step("grad L(r u) by (22); components k^T(...) for a basis k of ker A");
          for (ChouModel.KernelVector kv : kernel(cm, mut.equals(E34_NO_PROJ))) {
            String nm = kname(kv);
            p.equation(nm + "^T (u^(1-L) .* grad L(ru)) = " + nm + "^T A^T(A(ru)^L - b) r^(L-1)", Sym.dot(kv.entries(), l1),
                Sym.dot(kv.entries(), l2));
            p.equation(nm + "^T A^T(A(ru)^L - b) r^(L-1) = 0", Sym.dot(kv.entries(), l2), "0");
          }
          cm.addData(p);
          return p.variable("r", 0.1, 2).variables(u, 0.1, 2).build();
        }, new int[][] {{2, 3}, {2, 2}, {3, 3}}, E34_U, E34_GRAD, E34_NO_PROJ);
  }

  static final String E35_ETA = "1/eta~ in place of 1/(2 eta~)";
  static final String E35_EXP = "right side with u^(1-L) in place of u^(2-L)";
  static final String E35_SIGN = "right side with + in place of -";

  static StepSpec eq35() {
    String id = "chou/lemma-3.8#eq-35";
    return StepSpec.step(id, loc("proof of Lemma 3.8, eq. (35)", "1028-1035"),
            "(I - P_A)(u^(1-L) .* d_t u) = -(1/(2 eta~)) d_t(r^2) (I - P_A) u^(2-L)   (35)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = start(id, f.cm.dims() + " ||u|| = 1 " + f.cm.over("r, u, eta~"), mut);
          f.define(p);
          List<String> left = new ArrayList<>();
          List<String> right = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            String uk = f.u.get(k);
            left.add("(" + uk + "^(" + (1 - depth) + ")*" + f.du.get(k) + ")");
            right.add("(" + uk + "^(" + (mut.equals(E35_EXP) ? 1 - depth : 2 - depth) + "))");
          }
          String coef = "(" + (mut.equals(E35_SIGN) ? "" : "-") + "1/(" + (mut.equals(E35_ETA) ? "eta" : "2*eta") + ")*2*r*"
              + f.dr + ")";
          p.step("(eta_r, eta_u) = (eta~, 1) in (13)-(14); ||u|| = 1 after differentiating; k^T(...) for a basis of ker A");
          for (ChouModel.KernelVector kv : f.cm.kernelBasis()) {
            p.equation(kname(kv) + "^T (35)", Sym.dot(kv.entries(), left), coef + "*" + Sym.dot(kv.entries(), right));
          }
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("eta", 0.1, 2).sphere(Sphere.unit(f.u, true)).build();
        }, new int[][] {{2, 2}, {2, 3}}, E35_ETA, E35_EXP, E35_SIGN);
  }

  // --- Lemma 3.8, L = 2 ------------------------------------------------------------------------

  static final String LOG_ETA = "1/eta~ in place of 1/(2 eta~)";
  static final String LOG_SIGN = "sign of the r^2 term flipped";
  static final String LOG_ONE = "(I - P_A) u in place of (I - P_A) 1";

  /**
   * An integrated step F(u, r) = 0 (F linear in k^T of the display's sides) along the L = 2 flow:
   * d/dt F = 0 and F = 0 at (u0, r0).
   */
  private static Case integratedLog(String id, int n, String mut, java.util.function.BiFunction<ChouModel.KernelVector, String[], String> f) {
    Wn w = new Wn(n, 2, "eta", "1");
    Problem p = start(id, w.cm.dims() + " ||u|| = 1 " + w.cm.over("r, u, eta~; u0, r0 symbolic"), mut);
    w.define(p);
    p.step("integrated step: F = (left side) - (right side) has d/dt F = 0 along (13)-(14) with (eta~, 1) and F = 0 at "
        + "(u, r) = (u0, r0); ||u|| = 1 after differentiating");
    for (ChouModel.KernelVector kv : w.cm.kernelBasis()) {
      String fk = f.apply(kv, new String[] {mut});
      Java.rules(p, kname(kv), fk, w, n);
    }
    w.cm.addData(p);
    p.variable("r0", 0.1, 2).variables(Sym.vec("v", n), 0.1, 2);
    return p.variable("r", 0.1, 2).variable("eta", 0.1, 2).sphere(Sphere.unit(w.u, true)).build();
  }

  /** Small helper: the two components of an integrated step. */
  private static final class Java {
    static void rules(Problem p, String name, String fk, Wn w, int n) {
      p.equation(name + ": d/dt (left - right) = 0", w.ddt(fk), "0");
      StringBuilder r = new StringBuilder("{r->r0");
      for (int k = 1; k <= n; k++) {
        r.append(", u").append(k).append("->v").append(k);
      }
      p.equation(name + ": left = right at t = 0", "ReplaceAll(" + fk + ", " + r + "})", "0");
    }
  }

  private static String logs(List<String> v) {
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add("Log(" + x + ")"));
    return "{" + String.join(", ", out) + "}";
  }

  private static String dotLog(ChouModel.KernelVector kv, List<String> v) {
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add("Log(" + x + ")"));
    return Sym.dot(kv.entries(), out);
  }

  static List<StepSpec> lemma38Log() {
    List<StepSpec> out = new ArrayList<>();
    String id1 = "chou/lemma-3.8#step-1";
    out.add(StepSpec.step(id1, loc("proof of Lemma 3.8, case L = 2", "1038-1045"),
            "(I - P_A) d_t log(u) = -(1/(2 eta~)) d_t(r^2) (I - P_A) 1")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, 2, "eta", "1");
          Problem p = start(id1, f.cm.dims() + " ||u|| = 1 " + f.cm.over("r, u, eta~"), mut);
          f.define(p);
          String sign = mut.equals(LOG_SIGN) ? "" : "-";
          String coef = "(" + sign + "1/(" + (mut.equals(LOG_ETA) ? "eta" : "2*eta") + ")*2*r*" + f.dr + ")";
          for (ChouModel.KernelVector kv : f.cm.kernelBasis()) {
            List<String> dl = new ArrayList<>();
            for (int k = 0; k < n; k++) {
              dl.add("(D(Log(" + f.u.get(k) + "), " + f.u.get(k) + ")*" + f.du.get(k) + ")");
            }
            p.equation(kname(kv) + "^T d_t log(u) = -(1/(2 eta~)) d_t(r^2) " + kname(kv) + "^T 1", Sym.dot(kv.entries(), dl),
                coef + "*" + Sym.dot(kv.entries(), mut.equals(LOG_ONE) ? f.u : ones(n)));
          }
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("eta", 0.1, 2).sphere(Sphere.unit(f.u, true)).build();
        }, new int[][] {{2, 2}, {3, 2}}, LOG_ETA, LOG_SIGN, LOG_ONE));

    String id2 = "chou/lemma-3.8#step-2";
    StepSpec s2 = StepSpec.step(id2, loc("proof of Lemma 3.8, case L = 2", "1051-1056"),
        "(I - P_A)(log(u) - log(u0)) = -(1/(2 eta~)) (r^2 - r0^2) . (I - P_A) 1");
    StepSpec.Builder b2 = (n, depth, mut) -> integratedLog(id2, n, mut, (kv, m) -> {
      String eta = m[0].equals(LOG_ETA) ? "eta" : "(2*eta)";
      String sign = m[0].equals(LOG_SIGN) ? "-" : "+";
      List<String> u = Sym.vec("u", n);
      List<String> v = Sym.vec("v", n);
      String one = Sym.dot(kv.entries(), m[0].equals(LOG_ONE) ? u : ones(n));
      return "(" + dotLog(kv, u) + " - " + dotLog(kv, v) + " " + sign + " (r^2 - r0^2)/" + eta + "*" + one + ")";
    });
    out.add(s2.run(b2, new int[][] {{2, 2}, {3, 2}}, LOG_ETA, LOG_SIGN, LOG_ONE));

    String id3 = "chou/lemma-3.8#eq-36";
    StepSpec s3 = StepSpec.step(id3, loc("proof of Lemma 3.8, eq. (36)", "1058-1082"),
        "(I - P_A)(log(u) + (r^2/(2 eta~)) 1) = (I - P_A)(log(u0) + (r0^2/(2 eta~)) 1)   (36)");
    StepSpec.Builder b3 = (n, depth, mut) -> integratedLog(id3, n, mut, (kv, m) -> {
      String eta = m[0].equals(LOG_ETA) ? "eta" : "(2*eta)";
      String sign = m[0].equals(LOG_SIGN) ? "-" : "+";
      List<String> u = Sym.vec("u", n);
      List<String> v = Sym.vec("v", n);
      String one = Sym.dot(kv.entries(), m[0].equals(LOG_ONE) ? u : ones(n));
      String oneV = Sym.dot(kv.entries(), m[0].equals(LOG_ONE) ? v : ones(n));
      return "((" + dotLog(kv, u) + " " + sign + " r^2/" + eta + "*" + one + ") - (" + dotLog(kv, v) + " " + sign + " r0^2/"
          + eta + "*" + oneV + "))";
    });
    out.add(s3.run(b3, new int[][] {{2, 2}, {3, 2}}, LOG_ETA, LOG_SIGN, LOG_ONE));

    String id4 = "chou/lemma-3.8#step-3";
    String m4a = "exp(r^2/eta~) in place of exp(r^2/(2 eta~))";
    String m4b = "log(u) - r^2/(2 eta~) 1 on the left";
    String m4c = "log(u^2 exp(r^2/(2 eta~))) on the right";
    out.add(StepSpec.step(id4, loc("proof of Lemma 3.8, case L = 2", "1084-1112"),
            "log(u) + (r^2/(2 eta~)) 1 = log(u) + log(exp((r^2/(2 eta~)) 1)) = log(u . exp(r^2/(2 eta~)))")
        .run((n, depth, mut) -> {
          Problem p = start(id4, "N=" + n + " (symbolic u > 0, r, eta~)", mut);
          p.step("entrywise, u, eta~ > 0: PowerExpand (log and power rules of positive reals)");
          for (int k = 1; k <= n; k++) {
            String uk = "u" + k;
            String left = "(Log(" + uk + ")" + (mut.equals(m4b) ? " - " : " + ") + "r^2/(2*eta))";
            String mid = "(Log(" + uk + ") + PowerExpand(Log(Exp(r^2/(2*eta)))))";
            String right = "PowerExpand(Log(" + (mut.equals(m4c) ? uk + "^2" : uk) + "*Exp(r^2/" + (mut.equals(m4a) ? "eta" : "(2*eta)")
                + ")))";
            p.equation("entry " + k + ": line 1 = line 2", left, mid);
            p.equation("entry " + k + ": line 2 = line 3", mid, right);
          }
          return p.variables(Sym.vec("u", n), 0.1, 2).variable("r", 0.1, 2).variable("eta", 0.1, 2).build();
        }, new int[][] {{2, 2}}, m4a, m4b, m4c));
    return out;
  }

  // --- Lemma 3.8, L != 2 (u~ = (I - P_A) u^(2-L), explicit projector) ---------------------------

  static final String PW_SIGN = "(L - 2) in place of (2 - L)";
  static final String PW_ETA = "1/eta~ in place of 1/(2 eta~)";
  static final String PW_EXP = "u^(1-L) in place of u^(2-L) in u~";

  private static List<String> utilde(int n, int depth, List<String> u, String mut) {
    List<String> pw = new ArrayList<>();
    for (String uk : u) {
      pw.add("(" + uk + ")^(" + (mut.equals(PW_EXP) ? 1 - depth : 2 - depth) + ")");
    }
    return apply(projector(n), pw);
  }

  private static Problem powerCase(String id, Wn f, String mut, boolean initial) {
    Problem p = start(id, f.cm.dims() + " ||u|| = 1 " + f.cm.over("r, u, eta~" + (initial ? "; u0, r0 symbolic" : "")), mut);
    f.define(p);
    p.define("u~ = (I - P_A) u^(2-L)", "{" + String.join(", ", utilde(f.cm.n, f.cm.depth, f.u, mut)) + "}");
    p.step("(I - P_A) = I - a a^T/||a||^2 written out (one symbolic row); ||u|| = 1 after differentiating");
    rowNorm(p, f.cm.n);
    return p;
  }

  private static Case finishPower(Problem p, Wn f, boolean initial) {
    f.cm.addData(p);
    if (initial) {
      p.variable("r0", 0.1, 2).variables(Sym.vec("v", f.cm.n), 0.1, 2);
    }
    return p.variable("r", 0.1, 2).variable("eta", 0.1, 2).sphere(Sphere.unit(f.u, true)).build();
  }

  private static String atStart(String expr, int n) {
    StringBuilder r = new StringBuilder("{r->r0");
    for (int k = 1; k <= n; k++) {
      r.append(", u").append(k).append("->v").append(k);
    }
    return "ReplaceAll(" + expr + ", " + r + "})";
  }

  static List<StepSpec> lemma38Power() {
    List<StepSpec> out = new ArrayList<>();
    int[][] sizes = {{2, 3}};
    String id4 = "chou/lemma-3.8#step-4";
    String m4 = "1/(L - 2) in place of 1/(2 - L)";
    String m4b = "u^(-L) in place of u^(1-L) on the left";
    out.add(StepSpec.step(id4, loc("proof of Lemma 3.8, case L != 2", "1113-1115"),
            "the left hand side of (35) can be written as (1/(2-L)) d_t (I - P_A) u^(2-L)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = powerCase(id4, f, mut, false);
          List<List<String>> proj = projector(n);
          List<String> left = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            left.add("(" + f.u.get(k) + "^(" + (mut.equals(m4b) ? -depth : 1 - depth) + ")*" + f.du.get(k) + ")");
          }
          List<String> pl = apply(proj, left);
          List<String> ut = utilde(n, depth, f.u, "");
          String c = mut.equals(m4) ? "(1/(" + (depth - 2) + "))" : "(1/(" + (2 - depth) + "))";
          for (int i = 0; i < n; i++) {
            p.equation("entry " + (i + 1), pl.get(i), c + "*" + f.ddt(ut.get(i)));
          }
          return finishPower(p, f, false);
        }, sizes, m4, m4b));

    String id5 = "chou/lemma-3.8#step-5";
    out.add(StepSpec.step(id5, loc("proof of Lemma 3.8, case L != 2", "1116-1123"),
            "d_t(u~) = -((2 - L)/(2 eta~)) d_t(r^2) . u~,  u~ = (I - P_A) u^(2-L)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = powerCase(id5, f, "", false);
          if (!mut.isEmpty()) {
            p.control(mut);
          }
          List<String> ut = utilde(n, depth, f.u, "");
          String c = mut.equals(PW_SIGN) ? "(" + (depth - 2) + ")" : "(" + (2 - depth) + ")";
          String eta = mut.equals(PW_ETA) ? "eta" : "(2*eta)";
          for (int i = 0; i < n; i++) {
            p.equation("entry " + (i + 1), f.ddt(ut.get(i)), "(-" + c + "/" + eta + "*2*r*" + f.dr + "*" + ut.get(i) + ")");
          }
          return finishPower(p, f, false);
        }, sizes, PW_SIGN, PW_ETA));

    String id6 = "chou/lemma-3.8#step-6";
    out.add(StepSpec.step(id6, loc("proof of Lemma 3.8, case L != 2", "1125-1133"),
            "d_t(log(u~)) = ((L - 2)/(2 eta~)) d_t(r^2) . 1")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = powerCase(id6, f, "", false);
          if (!mut.isEmpty()) {
            p.control(mut);
          }
          List<String> ut = utilde(n, depth, f.u, "");
          String c = mut.equals(PW_SIGN) ? "(" + (2 - depth) + ")" : "(" + (depth - 2) + ")";
          String eta = mut.equals(PW_ETA) ? "eta" : "(2*eta)";
          p.step("d_t log(u~_i) = d_t u~_i / u~_i (log|u~_i| where u~_i < 0), checked multiplied by u~_i (where u~_i != 0)");
          for (int i = 0; i < n; i++) {
            p.equation("entry " + (i + 1) + " times u~_i", f.ddt(ut.get(i)), "(" + c + "/" + eta + "*2*r*" + f.dr + "*" + ut.get(i) + ")");
          }
          return finishPower(p, f, false);
        }, sizes, PW_SIGN, PW_ETA));

    String id7 = "chou/lemma-3.8#step-7";
    out.add(StepSpec.step(id7, loc("proof of Lemma 3.8, case L != 2", "1135-1141"),
            "log(u~) - log(u~0) = ((L - 2)/(2 eta~)) (r^2 - r0^2) . 1")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = powerCase(id7, f, "", true);
          if (!mut.isEmpty()) {
            p.control(mut);
          }
          List<String> ut = utilde(n, depth, f.u, "");
          List<String> ut0 = utilde(n, depth, Sym.vec("v", n), "");
          String c = mut.equals(PW_SIGN) ? "(" + (2 - depth) + ")" : "(" + (depth - 2) + ")";
          String eta = mut.equals(PW_ETA) ? "eta" : "(2*eta)";
          p.step("integrated step: F = (left side) - (right side) has d/dt F = 0 along the flow and F = 0 at (u0, r0); "
              + "d/dt F = d_t u~_i/u~_i - ((L-2)/(2 eta~)) d_t(r^2), checked multiplied by u~_i (where u~_i != 0)");
          for (int i = 0; i < n; i++) {
            String fi = "(Log(" + ut.get(i) + ") - Log(" + ut0.get(i) + ") - " + c + "/" + eta + "*(r^2 - r0^2))";
            String dfi = "(" + f.ddt(ut.get(i)) + " - " + ut.get(i) + "*" + c + "/" + eta + "*2*r*" + f.dr + ")";
            p.equation("entry " + (i + 1) + ": u~_i d/dt (left - right) = 0", dfi, "0");
            p.equation("entry " + (i + 1) + ": left = right at t = 0", atStart(fi, n), "0");
          }
          return finishPower(p, f, true);
        }, sizes, PW_SIGN, PW_ETA));

    String id8 = "chou/lemma-3.8#step-8";
    out.add(StepSpec.step(id8, loc("proof of Lemma 3.8, case L != 2", "1143-1156"),
            "u~ .* u~0^(-1) = exp(((L - 2)/(2 eta~)) (r^2 - r0^2)) . 1")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = powerCase(id8, f, "", true);
          if (!mut.isEmpty()) {
            p.control(mut);
          }
          List<String> ut = utilde(n, depth, f.u, "");
          List<String> ut0 = utilde(n, depth, Sym.vec("v", n), "");
          String c = mut.equals(PW_SIGN) ? "(" + (2 - depth) + ")" : "(" + (depth - 2) + ")";
          String eta = mut.equals(PW_ETA) ? "eta" : "(2*eta)";
          p.step("integrated step: the ratio F = left/right has d/dt F = 0 along the flow and F = 1 at (u0, r0); d/dt F = "
              + "(d_t u~_i - ((L-2)/(2 eta~)) d_t(r^2) u~_i) exp(...)/u~0_i, checked multiplied by u~0_i exp(...)");
          for (int i = 0; i < n; i++) {
            String fi = "((" + ut.get(i) + ")/(" + ut0.get(i) + ")*Exp(-" + c + "/" + eta + "*(r^2 - r0^2)))";
            String dfi = "(" + f.ddt(ut.get(i)) + " - " + ut.get(i) + "*" + c + "/" + eta + "*2*r*" + f.dr + ")";
            p.equation("entry " + (i + 1) + ": u~0_i exp(...) d/dt (left/right) = 0", dfi, "0");
            p.equation("entry " + (i + 1) + ": left/right = 1 at t = 0", atStart(fi, n), "1");
          }
          return finishPower(p, f, true);
        }, sizes, PW_SIGN, PW_ETA));

    String id9 = "chou/lemma-3.8#eq-37";
    out.add(StepSpec.step(id9, loc("proof of Lemma 3.8, eq. (37)", "1158-1176"),
            "u~ . exp(((2 - L)/(2 eta~)) r^2) = u~0 . exp(((2 - L)/(2 eta~)) r0^2)   (37)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "eta", "1");
          Problem p = powerCase(id9, f, mut, true);
          List<String> ut = utilde(n, depth, f.u, mut);
          List<String> ut0 = utilde(n, depth, Sym.vec("v", n), mut);
          String c = mut.equals(PW_SIGN) ? "(" + (depth - 2) + ")" : "(" + (2 - depth) + ")";
          String eta = mut.equals(PW_ETA) ? "eta" : "(2*eta)";
          p.step("integrated step: F = left - right has d/dt F = 0 along the flow and F = 0 at (u0, r0)");
          for (int i = 0; i < n; i++) {
            String fi = "((" + ut.get(i) + ")*Exp(" + c + "/" + eta + "*r^2) - (" + ut0.get(i) + ")*Exp(" + c + "/" + eta
                + "*r0^2))";
            p.equation("entry " + (i + 1) + ": d/dt (left - right) = 0", f.ddt(fi), "0");
            p.equation("entry " + (i + 1) + ": left = right at t = 0", atStart(fi, n), "0");
          }
          return finishPower(p, f, true);
        }, sizes, PW_SIGN, PW_ETA, PW_EXP)
        .note("log(u~) in the steps before (37) needs u~ = (I - P_A) u^(2-L) > 0 entrywise, which a projected vector need "
            + "not be; the steps hold with log|u~| where u~ has no zero entry (checked so: d_t log u~ = d_t u~ / u~), and (37) "
            + "itself holds everywhere (checked directly), so the conclusion of Lemma 3.8 is unaffected"));
    return out;
  }

  // --- Lemma 3.9 ---------------------------------------------------------------------------------

  static List<StepSpec> lemma39() {
    List<StepSpec> out = new ArrayList<>();
    String gamma = "((r/r0)*Exp((r0^2 - r^2)/(2*eta)))";
    String id1 = "chou/lemma-3.9#step-1";
    String m1a = "gamma with r0/r in place of r/r0";
    String m1b = "gamma with exp((r^2 - r0^2)/(2 eta~))";
    String m1c = "(I - P_A) 1 log(exp(-r^2/(2 eta~)) r) dropped";
    out.add(StepSpec.step(id1, loc("proof of Lemma 3.9, case L = 2", "1249-1312"),
            "(I - P_A) log(x_wn) = (I - P_A) log(r u) = (I - P_A) log(u exp(r^2/(2 eta~)) exp(-r^2/(2 eta~)) r) "
                + "= (I - P_A) log(u exp(r^2/(2 eta~))) + (I - P_A) 1 log(exp(-r^2/(2 eta~)) r) "
                + "= (I - P_A) log(u0 exp(r0^2/(2 eta~))) + (I - P_A) 1 log(exp(-r^2/(2 eta~)) r) "
                + "= (I - P_A) log(r0 u0 (r/r0) exp((r0^2 - r^2)/(2 eta~))) = (I - P_A) log(gamma(r0, r) . x_wn(0))")
        .run((n, depth, mut) -> {
          ChouModel cm = ChouModel.symbolic(1, n, 2);
          Problem p = start(id1, cm.dims() + " (symbolic a; u, u0, r, r0, eta~ > 0)", mut);
          p.step("x_wn = r u (||u|| = 1, Lemma 3.2), x_wn(0) = r0 u0; entrywise logs expanded by PowerExpand (positive "
              + "reals); (I - P_A) through a basis k of ker A");
          p.step("the link that uses the invariant is checked as: (left - right) = k^T (h(t) - h(0)) with h of (32) for L = 2, "
              + "which Lemma 3.8 (chou/lemma-3.8#proof) shows is 0");
          String g = mut.equals(m1a) ? "((r0/r)*Exp((r0^2 - r^2)/(2*eta)))" : mut.equals(m1b) ? "((r/r0)*Exp((r^2 - r0^2)/(2*eta)))" : gamma;
          for (ChouModel.KernelVector kv : cm.kernelBasis()) {
            List<List<String>> e = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
              e.add(new ArrayList<>());
            }
            List<String> inv = new ArrayList<>();
            for (int k = 1; k <= n; k++) {
              String uk = "u" + k;
              String vk = "v" + k;
              e.get(0).add("Log(r*" + uk + ")");
              e.get(1).add("Log(" + uk + "*Exp(r^2/(2*eta))*Exp(-r^2/(2*eta))*r)");
              String tail = mut.equals(m1c) ? "" : " + Log(Exp(-r^2/(2*eta))*r)";
              e.get(2).add("(Log(" + uk + "*Exp(r^2/(2*eta)))" + tail + ")");
              e.get(3).add("(Log(" + vk + "*Exp(r0^2/(2*eta))) + Log(Exp(-r^2/(2*eta))*r))");
              e.get(4).add("Log(r0*" + vk + "*(r/r0)*Exp((r0^2 - r^2)/(2*eta)))");
              e.get(5).add("Log(" + g + "*r0*" + vk + ")");
              inv.add("(Log(" + uk + "*Exp(r^2/(2*eta))) - Log(" + vk + "*Exp(r0^2/(2*eta))))");
            }
            String nm = kname(kv);
            for (int i = 0; i < 5; i++) {
              String l = "PowerExpand(" + Sym.dot(kv.entries(), e.get(i)) + ")";
              String r = "PowerExpand(" + Sym.dot(kv.entries(), e.get(i + 1)) + ")";
              if (i == 2) {
                p.equation(nm + "^T: line 4 - line 5 = " + nm + "^T (h(t) - h(0))", "(" + l + ") - (" + r + ")",
                    "PowerExpand(" + Sym.dot(kv.entries(), inv) + ")");
              } else {
                p.equation(nm + "^T: line " + (i + 2) + " = line " + (i + 3), l, r);
              }
            }
          }
          cm.addData(p);
          return p.variables(Sym.vec("u", n), 0.1, 2).variables(Sym.vec("v", n), 0.1, 2).variable("r", 0.1, 2)
              .variable("r0", 0.1, 2).variable("eta", 0.1, 2).build();
        }, new int[][] {{2, 2}, {3, 2}}, m1a, m1b, m1c));

    String id2 = "chou/lemma-3.9#step-2";
    String m2a = "last line as (41) prints it: [gamma(r0, r) . x_wn^L(0)]^(2-L)";
    String m2b = "gamma^(L-2) in place of gamma^(2-L)";
    String m2c = "exp(+(2-L) r^2/(2 eta~)) in the second line";
    out.add(StepSpec.step(id2, loc("proof of Lemma 3.9, case L != 2", "1314-1428"),
            "(I - P_A) x_wn^(2-L) = (I - P_A) u^(2-L) r^(2-L) = (I - P_A) u^(2-L) exp(((2-L)/(2 eta~)) r^2) "
                + "exp(-((2-L)/(2 eta~)) r^2) r^(2-L) = (I - P_A) u0^(2-L) exp(((2-L)/(2 eta~)) r0^2) exp(-((2-L)/(2 eta~)) r^2) "
                + "r^(2-L) = (I - P_A) (u0 r0)^(2-L) (r/r0)^(2-L) exp((2-L)(r0^2 - r^2)/(2 eta~)) "
                + "= (I - P_A) [gamma(r0, r) . x_wn(0)]^(2-L)")
        .run((n, depth, mut) -> {
          ChouModel cm = ChouModel.symbolic(1, n, depth);
          Problem p = start(id2, cm.dims() + " (symbolic a; u, u0, r, r0, eta~ > 0)", mut);
          p.step("x_wn = r u, x_wn(0) = r0 u0; powers expanded by PowerExpand (positive reals); (I - P_A) through a basis k "
              + "of ker A; the invariant link checked as (left - right) = k^T (h(t) - h(0)) . exp(-(2-L) r^2/(2 eta~)) r^(2-L)");
          String q = "(" + (2 - depth) + ")";
          for (ChouModel.KernelVector kv : cm.kernelBasis()) {
            List<List<String>> e = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
              e.add(new ArrayList<>());
            }
            List<String> inv = new ArrayList<>();
            String s2 = mut.equals(m2c) ? "Exp(" + q + "/(2*eta)*r^2)" : "Exp(-" + q + "/(2*eta)*r^2)";
            for (int k = 1; k <= n; k++) {
              String uk = "u" + k;
              String vk = "v" + k;
              e.get(0).add("(r*" + uk + ")^" + q);
              e.get(1).add(uk + "^" + q + "*r^" + q);
              e.get(2).add(uk + "^" + q + "*Exp(" + q + "/(2*eta)*r^2)*" + s2 + "*r^" + q);
              e.get(3).add(vk + "^" + q + "*Exp(" + q + "/(2*eta)*r0^2)*Exp(-" + q + "/(2*eta)*r^2)*r^" + q);
              e.get(4).add("(" + vk + "*r0)^" + q + "*(r/r0)^" + q + "*Exp(" + q + "*(r0^2 - r^2)/(2*eta))");
              e.get(5).add(mut.equals(m2a) ? "(" + gamma + "*(r0*" + vk + ")^" + depth + ")^" + q
                  : mut.equals(m2b) ? gamma + "^(" + (depth - 2) + ")*(r0*" + vk + ")^" + q : "(" + gamma + "*r0*" + vk + ")^" + q);
              inv.add("((" + uk + "^" + q + "*Exp(" + q + "/(2*eta)*r^2) - " + vk + "^" + q + "*Exp(" + q + "/(2*eta)*r0^2))*Exp(-"
                  + q + "/(2*eta)*r^2)*r^" + q + ")");
            }
            String nm = kname(kv);
            for (int i = 0; i < 5; i++) {
              String l = "PowerExpand(" + Sym.dot(kv.entries(), e.get(i)) + ")";
              String r = "PowerExpand(" + Sym.dot(kv.entries(), e.get(i + 1)) + ")";
              if (i == 2) {
                p.equation(nm + "^T: line 3 - line 4 = " + nm + "^T (h(t) - h(0)) . factor", "(" + l + ") - (" + r + ")",
                    "PowerExpand(" + Sym.dot(kv.entries(), inv) + ")");
              } else {
                p.equation(nm + "^T: line " + (i + 1) + " = line " + (i + 2), l, r);
              }
            }
          }
          cm.addData(p);
          return p.variables(Sym.vec("u", n), 0.1, 2).variables(Sym.vec("v", n), 0.1, 2).variable("r", 0.1, 2)
              .variable("r0", 0.1, 2).variable("eta", 0.1, 2).build();
        }, new int[][] {{2, 3}, {2, 4}}, m2a, m2b, m2c)
        .note("the proof's last line is [gamma(r0, r) . x_wn(0)]^(2-L), as proved here; the statement (41) prints "
            + "[gamma . x_wn^L(0)]^(2-L), which is this step's first control and is refuted (see chou/lemma-3.9)"));
    return out;
  }

  // --- Lemma 3.10 --------------------------------------------------------------------------------

  static List<StepSpec> lemma310() {
    List<StepSpec> out = new ArrayList<>();
    String id1 = "chou/lemma-3.10#step-1";
    String m1a = "z not in the row space of A (z = e_1: (I - P_A) z = 0 dropped)";
    String m1b = "v not in ker A (v = e_1)";
    out.add(StepSpec.step(id1, loc("proof of Lemma 3.10", "1450-1451"),
            "<z, v> = <P_A z, v> + <(I - P_A) z, v> = <z, P_A v> = 0   (for (I - P_A) z = 0, A v = 0)")
        .run((n, depth, mut) -> {
          ChouModel cm = ChouModel.symbolic(1, n, 1);
          Problem p = start(id1, "M=1,N=" + n + " (symbolic a; z = s a, v = sum t_j k_j)", mut);
          List<String> z = new ArrayList<>();
          List<String> v = new ArrayList<>();
          List<ChouModel.KernelVector> basis = cm.kernelBasis();
          for (int k = 1; k <= n; k++) {
            z.add(mut.equals(m1a) ? (k == 1 ? "1" : "0") : "s*" + Sym.a(1, k));
            if (mut.equals(m1b)) {
              v.add(k == 1 ? "1" : "0");
            } else {
              List<String> t = new ArrayList<>();
              for (int j = 0; j < basis.size(); j++) {
                t.add("t" + (j + 1) + "*(" + basis.get(j).entries().get(k - 1) + ")");
              }
              v.add(Sym.sum(t));
            }
          }
          List<List<String>> q = projector(n);
          List<String> pz = new ArrayList<>();
          List<String> pv = new ArrayList<>();
          List<String> qz = apply(q, z);
          List<String> qv = apply(q, v);
          for (int k = 0; k < n; k++) {
            pz.add("(" + z.get(k) + " - " + qz.get(k) + ")");
            pv.add("(" + v.get(k) + " - " + qv.get(k) + ")");
          }
          p.step("(I - P_A) z = 0 iff z = s a (row space of the one-row A); A v = 0 iff v = sum t_j k_j; P_A = a a^T/||a||^2 "
              + "written out");
          p.equation("<z,v> = <P_A z, v> + <(I - P_A) z, v>", Sym.dot(z, v), "(" + Sym.dot(pz, v) + " + " + Sym.dot(qz, v) + ")");
          p.equation("<P_A z, v> + <(I - P_A) z, v> = <z, P_A v>", "(" + Sym.dot(pz, v) + " + " + Sym.dot(qz, v) + ")",
              Sym.dot(z, pv));
          p.equation("<z, P_A v> = 0", Sym.dot(z, pv), "0");
          rowNorm(p, n);
          cm.addData(p);
          p.variable("s", -2, 2);
          for (int j = 1; j <= basis.size(); j++) {
            p.variable("t" + j, -2, 2);
          }
          return p.build();
        }, new int[][] {{2, 1}}, m1a, m1b));

    String id2 = "chou/lemma-3.10#step-2";
    String m2a = "v not in ker A (v = e_1)";
    String m2b = "x^(-1) in place of log(x)";
    out.add(StepSpec.step(id2, loc("proof of Lemma 3.10, case L = 2", "1452-1465"),
            "<log(x(t_k)), v> = <log(x0), v>   (L = 2, A v = 0)")
        .run((n, depth, mut) -> glfConserved(id2, n, 2, mut, mut.equals(m2b) ? "x^(-1)" : "Log(x)", mut.equals(m2a)),
            new int[][] {{2, 2}, {3, 2}}, m2a, m2b));

    String id3 = "chou/lemma-3.10#step-3";
    String m3a = "v not in ker A (v = e_1)";
    String m3b = "x^(1-L) in place of x^(2/L-1)";
    out.add(StepSpec.finding(id3, loc("proof of Lemma 3.10, case L != 2", "1470-1474"),
            "<x^(2/L - 1)(t_k), v> = <x0^(2/L - 1), v>   (L != 2, A v = 0)")
        .run((n, depth, mut) -> glfConserved(id3, n, depth, mut, mut.equals(m3b) ? "x^(1-L)" : "x^(2/L-1)", mut.equals(m3a)),
            new int[][] {{2, 3}, {2, 1}, {2, 4}}, m3a, m3b)
        .note("FINDING (proof step only): with x following (11), as in the case L = 2 just before (which uses Lemma 3.7's "
            + "log(x)), <x^(2/L-1), v> is not constant for L = 3, 4 (holds for L = 1, where 2/L - 1 = 2 - L); the conserved "
            + "quantity of Lemma 3.7 is <x^(2-L), v>, i.e. <x~^(2/L-1), v> with x~ = x^L (the notation of Lemma 3.11 and of "
            + "the proof of Theorem 2.2); chou/lemma-3.10#step-3-corrected proves <x^(2-L)(t_k), v> = <x0^(2-L), v>")
        .note("does not affect the statement for L > 2: with 2 - L < 0 the left side still tends to infinity when x_j(t_k) "
            + "-> 0; for L = 1 (exponent 1) the next sentence ('the left hand side tends to infinity') does not follow, so the "
            + "proof of the case L = 1 is incomplete (not a display; noted only)"));
    String id3c = "chou/lemma-3.10#step-3-corrected";
    out.add(StepSpec.step(id3c, loc("proof of Lemma 3.10, case L != 2 (corrected exponent)", "1470-1474"),
            "<x^(2-L)(t_k), v> = <x0^(2-L), v>   (L != 2, A v = 0)")
        .run((n, depth, mut) -> glfConserved(id3c, n, depth, mut, mut.equals(m3b) ? "x^(1-L)" : "x^(2-L)", mut.equals(m3a)),
            new int[][] {{2, 3}, {2, 1}, {2, 4}}, m3a, m3b));
    return out;
  }

  /**
   * d/dt sum_k v_k phi(x_k) = 0 along (11) for v in ker A, with x = s^L (s > 0) substituted after
   * differentiating so that fractional powers of x are monomials in s.
   */
  private static Case glfConserved(String id, int n, int depth, String mut, String phi, boolean notKernel) {
    ChouModel cm = ChouModel.symbolic(1, n, depth);
    List<String> x = Sym.vec("x", n);
    Problem p = start(id, cm.dims() + " " + cm.over("x = s^L > 0"), mut);
    String loss = cm.loss(x);
    List<String> terms = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      String xk = "x" + k;
      String ph = "ReplaceAll(" + phi + ", {x->" + xk + ", L->" + depth + "})";
      terms.add("(D(" + ph + ", " + xk + ")*(-D(" + loss + ", " + xk + ")))");
    }
    StringBuilder rules = new StringBuilder("{");
    for (int k = 1; k <= n; k++) {
      rules.append(k > 1 ? ", " : "").append("x").append(k).append("->s").append(k).append("^").append(depth);
    }
    rules.append("}");
    p.define("L(x) (10)", loss).define("map", phi);
    p.step("d_t x = -grad L(x) (11) with Symja's gradient of (10); d/dt <phi(x), v> = sum_k v_k phi'(x_k) d_t x_k; then "
        + "x_k = s_k^L (s_k > 0) and PowerExpand, so x^(2/L-1) = s^(2-L)");
    for (ChouModel.KernelVector kv : kernel(cm, notKernel)) {
      List<String> t = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        t.add("(" + kv.entries().get(k) + ")*" + terms.get(k));
      }
      p.equation("d/dt <phi(x), " + kname(kv) + "> = 0, " + kv.label(), "PowerExpand(ReplaceAll(" + Sym.sum(t) + ", " + rules + "))",
          "0");
    }
    cm.addData(p);
    return p.variables(Sym.vec("s", n), 0.2, 2).build();
  }

  // --- Lemma 3.12 --------------------------------------------------------------------------------

  static List<StepSpec> lemma312() {
    List<StepSpec> out = new ArrayList<>();
    String rt = "Exp(r^2/(2*eta))";
    String id1 = "chou/lemma-3.12#step-1";
    String m1a = "r r~^2 in place of r r~";
    String m1b = "||u|| in place of ||u||^2";
    String m1c = "r~ = exp(r^2/eta~) on the right";
    out.add(StepSpec.step(id1, loc("proof of Lemma 3.12, case L = 1", "1768-1771"),
            "<r u, r~ u> = r r~ ||u||_2^2 = r r~,  r~ = exp(r^2/(2 eta~))")
        .run((n, depth, mut) -> {
          List<String> u = Sym.vec("u", n);
          Problem p = start(id1, "N=" + n + " (symbolic u, r, eta~; ||u|| free in the first link)", mut);
          String right = mut.equals(m1a) ? "r*" + rt + "^2*" + Sym.normSq(u) : mut.equals(m1b) ? "r*" + rt + "*Sqrt(" + Sym.normSq(u) + ")"
              : mut.equals(m1c) ? "r*Exp(r^2/eta)*" + Sym.normSq(u) : "r*" + rt + "*" + Sym.normSq(u);
          p.step("the second link is the first at ||u|| = 1 (Lemma 3.2)");
          p.equation("<r u, r~ u> = r r~ ||u||^2", Sym.dot(times("r", u), times(rt, u)), right);
          return p.variables(u, -2, 2).norm("nu", u).variable("r", 0.1, 2).variable("eta", 0.1, 2).build();
        }, new int[][] {{2, 1}}, m1a, m1b, m1c));

    String id2 = "chou/lemma-3.12#step-2";
    String m2a = "2 log(r~) in place of log(r~)";
    String m2b = "r in place of r^2 in front";
    String m2c = "<u, log(u)> in place of <u^2, log(u)>";
    out.add(StepSpec.step(id2, loc("proof of Lemma 3.12, case L = 2", "1801-1811"),
            "<(r u)^2, log(r~ u)> = r^2 (log(r~) <u^2, 1> + <u^2, log(u)>) = r^2 (log(r~) ||u||_2^2 + <u^2, log(u)>)")
        .run((n, depth, mut) -> {
          List<String> u = Sym.vec("u", n);
          Problem p = start(id2, "N=" + n + " (symbolic u > 0, r, eta~)", mut);
          List<String> lhs = new ArrayList<>();
          List<String> ulog = new ArrayList<>();
          List<String> u2 = new ArrayList<>();
          for (String uk : u) {
            lhs.add("(r*" + uk + ")^2*Log(" + rt + "*" + uk + ")");
            ulog.add((mut.equals(m2c) ? uk : uk + "^2") + "*Log(" + uk + ")");
            u2.add(uk + "^2");
          }
          String lr = mut.equals(m2a) ? "2*Log(" + rt + ")" : "Log(" + rt + ")";
          String pre = mut.equals(m2b) ? "r" : "r^2";
          p.step("u, r, eta~ > 0: PowerExpand");
          p.equation("<(ru)^2, log(r~ u)> = r^2 (log(r~) <u^2, 1> + <u^2, log u>)", "PowerExpand(" + Sym.sum(lhs) + ")",
              "PowerExpand(" + pre + "*(" + lr + "*" + Sym.sum(u2) + " + " + Sym.sum(ulog) + "))");
          p.equation("<u^2, 1> = ||u||^2", Sym.sum(u2), Sym.normSq(u));
          return p.variables(u, 0.1, 2).variable("r", 0.1, 2).variable("eta", 0.1, 2).build();
        }, new int[][] {{2, 2}}, m2a, m2b, m2c));

    String id3 = "chou/lemma-3.12#step-3";
    String right = "((B1/(2*eta)*s + B2)*r^2 + CC)";
    String upper = "(B1*Log(" + rt + ")*s + CC + B2*r^2)";
    String m3a = "r^4/eta~ in place of r^4/(2 eta~)";
    String m3b = "r^3 in place of r^4";
    out.add(StepSpec.finding(id3, loc("proof of Lemma 3.12, case L = 2, combining the bounds with (48)", "1857-1873"),
            "r^4/(2 eta~) - e N r^2/2 <= (B1/(2 eta~) ||P_A 1||_1 + B2) r^2 + C")
        .run((n, depth, mut) -> boundsCase(id3, mut, mut.equals(m3a) ? "r^4/eta" : mut.equals(m3b) ? "r^3/(2*eta)" : "r^4/(2*eta)",
            "E*nn*r^2/2", right, upper, rt), new int[][] {{0, 2}}, m3a, m3b)
        .note("FINDING (proof step only): (48) gives <(ru)^2, log(r~u)> >= r^2 (log(r~) - N/(2e)) = r^4/(2 eta~) - N r^2/(2e) "
            + "(log r~ = r^2/(2 eta~)); the display prints e N r^2/2 for N r^2/(2e) "
            + "(chou/lemma-3.12#step-3-corrected); the right side is the upper bound's last line with log r~ = r^2/(2 eta~) "
            + "and ||P_A log(u)||_1 B1 <= C, which holds as printed")
        .note("does not affect the statement: either way the left side grows like r^4 and the right like r^2"));
    String id3c = "chou/lemma-3.12#step-3-corrected";
    String m3c = "e N r^2/2 (as printed) in place of N r^2/(2e)";
    out.add(StepSpec.step(id3c, loc("proof of Lemma 3.12, case L = 2 (corrected constant)", "1857-1873"),
            "r^4/(2 eta~) - N r^2/(2e) <= (B1/(2 eta~) ||P_A 1||_1 + B2) r^2 + C")
        .run((n, depth, mut) -> boundsCase(id3c, mut, mut.equals(m3a) ? "r^4/eta" : mut.equals(m3b) ? "r^3/(2*eta)" : "r^4/(2*eta)",
            mut.equals(m3c) ? "E*nn*r^2/2" : "nn*r^2/(2*E)", right, upper, rt), new int[][] {{0, 2}}, m3a, m3b, m3c));
    return out;
  }

  private static Case boundsCase(String id, String mut, String quartic, String quadratic, String right, String upper, String rt) {
    Problem p = start(id, "scalar (symbolic r, eta~, N, B1, B2, C, s = ||P_A 1||_1)", mut);
    p.step("the proof's numbers: lower bound (48) r^2 (log r~ - N/(2e)) with r~ = exp(r^2/(2 eta~)); upper bound "
        + "B1 log(r~) ||P_A 1||_1 + C + B2 r^2 (C bounds B1 ||P_A log(u)||_1); each side of the display must be that number");
    p.equation("left side = r^2 (log(r~) - N/(2e))", "(" + quartic + " - " + quadratic + ")",
        "PowerExpand(r^2*(Log(" + rt + ") - nn/(2*E)))");
    p.equation("right side = B1 log(r~) ||P_A 1||_1 + C + B2 r^2", right, "PowerExpand(" + upper + ")");
    return p.variable("r", 0.1, 3).variable("eta", 0.1, 2).variable("nn", 2, 5).variable("B1", 0, 2).variable("B2", 0, 2)
        .variable("CC", 0, 2).variable("s", 0, 3).build();
  }

  // --- Lemma 3.14 --------------------------------------------------------------------------------

  static List<StepSpec> lemma314() {
    List<StepSpec> out = new ArrayList<>();
    String id1 = "chou/lemma-3.14#step-1";
    String m1a = "first line with u d_t r/||u||^2 in place of u d_t r/||u||";
    String m1b = "second line with eta_u r/||u||^2 in place of eta_u r^2/||u||^2";
    String m1c = "second line with eta_r and eta_u swapped";
    out.add(StepSpec.step(id1, loc("proof of Lemma 3.14", "1922-1991"),
            "d_t (r u/||u||_2) = u d_t r/||u||_2 + (r/||u||_2)(I - P_u) d_t u = -eta_r P_u grad L(r u/||u||_2) "
                + "- eta_u (r^2/||u||_2^2)(I - P_u) grad L(r u/||u||_2) = -(eta_r P_u + (eta_u r^2/||u||_2^2)(I - P_u)) grad L(r u/||u||_2)")
        .run((n, depth, mut) -> {
          Wn f = new Wn(n, depth, "etaR", "etaU");
          Problem p = start(id1, f.cm.dims() + " " + f.cm.over("r, u, eta_r, eta_u; ||u|| free"), mut);
          f.define(p);
          List<String> g = f.cm.gradientAt(f.x);
          String ug = Sym.dot(f.u, g);
          String udu = Sym.dot(f.u, f.du);
          String nrm = "Sqrt(" + f.nsq + ")";
          String er = mut.equals(m1c) ? "etaU" : "etaR";
          String eu = mut.equals(m1c) ? "etaR" : "etaU";
          String rr = mut.equals(m1b) ? "r" : "r^2";
          for (int k = 0; k < n; k++) {
            String uk = f.u.get(k);
            String l1 = "(" + uk + "*" + f.dr + "/" + (mut.equals(m1a) ? "(" + f.nsq + ")" : nrm) + " + r/" + nrm + "*(" + f.du.get(k)
                + " - " + uk + "*" + udu + "/(" + f.nsq + ")))";
            String pg = "(" + uk + "*" + ug + "/(" + f.nsq + "))";
            String qg = "(" + g.get(k) + " - " + pg + ")";
            String l2 = "(-" + er + "*" + pg + " - " + eu + "*" + rr + "/(" + f.nsq + ")*" + qg + ")";
            String l3 = "(-(etaR*" + pg + " + etaU*r^2/(" + f.nsq + ")*" + qg + "))";
            p.equation("d_t x" + (k + 1) + " = line 2", f.ddt(f.x.get(k)), l1);
            p.equation("line 2 = line 3, entry " + (k + 1), l1, l2);
            p.equation("line 3 = line 4, entry " + (k + 1), l2, l3);
          }
          p.step("d_t x_k by the chain rule along (13)-(14) (Symja D); grad L = Symja's gradient of (10) at x");
          f.cm.addData(p);
          return p.variable("r", 0.1, 2).variable("etaR", 0.1, 2).variable("etaU", 0.1, 2).variables(f.u, -2, 2)
              .norm("nu", f.u).build();
        }, new int[][] {{2, 2}}, m1a, m1b, m1c)
        .note("the second line's (I - P_u) comes from (I - P_u)^2 = I - P_u (d_t u is already orthogonal to u), so dropping "
            + "(I - P_u) from the first line is no control: it is true in disguise"));

    String id2 = "chou/lemma-3.14#step-2";
    String m2a = "r u (r u)^T/r in place of /r^2";
    String m2b = "x x^T/||x|| in place of x x^T/||x||^2";
    out.add(StepSpec.step(id2, loc("proof of Lemma 3.14", "1993-1999"),
            "P_u = u u^T/||u||_2^2 = r u (r u)^T/r^2 = x x^T/||x||_2^2 = P_x   (||u|| = 1, x = r u)")
        .run((n, depth, mut) -> {
          List<String> u = Sym.vec("u", n);
          Problem p = start(id2, "N=" + n + " ||u|| = 1 (symbolic u, r)", mut);
          List<String> x = times("r", u);
          for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
              String a = u.get(i) + "*" + u.get(j) + "/(" + Sym.normSq(u) + ")";
              String b = "(r*" + u.get(i) + ")*(r*" + u.get(j) + ")/" + (mut.equals(m2a) ? "r" : "r^2");
              String c = "(" + x.get(i) + ")*(" + x.get(j) + ")/" + (mut.equals(m2b) ? "Sqrt(" + Sym.normSq(x) + ")" : "(" + Sym.normSq(x) + ")");
              p.equation("(" + (i + 1) + "," + (j + 1) + "): line 1 = line 2", a, b);
              p.equation("(" + (i + 1) + "," + (j + 1) + "): line 2 = line 3", b, c);
            }
          }
          return p.variable("r", 0.1, 2).sphere(Sphere.unit(u, false)).build();
        }, new int[][] {{2, 1}, {3, 1}}, m2a, m2b));
    return out;
  }

  // --- Lemma 3.19 --------------------------------------------------------------------------------

  static final String BR_HALF = "1/2 <x~, 1> with 1 in place of 1/2";
  static final String BR_SIGN = "1/(L - 2) in place of 1/(2 - L) in the last term";
  static final String BR_EXP = "last term with x~^(2/L) in place of x~^(2/L - 1)";

  static StepSpec lemma319() {
    String id = "chou/lemma-3.19#step-1";
    return StepSpec.step(id, loc("proof of Lemma 3.19, the Bregman divergence of (51) with F of (53)", "2126-2137"),
            "D_F(z, x~) = 1/2 <z log(z) - z + x~, 1> - 1/2 <log(x~), z> if L = 2; "
                + "<(L/(2(2-L))) z^(2/L) + (1/2) x~^(2/L), 1> - (1/(2-L)) <x~^(2/L - 1), z> if L > 2")
        .run((n, depth, mut) -> {
          Problem p = start(id, "N=" + n + ",L=" + depth + " (x~ = s^L, z = q^L, s, q > 0)", mut);
          List<String> xt = Sym.vec("xt", n);
          List<String> z = Sym.vec("z", n);
          String fsrc = depth == 2 ? "(1/2)*(y*Log(y) - y)" : "(" + depth + "/(2*(2-" + depth + ")))*y^(2/" + depth + ")";
          List<String> fx = new ArrayList<>();
          List<String> fz = new ArrayList<>();
          List<String> lin = new ArrayList<>();
          List<String> printed = new ArrayList<>();
          String half = mut.equals(BR_HALF) ? "1" : "(1/2)";
          for (int k = 0; k < n; k++) {
            String xk = xt.get(k);
            String zk = z.get(k);
            fx.add("ReplaceAll(" + fsrc + ", y->" + xk + ")");
            fz.add("ReplaceAll(" + fsrc + ", y->" + zk + ")");
            lin.add("D(" + fx.get(k) + ", " + xk + ")*(" + zk + " - " + xk + ")");
            if (depth == 2) {
              printed.add("((1/2)*(" + zk + "*Log(" + zk + ") - " + zk + ") + " + half + "*" + xk + " - (1/2)*Log(" + xk + ")*" + zk + ")");
            } else {
              String c = mut.equals(BR_SIGN) ? "(1/(" + depth + "-2))" : "(1/(2-" + depth + "))";
              String e = mut.equals(BR_EXP) ? "(2/" + depth + ")" : "(2/" + depth + "-1)";
              printed.add("((" + depth + "/(2*(2-" + depth + ")))*" + zk + "^(2/" + depth + ") + " + half + "*" + xk + "^(2/" + depth
                  + ") - " + c + "*" + xk + "^" + e + "*" + zk + ")");
            }
          }
          String df = "(" + Sym.sum(fz) + " - " + Sym.sum(fx) + " - " + Sym.sum(lin) + ")";
          StringBuilder rules = new StringBuilder("{");
          for (int k = 1; k <= n; k++) {
            rules.append(k > 1 ? ", " : "").append("xt").append(k).append("->s").append(k).append("^").append(depth).append(", z")
                .append(k).append("->q").append(k).append("^").append(depth);
          }
          rules.append("}");
          p.define("F (53)", fsrc);
          p.step("D_F(z, x~) = F(z) - F(x~) - <grad F(x~), z - x~> (51) with Symja's D of F (53); then x~ = s^L, z = q^L "
              + "and PowerExpand (positive reals), so fractional powers become monomials");
          p.equation("D_F(z, x~) (51) = printed form", "PowerExpand(ReplaceAll(" + df + ", " + rules + "))",
              "PowerExpand(ReplaceAll(" + Sym.sum(printed) + ", " + rules + "))");
          return p.variables(Sym.vec("s", n), 0.2, 2).variables(Sym.vec("q", n), 0.2, 2).build();
        }, new int[][] {{2, 3}, {2, 2}, {2, 4}}, BR_HALF, BR_SIGN, BR_EXP)
        .note("Lemma 3.18 has no printed proof (its display (52) is a statement, chou/lemma-3.18)");
  }
}
