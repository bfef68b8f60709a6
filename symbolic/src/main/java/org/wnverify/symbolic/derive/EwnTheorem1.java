package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Sphere;

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

    String id() {
      return "ewn/theorem-1#" + name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  enum Mutation {
    NONE(""),
    RADIUS_2("||v|| = 2 in place of the hypothesis ||v|| = 1"),
    EWN_RATE_NORM("(5) with ||w|| in place of ||w||^2"),
    SWN_SIGN("(6) with the sign of the radial term flipped"),
    EWN_SIGN("(5) with +eta in place of -eta"),
    EWN_FACTOR_DROPPED("(5) with the factor ||w||^2 dropped (dw/dt = -eta G)"),
    SWN_DENOM_POWER("(6) with (1 - ||w||^2)/||w|| in place of (1 - ||w||^2)/||w||^2"),
    SWN_RADIAL_DROPPED("(6) with the radial term dropped (dw/dt = -eta ||w||^2 G, the EWN form)");

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

  /** The flows of (p, v) in general form: -eta times the chain-rule gradient of L(w(p, v)). */
  static String flowP(Kind kind, List<String> v, List<String> g) {
    String vg = Sym.dot(v, g);
    String nv = Sym.norm(v);
    return kind == Kind.EWN ? "(-eta*Exp(alpha)*" + vg + "/" + nv + ")" : "(-eta*" + vg + "/" + nv + ")";
  }

  static List<String> flowV(Kind kind, List<String> v, List<String> g) {
    String vg = Sym.dot(v, g);
    String nv = Sym.norm(v);
    List<String> dv = new ArrayList<>();
    for (int k = 0; k < v.size(); k++) {
      dv.add("(-eta*(" + kind.scale + "/" + nv + ")*(" + g.get(k) + " - " + v.get(k) + "*" + vg + "/(" + Sym.normSq(v)
          + ")))");
    }
    return dv;
  }

  static Case problem(Kind kind, int d, Mutation mut) {
    List<String> v = Sym.vec("v", d);
    List<String> g = Sym.vec("g", d);
    String nv = Sym.norm(v);
    String p = kind.param;
    String s = kind.scale;
    Problem pr = Problem.of(kind.id(), "d=" + d + " (symbolic " + p + ", v, G, eta)");
    if (mut != Mutation.NONE) {
      pr.control(mut.text);
    }
    List<String> w = new ArrayList<>();
    for (String vk : v) {
      w.add(s + "*" + vk + "/" + nv);
    }
    String dp = flowP(kind, v, g);
    List<String> dv = flowV(kind, v, g);
    pr.define("w(" + p + ", v)", "{" + String.join(", ", w) + "}").define("d" + p + "/dt", dp)
        .define("dv/dt", "{" + String.join(", ", dv) + "}");
    String wg = Sym.dot(w, g); // L(w) to first order: its w-gradient is the constant G
    pr.equation("flow d" + p + "/dt = -eta d/d" + p + " L(w)", dp, "(-eta*D(" + wg + ", " + p + "))");
    for (int k = 0; k < d; k++) {
      pr.equation("flow dv" + (k + 1) + "/dt = -eta d/dv" + (k + 1) + " L(w)", dv.get(k),
          "(-eta*D(" + wg + ", " + v.get(k) + "))");
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
        String rate = switch (mut) {
          case EWN_RATE_NORM -> "Sqrt(" + wn2 + ")";
          case EWN_FACTOR_DROPPED -> "1";
          default -> wn2;
        };
        rhs = "(" + (mut == Mutation.EWN_SIGN ? "+" : "-") + "eta*" + rate + "*" + g.get(k) + ")";
      } else {
        String sign = mut == Mutation.SWN_SIGN ? "-" : "+";
        String den = mut == Mutation.SWN_DENOM_POWER ? "Sqrt(" + wn2 + ")" : wn2;
        rhs = mut == Mutation.SWN_RADIAL_DROPPED ? "(-eta*" + wn2 + "*" + g.get(k) + ")"
            : "(-eta*(" + wn2 + "*" + g.get(k) + sign + "((1-" + wn2 + ")/" + den + ")*" + wgT + "*" + w.get(k) + "))";
      }
      pr.equation("dw" + (k + 1) + "/dt - (" + (kind == Kind.EWN ? "5" : "6") + ")", Sym.sum(chain), rhs);
    }
    pr.variable(p, kind == Kind.EWN ? -1 : -2, kind == Kind.EWN ? 1 : 2);
    pr.variables(g, -2, 2).variable("eta", 0.1, 2);
    pr.step("w = " + s + " v/||v||, ||v|| = Sqrt(sum v_k^2); flows as printed with /||v|| (general form)");
    pr.step("dw/dt = D(w, " + p + ") d" + p + "/dt + sum_j D(w, v_j) dv_j/dt (Symja D, all v_j free)");
    pr.step("then ||v|| = " + radius + " imposed on the result (the whole sphere)");
    // The flow components (a) hold for every v; the theorem components (b) need the sphere. Two
    // problems would double the work, so the sphere is imposed on all: (a) is also proved in
    // general form by the kernel templates (codegen/templates, EwnFlowKernel/SwnFlowKernel).
    return pr.sphere(new Sphere(v, radius, false)).build();
  }
}
