package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.wu.WuInstance;

/**
 * A lemma of Appendix E read as relations that hold at every iterate of one rPGD run: the
 * statement holds on an instance if each printed relation applies somewhere and is nowhere broken;
 * each negative control is one mutated relation, judged on the same run (it costs no second run).
 * The table gives, per relation, the worst relative excess over the run (negative: the slack of a
 * bound, i.e. min over t of (rhs - lhs)/scale).
 */
abstract class StepLemmaClaim extends PerInstanceClaim {
  StepLemmaClaim(String id, String location, String statement, ClaimKind kind) {
    super(id, location, statement, kind);
  }

  /** The run the relations are evaluated on (null if the instance gives no run, e.g. T1 not finite). */
  abstract RpgdTrace trace(WuInstance p);

  abstract List<StepRelation> relations();

  abstract List<StepRelation> controlRelations();

  @Override
  List<String> controlNames() {
    return controlRelations().stream().map(r -> r.name).toList();
  }

  @Override
  List<String> columns() {
    List<String> c = new ArrayList<>();
    c.add("iterations");
    relations().forEach(r -> c.add("worst excess: " + r.name));
    c.add("moved");
    return c;
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    RpgdTrace tr = trace(p);
    if (tr == null || !tr.finite()) {
      return j.statement(Result.UNDECIDED, tr == null ? "no run (T1 or the step bound not finite)"
          : "run not finite: " + tr.run.message());
    }
    if (tr.n < 2) {
      // The printed counts give this instance fewer than two iterations: no relation between
      // iterates t - 1, t, t + 1 exists to hold or fail (soak: 1 instance in 20 to 45).
      return j.statement(Result.OUTSIDE, "the printed iteration counts give " + tr.n + " iteration(s): no step relation "
          + "applies (" + tr.run.message() + ")");
    }
    List<Object> row = new ArrayList<>();
    row.add(tr.n);
    String broken = null;
    boolean anyUnapplied = false;
    boolean anyApplied = false;
    for (StepRelation r : relations()) {
      StepRelation.Worst w = r.evaluate(tr);
      row.add(w.applicable() == 0 ? "n/a" : Theorem26.fmt(w.excess()));
      anyApplied |= w.applicable() > 0;
      if (w.applicable() == 0) {
        anyUnapplied = true;
      } else if (w.broken() > 0 && broken == null) {
        broken = r.name + ": " + w.describe();
      }
    }
    row.add(tr.moved());
    j.row(row.toArray());
    if (broken != null) {
      j.statement(Result.VIOLATED, broken);
    } else if (!anyApplied) {
      // every relation's own condition is unmet at every iterate (e.g. gamma = 0: g never moves)
      j.statement(Result.OUTSIDE, "no relation applies at any iterate of this run");
    } else if (anyUnapplied) {
      j.statement(Result.UNDECIDED, "a relation never applies on this run");
    } else {
      j.statement(Result.HOLDS, "every relation holds at every iterate; " + tr.moved());
    }
    for (StepRelation c : controlRelations()) {
      RpgdTrace ct = c.on == null ? tr : trace(c.on.apply(p));
      if (ct == null || !ct.finite()) {
        j.control(c.name, null, "the control's run is not finite");
        continue;
      }
      StepRelation.Worst w = c.evaluate(ct);
      j.control(c.name, w.applicable() == 0 ? null : w.broken() > 0, w.describe());
    }
    return j;
  }
}
