package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Issue 19: Proposition 3.3's control "a rate four times the printed one" survived seed 10, where
 * the random w0 of every instance had so small a ||w0_perp|| that the control's iteration count
 * rounded up to where the true rate reaches eps. The corner with A A^T = I, g0 at the bound and
 * ||w0_perp|| = 1/2 follows p -> p/sqrt(p^2 + (g* / g0)^2) exactly and tells the two rates apart.
 */
class Proposition33FastRateCornerTest {
  private static final WuInstance ORTHOGONAL = new WuInstance(new double[][] {{0.6, 0.8, 0}, {0, 0, 1}},
      new double[] {1.5, -0.5}, Vectors.scale(1 / Math.sqrt(3), new double[] {1, 1, 1}), 1, 0);

  @Test
  void theCornerMeetsThePrintedRateAndRejectsTheFourTimesFasterOne() {
    WuInstance p = WuSampler.withPerpNorm(Proposition33.scaled(ORTHOGONAL, 1.0), new double[] {1, 1, 1},
        Proposition33.FAST_RATE_PERP);
    WuGeometry geo = WuGeometry.of(p);
    assertThat(Vectors.norm(p.w0())).isCloseTo(1, offset(1e-15));
    assertThat(Vectors.norm(geo.perp(p.w0()))).isCloseTo(0.5, offset(1e-15));
    double[] perp = Proposition33.perpTrace(p, 16);
    // the printed T1 = ceil(log(500)/log 1.5) = 16 reaches eps; log 3 in its place gives 6, which does not
    assertThat(perp[16]).isLessThan(Proposition33.EPS);
    assertThat(perp[6]).isGreaterThan(1.5 * Proposition33.EPS);
    // the closed form of the orthogonal case, step by step
    double q = 0.5;
    double ratio = geo.gStar() / p.g0();
    for (int t = 1; t <= 6; t++) {
      q = q / Math.sqrt(q * q + ratio * ratio);
      assertThat(perp[t]).isCloseTo(q, offset(1e-12));
    }
  }
}
