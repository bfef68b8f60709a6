package org.wnverify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.run.AuditReport;

/**
 * The findings of a run: every printed statement (not a corrected variant) that came out VIOLATED
 * or REFUTED, with its counterexample and, where the catalogue has one, the corrected variant and
 * its verdict in this run.
 */
public final class Findings {
  /** One failed printed statement. */
  public record Finding(ClaimOutcome printed, Optional<ClaimOutcome> corrected) {}

  private Findings() {}

  public static List<Finding> of(AuditReport r) {
    List<Finding> out = new ArrayList<>();
    for (ClaimOutcome o : r.outcomes()) {
      if (o.verdict().rejects() && !ReportLinks.isCorrectedVariant(o.id())) {
        String corrected = ReportLinks.correctedVariantOf(o.id()).toString();
        out.add(new Finding(o, r.outcomes().stream().filter(c -> c.id().toString().equals(corrected)).findFirst()));
      }
    }
    return out;
  }

  /** The minimal counterexample in words (for a symbolic claim, the witness point follows as its instance). */
  public static String counterexample(ClaimOutcome o) {
    return o.counterexample() != null ? o.counterexample().description() : o.summary();
  }
}
