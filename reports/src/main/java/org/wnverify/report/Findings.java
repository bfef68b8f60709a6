package org.wnverify.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.run.AuditReport;

/**
 * The findings of a run: every printed statement (not a corrected variant) that came out VIOLATED
 * or REFUTED, with its counterexample and, where the catalogue has one, the corrected variant and
 * its verdict in this run.
 */
public final class Findings {
  /** One failed printed statement. */
  public record Finding(ClaimOutcome printed, Optional<ClaimOutcome> corrected) {}

  private Findings() {}

  public static List<Finding> of(AuditReport r) {
    List<Finding> out = new ArrayList<>();
    for (ClaimOutcome o : r.outcomes()) {
      if (o.verdict().rejects() && !ReportLinks.isCorrectedVariant(o.id())) {
        String corrected = ReportLinks.correctedVariantOf(o.id()).toString();
        out.add(new Finding(o, r.outcomes().stream().filter(c -> c.id().toString().equals(corrected)).findFirst()));
      }
    }
    return out;
  }

  /**
   * The findings on printed statements, apart from the proof steps (issue 20: a reader weighs a
   * wrong theorem and a wrong line of a proof differently).
   */
  public static List<Finding> statements(AuditReport r, ClaimInfo info) {
    return of(r).stream().filter(f -> !isProofStep(f.printed(), info)).toList();
  }

  /** The findings on displayed steps inside the proofs ({@code #step-k}, {@code #eq-n}). */
  public static List<Finding> proofSteps(AuditReport r, ClaimInfo info) {
    return of(r).stream().filter(f -> isProofStep(f.printed(), info)).toList();
  }

  static boolean isProofStep(ClaimOutcome o, ClaimInfo info) {
    return info.kind(o.id()).equals(org.wnverify.check.ClaimKind.PROOF_STEP.label());
  }

  /**
   * The checks of the statement a proof step belongs to, in this run: the claims of the same lemma
   * or theorem that are neither proof steps nor corrected variants. Whether they hold says whether
   * the wrong step makes the statement fail (a wrong step under a statement that holds misleads the
   * reader of the proof, not of the theorem).
   */
  public static List<ClaimOutcome> statementChecks(ClaimOutcome step, AuditReport r, ClaimInfo info) {
    org.wnverify.check.ClaimId parent = step.id().parent();
    return r.outcomes().stream()
        .filter(o -> o.id().parent().equals(parent) && !isProofStep(o, info) && !ReportLinks.isCorrectedVariant(o.id()))
        .toList();
  }

  /** The minimal counterexample in words (for a symbolic claim, the witness point follows as its instance). */
  public static String counterexample(ClaimOutcome o) {
    return o.counterexample() != null ? o.counterexample().description() : o.summary();
  }
}
