package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.prove.Sphere;

/**
 * Wu et al.: the gradients of (2), (3) as printed (Section 2 after (4), Appendix C.1) and as in
 * Appendix B; Lemma 2.2 (WN and rPGD share the first-order expansion, and whether that is (4) as
 * printed); Lemma 2.5 (the invariant (6), both of its forms).
 *
 * <p>Sign conventions matter here: the paper defines r = y - A g w after (4) and in C.1, but
 * writes every formula (grad_w f = A^T r, dg/dt = -c w^T A^T r, C.2's d/dt ||r||^2/2) as if r were
 * A g w - y. The printed forms are checked as printed; separately named corrected variants check
 * the formulas with r = A g w - y.
 */
final class WuIdentities {
  private WuIdentities() {}

  static final String GRADIENTS = "wu/gradients";
  static final String GRADIENTS_B = "wu/gradients#appendix-b";
  static final String GRADIENTS_FIXED = "wu/gradients#corrected";
  static final String LEMMA_22 = "wu/lemma-2.2";
  static final String LEMMA_22_FLOW = "wu/lemma-2.2#flow-4";
  static final String LEMMA_22_FLOW_FIXED = "wu/lemma-2.2#flow-4-corrected";
  static final String LEMMA_25 = "wu/lemma-2.5#proof";
  static final String LEMMA_25_SQ = "wu/lemma-2.5#squared-norm";
  static final String LEMMA_25_SQ_FIXED = "wu/lemma-2.5#squared-norm-corrected";

  // ---------------------------------------------------------------------------------------------
  // gradients

  enum Grad {
    PRINTED, APPENDIX_B, CORRECTED
  }

  enum GradMutation {
    NONE(""),
    MISSING_G("grad_w f without the factor g"),
    PROJECTOR_PLUS("grad_w h with (I + P_w) in place of (I - P_w)"),
    G_SQUARED("grad_w f with g^2 in place of g"),
    GRAD_G_SIGN("grad_g f with its sign flipped");

    final String text;

    GradMutation(String text) {
      this.text = text;
    }
  }

