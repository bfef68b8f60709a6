package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code soak --resume}: an interrupted soak continues where it stopped, with the same tallies. */
class SoakResumeTest {
  @TempDir
  Path dir;

  private static int quietly(String... args) {
    PrintStream oldErr = System.err;
    PrintStream oldOut = System.out;
    try {
      System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      return WnVerify.execute(args);
    } finally {
      System.setErr(oldErr);
      System.setOut(oldOut);
    }
  }

  @Test
  void aResumedSoakEqualsAnUninterruptedOne() throws Exception {
    Path whole = dir.resolve("whole");
    Path parts = dir.resolve("parts");
    String claim = "chou/lemma-3.2";
    assertThat(quietly("soak", "--seeds", "3", "--only", claim, "--out", whole.toString())).isEqualTo(ExitCodes.PASSED);
    assertThat(quietly("soak", "--seeds", "1", "--only", claim, "--out", parts.toString())).isEqualTo(ExitCodes.PASSED);
    assertThat(quietly("soak", "--seeds", "3", "--resume", "--only", claim, "--out", parts.toString()))
        .isEqualTo(ExitCodes.PASSED);
    JsonNode a = new ObjectMapper().readTree(whole.resolve("soak.json").toFile());
    JsonNode b = new ObjectMapper().readTree(parts.resolve("soak.json").toFile());
    assertThat(b).isEqualTo(a);
    assertThat(b.path("seeds").asInt()).isEqualTo(3);
  }

  @Test
  void resumingAnotherSoakIsRefusedAndLeavesItsRecord() throws Exception {
    Path out = dir.resolve("s");
    assertThat(quietly("soak", "--seeds", "1", "--only", "chou/lemma-3.2", "--out", out.toString()))
        .isEqualTo(ExitCodes.PASSED);
    String before = Files.readString(out.resolve("soak.json"));
    assertThat(quietly("soak", "--seeds", "2", "--resume", "--samples", "2", "--only", "chou/lemma-3.2", "--out",
        out.toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(quietly("soak", "--seeds", "2", "--resume", "--only", "chou/lemma-3.3", "--out", out.toString()))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(quietly("soak", "--seeds", "2", "--resume", "--only", "chou/lemma-3.2", "--out",
        dir.resolve("none").toString())).isEqualTo(ExitCodes.USAGE);
    assertThat(Files.readString(out.resolve("soak.json"))).isEqualTo(before);
  }
}
