/**
 * Symbolic derivations with Symja behind a thread-confined facade ({@link
 * org.wnverify.symbolic.SymbolicEngine}). Public types carry no Symja classes: results are
 * {@link org.wnverify.symbolic.Expression} values (input-form text plus a {@link
 * org.wnverify.symbolic.Node} tree). Sub-packages: {@code derive} (the paper's identities),
 * {@code prove} (identity proofs with verdicts), {@code codegen} (Java kernels from derived
 * expressions), {@code internal} (Symja adapters).
 */
package org.wnverify.symbolic;
