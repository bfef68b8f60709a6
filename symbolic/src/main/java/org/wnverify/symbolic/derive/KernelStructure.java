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
    GRADIENT, WN_FLOW, EWN_FLOW, SWN_FLOW
  }

  static IdentityProblem problem(Template t, int m, int n) {
    return switch (t) {
      case GRADIENT -> gradient(m, n, false);
      case WN_FLOW -> gradient(m, n, true);
      case EWN_FLOW -> node(KernelMaps.EWN_SCALE, KernelMaps.EWN_SCALE_DERIVATIVE, "alpha", n);
      case SWN_FLOW -> node(KernelMaps.SWN_SCALE, KernelMaps.SWN_SCALE_DERIVATIVE, "gam", n);
    };
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
