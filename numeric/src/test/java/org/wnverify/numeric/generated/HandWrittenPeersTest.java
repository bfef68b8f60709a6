package org.wnverify.numeric.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The benchmark's hand-written peers compute what the emitted kernels compute (no timing here). */
class HandWrittenPeersTest {
  @Test
  void peersAgreeWithTheEmittedKernels() {
    SplittableRandom r = new SplittableRandom(5);
    for (int depth = 1; depth <= 4; depth++) {
      int m = 3;
      int n = 7;
      double[] a = new double[m * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextDouble() - 0.5;
      }
      double[] b = {0.3, -0.2, 0.1};
      double[] state = new double[n + 1];
      for (int i = 0; i < state.length; i++) {
        state[i] = 0.2 + r.nextDouble();
      }
      double[] x = java.util.Arrays.copyOfRange(state, 1, n + 1);
      double[] g1 = new double[n];
      double[] g2 = new double[n];
      GradientFlowKernel.lossGradient(a, m, n, b, depth, x, g1);
      HandWrittenPeers.lossGradient(a, m, n, b, depth, x, g2);
      double[] o1 = new double[n + 1];
      double[] o2 = new double[n + 1];
      WnFlowKernel.derivative(a, m, n, b, depth, 0.7, 1.0, state, o1);
      HandWrittenPeers.wnDerivative(a, m, n, b, depth, 0.7, 1.0, state, o2);
      for (int k = 0; k < n; k++) {
        assertThat(g1[k]).isCloseTo(g2[k], within(1e-12 * (1 + Math.abs(g2[k]))));
      }
      for (int k = 0; k <= n; k++) {
        assertThat(o1[k]).isCloseTo(o2[k], within(1e-12 * (1 + Math.abs(o2[k]))));
      }
    }
  }
}
