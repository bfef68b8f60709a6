package org.wnverify.numeric.ode;

import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.exception.NumberIsTooSmallException;
import org.apache.commons.math3.ode.events.EventHandler;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.wnverify.numeric.linalg.Vectors;

/**
 * Integrates a {@link FlowSystem} with Commons Math's adaptive DormandPrince853 and reports blow-up,
 * non-finite values, step collapse and budget exhaustion as a status rather than an exception.
 */
public final class FlowIntegrator {
  /**
   * A state whose norm exceeds this multiple of (1 + ||y0||) counts as blown up: the flows of the
   * paper are non-increasing in loss, so bounded problems never come near it.
   */
  public static final double BLOW_UP_FACTOR = 1e8;
  /**
   * The smallest step, as a fraction of the end time: below ~1e-15 relative, t + h == t in
   * double precision, so a step controller asking for less has stalled.
   */
  public static final double STALL_FRACTION = 1e-15;

  private FlowIntegrator() {}

  public static IntegrationResult integrate(FlowSystem system, IntegrationSettings s) {
    return integrate(system, s, null);
  }

  /**
   * As {@link #integrate(FlowSystem, IntegrationSettings)}, also stopping (status STOPPED) when
   * {@code stop} of the state, positive at the start, crosses zero (e.g. r collapsing to 0).
   */
  public static IntegrationResult integrate(FlowSystem system, IntegrationSettings s,
      java.util.function.ToDoubleFunction<double[]> stop) {
    double[] y0 = system.initialState();
    double end = s.endTime();
    DormandPrince853Integrator integ = new DormandPrince853Integrator(
        STALL_FRACTION * end, end, s.absoluteTolerance(), s.relativeTolerance());
    integ.setMaxEvaluations(s.maxEvaluations());
    TrajectoryRecorder rec = new TrajectoryRecorder(s.sampleTimes(), s.recordSteps());
    integ.addStepHandler(rec);
    double limit = BLOW_UP_FACTOR * (1 + Vectors.norm(y0));
    StopEvent blowUp = new StopEvent(y -> limit - Vectors.norm(y));
    integ.addEventHandler(blowUp, end / 16, 1e-12 * end, 200);
    StopEvent converged = null;
    if (s.lossTarget() > 0) {
      double target = s.lossTarget();
      converged = new StopEvent(y -> system.loss(y) - target);
      integ.addEventHandler(converged, end / 16, 1e-12 * end, 200);
    }
    StopEvent custom = null;
    if (stop != null) {
      custom = new StopEvent(stop);
      integ.addEventHandler(custom, end / 16, 1e-12 * end, 200);
    }
    double[] y = y0.clone();
    IntegrationStatus status;
    String message;
    double tEnd;
    try {
      if (system.loss(y0) <= s.lossTarget()) {
        rec.init(0, y0, end);
        tEnd = 0;
        status = IntegrationStatus.CONVERGED;
        message = "initial loss already at target";
      } else {
        tEnd = integ.integrate(finiteChecked(system), 0.0, y0, end, y);
        if (blowUp.fired) {
          status = IntegrationStatus.BLOW_UP;
          message = "state norm exceeded " + limit + " at t = " + tEnd;
        } else if (custom != null && custom.fired) {
          status = IntegrationStatus.STOPPED;
          message = "stop condition met at t = " + tEnd;
        } else if (converged != null && converged.fired) {
          status = IntegrationStatus.CONVERGED;
          message = "loss reached " + s.lossTarget() + " at t = " + tEnd;
        } else {
          status = IntegrationStatus.COMPLETED;
          message = "reached t = " + tEnd;
        }
      }
    } catch (NonFiniteStateException e) {
      status = IntegrationStatus.NON_FINITE;
      message = e.getMessage();
      tEnd = rec.lastTime();
      y = rec.lastState();
    } catch (org.apache.commons.math3.exception.NoBracketingException e) {
      // An event function (loss, norm) evaluated to NaN on a state the step produced.
      status = IntegrationStatus.NON_FINITE;
      message = "event function not finite near t = " + rec.lastTime() + ": " + e.getMessage();
      tEnd = rec.lastTime();
      y = rec.lastState();
    } catch (NumberIsTooSmallException e) {
      status = IntegrationStatus.STALLED;
      message = "step size collapsed near t = " + rec.lastTime();
      tEnd = rec.lastTime();
      y = rec.lastState();
    } catch (MaxCountExceededException e) {
      status = IntegrationStatus.BUDGET_EXHAUSTED;
      message = "evaluation budget " + s.maxEvaluations() + " spent at t = " + rec.lastTime();
      tEnd = rec.lastTime();
      y = rec.lastState();
    }
    Trajectory traj = rec.trajectory();
    if (y == null) {
      y = y0.clone();
      tEnd = 0;
    }
    return new IntegrationResult(status, tEnd, y, integ.getEvaluations(), traj, message);
  }

  /**
   * Every system is integrated through this check, so that a NaN or infinity in any vector field
   * ends the run with status NON_FINITE instead of propagating into the step-size control.
   */
  private static org.apache.commons.math3.ode.FirstOrderDifferentialEquations finiteChecked(FlowSystem system) {
    return new org.apache.commons.math3.ode.FirstOrderDifferentialEquations() {
      @Override
      public int getDimension() {
        return system.getDimension();
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        system.computeDerivatives(t, y, yDot);
        NonFiniteStateException.check(t, y, yDot);
      }
    };
  }

  /** An event that stops the integration when g crosses zero and remembers that it fired. */
  private static final class StopEvent implements EventHandler {
    private final java.util.function.ToDoubleFunction<double[]> g;
    boolean fired;

    StopEvent(java.util.function.ToDoubleFunction<double[]> g) {
      this.g = g;
    }

    @Override
    public void init(double t0, double[] y0, double t) {
      fired = false;
    }

    @Override
    public double g(double t, double[] y) {
      return g.applyAsDouble(y);
    }

    @Override
    public Action eventOccurred(double t, double[] y, boolean increasing) {
      fired = true;
      return Action.STOP;
    }

    @Override
    public void resetState(double t, double[] y) {}
  }
}
