package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.prove.Sphere;

/**
 * EWN paper: the homogeneity identities of assumption (L3) for the small nets the experiments use
 * (Euler's identity w^T grad_w Phi = L Phi, Phi(lambda w) = lambda^L Phi(w), grad Phi(lambda w) =
 * lambda^(L-1) grad Phi(w), and the step of Lemma 2's proof that rests on Euler), and the norm
 * ODEs that follow from Theorem 1 (d||w||/dt for EWN, eq. (30), and for SWN).
 */
final class EwnHomogeneity {
  private EwnHomogeneity() {}

  static final String EULER = "ewn/lemma-2#euler";
  static final String NORM_ODE = "ewn/theorem-1#norm-ode";

  // ---------------------------------------------------------------------------------------------
  // Euler

  enum Net {
    LINEAR_2("2-layer linear Phi = p^T W x", 2),
    RELU2("2-layer ReLU^2 Phi = sum_j p_j relu(w_j^T x)^2, all units active", 3),
    LINEAR_3("3-layer linear Phi = p^T Q W x", 3);

    final String text;
    final int degree;

    Net(String text, int degree) {
      this.text = text;
      this.degree = degree;
    }
  }

  enum EulerMutation {
    NONE(""),
    EULER_DEGREE("Euler with L - 1 in place of L"),
    GRADIENT_DEGREE("grad Phi(lambda w) = lambda^L grad Phi(w) (degree L in place of L - 1)"),
    HOMOGENEITY_DEGREE("(L3) Phi(lambda w) = lambda^(L-1) Phi(w) (degree L - 1 in place of L)"),
    EULER_HALVED("Euler with L/2 in place of L");

    final String text;

    EulerMutation(String text) {
      this.text = text;
    }
  }

  /** Parameters and Phi at input vector x (entries given). */
  private static Map.Entry<List<String>, String> net(Net net, int h, int d, List<String> x) {
    List<String> params = new ArrayList<>();
    List<String> terms = new ArrayList<>();
    switch (net) {
      case LINEAR_2, RELU2 -> {
        for (int j = 1; j <= h; j++) {
          List<String> pre = new ArrayList<>();
          for (int k = 1; k <= d; k++) {
            pre.add("w" + j + "n" + k + "*" + x.get(k - 1));
            params.add("w" + j + "n" + k);
          }
          params.add("p" + j);
          terms.add("p" + j + "*" + (net == Net.RELU2 ? Sym.sum(pre) + "^2" : Sym.sum(pre)));
        }
      }
      case LINEAR_3 -> {
        for (int j = 1; j <= h; j++) {
          for (int k = 1; k <= d; k++) {
            params.add("w" + j + "n" + k);
          }
        }
        for (int i = 1; i <= h; i++) {
          List<String> mid = new ArrayList<>();
          for (int j = 1; j <= h; j++) {
            List<String> pre = new ArrayList<>();
            for (int k = 1; k <= d; k++) {
              pre.add("w" + j + "n" + k + "*" + x.get(k - 1));
            }
            mid.add("q" + i + "n" + j + "*" + Sym.sum(pre));
            params.add("q" + i + "n" + j);
          }
          params.add("p" + i);
          terms.add("p" + i + "*" + Sym.sum(mid));
        }
      }
    }
    return Map.entry(params, Sym.sum(terms));
  }

