package org.wnverify.check.problem;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * One printed hypothesis of a statement, decidable on an instance of its family.
 *
 * @param <I> the instance record
 */
public interface Hypothesis<I> {
  /** The hypothesis as printed, e.g. "u0 > 0". */
  String text();

  /** Empty if the instance satisfies it, else why not (with the offending number). */
  Optional<String> unmet(I instance);

  /** A hypothesis from its text and a function giving the reason it fails, or null when it holds. */
  static <I> Hypothesis<I> of(String text, Function<I, String> whyNot) {
    return new Hypothesis<>() {
      @Override
      public String text() {
        return text;
      }

      @Override
      public Optional<String> unmet(I instance) {
        return Optional.ofNullable(whyNot.apply(instance));
      }

      @Override
      public String toString() {
        return text;
      }
    };
  }

  /** The first hypothesis the instance misses, as "text: reason", or empty if it meets them all. */
  static <I> Optional<String> firstUnmet(List<? extends Hypothesis<I>> hypotheses, I instance) {
    for (Hypothesis<I> h : hypotheses) {
      Optional<String> why = h.unmet(instance);
      if (why.isPresent()) {
        return Optional.of("hypothesis '" + h.text() + "' is not met: " + why.get());
      }
    }
    return Optional.empty();
  }
}
