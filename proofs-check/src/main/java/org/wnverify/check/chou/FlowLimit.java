package org.wnverify.check.chou;

import java.util.Locale;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.GradientFlowOde;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.IntegrationStatus;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.stiff.LogGradientFlow;
import org.wnverify.numeric.stiff.LogWnFlow;

/**
 * A flow of the paper (GF (11), or the WN flow (13)-(14) with (eta_r, eta_u) = (eta, 1) or
 * (r^2, 1)) run towards its limit and classified:
 *
 * <ul>
 *   <li>CONVERGED: the loss fell to {@link #LOSS_FACTOR} of its start (residual 1e-8 of its
 *       start); how converged the limit is, is {@link #windowChange()}: the change of x~ = x^L over
 *       the last half [T/2, T] of the run;
 *   <li>COLLAPSED (WN only): r fell to {@link #COLLAPSE} of r0 (or, for the slow collapse at
 *       L >= 3, to {@link #SLOW_COLLAPSE} of r0 decaying like t^(-1/(L-2))) while the loss stayed
 *       at the loss ||b||^2/(2L) of the stationary point x = 0;
 *   <li>UNRESOLVED: neither within {@link #MAX_TIME} and {@link #BUDGET} evaluations; such a run
 *       decides nothing and is reported with how far it got.
 * </ul>
 */
final class FlowLimit {
  /** Relative tolerance; entries shrink towards a sparse limit, so error control is relative. */
  static final double TOLERANCE = 1e-11;
  /**
   * Absolute tolerance: not 0, which makes the step control divide 0 by 0 on an entry that is
   * exactly 0 (a face of the orthant, which the flow never leaves), but far below any entry the
   * relative control has to resolve.
   */
  static final double ABSOLUTE_FLOOR = 1e-300;
  /** Converged: loss at most 1e-16 of the initial loss, i.e. residual 1e-8 of its start. */
  static final double LOSS_FACTOR = 1e-16;
  /** Collapsed: r(t) <= 1e-8 r0, i.e. x within 1e-8 r0 of the stationary point 0. */
  static final double COLLAPSE = 1e-8;
  /**
   * Collapsed also needs the loss within this relative distance of ||b||^2/(2L): at r = 1e-8 r0
   * the loss differs from it by O(r^L) = O(1e-16).
   */
  static final double COLLAPSE_LOSS_MATCH = 1e-6;
  /**
   * Slow collapse (L >= 3, where r decays like t^(-1/(L-2)) rather than exponentially: near x = 0,
   * d/dt r ~ eta r^(L-1) sum_n (A^T b)_n u_n^L): a WN run that did not converge counts as COLLAPSED
   * when r(T) <= 1e-2 r0, the loss matches ||b||^2/(2L) within {@link #COLLAPSE_LOSS_MATCH}, and
   * over the last three time doublings r fell by 2^(1/(L-2)) each time within
   * {@link #SLOW_COLLAPSE_SHAPE}: the asymptotics of the flow into the saddle 0.
   */
  static final double SLOW_COLLAPSE = 1e-2;
  /** Relative tolerance on the per-doubling decay factor 2^(1/(L-2)) of a slow collapse. */
  static final double SLOW_COLLAPSE_SHAPE = 0.1;

  /**
   * Longest horizon: flows near a saddle or with small entries converge on time scales up to ~1e6;
   * the evaluation budget, not the horizon, bounds the cost.
   */
  static final double MAX_TIME = 1e7;
  /** Evaluation budget per run (~1 s for N <= 6; most runs need a few thousand). */
  static final int BUDGET = 2_000_000;

  enum Kind { CONVERGED, COLLAPSED, UNRESOLVED }

  final DiagonalNetInstance instance;
  final FlowSystem system;
  /** "GF", "WN (eta, 1)" or "WN (r^2, 1)". */
  final String flow;
  final IntegrationResult result;
  final Kind kind;
  final double loss0;
  final double lossEnd;
  final double lossAtZero;

