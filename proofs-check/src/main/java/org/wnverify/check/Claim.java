package org.wnverify.check;

import java.util.Optional;
import org.wnverify.numeric.problem.DiagonalNetInstance;

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
   * Whether the check runs on instances of the diagonal-network problem, and so uses a supplied
   * {@code --instance}. Symbolic identities and experiments do not.
   */
  default boolean usesInstances() {
    return false;
  }

  /**
   * For claims that use instances: empty if the instance meets the printed hypotheses, else the
   * first unmet one with the offending number. Lets the command line reject an instance that no
   * selected claim can use before anything runs.
   */
  default Optional<String> unmetHypothesis(DiagonalNetInstance instance) {
    return Optional.empty();
  }

  /**
   * Runs the check and its negative control. Implementations report undecidable situations as
   * INCONCLUSIVE outcomes with a reason rather than throwing; a thrown exception is turned into
   * INCONCLUSIVE by the runner.
   */
  ClaimOutcome check(CheckContext context);
}
