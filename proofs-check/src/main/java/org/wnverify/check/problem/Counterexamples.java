package org.wnverify.check.problem;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Counterexample;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Turns a failing instance into a finding: shrinks it with the family's simpler variants, saves it
 * for {@code --instance} replay and describes it. The claim's printed hypotheses are enforced here,
 * on the start and on every candidate, not left to each caller's predicate: a counterexample that
 * misses a hypothesis is not a counterexample, and a caller that forgot the check (or checked
 * another list) would report a false finding.
 */
public final class Counterexamples {
  private Counterexamples() {}

  /** The shrunk instance, its counterexample record, and how many candidates were tried. */
  public record Shrunk<I>(I instance, Counterexample counterexample, int tried) {}

  /**
   * @param stillFails the statement fails on the candidate (hypotheses are checked here as well)
   * @param describe the failure description of the final instance
   * @throws IllegalStateException if {@code start} misses a hypothesis of the claim (a bug in the
   *     caller: the runner reports the claim INCONCLUSIVE with this message, never VIOLATED)
   */
  public static <I extends ProblemInstance> Shrunk<I> shrinkAndSave(CheckContext context, SampledClaim<I> claim,
      String label, I start, Predicate<I> stillFails, Function<I, String> describe, int budget) {
    Optional<String> unmet = claim.unmet(start);
    if (unmet.isPresent()) {
      throw new IllegalStateException("internal error: a failing instance of " + claim.id()
          + " misses its hypotheses (" + unmet.get() + "), so it is no counterexample");
    }
    Predicate<I> valid = c -> claim.unmet(c).isEmpty() && stillFails.test(c);
    Shrinker.Result<I> r = Shrinker.shrink(start, claim.problem()::simpler, valid, context::checkpoint, budget);
    I p = r.instance();
    String path = context.store().saveCounterexample(claim.id(), label, p).map(Path::toString).orElse(null);
    Counterexample c = new Counterexample(describe.apply(p) + " (shrunk from " + start + " in "
        + r.tried() + " tries)", InstanceFiles.toJson(claim.problem(), p), path);
    return new Shrunk<>(p, c, r.tried());
  }
}
