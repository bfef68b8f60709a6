package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 21's walk-through items: where reports go, what is left in them, and how they look on disk. */
class RunHygieneTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @TempDir
  Path dir;

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

  @Test
  void checkAndAuditHaveTheirOwnDefaultReportDirectories() {
    RunOptions check = new RunOptions();
    check.samples = 1;
    check.validate("check");
    RunOptions audit = new RunOptions();
    audit.samples = 1;
    audit.validate("audit");
    assertThat(check.out).isEqualTo(Path.of("reports", "check"));
    assertThat(audit.out).isEqualTo(Path.of("reports", "latest"));
  }

  @Test
  void anEmptyOutIsAUsageError() {
    assertThat(WnVerify.execute("check", "chou/lemma-3.2", "--out", "")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--out must name a directory");
    assertThat(WnVerify.execute("soak", "--seeds", "1", "--only", "chou/lemma-3.2", "--out", "")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void soakRefusesAnUnwritableOutBeforeDoingAnyWork() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    assertThat(WnVerify.execute("soak", "--seeds", "200", "--out", file.resolve("sub").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("cannot write there").doesNotContain("seed 1 done");
  }

  @Test
  void staleCounterexamplesAreClearedAndReportsAreReadableByAll() throws Exception {
    Path report = dir.resolve("r");
    Files.createDirectories(report.resolve("counterexamples"));
    Path stale = Files.writeString(report.resolve("counterexamples").resolve("chou_lemma-3.6-counterexample.json"), "{}");
    int status = WnVerify.execute("check", "chou/lemma-3.2", "--samples", "1", "-q", "--out", report.toString());
    assertThat(status).isEqualTo(ExitCodes.PASSED);
    assertThat(stale).doesNotExist();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(report.resolve("report.json"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void anOverflowingInstanceSaysSoInsteadOfDidNotMove() throws Exception {
    Path inst = Files.writeString(dir.resolve("overflow.json"), "{\"format\": \"wnverify-instance/2\", "
        + "\"problem\": \"diagonal-net\", \"A\": [[1e200, -1, 0.5]], \"b\": [0.7], \"L\": 2, \"r0\": 0.3, "
        + "\"u0\": [0.6, 0.7, 0.3872983346207417], \"eta\": 0.1}");
    Path report = dir.resolve("r");
    int status = WnVerify.execute("check", "chou/lemma-3.2", "--instance", inst.toString(), "-q", "--out", report.toString());
    assertThat(status).isEqualTo(ExitCodes.FAILED);
    String json = Files.readString(report.resolve("report.json"));
    assertThat(json).contains("overflow double precision").doesNotContain("trajectory did not move");
  }

  @Test
  void helpListsEveryCommandWithACompleteSentence() {
    assertThat(WnVerify.execute("--help")).isZero();
    List<String> commandLines = out.toString(StandardCharsets.UTF_8).lines()
        .dropWhile(l -> !l.startsWith("Commands:")).skip(1).takeWhile(l -> l.startsWith("  ")).toList();
    assertThat(commandLines).isNotEmpty();
    // A command's line, with its wrapped continuation lines, ends a sentence.
    StringBuilder joined = new StringBuilder();
    for (String l : commandLines) {
      if (!l.startsWith("   ") && joined.length() > 0) {
        assertThat(joined.toString().trim()).as("help line").matches("(?s).*[.)]$|help .*");
        joined.setLength(0);
      }
      joined.append(' ').append(l.trim());
    }
  }
}
