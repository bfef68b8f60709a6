package org.wnverify.numeric.discrete;

import java.util.Arrays;
import org.wnverify.numeric.generated.WnFlowKernel;

/**
 * Gradient descent on the loss (10) (or the signed loss (21) via {@link SensingProblem#signed()})
 * with and without weight normalization, the discrete methods of Section 4 of Chou, Rauhut and
 * Ward: "GD with either constant small step size, or step size yields by the line search method",
 * stopped after a number of iterations or once the loss falls below a target.
 *
 * <ul>
 *   <li>GD: x &lt;- x - h grad L(x).
 *   <li>WN-GD: (r, u) &lt;- (r, u) + h F(r, u), F the right-hand side of the WN flow (13)-(14), i.e.
 *       the negative WN gradient scaled by the learning rates (eta_r, eta_u) = (eta~, 1); F is the
 *       field {@link WnFlowKernel#derivative} computes (tests pin the two to each other).
 * </ul>
 *
 * Pure functions of their arguments: no randomness, no shared state, so any number of runs may go
 * in parallel and the same inputs give the same bits.
 */
public final class DiscreteDescent {
  private DiscreteDescent() {}

  /** Plain GD from x0. */
  public static DescentRun gd(SensingProblem p, double[] x0, DescentOptions o) {
    if (x0.length != p.columns()) {
      throw new IllegalArgumentException("x0 has " + x0.length + " entries, expected " + p.columns());
    }
    Model model = new GdModel(p);
    return run(p, model, x0.clone(), o);
  }

  /**
   * WN-GD from (r0, u0) with learning rates (etaR, etaU); the weights are x = r u / ||u||.
   */
  public static DescentRun wn(
      SensingProblem p, double r0, double[] u0, double etaR, double etaU, DescentOptions o) {
    if (u0.length != p.columns()) {
      throw new IllegalArgumentException("u0 has " + u0.length + " entries, expected " + p.columns());
    }
    if (!(etaR > 0) || !(etaU > 0)) {
      throw new IllegalArgumentException("learning rates must be positive, got " + etaR + ", " + etaU);
    }
    double[] s = new double[u0.length + 1];
    s[0] = r0;
    System.arraycopy(u0, 0, s, 1, u0.length);
    return run(p, new WnModel(p, etaR, etaU), s, o);
  }

  /** The WN field F(r, u) (state [r; u]) computed the fast way; equals the emitted kernel's. */
  public static double[] wnField(SensingProblem p, double[] state, double etaR, double etaU) {
    WnModel w = new WnModel(p, etaR, etaU);
    double[] res = new double[p.rows()];
    w.loss(state, res);
    double[] d = new double[state.length];
    w.direction(state, res, d);
    return d;
  }

  /** The same field through {@link WnFlowKernel#derivative} (reference path). */
  public static double[] wnFieldFromKernel(SensingProblem p, double[] state, double etaR, double etaU) {
    double[] out = new double[state.length];
    WnFlowKernel.derivative(p.matrix(), p.rows(), p.columns(), p.rhs(), p.depth(), etaR, etaU, state, out);
    return out;
  }

  /** A descent method seen as: a loss of the state and a scaled descent direction. */
  private interface Model {
    /** Loss at the state; writes the residual of the weights it represents. */
    double loss(double[] state, double[] res);

    /**
     * Writes the descent direction d = -P grad (P the learning rates) given the residual of the
     * state and returns grad^T P grad = the predicted decrease rate, >= 0.
     */
    double direction(double[] state, double[] res, double[] d);

    /** The weights the state represents. */
    double[] weights(double[] state);

    double r(double[] state);
  }

  private static final class GdModel implements Model {
    private final SensingProblem p;
    private final double[] xl;

    GdModel(SensingProblem p) {
      this.p = p;
      this.xl = new double[p.columns()];
    }

    @Override
    public double loss(double[] x, double[] res) {
      return p.residual(x, res, xl);
    }

    @Override
    public double direction(double[] x, double[] res, double[] d) {
      p.gradient(x, res, d);
      double gg = 0;
      for (int k = 0; k < d.length; k++) {
        double g = d[k];
        gg += g * g;
        d[k] = -g;
      }
      return gg;
    }

    @Override
    public double[] weights(double[] x) {
      return x.clone();
    }

    @Override
    public double r(double[] state) {
      return Double.NaN;
    }
  }

  private static final class WnModel implements Model {
    private final SensingProblem p;
    private final double etaR;
    private final double etaU;
    private final double[] x;
    private final double[] xl;
    private final double[] g;

    WnModel(SensingProblem p, double etaR, double etaU) {
      this.p = p;
      this.etaR = etaR;
      this.etaU = etaU;
      this.x = new double[p.columns()];
      this.xl = new double[p.columns()];
      this.g = new double[p.columns()];
    }

