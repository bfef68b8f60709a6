package org.wnverify.check;

import java.util.List;

/** A family of claims, one per paper (or part of a paper); the catalogue is their union. */
public interface ClaimProvider {
  List<Claim> claims();
}
