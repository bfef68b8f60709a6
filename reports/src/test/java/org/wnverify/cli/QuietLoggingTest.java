package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * stderr carries only wnverify's own lines: no Log4j StatusLogger or SLF4J binding warnings from
 * Symja's dependencies. Run in a fresh JVM (the warnings come once per JVM, at first use of
 * Symja), on the test classpath, which has the same logging jars as the CLI's lib/.
 */
class QuietLoggingTest {
  @TempDir
  Path dir;

  private String stderrOf(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        WnVerify.class.getName()));
    cmd.addAll(List.of(args));
    Path err = dir.resolve("stderr-" + args[0] + ".txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isIn(0, 1);
    return Files.readString(err);
  }

  @Test
  void symbolicAndNumericCommandsPrintNoLibraryLogging() throws Exception {
    // derive loads Symja; check runs a numeric claim (and its symbolic kernels); -q: no progress
    for (String err : List.of(stderrOf("derive", "chou/lemma-3.9#gamma"),
        stderrOf("check", "chou/lemma-3.2", "--samples", "1", "-q", "--out", dir.resolve("r").toString()))) {
      assertThat(err).doesNotContain("StatusLogger", "SLF4J", "log4j", "Log4j", "StaticLoggerBinder");
      assertThat(err).isEmpty();
    }
  }
}
