package org.wnverify.check.steps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimProvider;

/**
 * The displayed inequalities and "hence" steps of the printed proofs (issue 20), checked on sampled
 * states by {@link SampledStep}; the identities among the steps are {@link
 * org.wnverify.check.symbolic.ProofStepClaims}. Both are indexed, with the steps not yet checked,
 * by {@link ProofStepIndex}.
 */
public final class SampledStepClaims implements ClaimProvider {
  /** Every sampled step, sorted by id. */
  public static List<SampledStep> steps() {
    List<SampledStep> all = new ArrayList<>(ChouSampledSteps.steps());
    all.addAll(ChouLimitSteps.steps());
    all.addAll(ChouRemainingSteps.steps());
    all.addAll(WuSampledSteps.steps());
    all.addAll(WuRemainingSteps.steps());
    all.addAll(WuAppendixESteps.steps());
    all.addAll(EwnSampledSteps.steps());
    all.sort(Comparator.comparing(s -> s.id().toString()));
    return all;
  }

  @Override
  public List<Claim> claims() {
    return List.copyOf(steps());
  }
}
