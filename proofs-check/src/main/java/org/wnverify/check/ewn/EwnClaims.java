package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimProvider;
import org.wnverify.check.symbolic.IdentityClaim;
import org.wnverify.symbolic.derive.SymbolicIdentities;

/** Claims of "Inductive Bias of GD for Exponentially Weight Normalized ... Nets". */
public final class EwnClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return List.of(
        new IdentityClaim(ClaimId.parse("ewn/theorem-1#ewn"),
            "Theorem 1, eq. (5); flows (7),(8); proof in Appendix A",
            "for w = e^alpha v/||v|| following (7),(8) with ||v|| = 1: dw/dt = -eta ||w||^2 grad_w L",
            SymbolicIdentities::ewnTheorem1Ewn),
        new IdentityClaim(ClaimId.parse("ewn/theorem-1#swn"),
            "Theorem 1, eq. (6); flows (16),(17); proof in Appendix A",
            "for w = gamma v/||v|| following (16),(17) with ||v|| = 1: "
                + "dw/dt = -eta (||w||^2 G + ((1 - ||w||^2)/||w||^2)(w^T G) w), G = grad_w L",
            SymbolicIdentities::ewnTheorem1Swn));
  }
}
