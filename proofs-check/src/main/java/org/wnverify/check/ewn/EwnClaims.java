package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimProvider;

/** Claims of "Inductive Bias of GD for Exponentially Weight Normalized ... Nets". */
public final class EwnClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return List.of();
  }
}
