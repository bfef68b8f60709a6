package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's guarantees, tested on the real catalogue: determinism and surviving a SIGTERM. */
class RunGuaranteesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** report.json without the fields that legitimately differ between identical runs. */
  private static JsonNode withoutTimings(Path report) throws Exception {
    JsonNode root = JSON.readTree(report.toFile());
    ((ObjectNode) root.get("settings")).remove("threads");
    for (JsonNode claim : root.get("claims")) {
      ((ObjectNode) claim).remove("seconds");
      // Counterexample files live in each run's own --out directory.
      if (claim.has("counterexample")) {
        ((ObjectNode) claim.get("counterexample")).remove("savedTo");
      }
    }
    return root;
  }

  @Test
  void sameSeedGivesTheSameReportWithOneThreadOrTwoAndOnARerun() throws Exception {
    // one of each problem family and of each way of checking (symbolic, sampled with a finding, flow runs,
    // discrete iterates, network flows): the full default audit is compared by .ci/threads-test.sh in CI
    String[] claims = {"chou/lemma-3.2", "chou/lemma-3.3", "chou/theorem-2.2#rho-at-least-1",
        "wu/theorem-2.6#dichotomy-corrected", "wu/proposition-3.3", "wu/lemma-2.4", "ewn/theorem-1#swn",
        "ewn/proposition-2"};
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    Path c = dir.resolve("c");
    int sa = WnVerify.execute(args(claims, a, "1"));
    int sb = WnVerify.execute(args(claims, b, "2"));
    int sc = WnVerify.execute(args(claims, c, "2"));
    assertThat(List.of(sa, sb, sc)).allSatisfy(s -> assertThat(s).isIn(0, 1));
    assertThat(withoutTimings(b.resolve("report.json"))).isEqualTo(withoutTimings(a.resolve("report.json")));
    assertThat(withoutTimings(c.resolve("report.json"))).isEqualTo(withoutTimings(b.resolve("report.json")));
  }

  private static String[] args(String[] claims, Path out, String threads) {
    List<String> l = new java.util.ArrayList<>(List.of("check"));
    l.addAll(List.of(claims));
    l.addAll(List.of("--seed", "11", "--samples", "2", "--threads", threads, "-q", "--out", out.toString()));
    return l.toArray(String[]::new);
  }

  /**
   * SIGTERM in the middle of an audit: the report on disk is valid JSON, marked INTERRUPTED (or
   * COMPLETE if the audit won the race), and every planned claim has an outcome.
   */
  @Test
  void sigtermMidRunLeavesAValidReportHoldingEverythingFinished() throws Exception {
    Path out = dir.resolve("sig");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), WnVerify.class.getName(),
        "audit", "--threads", "1", "--samples", "2", "-q", "--out", out.toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(dir.resolve("stderr.txt").toFile())
        .start();
    Path report = out.resolve("report.json");
    long polls = 0;
    while (p.isAlive() && polls++ < 6000) {
      if (Files.exists(report) && JSON.readTree(report.toFile()).get("claims").size() >= 1) {
        break;
      }
      Thread.sleep(20);
    }
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    JsonNode root = JSON.readTree(report.toFile());
    String stderr = Files.readString(dir.resolve("stderr.txt"));
    assertThat(root.get("status").asText()).as(stderr).isIn("INTERRUPTED", "COMPLETE");
    assertThat(root.get("claims").size()).as(stderr).isEqualTo(root.get("planned").size());
    assertThat(root.get("claims").size()).isEqualTo(root.get("planned").size());
    if (root.get("status").asText().equals("INTERRUPTED")) {
      assertThat(root.get("claims").findValuesAsText("summary")).anySatisfy(s -> assertThat(s).contains("interrupted"));
    }
    for (File f : out.toFile().listFiles()) {
      assertThat(f.getName()).doesNotEndWith(".tmp");
    }
  }
}
