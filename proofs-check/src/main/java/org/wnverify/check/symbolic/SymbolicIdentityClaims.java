package org.wnverify.check.symbolic;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimProvider;
import org.wnverify.symbolic.derive.SymbolicIdentities;

/**
 * Identity claims of Chou, Rauhut, Ward proved symbolically with Symja: the gradients (22)-(24)
 * and the symbolic half of Lemma 3.8 (the numeric half, {@code chou/lemma-3.8}, integrates the
 * flow elsewhere).
 */
public final class SymbolicIdentityClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return List.of(
        new IdentityClaim(ClaimId.parse("chou/gradients"),
            "Chou, Rauhut, Ward, Section 3.1, eqs. (22)-(24)",
            "(22) grad L(x) = [A^T(A x^L - b)] .* x^(L-1); (23) grad_r L~(r,u) = u^T grad L(r u/||u||)/||u||; "
                + "(24) grad_u L~(r,u) = (r/||u||)(I - u u^T/||u||^2) grad L(r u/||u||)",
            SymbolicIdentities::chouGradients),
        new IdentityClaim(ClaimId.parse("chou/lemma-3.8#proof"),
            "Chou, Rauhut, Ward, Lemma 3.8, eq. (32)",
            "for (eta_r, eta_u) = (eta, 1) and ||u0|| = 1, d/dt of h_eta = (I - A^+A) phi(u, r) is 0 along (13)-(14), "
                + "phi = log(u exp(r^2/(2 eta))) if L = 2, u^(2-L) exp((2-L) r^2/(2 eta)) if L != 2",
            SymbolicIdentities::chouLemma38));
  }
}
