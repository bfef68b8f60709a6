package org.wnverify.report;

import java.util.Optional;
import org.wnverify.check.run.AuditReport;

/**
 * What every format needs besides the report: static facts about the claims and, when the run
 * has one, the baseline it is compared with.
 *
 * @param baseline the expected verdicts, or null
 * @param baselineName how to name the baseline to a reader (its path as given)
 */
public record ReportContext(ClaimInfo info, Baseline baseline, String baselineName) {
  public static ReportContext of(ClaimInfo info) {
    return new ReportContext(info, null, null);
  }

  /** The comparison with the baseline of the outcomes finished so far, if there is a baseline. */
  public Optional<BaselineComparison> comparison(AuditReport r) {
    return baseline == null ? Optional.empty() : Optional.of(BaselineComparison.compare(baselineName, baseline, r));
  }
}
