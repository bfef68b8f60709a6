package org.wnverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditListener;
import org.wnverify.check.run.AuditReport;

/** One progress line per finished claim on stderr, and the closing summary for stdout. */
final class ConsoleProgress implements AuditListener {
  private final PrintStream err;

  ConsoleProgress(PrintStream err) {
    this.err = err;
  }

  @Override
  public void claimFinished(ClaimOutcome o, AuditReport report) {
    if (err == null) {
      return;
    }
    err.printf(Locale.ROOT, "[%d/%d] %-44s %-19s %6.1f s  %s%n", report.outcomes().size(),
        report.planned().size(), o.id(), o.verdict(), o.seconds(), abbreviate(o.summary()));
    err.flush();
  }

  String summary(AuditReport r, Path out) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.passed() ? "PASSED" : "FAILED").append(": ").append(r.outcomes().size()).append(" claims");
    r.counts().forEach((v, n) -> {
      if (n > 0) {
        sb.append(", ").append(n).append(' ').append(v);
      }
    });
    for (ClaimOutcome o : r.outcomes()) {
      if (o.verdict().isFailing()) {
        sb.append(System.lineSeparator()).append("  ").append(o.verdict() == Verdict.INCONCLUSIVE ? "?" : "x")
            .append(' ').append(o.id()).append(": ").append(abbreviate(o.summary()));
      }
    }
    sb.append(System.lineSeparator()).append("report: ").append(out.resolve("report.md")).append(" and ")
        .append(out.resolve("report.json"));
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 110 ? s.substring(0, 107) + "..." : s;
  }
}
