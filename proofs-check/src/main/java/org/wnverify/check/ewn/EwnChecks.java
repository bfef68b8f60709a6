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

  /**
   * The samples judged: the first {@code quick} in the default audit (cost), all under --profile
   * paper; the rest are listed as not run.
   */
  static <T> java.util.List<T> quick(org.wnverify.check.CheckContext ctx, java.util.List<T> all, int quick,
      org.wnverify.check.ClaimOutcome.Builder out) {
    java.util.List<T> samples = ctx.profile() == org.wnverify.check.CheckContext.Profile.PAPER
        ? all : all.subList(0, Math.min(quick, all.size()));
    if (samples.size() < all.size()) {
      out.evidence("samples not run in the default audit (cost; all run under --profile paper)",
          all.size() - samples.size());
    }
    return samples;
  }
}