  static Case gradients(Grad which, int m, int d, GradMutation mut) {
    WuModel wm = WuModel.symbolic(m, d);
    String id = switch (which) {
      case PRINTED -> GRADIENTS;
      case APPENDIX_B -> GRADIENTS_B;
      case CORRECTED -> GRADIENTS_FIXED;
    };
    List<String> w = wm.w();
    boolean sphere = which != Grad.APPENDIX_B;
    Problem p = Problem.of(id, wm.dims() + (sphere ? ", ||w|| = 1 " : " ") + wm.over("g, w"));
    if (mut != GradMutation.NONE) {
      p.control(mut.text);
    }
    String f = wm.f();
    String h = wm.h();
    p.define("f(w, g) (3)", f).define("h(w, g) (2)", h);
    p.step("left sides: Symja D of (2), (3) written entry by entry, w free");
    String g = switch (mut) {
      case MISSING_G -> "";
      case G_SQUARED -> "g^2*";
      default -> "g*";
    };
    String signG = mut == GradMutation.GRAD_G_SIGN ? "-" : "";
    if (which == Grad.APPENDIX_B) {
      List<String> gradLgw = wm.gradL(wm.gw());
      List<String> gradLgv = wm.gradL(wm.gv());
      p.define("grad L(x) = A^T (A x - y)", "{" + String.join(", ", wm.gradL(Sym.vec("x", d))) + "}");
      p.step("right sides as printed in Appendix B: grad_w f = g grad L(g w), grad_g f = w^T grad L(g w); WN update: "
          + "d_g h = <v, grad L(g v)>, grad_w h = (g/||w||) P_w grad L(g v), v = w/||w||");
      for (int k = 1; k <= d; k++) {
        p.equation("grad_w f = g grad L(g w), k=" + k, "D(" + f + ", w" + k + ")", g + gradLgw.get(k - 1));
      }
      p.equation("grad_g f = w^T grad L(g w)", "D(" + f + ", g)", signG + "(" + Sym.dot(w, gradLgw) + ")");
      p.equation("d_g h = <v, grad L(g v)>", "D(" + h + ", g)", Sym.dot(wm.v(), gradLgv));
      List<String> proj = wm.projectOffW(gradLgv);
      for (int k = 1; k <= d; k++) {
        String pk = proj.get(k - 1);
        if (mut == GradMutation.PROJECTOR_PLUS) {
          pk = pk.replace(" - w" + k + "*", " + w" + k + "*");
        }
        p.equation("grad_w h = (g/||w||) P_w grad L(g v), k=" + k, "D(" + h + ", w" + k + ")",
            "(g/" + Sym.norm(w) + ")*" + pk);
      }
      wm.addData(p);
      return p.variable("g", -2, 2).variables(w, -2, 2).norm("nu", w).build();
    }
    boolean printed = which == Grad.PRINTED;
    List<String> r = wm.residual(printed);
    List<String> atr = wm.transposeTimes(r);
    p.define("r", "{" + String.join(", ", r) + "}");
    p.step(printed
        ? "right sides as printed after (4) and in C.1, with r = y - A g w: grad_w f = A^T r, grad_g f = w^T A^T r, "
            + "d_g h = w^T A^T r, d_w h = g P_{w perp} A^T r"
        : "corrected: r = A g w - y, grad_w f = g A^T r, grad_g f = w^T A^T r, d_g h = w^T A^T r, d_w h = g P_{w perp} A^T r");
    p.step("||w|| = 1 (the setting of (3), Algorithm 1 and C.1) imposed after differentiating");
    String gw = printed ? "" : g;
    for (int k = 1; k <= d; k++) {
      p.equation("grad_w f, k=" + k, "D(" + f + ", w" + k + ")", gw + atr.get(k - 1));
    }
    p.equation("grad_g f", "D(" + f + ", g)", signG + "(" + Sym.dot(w, atr) + ")");
    p.equation("C.1: d_g h", "D(" + h + ", g)", Sym.dot(w, atr));
    List<String> proj = wm.projectOffW(atr);
    for (int k = 1; k <= d; k++) {
      String pk = proj.get(k - 1);
      if (mut == GradMutation.PROJECTOR_PLUS) {
        pk = pk.replace(" - w" + k + "*", " + w" + k + "*");
      }
      p.equation("C.1: d_w h = g P_{w perp} A^T r, k=" + k, "D(" + h + ", w" + k + ")", "g*" + pk);
    }
    wm.addData(p);
    return p.variable("g", -2, 2).sphere(Sphere.unit(w, false)).build();
  }

  static Plan gradientsPlan(Grad which) {
    Plan plan = new Plan();
    for (int[] md : new int[][] {{1, 2}, {2, 2}, {1, 3}, {2, 3}, {3, 3}, {1, 4}, {2, 4}, {1, 5}}) {
      plan.add(md[1] >= 4, gradients(which, md[0], md[1], GradMutation.NONE));
    }
    for (GradMutation mut : List.of(GradMutation.MISSING_G, GradMutation.PROJECTOR_PLUS)) {
      plan.control(mut.text, gradients(which == Grad.PRINTED ? Grad.CORRECTED : which, 1, 3, mut));
    }
    for (GradMutation mut : List.of(GradMutation.G_SQUARED, GradMutation.GRAD_G_SIGN)) {
      plan.control(mut.text, gradients(which == Grad.PRINTED ? Grad.CORRECTED : which, 1, 2, mut));
    }
    if (which == Grad.PRINTED) {
      plan.note("FINDING: with r = y - A g w as printed, grad_w f = A^T r and grad_g f = w^T A^T r have the wrong "
          + "sign (and grad_w f lacks the factor g); the same holds for C.1's d_g h, d_w h. The formulas are right "
          + "with r = A g w - y (wu/gradients#corrected) and Appendix B's are right as printed (wu/gradients#appendix-b)");
      plan.note("controls are run on the corrected formulas (the printed ones are refuted already)");
    }
    return plan;
  }

  // ---------------------------------------------------------------------------------------------
  // Lemma 2.2

  enum FlowTarget {
    AGREE, PRINTED_4, CORRECTED_4
  }

