package org.wnverify.check.wu;

import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;

/** Small helpers around the WN flow of Wu et al. used by several claims. */
final class WuFlows {
  /** Reference tolerance of flow runs the claims compare against. */
  static final double REFERENCE_TOL = 1e-12;
  /** The looser run whose distance from the reference is the measured noise floor. */
  static final double NOISE_TOL = 1e-10;

  private WuFlows() {}

  /** A flow with dw/dt negated (a negative control: "sign of dw/dt flipped"). */
  static FlowSystem wSignFlipped(FlowSystem f) {
    return new FlowSystem() {
      @Override
      public int getDimension() {
        return f.getDimension();
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        f.computeDerivatives(t, y, yDot);
        for (int k = 1; k < yDot.length; k++) {
          yDot[k] = -yDot[k];
        }
      }

      @Override
      public double[] initialState() {
        return f.initialState();
      }

      @Override
      public double[] point(double[] state) {
        return f.point(state);
      }

      @Override
      public double loss(double[] state) {
        return f.loss(state);
      }
    };
  }

  /** The state at time t at tolerance tol (null if the run did not reach t). */
  static double[] stateAt(FlowSystem f, double t, double tol) {
    IntegrationResult r = FlowIntegrator.integrate(f, IntegrationSettings.of(tol, t));
    return r.reachedEnd() ? r.finalState() : null;
  }
}
