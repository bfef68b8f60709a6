package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;

/**
 * A claim "q is constant along the flow", decided per instance by {@link Refinement}, with mutated
 * quantities as negative controls judged by the same refinement on the same trajectories.
 */
abstract class ConservationClaim extends ChouClaim {
  /** Horizon: stop once the loss fell by this factor (far enough to have moved, short to stay cheap). */
  static final double HORIZON_LOSS_FACTOR = 1e-3;
  /** Longest horizon; the flows move on time scales 1/eta .. 1/r0^2, at most ~1e3 for our corners. */
  static final double MAX_TIME = 1e3;
  /** Shrinking a violated conservation law costs 4 integrations per candidate. */
  static final int SHRINK_BUDGET = 30;

  record Mutant(String name, Function<double[], double[]> quantity) {}

  ConservationClaim(String id, String location, String statement) {
    super(id, location, statement, ClaimKind.INVARIANT);
  }

  abstract FlowSystem system(DiagonalNetInstance p);

  abstract Function<double[], double[]> quantity(DiagonalNetInstance p);

  /** The entries the quantity is built from, before any projection (scale of motion). */
  abstract Function<double[], double[]> raw(DiagonalNetInstance p);

  abstract List<Mutant> mutants(DiagonalNetInstance p);

  /** A stop condition for the horizon search (e.g. r collapsing), or null. */
  ToDoubleFunction<double[]> stop(DiagonalNetInstance p) {
    return null;
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    Map<String, int[]> controlCounts = new LinkedHashMap<>(); // name -> {violated, holds}
    Map<String, String> controlDetail = new LinkedHashMap<>();
    int holds = 0;
    int inconclusive = 0;
    int stationary = 0;
    List<String> notes = new ArrayList<>();
    Sample<DiagonalNetInstance> violated = null;
    Refinement.Judgement violatedJ = null;
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      Refinement.Runs runs = Refinement.run(ctx, system(p), MAX_TIME, HORIZON_LOSS_FACTOR, stop(p));
      if (runs.problem() != null) {
        inconclusive++;
        notes.add(g.label() + ": " + runs.problem());
        continue;
      }
      Refinement.Judgement j = Refinement.judge(runs, quantity(p), raw(p));
      List<Refinement.Judgement> mj = new ArrayList<>();
      for (Mutant m : mutants(p)) {
        Refinement.Judgement x = Refinement.judge(runs, m.quantity(), raw(p));
        mj.add(x);
        int[] c = controlCounts.computeIfAbsent(m.name(), k -> new int[2]);
        if (x.verdict() == Verdict.VIOLATED) {
          c[0]++;
        } else if (x.verdict() == Verdict.HOLDS) {
          c[1]++;
        }
        controlDetail.merge(m.name(), g.label() + " (L=" + p.depth() + "): " + x.detail(), (a, b) -> a + "; " + b);
      }
      for (int k = 0; k < Refinement.TOLERANCES.length; k++) {
        List<Object> row = new ArrayList<>(List.of(g.label(), p.depth(), Refinement.TOLERANCES[k],
            j.drift()[k], j.noise()[k], runs.results().get(k).evaluations()));
        row.add(mj.isEmpty() ? Double.NaN : mj.get(0).drift()[k]);
        rows.add(row);
      }
      notes.add(g.label() + " (L=" + p.depth() + ", T=" + String.format(Locale.ROOT, "%.3g", runs.endTime())
          + "): " + j.verdict() + ", " + j.detail());
      switch (j.verdict()) {
        case HOLDS -> holds++;
        case VIOLATED -> {
          if (violated == null) {
            violated = g;
            violatedJ = j;
          }
        }
        default -> {
          if (j.detail().startsWith("trajectory did not move")) {
            stationary++;
          } else {
            inconclusive++;
          }
        }
      }
    }
    out.evidence("instances that did not move (skipped, not passes)", stationary);
    out.table(new EvidenceTable("drift of the conserved quantity max_t ||q(t) - q(0)|| by tolerance "
        + "(noise = max_t ||q_tol(t) - q_ref(t)|| against the 1e-12 run)",
        List.of("instance", "L", "tolerance", "drift", "noise floor", "evaluations", "drift of control #1"), rows));
    out.evidence("per instance", notes);
    for (Map.Entry<String, int[]> e : controlCounts.entrySet()) {
      int[] c = e.getValue();
      Verdict v = c[0] > 0 && c[1] == 0 ? Verdict.VIOLATED : c[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
      out.control(new NegativeControl(e.getKey(), v, "rejected on " + c[0] + " instance(s), accepted on "
          + c[1] + "; " + controlDetail.get(e.getKey())));
    }
    boolean controlsRejected = !controlCounts.isEmpty()
        && controlCounts.values().stream().allMatch(c -> c[0] > 0 && c[1] == 0);
    if (violated != null) {
      DiagonalNetInstance p0 = violated.instance();
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", p0,
          p -> ChouHypotheses.firstUnmet(hypotheses(), p).isEmpty() && judgeOnly(ctx, p) == Verdict.VIOLATED,
          p -> "quantity not conserved on " + p + ": " + violatedDetail(ctx, p), SHRINK_BUDGET);
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, "not conserved on " + violated.label() + ": " + violatedJ.detail());
    } else if (holds > 0 && inconclusive == 0 && controlsRejected) {
      out.verdict(Verdict.HOLDS, "conserved on all " + holds + " instance(s) (drift shrinks with tolerance,"
          + " within " + (int) Refinement.CONSISTENCY + "x of measured noise); all controls rejected");
    } else if (holds > 0 && !controlsRejected) {
      out.verdict(Verdict.INCONCLUSIVE, "conserved on " + holds + " instance(s), but a negative control was"
          + " not rejected: the check has no power");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "conserved on " + holds + " of " + instances.size()
          + " instance(s); " + inconclusive + " undecided (see per-instance notes)");
    }
  }

  private Verdict judgeOnly(CheckContext ctx, DiagonalNetInstance p) {
    Refinement.Runs runs = Refinement.run(ctx, system(p), MAX_TIME, HORIZON_LOSS_FACTOR, stop(p));
    return runs.problem() != null ? Verdict.INCONCLUSIVE : Refinement.judge(runs, quantity(p), raw(p)).verdict();
  }

  private String violatedDetail(CheckContext ctx, DiagonalNetInstance p) {
    Refinement.Runs runs = Refinement.run(ctx, system(p), MAX_TIME, HORIZON_LOSS_FACTOR, stop(p));
    return runs.problem() != null ? runs.problem() : Refinement.judge(runs, quantity(p), raw(p)).detail();
  }
}
