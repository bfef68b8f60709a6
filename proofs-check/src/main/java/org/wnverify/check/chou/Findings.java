package org.wnverify.check.chou;

import java.nio.file.Path;
import java.util.function.Predicate;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.Counterexample;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.sampling.Shrinker;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Shrinks a failing instance, saves it for {@code --instance} replay and wraps it. */
final class Findings {
  private Findings() {}

  record Shrunk(DiagonalNetInstance instance, Counterexample counterexample, int tried) {}

  /**
   * @param stillFails hypotheses hold and the statement fails (evaluated on candidates)
   * @param describe the failure description of the final instance
   */
  static Shrunk shrinkAndSave(CheckContext context, ClaimId id, String label, DiagonalNetInstance start,
      Predicate<DiagonalNetInstance> stillFails, java.util.function.Function<DiagonalNetInstance, String> describe,
      int budget) {
    Shrinker.Result r = Shrinker.shrink(start, stillFails, context::checkpoint, budget);
    DiagonalNetInstance p = r.instance();
    String path = context.store().saveCounterexample(id, label, p).map(Path::toString).orElse(null);
    Counterexample c = new Counterexample(describe.apply(p) + " (shrunk from " + start + " in "
        + r.tried() + " tries)", InstanceFiles.toJson(p), path);
    return new Shrunk(p, c, r.tried());
  }
}