  private FlowLimit(DiagonalNetInstance p, FlowSystem sys, String flow, IntegrationResult r) {
    this.instance = p;
    this.system = sys;
    this.flow = flow;
    this.result = r;
    this.loss0 = sys.loss(sys.initialState());
    this.lossEnd = sys.loss(r.finalState());
    this.lossAtZero = Vectors.dot(p.b(), p.b()) / (2.0 * p.depth());
    if (r.status() == IntegrationStatus.CONVERGED) {
      kind = Kind.CONVERGED;
    } else if ((sys instanceof WnFlowOde || sys instanceof LogWnFlow) && p.depth() >= 2 && Math.abs(lossEnd - lossAtZero) <= COLLAPSE_LOSS_MATCH * lossAtZero
        && (r.status() == IntegrationStatus.STOPPED || slowCollapse(p, r))) {
      kind = Kind.COLLAPSED;
    } else {
      kind = Kind.UNRESOLVED;
    }
  }

  private static boolean slowCollapse(DiagonalNetInstance p, IntegrationResult r) {
    Trajectory tr = r.trajectory();
    double t = r.finalTime();
    double later = r.finalState()[0];
    if (p.depth() < 3 || !(later <= SLOW_COLLAPSE * p.r0()) || tr.size() == 0) {
      return false;
    }
    double factor = Math.pow(2, 1.0 / (p.depth() - 2));
    for (int j = 1; j <= 3; j++) {
      double earlier = tr.state(tr.indexNear(t / (1 << j)))[0];
      if (!(Math.abs(earlier / later / factor - 1) <= SLOW_COLLAPSE_SHAPE)) {
        return false;
      }
      later = earlier;
    }
    return true;
  }

  /** Gradient flow (11) from x0. */
  static FlowLimit gf(DiagonalNetInstance p) {
    return gf(p, MAX_TIME);
  }

  /** Gradient flow (11) of the instance's problem from another start. */
  static FlowLimit gf(DiagonalNetInstance p, double[] start) {
    FlowLimit explicit = run(p, new GradientFlowOde(p, start), "GF", null, MAX_TIME);
    return p.depth() >= 2 && Vectors.min(start) > 0
        ? withStiffFallback(explicit, () -> run(p, LogGradientFlow.from(p, start), "GF", null, MAX_TIME)) : explicit;
  }

  /** Gradient flow (11) from the start exp(logStart), in log coordinates (the stiff path). */
  static FlowLimit gfFromLog(DiagonalNetInstance p, double[] logStart) {
    return run(p, new LogGradientFlow(p, logStart), "GF", null, MAX_TIME);
  }

  /** Gradient flow (11) with another horizon. */
  static FlowLimit gf(DiagonalNetInstance p, double maxTime) {
    if (StiffPath.selected(p)) {
      return gfInLogCoordinates(p, maxTime);
    }
    FlowLimit explicit = run(p, new GradientFlowOde(p), "GF", null, maxTime);
    return logCoordinatesApply(p) ? withStiffFallback(explicit, () -> gfInLogCoordinates(p, maxTime)) : explicit;
  }

  /** The WN flow with the given learning rates, stopped on collapse r <= COLLAPSE r0. */
  static FlowLimit wn(DiagonalNetInstance p, LearningRate rate) {
    return wn(p, rate, MAX_TIME);
  }

  /**
   * The WN flow; for L >= 2 stopped on collapse (x = 0 is then stationary). For L = 1 there is no
   * collapse: grad L(0) = -A^T b != 0 and r passes through 0.
   */
  static FlowLimit wn(DiagonalNetInstance p, LearningRate rate, double maxTime) {
    if (StiffPath.selected(p)) {
      return wnInLogCoordinates(p, rate, maxTime);
    }
    FlowLimit explicit = run(p, new WnFlowOde(p, rate), label(rate), p.depth() >= 2 ? WnRuns.collapse(p, COLLAPSE) : null,
        maxTime);
    return logCoordinatesApply(p) ? withStiffFallback(explicit, () -> wnInLogCoordinates(p, rate, maxTime)) : explicit;
  }

