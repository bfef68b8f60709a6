package org.wnverify.check.wu;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Counterexample;
import org.wnverify.check.problem.Counterexamples;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.check.problem.Sample;
import org.wnverify.check.problem.SampledClaim;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Base of the Wu claims checked on least-squares instances (family wu-least-squares): the printed
 * hypotheses, the draws (corners first), notes on how the statement was read, and the shrinking
 * of a failing instance into a saved, replayable counterexample.
 */
abstract class WuClaim extends SampledClaim<WuInstance> {
  /** Candidates tried when shrinking a counterexample (each costs one check of the instance). */
  static final int SHRINK_BUDGET = 20;
  /** Draws prepared beyond the requested samples, for the base class to redraw from. */
  static final int SPARE_DRAWS = 40;

  WuClaim(String id, String location, String statement, ClaimKind kind) {
    super(ClaimId.parse(id), location, statement, kind);
  }

  @Override
  public ProblemFamily<WuInstance> problem() {
    return WuLeastSquaresFamily.INSTANCE;
  }

  @Override
  public abstract List<WuHypothesis> hypotheses();

  /** n samples, corners first, from the claim's own stream (a prefix of a longer draw is the same). */
  abstract List<WuSample> draw(CheckContext context, int n);

  abstract void checkWu(CheckContext context, List<WuSample> samples, ClaimOutcome.Builder out);

  /** Notes on how the statement was read (which step goes with which variable, signs, ...). */
  List<String> notes() {
    return List.of();
  }

  @Override
  protected Supplier<Sample<WuInstance>> sampler(CheckContext context) {
    List<WuSample> all = draw(context, Math.max(1, context.samples()) + SPARE_DRAWS);
    int[] next = {0};
    return () -> {
      WuSample s = all.get(Math.min(next[0]++, all.size() - 1));
      return new Sample<>(s.instance(), s.label());
    };
  }

  @Override
  protected void checkSamples(CheckContext context, List<Sample<WuInstance>> samples, ClaimOutcome.Builder out) {
    out.evidence("hypotheses", hypotheses().stream().map(WuHypothesis::text).toList());
    if (!notes().isEmpty()) {
      out.evidence("notes", notes());
    }
    checkWu(context, samples.stream().map(s -> new WuSample(s.instance(), s.label())).toList(), out);
  }

  /** Shrinks a failing instance with the family's candidates (hypotheses enforced there) and saves it. */
  Counterexample shrink(CheckContext context, WuInstance start, Predicate<WuInstance> stillFails,
      Function<WuInstance, String> describe) {
    return Counterexamples.shrinkAndSave(context, this, "counterexample", start, stillFails, describe, SHRINK_BUDGET)
        .counterexample();
  }
}
