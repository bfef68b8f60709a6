package org.wnverify.check.catalogue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimProvider;
import org.wnverify.check.chou.ChouClaims;
import org.wnverify.check.ewn.EwnClaims;
import org.wnverify.check.experiments.ChouExperimentClaims;
import org.wnverify.check.symbolic.ProofStepClaims;
import org.wnverify.check.symbolic.SymbolicIdentityClaims;
import org.wnverify.check.wu.WuClaims;

/**
 * All claims the toolkit knows, keyed and sorted by id. Building the catalogue runs nothing
 * (discovery is separate from execution), so {@code wnverify list} is instant.
 */
public final class ClaimCatalogue {
  private final Map<String, Claim> byId = new TreeMap<>();

  public ClaimCatalogue(List<ClaimProvider> providers) {
    for (ClaimProvider p : providers) {
      for (Claim c : p.claims()) {
        Claim previous = byId.put(c.id().toString(), c);
        if (previous != null) {
          throw new IllegalStateException("two claims share the id " + c.id());
        }
      }
    }
  }

  /** The catalogue of the three papers. */
  public static ClaimCatalogue standard() {
    return new ClaimCatalogue(List.of(
        new SymbolicIdentityClaims(), new ChouClaims(), new ChouExperimentClaims(), new EwnClaims(), new WuClaims(),
        new ProofStepClaims(), new org.wnverify.check.steps.SampledStepClaims()));
  }

  /** Every claim, sorted by id. */
  public List<Claim> all() {
    return List.copyOf(byId.values());
  }

  /**
   * The claims matching any of the patterns (exact ids, or globs with {@code *}); an id also
   * selects its sub-claims, so {@code chou/lemma-3.8} selects {@code chou/lemma-3.8#proof}.
   *
   * @throws IllegalArgumentException naming the first pattern that matches nothing
   */
  public List<Claim> select(List<String> patterns) {
    Set<Claim> chosen = new LinkedHashSet<>();
    for (String p : patterns) {
      List<Claim> hits = new ArrayList<>();
      for (Claim c : byId.values()) {
        if (c.id().matches(p)) {
          hits.add(c);
        }
      }
      if (hits.isEmpty()) {
        throw new IllegalArgumentException("no claim matches '" + p + "' (see 'wnverify list')");
      }
      chosen.addAll(hits);
    }
    List<Claim> sorted = new ArrayList<>(chosen);
    sorted.sort(Comparator.comparing(Claim::id));
    return sorted;
  }

  /** Looks up one id. */
  public Claim get(ClaimId id) {
    Claim c = byId.get(id.toString());
    if (c == null) {
      throw new IllegalArgumentException("unknown claim " + id);
    }
    return c;
  }
}
