package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/** The remaining theory claims (issue 16): Theorem 1 for GD, Corollary 1, Proposition 3, App. H 5, 6. */
final class EwnTheoryClaims {
  private EwnTheoryClaims() {}

  static List<Claim> claims() {
    List<Claim> all = new java.util.ArrayList<>(List.of(
        new Theorem1Descent(Parameterization.EWN),
        new Theorem1Descent(Parameterization.SWN),
        new Corollary1()));
    all.addAll(Proposition3.all(LossFunction.EXPONENTIAL, "ewn/proposition-3#",
        "Morwani and Ramaswamy, Proposition 3 (004 lines 257-284), App. E"));
    all.addAll(Proposition3.all(LossFunction.CROSS_ENTROPY, "ewn/appendix-h#proposition-6-",
        "Morwani and Ramaswamy, App. H, Proposition 6 (cross-entropy; 004 lines 1995-2016)"));
    return all;
  }
}
