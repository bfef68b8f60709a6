package org.wnverify.check.problem;

import java.util.List;
import java.util.Map;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * A problem family: one kind of instance the papers' statements speak about (the diagonal network
 * of Chou et al., the least-squares problem of Wu et al., the EWN paper's networks). It owns what
 * is particular to the kind: the instance record, its section of the instance file, and how a
 * failing instance is made smaller. Sampling lives with the claims (each theorem samples its own
 * hypothesis region) and uses the family's record.
 *
 * <p>A file of the family reads {@code {"format": "wnverify-instance/2", "problem": name(), ...}}
 * with the fields of {@link #fields()}; see {@link org.wnverify.check.instance.InstanceFiles}.
 *
 * @param <I> the instance record
 */
public interface ProblemFamily<I extends ProblemInstance> {
  /** The instance file's {@code problem} tag, e.g. "diagonal-net". */
  String name();

  /** One line for {@code --help} and error messages: what an instance is. */
  String description();

  Class<I> type();

  /** Every field the family's section may hold (others are errors). */
  List<String> fields();

  /** Reads the family's section strictly; every error names the file and the field. */
  I read(FieldReader fields) throws InputFileException;

  /** The family's section as plain JSON values (doubles are written in shortest round-trip form). */
  Map<String, Object> write(I instance);

  /**
   * Simpler variants of a failing instance, most aggressive first (fewer rows, smaller numbers,
   * rounder entries). Candidates need not meet any theorem's hypotheses: the shrinker keeps only
   * those that do and still fail.
   */
  default List<I> simpler(I instance) {
    return List.of();
  }

  /** Whether {@code instance} belongs to this family. */
  default boolean accepts(ProblemInstance instance) {
    return type().isInstance(instance);
  }

  /** {@code instance} as this family's record; call after {@link #accepts}. */
  default I cast(ProblemInstance instance) {
    return type().cast(instance);
  }
}
