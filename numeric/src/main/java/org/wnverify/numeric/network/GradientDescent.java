package org.wnverify.numeric.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.wnverify.numeric.linalg.Vectors;

/**
 * Full-batch gradient descent theta(t+1) = theta(t) - eta(t) grad_theta L in the net's own
 * parameters, i.e. the paper's updates (1)-(4) (which carry the 1/||v_u|| factors: ||v_u|| grows
 * under GD) and the Unnorm update. Everything is in the log domain: the step is
 * e^{log eta + log L} grad log L and the total step size d(t) = sum eta is kept as log d.
 */
public final class GradientDescent {
  /** Why a run ended. */
  public enum Status { REACHED_TARGET, MAX_STEPS, NON_FINITE, STALLED, ABORTED }

  /**
   * One accepted iterate.
   *
   * @param step the iteration count t (rejected steps of the accept/reject rule not counted)
   * @param logEta log eta(t - 1) of the step that led here (NaN at t = 0)
   * @param logTotalStep log d(t - 1) = log sum_{tau < t} eta(tau) (-inf at t = 0)
   */
  public record Iterate(int step, double[] theta, double logLoss, double logEta, double logTotalStep) {}

  /**
   * @param recorded every {@code recordEvery}-th accepted iterate, and the last
   */
  public record Run(Status status, String message, List<Iterate> recorded, Iterate last, int rejected) {}

  /** Below this k the accept/reject rule has stalled (1e-30 of any of the paper's k0). */
  public static final double K_FLOOR = 1e-32;

  private GradientDescent() {}

  /**
   * Runs until log L <= logLossTarget or maxSteps accepted steps.
   *
   * @param abort polled every step (time budgets, interrupts); true ends the run as ABORTED
   */
  public static Run run(NetworkObjective obj, double[] theta0, DescentSchedule schedule, double logLossTarget,
      int maxSteps, int recordEvery, BooleanSupplier abort) {
    double[] theta = theta0.clone();
    NetworkObjective.Evaluation e = obj.evaluate(theta);
    double k = schedule.k0();
    double logD = Double.NEGATIVE_INFINITY;
    List<Iterate> rec = new ArrayList<>();
    Iterate cur = new Iterate(0, theta.clone(), e.logLoss(), Double.NaN, logD);
    rec.add(cur);
    int step = 0;
    int rejected = 0;
    if (!Double.isFinite(e.logLoss())) {
      return new Run(Status.NON_FINITE, "initial loss not finite", rec, cur, 0);
    }
    while (true) {
      if (e.logLoss() <= logLossTarget) {
        return finish(rec, cur, Status.REACHED_TARGET, "log L = " + e.logLoss() + " <= " + logLossTarget
            + " after " + step + " steps", rejected, recordEvery);
      }
      if (step >= maxSteps) {
        return finish(rec, cur, Status.MAX_STEPS, "step budget " + maxSteps + " spent at log L = " + e.logLoss(),
            rejected, recordEvery);
      }
      if (abort != null && abort.getAsBoolean()) {
        return finish(rec, cur, Status.ABORTED, "aborted after " + step + " steps", rejected, recordEvery);
      }
      double logEta = schedule.logEta(k, e.logLoss());
      double f = Math.exp(logEta + e.logLoss());
      double[] g = e.gradLogTheta();
      double[] next = new double[theta.length];
      for (int i = 0; i < next.length; i++) {
        next[i] = theta[i] - f * g[i];
      }
      NetworkObjective.Evaluation ne = Vectors.allFinite(next) ? obj.evaluate(next) : null;
      boolean finite = ne != null && Double.isFinite(ne.logLoss()) && Vectors.allFinite(ne.gradLogTheta());
      if (schedule.adaptive() && (!finite || ne.logLoss() >= e.logLoss())) {
        rejected++;
        k /= schedule.growth();
        if (k < K_FLOOR) {
          return finish(rec, cur, Status.STALLED, "k fell below " + K_FLOOR + " at step " + step, rejected,
              recordEvery);
        }
        continue;
      }
      if (!finite) {
        return finish(rec, cur, Status.NON_FINITE, "non-finite iterate at step " + (step + 1), rejected,
            recordEvery);
      }
      if (schedule.adaptive()) {
        k = Math.min(schedule.kMax(), k * schedule.growth());
      }
      logD = LogMath.logAddExp(logD, logEta);
      theta = next;
      e = ne;
      step++;
      cur = new Iterate(step, theta.clone(), e.logLoss(), logEta, logD);
      if (step % recordEvery == 0) {
        rec.add(cur);
      }
    }
  }

  private static Run finish(List<Iterate> rec, Iterate last, Status s, String msg, int rejected, int every) {
    if (rec.get(rec.size() - 1).step() != last.step()) {
      rec.add(last);
    }
    return new Run(s, msg, List.copyOf(rec), last, rejected);
  }
}
