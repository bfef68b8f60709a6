package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.codegen.KernelMaps;
import org.wnverify.symbolic.prove.Sphere;

/**
 * Chou-Rauhut-Ward Lemma 3.8: along the WN flow (13)-(14) with (eta_r, eta_u) = (eta, 1) and
 * ||u|| = 1, h_eta of (32) is constant.
 *
 * <p>d/dt h = (I - A^+A) d/dt phi(u, r). Since I - A^+A is the orthogonal projector onto ker A,
 * d/dt h = 0 iff k^T d/dt phi = 0 for every k in a basis of ker A (see {@link
 * ChouModel#kernelBasis()}: symbolic for M = 1, a fixed integer A with a checked integer basis for
 * M = 2).
 *
 * <p>||u|| = 1 is imposed after differentiating: the flow is written with ||u|| = Sqrt(sum
 * u_k^2) and all u_k free, d/dt phi is formed by the chain rule, and only then the hypothesis is
 * imposed (a {@link Sphere}): the symbolic step rewrites every power of sum u_k^2 as 1, and
 * random points lie exactly on the positive orthant of the unit sphere, where (32) is defined (u >
 * 0 is preserved, Lemma 3.3).
 */
final class ChouLemma38 {
  private ChouLemma38() {}

  static final String ID = "chou/lemma-3.8#proof";

  enum Mutation {
    NONE(""),
    EXPONENT_1_MINUS_L("(32) with u^(1-L) in place of u^(2-L)"),
    EXP_SIGN("(32) with exp(-(2-L) r^2/(2 eta)) (sign of the exponent flipped)"),
    ETA_FACTOR("(32) with 1/eta in place of 1/(2 eta)"),
    NO_UNIT_NORM("hypothesis ||u0|| = 1 dropped (u free)");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static final String STATEMENT =
      "Lemma 3.8: for (eta_r, eta_u) = (eta, 1) and ||u0|| = 1, h_eta = (I - A^+A) phi(u, r) is "
          + "constant along (13)-(14), phi = log(u exp(r^2/(2 eta))) if L = 2, "
          + "u^(2-L) exp((2-L) r^2/(2 eta)) if L != 2";

  /** The map phi of (32) as Symja source, possibly mutated. */
  static String phiSource(int depth, Mutation mut) {
    String src = (depth == 2 ? KernelMaps.WN_INVARIANT_LOG : KernelMaps.WN_INVARIANT_POWER).source();
    String altered = switch (mut) {
      case EXPONENT_1_MINUS_L -> src.replace("u^(2-L)", "u^(1-L)");
      case EXP_SIGN -> depth == 2 ? src.replace("Exp(r^2", "Exp(-r^2") : src.replace("Exp((2-L)", "Exp(-(2-L)");
      case ETA_FACTOR -> src.replace("/(2*eta)", "/eta");
      default -> src;
    };
    if (mut != Mutation.NONE && mut != Mutation.NO_UNIT_NORM && altered.equals(src)) {
      throw new IllegalStateException("mutation " + mut + " does not apply to " + src);
    }
    return altered;
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    ChouModel cm = m == 1 ? ChouModel.symbolic(m, n, depth) : ChouModel.fixed(m, n, depth);
    List<String> u = Sym.vec("u", n);
    Problem p = Problem.of(ID, cm.dims() + " " + cm.over("r, u, eta"));
    if (mut != Mutation.NONE) {
      p.control(mut.text);
    }
    String lossWn = cm.lossWn();
    String dr = "(-eta*D(" + lossWn + ", r))";
    String phiSrc = phiSource(depth, mut);
    List<String> dphi = new ArrayList<>();
    List<String> du = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      String phi = "ReplaceAll(" + phiSrc + ", {u->u" + k + ", L->" + depth + "})";
      du.add("(-D(" + lossWn + ", u" + k + "))");
      dphi.add("(D(" + phi + ", u" + k + ")*" + du.get(k - 1) + " + D(" + phi + ", r)*" + dr + ")");
    }
    p.define("L~(r,u)", lossWn).define("dr/dt = -eta D(L~, r)", dr).define("du/dt = -D(L~, u)", "{" + String.join(", ", du) + "}")
        .define("phi(u, r) (32)", phiSrc);
    p.step("flow: dr/dt = -eta D(L~, r), du_k/dt = -D(L~, u_k), L~ = L(r u/||u||), ||u|| = Sqrt(sum u_k^2), all u_k free");
    p.step("phi_k = " + phiSrc + " at u = u_k, L = " + depth + "; d/dt phi_k = D(phi_k, u_k) du_k/dt + D(phi_k, r) dr/dt");
    p.step(cm.symbolicA()
        ? "ker A basis k_j = a_j e_1 - a_1 e_j; defect_j = k_j^T d/dt phi"
        : "ker A basis k_j (integer vectors, A k_j = 0 checked); defect_j = k_j^T d/dt phi");
    p.step(mut == Mutation.NO_UNIT_NORM
        ? "||u|| = 1 NOT imposed (control)"
        : "then ||u|| = 1 imposed on the result (u > 0 on the unit sphere, where (32) is defined)");
    cm.kernelChecks(p);
    for (ChouModel.KernelVector kv : cm.kernelBasis()) {
      p.equation(kv.label().substring(0, kv.label().indexOf(' ')) + "^T d/dt phi, " + kv.label(),
          Sym.dot(kv.entries(), dphi), "0");
    }
    cm.addData(p);
    p.variable("r", 0.1, 2).variable("eta", 0.1, 2);
    if (mut == Mutation.NO_UNIT_NORM) {
      p.variables(u, 0.05, 2);
    } else {
      p.sphere(Sphere.unit(u, true)); // the positive orthant of the sphere, where (32) is defined
    }
    return p.build();
  }
}
