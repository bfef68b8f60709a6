package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimProvider;

/** Claims of Chou, Rauhut and Ward, "Robust Implicit Regularization via Weight Normalization". */
public final class ChouClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    List<Claim> all = new ArrayList<>(List.of(new Lemma32ConstantNorm(), new Lemma33ConstantSign(),
        new Lemma35LossDerivative(), new Lemma37GfInvariant(), new Lemma38WnInvariant(), Theorem22LossDecay.lossDecay(),
        Theorem22LossDecay.limitInSPlus(), Theorem22Rho.printed(), Theorem22Rho.corrected(),
        Theorem22ErrorBound.printed(), Theorem22ErrorBound.corrected()));
    // the other conclusions of Theorem 2.2 under the corrected r0 range of #rho-at-least-1-corrected
    all.add(Theorem22LossDecay.lossDecayUnderCorrectedRange());
    all.add(Theorem22LossDecay.limitInSPlusUnderCorrectedRange());
    all.add(Theorem22ErrorBound.printedUnderCorrectedRange());
    all.add(Theorem22ErrorBound.correctedUnderCorrectedRange());
    all.add(new Lemma31Rescaling());
    all.add(Lemma36Rate.printed());
    all.add(Lemma36Rate.corrected());
    all.add(Lemma39InvariantComparison.printed());
    all.add(Lemma39InvariantComparison.corrected());
    all.add(new Lemma310BoundedBelow());
    all.add(new Lemma311Uniqueness());
    all.add(new Lemma312Boundedness());
    all.add(new Theorem23Convergence());
    all.add(Lemma319LossToZero.printed());
    all.add(Lemma319LossToZero.corrected());
    all.add(Section34AlongTrajectory.corollary315());
    all.add(Section34AlongTrajectory.lemma318());
    all.add(KernelProbabilityRemark.monteCarlo());
    all.add(KernelProbabilityRemark.lowerBound());
    all.addAll(LimitTheorem.theorem21());
    all.addAll(LimitTheorem.theorem24());
    return List.copyOf(all);
  }
}
