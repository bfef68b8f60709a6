package org.wnverify.numeric.wu;

import org.wnverify.numeric.linalg.Vectors;

/**
 * Algorithm 1 (WN on (2)), Algorithm 2 (rPGD on (3)) and plain gradient descent on (1), exactly as
 * printed: both variables are updated from the same iterate (w_t, g_t) (simultaneous updates), the
 * gradients are the true gradients of (2) and (3) (see {@link WuObjective} on the residual's sign).
 */
public final class WuAlgorithms {
  private WuAlgorithms() {}

  /** Sees every iterate, t = 0 .. (the initial one first); returns false to stop the run. */
  @FunctionalInterface
  public interface Listener {
    /**
     * @param t the iteration index of the iterate (g_t, w_t)
     * @param vNorm ||v_{t-1}|| of the projection that produced w_t (rPGD; NaN otherwise and at t = 0)
     */
    boolean iterate(int t, double g, double[] w, double loss, double vNorm);

    Listener NONE = (t, g, w, loss, v) -> true;
  }

  /**
   * Algorithm 1: w_{t+1} = w_t - eta_t grad_w h(w_t, g_t), g_{t+1} = g_t - gamma_t grad_g h(w_t, g_t).
   *
   * @param lossTarget stop when h falls to this value (0: never)
   */
  public static DiscreteRun wn(WuObjective obj, double g0, double[] w0, StepSchedule s, int maxIterations,
      double lossTarget, Listener listener) {
    double g = g0;
    double[] w = w0.clone();
    for (int t = 0; ; t++) {
      double loss = obj.h(w, g);
      if (!Double.isFinite(loss) || !Double.isFinite(g) || !Vectors.allFinite(w)) {
        return end(DiscreteRun.Status.NON_FINITE, t, g, w, true, loss, "iterate not finite at t = " + t);
      }
      if (!listener.iterate(t, g, w, loss, Double.NaN)) {
        return end(DiscreteRun.Status.STOPPED, t, g, w, true, loss, "stopped at t = " + t);
      }
      if (loss <= lossTarget) {
        return end(DiscreteRun.Status.CONVERGED, t, g, w, true, loss, "loss " + loss + " <= " + lossTarget + " at t = " + t);
      }
      if (t >= maxIterations) {
        return end(DiscreteRun.Status.MAX_ITERATIONS, t, g, w, true, loss, maxIterations + " iterations spent");
      }
      double eta = s.eta(t, g, w);
      double gamma = s.gamma(t, g, w);
      double[] gw = obj.gradWh(w, g);
      double gg = obj.gradGh(w, g);
      double[] next = w.clone();
      for (int k = 0; k < next.length; k++) {
        next[k] -= eta * gw[k];
      }
      g -= gamma * gg;
      w = next;
    }
  }

  /**
   * Algorithm 2: v_t = w_t - eta_t grad_w f(w_t, g_t), w_{t+1} = v_t/||v_t||,
   * g_{t+1} = g_t - gamma_t grad_g f(w_t, g_t).
   */
  public static DiscreteRun rpgd(WuObjective obj, double g0, double[] w0, StepSchedule s, int maxIterations,
      double lossTarget, Listener listener) {
    double g = g0;
    double[] w = w0.clone();
    double vNorm = Double.NaN;
    for (int t = 0; ; t++) {
      double loss = obj.f(w, g);
      if (!Double.isFinite(loss) || !Double.isFinite(g) || !Vectors.allFinite(w)) {
        return end(DiscreteRun.Status.NON_FINITE, t, g, w, false, loss, "iterate not finite at t = " + t);
      }
      if (!listener.iterate(t, g, w, loss, vNorm)) {
        return end(DiscreteRun.Status.STOPPED, t, g, w, false, loss, "stopped at t = " + t);
      }
      if (loss <= lossTarget) {
        return end(DiscreteRun.Status.CONVERGED, t, g, w, false, loss, "loss " + loss + " <= " + lossTarget + " at t = " + t);
      }
      if (t >= maxIterations) {
        return end(DiscreteRun.Status.MAX_ITERATIONS, t, g, w, false, loss, maxIterations + " iterations spent");
      }
      double eta = s.eta(t, g, w);
      double gamma = s.gamma(t, g, w);
      if (!Double.isFinite(eta) || !Double.isFinite(gamma)) {
        return end(DiscreteRun.Status.NON_FINITE, t, g, w, false, loss,
            "step size not finite at t = " + t + " (eta = " + eta + ", gamma = " + gamma + ", g = " + g + ")");
      }
      double[] gw = obj.gradWf(w, g);
      double gg = obj.gradGf(w, g);
      double[] v = w.clone();
      for (int k = 0; k < v.length; k++) {
        v[k] -= eta * gw[k];
      }
      vNorm = Vectors.norm(v);
      w = Vectors.scale(1.0 / vNorm, v);
      g -= gamma * gg;
    }
  }

  /** Gradient descent on (1): x_{t+1} = x_t - eta A^T (A x_t - y) (the GD curve of Figure 1). */
  public static DiscreteRun gd(WuObjective obj, double[] x0, double eta, int maxIterations, double lossTarget) {
    double[] x = x0.clone();
    for (int t = 0; ; t++) {
      double loss = obj.lossAt(x);
      if (!Double.isFinite(loss) || !Vectors.allFinite(x)) {
        return new DiscreteRun(DiscreteRun.Status.NON_FINITE, t, Double.NaN, x, x, loss, "iterate not finite at t = " + t);
      }
      if (loss <= lossTarget) {
        return new DiscreteRun(DiscreteRun.Status.CONVERGED, t, Double.NaN, x, x.clone(), loss, "loss <= target at t = " + t);
      }
      if (t >= maxIterations) {
        return new DiscreteRun(DiscreteRun.Status.MAX_ITERATIONS, t, Double.NaN, x, x.clone(), loss,
            maxIterations + " iterations spent");
      }
      double[] grad = obj.gradientAt(x);
      for (int k = 0; k < x.length; k++) {
        x[k] -= eta * grad[k];
      }
    }
  }

  private static DiscreteRun end(DiscreteRun.Status st, int t, double g, double[] w, boolean wn, double loss,
      String msg) {
    double[] x = Vectors.scale(wn ? g / Vectors.norm(w) : g, w);
    return new DiscreteRun(st, t, g, w.clone(), x, loss, msg);
  }
}
