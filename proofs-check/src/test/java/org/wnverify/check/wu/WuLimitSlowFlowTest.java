package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Issue 21: Theorem 2.6 Part II (corrected) was VIOLATED on seeds 21 and 22 by a c = 0 flow with
 * g0 = 4e-4 < g* = 6e-4 whose slowest rate is 2e-8: stopped at t = 1e5 it was 0.9 from its limit,
 * with an uncertainty of 0.03. The shrunk instance of that report.
 */
class WuLimitSlowFlowTest {
  private static final WuInstance SLOW = new WuInstance(new double[][] {{-0.4, -0.3}}, new double[] {-0.0003},
      new double[] {-0.8741572761215378, 0.4856429311786321}, 0.0004, 0.0);

  @Test
  void aFlowStillMovingAtTheDefaultHorizonHasNoLimit() {
    WuLimit lim = WuLimit.of(WuFlow.of(SLOW));
    assertThat(lim.ok()).as(lim.message()).isFalse();
    assertThat(lim.message()).contains("still moving");
  }

  @Test
  void runForItsOwnTimeScaleTheFlowReachesTheRowSpaceMinimiser() {
    WuLimit lim = Theorem26PartII.limit(SLOW);
    assertThat(lim.ok()).as(lim.message()).isTrue();
    WuGeometry geo = WuGeometry.of(SLOW);
    double[] w = WuFlow.w(lim.state());
    assertThat(Vectors.norm(geo.perp(w)) + lim.uncertainty()).isLessThan(Theorem26PartII.AGREE);
    assertThat(Vectors.distance(w, geo.wStar())).isLessThan(1e-6);
  }

  @Test
  void aFlowOfRateOneIsRunAsBefore() {
    WuInstance q = new WuInstance(new double[][] {{1, 0, 0}, {0, 1, 0}}, new double[] {1, 2},
        Vectors.scale(1 / Math.sqrt(3), new double[] {1, 1, 1}), 1.0, 0.0);
    WuLimit a = WuLimit.of(WuFlow.of(q));
    WuLimit b = WuLimit.of(WuFlow.of(q), 1, 1);
    assertThat(a.ok()).isTrue();
    assertThat(b.state()).containsExactly(a.state());
    assertThat(b.uncertainty()).isEqualTo(a.uncertainty());
  }
}
