package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: an experiment that is judged at the paper's size only (here MNIST pruning, whose data
 * is not bundled) has its undecided controls deferred to --profile paper, said in one line, and
 * does not make selftest fail; so does a control proved undecidable within its hypotheses.
 */
class SelftestDeferredTest {
  /** selftest's exit status and what it printed. */
  record Selftest(int status, String text) {}

  static Selftest selftest(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = WnVerify.execute(args);
    } finally {
      System.setOut(old);
    }
    return new Selftest(status, out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void anExperimentWithoutItsDataIsDeferredNotAFailure() {
    Selftest s = selftest("selftest", "--only", "ewn/figure-7,chou/lemma-3.2", "--samples", "1");
    assertThat(s.status()).as(s.text()).isEqualTo(ExitCodes.PASSED);
    assertThat(s.text()).contains("ewn/figure-7", "deferred", "need --profile paper",
        "1 experiment(s) with controls deferred to --profile paper");
  }

  /**
   * Below the paper's size the printed sentences are not judged, so a reversed sentence the small run
   * happens to show is not a control the check passed: on seed 2 Wu's Figure 4 at QUICK size has
   * "WN and rPGD norms grow at least as much as GD's" holding (the printed "grows less" is not
   * reproduced there), and selftest defers it to --profile paper in one line instead of failing.
   */
  @Test
  void aReducedSizeExperimentDefersTheControlItsSmallRunAccepts() {
    Selftest s = selftest("selftest", "--only", "wu/figure-4", "--seed", "2");
    assertThat(s.status()).as(s.text()).isEqualTo(ExitCodes.PASSED);
    assertThat(s.text()).contains("wu/figure-4", "deferred", "need --profile paper").doesNotContain("SURVIVED");
  }

  /**
   * A control proved undecidable within its claim's hypotheses (Proposition 3 part 3's swapped
   * conclusions, whose premise is never met there) is said in one line and does not make selftest
   * fail; the claim's other control still counts.
   */
  @Test
  void aControlProvedVacuousIsOneLineNotAFailure() {
    Selftest s = selftest("selftest", "--only", "ewn/proposition-3#ewn", "--samples", "2");
    assertThat(s.text().lines().filter(l -> l.contains("vacuous")).count()).as(s.text()).isEqualTo(1);
    assertThat(s.text()).contains("no instance meeting the hypotheses decides it",
        "1 control(s) proved undecidable within the hypotheses");
    // the vacuous control is neither counted nor listed as undecided; the claim's other control (the
    // margin-free thresholds) is rejected: the pushed ratio converges to 1/c' instead of diverging
    assertThat(s.text()).doesNotContain("UNDECIDED");
    assertThat(s.text()).contains("1 of 1 mutations rejected", "0 survived");
    assertThat(s.status()).as(s.text()).isEqualTo(ExitCodes.PASSED);
  }
}
