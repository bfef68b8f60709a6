package org.wnverify.check.run;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;

/**
 * The result of an audit so far: settings, outcomes sorted by claim id and whether the run
 * finished. Immutable; the runner publishes a new one after every claim.
 *
 * @param settings what was run: seed, samples, threads, instance file, selection
 * @param planned ids of all selected claims, in order
 * @param outcomes the finished ones, sorted by id
 * @param status RUNNING, COMPLETE or INTERRUPTED
 */
public record AuditReport(
    AuditSettings settings, List<String> planned, List<ClaimOutcome> outcomes, Status status) {

  public enum Status { RUNNING, COMPLETE, INTERRUPTED }

  public AuditReport {
    planned = List.copyOf(planned);
    outcomes = List.copyOf(outcomes);
  }

  /** How many outcomes carry each verdict (all verdicts present, zero included). */
  public Map<Verdict, Integer> counts() {
    Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      m.put(v, 0);
    }
    for (ClaimOutcome o : outcomes) {
      m.merge(o.verdict(), 1, Integer::sum);
    }
    return m;
  }

  /** True when every planned claim finished and none is VIOLATED, REFUTED or INCONCLUSIVE. */
  public boolean passed() {
    return status == Status.COMPLETE && outcomes.size() == planned.size()
        && outcomes.stream().noneMatch(o -> o.verdict().isFailing());
  }
}
