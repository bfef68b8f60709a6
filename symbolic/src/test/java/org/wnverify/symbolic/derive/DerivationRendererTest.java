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

  /**
   * The whole LaTeX derivation against a reviewed golden file: formulas as math, not escaped text.
   * After an intended change, regenerate with -Dwnverify.golden.update=true and review the diff.
   */
  @Test
  void latexMatchesTheGoldenFile() throws Exception {
    String t = DerivationRenderer.latex(report, engine);
    java.nio.file.Path golden = java.nio.file.Path.of("src/test/resources/derive/chou_lemma-3.9_gamma.tex");
    if (Boolean.getBoolean("wnverify.golden.update")) {
      java.nio.file.Files.createDirectories(golden.getParent());
      java.nio.file.Files.writeString(golden, t);
    }
    assertThat(t).isEqualTo(java.nio.file.Files.readString(golden));
    assertThat(t).contains("$\\gamma(r_{0}, r) = (r/r_{0}) \\exp((r_{0}^{2} - r^{2})/(2 \\eta))$",
        "it is $\\le  0$", "\\item $d_{r} \\gamma(r_{0}, r)$: ExpandAll").doesNotContain("\\textasciitilde",
        "\\textbar", "\\^{}");
  }

  /** Where a TeX engine is installed, the snippet compiles inside a minimal amsmath document. */
  @Test
  void latexCompilesWhereATexEngineIsInstalled() throws Exception {
    String engineName = java.util.stream.Stream.of("pdflatex", "lualatex", "xelatex")
        .filter(n -> java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .anyMatch(d -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(d, n))))
        .findFirst().orElse(null);
    org.junit.jupiter.api.Assumptions.assumeTrue(engineName != null, "no TeX engine on PATH; the golden file is the check");
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("wnverify-tex");
    java.nio.file.Files.writeString(dir.resolve("d.tex"), "\\documentclass{article}\\usepackage{amsmath}\n"
        + "\\begin{document}\n" + DerivationRenderer.latex(report, engine) + "\n\\end{document}\n");
    Process p = new ProcessBuilder(engineName, "-interaction=nonstopmode", "-halt-on-error", "d.tex").directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
    assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(java.nio.file.Files.readString(dir.resolve("log.txt"))).isZero();
  }

  @Test
  void proseKeepsWordsAsTextAndFormulasAsMath() {
    assertThat(DerivationRenderer.prose("With ||u0|| = 1, h_eta is constant along (13)-(14) if L != 2."))
        .isEqualTo("With $\\|u_{0}\\| = 1, h_{\\eta}$ is constant along (13)-(14) if $L \\ne  2$.");
    assertThat(DerivationRenderer.prose("dr/dt = -eta D(L~, r) and u^(2-L) exp((2-L) r^2/(2 eta))"))
        .isEqualTo("$\\mathrm{d}r/\\mathrm{d}t = -\\eta D(\\tilde{L}, r)$ and "
            + "$u^{2-L} \\exp((2-L) r^{2}/(2 \\eta))$");
    assertThat(DerivationRenderer.prose("rank(A_I) = M, 50% & #1 {x}")).isEqualTo("$\\mathrm{rank}(A_{I}) = M$, 50\\% \\& \\#1 $\\{x\\}$");
    assertThat(DerivationRenderer.mathLabel("L~(r,u)")).isEqualTo("\\tilde{L}(r,u)");
    assertThat(DerivationRenderer.prose("||w_t_perp||^2")).isEqualTo("$\\|w_{t,\\mathrm{perp}}\\|^{2}$");
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }
}
