package org.wnverify.report;

import org.wnverify.check.run.AuditReport;

/** One output format: a file name and a pure rendering of the report model. */
public interface ReportFormat {
  String fileName();

  String render(AuditReport report);
}
