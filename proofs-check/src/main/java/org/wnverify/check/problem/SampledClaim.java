package org.wnverify.check.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * A claim checked on instances of one problem family: the user's {@code --instance} when it is of
 * that family, else instances drawn from the claim's own random stream. Every instance the check
 * sees meets the printed hypotheses: a supplied one that misses one makes the claim INCONCLUSIVE
 * (naming it), and a drawn one that misses one is redrawn and listed in the evidence, because a
 * sampler corner that leaves the hypothesis region would otherwise turn into a false finding.
 *
 * @param <I> the family's instance record
 */
public abstract class SampledClaim<I extends ProblemInstance> extends DescribedClaim {
  /**
   * Draws outside the hypotheses tolerated per requested sample before the claim gives up: a
   * sampler that misses this often is broken for this claim, and the claim says so.
   */
  static final int MAX_REDRAWS_PER_SAMPLE = 20;

  protected SampledClaim(ClaimId id, String location, String statement, ClaimKind kind) {
    super(id, location, statement, kind);
  }

  /** The family whose instances the claim is about. */
  public abstract ProblemFamily<I> problem();

  /** The printed hypotheses of the statement. */
  public abstract List<? extends Hypothesis<I>> hypotheses();

  /** The claim's sampler, on {@code context.random(id())}: corners first, then generic draws. */
  protected abstract Supplier<Sample<I>> sampler(CheckContext context);

  /** Decides the claim on the samples (all meet the hypotheses) and fills the outcome. */
  protected abstract void checkSamples(CheckContext context, List<Sample<I>> samples, ClaimOutcome.Builder out);

  @Override
  public final Optional<ProblemFamily<?>> family() {
    return Optional.of(problem());
  }

  @Override
  public Optional<String> unmetHypothesis(ProblemInstance instance) {
    if (!problem().accepts(instance)) {
      return Optional.of("not a " + problem().name() + " instance");
    }
    return Hypothesis.firstUnmet(hypotheses(), problem().cast(instance));
  }

  /** Empty if the instance meets every printed hypothesis, else the first it misses. */
  public final Optional<String> unmet(I instance) {
    return Hypothesis.firstUnmet(hypotheses(), instance);
  }

  @Override
  public final ClaimOutcome check(CheckContext context) {
    long seed = context.seedFor(id());
    List<Sample<I>> samples = new ArrayList<>();
    List<String> redrawn = new ArrayList<>();
    if (context.instance() != null) {
      Optional<I> supplied = context.suppliedInstance(problem());
      if (supplied.isEmpty()) {
        return ClaimOutcome.inconclusive(id(), seed, "supplied instance is not a " + problem().name() + " instance");
      }
      Optional<String> unmet = unmet(supplied.get());
      if (unmet.isPresent()) {
        return ClaimOutcome.inconclusive(id(), seed, "supplied instance: " + unmet.get());
      }
      samples.add(new Sample<>(supplied.get(), "supplied"));
    } else {
      Supplier<Sample<I>> draw = sampler(context);
      int wanted = Math.max(1, context.samples());
      while (samples.size() < wanted) {
        Sample<I> s = draw.get();
        Optional<String> unmet = unmet(s.instance());
        if (unmet.isPresent()) {
          redrawn.add(s.label() + ": " + unmet.get());
          if (redrawn.size() > MAX_REDRAWS_PER_SAMPLE * wanted) {
            return ClaimOutcome.inconclusive(id(), seed, "the sampler drew " + redrawn.size()
                + " instances outside the printed hypotheses (e.g. " + redrawn.get(0) + ")");
          }
          continue;
        }
        context.store().saveSample(id(), s.label(), s.instance());
        samples.add(s);
      }
    }
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), seed);
    out.evidence("instances", samples.size());
    out.evidence("source", context.instance() != null ? "supplied instance" : "sampled (seed " + context.seed() + ")");
    if (!redrawn.isEmpty()) {
      out.evidence("drawn outside the hypotheses and redrawn", redrawn);
    }
    checkSamples(context, samples, out);
    return out.build();
  }
}
