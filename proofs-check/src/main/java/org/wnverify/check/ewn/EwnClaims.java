package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimProvider;
import org.wnverify.check.symbolic.IdentityClaim;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;
import org.wnverify.symbolic.derive.SymbolicIdentities;

/**
 * Claims of "Inductive Bias of GD for Exponentially Weight Normalized ... Nets": its identities
 * proved with Symja (Theorem 1 (5), (6); the norm ODEs; the homogeneity identities).
 */
public final class EwnClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    List<Claim> all = new java.util.ArrayList<>(SymbolicIdentities.catalogue().stream()
        .filter(e -> e.id().startsWith("ewn/"))
        .map(e -> (Claim) new IdentityClaim(ClaimId.parse(e.id()), e.location(), e.statement(), e::report))
        .toList());
    all.addAll(numeric());
    all.addAll(EwnTheoryClaims.claims());
    return all;
  }

  /** The numeric claims: trajectories of the paper's nets (package org.wnverify.numeric.network). */
  static List<Claim> numeric() {
    List<Claim> all = new java.util.ArrayList<>(SequenceLemmas.claims());
    all.add(new Theorem3());
    all.add(new SimpleTrajExperiment());
    all.addAll(FigureExperiments.claims());
    all.addAll(List.of(
        new Theorem1Numeric(org.wnverify.numeric.network.Parameterization.EWN),
        new Theorem1Numeric(org.wnverify.numeric.network.Parameterization.SWN),
        Theorem2.main(org.wnverify.numeric.network.Parameterization.EWN),
        Theorem2.main(org.wnverify.numeric.network.Parameterization.SWN),
        new Proposition2(LossFunction.EXPONENTIAL, "ewn/proposition-2",
            "Morwani and Ramaswamy, Proposition 2, App. C; Figs. 3a, b, 9a, b"),
        new Proposition1(LossFunction.EXPONENTIAL, "ewn/proposition-1", "Morwani and Ramaswamy, Proposition 1, App. B"),
        new Lemma1(),
        new Lemma2(),
        new Theorem2(Parameterization.EWN, LossFunction.CROSS_ENTROPY, "ewn/appendix-h#theorem-4-ewn",
            "Morwani and Ramaswamy, App. H, Theorem 4 (i) (cross-entropy)"),
        new Theorem2(Parameterization.SWN, LossFunction.CROSS_ENTROPY, "ewn/appendix-h#theorem-4-swn",
            "Morwani and Ramaswamy, App. H, Theorem 4 (ii) (cross-entropy)"),
        new Proposition2(LossFunction.CROSS_ENTROPY, "ewn/appendix-h#proposition-5",
            "Morwani and Ramaswamy, App. H, Proposition 5 (cross-entropy)"),
        new Proposition1(LossFunction.CROSS_ENTROPY, "ewn/appendix-h#proposition-4",
            "Morwani and Ramaswamy, App. H, Proposition 4 (cross-entropy)")));
    return all;
  }
}
