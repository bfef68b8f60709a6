package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.check.wu.PerInstanceClaim.Result;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Issue 19 (soak, INCONCLUSIVE groups F and G): an instance outside the statement's own premise is
 * neither a pass nor undecided. Instances that hold decide the claim; instances that are all
 * outside decide nothing.
 */
class OutsidePremiseTest {
  /** A claim whose instance k is judged results[k]; its one control is rejected wherever the statement holds. */
  private static final class Scripted extends PerInstanceClaim {
    private final List<Result> results;

    Scripted(List<Result> results) {
      super("wu/lemma-2.3", "test", "scripted", ClaimKind.IDENTITY);
      this.results = results;
    }

    @Override
    public List<WuHypothesis> hypotheses() {
      return List.of();
    }

    @Override
    List<WuSample> draw(CheckContext ctx, int n) {
      List<WuSample> out = new ArrayList<>();
      for (int k = 0; k < n; k++) {
        out.add(new WuSample(new WuInstance(new double[][] {{1, 0}}, new double[] {1}, new double[] {0, 1}, k + 1, 1),
            "instance " + k));
      }
      return out;
    }

    @Override
    Judged judge(CheckContext ctx, WuInstance p) {
      Result r = results.get((int) p.g0() - 1);
      Judged j = new Judged().statement(r, r.name());
      return j.control("mutated", r == Result.HOLDS ? Boolean.TRUE : null, "");
    }

    @Override
    List<String> controlNames() {
      return List.of("mutated");
    }

    @Override
    List<String> columns() {
      return List.of();
    }
  }

  private static ClaimOutcome run(Result... results) {
    CheckContext ctx = new CheckContext(1, results.length, null, InstanceStore.none(), Long.MAX_VALUE,
        CheckContext.Profile.QUICK);
    return new Scripted(List.of(results)).check(ctx);
  }

  @Test
  void instancesOutsideThePremiseDoNotBlockTheOnesThatHold() {
    ClaimOutcome o = run(Result.HOLDS, Result.OUTSIDE, Result.HOLDS);
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.HOLDS);
    assertThat(o.summary()).contains("1 outside the statement's premise");
  }

  @Test
  void onlyInstancesOutsideThePremiseDecideNothing() {
    ClaimOutcome o = run(Result.OUTSIDE, Result.OUTSIDE);
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.INCONCLUSIVE);
  }

  @Test
  void anUndecidedInstanceStillKeepsTheClaimInconclusive() {
    ClaimOutcome o = run(Result.HOLDS, Result.OUTSIDE, Result.UNDECIDED);
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.INCONCLUSIVE);
  }
}
