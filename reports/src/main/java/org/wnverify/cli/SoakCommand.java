package org.wnverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.io.AtomicFiles;
import org.wnverify.check.run.AuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The false-alarm rate, measured: runs the selected claims over many seeds and tabulates the
 * verdicts per claim. A true statement must HOLD (or be PROVED) on every seed; a claim that is a
 * known finding shows its VIOLATED seeds. The table is rewritten after every seed, so an
 * interrupted soak keeps what it finished.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
    header = "Runs the claims over many seeds and counts the verdicts per claim (false-alarm rate).",
    description = {
      "Runs the claims over many seeds (default 200) and writes soak.md / soak.json with the",
      "verdict counts per claim and the seeds of every failing verdict."
    })
final class SoakCommand implements Callable<Integer> {
  @Option(names = "--seeds", defaultValue = "200", description = "How many seeds (default: ${DEFAULT-VALUE}).")
  int seeds;

  @Option(names = "--first-seed", defaultValue = "1", description = "First seed (default: ${DEFAULT-VALUE}).")
  long firstSeed;

  @Option(names = "--samples", defaultValue = "1", description = "Instances per claim and seed (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--only", split = ",", paramLabel = "GLOB", description = "Restrict to these claims.")
  List<String> only = List.of();

  @Option(names = "--out", defaultValue = "reports/soak", description = "Output directory (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--resume", description = {"Continue the soak recorded in --out/soak.json (same first seed, samples",
      "and claims) from its next seed up to --seeds in all: a soak of hours survives an interruption."})
  boolean resume;

  @Override
  public Integer call() {
    if (seeds < 1 || seeds > 100_000 || samples < 1 || samples > 10_000) {
      throw new UsageException("--seeds must be in 1..100000 and --samples in 1..10000");
    }
    // Before any work: an unwritable --out found after hours of soaking would lose them.
    RunOptions.requireWritableDirectory(out, "--out");
    List<Claim> claims = Selection.select(ClaimCatalogue.standard(), only);
    Map<String, Map<Verdict, Integer>> counts = new TreeMap<>();
    Map<String, List<String>> failing = new TreeMap<>();
    for (Claim c : claims) {
      counts.put(c.id().toString(), new EnumMap<>(Verdict.class));
      failing.put(c.id().toString(), new ArrayList<>());
    }
    int done = resume ? SoakRecord.resume(out.resolve("soak.json"), firstSeed, samples, counts, failing) : 0;
    boolean allPassed = failing.values().stream().allMatch(List::isEmpty);
    if (done >= seeds) {
      // re-rendered, so that a record made by an older wnverify gets this version's tables
      write(counts, failing, done);
      System.err.printf(Locale.ROOT, "soak: all %d seeds already recorded in %s (soak.md rewritten)%n", done,
          out.resolve("soak.json"));
    }
    for (int k = done; k < seeds; k++) {
      long seed = firstSeed + k;
      AuditReport report = Selection.runQuietly("soak", only, claims, seed, samples);
      for (ClaimOutcome o : report.outcomes()) {
        counts.get(o.id().toString()).merge(o.verdict(), 1, Integer::sum);
        if (o.verdict().isFailing()) {
          allPassed = false;
          failing.get(o.id().toString()).add(seed + ": " + o.verdict() + " " + o.summary());
        }
      }
      write(counts, failing, k + 1);
      System.err.printf(Locale.ROOT, "soak: seed %d done (%d/%d)%n", seed, k + 1, seeds);
    }
    System.out.println("soak: " + out.resolve("soak.md"));
    return allPassed ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /** Issue 19: every claim INCONCLUSIVE on more than this fraction of the seeds needs a reason and a fix or a limit. */
  static final double INCONCLUSIVE_RATE = 0.10;

  /**
   * The claims INCONCLUSIVE on more than {@link #INCONCLUSIVE_RATE} of the seeds, each with its most
   * frequent reason (numbers replaced by #, so that one mechanism on many seeds reads as one line).
   */
  static void appendFrequentlyInconclusive(StringBuilder md, Map<String, Map<Verdict, Integer>> counts,
      Map<String, List<String>> failing, int done) {
    StringBuilder rows = new StringBuilder();
    counts.forEach((id, c) -> {
      int n = c.getOrDefault(Verdict.INCONCLUSIVE, 0);
      if (n > INCONCLUSIVE_RATE * done) {
        Map<String, Integer> reasons = new TreeMap<>();
        String prefix = ": " + Verdict.INCONCLUSIVE + " ";
        for (String f : failing.get(id)) {
          int at = f.indexOf(prefix);
          if (at >= 0) {
            String r = f.substring(at + prefix.length()).replaceAll("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?", "#")
                .replace('|', '/');
            reasons.merge(r.length() > 160 ? r.substring(0, 160) + " ..." : r, 1, Integer::sum);
          }
        }
        String top = reasons.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("");
        rows.append(String.format(Locale.ROOT, "| `%s` | %d/%d | %s |%n", id, n, done, top));
      }
    });
    md.append(String.format(Locale.ROOT, "%n## INCONCLUSIVE on more than %.0f %% of the seeds%n%n",
        100 * INCONCLUSIVE_RATE));
    if (rows.length() == 0) {
      md.append("None.\n");
    } else {
      md.append("| claim | INCONCLUSIVE | most frequent reason (numbers as #) |\n|---|---|---|\n").append(rows);
    }
  }

  private void write(Map<String, Map<Verdict, Integer>> counts, Map<String, List<String>> failing, int done) {
    StringBuilder md = new StringBuilder("# wnverify soak\n\n");
    md.append(done).append(" seeds from ").append(firstSeed).append(", ").append(samples)
        .append(" instance(s) per claim and seed, profile QUICK, wnverify ").append(Version.VERSION).append(".\n\n");
    md.append("| claim |");
    for (Verdict v : Verdict.values()) {
      md.append(' ').append(v).append(" |");
    }
    md.append("\n|---|").append("---|".repeat(Verdict.values().length)).append('\n');
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("seeds", done);
    json.put("firstSeed", firstSeed);
    json.put("samples", samples);
    Map<String, Object> perClaim = new LinkedHashMap<>();
    counts.forEach((id, c) -> {
      md.append("| `").append(id).append("` |");
      Map<String, Object> entry = new LinkedHashMap<>();
      for (Verdict v : Verdict.values()) {
        int n = c.getOrDefault(v, 0);
        md.append(' ').append(n == 0 ? "" : n).append(" |");
        if (n > 0) {
          entry.put(v.name(), n);
        }
      }
      md.append('\n');
      entry.put("failingSeeds", failing.get(id));
      perClaim.put(id, entry);
    });
    json.put("claims", perClaim);
    appendFrequentlyInconclusive(md, counts, failing, done);
    md.append("\n## Failing seeds\n");
    failing.forEach((id, l) -> {
      if (!l.isEmpty()) {
        md.append("\n### ").append(id).append("\n\n");
        l.stream().limit(50).forEach(s -> md.append("- ").append(s).append('\n'));
        if (l.size() > 50) {
          md.append("- ... ").append(l.size() - 50).append(" more in soak.json\n");
        }
      }
    });
    try {
      AtomicFiles.writeString(out.resolve("soak.md"), md.toString());
      AtomicFiles.writeString(out.resolve("soak.json"),
          new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write soak results to " + out + ": " + e.getMessage(), e);
    }
  }
}
