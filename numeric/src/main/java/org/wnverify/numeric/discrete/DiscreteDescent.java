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
 * <p>Cost per accepted step: one pass over A for the residual of the trial point (reused as the
 * residual of the next iterate) and one pass over A for the gradient, plus O(N) vector work; a
 * rejected line-search trial costs one more residual pass. No allocation inside the loop.
 *
 * <p>Pure functions of their arguments: no randomness, no shared state, so any number of runs may go
 * in parallel and the same inputs give the same bits (the {@link DescentOptions#outOfTime()} rule
 * excepted, which depends on the clock by design).
 */
public final class DiscreteDescent {
  private DiscreteDescent() {}

  /** Plain GD from x0. */
  public static DescentRun gd(SensingProblem p, double[] x0, DescentOptions o) {
    if (x0.length != p.columns()) {
      throw new IllegalArgumentException("x0 has " + x0.length + " entries, expected " + p.columns());
    }
    return run(p, new GdModel(p), x0.clone(), o);
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
    double[] x = new double[p.columns()];
    w.loss(state, x, res);
    double[] d = new double[state.length];
    w.direction(state, x, res, d);
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
    /** Loss at the state; writes the weights it represents into x and their residual into res. */
    double loss(double[] state, double[] x, double[] res);

    /**
     * Writes the descent direction d = -P grad (P the learning rates) given the weights and
     * residual of the state and returns grad^T P grad = the predicted decrease rate, >= 0.
     */
    double direction(double[] state, double[] x, double[] res, double[] d);

    double r(double[] state);

    double uNorm(double[] state);
  }

  private static final class GdModel implements Model {
    private final SensingProblem p;
    private final double[] xl;

    GdModel(SensingProblem p) {
      this.p = p;
      this.xl = new double[p.signalLength()];
    }

    @Override
    public double loss(double[] s, double[] x, double[] res) {
      System.arraycopy(s, 0, x, 0, x.length);
      return p.residual(s, res, xl);
    }

    @Override
    public double direction(double[] s, double[] x, double[] res, double[] d) {
      p.gradient(x, res, d);
      double gg = dot(d, 0, d, 0, d.length);
      for (int k = 0; k < d.length; k++) {
        d[k] = -d[k];
      }
      return gg;
    }

    @Override
    public double r(double[] state) {
      return Double.NaN;
    }

    @Override
    public double uNorm(double[] state) {
      return Double.NaN;
    }
  }

  private static final class WnModel implements Model {
    private final SensingProblem p;
    private final double etaR;
    private final double etaU;
    private final double[] xl;
    private final double[] g;

    WnModel(SensingProblem p, double etaR, double etaU) {
      this.p = p;
      this.etaR = etaR;
      this.etaU = etaU;
      this.xl = new double[p.signalLength()];
      this.g = new double[p.columns()];
    }

    private static double norm(double[] s) {
      return Math.sqrt(dot(s, 1, s, 1, s.length - 1));
    }

    @Override
    public double loss(double[] s, double[] x, double[] res) {
      return p.residualScaled(s[0] / norm(s), s, 1, x, res, xl);
    }

    @Override
    public double direction(double[] s, double[] x, double[] res, double[] d) {
      int n = g.length;
      double nu = norm(s);
      p.gradient(x, res, g);
      double ug = dot(s, 1, g, 0, n);
      double r = s[0];
      d[0] = -etaR * ug / nu;
      double c = ug / (nu * nu);
      double f = -etaU * r / nu;
      for (int k = 0; k < n; k++) {
        d[1 + k] = f * (g[k] - s[1 + k] * c);
      }
      double uu = dot(d, 1, d, 1, n);
      return d[0] * d[0] / etaR + uu / etaU;
    }

    @Override
    public double r(double[] s) {
      return s[0];
    }

    @Override
    public double uNorm(double[] s) {
      return norm(s);
    }
  }

  /**
   * sum_k a[ao + k] b[bo + k] over k < len with four accumulators (the JIT does not vectorize
   * floating-point reductions; four independent add chains hide the add latency). Fixed order.
   */
  static double dot(double[] a, int ao, double[] b, int bo, int len) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int k = 0;
    for (; k + 3 < len; k += 4) {
      s0 += a[ao + k] * b[bo + k];
      s1 += a[ao + k + 1] * b[bo + k + 1];
      s2 += a[ao + k + 2] * b[bo + k + 2];
      s3 += a[ao + k + 3] * b[bo + k + 3];
    }
    for (; k < len; k++) {
      s0 += a[ao + k] * b[bo + k];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /** Log-spaced recorder of the loss (and error): iteration 0, then each time k passes a mark. */
  private static final class Trace {
    private final long[] it;
    private final double[] loss;
    private final double[] err;
    private final double factor;
    private int size;
    private double next = 0;

    Trace(int points, long maxIterations) {
      factor = points == 0 ? 0 : Math.pow(Math.max(2, maxIterations), 1.0 / points);
      // marks: every iteration while k + 1 exceeds the geometric mark (about 1 / (factor - 1) of
      // them), then one per factor; plus iteration 0 and the last
      int cap = points == 0 ? 0 : points + (int) Math.ceil(2 / (factor - 1)) + 4;
      it = new long[cap];
      loss = new double[cap];
      err = new double[cap];
    }

    boolean due(long k) {
      return it.length > 0 && k >= next && size < it.length - 1;
    }

    void add(long k, double l, double e) {
      it[size] = k;
      loss[size] = l;
      err[size++] = e;
      next = Math.max(k + 1, next * factor);
    }

    boolean lastMissing(long k) {
      return it.length > 0 && (size == 0 || it[size - 1] != k);
    }
  }

  private static double error(SensingProblem p, DescentOptions o, double[] x, double[] sig) {
    if (o.error() == null) {
      return Double.NaN;
    }
    p.signal(x, sig);
    return o.error().applyAsDouble(sig);
  }

  private static DescentRun run(SensingProblem p, Model model, double[] s, DescentOptions o) {
    int len = s.length;
    int cols = p.columns();
    double[] t = new double[len];
    double[] d = new double[len];
    double[] x = new double[cols];
    double[] xt = new double[cols];
    double[] res = new double[p.rows()];
    double[] resT = new double[p.rows()];
    double[] sig = new double[p.signalLength()];
    StepRule rule = o.step();
    DescentOptions.Plateau plateau = o.plateau();
    double[] errs = plateau == null ? null
        : new double[(int) Math.min(o.maxIterations() / plateau.every() + 2, 1 << 22)];
    double plateauChange = Double.NaN;
    double h = rule.initialStep();
    double loss = model.loss(s, x, res);
    long evaluations = 1;
    double initialLoss = loss;
    double maxIncrease = 0;
    long it = 0;
    Trace trace = new Trace(o.tracePoints(), o.maxIterations());
    if (trace.due(0)) {
      trace.add(0, loss, error(p, o, x, sig));
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
          if (o.outOfTime().getAsBoolean()) {
            stop = DescentRun.Stop.TIME;
            break;
          }
        }
        if (plateau != null && it % plateau.every() == 0) {
          int j = (int) (it / plateau.every());
          if (j < errs.length) {
            double e = error(p, o, x, sig);
            errs[j] = e;
            if (it >= plateau.minIterations() && loss <= plateau.maxLoss()) {
              double change = Math.abs(e - errs[j / 2]) / Math.abs(e);
              if (change <= plateau.relativeChange()) {
                plateauChange = change;
                stop = DescentRun.Stop.PLATEAU;
                break;
              }
            }
          }
        }
        double pred = model.direction(s, x, res, d);
        if (!(pred > 0) || !Double.isFinite(pred)) {
          stop = DescentRun.Stop.STALLED;
          break;
        }
        double lt;
        if (rule.backtracking()) {
          if (it > 0) {
            h = Math.min(h * rule.growth(), rule.maxStep());
          }
          while (true) {
            for (int j = 0; j < len; j++) {
              t[j] = s[j] + h * d[j];
            }
            lt = model.loss(t, xt, resT);
            evaluations++;
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
          lt = model.loss(t, xt, resT);
          evaluations++;
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
        sw = x;
        x = xt;
        xt = sw;
        sw = res;
        res = resT;
        resT = sw;
        loss = lt;
        it++;
        if (trace.due(it)) {
          trace.add(it, loss, error(p, o, x, sig));
        }
      }
    }
    if (trace.lastMissing(it)) {
      trace.add(it, loss, error(p, o, x, sig));
    }
    return new DescentRun(x.clone(), p.signal(x), initialLoss, loss, it, evaluations, stop, maxIncrease,
        Arrays.copyOf(trace.it, trace.size), Arrays.copyOf(trace.loss, trace.size),
        Arrays.copyOf(trace.err, trace.size), model.r(s),
        model.uNorm(s), plateauChange);
  }
}
