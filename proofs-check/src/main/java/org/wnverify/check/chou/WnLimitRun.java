package org.wnverify.check.chou;

import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.IntegrationStatus;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.Loss;

/**
 * The WN flow with (eta_r, eta_u) = (eta, 1) run towards its limit, classified as CONVERGED (loss
 * fell to {@link #LOSS_FACTOR} of its start), COLLAPSED (r fell to {@link #COLLAPSE} of r0 while
 * the loss stayed at the loss of the stationary point x = 0) or UNRESOLVED.
 */
final class WnLimitRun {
  /** Tolerance of limit runs (relative; entries never cross zero). */
  static final double TOLERANCE = 1e-11;
  /** Converged: loss at most 1e-16 of the initial loss, i.e. residual 1e-8 of its start. */
  static final double LOSS_FACTOR = 1e-16;
  /** Collapsed: r(t) <= 1e-8 r0, i.e. x within 1e-8 r0 of the stationary point 0. */
  static final double COLLAPSE = 1e-8;
  /** Longest horizon. */
  static final double MAX_TIME = 1e5;
  /** Evaluation budget per run (~0.3 s). */
  static final int BUDGET = 1_000_000;

  enum Kind { CONVERGED, COLLAPSED, UNRESOLVED }

  final DiagonalNetInstance instance;
  final IntegrationResult result;
  final Kind kind;
  final double loss0;
  final double lossEnd;
  final double lossAtZero;

  private WnLimitRun(DiagonalNetInstance p, IntegrationResult r) {
    this.instance = p;
    this.result = r;
    WnFlowOde ode = new WnFlowOde(p, LearningRate.CONSTANT);
    this.loss0 = ode.loss(ode.initialState());
    this.lossEnd = ode.loss(r.finalState());
    this.lossAtZero = Vectors.dot(p.b(), p.b()) / (2.0 * p.depth());
    if (r.status() == IntegrationStatus.CONVERGED) {
      kind = Kind.CONVERGED;
    } else if (r.status() == IntegrationStatus.STOPPED && lossEnd >= (1 - 1e-6) * lossAtZero) {
      kind = Kind.COLLAPSED;
    } else {
      kind = Kind.UNRESOLVED;
    }
  }

  static WnLimitRun of(DiagonalNetInstance p) {
    WnFlowOde ode = new WnFlowOde(p, LearningRate.CONSTANT);
    double l0 = ode.loss(ode.initialState());
    IntegrationSettings s = IntegrationSettings.of(TOLERANCE, MAX_TIME).withAbsoluteTolerance(0.0)
        .withLossTarget(l0 * LOSS_FACTOR).withRecordSteps(true).withBudget(BUDGET);
    if (StiffPath.selected(p)) {
      // the same run in (r, log u) by RODAS4, mapped back to (r, u): see StiffPath
      return new WnLimitRun(p, StiffPath.toRU(StiffPath.integrate(new org.wnverify.numeric.stiff.LogWnFlow(p,
          LearningRate.CONSTANT), s, WnRuns.collapse(p, COLLAPSE))));
    }
    return new WnLimitRun(p, FlowIntegrator.integrate(ode, s, WnRuns.collapse(p, COLLAPSE)));
  }

  Trajectory trajectory() {
    return result.trajectory();
  }

  /** x~ = x^L at recorded index k. */
  double[] xTilde(int k) {
    return Vectors.pow(Loss.wnPoint(trajectory().state(k)), instance.depth());
  }

  double[] xTildeEnd() {
    return Vectors.pow(Loss.wnPoint(result.finalState()), instance.depth());
  }

  double loss(int k) {
    return Loss.value(instance, Loss.wnPoint(trajectory().state(k)));
  }

  String describe() {
    return String.format(java.util.Locale.ROOT, "%s at t=%.4g (%s; loss %.3e -> %.3e, loss at x=0 %.3e, r %.3e -> %.3e)",
        kind, result.finalTime(), result.status(), loss0, lossEnd, lossAtZero, instance.r0(), result.finalState()[0]);
  }
}
