package org.wnverify.check;

/** The kind of evidence a claim needs; see shared/spec/CLAIMS.md. */
public enum ClaimKind {
  IDENTITY, INVARIANT, MONOTONE, SIGN, NORM, RATE, LIMIT, BOUND, ASYMPTOTIC, EXPERIMENT,
  /** A displayed step inside a printed proof (issue 20), reported apart from the statements. */
  PROOF_STEP;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
