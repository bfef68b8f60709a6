package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Counterexample;
import org.wnverify.check.DescribedClaim;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Base of the Wu claims checked on sampled least-squares instances: the printed hypotheses, the
 * draws (corners first), and the shrinking of a failing instance into a counterexample.
 */
abstract class WuClaim extends DescribedClaim {
  /** Candidates tried when shrinking a counterexample (each costs one check of the instance). */
  static final int SHRINK_BUDGET = 20;

  WuClaim(String id, String location, String statement, ClaimKind kind) {
    super(ClaimId.parse(id), location, statement, kind);
  }

  abstract List<WuHypothesis> hypotheses();

  /** n samples, corners first, from the claim's own stream. */
  abstract List<WuSample> draw(CheckContext context, int n);

  abstract void checkSamples(CheckContext context, List<WuSample> samples, ClaimOutcome.Builder out);

  /** Notes on how the statement was read (which step goes with which variable, signs, ...). */
  List<String> notes() {
    return List.of();
  }

  Optional<String> unmet(WuInstance p) {
    return WuHypothesis.firstUnmet(hypotheses(), p);
  }

  @Override
  public ClaimOutcome check(CheckContext context) {
    long seed = context.seedFor(id());
    List<WuSample> samples = new ArrayList<>();
    for (WuSample s : draw(context, Math.max(1, context.samples()))) {
      Optional<String> u = unmet(s.instance());
      if (u.isPresent()) {
        // A sampler bug, not a property of the paper: say so instead of checking a wrong instance.
        return ClaimOutcome.inconclusive(id(), seed, "sampled instance " + s.label() + " misses a hypothesis: " + u.get());
      }
      samples.add(s);
    }
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), seed);
    out.evidence("instances", samples.size());
    out.evidence("source", "sampled (seed " + context.seed() + ")");
    out.evidence("hypotheses", hypotheses().stream().map(WuHypothesis::text).toList());
    if (!notes().isEmpty()) {
      out.evidence("notes", notes());
    }
    checkSamples(context, samples, out);
    return out.build();
  }

  /**
   * Greedily replaces the failing instance by simpler candidates that meet every hypothesis and
   * still fail, and wraps the result.
   */
  Counterexample shrink(CheckContext context, WuInstance start, Predicate<WuInstance> stillFails,
      Function<WuInstance, String> describe) {
    WuInstance best = start;
    int tried = 0;
    boolean improved = true;
    while (improved && tried < SHRINK_BUDGET) {
      improved = false;
      for (WuInstance c : WuShrink.candidates(best)) {
        if (tried >= SHRINK_BUDGET) {
          break;
        }
        context.checkpoint();
        tried++;
        if (unmet(c).isEmpty() && stillFails.test(c)) {
          best = c;
          improved = true;
          break;
        }
      }
    }
    return new Counterexample(describe.apply(best) + " (shrunk in " + tried + " tries from " + start + ")",
        WuInstanceJson.toJson(best), null);
  }
}
