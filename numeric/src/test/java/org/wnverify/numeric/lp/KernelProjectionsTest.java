package org.wnverify.numeric.lp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.stiff.StiffFlowTest;

class KernelProjectionsTest {
  /** Gaussian 30 x 200: a positive kernel vector exists (Wendel: probability 1 - 1e-24); the simplex misses it. */
  @Test
  void certifiesAPositiveKernelVectorThatTheSimplexMisses() {
    DiagonalNetInstance p = StiffFlowTest.instance(7, 30, 200, 2, 1.0, 0.02);
    var v = PositiveKernelVector.find(p.a());
    assertThat(v).isPresent();
    assertThat(KernelProjections.inKernel(p.a(), v.get())).isTrue();
    assertThat(java.util.Arrays.stream(v.get()).min().getAsDouble()).isGreaterThanOrEqualTo(PositiveKernelVector.MIN_MARGIN);
  }

  /** A row of positive entries: A v = 0 has no positive solution, and none is certified. */
  @Test
  void certifiesNothingWhenNoneExists() {
    double[][] a = {{1, 2, 0.5, 1}, {1, -1, 2, 0}};
    assertThat(KernelProjections.find(a)).isEmpty();
  }
}
