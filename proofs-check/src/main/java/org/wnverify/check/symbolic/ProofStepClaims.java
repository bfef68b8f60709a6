package org.wnverify.check.symbolic;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimProvider;
import org.wnverify.symbolic.derive.ProofSteps;

/**
 * The displayed steps inside the printed proofs (issue 20): one claim of kind {@link
 * ClaimKind#PROOF_STEP} per row of {@link ProofSteps#table()} (id {@code <paper>/<lemma>#step-<k>}
 * or {@code #eq-<n>}, location, the display quoted as printed), each proved symbolically with
 * its negative controls like the statements' identities. Reports group them apart from the
 * statements by their kind; a step that fails says in its notes whether the statement it serves
 * is affected.
 */
public final class ProofStepClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return ProofSteps.catalogue().stream()
        .map(e -> (Claim) new IdentityClaim(ClaimId.parse(e.id()), e.location(), e.statement(), ClaimKind.PROOF_STEP, e::report))
        .toList();
  }
}
