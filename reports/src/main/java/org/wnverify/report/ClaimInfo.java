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

  /** Whether the catalogue has this claim. */
  public boolean has(ClaimId id) {
    return claims.containsKey(id.toString());
  }

  public String location(ClaimId id) {
    Claim c = claims.get(id.toString());
    return c == null ? "" : c.location();
  }

  public String kind(ClaimId id) {
    Claim c = claims.get(id.toString());
    return c == null ? "" : c.kind().label();
  }

  /** Short name of a paper for tables, e.g. "Chou et al.". */
  public static String paperShort(String paper) {
    return switch (paper) {
      case "chou" -> "Chou, Rauhut, Ward";
      case "wu" -> "Wu et al.";
      case "ewn" -> "EWN";
      default -> paper;
    };
  }

  /**
   * How a claim of this kind is checked, in a sentence: the reader's first question about a
   * verdict. The numbers behind it are in the claim's evidence.
   */
  public String method(ClaimId id) {
    Claim c = claims.get(id.toString());
    if (c == null) {
      return "";
    }
    String onInstances = c.family().isPresent()
        ? " on seeded instances sampled from the printed hypotheses (corners and boundaries included; --instance replaces them)"
        : "";
    return switch (c.kind()) {
      case IDENTITY -> "Symbolic: Symja derives both sides and simplifies lhs - rhs to 0 in each dimension listed; "
          + "where it cannot, exact rational evaluation at random points (CONFIRMED_AT_POINTS). "
          + "Negative controls are mutated formulas the same prover must refute.";
      case INVARIANT -> "Numeric, by refinement" + onInstances + ": the flow is integrated at several tolerances; the "
          + "drift of the conserved quantity must shrink with the tolerance and stay within the noise floor measured "
          + "by a tighter run, on a trajectory that moved far more than the drift.";
      case EXPERIMENT -> "Numeric experiment: the paper's protocol (Section 4), each sentence about the figure judged "
          + "on the runs' final errors and only if stable when unfinished runs or any one trial are left out.";
      case BOUND -> "Numeric" + onInstances + ": both sides of the bound computed, the slack judged against the "
          + "measured numerical uncertainty.";
      case LIMIT -> "Numeric" + onInstances + ": the flow integrated to its limit (loss down by many orders); the "
          + "limit's properties checked against the numerical uncertainty; a run that did not converge is INCONCLUSIVE.";
      case RATE -> "Numeric" + onInstances + ": the stated rate compared with the loss along the integrated flow.";
      default -> "Numeric" + onInstances + ": the statement evaluated along the integrated flow, judged against "
          + "measured noise.";
    };
  }

  /** The printed hypotheses of a sampled claim, as printed (empty for identities and experiments). */
  public java.util.List<String> hypotheses(ClaimId id) {
    Claim c = claims.get(id.toString());
    if (c instanceof org.wnverify.check.problem.SampledClaim<?> sc) {
      return sc.hypotheses().stream().map(org.wnverify.check.problem.Hypothesis::text).toList();
    }
    return java.util.List.of();
  }

  public String statement(ClaimId id) {
    Claim c = claims.get(id.toString());
    return c == null ? "" : c.statement();
  }
}
