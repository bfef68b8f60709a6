package org.wnverify.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.io.AtomicFiles;
import org.wnverify.check.run.AuditListener;
import org.wnverify.check.run.AuditReport;

/**
 * Writes every format after each finished claim, atomically, so that the files on disk are always
 * complete and valid and hold everything finished so far, whatever happens to the run.
 */
public final class ReportWriter implements AuditListener {
  private final Path dir;
  private final List<ReportFormat> formats;

  public ReportWriter(Path dir, List<ReportFormat> formats) {
    this.dir = dir;
    this.formats = List.copyOf(formats);
  }

  @Override
  public void auditStarted(AuditReport initial) {
    write(initial);
  }

  @Override
  public void claimFinished(ClaimOutcome outcome, AuditReport report) {
    write(report);
  }

  @Override
  public void auditFinished(AuditReport report) {
    write(report);
  }

  private void write(AuditReport report) {
    for (ReportFormat f : formats) {
      try {
        AtomicFiles.writeString(dir.resolve(f.fileName()), f.render(report));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + dir.resolve(f.fileName()) + ": " + e.getMessage(), e);
      }
    }
  }
}
