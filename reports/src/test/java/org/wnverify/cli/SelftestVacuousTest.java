package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: a control proved undecidable within its claim's hypotheses (Proposition 3 part 3's
 * swapped conclusions, whose premise is never met there) is said in one line and does not make
 * selftest fail; the claim's other control still counts.
 */
class SelftestVacuousTest {
  @Test
  void aControlProvedVacuousIsOneLineNotAFailure() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int status;
    try {
      status = WnVerify.execute("selftest", "--only", "ewn/proposition-3#ewn", "--samples", "2");
    } finally {
      System.setOut(old);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(status).as(text).isEqualTo(ExitCodes.PASSED);
    assertThat(text.lines().filter(l -> l.contains("vacuous")).count()).as(text).isEqualTo(1);
    assertThat(text).contains("no instance meeting the hypotheses decides it", "1 of 1 mutations rejected",
        "1 control(s) proved undecidable within the hypotheses").doesNotContain("UNDECIDED");
  }
}
