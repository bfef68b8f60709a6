package org.wnverify.check;

/**
 * One statement of a paper, with the check that decides it. Implementations are stateless: all
 * randomness comes from the {@link CheckContext}, so checks may run on any thread and the same
 * seed gives the same numbers.
 */
public interface Claim {
  ClaimId id();

  /** Where it is printed, e.g. "Chou et al., Lemma 3.8, eq. (32)". */
  String location();

  /** The statement as printed, in plain text with formulas. */
  String statement();

  ClaimKind kind();

  /**
   * Runs the check and its negative control. Implementations report undecidable situations as
   * INCONCLUSIVE outcomes with a reason rather than throwing; a thrown exception is turned into
   * INCONCLUSIVE by the runner.
   */
  ClaimOutcome check(CheckContext context);
}