  enum FlowMutation {
    NONE(""),
    SECOND_ORDER("the O(eta^2) coefficients of WN and rPGD compared (they differ)"),
    NO_UNIT_NORM("hypothesis ||w0|| = 1 dropped (w free)"),
    G_RATE("WN's g step with rate eta in place of c eta (c dropped)"),
    RPGD_UNNORMALISED("rPGD without its renormalisation v/||v|| (order-eta coefficient -grad_w f)"),
    SIGN("sign of dw/dt flipped: dw/dt = +P_t grad_w f"),
    NO_PROJECTION("projection dropped: dw/dt = -grad_w f"),
    PROJECTOR_PLUS("(I + w w^T / ||w||^2) in place of P_t = I - w w^T / ||w||^2");

    final String text;

    FlowMutation(String text) {
      this.text = text;
    }
  }

  /**
   * d^order/d eta^order of (w - eta a)/||w - eta a|| at eta = 0, with a generic direction a (symbols
   * p1..pd) that is then replaced by the actual gradient (which does not depend on eta).
   */
  static List<String> normalisedStepCoefficient(List<String> w, List<String> dir, int order) {
    List<String> pvec = Sym.vec("p", w.size());
    List<String> moved = new ArrayList<>();
    for (int k = 0; k < w.size(); k++) {
      moved.add("(" + w.get(k) + " - eta*" + pvec.get(k) + ")");
    }
    String nrm = Sym.norm(moved);
    StringBuilder rules = new StringBuilder("{eta->0");
    for (int k = 0; k < w.size(); k++) {
      rules.append(", p").append(k + 1).append("->(").append(dir.get(k)).append(")");
    }
    rules.append("}");
    List<String> out = new ArrayList<>();
    for (int k = 0; k < w.size(); k++) {
      out.add("ReplaceAll(D(" + moved.get(k) + "/" + nrm + ", {eta, " + order + "}), " + rules + ")");
    }
    return out;
  }

  static Case lemma22(FlowTarget target, int m, int d, FlowMutation mut) {
    WuModel wm = WuModel.symbolic(m, d);
    String id = switch (target) {
      case AGREE -> LEMMA_22;
      case PRINTED_4 -> LEMMA_22_FLOW;
      case CORRECTED_4 -> LEMMA_22_FLOW_FIXED;
    };
    List<String> w = wm.w();
    Problem p = Problem.of(id, wm.dims() + " " + wm.over("g, w, c"));
    if (mut != FlowMutation.NONE) {
      p.control(mut.text);
    }
    String f = wm.f();
    String h = wm.h();
    List<String> gradWh = new ArrayList<>();
    List<String> gradWf = new ArrayList<>();
    for (int k = 1; k <= d; k++) {
      gradWh.add("D(" + h + ", w" + k + ")");
      gradWf.add("D(" + f + ", w" + k + ")");
    }
    int order = mut == FlowMutation.SECOND_ORDER ? 2 : 1;
    List<String> wn = normalisedStepCoefficient(w, gradWh, order);
    List<String> rpgd = normalisedStepCoefficient(w, gradWf, order);
    if (mut == FlowMutation.RPGD_UNNORMALISED) {
      rpgd = new ArrayList<>();
      for (String gk : gradWf) {
        rpgd.add("(-" + gk + ")");
      }
    }
    p.define("f(w, g) (3)", f).define("h(w, g) (2)", h);
    p.step("one step with step size eta (w) and c eta (g): WN (Algorithm 1) w' = w - eta grad_w h, its direction "
        + "w'/||w'||; rPGD (Algorithm 2) v = w - eta grad_w f, w' = v/||v||; g' = g - c eta grad_g (h or f)");
    p.step("coefficient of eta^" + order + ": D(., {eta, " + order + "}) at eta = 0 of (w - eta p)/||w - eta p|| with a "
        + "generic p, then p := the gradient (Symja D of (2) or (3)), which does not depend on eta");
    p.step(mut == FlowMutation.NO_UNIT_NORM ? "||w0|| = 1 NOT imposed (control)"
        : "||w0|| = 1 imposed after differentiating (the lemma's hypothesis for WN; rPGD's iterates are unit vectors)");
    switch (target) {
      case AGREE -> {
        for (int k = 1; k <= d; k++) {
          p.equation("order eta^" + order + ": WN direction = rPGD, k=" + k, wn.get(k - 1), rpgd.get(k - 1));
        }
        if (order == 1) {
          p.equation("order eta: WN g = rPGD g", "(-" + (mut == FlowMutation.G_RATE ? "" : "cc*") + "D(" + h + ", g))",
              "(-cc*D(" + f + ", g))");
        }
      }
      case PRINTED_4, CORRECTED_4 -> {
        List<String> proj = switch (mut) {
          case NO_PROJECTION -> gradWf;
          case PROJECTOR_PLUS -> wm.projectPlusW(gradWf);
          default -> wm.projectOffW(gradWf);
        };
        String sign = mut == FlowMutation.SIGN ? "+" : "-";
        for (int k = 1; k <= d; k++) {
          String rhs = target == FlowTarget.PRINTED_4 ? "(" + sign + "g*" + proj.get(k - 1) + ")"
              : "(" + sign + proj.get(k - 1) + ")";
          p.equation((target == FlowTarget.PRINTED_4 ? "(4) dw/dt = -g P_t grad_w f" : "dw/dt = -P_t grad_w f") + ", k=" + k,
              rpgd.get(k - 1), rhs);
        }
        p.equation("(4) dg/dt = -c grad_g f", "(-cc*D(" + f + ", g))", "(-cc*D(" + f + ", g))");
        if (target == FlowTarget.CORRECTED_4) {
          List<String> gradL = wm.gradL(wm.gw());
          List<String> projL = wm.projectOffW(gradL);
          for (int k = 1; k <= d; k++) {
            p.equation("Appendix B: dw/dt = -g P_t grad L(g w), k=" + k, rpgd.get(k - 1), "(-g*" + projL.get(k - 1) + ")");
          }
        }
      }
    }
    wm.addData(p);
    p.variable("g", -2, 2).variable("cc", 0.1, 2);
    if (mut == FlowMutation.NO_UNIT_NORM) {
      p.variables(w, -2, 2).norm("nu", w);
    } else {
      p.sphere(Sphere.unit(w, false));
    }
    return p.build();
  }

