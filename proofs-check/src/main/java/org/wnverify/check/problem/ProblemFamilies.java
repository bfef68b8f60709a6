package org.wnverify.check.problem;

import java.util.List;
import java.util.Optional;
import org.wnverify.check.chou.DiagonalNetFamily;
import org.wnverify.check.wu.WuLeastSquaresFamily;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Every problem family the toolkit knows, in the order {@code --help} lists them. A new paper adds
 * its family here; instance files, {@code --instance} and {@code --save-instances} then work for it.
 */
public final class ProblemFamilies {
  private static final List<ProblemFamily<?>> ALL = List.of(DiagonalNetFamily.INSTANCE, WuLeastSquaresFamily.INSTANCE,
      org.wnverify.check.ewn.EwnNetworkFamily.INSTANCE, org.wnverify.check.steps.StepPointFamily.INSTANCE);

  private ProblemFamilies() {}

  public static List<ProblemFamily<?>> all() {
    return ALL;
  }

  public static Optional<ProblemFamily<?>> byName(String name) {
    return ALL.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The family of an instance record. */
  @SuppressWarnings("unchecked")
  public static <I extends ProblemInstance> ProblemFamily<I> of(I instance) {
    for (ProblemFamily<?> f : ALL) {
      if (f.accepts(instance)) {
        return (ProblemFamily<I>) f;
      }
    }
    throw new IllegalArgumentException("no problem family for " + instance.getClass().getName());
  }

  /** The families' names, for messages: "diagonal-net, wu-least-squares". */
  public static String names() {
    return String.join(", ", ALL.stream().map(ProblemFamily::name).toList());
  }
}