  static Case euler(Net net, int h, int d, EulerMutation mut) {
    int degree = net.degree;
    Problem p = Problem.of(EULER, net.name().toLowerCase(java.util.Locale.ROOT) + " h=" + h + ",d=" + d
        + " (symbolic weights, input, lambda), L=" + degree);
    if (mut != EulerMutation.NONE) {
      p.control(mut.text);
    }
    List<String> x = Sym.vec("x", d);
    Map.Entry<List<String>, String> nw = net(net, h, d, x);
    List<String> params = nw.getKey();
    String phi = nw.getValue();
    Map<String, String> scaled = new LinkedHashMap<>();
    params.forEach(q -> scaled.put(q, "lam*" + q));
    p.define("Phi(w, x)", phi);
    p.step(net.text + "; parameters w = " + params);
    if (net == Net.RELU2) {
      p.step("relu(s)^2 = s^2 where the unit is active and 0 where it is not: each unit's term is separately "
          + "homogeneous (set the other units' output weights to 0), so the all-active polynomial covers every "
          + "activation pattern; relu^2 is C^1 at the kink, where both sides are 0");
    }
    String eulerDegree = switch (mut) {
      case EULER_DEGREE -> Integer.toString(degree - 1);
      case EULER_HALVED -> "(" + degree + "/2)";
      default -> Integer.toString(degree);
    };
    int homDegree = mut == EulerMutation.HOMOGENEITY_DEGREE ? degree - 1 : degree;
    int gradDegree = mut == EulerMutation.GRADIENT_DEGREE ? degree : degree - 1;
    p.equation("(L3) Phi(lambda w) = lambda^L Phi(w)", Sym.replace(phi, scaled), "lam^" + homDegree + "*" + phi);
    List<String> euler = new ArrayList<>();
    for (String q : params) {
      euler.add(q + "*D(" + phi + ", " + q + ")");
    }
    p.equation("Euler: w^T grad_w Phi = L Phi", Sym.sum(euler), eulerDegree + "*" + phi);
    for (String q : params) {
      p.equation("grad Phi(lambda w) = lambda^(L-1) grad Phi(w), d/d" + q, Sym.replace("D(" + phi + ", " + q + ")", scaled),
          "lam^" + gradDegree + "*D(" + phi + ", " + q + ")");
    }
    if (net == Net.LINEAR_2 && mut == EulerMutation.NONE) {
      // Lemma 2's proof: w^T sum_i l_i y_i grad Phi(w, x_i) = L sum_i l_i y_i Phi(w, x_i), two data points
      List<String> lhs = new ArrayList<>();
      List<String> rhs = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        List<String> xi = Sym.vec("z" + i + "n", d);
        String phiI = net(net, h, d, xi).getValue();
        List<String> wg = new ArrayList<>();
        for (String q : params) {
          wg.add(q + "*D(" + phiI + ", " + q + ")");
        }
        lhs.add("l" + i + "*s" + i + "*" + Sym.sum(wg));
        rhs.add("l" + i + "*s" + i + "*" + phiI);
        p.variables(xi, -2, 2).variable("l" + i, 0.1, 2).variable("s" + i, -1, 1);
      }
      p.equation("Lemma 2 step: w^T sum_i l_i y_i grad Phi(w, x_i) = L sum_i l_i y_i Phi(w, x_i)", Sym.sum(lhs),
          degree + "*" + Sym.sum(rhs));
    }
    return p.variables(params, -2, 2).variables(x, -2, 2).variable("lam", 0.1, 3).build();
  }

  static Plan eulerPlan() {
    Plan plan = new Plan();
    plan.small(euler(Net.LINEAR_2, 2, 2, EulerMutation.NONE)).small(euler(Net.LINEAR_2, 3, 3, EulerMutation.NONE));
    plan.small(euler(Net.RELU2, 1, 2, EulerMutation.NONE)).small(euler(Net.RELU2, 2, 3, EulerMutation.NONE));
    plan.small(euler(Net.LINEAR_3, 2, 2, EulerMutation.NONE)).large(euler(Net.LINEAR_3, 2, 3, EulerMutation.NONE));
    for (int d = 4; d <= 5; d++) {
      for (Net net : Net.values()) {
        plan.large(euler(net, 2, d, EulerMutation.NONE));
      }
    }
    plan.control(EulerMutation.EULER_DEGREE.text, euler(Net.RELU2, 1, 2, EulerMutation.EULER_DEGREE));
    plan.control(EulerMutation.GRADIENT_DEGREE.text, euler(Net.LINEAR_3, 2, 2, EulerMutation.GRADIENT_DEGREE));
    plan.control(EulerMutation.HOMOGENEITY_DEGREE.text, euler(Net.LINEAR_2, 1, 2, EulerMutation.HOMOGENEITY_DEGREE));
    plan.control(EulerMutation.EULER_HALVED.text, euler(Net.RELU2, 1, 2, EulerMutation.EULER_HALVED));
    plan.note("(L3) as reconstructed in ewn.md: Phi(lambda w, x) = lambda^L Phi(w, x) for all lambda > 0; the label "
        + "ewn/lemma-2#euler is the step of Lemma 2's proof (w~^T g~ = L mu sum l~_i y_i Phi(w~, x_i)) that rests on it");
    plan.note("nets: 2-layer linear (L = 2), 2-layer ReLU^2 as in Lin-Sep (L = 3), 3-layer linear (L = 3)");
    return plan;
  }

  // ---------------------------------------------------------------------------------------------
  // norm ODEs

  enum NormKind {
    EWN, SWN_POSITIVE, SWN_NEGATIVE
  }

  enum NormMutation {
    NONE(""),
    EWN_POWER("EWN with ||w|| in place of ||w||^2"),
    SWN_AS_EWN("SWN with EWN's factor ||w||^2"),
    RADIUS_2("||v|| = 2 in place of ||v|| = 1");

    final String text;

    NormMutation(String text) {
      this.text = text;
    }
  }

  static Case normOde(NormKind kind, int d, NormMutation mut) {
    EwnTheorem1.Kind flow = kind == NormKind.EWN ? EwnTheorem1.Kind.EWN : EwnTheorem1.Kind.SWN;
    String label = switch (kind) {
      case EWN -> "EWN";
      case SWN_POSITIVE -> "SWN, gamma > 0";
      case SWN_NEGATIVE -> "SWN, gamma < 0";
    };
    Problem p = Problem.of(NORM_ODE, label + " d=" + d + " (symbolic " + flow.param + ", v, G, eta)");
    if (mut != NormMutation.NONE) {
      p.control(mut.text);
    }
    List<String> v = Sym.vec("v", d);
    List<String> g = Sym.vec("g", d);
    String nv = Sym.norm(v);
    List<String> w = new ArrayList<>();
    List<String> sw = new ArrayList<>();
    for (String vk : v) {
      w.add(flow.scale + "*" + vk + "/" + nv);
      sw.add(flow.scale + "*" + vk);
    }
    // EWN: (7), (8) as printed (the /||v|| omitted because ||v|| = 1), so the hypothesis matters;
    // SWN: (16), (17) as printed (with /||v||).
    String dp;
    List<String> dv;
    if (kind == NormKind.EWN) {
      String vg = Sym.dot(v, g);
      dp = "(-eta*Exp(alpha)*" + vg + ")";
      dv = new ArrayList<>();
      for (int k = 0; k < d; k++) {
        dv.add("(-eta*Exp(alpha)*(" + g.get(k) + " - " + v.get(k) + "*" + vg + "))");
      }
    } else {
      dp = EwnTheorem1.flowP(flow, v, g);
      dv = EwnTheorem1.flowV(flow, v, g);
    }
    String norm = "Sqrt(" + Sym.normSq(w) + ")";
    List<String> chain = new ArrayList<>();
    chain.add("D(" + norm + ", " + flow.param + ")*" + dp);
    for (int j = 0; j < d; j++) {
      chain.add("D(" + norm + ", " + v.get(j) + ")*" + dv.get(j));
    }
    List<String> hat = new ArrayList<>();
    w.forEach(wk -> hat.add("(" + wk + ")/" + norm));
    String hatG = Sym.dot(hat, g);
    boolean ewnFactor = kind == NormKind.EWN ? mut != NormMutation.EWN_POWER : mut == NormMutation.SWN_AS_EWN;
    String factor = kind == NormKind.EWN && mut == NormMutation.EWN_POWER ? norm + "*" : ewnFactor ? "(" + Sym.normSq(w) + ")*" : "";
    p.define("w", "{" + String.join(", ", w) + "}").define("||w||", norm).define("d" + flow.param + "/dt", dp)
        .define("dv/dt", "{" + String.join(", ", dv) + "}");
    p.step("||w|| = Sqrt(sum w_k^2); d||w||/dt = D(||w||, " + flow.param + ") d" + flow.param + "/dt + sum_j "
        + "D(||w||, v_j) dv_j/dt along " + (kind == NormKind.EWN ? "(7), (8)" : "(16), (17)") + " as printed, v free");
    String radius = mut == NormMutation.RADIUS_2 ? "2" : "1";
    p.step("||v|| = " + radius + " imposed after differentiating; then ||w|| = " + (kind == NormKind.EWN ? "e^alpha"
        : kind == NormKind.SWN_POSITIVE ? "gamma (gamma > 0)" : "-gamma (gamma < 0)") + " in the symbolic step");
    p.equation(kind == NormKind.EWN ? "d||w||/dt = -eta ||w||^2 w^^T G (30)" : "d||w||/dt = -eta w^^T G", Sym.sum(chain),
        "(-eta*" + factor + hatG + ")");
    p.variables(g, -2, 2).variable("eta", 0.1, 2);
    String scaleNorm = switch (kind) {
      case EWN -> "Exp(alpha)";
      case SWN_POSITIVE -> "gam";
      case SWN_NEGATIVE -> "(-gam)";
    };
    switch (kind) {
      case EWN -> p.variable("alpha", -1, 1);
      case SWN_POSITIVE -> p.variable("gam", 0.1, 2);
      case SWN_NEGATIVE -> p.variable("gam", -2, -0.1);
    }
    if (mut != NormMutation.RADIUS_2) {
      p.norm(scaleNorm, sw); // on ||v|| = 1: ||s v|| = |s|
    }
    return p.sphere(new Sphere(v, radius, false)).build();
  }

  static Plan normOdePlan() {
    Plan plan = new Plan();
    for (int d = 2; d <= 5; d++) {
      plan.add(d >= 4, normOde(NormKind.EWN, d, NormMutation.NONE));
      plan.add(d >= 4, normOde(NormKind.SWN_POSITIVE, d, NormMutation.NONE));
    }
    for (int d = 2; d <= 5; d++) {
      plan.add(d >= 4, normOde(NormKind.SWN_NEGATIVE, d, NormMutation.NONE));
    }
    plan.control(NormMutation.EWN_POWER.text, normOde(NormKind.EWN, 3, NormMutation.EWN_POWER));
    plan.control(NormMutation.SWN_AS_EWN.text, normOde(NormKind.SWN_POSITIVE, 3, NormMutation.SWN_AS_EWN));
    plan.control(NormMutation.RADIUS_2.text, normOde(NormKind.EWN, 3, NormMutation.RADIUS_2));
    plan.note("||v(0)|| = 1 is imposed after differentiating; ||w|| is then e^alpha (EWN) or |gamma| (SWN, both signs)");
    plan.note("w^ = w/||w||; the SWN rate equals the unnormalized one, which is why SWN keeps Unnorm's convergence rate");
    return plan;
  }
}
