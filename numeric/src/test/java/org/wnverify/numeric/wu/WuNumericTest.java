package org.wnverify.numeric.wu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.problem.InvalidInstanceException;

class WuNumericTest {
  /** The two-dimensional example after Theorem 2.7: A = [1, 0], y = 1, w0 = [0, 1], c = 1. */
  private static WuInstance example(double g0) {
    return new WuInstance(new double[][] {{1, 0}}, new double[] {1}, new double[] {0, 1}, g0, 1.0);
  }

  @Test
  void geometryOfTheExample() {
    WuGeometry geo = WuGeometry.of(example(0.5));
    assertThat(geo.xStar()).containsExactly(new double[] {1, 0}, within(1e-15));
    assertThat(geo.gStar()).isCloseTo(1.0, within(1e-15));
    assertThat(geo.perp(new double[] {0.3, 0.7})).containsExactly(new double[] {0, 0.7}, within(1e-15));
    assertThat(geo.lambdaMin()).isCloseTo(1.0, within(1e-14));
    assertThat(geo.orthogonalityDefect()).isZero();
  }

  @Test
  void gradientsMatchFiniteDifferences() {
    WuInstance p = new WuInstance(new double[][] {{1, 2, -1}, {0.5, -1, 3}}, new double[] {0.4, -1.2},
        new double[] {0.6, -0.3, 0.9}, 1.3, 0.7);
    WuObjective obj = WuObjective.of(p);
    double[] w = p.w0();
    double g = p.g0();
    double h = 1e-6;
    for (int k = 0; k < 3; k++) {
      double[] wp = w.clone();
      double[] wm = w.clone();
      wp[k] += h;
      wm[k] -= h;
      assertThat(obj.gradWf(w, g)[k]).isCloseTo((obj.f(wp, g) - obj.f(wm, g)) / (2 * h), within(1e-7));
      assertThat(obj.gradWh(w, g)[k]).isCloseTo((obj.h(wp, g) - obj.h(wm, g)) / (2 * h), within(1e-7));
    }
    assertThat(obj.gradGf(w, g)).isCloseTo((obj.f(w, g + h) - obj.f(w, g - h)) / (2 * h), within(1e-7));
    assertThat(obj.gradGh(w, g)).isCloseTo((obj.h(w, g + h) - obj.h(w, g - h)) / (2 * h), within(1e-7));
  }

  @Test
  void rpgdKeepsUnitNormAndWnMatchesFormula() {
    WuInstance p = example(0.5);
    WuObjective obj = WuObjective.of(p);
    DiscreteRun r = WuAlgorithms.rpgd(obj, 0.5, new double[] {0.6, 0.8}, StepSchedule.condition21(0.01, 1), 10, 0,
        (t, g, w, l, v) -> {
          assertThat(Vectors.norm(w)).isCloseTo(1.0, within(1e-14));
          return true;
        });
    assertThat(r.iterations()).isEqualTo(10);
    // One WN step by hand: w1 = w0 - eta grad_w h, g1 = g0 - c eta grad_g h.
    double[] w0 = {0.6, 0.8};
    double[] out = new double[3];
    WuAlgorithms.wn(obj, 0.5, w0, StepSchedule.condition21(0.1, 2), 1, 0, (t, g, w, l, v) -> {
      if (t == 1) {
        out[0] = g;
        out[1] = w[0];
        out[2] = w[1];
      }
      return true;
    });
    double res = 0.5 * 0.6 - 1; // A g w - y
    assertThat(out[0]).isCloseTo(0.5 - 0.2 * 0.6 * res, within(1e-15));
    // grad_w h = g P_w A^T r with A^T r = [res, 0]
    double[] pw = WuObjective.projectOff(w0, new double[] {res, 0});
    assertThat(out[1]).isCloseTo(0.6 - 0.1 * 0.5 * pw[0], within(1e-15));
    assertThat(out[2]).isCloseTo(0.8 - 0.1 * 0.5 * pw[1], within(1e-15));
  }

