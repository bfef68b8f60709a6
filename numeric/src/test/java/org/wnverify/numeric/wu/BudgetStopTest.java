package org.wnverify.numeric.wu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The early stop of the Appendix F figures: stops only runs that cannot reach the target in their budget. */
class BudgetStopTest {
  private static final double[] W = {1};

  /** Feeds loss(t) until the stop fires or the budget ends; returns the stop iteration or -1. */
  private static int feed(BudgetStop s, java.util.function.IntToDoubleFunction loss, int budget) {
    for (int t = 0; t <= budget; t++) {
      if (!s.iterate(t, 1, W, loss.applyAsDouble(t), Double.NaN)) {
        return t;
      }
    }
    return -1;
  }

  @Test
  void aLinearlyConvergingRunThatFinishesInItsBudgetIsNeverStopped() {
    // loss 1 -> 1e-5 at t = 11.5 / 3e-6 ~ 3.8M, within a budget of 4M
    assertThat(feed(new BudgetStop(1e-5, 4_000_000, 100_000, 105_000), t -> Math.exp(-3e-6 * t), 4_000_000)).isEqualTo(-1);
  }

  @Test
  void aRunThatWouldMissItsBudgetAtItsRateIsStoppedWithAReason() {
    // would need ~11.5 / 2e-6 = 5.8M iterations: the first check that sees the rate stops it
    BudgetStop s = new BudgetStop(1e-5, 4_000_000, 100_000, 105_000);
    assertThat(feed(s, t -> Math.exp(-2e-6 * t), 4_000_000)).isEqualTo(205_000);
    assertThat(s.reason()).contains("more windows needed");
  }

  @Test
  void anOscillatingRunWhoseBestLossStallsIsStopped() {
    BudgetStop s = new BudgetStop(1e-5, 4_000_000, 100_000, 105_000);
    assertThat(feed(s, t -> 0.3 + 0.1 * Math.sin(t), 4_000_000)).isEqualTo(205_000);
    assertThat(s.reason()).contains("did not fall");
  }

  @Test
  void neverStopsBeforeNotBeforePlusAWindowNorAtTheTarget() {
    assertThat(feed(new BudgetStop(1e-5, 100_000, 100_000, 105_000), t -> 0.3, 100_000)).isEqualTo(-1);
    assertThat(new BudgetStop(1e-5, 10, 1, 0).iterate(0, 1, W, 1e-6, Double.NaN)).isTrue();
  }
}
