package org.wnverify.numeric.ode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.problem.DiagonalNetInstance;

class FlowIntegratorTest {
  // L = 1, A = [1], b = [1]: GF is x' = -(x - 1), x(t) = 1 + (x0 - 1) e^{-t}
  private static final DiagonalNetInstance LINEAR =
      new DiagonalNetInstance(new double[][] {{1}}, new double[] {1}, 1, 3.0, new double[] {1}, 1.0);

  @Test
  void gradientFlowMatchesClosedForm() {
    IntegrationResult r = FlowIntegrator.integrate(new GradientFlowOde(LINEAR),
        IntegrationSettings.of(1e-12, 2.0).withSamples(new double[] {0.5, 1.0}));
    assertThat(r.status()).isEqualTo(IntegrationStatus.COMPLETED);
    assertThat(r.trajectory().state(1)[0]).isCloseTo(1 + 2 * Math.exp(-1.0), within(1e-10));
    assertThat(r.finalState()[0]).isCloseTo(1 + 2 * Math.exp(-2.0), within(1e-10));
  }

  @Test
  void lossTargetStopsWithConverged() {
    IntegrationResult r = FlowIntegrator.integrate(new GradientFlowOde(LINEAR),
        IntegrationSettings.of(1e-10, 100).withLossTarget(1e-12));
    assertThat(r.status()).isEqualTo(IntegrationStatus.CONVERGED);
    assertThat(r.finalTime()).isLessThan(100);
  }

  @Test
  void budgetIsAStatusNotAnException() {
    IntegrationResult r = FlowIntegrator.integrate(new GradientFlowOde(LINEAR),
        IntegrationSettings.of(1e-12, 1e3).withBudget(50));
    assertThat(r.status()).isEqualTo(IntegrationStatus.BUDGET_EXHAUSTED);
  }

  @Test
  void wnFlowKeepsNormOfU() {
    DiagonalNetInstance p = new DiagonalNetInstance(new double[][] {{1, -1}}, new double[] {1}, 2, 0.5,
        new double[] {0.8, 0.6}, 1.0);
    IntegrationResult r = FlowIntegrator.integrate(new WnFlowOde(p, LearningRate.CONSTANT), IntegrationSettings.of(1e-12, 5));
    double[] y = r.finalState();
    assertThat(Math.hypot(y[1], y[2])).isCloseTo(1.0, within(1e-9));
  }
}
