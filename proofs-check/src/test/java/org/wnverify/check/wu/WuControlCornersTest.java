package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Issue 19: two Wu controls that selftest left undecided or that survived. "restart with c = 0" of
 * Theorem 2.6 Part II was undecided on seed 5 (a flow restarted at its own limit starts below the
 * speed floor, so the stop never fired and the run was refused as still moving); "second T with
 * max{delta, c} in place of min" of Theorem 2.7 survived on seed 17 (no draw with c far below delta);
 * "T1 with log(1 + 4 delta)" of Proposition 3.3 survived on seed 10 (no draw with a large ||w0_perp||
 * at the contraction g* / g0 = 2.5 of orthogonal A at the bound).
 */
class WuControlCornersTest {
  private static final WuInstance RATE_ONE = new WuInstance(new double[][] {{1, 0, 0}, {0, 1, 0}},
      new double[] {1, 2}, Vectors.scale(1 / Math.sqrt(3), new double[] {1, 1, 1}), 1.0, 0.0);

  @Test
  void aFlowRestartedAtItsLimitIsAtRestThere() {
    WuLimit lim = Theorem26PartII.limit(RATE_ONE);
    assertThat(lim.ok()).as(lim.message()).isTrue();
    double[] w = WuFlow.w(lim.state());
    WuInstance restart = RATE_ONE.withW0(Vectors.scale(1 / Vectors.norm(w), w));
    WuLimit again = Theorem26PartII.limit(restart);
    assertThat(again.ok()).as(again.message()).isTrue();
    assertThat(again.message()).contains("at rest from the start");
    assertThat(again.time()).isZero();
    assertThat(Vectors.distance(again.state(), lim.state())).isLessThan(lim.uncertainty() + again.uncertainty() + 1e-12);
    assertThat(again.uncertainty()).isLessThan(Theorem26PartII.AGREE);
  }

  @Test
  void aFlowThatIsNotAtRestIsStillIntegrated() {
    WuLimit lim = WuLimit.of(WuFlow.of(RATE_ONE));
    assertThat(lim.ok()).isTrue();
    assertThat(lim.time()).isPositive();
    assertThat(lim.message()).doesNotContain("at rest");
  }

  @Test
  void restartWithCZeroIsRejectedOnSeedFiveAndTheRestartStatementHolds() {
    Theorem26PartII claim = new Theorem26PartII(Theorem26PartII.Mode.RESTART, false);
    CheckContext ctx = CheckContext.of(5, 6);
    WuSample first = claim.draw(ctx, 6).get(0);
    PerInstanceClaim.Judged j = claim.judge(ctx, first.instance());
    assertThat(j.result).as(j.detail).isEqualTo(PerInstanceClaim.Result.HOLDS);
    assertThat(j.controls.get("restart with c = 0 (g not turned on)")).as(j.controlDetail.toString())
        .isEqualTo(ControlTally.Result.REJECTED);
  }

  @Test
  void theSlowGCornerRefutesMaxDeltaCByItsComputedBoundAndMeetsThePrintedT() {
    for (long seed = 1; seed <= 3; seed++) {
      WuInstance q = Theorem27Times.slowGCorner(new WuSampler(new SplittableRandom(seed)));
      WuGeometry geo = WuGeometry.of(q);
      double delta = WuClosedForms.theorem27Delta(q, geo);
      assertThat(delta).isPositive();
      assertThat(q.c()).isLessThan(delta);
      double f0 = WuObjective.of(q).f(q.w0(), q.g0());
      double eps = Theorem27Times.EPS_FACTOR * f0;
      double lower = (geo.gStar() - Math.sqrt(2 * eps / geo.lambdaMin()) - Math.abs(q.g0()))
          / (q.c() * Math.sqrt(2 * geo.lambdaMax() * f0));
      assertThat(lower).isGreaterThanOrEqualTo(Theorem27Times.SLOW_G_MARGIN * Theorem27Times.maxSecondTime(q, geo, eps, delta)
          * (1 - 1e-12));
      PerInstanceClaim.Judged j = new Theorem27Times().judge(CheckContext.of(1, 6), q);
      assertThat(j.result).as(j.detail).isEqualTo(PerInstanceClaim.Result.HOLDS);
      assertThat(j.controls.get("second T with max{delta, c} in place of min")).isEqualTo(ControlTally.Result.REJECTED);
    }
  }

  @Test
  void theSlowContractionCornerRefutesTheFourfoldRateByTheExactRecursionAndMeetsT1() {
    for (long seed = 1; seed <= 3; seed++) {
      WuInstance q = Proposition33.slowContraction(new WuSampler(new SplittableRandom(seed)));
      WuGeometry geo = WuGeometry.of(q);
      assertThat(Vectors.norm(geo.perp(q.w0()))).isCloseTo(Proposition33.SLOW_PERP, org.assertj.core.data.Offset.offset(1e-12));
      double r = geo.gStar() / q.g0();
      assertThat(r).isCloseTo(2 + Proposition33.DELTA, org.assertj.core.data.Offset.offset(1e-9));
      int k = (int) Math.ceil(Math.log(Proposition33.SLOW_PERP / Proposition33.EPS) / Math.log1p(4 * Proposition33.DELTA));
      assertThat(k).isEqualTo(6);
      // 1/p_k^2 = r^(2k)/p0^2 + (r^(2k) - 1)/(r^2 - 1): the closed form of p' = p / sqrt(p^2 + r^2)
      double r2k = Math.pow(r, 2 * k);
      double pk = 1 / Math.sqrt(r2k / (Proposition33.SLOW_PERP * Proposition33.SLOW_PERP) + (r2k - 1) / (r * r - 1));
      assertThat(pk).isGreaterThan(2 * Proposition33.EPS);
      double[] trace = Proposition33.perpTrace(q, k);
      assertThat(trace[k]).isCloseTo(pk, org.assertj.core.data.Offset.offset(1e-9));
      PerInstanceClaim.Judged j = new Proposition33(false).judge(CheckContext.of(1, 6), q);
      assertThat(j.result).as(j.detail).isEqualTo(PerInstanceClaim.Result.HOLDS);
      assertThat(j.controls.get("T1 with log(1 + 4 delta) (a rate four times the printed one)"))
          .isEqualTo(ControlTally.Result.REJECTED);
    }
  }
}