  @Test
  void condition31FreezesAndSwitches() {
    StepSchedule s = StepSchedule.condition31(0.0, 0.25, 3);
    assertThat(s.eta(0, 0.5, null)).isEqualTo(4.0);
    assertThat(s.gamma(3, 1, null)).isZero();
    assertThat(s.gamma(4, 1, null)).isEqualTo(0.25);
    StepSchedule e1 = StepSchedule.theoremE1(0.1, 0.25, 3);
    assertThat(e1.gamma(0, 1, null)).isZero();
    assertThat(e1.gamma(2, 1, null)).isEqualTo(0.1);
    assertThat(e1.gamma(3, 1, null)).isEqualTo(0.25);
  }

  @Test
  void flowOfTheExampleReachesTheInvariantLimitNotThePrintedOne() {
    WuInstance p = example(0.5);
    WuGeometry geo = WuGeometry.of(p);
    IntegrationResult r = FlowIntegrator.integrate(WuFlow.of(p), IntegrationSettings.of(1e-11, 400).withLossTarget(1e-24));
    assertThat(r.reachedEnd()).isTrue();
    double[] x = WuFlow.of(p).point(r.finalState());
    double gInf = r.finalState()[0];
    // The invariant's limit with the scale the flow reaches:
    assertThat(x).containsExactly(WuClosedForms.limitWithScale(p, geo, gInf), within(1e-6));
    assertThat(gInf).isCloseTo(WuClosedForms.limitScale(p, geo), within(1e-6));
    // (7) / the example's closed form [1, exp((g0^2 - 1)/2)] put g* = 1 where g_inf > 1 belongs.
    assertThat(gInf).isGreaterThan(1.05);
    assertThat(Math.abs(x[1] - WuClosedForms.example2d(0.5)[1])).isGreaterThan(1e-2);
    // ||w|| stays 1 along the corrected flow.
    assertThat(Vectors.norm(WuFlow.w(r.finalState()))).isCloseTo(1.0, within(1e-8));
  }

  @Test
  void instanceRejectsBadInput() {
    assertThatThrownBy(() -> new WuInstance(new double[][] {{1, 0}}, new double[] {1, 2}, new double[] {0, 1}, 1, 1))
        .isInstanceOf(InvalidInstanceException.class).hasMessageStartingWith("y:");
    assertThatThrownBy(() -> new WuInstance(new double[][] {{1, 0}}, new double[] {1}, new double[] {0, 0}, 1, 1))
        .hasMessageStartingWith("w0:");
    assertThatThrownBy(() -> new WuInstance(new double[][] {{1, 0}}, new double[] {1}, new double[] {0, 1}, 1, -1))
        .hasMessageStartingWith("c:");
    assertThatThrownBy(() -> new WuInstance(new double[][] {{1}, {2}}, new double[] {1, 1}, new double[] {1}, 1, 1))
        .hasMessageStartingWith("A:");
    assertThatThrownBy(() -> new WuInstance(new double[][] {{1, Double.NaN}}, new double[] {1}, new double[] {0, 1}, 1, 1))
        .hasMessageStartingWith("A[0]:");
  }

  @Test
  void theoremE7CountsForAKnownCase() {
    WuInstance p = new WuInstance(new double[][] {{1, 0, 0}}, new double[] {2}, new double[] {0.6, 0, 0.8}, 1.0, 0);
    WuGeometry geo = WuGeometry.of(p);
    WuClosedForms.TheoremE7 e7 = WuClosedForms.theoremE7(p, geo, 0.1, 0.2);
    assertThat(e7.t1()).isCloseTo(Math.log(100) / Math.log(4), within(1e-12));
    assertThat(e7.gammaBound()).isCloseTo(1.0 / (0.99 + 0.02), within(1e-12));
  }
}
