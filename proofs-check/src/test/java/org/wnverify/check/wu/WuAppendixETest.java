package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Two findings of Wu et al. Appendix E pinned on known cases. The verdicts of the Appendix E
 * lemmas, their controls and their counterexamples are checked with every Wu claim in WuClaimsTest.
 */
class WuAppendixETest {
  /**
   * The finding behind wu/lemma-e.3 on a known case (A = [1, 0, 0], y = 1, w0 = [0.6, 0, 0.8], g0 = 0.5, gamma1 at
   * 0.9 of Theorem E.1's bound): the
   * printed identity misses exactly gamma (1 - ||A w_t||^2)(g_{t-1} ||v_{t-1}|| - g_t)^2 / g_t, a
   * term well above rounding while w_t is off the row space. (Counterexample replay is covered for
   * every Wu claim by WuClaimsTest.)
   */
  @Test
  void lemmaE3IdentityMissesExactlyTheDroppedTerm() {
    RpgdTrace tr = AppendixE1Lemmas.e1Run(new WuInstance(new double[][] {{1, 0, 0}}, new double[] {1},
        new double[] {0.6, 0, 0.8}, 0.5, 0.9));
    double largest = 0;
    for (int t = 1; t < tr.n; t++) {
      double[] printed = AppendixE1Lemmas.e3Sides(tr, t, 1, false);
      double a = tr.gv(t - 1);
      double dropped = tr.gamma[t] * tr.perp2[t] * (a - tr.g[t]) * (a - tr.g[t]) / tr.g[t];
      assertThat(printed[0] - printed[1]).as("t = " + t).isCloseTo(-dropped, org.assertj.core.api.Assertions.within(1e-12));
      largest = Math.max(largest, Math.abs(dropped));
    }
    assertThat(largest).isGreaterThan(1e-4);
  }

  /** Lemma E.10's printed bound (singular values) admits a larger g0 than its proof's (eigenvalues). */
  @Test
  void lemmaE10PrintedBoundIsLooserThanTheProofs() {
    WuInstance p = LemmasE10E11.spectral(new WuSampler(new java.util.SplittableRandom(3)), new double[] {1, 0.05}, 3, true,
        0.1, 1.0).withC(0.5);
    WuGeometry geo = WuGeometry.of(p);
    assertThat(LemmasE10E11.g0Bound(LemmasE10E11.Statement.E10, p, geo))
        .isGreaterThan(3 * LemmasE10E11.g0Bound(LemmasE10E11.Statement.E10_CORRECTED, p, geo));
  }
}
