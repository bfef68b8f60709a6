package org.wnverify.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.io.AtomicFiles;
import org.wnverify.check.run.AuditListener;
import org.wnverify.check.run.AuditReport;

/**
 * Writes every format after each finished claim, atomically, so that the files on disk are always
 * complete and valid and hold everything finished so far, whatever happens to the run. The
 * per-claim pages ({@code claims/<id>.md}) are written once per claim as it finishes, and all
 * again at the end (an interrupted run's unfinished claims get theirs then).
 */
public final class ReportWriter implements AuditListener {
  private final Path dir;
  private final List<ReportFormat> formats;
  private final ClaimPage pages;

  public ReportWriter(Path dir, List<ReportFormat> formats) {
    this(dir, formats, null);
  }

  /** With {@code pages} null no per-claim files are written. */
  public ReportWriter(Path dir, List<ReportFormat> formats, ClaimPage pages) {
    this.dir = dir;
    this.formats = List.copyOf(formats);
    this.pages = pages;
  }

  @Override
  public void auditStarted(AuditReport initial) {
    if (pages != null) {
      removeOldPages();
    }
    write(initial);
  }

  @Override
  public void claimFinished(ClaimOutcome outcome, AuditReport report) {
    if (pages != null) {
      page(outcome, report);
    }
    write(report);
  }

  @Override
  public void auditFinished(AuditReport report) {
    if (pages != null) {
      report.outcomes().forEach(o -> page(o, report));
    }
    write(report);
  }

  private void page(ClaimOutcome o, AuditReport report) {
    Path file = dir.resolve(ReportLinks.claimFile(o.id()));
    try {
      Files.createDirectories(file.getParent());
      AtomicFiles.writeString(file, pages.render(o, report));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** A previous run's pages in the same directory would be mistaken for this run's. */
  private void removeOldPages() {
    Path claims = dir.resolve(ReportLinks.CLAIMS_DIR);
    if (!Files.isDirectory(claims)) {
      return;
    }
    try (DirectoryStream<Path> old = Files.newDirectoryStream(claims, "*.md")) {
      for (Path p : old) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clear " + claims + ": " + e.getMessage(), e);
    }
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
