package org.wnverify.report;

import java.util.List;

/**
 * The formats every audit writes, in one place, so that {@code audit}, {@code check} and
 * {@code merge} write the same files: a merged report gets every format the plain run gets.
 */
public final class StandardFormats {
  private StandardFormats() {}

  public static List<ReportFormat> all(ClaimInfo info) {
    return List.of(new JsonReport(info), new MarkdownReport(info), new HtmlReport(info));
  }
}