  private static String label(LearningRate rate) {
    return rate == LearningRate.CONSTANT ? "WN (eta, 1)" : "WN (r^2, 1)";
  }

  /** Gradient flow (11) on the stiff path (log coordinates, RODAS4) whatever the size; L >= 2, x0 > 0. */
  static FlowLimit gfInLogCoordinates(DiagonalNetInstance p, double maxTime) {
    return run(p, LogGradientFlow.of(p), "GF", null, maxTime);
  }

  /** The WN flow on the stiff path (log coordinates, RODAS4) whatever the size; L >= 2, x0 > 0. */
  static FlowLimit wnInLogCoordinates(DiagonalNetInstance p, LearningRate rate, double maxTime) {
    return run(p, new LogWnFlow(p, rate), label(rate), WnRuns.collapse(p, COLLAPSE), maxTime);
  }

  /** Whether the stiff path can integrate this instance (log coordinates need L >= 2 and x0 > 0). */
  static boolean logCoordinatesApply(DiagonalNetInstance p) {
    return p.depth() >= 2 && Vectors.min(p.x0()) > 0;
  }

  /**
   * Issue 19 (soak, INCONCLUSIVE group C1): an explicit run that spent its evaluation budget is
   * stability-limited, not accuracy-limited (a WN run whose r grew, so that u moves r^2/eta times
   * faster than r; a GF run at L = 3 whose entries spread over many scales): it is repeated on the
   * stiff path (log coordinates, RODAS4), which the paper-size instances use from the start. The
   * callers pass a stiff run only where log coordinates apply (L >= 2, a start in the open positive
   * orthant); the explicit run stands where the stiff one does not do better, so nothing that
   * converged before can change.
   */
  static FlowLimit withStiffFallback(FlowLimit explicit, java.util.function.Supplier<FlowLimit> stiff) {
    if (explicit.result.status() != IntegrationStatus.BUDGET_EXHAUSTED) {
      return explicit;
    }
    FlowLimit s = stiff.get();
    return s.kind == Kind.UNRESOLVED ? explicit : s;
  }

  private static FlowLimit run(DiagonalNetInstance p, FlowSystem sys, String flow,
      java.util.function.ToDoubleFunction<double[]> stop, double maxTime) {
    double l0 = sys.loss(sys.initialState());
    IntegrationSettings s = IntegrationSettings.of(TOLERANCE, maxTime).withAbsoluteTolerance(ABSOLUTE_FLOOR)
        .withLossTarget(l0 * LOSS_FACTOR).withRecordSteps(true).withBudget(BUDGET);
    return new FlowLimit(p, sys, flow, StiffPath.integrate(sys, s, stop));
  }

  boolean converged() {
    return kind == Kind.CONVERGED;
  }

  Trajectory trajectory() {
    return result.trajectory();
  }

  double endTime() {
    return result.finalTime();
  }

  /** log x of a state (no underflow on the stiff path, where entries fall below the smallest double). */
  double[] logPoint(double[] state) {
    return StiffPath.logPoint(system, state);
  }

  /** x~ = x^L of a state. */
  double[] xTilde(double[] state) {
    return Vectors.pow(system.point(state), instance.depth());
  }

  double[] xTildeEnd() {
    return xTilde(result.finalState());
  }

  /** x~ at the recorded step nearest to t. */
  double[] xTildeAt(double t) {
    Trajectory tr = trajectory();
    return xTilde(tr.state(tr.indexNear(t)));
  }

  /** The state at the recorded step nearest to t. */
  double[] stateAt(double t) {
    Trajectory tr = trajectory();
    return tr.state(tr.indexNear(t));
  }

  /**
   * The loss level (relative to the start) from which the uncertainty window of a converged run
   * starts: 1e-12, four decades above the threshold 1e-16, i.e. the residual falls 100-fold inside
   * the window.
   */
  static final double WINDOW_LOSS_FACTOR = 1e-12;

