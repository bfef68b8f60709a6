package org.wnverify.check.symbolic;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.Counterexample;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.SymbolicException;
import org.wnverify.symbolic.derive.ControlProof;
import org.wnverify.symbolic.derive.IdentityReport;
import org.wnverify.symbolic.derive.SymbolicIdentities;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.IdentityVerdict;
import org.wnverify.symbolic.prove.Witness;

/**
 * Adapter from a symbolic {@link IdentityReport} to a {@link org.wnverify.check.Claim}. The derivation runs on the
 * process-wide {@link SymbolicEngine} and is cached there, so checking the claim again (another
 * seed, a soak run) costs nothing. The proof does not depend on the run seed: its random
 * rational points come from {@link SymbolicIdentities#SEED}, which the outcome records.
 */
public final class IdentityClaim extends DescribedClaim {
  private final Function<SymbolicEngine, IdentityReport> derivation;

  public IdentityClaim(ClaimId id, String location, String statement, Function<SymbolicEngine, IdentityReport> derivation) {
    this(id, location, statement, ClaimKind.IDENTITY, derivation);
  }

  /** The same adapter with another kind (a proof step, {@link ClaimKind#PROOF_STEP}). */
  public IdentityClaim(ClaimId id, String location, String statement, ClaimKind kind,
      Function<SymbolicEngine, IdentityReport> derivation) {
    super(id, location, statement, kind);
    this.derivation = derivation;
  }

  @Override
  public ClaimOutcome check(CheckContext context) {
    IdentityReport report;
    try {
      report = derivation.apply(SymbolicEngine.shared());
    } catch (SymbolicException e) {
      return ClaimOutcome.inconclusive(id(), SymbolicIdentities.SEED, "symbolic computation failed: " + e.getMessage());
    }
    return toOutcome(id(), report);
  }

  /** The outcome for a report: verdict, evidence, controls and, if refuted, the witness. */
  public static ClaimOutcome toOutcome(ClaimId id, IdentityReport report) {
    IdentityProof proof = report.proof();
    ClaimOutcome.Builder b = ClaimOutcome.builder(id, SymbolicIdentities.SEED);
    b.evidence("dimensions covered", proof.dimensions());
    if (!report.notes().isEmpty()) {
      b.evidence("notes", report.notes());
    }
    if (!report.skipped().isEmpty()) {
      b.evidence("dimensions skipped (time budget)", report.skipped());
    }
    b.evidence("simplified defect", proof.defect());
    b.evidence("random rational points evaluated", proof.pointsChecked());
    b.evidence("derivation steps", proof.steps());
    boolean allControlsRejected = true;
    for (ControlProof c : report.controls()) {
      Verdict v = verdict(c.proof().verdict());
      allControlsRejected &= v.rejects();
      b.control(new NegativeControl(c.mutation(), v, c.proof().witness().map(Witness::toString)
          .orElse(c.proof().verdict() + "; defect " + c.proof().defect())));
    }
    Verdict v = verdict(proof.verdict());
    String summary = switch (proof.verdict()) {
      case PROVED -> "lhs - rhs simplifies to 0 in every case covered: " + proof.dimensions();
      case CONFIRMED_AT_POINTS -> "not simplified to 0 in every case; exactly 0 at all " + proof.pointsChecked()
          + " random rational points evaluated";
      case REFUTED -> "printed identity fails: " + proof.witness().map(Witness::toString).orElse(proof.defect());
      case UNKNOWN -> "undecided: " + proof.defect();
    };
    proof.witness().ifPresent(w -> {
      Map<String, Object> instance = new LinkedHashMap<>(w.point());
      b.counterexample(new Counterexample(w.component() + " = " + w.exactValue() + " ~ " + w.approxValue(), instance, null));
    });
    if (!v.isFailing() && !allControlsRejected) {
      v = Verdict.INCONCLUSIVE;
      summary = "a negative control was not refuted, so the check has no power; " + summary;
    }
    return b.verdict(v, summary).build();
  }

  static Verdict verdict(IdentityVerdict v) {
    return switch (v) {
      case PROVED -> Verdict.PROVED;
      case CONFIRMED_AT_POINTS -> Verdict.CONFIRMED_AT_POINTS;
      case REFUTED -> Verdict.REFUTED;
      case UNKNOWN -> Verdict.INCONCLUSIVE;
    };
  }
}
