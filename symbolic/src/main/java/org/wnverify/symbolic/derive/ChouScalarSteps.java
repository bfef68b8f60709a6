package org.wnverify.symbolic.derive;

import java.util.List;

/**
 * Scalar identities among the displayed steps of Chou, Rauhut, Ward (000_5b7b2fae69929679.txt)
 * that the sampled steps of proofs-check rely on: the derivative of gamma of (42) whose sign the
 * proof of Theorem 2.2 uses, and the last equality of the gradient bound in the proof of Lemma 3.6
 * (which holds only with the 1/(2L) of (10)). Proved like every step, with controls.
 */
final class ChouScalarSteps {
  private ChouScalarSteps() {}

  private static Problem start(String id, String dims, String mut) {
    Problem p = Problem.of(id, dims);
    if (!mut.isEmpty()) {
      p.control(mut);
    }
    return p;
  }

  static List<StepSpec> specs() {
    return List.of(gammaDerivative(), lemma36Loss());
  }

  static StepSpec gammaDerivative() {
    String id = "chou/theorem-2.2#step-4";
    String m1 = "(1 + r^2/eta~) in place of (1 - r^2/eta~)";
    String m2 = "(1 - r^2/(2 eta~)) in place of (1 - r^2/eta~)";
    String m3 = "exp((r^2 - r0^2)/(2 eta~)) (sign of the exponent flipped)";
    return StepSpec.step(id, ChouProofSteps.loc("proof of Theorem 2.2, the partial derivative of gamma of (42)", "1677-1697"),
            "d_r gamma(r0, r) = (1/r0)(1 - r^2/eta~) exp((r0^2 - r^2)/(2 eta~)),  gamma(r0, r) = (r/r0) exp((r0^2 - r^2)/(2 eta~))")
        .run((n, depth, mut) -> {
          Problem p = start(id, "scalar (symbolic r0, r, eta~ > 0)", mut);
          String factor = mut.equals(m1) ? "(1 + r^2/eta)" : mut.equals(m2) ? "(1 - r^2/(2*eta))" : "(1 - r^2/eta)";
          String exponent = mut.equals(m3) ? "(r^2 - r0^2)/(2*eta)" : "(r0^2 - r^2)/(2*eta)";
          p.define("gamma(r0, r) (42)", "r/r0*Exp((r0^2 - r^2)/(2*eta))");
          p.step("Symja's D of (42) in r against the printed derivative");
          p.equation("d_r gamma = (1/r0)(1 - r^2/eta~) exp(...)", "D(r/r0*Exp((r0^2 - r^2)/(2*eta)), r)",
              "1/r0*" + factor + "*Exp(" + exponent + ")");
          return p.variable("r0", 0.1, 3).variable("r", 0.1, 3).variable("eta", 0.1, 3).build();
        }, new int[][] {{1, 0}}, m1, m2, m3)
        .note("the sign of the factor (1 - r^2/eta~) is what chou/theorem-2.2#step-1 uses: d_r gamma <= 0 for r >= r0 >= eta~^(1/2)");
  }

  static StepSpec lemma36Loss() {
    String id = "chou/lemma-3.6#step-7";
    String m1 = "L(x) = ||A x^L - b||^2/2 (the 1/L of (10) dropped)";
    String m2 = "2 in place of 2L";
    return StepSpec.step(id, ChouProofSteps.loc("proof of Lemma 3.6, the last equality of the gradient bound", "886-889"),
            "c_x^(2L-2) sigma_min^2(A|_I) ||A x^L - b||_2^2 = 2L c_x^(2L-2) sigma_min^2(A|_I) L(x),  L(x) = ||A x^L - b||_2^2/(2L) (10)")
        .run((n, depth, mut) -> {
          Problem p = start(id, "M=2, L=" + depth + " (symbolic residual entries q1, q2 of A x^L - b, c_x, sigma)", mut);
          String res = "(q1^2 + q2^2)";
          String loss = mut.equals(m1) ? res + "/2" : res + "/(2*" + depth + ")";
          String front = mut.equals(m2) ? "2" : "2*" + depth;
          String cpow = "cx^(" + (2 * depth - 2) + ")";
          p.define("L(x) (10)", loss);
          p.equation("c^(2L-2) s^2 ||r||^2 = 2L c^(2L-2) s^2 L(x)", cpow + "*s^2*" + res,
              front + "*" + cpow + "*s^2*(" + loss + ")");
          return p.variable("q1", -2, 2).variable("q2", -2, 2).variable("cx", 0.1, 2).variable("s", 0.1, 2).build();
        }, new int[][] {{2, 2}, {2, 3}, {2, 4}}, m1, m2);
  }
}
