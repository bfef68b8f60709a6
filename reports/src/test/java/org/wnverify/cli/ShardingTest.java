package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --shard K/N} and {@code merge}: the merged report is the unsharded one, and every
 * way a set of shards can be incomplete or inconsistent is refused by name, writing nothing.
 * Shards are run once per class on a few fast claims, one of them a printed claim that fails (so
 * a counterexample file has to be carried over).
 */
class ShardingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SELECTION = "chou/lemma-3.2,chou/theorem-2.2#rho-at-least-1,ewn/theorem-1";

  @TempDir
  static Path runs;

  private static int plainStatus;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldErr;
  private PrintStream oldOut;

  @TempDir
  Path dir;

  @BeforeAll
  static void runPlainAndShards() {
    PrintStream oldOut = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      plainStatus = WnVerify.execute(audit("plain", null));
      for (int k = 1; k <= 3; k++) {
        assertThat(WnVerify.execute(audit("s" + k, k + "/3"))).isIn(0, 1);
      }
      assertThat(WnVerify.execute(audit("seed5-s2", "2/3", 5))).isIn(0, 1);
      assertThat(WnVerify.execute(audit("four-s2", "2/4"))).isIn(0, 1);
    } finally {
      System.setOut(oldOut);
    }
    assertThat(plainStatus).isIn(0, 1);
  }

  private static String[] audit(String out, String shard) {
    return audit(out, shard, 3);
  }

  private static String[] audit(String out, String shard, long seed) {
    List<String> a = new ArrayList<>(List.of("audit", "--only", SELECTION, "--samples", "1", "--seed", String.valueOf(seed),
        "--threads", "1", "-q", "--out", runs.resolve(out).toString()));
    if (shard != null) {
      a.addAll(List.of("--shard", shard));
    }
    return a.toArray(String[]::new);
  }

  @BeforeEach
  void capture() {
    oldErr = System.err;
    oldOut = System.out;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(oldErr);
    System.setOut(oldOut);
  }

  private static String shard(int k) {
    return runs.resolve("s" + k).toString();
  }

  private int merge(String... dirsThenOut) {
    List<String> a = new ArrayList<>(List.of("merge"));
    a.addAll(List.of(dirsThenOut));
    a.addAll(List.of("--out", dir.resolve("merged").toString()));
    return WnVerify.execute(a.toArray(String[]::new));
  }

  /** report.json apart from timings; counterexamples compared by file name (each run has its own --out). */
  private static JsonNode withoutTimings(Path report) throws Exception {
    JsonNode root = JSON.readTree(report.toFile());
    ((ObjectNode) root.get("settings")).remove("threads");
    for (JsonNode claim : root.get("claims")) {
      ((ObjectNode) claim).remove("seconds");
      if (claim.has("counterexample") && claim.get("counterexample").get("savedTo").isTextual()) {
        ObjectNode ce = (ObjectNode) claim.get("counterexample");
        ce.put("savedTo", Path.of(ce.get("savedTo").asText()).getFileName().toString());
      }
    }
    return root;
  }

  @Test
  void shardsSplitTheSelectionAndAreMarked() throws Exception {
    List<String> all = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      JsonNode r = JSON.readTree(Path.of(shard(k), "report.json").toFile());
      assertThat(r.get("settings").get("shard").get("index").asInt()).isEqualTo(k);
      assertThat(r.get("settings").get("shard").get("count").asInt()).isEqualTo(3);
      r.get("planned").forEach(id -> all.add(id.asText()));
    }
    JsonNode plain = JSON.readTree(runs.resolve("plain/report.json").toFile());
    assertThat(plain.get("settings").has("shard")).isFalse();
    List<String> planned = new ArrayList<>();
    plain.get("planned").forEach(id -> planned.add(id.asText()));
    assertThat(all).containsExactlyInAnyOrderElementsOf(planned);
    assertThat(all).hasSize(planned.size());
  }

  @Test
  void aShardsReportSaysSoAtTheTopAndTheMergedOneDoesNot() throws Exception {
    for (int k = 1; k <= 3; k++) {
      JsonNode r = JSON.readTree(Path.of(shard(k), "report.json").toFile());
      int total = JSON.readTree(runs.resolve("plain/report.json").toFile()).get("planned").size();
      String marker = "Shard " + k + " of 3 (covering " + r.get("planned").size() + " of " + total
          + " claims): not the full audit.";
      assertThat(Files.readString(Path.of(shard(k), "report.md"))).startsWith("# wnverify audit\n\n> **" + marker);
      assertThat(Files.readString(Path.of(shard(k), "index.html"))).contains("<h1>wnverify audit</h1>\n"
          + "<p class=\"shard-marker\" id=\"shard-marker\"><b>" + marker + "</b>");
    }
    assertThat(merge(shard(1), shard(2), shard(3))).isIn(0, 1);
    for (String f : List.of("report.md", "index.html")) {
      assertThat(Files.readString(dir.resolve("merged").resolve(f))).as(f).doesNotContain("not the full audit");
      assertThat(Files.readString(runs.resolve("plain").resolve(f))).as(f).doesNotContain("not the full audit");
    }
  }

  @Test
  void mergedShardsGiveTheUnshardedReportAndItsCounterexamples() throws Exception {
    int status = merge(shard(3), shard(1), shard(2));
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isEqualTo(plainStatus);
    Path merged = dir.resolve("merged");
    assertThat(withoutTimings(merged.resolve("report.json"))).isEqualTo(withoutTimings(runs.resolve("plain/report.json")));
    try (Stream<Path> files = Files.list(runs.resolve("plain"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        assertThat(merged.resolve(f.getFileName())).as("merge writes every file the plain run writes").exists();
      }
    }
    Path ce = runs.resolve("plain/counterexamples");
    try (Stream<Path> files = Files.list(ce)) {
      List<Path> list = files.toList();
      assertThat(list).isNotEmpty();
      for (Path f : list) {
        assertThat(merged.resolve("counterexamples").resolve(f.getFileName())).hasSameBinaryContentAs(f);
      }
    }
    JsonNode finding = null;
    for (JsonNode c : JSON.readTree(merged.resolve("report.json").toFile()).get("claims")) {
      if (c.has("counterexample") && c.get("counterexample").get("savedTo").isTextual()) {
        finding = c;
      }
    }
    assertThat(finding).isNotNull();
    assertThat(Path.of(finding.get("counterexample").get("savedTo").asText()))
        .isEqualTo(merged.resolve("counterexamples").resolve(Path.of(finding.get("counterexample").get("savedTo").asText())
            .getFileName()));
    // report.md of the merge reads like the plain run's, timings and paths aside.
    assertThat(mdWithoutTimings(merged.resolve("report.md"), merged))
        .isEqualTo(mdWithoutTimings(runs.resolve("plain/report.md"), runs.resolve("plain")));
  }

  private static String mdWithoutTimings(Path md, Path out) throws Exception {
    return Files.readString(md).replace(out.toString(), "OUT").replaceAll("`, [0-9.]+ s\\.", "`, T s.");
  }

  @Test
  void aMissingShardIsNamedAndNothingIsWritten() {
    assertThat(merge(shard(1), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("shard 2/3 missing").doesNotContain("\tat ");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void aDuplicateShardIsNamed() {
    assertThat(merge(shard(1), shard(2), shard(2), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("shard 2/3 is given twice");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void shardsOfAnotherSeedOrShardCountAreRefused() {
    assertThat(merge(shard(1), runs.resolve("seed5-s2").toString(), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("seed5-s2 is from another run").contains("--seed 5 (not 3)");
    err.reset();
    assertThat(merge(shard(1), runs.resolve("four-s2").toString(), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("number of shards 4 (not 3)");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void anInterruptedUnfinishedOrAbsentShardIsNamed() throws Exception {
    Path copy = dir.resolve("s2-interrupted");
    copyTree(Path.of(shard(2)), copy);
    Path report = copy.resolve("report.json");
    // As an interrupted run writes it: status INTERRUPTED, hence not passed.
    Files.writeString(report, Files.readString(report).replace("\"status\" : \"COMPLETE\"", "\"status\" : \"INTERRUPTED\"")
        .replace("\"passed\" : true", "\"passed\" : false"));
    assertThat(merge(shard(1), copy.toString(), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("shard 2/3 (" + copy + ") was interrupted");
    err.reset();
    Files.writeString(report, Files.readString(report).replace("\"status\" : \"INTERRUPTED\"", "\"status\" : \"RUNNING\""));
    assertThat(merge(shard(1), copy.toString(), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("did not finish");
    err.reset();
    Files.delete(report);
    assertThat(merge(shard(1), copy.toString(), shard(3))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains(copy + " holds no report.json");
    err.reset();
    assertThat(merge(shard(1), runs.resolve("plain").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a shard report");
    assertThat(dir.resolve("merged")).doesNotExist();
  }

  @Test
  void aMissingCounterexampleFileIsNamed() throws Exception {
    int withFinding = 0;
    for (int k = 1; k <= 3; k++) {
      if (Files.isDirectory(Path.of(shard(k), "counterexamples"))) {
        withFinding = k;
      }
    }
    assertThat(withFinding).isPositive();
    Path copy = dir.resolve("shard-copy");
    copyTree(Path.of(shard(withFinding)), copy);
    try (Stream<Path> files = Files.list(copy.resolve("counterexamples"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.delete(f);
      }
    }
    List<String> dirs = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      dirs.add(k == withFinding ? copy.toString() : shard(k));
    }
    assertThat(merge(dirs.toArray(String[]::new))).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("the counterexample of").contains("is not in");
  }

  @Test
  void badShardSpecsAreUsageErrors() {
    assertThat(WnVerify.execute("audit", "--shard", "4/3", "--out", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(WnVerify.execute("audit", "--shard", "two", "--out", dir.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--shard 4/3").contains("--shard takes K/N");
  }

  @Test
  void slurmWritesAnArrayAndAMergeThatDependsOnItAndSubmitsBoth() throws Exception {
    // A stand-in for sbatch: logs its arguments, answers like 'sbatch --parsable'.
    Path log = dir.resolve("sbatch.log");
    Path fake = dir.resolve("fake-sbatch");
    Files.writeString(fake, "#!/bin/sh\necho \"$*\" >> '" + log + "'\n"
        + "n=$(wc -l < '" + log + "'); echo \"$((100 + n));cluster\"\n");
    fake.toFile().setExecutable(true);
    Path out = dir.resolve("run");
    int status = WnVerify.execute("slurm", "--shards", "3", "--only", SELECTION, "--samples", "1", "--seed", "3",
        "--partition", "short", "--time", "20:00", "--setup", "module load java/17", "--sbatch", fake.toString(),
        "--out", out.toString());
    assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
    String shardScript = Files.readString(out.resolve("slurm/shard.sbatch"));
    assertThat(shardScript).contains("#SBATCH --array=1-3", "#SBATCH --partition=short", "#SBATCH --time=20:00",
        "module load java/17", "audit --seed 3 --samples 1", "--shard \"$k/3\"", "'" + SELECTION + "'",
        "--out " + out.resolve("shards") + "/\"$k\"");
    String mergeScript = Files.readString(out.resolve("slurm/merge.sbatch"));
    assertThat(mergeScript).contains("merge \"${shards[@]}\" --out " + out, "$(seq 1 3)");
    assertThat(Files.readString(out.resolve("slurm/submit.sh")))
        .contains("--dependency=afterok:\"$array\" --kill-on-invalid-dep=yes");
    List<String> calls = Files.readAllLines(log);
    assertThat(calls).containsExactly("--parsable " + out.resolve("slurm/shard.sbatch"),
        "--parsable --dependency=afterok:101 --kill-on-invalid-dep=yes " + out.resolve("slurm/merge.sbatch"));
    assertThat(Files.readString(out.resolve("slurm/jobs.txt"))).isEqualTo("array 101\nmerge 102\n");

    // A second submission into the same directory would mix shards of two runs.
    assertThat(WnVerify.execute("slurm", "--shards", "3", "--sbatch", fake.toString(), "--out", out.toString()))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("earlier submission");
    Path other = dir.resolve("other");
    Files.createDirectories(other.resolve("shards/1"));
    assertThat(WnVerify.execute("slurm", "--shards", "2", "--sbatch", fake.toString(), "--out", other.toString()))
        .isEqualTo(2);
    // No sbatch: a usage error that points to --dry-run; --dry-run submits nothing.
    err.reset();
    assertThat(WnVerify.execute("slurm", "--shards", "2", "--sbatch", dir.resolve("no-such-sbatch").toString(),
        "--out", dir.resolve("run2").toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--dry-run");
    assertThat(WnVerify.execute("slurm", "--shards", "2", "--dry-run", "--sbatch", fake.toString(),
        "--out", dir.resolve("run3").toString())).isZero();
    assertThat(Files.readAllLines(log)).hasSize(2);
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }
}