  static Plan lemma22Plan(FlowTarget target) {
    Plan plan = new Plan();
    for (int[] md : new int[][] {{1, 2}, {2, 2}, {1, 3}, {2, 3}, {3, 3}, {1, 4}, {1, 5}}) {
      plan.add(md[1] >= 4, lemma22(target, md[0], md[1], FlowMutation.NONE));
    }
    if (target == FlowTarget.AGREE) {
      plan.control(FlowMutation.SECOND_ORDER.text, lemma22(target, 1, 2, FlowMutation.SECOND_ORDER));
      plan.control(FlowMutation.NO_UNIT_NORM.text, lemma22(target, 1, 2, FlowMutation.NO_UNIT_NORM));
      // Not a control: WN's raw step w - eta grad_w h (its normalisation dropped) has the same
      // order-eta coefficient, because grad_w h = (g/||w||) P_w grad L(g v) is already orthogonal to w.
      plan.control(FlowMutation.G_RATE.text, lemma22(target, 1, 2, FlowMutation.G_RATE));
      plan.control(FlowMutation.RPGD_UNNORMALISED.text, lemma22(target, 1, 2, FlowMutation.RPGD_UNNORMALISED));
      plan.note("the step sizes are eta (w) and c eta (g) (Algorithms 1, 2 with Condition 2.1, whose text names them "
          + "the other way round); time t = k eta");
    } else if (target == FlowTarget.PRINTED_4) {
      // as for wu/gradients, the controls mutate the corrected form: the printed one is refuted already
      for (FlowMutation mut : FLOW_CONTROLS) {
        plan.control(mut.text, lemma22(FlowTarget.CORRECTED_4, 1, 2, mut));
      }
      plan.note("FINDING: with grad_w f the gradient of (3) (\"Here f is from (3)\"), (4)'s dw/dt = -g P_t grad_w f has "
          + "one factor g too many: the limit of both algorithms is -P_t grad_w f = -g P_t grad L(g w), as Appendix B "
          + "derives. (Reading grad_w f as the in-text A^T r with r = y - A g w instead gives the opposite sign; see "
          + "wu/gradients.) wu/lemma-2.2#flow-4-corrected proves the corrected form");
    } else {
      for (FlowMutation mut : FLOW_CONTROLS) {
        plan.control(mut.text, lemma22(target, 1, 2, mut));
      }
    }
    return plan;
  }

