package org.wnverify.cli;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Counterexample;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.run.AuditReport;
import org.wnverify.report.ClaimInfo;
import org.wnverify.report.JsonReport;
import org.wnverify.report.JsonReportReader;
import org.wnverify.report.ReportFileException;
import org.wnverify.report.ReportWriter;
import org.wnverify.report.ShardMerge;
import org.wnverify.report.ReportContext;
import org.wnverify.report.StandardFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wnverify merge DIR... --out DIR}: the reports of {@code audit --shard 1/N ... N/N}
 * combined into the report of the whole audit (report.json equal to the unsharded run's apart
 * from timings), every format rendered again, counterexample files carried over. Refuses with
 * status 2, naming each problem, when a shard is missing, doubled, from another run, or did not
 * finish: never a partial report.
 */
@Command(name = "merge", mixinStandardHelpOptions = true,
    header = "Combines the reports of 'audit --shard K/N' into the report of the whole audit.",
    description = {
      "Combines the report directories of 'audit --shard 1/N' ... 'N/N' into the report of the whole",
      "audit: report.json identical to the unsharded run's (timings aside), every other format",
      "rendered again, counterexamples copied. A missing, doubled, unfinished or mismatched shard is",
      "an error (status 2) naming it; nothing is written then."
    })
final class MergeCommand implements Callable<Integer> {
  private static final String COUNTEREXAMPLES = "counterexamples";

  @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard report directories (each holding report.json).")
  List<Path> dirs;

  @Option(names = "--out", paramLabel = "DIR", required = true,
      description = "Directory for the merged report.json, report.md, ... and counterexamples/.")
  Path out;

  @Override
  public Integer call() {
    ClaimCatalogue catalogue = ClaimCatalogue.standard();
    ClaimInfo info = new ClaimInfo(catalogue.all());
    JsonReport json = new JsonReport(info);
    Path outAbs = out.toAbsolutePath().normalize();

    List<String> problems = new ArrayList<>();
    List<ShardMerge.Input> inputs = new ArrayList<>();
    for (Path dir : dirs) {
      if (dir.toAbsolutePath().normalize().equals(outAbs)) {
        problems.add(dir + " is also the --out directory; merge into another one");
        continue;
      }
      Path file = dir.resolve("report.json");
      if (!Files.isRegularFile(file)) {
        problems.add(dir + (Files.isDirectory(dir) ? " holds no report.json (the shard did not start?)" : " does not exist"));
        continue;
      }
      try {
        inputs.add(new ShardMerge.Input(dir, JsonReportReader.readExact(file, json)));
      } catch (ReportFileException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException("cannot merge: " + String.join("; ", problems));
    }
    AuditReport merged;
    try {
      merged = ShardMerge.merge(inputs,
          patterns -> Selection.select(catalogue, patterns).stream().map(c -> c.id().toString()).toList(),
          Version.VERSION);
    } catch (ReportFileException e) {
      throw new UsageException(e.getMessage());
    }

    Map<String, Path> copies = counterexampleFiles(inputs);
    RunOptions.requireWritableDirectory(out, "--out");
    merged = relocateCounterexamples(merged, out.resolve(COUNTEREXAMPLES));
    try (OutLock lock = OutLock.acquire(out)) {
      // As in an audit: the directory then holds the counterexamples of this report only.
      AuditSession.removeStaleCounterexamples(out.resolve(COUNTEREXAMPLES));
      try {
        if (!copies.isEmpty()) {
          Files.createDirectories(out.resolve(COUNTEREXAMPLES));
        }
        for (Map.Entry<String, Path> e : copies.entrySet()) {
          Files.copy(e.getValue(), out.resolve(COUNTEREXAMPLES).resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new UsageException("--out " + out + ": cannot copy counterexamples (" + e.getMessage() + ")");
      }
      StandardFormats.writer(out, ReportContext.of(info)).auditFinished(merged);
    }
    System.out.println("merged " + inputs.size() + " shards of " + merged.planned().size() + " claims");
    System.out.println(ConsoleProgress.forTerminal(true).summary(merged, out));
    return merged.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /**
   * Every file in the shards' counterexamples/ directories, by name; each counterexample a report
   * refers to must be there. Two shards never write the same name (names carry the claim id), so
   * a clash with different content is an error rather than a silent choice.
   */
  private static Map<String, Path> counterexampleFiles(List<ShardMerge.Input> inputs) {
    Map<String, Path> files = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (ShardMerge.Input in : inputs) {
      Path dir = in.dir().resolve(COUNTEREXAMPLES);
      if (Files.isDirectory(dir)) {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
          List<Path> sorted = new ArrayList<>();
          ds.forEach(sorted::add);
          sorted.sort(null);
          for (Path f : sorted) {
            String name = f.getFileName().toString();
            if (!Files.isRegularFile(f) || name.startsWith(".")) {
              continue;
            }
            Path previous = files.putIfAbsent(name, f);
            if (previous != null && Files.mismatch(previous, f) != -1) {
              problems.add("two shards wrote different " + name + ": " + previous + " and " + f);
            }
          }
        } catch (IOException e) {
          problems.add(dir + ": cannot read (" + e.getMessage() + ")");
        }
      }
      for (ClaimOutcome o : in.report().outcomes()) {
        Counterexample c = o.counterexample();
        if (c != null && c.savedTo() != null && !Files.isRegularFile(dir.resolve(fileName(c.savedTo())))) {
          problems.add(in.dir() + ": the counterexample of " + o.id() + " (" + c.savedTo() + ") is not in " + dir);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new UsageException("cannot merge: " + String.join("; ", problems));
    }
    return files;
  }

  /** Points each saved counterexample at its copy in the merged report, as the plain run would. */
  private static AuditReport relocateCounterexamples(AuditReport r, Path dir) {
    List<ClaimOutcome> outcomes = new ArrayList<>();
    for (ClaimOutcome o : r.outcomes()) {
      Counterexample c = o.counterexample();
      if (c != null && c.savedTo() != null) {
        c = c.withSavedTo(dir.resolve(fileName(c.savedTo())).toString());
        o = o.withCounterexample(c);
      }
      outcomes.add(o);
    }
    return new AuditReport(r.settings(), r.planned(), outcomes, r.status());
  }

  private static String fileName(String savedTo) {
    return Path.of(savedTo).getFileName().toString();
  }
}
