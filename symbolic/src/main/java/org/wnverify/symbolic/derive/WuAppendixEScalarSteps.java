package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * The scalar identities among the displayed steps of Wu et al., Appendix E
 * (001_b498c678a289d7b1.txt): the bound on gamma^(1) in the proof of Theorem E.1, the first
 * equality of (37) in Theorem E.7, the equalities of (45), (46) and (48) in the proof of Lemma E.8,
 * and the sphere average in the proof of Lemma E.11. Proved like every step, with controls. The
 * other displays of Appendix E (inequalities, and identities between rPGD iterates that involve
 * the normalisation w_{t+1} = v_t/||v_t||) are sampled steps in proofs-check.
 */
final class WuAppendixEScalarSteps {
  private WuAppendixEScalarSteps() {}

  static List<StepSpec> specs() {
    return List.of(gammaBound(false), gammaBound(true), t2(false), t2(true), e8Equalities(), last46(false), last46(true), eq48(),
        sphere(false), sphere(true));
  }

  private static Problem start(String id, String dims, String mut) {
    return WuProofSteps.start(id, dims, mut);
  }

  /**
   * The bound of step (b) in the proof of Theorem E.1: log(((g*)^2 - rho delta_0)/g_0^2)/((||v_0||^2
   * - 1) T1), with ||v_0||^2 - 1 = ((g*)^2 - ||A g_0 w_0||^2)/g_0^2 by (28) and ||A g_0 w_0||^2 = g_0^2
   * a (a = ||A w_0||^2); the log is the symbol lg once its two arguments are shown equal.
   */
  static StepSpec gammaBound(boolean corrected) {
    String id = corrected ? "wu/theorem-e.1#step-6-corrected" : "wu/theorem-e.1#step-6";
    String m1 = "(1 - rho) g_0^2/g*^2 + rho inside the log";
    String m2 = corrected ? "the printed ||A g_0 w_0||^2/2 in place of g_0^2" : "||A g_0 w_0||^2 in place of ||A g_0 w_0||^2/2";
    String display = corrected
        ? "log(((g^*)^2 - rho delta_0)/g_0^2)/((||v_0||^2 - 1) T1) = g_0^2/(T1((g^*)^2 - ||A g_0 w_0||^2)) log((1 - rho) g^{*2}/g_0^2 + rho)"
        : "gamma^(1) <= log(((g^*)^2 - rho delta_0)/g_0^2)/((||v_0||^2 - 1) T1) = ||A g_0 w_0||^2/(2 T1((g^*)^2 - ||A g_0 w_0||^2)) "
            + "log((1 - rho) g^{*2}/g_0^2 + rho)";
    String where = "Appendix E.1, proof of Theorem E.1, the bound of step (b)" + (corrected ? " (with ||v_0||^2 - 1 from (28))" : "");
    StepSpec s = corrected ? StepSpec.step(id, WuProofSteps.loc(where, "666-668"), display)
        : StepSpec.finding(id, WuProofSteps.loc(where, "666-668"), display);
    return s.run((n, depth, mut) -> {
      Problem p = start(id, "scalar (symbolic g*, g_0, rho, a = ||A w_0||^2, T1, lg = the log)", mut);
      String z = "(g0^2*a)";
      String x0 = "((gs^2 - " + z + ")/g0^2)";
      p.define("delta_0", "gs^2 - g0^2");
      p.define("||v_0||^2 - 1 by (28)", x0);
      p.equation("the arguments of the two logs", "(gs^2 - rh*(gs^2 - g0^2))/g0^2",
          mut.equals(m1) ? "(1 - rh)*g0^2/gs^2 + rh" : "(1 - rh)*gs^2/g0^2 + rh");
      String rhs;
      if (corrected) {
        rhs = mut.equals(m2) ? z + "/(2*tt*(gs^2 - " + z + "))*lg" : "g0^2/(tt*(gs^2 - " + z + "))*lg";
      } else {
        rhs = mut.equals(m2) ? z + "/(tt*(gs^2 - " + z + "))*lg" : z + "/(2*tt*(gs^2 - " + z + "))*lg";
      }
      p.equation("the factor of the log", "lg/(" + x0 + "*tt)", rhs);
      return p.variable("gs", 1, 3).variable("g0", 0.1, 0.9).variable("rh", 0.1, 0.9).variable("a", 0.1, 0.9).variable("tt", 1, 20)
          .variable("lg", 0.1, 2).build();
    }, new int[][] {{1, 0}}, m1, m2)
        .note(corrected ? "the left side with (28): g_0^2/(T1((g*)^2 - ||A g_0 w_0||^2)) log((1 - rho) g*^2/g_0^2 + rho)"
            : "FINDING (proof step only): by (28) the left side is g_0^2/(T1((g*)^2 - ||A g_0 w_0||^2)) log(...); the printed right "
                + "side has ||A g_0 w_0||^2/2 = g_0^2 ||A w_0||^2/2 in place of g_0^2, i.e. it is ||A w_0||^2/2 times the left side "
                + "(wu/theorem-e.1#step-6-corrected)")
        .note("does not affect the statement through this step: the printed value is the smaller (||A w_0||^2/2 <= 1/2), so "
            + "Theorem E.1's gamma^(1) below it still meets step (b) (wu/theorem-e.1#step-3)");
  }

