package org.wnverify.check.ewn;

import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

/** Small shared pieces of the EWN checks. */
final class EwnChecks {
  private EwnChecks() {}

  /**
   * A control's verdict from its per-instance tally {rejected, accepted, undecided}: rejected when
   * some instance rejects it and none accepts it (the power rule of AuditRunner).
   */
  static NegativeControl tallied(String mutation, int[] c) {
    Verdict v = c[0] > 0 && c[1] == 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
    return new NegativeControl(mutation, v, "rejected on " + c[0] + " instance(s), accepted on " + c[1]
        + ", undecided on " + c[2]);
  }
}
