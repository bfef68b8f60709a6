package org.wnverify.check.sampling;

import java.util.Optional;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** One printed hypothesis of a statement, decidable on an instance. */
public interface Hypothesis {
  /** The hypothesis as printed, e.g. "u0 > 0". */
  String text();

  /** Empty if the instance satisfies it, else why not (with the offending number). */
  Optional<String> unmet(DiagonalNetInstance p);
}