  /**
   * The first equality of (37) against T2 of (34). With c = (1 - eps^2) gamma and ld = log(1/(1 -
   * c)), T2 is the number with exp(ld T2) = (1 - c)^(-T2) = (1 - (1 - eps^2) g_0/g*)/eps^2; the
   * printed (37) gives exp(ld T2) = [(g* - g_0)/(g* eps^2) + g_0/g*]/log(1 + c/(1 - c)).
   */
  static StepSpec t2(boolean corrected) {
    String id = corrected ? "wu/theorem-e.7#eq-37-corrected" : "wu/theorem-e.7#eq-37";
    String m1 = corrected ? "the printed log inside the numerator's log" : "g_0/g^* dropped from the numerator";
    String m2 = "c in place of c/(1 - c) in the log of the denominator";
    String display = corrected ? "T2 = log((g^* - g_0)/(g^* eps^2) + g_0/g^*)/log(1/(1 - (1 - eps^2) gamma))   (37)"
        : "T2 = log(((g^* - g_0)/(g^* eps^2) + g_0/g^*)/log(1 + (1 - eps^2) gamma/(1 - (1 - eps^2) gamma)))/log(1/(1 - "
            + "(1 - eps^2) gamma))   (37)";
    String where = "Appendix E.2, Theorem E.7, the simplification of T2, (37)" + (corrected ? " (without the inner log)" : "");
    StepSpec s = corrected ? StepSpec.step(id, WuProofSteps.loc(where, "839-841"), display)
        : StepSpec.finding(id, WuProofSteps.loc(where, "839-841"), display);
    return s.run((n, depth, mut) -> {
      Problem p = start(id, "scalar (symbolic g*, g_0, eps, c = (1 - eps^2) gamma, ld = log(1/(1 - c)))", mut);
      String n34 = "((1 - (1 - ep^2)*g0/gs)/ep^2)";
      String num = mut.equals(m1) && !corrected ? "((gs - g0)/(gs*ep^2))" : "((gs - g0)/(gs*ep^2) + g0/gs)";
      boolean innerLog = !corrected || mut.equals(m1);
      String t2 = "Log(" + num + (innerLog ? "/ld" : "") + ")/ld";
      p.define("T2 of (34)", "Log(" + n34 + ")/ld");
      p.equation("the two logs of the denominators: 1 + c/(1 - c) = 1/(1 - c)", mut.equals(m2) ? "1 + c" : "1 + c/(1 - c)",
          "1/(1 - c)");
      p.equation("(1 - c)^(-T2) = exp(ld T2) at the T2 of (37), against (34)", "Exp(ld*(" + t2 + "))", n34);
      return p.variable("gs", 1, 3).variable("g0", 0.1, 0.9).variable("ep", 0.05, 0.45).variable("c", 0.05, 0.9)
          .variable("ld", 0.1, 3).build();
    }, new int[][] {{1, 0}}, m1, m2)
        .note(corrected ? "(1 - (1 - eps^2) g_0/g*)/eps^2 = (g* - g_0)/(g* eps^2) + g_0/g*, so (37) without the inner log is (34)"
            : "FINDING (proof step only): the numerator's log also divides by log(1 + (1 - eps^2) gamma/(1 - (1 - eps^2) gamma)), "
                + "which is the denominator log(1/(1 - (1 - eps^2) gamma)) again; (34) has no such term (wu/theorem-e.7#eq-37-corrected)")
        .note("does not affect the statement: Theorem E.7 is stated with T2 of (34); (37) only derives the order of T2 used in "
            + "Theorem 3.2, through approximations ('~') that are not checked");
  }

