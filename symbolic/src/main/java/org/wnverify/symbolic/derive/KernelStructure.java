package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.codegen.KernelMaps;
import org.wnverify.symbolic.codegen.ScalarMap;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.Variable;

/**
 * Verifies the loop templates of {@link org.wnverify.symbolic.codegen.KernelSources}: each
 * template, written here symbolically with the same scalar maps, must equal the full symbolic
 * gradient or vector field (Symja D of the loss) for fixed small N with symbolic entries and a
 * symbolic depth L. The Java loops and these formulas are kept side by side in review; the
 * numeric tests of the emitted kernels close the loop from the other end.
 */
final class KernelStructure {
  private KernelStructure() {}

  enum Template {
    GRADIENT, WN_FLOW, EWN_FLOW, SWN_FLOW, LOSS, REDUCED_FLOW, WU_FLOW
  }

  static IdentityProblem problem(Template t, int m, int n) {
    return switch (t) {
      case GRADIENT -> gradient(m, n, false);
      case WN_FLOW -> gradient(m, n, true);
      case EWN_FLOW -> node(KernelMaps.EWN_SCALE, KernelMaps.EWN_SCALE_DERIVATIVE, "alpha", n);
      case SWN_FLOW -> node(KernelMaps.SWN_SCALE, KernelMaps.SWN_SCALE_DERIVATIVE, "gam", n);
      case LOSS -> loss(m, n);
      case REDUCED_FLOW -> reduced(m, n);
      case WU_FLOW -> wu(m, n);
    };
  }