  /** The wrong versions of (4) the flow claims are given (on the corrected form). */
  static final List<FlowMutation> FLOW_CONTROLS = List.of(FlowMutation.NO_UNIT_NORM, FlowMutation.SIGN,
      FlowMutation.NO_PROJECTION, FlowMutation.PROJECTOR_PLUS);


  // ---------------------------------------------------------------------------------------------
  // Lemma 2.5

  enum InvariantForm {
    VECTOR, SQUARED_NORM_PRINTED, SQUARED_NORM_CORRECTED
  }

  enum InvMutation {
    NONE(""),
    EXP_SIGN("exp(-g^2/(2c)) in place of exp(g^2/(2c))"),
    EXP_FACTOR("exp(g^2/c) in place of exp(g^2/(2c)) for the vector form"),
    NO_UNIT_NORM("hypothesis ||w0|| = 1 dropped (w free)"),
    NORM_POWER("||w_perp||^4 in place of ||w_perp||^2"),
    NO_PROJECTION("w in place of w_perp (the projection dropped)");

    final String text;

    InvMutation(String text) {
      this.text = text;
    }
  }

  static Case lemma25(InvariantForm form, int m, int d, InvMutation mut) {
    WuModel wm = m == 1 ? WuModel.symbolic(m, d) : WuModel.fixed(m, d);
    String id = switch (form) {
      case VECTOR -> LEMMA_25;
      case SQUARED_NORM_PRINTED -> LEMMA_25_SQ;
      case SQUARED_NORM_CORRECTED -> LEMMA_25_SQ_FIXED;
    };
    List<String> w = wm.w();
    Problem p = Problem.of(id, wm.dims() + " " + wm.over("g, w, c"));
    if (mut != InvMutation.NONE) {
      p.control(mut.text);
    }
    String h = wm.h();
    String dg = "(-cc*D(" + h + ", g))";
    List<String> dw = new ArrayList<>();
    for (int k = 1; k <= d; k++) {
      dw.add("(-D(" + h + ", w" + k + "))");
    }
    p.define("h(w, g) (2)", h).define("dg/dt", dg).define("dw/dt", "{" + String.join(", ", dw) + "}");
    p.step("WN flow (the limit of Lemma 2.2, Appendix B): dg/dt = -c d_g h, dw/dt = -grad_w h (Symja D of (2)), w free");
    p.step(mut == InvMutation.NO_UNIT_NORM ? "||w0|| = 1 NOT imposed (control)"
        : "||w|| = ||w0|| = 1 imposed after differentiating");
    String exponent = switch (mut) {
      case EXP_SIGN -> "Exp(-g^2/(2*cc))";
      case EXP_FACTOR -> "Exp(g^2/cc)";
      default -> form == InvariantForm.SQUARED_NORM_CORRECTED ? "Exp(g^2/cc)" : "Exp(g^2/(2*cc))";
    };
    List<String> quantities = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (form == InvariantForm.VECTOR) {
      p.step("w_perp = (I - A^+A) w is constant times exp(-g^2/(2c)) iff k^T w exp(g^2/(2c)) is constant for a basis k "
          + "of ker A");
      wm.kernelChecks(p);
      for (ChouModel.KernelVector kv : wm.kernelBasis()) {
        quantities.add("(" + Sym.dot(kv.entries(), w) + ")*" + exponent);
        labels.add("d/dt (" + kv.label().substring(0, kv.label().indexOf(' ')) + "^T w " + exponent + ") = 0, " + kv.label());
      }
    } else {
      List<List<String>> proj = Projector.kernelProjector(wm);
      List<String> wPerp = new ArrayList<>();
      for (int i = 0; i < d; i++) {
        wPerp.add(mut == InvMutation.NO_PROJECTION ? w.get(i) : Sym.dot(proj.get(i), w));
      }
      p.define("w_perp = (I - A^T (A A^T)^(-1) A) w", "{" + String.join(", ", wPerp) + "}");
      p.step("||w_perp||^2 with the projector I - A^T (A A^T)^(-1) A written out entry by entry (I - a a^T/||a||^2 "
          + "for one symbolic row; exact rationals for a fixed A)");
      quantities.add("(" + Sym.normSq(wPerp) + ")" + (mut == InvMutation.NORM_POWER ? "^2" : "") + "*" + exponent);
      if (m == 1) {
        List<String> row = new ArrayList<>();
        for (int k = 1; k <= d; k++) {
          row.add(Sym.a(1, k));
        }
        p.norm("na", row); // ||a||: makes the projector's denominator a monomial for the symbolic step
      }
      labels.add("d/dt (||w_perp||^2 " + exponent + ") = 0");
    }
    for (int q = 0; q < quantities.size(); q++) {
      String k = quantities.get(q);
      List<String> chain = new ArrayList<>();
      chain.add("D(" + k + ", g)*" + dg);
      for (int j = 1; j <= d; j++) {
        chain.add("D(" + k + ", w" + j + ")*" + dw.get(j - 1));
      }
      p.equation(labels.get(q), Sym.sum(chain), "0");
    }
    wm.addData(p);
    p.variable("g", -2, 2).variable("cc", 0.1, 2);
    if (mut == InvMutation.NO_UNIT_NORM) {
      p.variables(w, -2, 2).norm("nu", w);
    } else {
      p.sphere(Sphere.unit(w, false));
    }
    return p.build();
  }