    private double fillWeights(double[] s) {
      int n = x.length;
      double nu2 = 0;
      for (int k = 0; k < n; k++) {
        nu2 += s[1 + k] * s[1 + k];
      }
      double nu = Math.sqrt(nu2);
      double scale = s[0] / nu;
      for (int k = 0; k < n; k++) {
        x[k] = scale * s[1 + k];
      }
      return nu;
    }

    @Override
    public double loss(double[] s, double[] res) {
      fillWeights(s);
      return p.residual(x, res, xl);
    }

    @Override
    public double direction(double[] s, double[] res, double[] d) {
      int n = x.length;
      double nu = fillWeights(s);
      p.gradient(x, res, g);
      double ug = 0;
      for (int k = 0; k < n; k++) {
        ug += s[1 + k] * g[k];
      }
      double r = s[0];
      d[0] = -etaR * ug / nu;
      double c = ug / (nu * nu);
      double f = -etaU * r / nu;
      double uu = 0;
      for (int k = 0; k < n; k++) {
        double dk = f * (g[k] - s[1 + k] * c);
        d[1 + k] = dk;
        uu += dk * dk;
      }
      return d[0] * d[0] / etaR + uu / etaU;
    }

    @Override
    public double[] weights(double[] s) {
      fillWeights(s);
      return x.clone();
    }

    @Override
    public double r(double[] s) {
      return s[0];
    }
  }

  private static DescentRun run(SensingProblem p, Model model, double[] s, DescentOptions o) {
    int len = s.length;
    double[] t = new double[len];
    double[] d = new double[len];
    double[] res = new double[p.rows()];
    double[] resT = new double[p.rows()];
    StepRule rule = o.step();
    double h = rule.initialStep();
    double loss = model.loss(s, res);
    double initialLoss = loss;
    double maxIncrease = 0;
    long it = 0;
    int traceCap = o.traceEvery() == 0 ? 0 : (int) Math.min(o.maxIterations() / o.traceEvery() + 2, 1 << 20);
    long[] ti = new long[traceCap];
    double[] tl = new double[traceCap];
    int tn = 0;
    if (traceCap > 0) {
      ti[tn] = 0;
      tl[tn++] = loss;
    }
    DescentRun.Stop stop;
    if (!Double.isFinite(loss)) {
      stop = DescentRun.Stop.DIVERGED;
    } else {
      while (true) {
        if (loss <= o.lossTarget()) {
          stop = DescentRun.Stop.TARGET;
          break;
        }
        if (it >= o.maxIterations()) {
          stop = DescentRun.Stop.ITERATION_CAP;
          break;
        }
        if (it % DescentOptions.CHECKPOINT_EVERY == 0) {
          o.checkpoint().run();
        }
        double pred = model.direction(s, res, d);
        if (!(pred > 0) || !Double.isFinite(pred)) {
          stop = DescentRun.Stop.STALLED;
          break;
        }
        double lt;
        if (rule.backtracking()) {
          if (it > 0) {
            h = Math.min(h * StepRule.GROWTH, rule.maxStep());
          }
          while (true) {
            for (int j = 0; j < len; j++) {
              t[j] = s[j] + h * d[j];
            }
            lt = model.loss(t, resT);
            if (lt <= loss - StepRule.ARMIJO * h * pred) {
              break;
            }
            h *= 0.5;
            if (h < StepRule.MIN_STEP) {
              break;
            }
          }
          if (h < StepRule.MIN_STEP) {
            stop = DescentRun.Stop.STALLED;
            break;
          }
        } else {
          for (int j = 0; j < len; j++) {
            t[j] = s[j] + h * d[j];
          }
          lt = model.loss(t, resT);
          if (!Double.isFinite(lt)) {
            stop = DescentRun.Stop.DIVERGED;
            break;
          }
        }
        if (lt > loss) {
          maxIncrease = Math.max(maxIncrease, (lt - loss) / loss);
        }
        double[] sw = s;
        s = t;
        t = sw;
        sw = res;
        res = resT;
        resT = sw;
        loss = lt;
        it++;
        if (traceCap > 0 && it % o.traceEvery() == 0 && tn < traceCap - 1) {
          ti[tn] = it;
          tl[tn++] = loss;
        }
      }
    }
    if (traceCap > 0 && ti[tn - 1] != it) {
      ti[tn] = it;
      tl[tn++] = loss;
    }
    double[] x = model.weights(s);
    return new DescentRun(x, p.signal(x), initialLoss, loss, it, stop, maxIncrease,
        Arrays.copyOf(ti, tn), Arrays.copyOf(tl, tn), model.r(s));
  }
}