  /** (45)'s equalities, at g_T1 = g_0: gamma' = gamma(1 - eps^2), delta = eps^2 g^* / (1 - eps^2). */
  static StepSpec e8Equalities() {
    String id = "wu/lemma-e.8#step-1";
    String m1 = "delta = eps^2 g^* (without 1/(1 - eps^2))";
    String m2 = "gamma' = gamma (1 - eps)";
    return StepSpec.step(id, WuProofSteps.loc("Appendix E.2.1, proof of Lemma E.8, (45), the equalities", "910-916"),
            "g_T1 - gamma g_T1 (1 - eps^2) + gamma g^* = g_T1 - gamma g_T1(1 - eps^2) + gamma(1 - eps^2) g^* + gamma eps^2 g^* =(b) "
                + "g_0 - gamma' g_0 + gamma' g^* + gamma' delta = g^* - (1 - gamma')(g^* - g_0) + gamma' delta")
        .run((n, depth, mut) -> {
          Problem p = start(id, "scalar (symbolic g*, g_0 = g_T1, eps, gamma)", mut);
          String gp = mut.equals(m2) ? "(gam*(1 - ep))" : "(gam*(1 - ep^2))";
          String dl = mut.equals(m1) ? "(ep^2*gs)" : "(ep^2*gs/(1 - ep^2))";
          String first = "g0 - gam*g0*(1 - ep^2) + gam*gs";
          String second = "g0 - gam*g0*(1 - ep^2) + gam*(1 - ep^2)*gs + gam*ep^2*gs";
          String third = "g0 - " + gp + "*g0 + " + gp + "*gs + " + gp + "*" + dl;
          p.define("gamma'", gp);
          p.define("delta", dl);
          p.equation("first = second", first, second);
          p.equation("second = third (b)", second, third);
          p.equation("third = last", third, "gs - (1 - " + gp + ")*(gs - g0) + " + gp + "*" + dl);
          return p.variable("gs", 1, 3).variable("g0", 0.1, 0.9).variable("ep", 0.05, 0.45).variable("gam", 0.05, 0.9).build();
        }, new int[][] {{1, 0}}, m1, m2);
  }

  /** The last line of (46): printed (1 - gamma') g_T1 + gamma' g_T1, or with gamma' g*. */
  static StepSpec last46(boolean corrected) {
    String id = corrected ? "wu/lemma-e.8#step-2-corrected" : "wu/lemma-e.8#step-2";
    String m1 = corrected ? "the printed gamma' g_T1" : "(1 - gamma') g_T1 alone";
    String m2 = "gamma in place of gamma'";
    String display = corrected ? "g_T1 + gamma(g^* - g_T1)(1 - eps^2) = (1 - gamma') g_T1 + gamma' g^*   (46)"
        : "g_T1 + gamma(g^* - g_T1)(1 - eps^2) = (1 - gamma') g_T1 + gamma' g_T1   (46)";
    String where = "Appendix E.2.1, proof of Lemma E.8, (46), last line" + (corrected ? " (gamma' g^*)" : "");
    StepSpec s = corrected ? StepSpec.step(id, WuProofSteps.loc(where, "914"), display)
        : StepSpec.finding(id, WuProofSteps.loc(where, "914"), display);
    return s.run((n, depth, mut) -> {
      Problem p = start(id, "scalar (symbolic g*, g_T1, eps, gamma)", mut);
      String gp = mut.equals(m2) ? "gam" : "(gam*(1 - ep^2))";
      String rhs;
      if (mut.equals(m1)) {
        rhs = corrected ? "(1 - " + gp + ")*g + " + gp + "*g" : "(1 - " + gp + ")*g";
      } else {
        rhs = "(1 - " + gp + ")*g + " + gp + "*" + (corrected ? "gs" : "g");
      }
      p.equation("the last line of (46)", "g + gam*(gs - g)*(1 - ep^2)", rhs);
      return p.variable("gs", 1, 3).variable("g", 0.1, 0.9).variable("ep", 0.05, 0.45).variable("gam", 0.05, 0.9).build();
    }, new int[][] {{1, 0}}, m1, m2)
        .note(corrected ? "the line above (46)'s last gives (1 - gamma') g_T1 + gamma' g*, as Property (ii) states"
            : "FINDING (proof step only): the right side is g_T1, so the line claims gamma(g* - g_T1)(1 - eps^2) = 0, false for "
                + "g_T1 < g*; the line above gives (1 - gamma') g_T1 + gamma' g* (wu/lemma-e.8#step-2-corrected)")
        .note("does not affect the statement: Property (ii) and the text after (46) use (1 - gamma') g_T1 + gamma' g*, which "
            + "the corrected line gives");
  }

