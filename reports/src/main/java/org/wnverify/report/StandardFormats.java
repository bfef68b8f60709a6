package org.wnverify.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The formats every audit writes, in one place, so that {@code audit}, {@code check} and
 * {@code merge} write the same files: a merged report gets every format the plain run gets.
 */
public final class StandardFormats {
  private StandardFormats() {}

  /** report.json, report.md, index.html and junit.xml, with the baseline comparison if any. */
  public static List<ReportFormat> all(ReportContext rc) {
    return List.of(new JsonReport(rc.info()), new MarkdownReport(rc), new HtmlReport(rc), new JunitReport(rc));
  }

  /** Without a baseline. */
  public static List<ReportFormat> all(ClaimInfo info) {
    return all(ReportContext.of(info));
  }

  /** The writer of a report directory: every format, and the per-claim pages under claims/. */
  public static ReportWriter writer(Path dir, ReportContext rc) {
    return new ReportWriter(dir, all(rc), new ClaimPage(rc));
  }
}
