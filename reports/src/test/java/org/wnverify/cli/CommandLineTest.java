package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit statuses and error messages of the command line, as the README promises them. */
class CommandLineTest {
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

  private String errText() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpTeachesAndExitsZero() {
    assertThat(WnVerify.execute("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("audit", "check", "list", "Exit status");
    assertThat(WnVerify.execute("check", "--help")).isZero();
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(WnVerify.execute("audit", "--frobnicate")).isEqualTo(2);
    assertThat(errText()).contains("--frobnicate").doesNotContain("\tat ");
  }

  @Test
  void unknownClaimIsAUsageError() {
    assertThat(WnVerify.execute("check", "chou/lemma-99.9", "--out", dir.toString())).isEqualTo(2);
    assertThat(errText()).contains("chou/lemma-99.9");
  }

  @Test
  void outOfRangeArgumentsAreUsageErrors() {
    assertThat(WnVerify.execute("audit", "--samples", "0", "--out", dir.toString())).isEqualTo(2);
    assertThat(WnVerify.execute("audit", "--threads", "-3", "--out", dir.toString())).isEqualTo(2);
    assertThat(WnVerify.execute("audit", "--seed", "abc", "--out", dir.toString())).isEqualTo(2);
    assertThat(errText()).contains("--samples").contains("--threads").doesNotContain("\tat ");
  }

  @Test
  void badInstanceFileNamesFileAndFieldAndDamagesNothing() throws Exception {
    Path report = dir.resolve("out/report.json");
    Files.createDirectories(report.getParent());
    Files.writeString(report, "{\"previous\": true}");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"A\": [[1, 2]], \"b\": [1, 2], \"L\": 2, \"r0\": 1, \"u0\": [1, 1], \"eta\": 1}");
    int status = WnVerify.execute("audit", "--instance", bad.toString(), "--out", report.getParent().toString());
    assertThat(status).isEqualTo(2);
    assertThat(errText()).contains("bad.json").contains("'b'").doesNotContain("\tat ");
    assertThat(errText().strip().lines()).hasSize(1);
    assertThat(Files.readString(report)).isEqualTo("{\"previous\": true}");
  }

  @Test
  void anInstanceNoSelectedClaimCanUseIsAnInputError() throws Exception {
    Path negative = dir.resolve("negative.json");
    Files.writeString(negative, "{\"A\": [[1, -1]], \"b\": [1], \"L\": 2, \"r0\": 0.1, \"u0\": [-0.6, 0.8], \"eta\": 1}");
    assertThat(WnVerify.execute("check", "chou/theorem-2.2", "--instance", negative.toString(), "--out",
        dir.resolve("o").toString())).isEqualTo(2);
    assertThat(errText()).contains("negative.json").contains("u0 > 0").doesNotContain("\tat ");
    Path emptySolutionSet = dir.resolve("empty.json");
    Files.writeString(emptySolutionSet, "{\"A\": [[1, 1]], \"b\": [-1], \"L\": 2, \"r0\": 0.1, \"u0\": [0.6, 0.8], \"eta\": 1}");
    assertThat(WnVerify.execute("check", "chou/theorem-2.1", "--instance", emptySolutionSet.toString(), "--out",
        dir.resolve("o").toString())).isEqualTo(2);
    assertThat(errText()).contains("S+");
    assertThat(WnVerify.execute("check", "ewn/*", "--instance", emptySolutionSet.toString(), "--out",
        dir.resolve("o").toString())).isEqualTo(2);
    // ewn/* now has claims on the ewn-network family: a diagonal-net file is still refused, naming both.
    assertThat(errText()).contains("none of the selected claims is checked on that family").contains("ewn-network");
  }

  @Test
  void unwritableOutputDirectoryIsAUsageError() throws Exception {
    Path locked = dir.resolve("locked");
    Files.createDirectory(locked);
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-x------"));
    if (Files.isWritable(locked)) {
      return; // running as root: permissions are not enforced, nothing to test here
    }
    assertThat(WnVerify.execute("list")).isZero();
    assertThat(WnVerify.execute("audit", "--out", locked.resolve("r").toString())).isEqualTo(2);
    assertThat(errText()).contains("--out");
  }

  @Test
  void outputDirectoryThatIsAFileIsAUsageError() throws Exception {
    Path file = dir.resolve("afile");
    Files.writeString(file, "keep me");
    assertThat(WnVerify.execute("check", "chou/*", "--out", file.toString())).isIn(2);
    assertThat(Files.readString(file)).isEqualTo("keep me");
  }

  @Test
  void selftestRejectsEveryMutationOfTheLemmas() {
    assertThat(WnVerify.execute("selftest", "--only", "chou/lemma-3.2,chou/lemma-3.7,chou/lemma-3.8", "--samples", "2"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("mutations rejected").doesNotContain("SURVIVED");
  }

  @Test
  void listShowsTheCatalogue() {
    assertThat(WnVerify.execute("list")).isZero();
  }

  @Test
  void reportJsonIsValidAndRecordsSettings() throws Exception {
    Path outDir = dir.resolve("r");
    int status = WnVerify.execute("check", "ewn/*", "--seed", "7", "--samples", "2", "--out", outDir.toString(), "-q");
    assertThat(status).isIn(0, 1);
    JsonNode root = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
    assertThat(root.get("schema").asText()).isEqualTo("wnverify-report/1");
    assertThat(root.get("settings").get("seed").asLong()).isEqualTo(7);
    assertThat(root.get("status").asText()).isEqualTo("COMPLETE");
    assertThat(Files.readString(outDir.resolve("report.md"))).startsWith("# wnverify audit");
  }
}
