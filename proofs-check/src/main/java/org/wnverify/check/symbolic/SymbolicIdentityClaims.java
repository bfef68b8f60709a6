package org.wnverify.check.symbolic;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimProvider;

/** Identity claims proved symbolically (stub until the symbolic module lands). */
public final class SymbolicIdentityClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return List.of();
  }
}
