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
    all.add(new Theorem3(LossFunction.CROSS_ENTROPY, "ewn/appendix-h#theorem-5",
        "Morwani and Ramaswamy, App. H, Theorem 5 (cross-entropy; 004 lines 2017-2030), proof via G.1.2/G.2",
        "For EWN with cross-entropy loss, under (A1)-(A4) (flow, d(t) = t for eta = 1; the paper states (A1)-(A5) and"
            + " lim ||r(t+1) - r(t)||/(g(t+1) - g(t)) = 0 for GD): ||w|| grows as Theta((log d(t))^(1/L)) and L(w(t))"
            + " decreases as Theta(1/(d(t) (log d(t))^2))"));
    all.add(new Theorem3Descent(LossFunction.EXPONENTIAL, "ewn/theorem-3#gd", "Morwani and Ramaswamy, Theorem 3 (004 lines 322-327), App. G.2 (GD)"));
    all.add(new Theorem3Descent(LossFunction.CROSS_ENTROPY, "ewn/appendix-h#theorem-5-gd", "Morwani and Ramaswamy, App. H, Theorem 5 (cross-entropy; 004 lines 2017-2030), App. G.2 (GD)"));
    return all;
  }
}
