package org.wnverify.check.ewn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.network.Parameterization;

/**
 * The cache of runs shared by one audit's claims stays bounded however many instances a process
 * meets (a soak audits seed after seed in one JVM; the unbounded cache ran the 50-seed soak at
 * --samples 20 out of heap), and a run it returns is the one a fresh computation gives.
 */
class AsymptoticRunCacheTest {
  private static final double[] SHALLOW = {-1, -2};

  private static NetworkInstance variant(int k) {
    NetworkInstance base = DistinctNorms.instance(LossFunction.EXPONENTIAL);
    double[] w = base.initialWeights().clone();
    w[0] *= 1 + 1e-3 * k;
    return new NetworkInstance(base.architecture(), base.data(), w, base.loss());
  }

  @Test
  void holdsAtMostItsBoundAndRepeatsARunExactly() {
    AsymptoticRun first = AsymptoticRun.of(variant(0), Parameterization.EWN, AsymptoticClaim.LIN_SEP, SHALLOW, () -> false);
    for (int k = 1; k <= AsymptoticRun.CACHE_RUNS + 10; k++) {
      AsymptoticRun.of(variant(k), Parameterization.EWN, AsymptoticClaim.LIN_SEP, SHALLOW, () -> false);
    }
    assertThat(AsymptoticRun.cachedRuns()).isLessThanOrEqualTo(AsymptoticRun.CACHE_RUNS);
    AsymptoticRun again = AsymptoticRun.of(variant(0), Parameterization.EWN, AsymptoticClaim.LIN_SEP, SHALLOW, () -> false);
    assertThat(again).as("evicted, so recomputed").isNotSameAs(first);
    assertThat(again.run.last().logLoss()).isEqualTo(first.run.last().logLoss());
    assertThat(again.run.last().theta()).containsExactly(first.run.last().theta());
  }
}
