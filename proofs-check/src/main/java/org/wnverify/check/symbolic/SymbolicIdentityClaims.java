package org.wnverify.check.symbolic;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimProvider;
import org.wnverify.symbolic.derive.SymbolicIdentities;

/**
 * The identity claims of Chou, Rauhut, Ward and of Wu et al. proved symbolically with Symja: one
 * claim per entry of {@link SymbolicIdentities#catalogue()} (the EWN paper's are in {@link
 * org.wnverify.check.ewn.EwnClaims}). Numeric checks of the same statements along trajectories
 * live elsewhere under the parent ids (e.g. {@code chou/lemma-3.8}).
 */
public final class SymbolicIdentityClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return forPapers("chou", "wu");
  }

  /** Identity claims of the catalogue whose id starts with one of the papers. */
  static List<Claim> forPapers(String... papers) {
    List<String> wanted = List.of(papers);
    return SymbolicIdentities.catalogue().stream()
        .filter(e -> wanted.contains(e.id().substring(0, e.id().indexOf('/'))))
        .map(e -> (Claim) new IdentityClaim(ClaimId.parse(e.id()), e.location(), e.statement(), e::report))
        .toList();
  }
}
