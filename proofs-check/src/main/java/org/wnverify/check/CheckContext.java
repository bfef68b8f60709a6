package org.wnverify.check;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Everything a check may depend on besides its own code. The random stream of a claim is derived
 * from the run seed and the claim id alone, so results do not depend on the order in which
 * claims run or on the number of threads.
 *
 * @param seed the run seed ({@code --seed})
 * @param samples how many random instances a sampled check draws ({@code --samples})
 * @param instance a user-supplied instance of any family ({@code --instance}), or null to sample
 * @param store where sampled instances and counterexamples are written
 * @param deadlineNanos {@link System#nanoTime()} after which a check should give up
 * @param profile how large the experiments are ({@code --profile})
 */
public record CheckContext(
    long seed, int samples, ProblemInstance instance, InstanceStore store, long deadlineNanos,
    Profile profile) {

  /**
   * Size of the experiments: QUICK (small dimensions, few trials; the default audit) or PAPER
   * (the dimensions and trial counts printed in the papers).
   */
  public enum Profile { QUICK, PAPER }

  /** A context with no supplied instance, nothing saved and no deadline (tests, benchmarks). */
  public static CheckContext of(long seed, int samples) {
    return new CheckContext(seed, samples, null, InstanceStore.none(), Long.MAX_VALUE, Profile.QUICK);
  }

  /** The supplied instance if it is of {@code family}; claims of other families sample as usual. */
  public <I extends ProblemInstance> Optional<I> suppliedInstance(ProblemFamily<I> family) {
    return instance != null && family.accepts(instance) ? Optional.of(family.cast(instance)) : Optional.empty();
  }

  /** The same context with another deadline. */
  public CheckContext withDeadline(long nanos) {
    return new CheckContext(seed, samples, instance, store, nanos, profile);
  }

  /**
   * The seed of one claim's random stream: a fixed mix of the run seed and the claim id (String
   * bytes, not hashCode, so the mix is stable across JVMs by specification, not by accident).
   */
  public long seedFor(ClaimId id) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (byte c : id.toString().getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ c) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    return h;
  }

  /** A fresh random stream for the claim; two calls give identical streams. */
  public SplittableRandom random(ClaimId id) {
    return new SplittableRandom(seedFor(id));
  }

  /**
   * Throws {@link CheckAbortedException} if the claim's time budget is spent or its thread was
   * interrupted (SIGINT, a timeout). Long loops call this so an abort is prompt.
   */
  public void checkpoint() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CheckAbortedException("interrupted");
    }
    if (System.nanoTime() - deadlineNanos > 0) {
      throw new CheckAbortedException("time budget exceeded");
    }
  }
}
