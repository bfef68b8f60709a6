package org.wnverify.check.problem;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Property-testing style shrinking of a counterexample: greedily tries the simpler variants a
 * family proposes and keeps the first that still fails, until none does or the budget is spent.
 * {@code stillFails} must include the hypothesis check, so a shrunk instance is still a valid
 * counterexample ({@link Counterexamples} guarantees that).
 */
public final class Shrinker {
  /** Upper bound on predicate evaluations, so shrinking stays within a claim's budget. */
  public static final int DEFAULT_BUDGET = 200;

  private Shrinker() {}

  /** The result and how many candidates were tried. */
  public record Result<I>(I instance, int tried, int accepted) {}

  public static <I> Result<I> shrink(I start, Function<I, List<I>> simpler, Predicate<I> stillFails,
      Runnable checkpoint, int budget) {
    I best = start;
    int tried = 0;
    int accepted = 0;
    boolean progress = true;
    while (progress && tried < budget) {
      progress = false;
      for (I c : simpler.apply(best)) {
        if (tried >= budget) {
          break;
        }
        checkpoint.run();
        tried++;
        boolean fails;
        try {
          fails = stillFails.test(c);
        } catch (RuntimeException e) {
          fails = false;
        }
        if (fails) {
          best = c;
          accepted++;
          progress = true;
          break;
        }
      }
    }
    return new Result<>(best, tried, accepted);
  }
}
