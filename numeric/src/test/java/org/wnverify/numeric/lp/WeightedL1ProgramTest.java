package org.wnverify.numeric.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightedL1ProgramTest {
  @Test
  void weightedMinimumPicksCheapestCoordinate() {
    LpResult r = WeightedL1Program.minimise(new double[][] {{1, 1}}, new double[] {2}, new double[] {3, 1});
    assertThat(r.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(r.value()).isCloseTo(2.0, within(1e-9));
    assertThat(r.point()[1]).isCloseTo(2.0, within(1e-9));
  }

  @Test
  void emptySPlusIsInfeasible() {
    assertThat(WeightedL1Program.minimise(new double[][] {{1, 1}}, new double[] {-1}, new double[] {1, 1}).status())
        .isEqualTo(LpStatus.INFEASIBLE);
  }

  @Test
  void positiveKernelVectorDetected() {
    assertThat(PositiveKernelVector.find(new double[][] {{1, -1}})).isPresent();
    assertThat(PositiveKernelVector.find(new double[][] {{1, 1}})).isEmpty();
  }
}
