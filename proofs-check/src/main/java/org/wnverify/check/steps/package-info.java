/**
 * The displayed steps of the printed proofs that are not identities (issue 20): inequalities and
 * "hence" / "minimum of" conclusions, each a {@link org.wnverify.check.steps.SampledStep} checked on
 * states sampled from the proof's standing assumptions at that line, with corners (the boundary
 * cases and the numbers the proof uses), the minimum slack, a shrunk counterexample on failure and
 * negative controls run on the same points. The identities among the steps are proved
 * symbolically ({@link org.wnverify.check.symbolic.ProofStepClaims}); {@link
 * org.wnverify.check.steps.ProofStepIndex} lists every display of the proofs with the claim that
 * checks it, or none yet, and is rendered as docs/proof-steps.md.
 */
package org.wnverify.check.steps;
