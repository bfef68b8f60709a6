package org.wnverify.symbolic.derive;

import org.wnverify.symbolic.prove.IdentityProof;

/**
 * A negative control: a plausible wrong version of an identity, run through the same prover.
 * It is useful only if the prover REFUTES it.
 *
 * @param mutation what was changed, in the paper's terms
 */
public record ControlProof(String mutation, IdentityProof proof) {}
