package org.wnverify.check.chou;

import java.util.function.Function;
import java.util.function.Predicate;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Counterexample;
import org.wnverify.check.problem.Counterexamples;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Shrinks a failing instance of a Chou claim, saves it for {@code --instance} replay and wraps it. */
final class Findings {
  private Findings() {}

  record Shrunk(DiagonalNetInstance instance, Counterexample counterexample, int tried) {}

  /**
   * @param stillFails the statement fails on the candidate (the claim's hypotheses are enforced by
   *     {@link Counterexamples}, whatever the predicate checks)
   * @param describe the failure description of the final instance
   */
  static Shrunk shrinkAndSave(CheckContext context, ChouClaim claim, String label, DiagonalNetInstance start,
      Predicate<DiagonalNetInstance> stillFails, Function<DiagonalNetInstance, String> describe, int budget) {
    Counterexamples.Shrunk<DiagonalNetInstance> s =
        Counterexamples.shrinkAndSave(context, claim, label, start, stillFails, describe, budget);
    return new Shrunk(s.instance(), s.counterexample(), s.tried());
  }
}