  /** Data variables A (m x n), b and the symbolic depth L. */
  private static List<Variable> data(int m, int n, String rhs) {
    List<Variable> vars = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      for (int k = 1; k <= n; k++) {
        vars.add(Variable.of(Sym.a(i, k), -2, 2));
      }
      vars.add(Variable.of(rhs + i, -2, 2));
    }
    return vars;
  }

  private static String fullLoss(int m, int n, List<String> x) {
    List<String> res = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        t.add(Sym.a(i, k) + "*(" + x.get(k - 1) + ")^L");
      }
      res.add("(" + Sym.sum(t) + "-b" + i + ")");
    }
    return "(" + Sym.normSq(res) + "/(2*L))";
  }

  /** GradientFlowKernel.loss: sum_i (sum_k a_ik power(x_k) - b_i)^2 / (2L) against (10). */
  private static IdentityProblem loss(int m, int n) {
    List<String> x = Sym.vec("x", n);
    List<String> res = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        t.add(Sym.a(i, k) + "*" + KernelMaps.POWER.applied(x.get(k - 1), "L"));
      }
      res.add("(" + Sym.sum(t) + " - b" + i + ")");
    }
    Map<String, String> defects = Map.of("GradientFlowKernel.loss", "(" + Sym.normSq(res) + ")/(2*L) - " + fullLoss(m, n, x));
    List<Variable> vars = data(m, n, "b");
    vars.add(Variable.of("L", 1, 4));
    x.forEach(s -> vars.add(Variable.of(s, 0.1, 2)));
    String dims = "GradientFlowKernel.loss M=" + m + ",N=" + n + " (symbolic A, b, L, x)";
    return new IdentityProblem("codegen template " + dims, dims, List.of("template: the kernel's loop with power = "
        + KernelMaps.POWER.source() + "; full: (10)"), defects, vars);
  }

  /** ReducedFlowKernel.derivative: (49)'s right side with the template gradient. */
  private static IdentityProblem reduced(int m, int n) {
    List<String> x = Sym.vec("x", n);
    List<String> g = templateGradient(m, n, x);
    String loss = fullLoss(m, n, x);
    String xx = Sym.normSq(x);
    String xg = Sym.dot(x, g);
    List<String> grad = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      grad.add("D(" + loss + ", x" + k + ")");
    }
    String xgFull = Sym.dot(x, grad);
    Map<String, String> defects = new LinkedHashMap<>();
    for (int k = 1; k <= n; k++) {
      String tmpl = "(-(etaR*x" + k + "*" + xg + "/" + xx + " + etaU*(" + xx + "*" + g.get(k - 1) + " - x" + k + "*" + xg + ")))";
      String full = "(-(etaR*x" + k + "*" + xgFull + "/" + xx + " + etaU*(" + xx + "*" + grad.get(k - 1) + " - x" + k + "*"
          + xgFull + ")))";
      defects.put("ReducedFlowKernel out[" + (k - 1) + "]", tmpl + " - " + full);
    }
    List<Variable> vars = data(m, n, "b");
    vars.add(Variable.of("L", 1, 4));
    x.forEach(s -> vars.add(Variable.of(s, 0.1, 2)));
    vars.add(Variable.of("etaR", 0.1, 2));
    vars.add(Variable.of("etaU", 0.1, 2));
    String dims = "ReducedFlowKernel.derivative M=" + m + ",N=" + n + " (symbolic A, b, L, x, eta_r, eta_u)";
    return new IdentityProblem("codegen template " + dims, dims, List.of(
        "template: -(eta_r x x^T/||x||^2 + eta_u (||x||^2 I - x x^T)) g with the template gradient g",
        "full: the same with Symja's gradient of (10) ((49) itself: chou/lemma-3.14)"), defects, vars);
  }

  /** WuFlowKernel.derivative against -c D(h, g), -D(h, w_k) for h of (2). */
  private static IdentityProblem wu(int m, int d) {
    List<String> w = Sym.vec("w", d);
    String nw = Sym.norm(w);
    List<String> res = new ArrayList<>();
    List<String> full = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= d; k++) {
        t.add(Sym.a(i, k) + "*g*w" + k + "/" + nw);
      }
      res.add("(" + Sym.sum(t) + " - y" + i + ")");
      full.add("(" + Sym.sum(t) + " - y" + i + ")");
    }
    String h = "(" + Sym.normSq(full) + "/2)";
    List<String> q = new ArrayList<>();
    for (int k = 1; k <= d; k++) {
      List<String> col = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        col.add(Sym.a(i, k) + "*" + res.get(i - 1));
      }
      q.add(Sym.sum(col));
    }
    List<String> v = new ArrayList<>();
    w.forEach(wk -> v.add("(" + wk + "/" + nw + ")"));
    String vq = Sym.dot(v, q);
    Map<String, String> defects = new LinkedHashMap<>();
    defects.put("WuFlowKernel out[0]", "(-cc*" + vq + ") - (-cc*D(" + h + ", g))");
    for (int k = 1; k <= d; k++) {
      defects.put("WuFlowKernel out[" + k + "]", "(-(g/" + nw + ")*(" + q.get(k - 1) + " - " + v.get(k - 1) + "*" + vq + "))"
          + " - (-D(" + h + ", w" + k + "))");
    }
    List<Variable> vars = data(m, d, "y");
    vars.add(Variable.of("g", -2, 2));
    vars.add(Variable.of("cc", 0.1, 2));
    w.forEach(s -> vars.add(Variable.of(s, -2, 2)));
    String dims = "WuFlowKernel.derivative m=" + m + ",d=" + d + " (symbolic A, y, g, w, c)";
    return new IdentityProblem("codegen template " + dims, dims, List.of(
        "template: q = A^T (g A w/||w|| - y), dg/dt = -c v^T q, dw/dt = -(g/||w||)(q - v v^T q)",
        "full: -c D(h, g), -D(h, w_k) for h of (2) (Symja)"), defects, vars, Map.of("nw", w));
  }

  /**
   * BregmanKernel.divergence: the sum of the template entries f(z) - f(y) - f'(y)(z - y), built from
   * the scalar maps, equals D_F(z, y) built from F of (53) as a whole (the form chou/lemma-3.18
   * differentiates), for N = 2, 3 and L = 2, 3, 4; and gamma/log gamma of (42).
   */
  static IdentityProblem bregman(int n) {
    List<String> y = Sym.vec("y", n);
    List<String> z = Sym.vec("z", n);
    Map<String, String> defects = new LinkedHashMap<>();
    for (int depth = 2; depth <= 4; depth++) {
      ScalarMap f = depth == 2 ? KernelMaps.BREGMAN_F_LOG : KernelMaps.BREGMAN_F_POWER;
      ScalarMap df = depth == 2 ? KernelMaps.BREGMAN_F_LOG_DERIVATIVE : KernelMaps.BREGMAN_F_POWER_DERIVATIVE;
      List<String> entries = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        String fz = depth == 2 ? f.applied(z.get(k)) : f.applied(z.get(k), Integer.toString(depth));
        String fy = depth == 2 ? f.applied(y.get(k)) : f.applied(y.get(k), Integer.toString(depth));
        String dfy = depth == 2 ? df.applied(y.get(k)) : df.applied(y.get(k), Integer.toString(depth));
        entries.add("(" + fz + " - " + fy + " - " + dfy + "*(" + z.get(k) + " - " + y.get(k) + "))");
      }
      String fy = ChouLemma318.f(depth, y, ChouLemma318.Mutation.NONE);
      Map<String, String> yToZ = new LinkedHashMap<>();
      for (int k = 0; k < n; k++) {
        yToZ.put(y.get(k), z.get(k));
      }
      List<String> diff = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        diff.add("D(" + fy + ", y" + k + ")*(z" + k + " - y" + k + ")");
      }
      String full = "(" + Sym.replace(fy, yToZ) + " - " + fy + " - " + Sym.sum(diff) + ")";
      defects.put("BregmanKernel.divergence, L = " + depth, Sym.sum(entries) + " - " + full);
    }
    defects.put("gamma = (42)", KernelMaps.GAMMA.source() + " - (r/r0)*Exp((r0^2 - r^2)/(2*eta))");
    defects.put("exp(log gamma) = gamma", "Exp(" + KernelMaps.LOG_GAMMA.source() + ") - " + KernelMaps.GAMMA.source());
    List<Variable> vars = new ArrayList<>();
    y.forEach(s -> vars.add(Variable.of(s, 0.1, 2)));
    z.forEach(s -> vars.add(Variable.of(s, 0.1, 2)));
    vars.add(Variable.of("r0", 0.1, 2));
    vars.add(Variable.of("r", 0.1, 3));
    vars.add(Variable.of("eta", 0.1, 2));
    String dims = "BregmanKernel N=" + n + " (symbolic y, z > 0; L = 2, 3, 4)";
    return new IdentityProblem("codegen " + dims, dims, List.of(
        "template: sum of f(z_k) - f(y_k) - f'(y_k)(z_k - y_k) with the maps; full: D_F of (51), (53) as chou/lemma-3.18 "
            + "builds it"), defects, vars);
  }

  /**
   * The invariant entries the kernel evaluates in the log domain equal the printed maps of (32):
   * for L = 2, exp of the log-domain map equals u exp(r^2/(2 eta)) (and exp is injective on the
   * reals, log(u exp(.)) being real for u > 0); for L != 2, exp of the exponent map equals u^(2-L)
   * exp((2-L) r^2/(2 eta)) for each integer depth the kernels are used with.
   */
  static IdentityProblem logDomain() {
    Map<String, String> defects = new LinkedHashMap<>();
    defects.put("exp(wnInvariantLog) = u exp(r^2/(2 eta)) (L = 2)",
        "Exp(" + KernelMaps.WN_INVARIANT_LOG_DOMAIN.source() + ") - Exp(" + KernelMaps.WN_INVARIANT_LOG.source() + ")");
    for (int depth : new int[] {1, 3, 4, 5, 6}) {
      String exponent = "ReplaceAll(" + KernelMaps.WN_INVARIANT_POWER_EXPONENT.source() + ", L->" + depth + ")";
      String printed = "ReplaceAll(" + KernelMaps.WN_INVARIANT_POWER.source() + ", L->" + depth + ")";
      defects.put("exp(wnInvariantPowerExponent) = printed (32), L = " + depth, "Exp(" + exponent + ") - " + printed);
    }
    defects.put("exp(wuInvariantLogScale) = exp(g^2/(2c))", "Exp(" + KernelMaps.WU_INVARIANT_LOG_SCALE.source()
        + ") - Exp(g^2/(2*cc))");
    List<Variable> vars = List.of(Variable.of("u", 0.05, 2), Variable.of("r", 0.1, 3), Variable.of("eta", 0.05, 2),
        Variable.of("g", -2, 2), Variable.of("cc", 0.1, 2));
    String dims = "InvariantKernel log-domain maps (symbolic u > 0, r, eta; L = 1..6)";
    return new IdentityProblem("codegen " + dims, dims, List.of(
        "log-domain maps derived by PowerExpand (valid for u > 0); exp of each equals the printed map"), defects, vars);
  }

  /** Template: g_k = (sum_i a_ik (sum_j a_ij power(x_j) - b_i)) gradientFactor(x_k). */
  static List<String> templateGradient(int m, int n, List<String> x) {
    List<String> res = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        t.add(Sym.a(i, k) + "*" + KernelMaps.POWER.applied(x.get(k - 1), "L"));
      }
      res.add("(" + Sym.sum(t) + " - b" + i + ")");
    }
    List<String> g = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      List<String> col = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        col.add(Sym.a(i, k) + "*" + res.get(i - 1));
      }
      g.add("(" + Sym.sum(col) + "*" + KernelMaps.GRADIENT_FACTOR.applied(x.get(k - 1), "L") + ")");
    }
    return g;
  }

  private static IdentityProblem gradient(int m, int n, boolean wn) {
    List<String> x = Sym.vec("x", n);
    List<String> u = Sym.vec("u", n);
    List<String> resFull = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        t.add(Sym.a(i, k) + "*" + x.get(k - 1) + "^L");
      }
      resFull.add("(" + Sym.sum(t) + "-b" + i + ")");
    }
    String loss = "(" + Sym.normSq(resFull) + "/(2*L))";
    Map<String, String> defects = new LinkedHashMap<>();
    List<Variable> vars = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      for (int k = 1; k <= n; k++) {
        vars.add(Variable.of(Sym.a(i, k), -2, 2));
      }
      vars.add(Variable.of("b" + i, -2, 2));
    }
    vars.add(Variable.of("L", 1, 4));
    String what;
    if (!wn) {
      List<String> g = templateGradient(m, n, x);
      for (int k = 1; k <= n; k++) {
        defects.put("lossGradient[" + k + "]", g.get(k - 1) + " - D(" + loss + ", x" + k + ")");
      }
      x.forEach(s -> vars.add(Variable.of(s, 0.1, 2)));
      what = "GradientFlowKernel.lossGradient";
    } else {
      Map<String, String> at = ChouGradients.wnPoint(n);
      List<String> xs = new ArrayList<>(at.values());
      List<String> g = templateGradient(m, n, xs);
      String nu = Sym.norm(u);
      String ug = Sym.dot(u, g);
      String lossWn = Sym.replace(loss, at);
      defects.put("WnFlowKernel out[0]", "(-etaR*" + ug + "/" + nu + ") - (-etaR*D(" + lossWn + ", r))");
      for (int k = 1; k <= n; k++) {
        defects.put("WnFlowKernel out[" + k + "]", "(-etaU*(r/" + nu + ")*(" + g.get(k - 1) + " - u" + k + "*" + ug
            + "/(" + nu + "*" + nu + "))) - (-etaU*D(" + lossWn + ", u" + k + "))");
      }
      vars.add(Variable.of("r", 0.1, 2));
      u.forEach(s -> vars.add(Variable.of(s, 0.1, 2)));
      vars.add(Variable.of("etaR", 0.1, 2));
      vars.add(Variable.of("etaU", 0.1, 2));
      what = "WnFlowKernel.derivative";
    }
    String dims = what + " M=" + m + ",N=" + n + " (symbolic A, b, L" + (wn ? ", r, u, eta_r, eta_u" : ", x") + ")";
    List<String> steps = List.of(
        "template built from the scalar maps power = " + KernelMaps.POWER.source() + ", gradientFactor = "
            + KernelMaps.GRADIENT_FACTOR.source() + " with the kernel's loop structure",
        "full: Symja D of ||A x^L - b||^2/(2L)" + (wn ? " at x = r u/||u||, times -eta_r, -eta_u" : ""));
    return new IdentityProblem("codegen template " + dims, dims, steps, defects, vars, wn ? Map.of("nu", u) : Map.of());
  }

  /** EWN/SWN node kernel: derivative of (p, v) and the chain-rule dw/dt. */
  private static IdentityProblem node(ScalarMap scale, ScalarMap scaleDerivative, String p, int d) {
    List<String> v = Sym.vec("v", d);
    List<String> g = Sym.vec("g", d);
    List<String> dv = Sym.vec("dv", d);
    String nv = Sym.norm(v);
    String s = scale.applied(p);
    String sd = scaleDerivative.applied(p);
    List<String> w = new ArrayList<>();
    v.forEach(vk -> w.add(scale.source() + "*" + vk + "/" + nv)); // the definition of w, not the map output
    String wg = Sym.dot(w, g);
    String vg = Sym.dot(v, g);
    Map<String, String> defects = new LinkedHashMap<>();
    defects.put("derivative out[0]", "(-eta*" + sd + "*" + vg + "/" + nv + ") - (-eta*D(" + wg + ", " + p + "))");
    for (int k = 1; k <= d; k++) {
      defects.put("derivative out[" + k + "]", "(-eta*(" + s + "/" + nv + ")*(g" + k + " - v" + k + "*" + vg
          + "/(" + nv + "*" + nv + "))) - (-eta*D(" + wg + ", v" + k + "))");
    }
    String vdv = Sym.dot(v, dv);
    for (int k = 1; k <= d; k++) {
      List<String> chain = new ArrayList<>();
      chain.add("D(" + w.get(k - 1) + ", " + p + ")*dp");
      for (int j = 1; j <= d; j++) {
        chain.add("D(" + w.get(k - 1) + ", v" + j + ")*dv" + j);
      }
      defects.put("weightDerivative[" + k + "]", "(" + sd + "*dp*v" + k + "/" + nv + " + (" + s + "/" + nv + ")*(dv" + k
          + " - v" + k + "*" + vdv + "/(" + nv + "*" + nv + "))) - " + Sym.sum(chain));
    }
    List<Variable> vars = new ArrayList<>();
    vars.add(Variable.of(p, -1, 1));
    v.forEach(x -> vars.add(Variable.of(x, -2, 2)));
    g.forEach(x -> vars.add(Variable.of(x, -2, 2)));
    dv.forEach(x -> vars.add(Variable.of(x, -2, 2)));
    vars.add(Variable.of("dp", -2, 2));
    vars.add(Variable.of("eta", 0.1, 2));
    String dims = (p.equals("alpha") ? "EwnFlowKernel" : "SwnFlowKernel") + " d=" + d + " (symbolic " + p + ", v, G, eta)";
    List<String> steps = List.of(
        "template built from scale = " + scale.source() + ", scaleDerivative = " + scaleDerivative.source(),
        "full: -eta D(w^T G, .) with w = " + scale.source() + " v/||v||, and the chain rule D(w, .) for dw/dt");
    return new IdentityProblem("codegen template " + dims, dims, steps, defects, vars, Map.of("nv", v));
  }
}
