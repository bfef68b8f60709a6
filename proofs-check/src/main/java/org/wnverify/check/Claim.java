package org.wnverify.check;

import java.util.Optional;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.ProblemInstance;

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
   * The problem family whose instances the check runs on (and so whose {@code --instance} it
   * uses), or empty for symbolic identities and experiments, which draw nothing from a file.
   */
  default Optional<ProblemFamily<?>> family() {
    return Optional.empty();
  }

  /**
   * For claims of a family: empty if the instance is of that family and meets the printed
   * hypotheses, else why not (the first unmet one with the offending number). Lets the command
   * line reject an instance that no selected claim can use before anything runs.
   */
  default Optional<String> unmetHypothesis(ProblemInstance instance) {
    return Optional.empty();
  }

  /**
   * Runs the check and its negative control. Implementations report undecidable situations as
   * INCONCLUSIVE outcomes with a reason rather than throwing; a thrown exception is turned into
   * INCONCLUSIVE by the runner.
   */
  ClaimOutcome check(CheckContext context);
}
