package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

/**
 * The negative controls of one claim across its instances. A control is a false universal
 * statement; the check rejects it as soon as one instance refutes it (VIOLATED). It survives
 * (HOLDS: the check lacks power) only if every instance that could tell it from the statement
 * accepted it, and stays undecided (INCONCLUSIVE) if no instance could: e.g. "c dropped" on
 * instances with c = 1, where the mutation coincides with the statement.
 */
final class ControlTally {
  enum Result {
    REJECTED, ACCEPTED, UNDECIDED
  }

  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final Map<String, List<String>> details = new LinkedHashMap<>();

  /** Declares a control (so that it is reported even if no instance reaches it). */
  ControlTally declare(String mutation) {
    counts.computeIfAbsent(mutation, k -> new int[3]);
    details.computeIfAbsent(mutation, k -> new ArrayList<>());
    return this;
  }

  void record(String mutation, Result r, String detail) {
    declare(mutation);
    counts.get(mutation)[r.ordinal()]++;
    List<String> d = details.get(mutation);
    if (d.size() < 4) {
      d.add(detail);
    }
  }

  boolean anyRejected() {
    return counts.values().stream().anyMatch(c -> c[0] > 0);
  }

  /** Adds one NegativeControl per declared mutation to the outcome. */
  void addTo(ClaimOutcome.Builder out) {
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      Verdict v = c[0] > 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
      out.control(new NegativeControl(e.getKey(), v, "rejected on " + c[0] + " instance(s), accepted on " + c[1]
          + ", undecided on " + c[2] + (details.get(e.getKey()).isEmpty() ? "" : "; " + String.join("; ",
              details.get(e.getKey())))));
    }
  }
}