  /** (48) step (b): (1 - gamma')^T2 (g* - g_0 + delta) = delta at the (real) T2 of (34). */
  static StepSpec eq48() {
    String id = "wu/lemma-e.8#eq-48";
    String m1 = "delta = eps^2 g^*";
    String m2 = "T2 with log(1/eps^2) in its numerator";
    return StepSpec.step(id, WuProofSteps.loc("Appendix E.2.1, proof of Lemma E.8, (48), step (b)", "929-933"),
            "(1 - gamma')^T2 (g^* - g_0 + delta) =(b) delta   (48)")
        .run((n, depth, mut) -> {
          Problem p = start(id, "scalar (symbolic g*, g_0, eps, ld = log(1/(1 - gamma')))", mut);
          String n34 = mut.equals(m2) ? "(1/ep^2)" : "((1 - (1 - ep^2)*g0/gs)/ep^2)";
          String dl = mut.equals(m1) ? "(ep^2*gs)" : "(ep^2*gs/(1 - ep^2))";
          String t2 = "(Log(" + n34 + ")/ld)";
          p.define("T2 of (34)", t2);
          p.define("delta", dl);
          p.step("(1 - gamma')^T2 = exp(-ld T2), ld = log(1/(1 - gamma')) > 0");
          p.equation("(48) (b)", "Exp(-ld*" + t2 + ")*(gs - g0 + " + dl + ")", dl);
          return p.variable("gs", 1, 3).variable("g0", 0.1, 0.9).variable("ep", 0.05, 0.45).variable("ld", 0.1, 3).build();
        }, new int[][] {{1, 0}}, m1, m2)
        .note("T2 is the real number of (34); with T2 rounded up to whole iterations (48)'s step (a) is what fails "
            + "(wu/lemma-e.8#corrected)");
  }

  /** sum_{i<=m} (u_i*)^2 sigma_i^2 with u* = z/||z||, z in R^d: printed denominator sum_{i<=m} z_i^2, or ||z||^2. */
  static StepSpec sphere(boolean corrected) {
    String id = corrected ? "wu/lemma-e.11#step-1-corrected" : "wu/lemma-e.11#step-1";
    String m1 = corrected ? "the printed sum_{i=1}^m z_i^2" : "sigma_i in place of sigma_i^2 on the right";
    String m2 = "u^* = z/||z||^2 (the norm squared)";
    String display = corrected ? "sum_{i=1}^m (u_i^*)^2 sigma_i^2 = sum_{i=1}^m z_i^2 sigma_i^2/sum_{i=1}^d z_i^2"
        : "We can write sum_{i=1}^m (u_i^*)^2 sigma_i^2 = sum_{i=1}^m z_i^2 sigma_i^2/sum_{i=1}^m z_i^2";
    String where = "Appendix E.3, proof of Lemma E.11" + (corrected ? " (||z||^2 in the denominator)" : "");
    StepSpec s = corrected ? StepSpec.step(id, WuProofSteps.loc(where, "1002-1004"), display)
        : StepSpec.finding(id, WuProofSteps.loc(where, "1002-1004"), display);
    return s.run((m, d, mut) -> {
      List<String> z = Sym.vec("z", d);
      List<String> sg = Sym.vec("s", m);
      Problem p = start(id, "m=" + m + ", d=" + d + " (symbolic z in R^d, sigma_1..sigma_m)", mut);
      String zz = Sym.normSq(z);
      List<String> lhs = new ArrayList<>();
      List<String> num = new ArrayList<>();
      List<String> zm = new ArrayList<>();
      for (int i = 0; i < m; i++) {
        String u2 = mut.equals(m2) ? z.get(i) + "^2/(" + zz + ")^2" : z.get(i) + "^2/(" + zz + ")";
        lhs.add(u2 + "*" + sg.get(i) + "^2");
        boolean linear = !corrected && mut.equals(m1);
        num.add(z.get(i) + "^2*" + sg.get(i) + (linear ? "" : "^2"));
        zm.add(z.get(i) + "^2");
      }
      boolean overM = !corrected || mut.equals(m1);
      p.define("u^* = z/||z||, ||z||^2", zz);
      p.equation("sum (u_i^*)^2 sigma_i^2", Sym.sum(lhs), "(" + Sym.sum(num) + ")/(" + (overM ? Sym.sum(zm) : zz) + ")");
      return p.variables(z, -2, 2).variables(sg, 0.1, 1).build();
    }, new int[][] {{1, 2}, {2, 3}}, m1, m2)
        .note(corrected ? "||z||^2 = sum_{i=1}^d z_i^2; the sums in the numerator run over the m nonzero sigma_i of (51)"
            : "FINDING (proof step only): ||z||^2 = sum_{i=1}^d z_i^2, not sum_{i=1}^m z_i^2; the two agree only when z_i = 0 for "
                + "i > m (wu/lemma-e.11#step-1-corrected)")
        .note("may affect the statement: (54) and (56) then bound the wrong denominator; with sum_{i=1}^d z_i^2 ~ d the lower "
            + "bound on sum sigma_i^2 (u_i^*)^2 is about m/d times the printed one; whether Lemma E.11 fails is for wu/lemma-e.11");
  }
}
