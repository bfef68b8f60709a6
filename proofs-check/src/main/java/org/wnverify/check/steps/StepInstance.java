package org.wnverify.check.steps;

import java.util.Objects;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * A sampled state of one proof step as an instance (issue 20): the id of the step it belongs to
 * and the point. It is what a sampled step saves as its counterexample, so that {@code wnverify
 * check ID --instance FILE} replays the failing point; a point is meaningful for its own step
 * only (another step names other symbols), so every other step samples as usual.
 *
 * @param step the claim id of the step, e.g. "wu/theorem-2.6#step-9"
 * @param point the state
 */
public record StepInstance(String step, StepPoint point) implements ProblemInstance {
  public StepInstance {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(point, "point");
  }
}
