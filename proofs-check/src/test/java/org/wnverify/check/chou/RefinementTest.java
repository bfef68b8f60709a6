package org.wnverify.check.chou;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.ode.FlowSystem;

/**
 * The refinement judge on flows whose conserved quantities are known exactly: it must accept the
 * true invariant, reject a false one, and refuse to judge a state that did not move. (The claims'
 * own tests reach it through minutes of integration; these reach every branch in a second, which
 * is what mutation testing needs.)
 */
class RefinementTest {
  /** dx/dt = -y, dy/dt = x, decaying "loss" e^-t so the horizon search stops: x^2 + y^2 is conserved. */
  private static FlowSystem rotation(double speed) {
    return new FlowSystem() {
      @Override
      public int getDimension() {
        return 3;
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        yDot[0] = -speed * y[1];
        yDot[1] = speed * y[0];
        yDot[2] = -y[2];
      }

      @Override
      public double[] initialState() {
        return new double[] {1, 0.5, 1};
      }

      @Override
      public double[] point(double[] s) {
        return new double[] {s[0], s[1]};
      }

      @Override
      public double loss(double[] s) {
        return s[2];
      }
    };
  }

  private static Refinement.Judgement judge(FlowSystem f, java.util.function.Function<double[], double[]> q) {
    Refinement.Runs runs = Refinement.run(CheckContext.of(1, 1), f, 50, 1e-6, null);
    assertThat(runs.problem()).isNull();
    return Refinement.judge(runs, q, s -> new double[] {s[0], s[1]});
  }

  @Test
  void theTrueInvariantHoldsWithShrinkingDrift() {
    Refinement.Judgement j = judge(rotation(1), s -> new double[] {s[0] * s[0] + s[1] * s[1]});
    assertThat(j.verdict()).as(j.detail()).isEqualTo(Verdict.HOLDS);
    assertThat(j.drift()[0]).isGreaterThanOrEqualTo(Refinement.SHRINK_MIN * j.drift()[j.drift().length - 1]);
    assertThat(j.motion()).isGreaterThan(1);
  }

  @Test
  void aFalseInvariantIsViolatedAtEveryTolerance() {
    // x alone is not conserved; nor is x^2 + 2 y^2 (a wrong constant)
    assertThat(judge(rotation(1), s -> new double[] {s[0]}).verdict()).isEqualTo(Verdict.VIOLATED);
    Refinement.Judgement j = judge(rotation(1), s -> new double[] {s[0] * s[0] + 2 * s[1] * s[1]});
    assertThat(j.verdict()).as(j.detail()).isEqualTo(Verdict.VIOLATED);
    assertThat(j.detail()).contains("not shrinking");
  }

  @Test
  void aStateThatDidNotMoveIsNotAPass() {
    Refinement.Judgement j = judge(rotation(0), s -> new double[] {s[0] * s[0] + s[1] * s[1]});
    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.detail()).contains("did not move");
  }

  @Test
  void anOverflowingQuantityIsNamedAsSuch() {
    Refinement.Judgement j = judge(rotation(1), s -> new double[] {Double.POSITIVE_INFINITY});
    assertThat(j.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(j.detail()).contains("non-finite");
  }
}
