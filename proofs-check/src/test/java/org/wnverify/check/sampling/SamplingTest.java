package org.wnverify.check.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;

class SamplingTest {
  @Test
  void sampledInstancesSatisfyTheorem22Hypotheses() {
    ChouSampler s = ChouSampler.standard(new SplittableRandom(7), 2, 3, 4);
    for (int k = 0; k < 12; k++) {
      GeneratedInstance g = s.next();
      assertThat(ChouHypotheses.allUnmet(ChouHypotheses.theorem22(), g.instance())).as(g.label()).isEmpty();
    }
  }

  @Test
  void shrinkerKeepsFailingAndSimplifies() {
    DiagonalNetInstance start = new DiagonalNetInstance(new double[][] {{1.234567, -0.987654, 0.5}, {0.3, 0.2, -0.61}},
        new double[] {0.7, -0.2}, 3, 0.123456, new double[] {0.5, 0.5, Math.sqrt(0.5)}, 2.345);
    Shrinker.Result r = Shrinker.shrink(start, p -> p.r0() < 0.2, () -> { }, 200);
    assertThat(r.instance().r0()).isLessThan(0.2);
    assertThat(r.instance().rows()).isEqualTo(1);
    assertThat(r.instance().columns()).isEqualTo(2);
    assertThat(r.instance().depth()).isEqualTo(2);
  }
}
