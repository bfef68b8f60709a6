package org.wnverify.numeric.fast;

/**
 * WN gradient descent with a constant step, (r, u) &lt;- (r, u) + h F(r, u), F the WN flow field
 * of {@link FastWnFlow} (the method DiscreteDescent runs with a constant step rule, without its
 * per-step loss evaluation, trace and checkpoints): one fused pass over A per step, no allocation
 * in the loop. For the benchmark W2 in {@code bench/}.
 */
public final class FastDescent {
  private FastDescent() {}

  /** Runs {@code steps} steps from {@code state} (overwritten with the end state); returns the final loss. */
  public static double run(FastWnFlow flow, double[] state, double h, long steps) {
    int len = state.length;
    double[] d = new double[len];
    for (long it = 0; it < steps; it++) {
      flow.computeDerivatives(0, state, d);
      for (int j = 0; j < len; j++) {
        state[j] += h * d[j];
      }
    }
    return flow.loss(state);
  }
}
