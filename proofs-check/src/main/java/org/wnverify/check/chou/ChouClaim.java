package org.wnverify.check.chou;

import java.util.List;
import java.util.function.Supplier;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.check.problem.SampledClaim;
import org.wnverify.check.problem.Sample;
import org.wnverify.check.sampling.ChouSampler;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;

/**
 * Base of the sampled Chou claims: claims on the diagonal-net family, sampled by {@link ChouSampler}
 * (the standard corners at depths 2, 3, 4 unless a claim needs another region).
 */
abstract class ChouClaim extends SampledClaim<DiagonalNetInstance> {
  ChouClaim(String id, String location, String statement, ClaimKind kind) {
    super(ClaimId.parse(id), location, statement, kind);
  }

  @Override
  public final ProblemFamily<DiagonalNetInstance> problem() {
    return DiagonalNetFamily.INSTANCE;
  }

  /** The printed hypotheses, checked on supplied and sampled instances. */
  @Override
  public abstract List<Hypothesis<DiagonalNetInstance>> hypotheses();

  /** A sampler for this claim's stream. */
  ChouSampler chouSampler(CheckContext context) {
    return ChouSampler.standard(context.random(id()), 2, 3, 4);
  }

  /**
   * The stream of generated instances: by default {@link #chouSampler}'s draws; a claim sampled
   * from another region (e.g. a corrected hypothesis with its own boundaries) supplies its own.
   */
  Supplier<GeneratedInstance> draws(CheckContext context) {
    return chouSampler(context)::next;
  }

  @Override
  protected final Supplier<Sample<DiagonalNetInstance>> sampler(CheckContext context) {
    Supplier<GeneratedInstance> s = draws(context);
    return () -> {
      GeneratedInstance g = s.get();
      return new Sample<>(g.instance(), g.label());
    };
  }

  @Override
  protected final void checkSamples(CheckContext context, List<Sample<DiagonalNetInstance>> samples,
      ClaimOutcome.Builder out) {
    checkInstances(context, samples, out);
  }

  /** Decides the claim on the instances (all satisfy the hypotheses) and fills the outcome. */
  abstract void checkInstances(CheckContext context, List<Sample<DiagonalNetInstance>> instances,
      ClaimOutcome.Builder out);
}
