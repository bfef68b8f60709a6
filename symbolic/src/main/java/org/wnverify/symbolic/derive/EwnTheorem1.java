package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.Sphere;
import org.wnverify.symbolic.prove.Variable;

/**
 * EWN paper, Theorem 1 (eqs. (5), (6); flows (7),(8) and (16),(17) of ewn.md in their general
 * form with /||v||). One node, weight vector w in R^d, generic gradient G = grad_w L with
 * symbolic entries g_1..g_d.
 *
 * <p>Components: (a) the printed flows are -eta times the chain-rule gradient of L(w(p, v))
 * (p = alpha or gamma), with all v free; (b) dw/dt by the chain rule, D(w, p) dp/dt + sum_j
 * D(w, v_j) dv_j/dt, equals the printed right side (5) or (6), where ||v|| = 1 is imposed after
 * differentiating (a {@link Sphere}: every power of sum v_k^2 rewritten as 1 in the symbolic
 * step, random points exactly on the whole sphere).
 */
final class EwnTheorem1 {
  private EwnTheorem1() {}

  enum Kind {
    EWN("alpha", "Exp(alpha)"),
    SWN("gam", "gam");

    final String param;
    final String scale;

    Kind(String param, String scale) {
      this.param = param;
      this.scale = scale;
    }
  }

  enum Mutation {
    NONE(""),
    RADIUS_2("||v|| = 2 in place of the hypothesis ||v|| = 1"),
    EWN_RATE_NORM("(5) with ||w|| in place of ||w||^2"),
    SWN_SIGN("(6) with the sign of the radial term flipped");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static final String STATEMENT_EWN =
      "Theorem 1 (EWN): for w = e^alpha v/||v|| following (7),(8) with ||v|| = 1, dw/dt = -eta ||w||^2 G (5)";
  static final String STATEMENT_SWN =
      "Theorem 1 (SWN): for w = gamma v/||v|| following (16),(17) with ||v|| = 1, "
          + "dw/dt = -eta (||w||^2 G + ((1 - ||w||^2)/||w||^2)(w^T G) w) (6)";

  static IdentityProblem problem(Kind kind, int d, Mutation mut) {
    List<String> v = Sym.vec("v", d);
    List<String> g = Sym.vec("g", d);
    String nv = Sym.norm(v);
    String p = kind.param;
    String s = kind.scale;
    List<String> w = new ArrayList<>();
    for (String vk : v) {
      w.add(s + "*" + vk + "/" + nv);
    }
    String vg = Sym.dot(v, g);
    // printed flows, general form
    String dp = kind == Kind.EWN ? "(-eta*Exp(alpha)*" + vg + "/" + nv + ")" : "(-eta*" + vg + "/" + nv + ")";
    List<String> dv = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      dv.add("(-eta*(" + s + "/" + nv + ")*(" + g.get(k) + " - " + v.get(k) + "*" + vg + "/(" + Sym.normSq(v) + ")))");
    }
    Map<String, String> defects = new LinkedHashMap<>();
    String wg = Sym.dot(w, g); // L(w) to first order: its w-gradient is the constant G
    defects.put("flow d" + p + "/dt = -eta d/d" + p + " L(w)", dp + " - (-eta*D(" + wg + ", " + p + "))");
    for (int k = 0; k < d; k++) {
      defects.put("flow dv" + (k + 1) + "/dt = -eta d/dv" + (k + 1) + " L(w)",
          dv.get(k) + " - (-eta*D(" + wg + ", " + v.get(k) + "))");
    }
    String radius = mut == Mutation.RADIUS_2 ? "2" : "1";
    String wn2 = Sym.normSq(w);
    String wgT = Sym.dot(w, g);
    for (int k = 0; k < d; k++) {
      List<String> chain = new ArrayList<>();
      chain.add("D(" + w.get(k) + ", " + p + ")*" + dp);
      for (int j = 0; j < d; j++) {
        chain.add("D(" + w.get(k) + ", " + v.get(j) + ")*" + dv.get(j));
      }
      String rhs;
      if (kind == Kind.EWN) {
        String rate = mut == Mutation.EWN_RATE_NORM ? "Sqrt(" + wn2 + ")" : wn2;
        rhs = "(-eta*" + rate + "*" + g.get(k) + ")";
      } else {
        String sign = mut == Mutation.SWN_SIGN ? "-" : "+";
        rhs = "(-eta*(" + wn2 + "*" + g.get(k) + sign + "((1-" + wn2 + ")/" + wn2 + ")*" + wgT + "*" + w.get(k) + "))";
      }
      defects.put("dw" + (k + 1) + "/dt - (" + (kind == Kind.EWN ? "5" : "6") + ")", Sym.sum(chain) + " - " + rhs);
    }
    List<Variable> vars = new ArrayList<>();
    vars.add(kind == Kind.EWN ? Variable.of("alpha", -1, 1) : Variable.of("gam", -2, 2));
    g.forEach(gk -> vars.add(Variable.of(gk, -2, 2)));
    vars.add(Variable.of("eta", 0.1, 2));
    String dims = "d=" + d + " (symbolic " + p + ", v, G, eta)";
    List<String> steps = List.of(
        "w = " + s + " v/||v||, ||v|| = Sqrt(sum v_k^2); flows as printed with /||v|| (general form)",
        "dw/dt = D(w, " + p + ") d" + p + "/dt + sum_j D(w, v_j) dv_j/dt (Symja D, all v_j free)",
        "then ||v|| = " + radius + " imposed on the result (the whole sphere)");
    String name = "ewn/theorem-1#" + kind.name().toLowerCase(java.util.Locale.ROOT) + " " + dims
        + (mut == Mutation.NONE ? "" : " [control: " + mut.text + "]");
    // The flow components (a) hold for every v; the theorem components (b) need the sphere. Two
    // problems would double the work, so the sphere is imposed on all: (a) is also proved in
    // general form by the kernel templates (codegen/templates, EwnFlowKernel/SwnFlowKernel).
    return new IdentityProblem(name, dims, steps, defects, vars, Map.of(), List.of(new Sphere(v, radius, false)));
  }
}
