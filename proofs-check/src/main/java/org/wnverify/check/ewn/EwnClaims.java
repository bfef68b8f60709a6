package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimProvider;
import org.wnverify.check.symbolic.IdentityClaim;
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
    return all;
  }

  /** The numeric claims: trajectories of the paper's nets (package org.wnverify.numeric.network). */
  static List<Claim> numeric() {
    return List.of(
        new Theorem1Numeric(org.wnverify.numeric.network.Parameterization.EWN),
        new Theorem1Numeric(org.wnverify.numeric.network.Parameterization.SWN),
        Theorem2.main(org.wnverify.numeric.network.Parameterization.EWN),
        Theorem2.main(org.wnverify.numeric.network.Parameterization.SWN));
  }
}
