package org.wnverify.symbolic.prove;

/** What the prover established about an identity lhs = rhs. */
public enum IdentityVerdict {
  /** Symja simplified lhs - rhs to exactly 0 with all variables symbolic. */
  PROVED,
  /**
   * Symja could not simplify lhs - rhs to 0, but exact evaluation at every sampled random rational
   * point gave exactly 0. Weaker than PROVED and named so.
   */
  CONFIRMED_AT_POINTS,
  /** lhs - rhs is non-zero at an exhibited point (the witness). */
  REFUTED,
  /** Neither: a point could not be decided exactly, or the computation timed out. */
  UNKNOWN
}
