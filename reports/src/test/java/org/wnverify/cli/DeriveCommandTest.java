package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code wnverify derive}: text and LaTeX output, exit statuses, one-line errors. */
class DeriveCommandTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  private String outText() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void printsAProvedDerivationAsTextAndExitsZero() {
    assertThat(WnVerify.execute("derive", "chou/lemma-3.9#gamma")).isZero();
    assertThat(outText()).contains("chou/lemma-3.9#gamma", "verdict:   PROVED", "dimensions covered:", "objects (case",
        "steps:", "simplified defect: 0", "negative controls", "REFUTED at {");
  }

  @Test
  void printsLatex() {
    assertThat(WnVerify.execute("derive", "ewn/lemma-2#euler", "--latex")).isZero();
    assertThat(outText()).contains("\\begin{align*}", "\\end{align*}", "\\textbf{Verdict: PROVED}", "ewn/lemma-2\\#euler");
  }

  @Test
  void aRefutedPrintedIdentityExitsOneWithItsWitness() {
    assertThat(WnVerify.execute("derive", "wu/gradients")).isEqualTo(1);
    assertThat(outText()).contains("verdict:   REFUTED", "witness: ", "FINDING");
  }

  @Test
  void unknownIdIsAOneLineUsageError() {
    assertThat(WnVerify.execute("derive", "chou/lemma-99.9")).isEqualTo(2);
    assertThat(errText()).startsWith("wnverify: unknown claim id 'chou/lemma-99.9'").doesNotContain("\tat ");
    assertThat(errText().strip().lines()).hasSize(1);
  }

  @Test
  void claimWithoutDerivationIsAOneLineUsageError() {
    assertThat(WnVerify.execute("derive", "chou/lemma-3.10")).isEqualTo(2);
    assertThat(errText()).contains("chou/lemma-3.10 has no symbolic derivation", "chou/lemma-3.8#proof")
        .doesNotContain("\tat ");
    assertThat(errText().strip().lines()).hasSize(1);
  }

  /** The README's example: a numerically checked claim shows the derivations of its #sub-claims. */
  @Test
  void aClaimWithSubDerivationsShowsThemAsLatexMath() {
    assertThat(WnVerify.execute("derive", "chou/lemma-3.8", "--latex")).isZero();
    assertThat(outText()).startsWith("% chou/lemma-3.8 is checked numerically; its symbolic derivation is "
        + "chou/lemma-3.8#proof").contains("\\paragraph{chou/lemma-3.8\\#proof}", "$\\|u_{0}\\| = 1",
        "\\tilde{L}", "\\eta").doesNotContain("\\textbar", "\\textasciitilde");
  }

  @Test
  void malformedIdIsAUsageError() {
    assertThat(WnVerify.execute("derive", "not an id")).isEqualTo(2);
    assertThat(errText()).contains("unknown claim id");
  }
}
