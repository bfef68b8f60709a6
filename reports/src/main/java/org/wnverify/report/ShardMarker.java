package org.wnverify.report;

import java.util.Optional;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.Shard;

/**
 * The line at the top of report.md and index.html of a sharded run ({@code audit --shard K/N}),
 * so that nobody reads one shard's report as the whole audit: its counts, findings and PASSED
 * cover only the slice. A merged or unsharded report has no shard in its settings, hence no
 * marker.
 */
final class ShardMarker {
  private ShardMarker() {}

  /**
   * The marker of a sharded run, or empty for a whole audit.
   *
   * @param headline e.g. "Shard 2 of 4 (covering 17 of 65 claims): not the full audit."
   * @param detail what that means and how to get the whole audit's report
   */
  record Marker(String headline, String detail) {}

  static Optional<Marker> of(AuditReport r) {
    Shard s = r.settings().shard();
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(new Marker("Shard " + s.index() + " of " + s.count() + " (covering " + r.planned().size() + " of "
        + s.selected() + " claims): not the full audit.", "Its counts, findings and status cover this slice only; "
        + "the report of the whole audit is what 'wnverify merge' makes of all " + s.count() + " shard directories."));
  }
}
