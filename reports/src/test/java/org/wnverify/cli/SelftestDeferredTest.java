package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: an experiment that is judged at the paper's size only (here MNIST pruning, whose data
 * is not bundled) has its undecided controls deferred to --profile paper, said in one line, and
 * does not make selftest fail.
 */
class SelftestDeferredTest {
  @Test
  void anExperimentWithoutItsDataIsDeferredNotAFailure() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = WnVerify.execute("selftest", "--only", "ewn/figure-7,chou/lemma-3.2", "--samples", "1");
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isEqualTo(ExitCodes.PASSED);
    assertThat(text).contains("ewn/figure-7", "deferred", "need --profile paper",
        "1 experiment(s) with controls deferred to --profile paper");
  }
}
