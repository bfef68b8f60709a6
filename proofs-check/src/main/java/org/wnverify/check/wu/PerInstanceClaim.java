package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.wu.WuInstance;

/**
 * A Wu claim decided instance by instance: {@link #judge} measures one instance and says whether
 * the statement and each negative control hold there. The statement HOLDS if it held on every
 * instance (none undecided); it is VIOLATED on the first instance that breaks it, whose shrunk
 * copy becomes the counterexample.
 */
abstract class PerInstanceClaim extends WuClaim {
  enum Result {
    HOLDS, VIOLATED, UNDECIDED,
    /**
     * The instance meets the sampled hypotheses but not a premise the statement itself conditions
     * on (vacuous there): neither a pass nor undecided, like Chou's instances "outside the
     * hypothesis". The claim still needs at least one instance that HOLDS.
     */
    OUTSIDE
  }

  /** What one instance showed. */
  static final class Judged {
    Result result = Result.UNDECIDED;
    String detail = "";
    final Map<String, ControlTally.Result> controls = new LinkedHashMap<>();
    final Map<String, String> controlDetail = new LinkedHashMap<>();
    final List<List<Object>> rows = new ArrayList<>();
    /** Charts of this instance for the reader (the claim shows the first instance's, or the violated one's). */
    final List<Plot> plots = new ArrayList<>();

    Judged plot(Plot p) {
      plots.add(p);
      return this;
    }

    Judged statement(Result r, String d) {
      result = r;
      detail = d;
      return this;
    }

    /** A control refuted (rejected = true), accepted, or not decidable here (null). */
    Judged control(String name, Boolean rejected, String d) {
      controls.put(name, rejected == null ? ControlTally.Result.UNDECIDED
          : rejected ? ControlTally.Result.REJECTED : ControlTally.Result.ACCEPTED);
      controlDetail.put(name, d);
      return this;
    }

    Judged row(Object... cells) {
      rows.add(List.of(cells));
      return this;
    }
  }

  private static String outsideNote(int outside) {
    return outside == 0 ? "" : " (" + outside + " outside the statement's premise, not passes)";
  }

  PerInstanceClaim(String id, String location, String statement, ClaimKind kind) {
    super(id, location, statement, kind);
  }

  /** Measures one instance (which meets every hypothesis). */
  abstract Judged judge(CheckContext ctx, WuInstance p);

  /** The names of the negative controls, in report order. */
  abstract List<String> controlNames();

  /** Column names of the evidence table (rows come from {@link Judged#row}); the label is prepended. */
  abstract List<String> columns();

  String tableTitle() {
    return "per-instance measurements";
  }

  /** Charts drawn from the whole table (e.g. the slack of a bound per instance); none by default. */
  List<Plot> plots(EvidenceTable table) {
    return List.of();
  }

  @Override
  void checkWu(CheckContext ctx, List<WuSample> samples, ClaimOutcome.Builder out) {
    ControlTally tally = new ControlTally();
    controlNames().forEach(tally::declare);
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int holds = 0;
    int undecided = 0;
    int outside = 0;
    WuSample violated = null;
    String why = null;
    List<Plot> shown = null;
    for (WuSample s : samples) {
      ctx.checkpoint();
      Judged j = judge(ctx, s.instance());
      if (shown == null || j.result == Result.VIOLATED && violated == null) {
        shown = j.plots.stream().map(p -> p.titled(s.label() + ": " + p.title())).toList();
      }
      for (List<Object> r : j.rows) {
        List<Object> row = new ArrayList<>();
        row.add(s.label());
        row.addAll(r);
        rows.add(row);
      }
      notes.add(s.label() + ": " + j.result + (j.detail.isEmpty() ? "" : ", " + j.detail));
      switch (j.result) {
        case HOLDS -> holds++;
        case OUTSIDE -> outside++;
        case VIOLATED -> {
          if (violated == null) {
            violated = s;
            why = j.detail;
          }
        }
        default -> undecided++;
      }
      j.controls.forEach((name, r) -> tally.record(name, r, s.label() + ": " + j.controlDetail.get(name)));
    }
    List<String> cols = new ArrayList<>();
    cols.add("instance");
    cols.addAll(columns());
    if (!rows.isEmpty()) {
      EvidenceTable table = new EvidenceTable(tableTitle(), cols, rows);
      out.table(table);
      plots(table).forEach(out::plot);
    }
    if (shown != null) {
      shown.forEach(out::plot);
    }
    out.evidence("per instance", notes);
    tally.addTo(out);
    if (violated != null) {
      out.counterexample(shrink(ctx, violated.instance(), q -> judge(ctx, q).result == Result.VIOLATED,
          q -> "fails on " + q + ": " + judge(ctx, q).detail));
      out.verdict(Verdict.VIOLATED, violated.label() + ": " + why);
    } else if (holds > 0 && undecided == 0) {
      out.verdict(Verdict.HOLDS, "holds on all " + holds + " instance(s)" + outsideNote(outside));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "holds on " + holds + " of " + samples.size() + " instance(s), " + undecided
          + " undecided" + outsideNote(outside) + " (see per-instance notes)");
    }
  }
}
