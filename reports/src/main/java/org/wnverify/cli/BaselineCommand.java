package org.wnverify.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.wnverify.check.io.AtomicFiles;
import org.wnverify.report.Baseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes the expected verdicts of a finished audit, for {@code audit --baseline FILE} in a paper's
 * CI: known findings then pass, and the build fails only when a verdict changes.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
    header = "Writes the expected verdicts of a finished audit to a baseline file for 'audit --baseline'.",
    description = {
      "Writes the expected verdicts of a finished audit (its report.json) to a baseline file. Commit it;",
      "'wnverify audit --baseline FILE' then exits 1 only on a change: a new failure, or a known finding",
      "that disappeared. Example: wnverify audit && wnverify baseline"
    })
final class BaselineCommand implements Callable<Integer> {
  @Option(names = "--report", paramLabel = "FILE", defaultValue = "reports/latest/report.json",
      description = "The finished audit's report.json (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "wnverify-baseline.json",
      description = "Where to write the baseline (default: ${DEFAULT-VALUE}).")
  Path out;

  @Override
  public Integer call() {
    Baseline b;
    try {
      b = Baseline.fromReport(report);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage() + (report.toString().equals("reports/latest/report.json")
          ? " (run 'wnverify audit' first, or name a report with --report)" : ""));
    }
    try {
      AtomicFiles.writeString(out, b.render());
    } catch (IOException e) {
      throw new UsageException("--out " + out + ": cannot write (" + e.getMessage() + ")");
    }
    long inconclusive = b.claims().values().stream()
        .filter(e -> e.verdict() == org.wnverify.check.Verdict.INCONCLUSIVE).count();
    System.out.println("baseline: " + b.claims().size() + " claims (" + b.findings() + " findings, " + inconclusive
        + " inconclusive) from " + report + " written to " + out);
    return ExitCodes.PASSED;
  }
}
