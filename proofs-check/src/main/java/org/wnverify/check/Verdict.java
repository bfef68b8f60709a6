package org.wnverify.check;

/**
 * The outcome of checking one claim. Numeric evidence gives HOLDS / VIOLATED / INCONCLUSIVE;
 * symbolic evidence gives PROVED / REFUTED; a symbolic identity that could only be confirmed by
 * exact evaluation at random rational points is CONFIRMED_AT_POINTS, a weaker verdict kept under
 * its own name.
 */
public enum Verdict {
  /** Symbolic: the defect simplifies to zero in every dimension covered. */
  PROVED(false),
  /** Symbolic: exact evaluation at sampled rational points gave zero; no simplification proof. */
  CONFIRMED_AT_POINTS(false),
  /** Symbolic: the defect is non-zero at an exhibited point. */
  REFUTED(true),
  /** Numeric: every sampled instance satisfied the statement, judged against measured noise. */
  HOLDS(false),
  /** Numeric: a sampled instance satisfying the hypotheses violates the statement. */
  VIOLATED(true),
  /** The evidence could not decide: blow-up, budget, unmet hypothesis, or a powerless check. */
  INCONCLUSIVE(true);

  private final boolean failing;

  Verdict(boolean failing) {
    this.failing = failing;
  }

  /** Whether this verdict makes the audit exit with status 1. */
  public boolean isFailing() {
    return failing;
  }

  /** Whether this verdict rejects the statement it was applied to (used for negative controls). */
  public boolean rejects() {
    return this == REFUTED || this == VIOLATED;
  }
}