  /**
   * The time the uncertainty window starts: for a converged run the first recorded time the loss
   * was at most {@link #WINDOW_LOSS_FACTOR} of its start, otherwise T/2.
   */
  double windowStart() {
    if (kind == Kind.CONVERGED) {
      int k = firstAtOrBelow(0, WINDOW_LOSS_FACTOR * loss0);
      if (k < trajectory().size()) {
        return trajectory().time(k);
      }
    }
    return endTime() / 2;
  }

  /**
   * The first recorded step from {@code from} on at which the run's progress measure (the loss for
   * a converged run, r for a collapsed one) is at most {@code target}; the trajectory size if none.
   */
  private int firstAtOrBelow(int from, double target) {
    Trajectory tr = trajectory();
    int k = from;
    while (k < tr.size() && !((kind == Kind.COLLAPSED ? tr.state(k)[0] : system.loss(tr.state(k))) <= target)) {
      k++;
    }
    return k;
  }

  /** x~ at the start of the uncertainty window. */
  double[] xTildeWindowStart() {
    return xTildeAt(windowStart());
  }

  /**
   * How far x~(T) may be from the limit: the change of x~ while the residual fell the last 100-fold
   * (loss from 1e-12 to 1e-16 of its start). The flow moves x~ at a speed proportional to the
   * residual (through A^T r), so with the residual decaying geometrically the change still to come
   * after T is about 1/99 of this one: the window overstates it by two orders of magnitude. For
   * runs that did not converge it is the change over [T/2, T].
   */
  double windowChange() {
    return Vectors.distance(xTildeEnd(), xTildeWindowStart());
  }

  /** Progress levels of {@link #levelTimes()}: 4 levels, each a factor 1e-4 of loss (or 1e-2 of r). */
  static final int LEVELS = 4;

  /**
   * Times at which the run passed successive progress levels: for a converged run the first
   * recorded times with loss <= 1e-4, 1e-8, 1e-12, 1e-16 of its start; for a collapsed run those
   * with r <= 1e-2, 1e-4, 1e-6, 1e-8 of r0 (levels not reached are left out); otherwise T/8, T/4,
   * T/2, T. Each level is a fixed amount of progress, so the change of a converging quantity
   * between successive levels shrinks geometrically, whatever the time scale of the run.
   */
  double[] levelTimes() {
    Trajectory tr = trajectory();
    double[] out = new double[LEVELS];
    if (kind == Kind.UNRESOLVED || tr.size() == 0) {
      for (int j = 0; j < LEVELS; j++) {
        out[j] = endTime() / (1 << (LEVELS - 1 - j));
      }
      return out;
    }
    int found = 0;
    int k = 0;
    for (int level = 1; level < LEVELS; level++) {
      k = firstAtOrBelow(k, kind == Kind.CONVERGED ? loss0 * Math.pow(1e-4, level) : instance.r0() * Math.pow(1e-2, level));
      if (k < tr.size() && tr.time(k) < endTime()) {
        out[found++] = tr.time(k);
      }
    }
    out[found++] = endTime(); // the last level is where the run stopped
    return java.util.Arrays.copyOf(out, found);
  }

  /**
   * Changes of x~ between successive level times, latest first: Delta_0 = ||x~(t_last) -
   * x~(t_last-1)||, and so on.
   */
  double[] levelChanges() {
    double[] t = levelTimes();
    double[] d = new double[Math.max(0, t.length - 1)];
    for (int j = 0; j < d.length; j++) {
      int i = t.length - 1 - j;
      d[j] = Vectors.distance(xTildeAt(t[i]), xTildeAt(t[i - 1]));
    }
    return d;
  }

  String describe() {
    return String.format(Locale.ROOT, "%s %s at t=%.4g (%s; loss %.3e -> %.3e, loss at x=0 %.3e%s)", flow, kind,
        endTime(), result.status(), loss0, lossEnd, lossAtZero,
        system instanceof WnFlowOde || system instanceof LogWnFlow ? String.format(Locale.ROOT, ", r %.3e -> %.3e", instance.r0(),
            result.finalState()[0]) : "");
  }
}
