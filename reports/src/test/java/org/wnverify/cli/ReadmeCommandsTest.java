package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code ./wnverify ...} command in the README's sh blocks runs, in the README's order, and
 * does what it says: no usage error, the files it names exist. Paths are rebased into a temporary
 * directory (the README's relative paths are relative to where you run it). Commands that take
 * minutes run as a fast variant, listed in {@link #FAST} with the reason; the paper-size audit is
 * only parsed. A README command missing from this test's tables fails it, so the README cannot
 * gain an untested command.
 */
class ReadmeCommandsTest {
  private static final String FAST_ONLY = "chou/theorem-2.2#rho-at-least-1,chou/lemma-3.2";

  /** README command (without "./wnverify ") -> the arguments run instead, and why. */
  private static final Map<String, List<String>> FAST = new LinkedHashMap<>();

  static {
    // the full audit takes a minute or two: two fast claims, one of them a finding with a saved counterexample
    FAST.put("audit", List.of("audit", "--only", FAST_ONLY, "--samples", "2"));
    FAST.put("audit --seed 3 --samples 20 --save-instances /tmp/inst",
        List.of("audit", "--seed", "3", "--samples", "2", "--only", "chou/lemma-3.2", "--save-instances", "/tmp/inst"));
    FAST.put("selftest", List.of("selftest", "--only", "chou/lemma-3.2", "--samples", "2"));
    FAST.put("soak --seeds 200 --only chou/lemma-3.*", List.of("soak", "--seeds", "2", "--only", "chou/lemma-3.2"));
    // the same selection as the fast audit, so that the comparison with its baseline is meaningful
    FAST.put("audit --baseline wnverify-baseline.json",
        List.of("audit", "--baseline", "wnverify-baseline.json", "--only", FAST_ONLY, "--samples", "2"));
  }

  static {
    // one shard of a fast selection; the README's merge needs all four (ShardingTest merges real shards)
    FAST.put("audit --shard 2/4 --out shards/2", List.of("audit", "--shard", "2/4", "--only",
        "chou/lemma-3.2,chou/lemma-3.3,chou/lemma-3.7,chou/theorem-2.2#rho-at-least-1", "--samples", "1", "--out", "shards/2"));
    // no cluster here: write the job scripts without submitting (the Slurm test submits for real)
    FAST.put("slurm --shards 8 --out /scratch/run1", List.of("slurm", "--shards", "8", "--dry-run", "--out", "slurm-run"));
    FAST.put("slurm --shards 8 --cpus-per-task 4 --partition short --time 30:00 --setup module load java/17 "
        + "--out /scratch/$USER/wnverify-run1", List.of("slurm", "--shards", "8", "--cpus-per-task", "4", "--partition",
        "short", "--time", "30:00", "--setup", "module load java/17", "--dry-run", "--out", "slurm-run2"));
  }

  /**
   * Parsed, not run: 19 minutes of paper-size experiments; a merge of four shards of which the
   * walk-through ran one.
   */
  private static final List<String> PARSE_ONLY = List.of("audit --profile paper --only chou/figure-*",
      "merge shards/1 shards/2 shards/3 shards/4 --out reports/latest");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @TempDir
  Path dir;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  /** The README's commands in order, from its sh blocks ("a && b" gives two), comments stripped. */
  static List<List<String>> readmeCommands() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md")).replace("\\\n", " ");
    List<List<String>> cmds = new ArrayList<>();
    Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    while (block.find()) {
      for (String line : block.group(1).split("\\n")) {
        for (String part : line.split("&&")) {
          List<String> words = shellWords(part);
          if (!words.isEmpty() && words.get(0).equals("./wnverify")) {
            cmds.add(words.subList(1, words.size()));
          }
        }
      }
    }
    return cmds;
  }

  /** Words as sh splits them: single quotes kept together, an unquoted "#" after a blank starts a comment. */
  static List<String> shellWords(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = null;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '\'') {
          quoted = false;
        } else {
          w.append(c);
        }
      } else if (c == '\'') {
        quoted = true;
        w = w == null ? new StringBuilder() : w;
      } else if (Character.isWhitespace(c)) {
        if (w != null) {
          words.add(w.toString());
          w = null;
        }
      } else if (c == '#' && w == null) {
        break;
      } else {
        w = w == null ? new StringBuilder() : w;
        w.append(c);
      }
    }
    if (w != null) {
      words.add(w.toString());
    }
    return words;
  }

  /** The README's relative paths, rebased into the temporary directory; the default --out made explicit there. */
  private List<String> rebased(List<String> args) {
    List<String> a = new ArrayList<>();
    for (String s : args) {
      a.add(s.equals("/tmp/inst") ? dir.resolve("inst").toString()
          : s.startsWith("reports/") || s.startsWith("shards/") || s.startsWith("slurm-run")
              || s.equals("wnverify-baseline.json") ? dir.resolve(s).toString() : s);
    }
    String verb = a.isEmpty() ? "" : a.get(0);
    if ((verb.equals("audit") || verb.equals("check")) && !a.contains("--out")) {
      a.addAll(List.of("--out", dir.resolve(verb.equals("audit") ? "reports/latest" : "reports/check").toString()));
    }
    if (verb.equals("soak") && !a.contains("--out")) {
      a.addAll(List.of("--out", dir.resolve("reports/soak").toString()));
    }
    if (verb.equals("baseline")) {
      if (!a.contains("--report")) {
        a.addAll(List.of("--report", dir.resolve("reports/latest/report.json").toString()));
      }
      if (!a.contains("--out")) {
        a.addAll(List.of("--out", dir.resolve("wnverify-baseline.json").toString()));
      }
    }
    return a;
  }

  @Test
  void everyReadmeCommandWorksAsWritten() throws Exception {
    List<List<String>> cmds = readmeCommands();
    assertThat(cmds).hasSizeGreaterThan(10);
    int last = -1;
    for (List<String> cmd : cmds) {
      String key = String.join(" ", cmd);
      if (PARSE_ONLY.contains(key)) {
        new CommandLine(new WnVerify()).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(cmd.toArray(String[]::new));
        continue;
      }
      List<String> run = rebased(FAST.getOrDefault(key, cmd));
      out.reset();
      err.reset();
      int status = WnVerify.execute(run.toArray(String[]::new));
      String context = key + " -> " + run + "\nstdout: " + out.toString(StandardCharsets.UTF_8) + "\nstderr: "
          + err.toString(StandardCharsets.UTF_8);
      // 1 is a verdict (a finding, or a change against a baseline), never a broken command
      assertThat(status).as(context).isIn(0, 1);
      if (cmd.get(0).equals("list") || cmd.get(0).equals("--help") || cmd.get(0).equals("derive")
          || cmd.get(0).equals("baseline") || cmd.get(0).equals("selftest")) {
        assertThat(status).as(context).isZero();
      }
      if (cmd.get(0).equals("audit")) {
        for (String f : List.of("report.md", "index.html", "report.json", "junit.xml")) {
          assertThat(dir.resolve("reports/latest").resolve(f)).as(context).exists();
        }
      }
      if (key.equals("audit --baseline wnverify-baseline.json")) {
        last = status;
      }
    }
    // The README's CI section runs the audit against the baseline just taken: no change, exit 0.
    assertThat(last).as("status of the last 'audit --baseline' in the README").isZero();
    assertThat(dir.resolve("inst")).isDirectoryContaining(p -> p.toString().endsWith(".json"));
  }

  @Test
  void shellWordsFollowQuotesAndComments() {
    assertThat(shellWords("./wnverify check 'chou/theorem-2.2*' --seed 7   # comment"))
        .containsExactly("./wnverify", "check", "chou/theorem-2.2*", "--seed", "7");
    assertThat(shellWords("./wnverify derive 'chou/lemma-3.8#proof'")).containsExactly("./wnverify", "derive",
        "chou/lemma-3.8#proof");
  }
}
