package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults a long run meets on a laptop or a cluster node: a second run into the same --out while
 * the first is writing, and SIGKILL (no shutdown hook runs) in the middle of the audit.
 */
class RunFaultsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  @Test
  void aSecondRunIntoTheSameOutIsRefusedAndSigkillLeavesTheLastCompleteReport() throws Exception {
    Path out = dir.resolve("shared");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process first = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WnVerify.class.getName(),
        "audit", "--threads", "1", "--samples", "2", "-q", "--out", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    Path report = out.resolve("report.json");
    long polls = 0;
    while (first.isAlive() && polls++ < 6000) {
      if (Files.exists(report) && JSON.readTree(report.toFile()).get("claims").size() >= 2) {
        break;
      }
      Thread.sleep(20);
    }
    assertThat(first.isAlive()).as("the audit is still running (else the test proves nothing)").isTrue();

    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int second;
    try {
      second = WnVerify.execute("check", "chou/lemma-3.2", "--samples", "1", "-q", "--out", out.toString());
    } finally {
      System.setErr(oldErr);
    }
    assertThat(second).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("another wnverify run is writing there", "pid " + first.pid());

    first.destroyForcibly(); // SIGKILL: no shutdown hook, no final write
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode root = JSON.readTree(report.toFile()); // parses: the last atomic write is whole
    assertThat(root.get("claims").size()).isGreaterThanOrEqualTo(2);
    // A kill mid-write may leave a half-written temporary file beside the report (never the report
    // itself); the next run into the directory removes it. Plant one so that this is always tested.
    Files.writeString(out.resolve(".report.json123.tmp"), "{\"half");
    // The operating system released the dead run's lock: the directory is usable again.
    assertThat(WnVerify.execute("check", "chou/lemma-3.2", "--samples", "1", "-q", "--out", out.toString()))
        .isEqualTo(ExitCodes.PASSED);
    for (File f : out.toFile().listFiles()) {
      assertThat(f.getName()).doesNotEndWith(".tmp");
    }
  }
}
