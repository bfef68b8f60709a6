package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wnverify.check.CheckContext;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.sampling.ChouSampler;
import org.wnverify.check.sampling.Hypothesis;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;

/**
 * Base of the sampled Chou claims: identity, where it is printed, the statement, and the choice
 * between the user's {@code --instance} and sampled instances.
 */
abstract class ChouClaim extends DescribedClaim {
  ChouClaim(String id, String location, String statement, ClaimKind kind) {
    super(ClaimId.parse(id), location, statement, kind);
  }

  /** The printed hypotheses, checked on supplied instances. */
  abstract List<Hypothesis> hypotheses();

  @Override
  public boolean usesInstances() {
    return true;
  }

  @Override
  public Optional<String> unmetHypothesis(DiagonalNetInstance instance) {
    return ChouHypotheses.firstUnmet(hypotheses(), instance);
  }

  /** A sampler for this claim's stream. */
  ChouSampler sampler(CheckContext context) {
    return ChouSampler.standard(context.random(id()), 2, 3, 4);
  }

  @Override
  public final ClaimOutcome check(CheckContext context) {
    long seed = context.seedFor(id());
    List<GeneratedInstance> instances = new ArrayList<>();
    Optional<DiagonalNetInstance> supplied = context.suppliedInstance();
    if (supplied.isPresent()) {
      Optional<String> unmet = ChouHypotheses.firstUnmet(hypotheses(), supplied.get());
      if (unmet.isPresent()) {
        return ClaimOutcome.inconclusive(id(), seed, "supplied instance: " + unmet.get());
      }
      instances.add(new GeneratedInstance(supplied.get(), null, null, "supplied"));
    } else {
      ChouSampler s = sampler(context);
      for (int k = 0; k < Math.max(1, context.samples()); k++) {
        GeneratedInstance g = s.next();
        context.store().saveSample(id(), g.label(), g.instance());
        instances.add(g);
      }
    }
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), seed);
    out.evidence("instances", instances.size());
    out.evidence("source", supplied.isPresent() ? "supplied instance" : "sampled (seed " + context.seed() + ")");
    checkInstances(context, instances, out);
    return out.build();
  }

  /** Decides the claim on the instances (all satisfy the hypotheses) and fills the outcome. */
  abstract void checkInstances(CheckContext context, List<GeneratedInstance> instances,
      ClaimOutcome.Builder out);
}
