package org.wnverify.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Issue 20: a sampled step's counterexample is saved like every claim's, and replaying the file
 * (as {@code check ID --instance FILE} does) meets the step's assumptions and fails the display
 * again; a point of one step is no instance of another.
 */
class StepCounterexampleReplayTest {
  @TempDir
  Path dir;

  @Test
  void everySavedStepCounterexampleReplays() throws Exception {
    List<SampledStep> violated = SampledStepClaims.steps().stream()
        .filter(s -> s.notes().stream().anyMatch(n -> n.startsWith("FINDING"))).toList();
    assertThat(violated).hasSizeGreaterThanOrEqualTo(8);
    for (SampledStep s : violated) {
      CheckContext ctx = new CheckContext(1, 1, null, new InstanceStore(null, dir), Long.MAX_VALUE, CheckContext.Profile.QUICK);
      ClaimOutcome o = s.check(ctx);
      assertThat(o.verdict()).as(s.id().toString()).isEqualTo(Verdict.VIOLATED);
      assertThat(o.counterexample().savedTo()).as(s.id() + " saved its counterexample").isNotNull();
      ProblemInstance read = InstanceFiles.read(Path.of(o.counterexample().savedTo()));
      assertThat(read).isInstanceOf(StepInstance.class);
      assertThat(((StepInstance) read).point().asMap()).as("reads back bit for bit").isEqualTo(o.counterexample().instance());
      assertThat(s.unmetHypothesis(read)).as(s.id() + ": its saved point meets its assumptions").isEmpty();
      ClaimOutcome replay = s.check(new CheckContext(1, 1, read, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK));
      assertThat(replay.verdict()).as(s.id() + ": replay " + replay.summary()).isEqualTo(Verdict.VIOLATED);
      assertThat(replay.summary()).isEqualTo(o.summary());
      SampledStep other = SampledStepClaims.steps().stream().filter(t -> !t.id().equals(s.id())).findFirst().orElseThrow();
      assertThat(other.unmetHypothesis(read)).as("a point of " + s.id() + " for " + other.id()).isPresent();
    }
  }

  @Test
  void aHoldingStepAtASuppliedPointHoldsThere() {
    SampledStep s = SampledStepClaims.steps().stream().filter(t -> t.id().toString().equals("wu/theorem-2.6#step-9-corrected"))
        .findFirst().orElseThrow();
    StepPoint p = StepPoint.builder().put("n", 2).put("d", 3).put("A", new double[][] {{1, 0, 0}, {0, 1, 0}})
        .put("y", new double[] {1, 1}).put("w", new double[] {1, 0, 0}).put("g", 1).put("c", 1).build();
    ClaimOutcome o = s.check(new CheckContext(1, 1, new StepInstance(s.id().toString(), p), InstanceStore.none(), Long.MAX_VALUE,
        CheckContext.Profile.QUICK));
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.HOLDS);
  }
}
