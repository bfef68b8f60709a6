package org.wnverify.check;

/** The kind of evidence a claim needs; see shared/spec/CLAIMS.md. */
public enum ClaimKind {
  IDENTITY, INVARIANT, MONOTONE, SIGN, NORM, RATE, LIMIT, BOUND, ASYMPTOTIC, EXPERIMENT;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
