package org.wnverify.report;

import java.util.HashMap;
import java.util.Map;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;

/**
 * Static facts about claims (paper, location, kind, statement) for renderers, looked up by id so
 * that formatters need only the report model. Unknown ids (e.g. a claim aborted before it was
 * catalogued) render as empty strings.
 */
public final class ClaimInfo {
  private static final Map<String, String> PAPERS = Map.of(
      "chou", "Chou, Rauhut, Ward: Robust Implicit Regularization via Weight Normalization",
      "wu", "Wu et al.: Implicit Regularization and Convergence for Weight Normalization",
      "ewn", "Inductive Bias of Gradient Descent for Exponentially Weight Normalized Smooth Homogeneous Neural Nets");
  private final Map<String, Claim> claims = new HashMap<>();

  public ClaimInfo(Iterable<Claim> all) {
    for (Claim c : all) {
      claims.put(c.id().toString(), c);
    }
  }

  public String paperTitle(ClaimId id) {
    return PAPERS.getOrDefault(id.paper(), id.paper());
  }

  public String location(ClaimId id) {
    Claim c = claims.get(id.toString());
    return c == null ? "" : c.location();
  }

  public String kind(ClaimId id) {
    Claim c = claims.get(id.toString());
    return c == null ? "" : c.kind().label();
  }

  public String statement(ClaimId id) {
    Claim c = claims.get(id.toString());
    return c == null ? "" : c.statement();
  }
}
