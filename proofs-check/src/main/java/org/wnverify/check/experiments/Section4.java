package org.wnverify.check.experiments;

import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.numeric.discrete.DescentOptions;
import org.wnverify.numeric.discrete.DescentRun;
import org.wnverify.numeric.discrete.DiscreteDescent;
import org.wnverify.numeric.discrete.SensingProblem;
import org.wnverify.numeric.discrete.StepRule;
import org.wnverify.numeric.lp.LpResult;
import org.wnverify.numeric.lp.WeightedL1Program;

/**
 * The experimental setup of Section 4 of Chou, Rauhut and Ward (000_...txt): A = G / sqrt(M),
 * b = A x*, depth L = 2, initialization x0 = r0 w with w a positive unit vector, GD and WN-GD with
 * learning rates (eta~, 1), stopped after a number of iterations or once the loss is below 1e-12;
 * errors eps1 = ||x~inf||_1 - min_{z in S+} ||z||_1 (Gaussian ground truth) and
 * eps2 = ||x~inf - x*||_1 (sparse ground truth).
 */
final class Section4 {
  private Section4() {}

  /** Depth used throughout Section 4 ("we study the case L = 2 for illustration"). */
  static final int DEPTH = 2;
  /** "Number of iterations are set to be 10^6 or whenever the loss function falls below 10^-12". */
  static final double LOSS_TARGET = 1e-12;
  /**
   * The step: a constant small step h = 0.1 ("constant small step size"), halved by the Armijo test
   * whenever it would not decrease the loss (the "line search" the paper also allows), so large
   * initializations (r0 = 100) do not blow up, and never grown above 0.1 so that runs from small
   * initializations stay in the small-step regime whose implicit bias the paper analyses. At the
   * QUICK size h = 0.1 and h = 0.01 give GD errors within 1% and WN errors of the same order; at
   * the paper's size h = 0.1 is what lets WN reach 1e-12 within the 10^6-iteration cap.
   */
  static final double STEP = 0.1;

  /** Problem and run sizes. */
  record Sizes(int n, int m, int s, int trials, long maxIterations) {
    static Sizes of(CheckContext.Profile p) {
      return p == CheckContext.Profile.PAPER ? PAPER : QUICK;
    }
  }

  /** The paper's sizes: N = 1000, M = 150, s = 10, ten trials, 10^6 iterations. */
  static final Sizes PAPER = new Sizes(1000, 150, 10, 10, 1_000_000);
  /** The same experiments scaled down for the default audit (seconds per figure). */
  static final Sizes QUICK = new Sizes(60, 15, 3, 3, 400_000);

  /** How the ground truth is drawn. */
  enum Truth {
    /** x* = |z|, z standard Gaussian (Section 4.1, Figures 1-3; error eps1). */
    GAUSSIAN,
    /** x* = s |z*| / ||z*||_1, z* Gaussian on a random support of size s (Figure 4; eps2). */
    SPARSE_POSITIVE,
    /** x* = s z* / ||z*||_1 with the signed loss (21) (Figure 5; eps2). */
    SPARSE_SIGNED
  }

  /**
   * One random instance: data, ground truth, the initial direction (a positive unit vector of the
   * problem's dimension, 2N for the signed loss) and, for the Gaussian truth, min_{S+} ||z||_1.
   */
  record Trial(SensingProblem problem, double[] xStar, double[] direction, double minL1, String lpDetail) {}

  static Trial draw(SplittableRandom rng, Sizes z, Truth truth) {
    int n = z.n();
    int m = z.m();
    double[][] a = new double[m][n];
    double scale = 1.0 / Math.sqrt(m);
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        a[i][k] = rng.nextGaussian() * scale;
      }
    }
    double[] xs = new double[n];
    if (truth == Truth.GAUSSIAN) {
      for (int k = 0; k < n; k++) {
        xs[k] = Math.abs(rng.nextGaussian());
      }
    } else {
      int[] perm = new int[n];
      for (int k = 0; k < n; k++) {
        perm[k] = k;
      }
      for (int k = 0; k < z.s(); k++) {
        int j = k + rng.nextInt(n - k);
        int tmp = perm[k];
        perm[k] = perm[j];
        perm[j] = tmp;
      }
      double l1 = 0;
      for (int k = 0; k < z.s(); k++) {
        double v = rng.nextGaussian();
        xs[perm[k]] = truth == Truth.SPARSE_POSITIVE ? Math.abs(v) : v;
        l1 += Math.abs(v);
      }
      for (int k = 0; k < n; k++) {
        xs[k] *= z.s() / l1;
      }
    }
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      double sum = 0;
      for (int k = 0; k < n; k++) {
        sum += a[i][k] * xs[k];
      }
      b[i] = sum;
    }
    SensingProblem p = SensingProblem.of(a, b, DEPTH);
    if (truth == Truth.SPARSE_SIGNED) {
      p = p.signed();
    }
    int dim = p.columns();
    double[] w = new double[dim];
    double nw = 0;
    for (int k = 0; k < dim; k++) {
      w[k] = Math.abs(rng.nextGaussian());
      nw += w[k] * w[k];
    }
    nw = Math.sqrt(nw);
    for (int k = 0; k < dim; k++) {
      w[k] /= nw;
    }
    double minL1 = Double.NaN;
    String detail = "not needed";
    if (truth == Truth.GAUSSIAN) {
      double[] ones = new double[n];
      java.util.Arrays.fill(ones, 1.0);
      LpResult lp = WeightedL1Program.minimise(a, b, ones);
      minL1 = lp.optimal() ? lp.value() : Double.NaN;
      detail = lp.detail();
    }
    return new Trial(p, xs, w, minL1, detail);
  }

  static DescentOptions options(long maxIterations, int traceEvery, CheckContext ctx) {
    return new DescentOptions(maxIterations, LOSS_TARGET, StepRule.backtracking(STEP, STEP),
        traceEvery, ctx::checkpoint);
  }

  static DescentRun gd(Trial t, double r0, DescentOptions o) {
    double[] x0 = t.direction().clone();
    for (int k = 0; k < x0.length; k++) {
      x0[k] *= r0;
    }
    return DiscreteDescent.gd(t.problem(), x0, o);
  }

  static DescentRun wn(Trial t, double r0, double eta, DescentOptions o) {
    return DiscreteDescent.wn(t.problem(), r0, t.direction(), eta, 1.0, o);
  }

  /** eps1 for the Gaussian truth, eps2 otherwise. */
  static double error(Trial t, Truth truth, DescentRun run) {
    double[] sig = run.signal();
    double e = 0;
    if (truth == Truth.GAUSSIAN) {
      for (double v : sig) {
        e += Math.abs(v);
      }
      return e - t.minL1();
    }
    for (int k = 0; k < sig.length; k++) {
      e += Math.abs(sig[k] - t.xStar()[k]);
    }
    return e;
  }
}
