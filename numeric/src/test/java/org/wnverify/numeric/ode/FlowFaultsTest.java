package org.wnverify.numeric.ode;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Faults during an integration become statuses, never exceptions or silent garbage: a finite-time
 * blow-up, a NaN from the vector field, and a singularity the step size cannot cross.
 */
class FlowFaultsTest {
  /** A one-dimensional synthetic system y' = f(y), y(0) = y0, with the loss y^2. */
  private record Scalar(double y0, UnaryOperator<Double> f) implements FlowSystem {
    @Override
    public double[] initialState() {
      return new double[] {y0};
    }

    @Override
    public double[] point(double[] state) {
      return state.clone();
    }

    @Override
    public double loss(double[] state) {
      return state[0] * state[0];
    }

    @Override
    public int getDimension() {
      return 1;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] yDot) {
      yDot[0] = f.apply(y[0]);
    }
  }

  @Test
  void finiteTimeBlowUpIsReported() {
    // y' = y^2, y(0) = 1 blows up at t = 1.
    IntegrationResult r = FlowIntegrator.integrate(new Scalar(1, y -> y * y), IntegrationSettings.of(1e-10, 2));
    // the blow-up guard fires first (at BLOW_UP_FACTOR (1 + |y0|)), well before t = 1 (mutation testing
    // showed that accepting any non-finished status let a broken guard pass)
    assertThat(r.status()).isEqualTo(IntegrationStatus.BLOW_UP);
    assertThat(r.status().reachedEnd()).isFalse();
    assertThat(r.finalTime()).isLessThanOrEqualTo(1.0 + 1e-6).isGreaterThan(0.9);
  }

  @Test
  void nanFromTheVectorFieldIsReported() {
    // y' = -sqrt(y) reaches y < 0 in finite time, where the field is NaN.
    IntegrationResult r = FlowIntegrator.integrate(new Scalar(1, y -> -Math.sqrt(y) - 1), IntegrationSettings.of(1e-10, 5));
    // the finite check turns the NaN into its own status; without it the run would merely stall
    assertThat(r.status()).isEqualTo(IntegrationStatus.NON_FINITE);
    assertThat(r.status().reachedEnd()).isFalse();
    assertThat(r.message()).contains("non-finite");
  }

  @Test
  void aSingularityTheStepCannotCrossIsReported() {
    // y' = -1/y from y = 1 hits y = 0 at t = 1/2 with an infinite derivative.
    IntegrationResult r = FlowIntegrator.integrate(new Scalar(1, y -> -1 / y), IntegrationSettings.of(1e-10, 2));
    assertThat(r.status().reachedEnd()).isFalse();
    assertThat(r.finalTime()).isLessThan(0.5 + 1e-6);
  }
}
