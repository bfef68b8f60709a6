package org.wnverify.symbolic.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wnverify.symbolic.SymbolicEngine;

/** The plain-text and LaTeX derivations carry the required parts, and the LaTeX is well formed. */
class DerivationRendererTest {
  private static SymbolicEngine engine;
  private static IdentityReport report;

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
    report = SymbolicIdentities.report("chou/lemma-3.9#gamma", engine);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void textHasObjectsStepsDefectVerdictDimensionsAndControls() {
    String t = DerivationRenderer.text(report, engine);
    assertThat(t).contains("chou/lemma-3.9#gamma", "verdict:   PROVED", "dimensions covered: scalar",
        "objects (case", "gamma(r0, r) (42) := ", "equations (case", "lhs = ", "rhs = ", "steps:",
        "simplified defect: 0", "negative controls", "REFUTED at {");
  }

  @Test
  void latexIsABalancedAmsmathSnippet() {
    String t = DerivationRenderer.latex(report, engine);
    assertThat(t).contains("\\begin{align*}", "\\end{align*}", "\\textbf{Verdict: PROVED}", "\\begin{itemize}");
    assertThat(count(t, "\\begin{")).isEqualTo(count(t, "\\end{"));
    int depth = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      boolean escaped = i > 0 && t.charAt(i - 1) == '\\';
      if (c == '{' && !escaped) {
        depth++;
      } else if (c == '}' && !escaped) {
        depth--;
      }
      assertThat(depth).as("brace depth at " + i).isGreaterThanOrEqualTo(0);
    }
    assertThat(depth).isZero();
    // text-mode specials are escaped outside math: no raw # or _ in prose lines
    t.lines().filter(l -> !l.startsWith("%") && !l.contains("&") && !l.contains("$")).forEach(l ->
        assertThat(l.replace("\\#", "").replace("\\_", "")).doesNotContain("#").doesNotContain("_"));
    assertThat(t).contains("r_{0}", "\\eta");
  }

  @Test
  void symbolNamesBecomeTexSubscriptsAndGreek() {
    assertThat(DerivationRenderer.texSymbols("a1n2 \\cdot {u1}^{2} + etar \\cdot gam + \\log (r0)"))
        .isEqualTo("a_{12} \\cdot {u_{1}}^{2} + \\eta_r \\cdot \\gamma + \\log (r_{0})");
  }

  @Test
  void firstCaseStepsAreTakenFromNestedProofSteps() {
    assertThat(DerivationRenderer.firstCaseSteps(java.util.List.of("[a; b] PROVED", "  [a] PROVED", "    s1", "    s2",
        "  [b] PROVED", "    s3"))).containsExactly("s1", "s2");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