  static Plan lemma25Plan(InvariantForm form) {
    Plan plan = new Plan();
    for (int d = 2; d <= 5; d++) {
      plan.add(d >= 4, lemma25(form, 1, d, InvMutation.NONE));
    }
    for (int d = 3; d <= 4; d++) {
      plan.add(d >= 4, lemma25(form, 2, d, InvMutation.NONE));
    }
    plan.large(lemma25(form, 3, 4, InvMutation.NONE));
    if (form == InvariantForm.VECTOR) {
      for (InvMutation mut : List.of(InvMutation.EXP_SIGN, InvMutation.EXP_FACTOR, InvMutation.NO_UNIT_NORM)) {
        plan.control(mut.text, lemma25(form, 1, 3, mut));
      }
      plan.note("the flow is the limit both algorithms share (wu/lemma-2.2), i.e. gradient flow on (2) with rates (c, 1); "
          + "along (4) as printed (an extra factor g, see wu/lemma-2.2#flow-4) the invariant would fail unless g = 1");
    } else {
      plan.control(InvMutation.NO_UNIT_NORM.text, lemma25(InvariantForm.SQUARED_NORM_CORRECTED, 1, 3, InvMutation.NO_UNIT_NORM));
      plan.control(InvMutation.EXP_SIGN.text, lemma25(InvariantForm.SQUARED_NORM_CORRECTED, 1, 3, InvMutation.EXP_SIGN));
      plan.control(InvMutation.NORM_POWER.text, lemma25(InvariantForm.SQUARED_NORM_CORRECTED, 1, 2, InvMutation.NORM_POWER));
      plan.control(InvMutation.NO_PROJECTION.text,
          lemma25(InvariantForm.SQUARED_NORM_CORRECTED, 1, 2, InvMutation.NO_PROJECTION));
      if (form == InvariantForm.SQUARED_NORM_PRINTED) {
        plan.note("FINDING: (6) states ||w_t_perp||^2 exp(g_t^2/2c) = ||w_0_perp||^2 exp(g_0^2/2c), but its own first "
            + "part w_t_perp = exp((g_0^2 - g_t^2)/(2c)) w_0_perp gives ||w_t_perp||^2 exp(g_t^2/c) (or ||w_t_perp|| "
            + "exp(g_t^2/(2c))) constant; wu/lemma-2.5#squared-norm-corrected proves that form");
      }
    }
    return plan;
  }
}
