package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Verdict;
import org.wnverify.check.chou.Refinement;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuInstance;

/**
 * A claim "q(g_t, w_t) is constant along the WN flow", decided per instance by the same
 * {@link Refinement} the Chou invariants use (drift at tolerances 1e-6 .. 1e-12 against the noise
 * floor of the tightest run; the trajectory must have moved), with mutated quantities judged on the
 * same trajectories.
 */
abstract class InvariantClaim extends WuClaim {
  /** Horizon: until the loss fell by this factor (the flow has moved), at most MAX_TIME. */
  static final double HORIZON_LOSS_FACTOR = 1e-3;
  static final double MAX_TIME = 200;
  /**
   * Absolute tolerance per relative one: w has entries that start at 0 (the two-dimensional example,
   * w0 in ker A), where purely relative error control divides by zero; 1e-6 keeps entries of order
   * one accurate to the relative tolerance.
   */
  static final double ABS_PER_REL = org.wnverify.numeric.ode.IntegrationSettings.ABSOLUTE_PER_RELATIVE;

  /** A mutated quantity and the instances on which it differs from the statement. */
  record Mutant(String name, Function<WuInstance, Function<double[], double[]>> quantity,
      Predicate<WuInstance> distinguishable) {}

  InvariantClaim(String id, String location, String statement) {
    super(id, location, statement, ClaimKind.INVARIANT);
  }

  abstract Function<double[], double[]> quantity(WuInstance p);

  abstract List<Mutant> mutants();

  /** The flow integrated for an instance (Theorem D.2 overrides it with other losses). */
  WuFlow flow(WuInstance p) {
    return WuFlow.of(p);
  }

  /** An extra stop rule for the horizon (positive at the start; null: none). */
  java.util.function.ToDoubleFunction<double[]> stop(WuInstance p) {
    return null;
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.C_POSITIVE, WuHypothesis.UNIT_W0);
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, g0 = 0.5"));
    WuInstance k = s.general();
    out.add(new WuSample(WuSampler.inKernel(k.withG0(1.2), s.unitVector(k.columns())), "corner: A w0 = 0"));
    out.add(new WuSample(s.general().withC(0.2), "corner: small c = 0.2"));
    out.add(new WuSample(s.orthogonal().withC(5.0), "corner: orthogonal A, c = 5"));
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(s.general(), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  private static Function<double[], double[]> raw() {
    return s -> s.clone();
  }

  @Override
  void checkWu(CheckContext ctx, List<WuSample> samples, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    ControlTally controls = new ControlTally();
    mutants().forEach(m -> controls.declare(m.name()));
    int holds = 0;
    int undecided = 0;
    WuSample violated = null;
    String violatedWhy = null;
    for (WuSample sample : samples) {
      ctx.checkpoint();
      WuInstance p = sample.instance();
      Refinement.Runs runs = Refinement.run(ctx, flow(p), MAX_TIME, HORIZON_LOSS_FACTOR, stop(p), ABS_PER_REL);
      if (runs.problem() != null) {
        undecided++;
        notes.add(sample.label() + ": " + runs.problem());
        continue;
      }
      Refinement.Judgement j = Refinement.judge(runs, quantity(p), raw());
      for (int k = 0; k < Refinement.TOLERANCES.length; k++) {
        rows.add(List.of(sample.label(), Refinement.TOLERANCES[k], j.drift()[k], j.noise()[k],
            runs.results().get(k).evaluations()));
      }
      notes.add(sample.label() + String.format(Locale.ROOT, " (T = %.3g): ", runs.endTime()) + j.verdict() + ", " + j.detail());
      switch (j.verdict()) {
        case HOLDS -> holds++;
        case VIOLATED -> {
          if (violated == null) {
            violated = sample;
            violatedWhy = j.detail();
          }
        }
        default -> undecided++;
      }
      for (Mutant m : mutants()) {
        if (!m.distinguishable().test(p)) {
          controls.record(m.name(), ControlTally.Result.UNDECIDED, sample.label() + ": coincides with the statement here");
          continue;
        }
        Refinement.Judgement x = Refinement.judge(runs, m.quantity().apply(p), raw());
        controls.record(m.name(), x.verdict() == Verdict.VIOLATED ? ControlTally.Result.REJECTED
            : x.verdict() == Verdict.HOLDS ? ControlTally.Result.ACCEPTED : ControlTally.Result.UNDECIDED,
            sample.label() + ": " + x.detail());
      }
    }
    out.table(new EvidenceTable("drift max_t ||q(t) - q(0)|| by tolerance (noise = distance from the 1e-12 run)",
        List.of("instance", "tolerance", "drift", "noise floor", "evaluations"), rows));
    out.evidence("per instance", notes);
    controls.addTo(out);
    if (violated != null) {
      out.counterexample(shrink(ctx, violated.instance(), q -> judgeOnly(ctx, q) == Verdict.VIOLATED,
          q -> "not conserved along the flow from " + q));
      out.verdict(Verdict.VIOLATED, "not conserved on " + violated.label() + ": " + violatedWhy);
    } else if (holds > 0 && undecided == 0) {
      out.verdict(Verdict.HOLDS, "conserved on all " + holds + " instance(s): drift within "
          + (int) Refinement.CONSISTENCY + "x of the measured noise and shrinking with the tolerance");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "conserved on " + holds + " of " + samples.size() + " instance(s), "
          + undecided + " undecided");
    }
  }

  private Verdict judgeOnly(CheckContext ctx, WuInstance p) {
    Refinement.Runs runs = Refinement.run(ctx, flow(p), MAX_TIME, HORIZON_LOSS_FACTOR, stop(p), ABS_PER_REL);
    return runs.problem() != null ? Verdict.INCONCLUSIVE : Refinement.judge(runs, quantity(p), raw()).verdict();
  }
}
