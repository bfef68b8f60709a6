package org.wnverify.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;

/**
 * A run against its baseline. A change fails the run when it is a new failure (a claim expected to
 * pass, or not in the baseline, now VIOLATED, REFUTED or INCONCLUSIVE; or a claim expected
 * INCONCLUSIVE now VIOLATED or REFUTED) or a known finding that disappeared (a claim expected
 * VIOLATED or REFUTED now anything else, or no longer in the catalogue). Other differences (an
 * INCONCLUSIVE claim now decided in its favour, PROVED now CONFIRMED_AT_POINTS, a new passing
 * claim) are listed but do not fail. Claims the run did not select are not compared.
 */
public record BaselineComparison(String baselineName, Baseline baseline, List<Change> changes, List<String> warnings) {

  public enum Kind {
    NEW_FAILURE(true, "new failure"),
    FINDING_GONE(true, "known finding gone"),
    OTHER(false, "changed");

    private final boolean failing;
    private final String label;

    Kind(boolean failing, String label) {
      this.failing = failing;
      this.label = label;
    }

    public boolean failing() {
      return failing;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One difference.
   *
   * @param expected the baseline's verdict, or null for a claim not in it
   * @param actual this run's verdict, or null for a claim the run did not have
   */
  public record Change(String id, Kind kind, Verdict expected, Verdict actual, String summary) {
    public String describe() {
      return kind.label() + ": " + id + " " + (expected == null ? "(not in the baseline)" : expected.name()) + " -> "
          + (actual == null ? "(not in the catalogue any more)" : actual.name())
          + (summary == null || summary.isEmpty() ? "" : " (" + summary + ")");
    }
  }

  public BaselineComparison {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  /** Whether any change fails the run. */
  public boolean failing() {
    return changes.stream().anyMatch(c -> c.kind().failing());
  }

  public List<Change> failingChanges() {
    return changes.stream().filter(c -> c.kind().failing()).toList();
  }

  /** The change of one claim, if any. */
  public java.util.Optional<Change> changeOf(String id) {
    return changes.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  /** Compares the finished outcomes of {@code r} with the baseline. */
  public static BaselineComparison compare(String baselineName, Baseline b, AuditReport r) {
    List<Change> changes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ClaimOutcome o : r.outcomes()) {
      String id = o.id().toString();
      seen.add(id);
      Baseline.Expected e = b.claims().get(id);
      Verdict now = o.verdict();
      String brief = MarkdownReport.brief(o.summary());
      if (e == null) {
        changes.add(new Change(id, now.isFailing() ? Kind.NEW_FAILURE : Kind.OTHER, null, now, brief));
      } else if (e.verdict() != now) {
        Kind k;
        if (e.verdict().rejects()) {
          k = Kind.FINDING_GONE;
        } else if (!e.verdict().isFailing()) {
          k = now.isFailing() ? Kind.NEW_FAILURE : Kind.OTHER;
        } else { // expected INCONCLUSIVE
          k = now.rejects() ? Kind.NEW_FAILURE : Kind.OTHER;
        }
        changes.add(new Change(id, k, e.verdict(), now, brief));
      }
    }
    // A baseline claim the run would have selected but the catalogue no longer has. Claims merely
    // not finished yet (a running report) are in 'planned' and are compared once they finish.
    Set<String> planned = new HashSet<>(r.planned());
    b.claims().forEach((id, e) -> {
      if (!seen.contains(id) && !planned.contains(id) && selected(id, r.settings().selection())) {
        changes.add(new Change(id, e.verdict().rejects() ? Kind.FINDING_GONE : Kind.OTHER, e.verdict(), null, ""));
      }
    });
    changes.sort(java.util.Comparator.comparing(Change::id));
    List<String> warnings = new ArrayList<>();
    compareSetting(b, "seed", r.settings().seed(), warnings);
    compareSetting(b, "samples", r.settings().samples(), warnings);
    compareSetting(b, "profile", r.settings().profile(), warnings);
    return new BaselineComparison(baselineName, b, changes, warnings);
  }

  private static boolean selected(String id, List<String> selection) {
    if (selection.isEmpty()) {
      return true;
    }
    ClaimId parsed = ClaimId.parse(id);
    return selection.stream().anyMatch(parsed::matches);
  }

  private static void compareSetting(Baseline b, String name, Object actual, List<String> warnings) {
    Object expected = b.settings().get(name);
    if (expected != null && !String.valueOf(expected).equals(String.valueOf(actual))) {
      warnings.add("the baseline was taken with " + name + " " + expected + ", this run used " + actual
          + ": verdicts may differ for that reason alone");
    }
  }
}
