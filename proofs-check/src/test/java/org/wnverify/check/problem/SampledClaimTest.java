package org.wnverify.check.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * The engine's guarantees on a toy family (one number v): samples outside the printed hypotheses
 * never reach the check, and a counterexample always meets them, whatever the claim's own
 * predicate says. These are what keep a sampler corner from turning into a false finding.
 */
class SampledClaimTest {
  record Toy(double v) implements ProblemInstance {}

  static final ProblemFamily<Toy> TOY = new ProblemFamily<>() {
    @Override
    public String name() {
      return "toy";
    }

    @Override
    public String description() {
      return "one number";
    }

    @Override
    public Class<Toy> type() {
      return Toy.class;
    }

    @Override
    public List<String> fields() {
      return List.of("v");
    }

    @Override
    public Toy read(FieldReader f) throws InputFileException {
      return new Toy(f.number("v"));
    }

    @Override
    public Map<String, Object> write(Toy t) {
      return Map.of("v", t.v());
    }

    /** A leap to v/100 first (out of v > 1 from below 100), then halving. */
    @Override
    public List<Toy> simpler(Toy t) {
      return List.of(new Toy(t.v() / 100), new Toy(t.v() / 2));
    }
  };

  /** "If v > 1 then v < 10", sampled from a fixed list that includes draws outside v > 1. */
  static final class ToyClaim extends SampledClaim<Toy> {
    private final List<Toy> draws;
    List<Toy> seen;

    ToyClaim(List<Toy> draws) {
      super(ClaimId.parse("chou/lemma-0.1"), "toy", "if v > 1 then v < 10", ClaimKind.BOUND);
      this.draws = draws;
    }

    @Override
    public ProblemFamily<Toy> problem() {
      return TOY;
    }

    @Override
    public List<Hypothesis<Toy>> hypotheses() {
      return List.of(Hypothesis.of("v > 1", t -> t.v() > 1 ? null : "v = " + t.v()));
    }

    @Override
    protected Supplier<Sample<Toy>> sampler(CheckContext context) {
      Iterator<Toy> it = draws.iterator();
      return () -> new Sample<>(it.next(), "draw");
    }

    @Override
    protected void checkSamples(CheckContext context, List<Sample<Toy>> samples, ClaimOutcome.Builder out) {
      seen = samples.stream().map(Sample::instance).toList();
      Optional<Toy> bad = seen.stream().filter(t -> t.v() >= 10).findFirst();
      if (bad.isPresent()) {
        // The predicate "forgets" the hypothesis on purpose: the engine must enforce it.
        Counterexamples.Shrunk<Toy> s = Counterexamples.shrinkAndSave(context, this, "cx", bad.get(),
            t -> t.v() >= 10 || t.v() <= 1, t -> "v = " + t.v(), 50);
        out.counterexample(s.counterexample());
        out.verdict(Verdict.VIOLATED, "v = " + s.instance().v());
      } else {
        out.verdict(Verdict.HOLDS, "all below 10");
      }
    }
  }

  @Test
  void drawsOutsideTheHypothesesAreRedrawnAndListed() {
    ToyClaim c = new ToyClaim(List.of(new Toy(-1), new Toy(2), new Toy(0.5), new Toy(3)));
    ClaimOutcome o = c.check(CheckContext.of(1, 2));
    assertThat(c.seen).containsExactly(new Toy(2), new Toy(3));
    assertThat(o.verdict()).isEqualTo(Verdict.HOLDS);
    assertThat(o.evidence()).containsKey("drawn outside the hypotheses and redrawn");
  }

  @Test
  void aSamplerThatCannotMeetTheHypothesesMakesTheClaimInconclusive() {
    ToyClaim c = new ToyClaim(java.util.Collections.nCopies(1000, new Toy(0)));
    ClaimOutcome o = c.check(CheckContext.of(1, 2));
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("outside the printed hypotheses");
  }

  @Test
  void shrinkingNeverLeavesTheHypotheses() {
    ToyClaim c = new ToyClaim(List.of(new Toy(80)));
    ClaimOutcome o = c.check(CheckContext.of(1, 1));
    assertThat(o.verdict()).isEqualTo(Verdict.VIOLATED);
    // The careless predicate accepts the leap 80 -> 0.8 (v <= 1); the engine must refuse it, as
    // v > 1 is the hypothesis: 80 -> 40 -> 20 -> 10, where both 0.1 and 5 are refused.
    assertThat(o.counterexample().instance()).containsEntry("v", 10.0).containsEntry("problem", "toy");
  }

  @Test
  void aFailingStartOutsideTheHypothesesIsRefusedNotReported() {
    ToyClaim c = new ToyClaim(List.of());
    CheckContext ctx = new CheckContext(1, 1, null, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK);
    assertThatThrownBy(() -> Counterexamples.shrinkAndSave(ctx, c, "cx", new Toy(0.5), t -> true, t -> "", 10))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("misses its hypotheses");
  }

  @Test
  void aSuppliedInstanceOfAnotherFamilyIsNotUsed() {
    record Other() implements ProblemInstance {}
    ToyClaim c = new ToyClaim(List.of());
    CheckContext ctx = new CheckContext(1, 1, new Other(), InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK);
    ClaimOutcome o = c.check(ctx);
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("not a toy instance");
    assertThat(c.unmetHypothesis(new Other())).contains("not a toy instance");
  }
}
