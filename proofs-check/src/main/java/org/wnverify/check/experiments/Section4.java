package org.wnverify.check.experiments;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.ToDoubleFunction;
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
   * The step: the paper allows "constant small step size, or step size yields by the line search
   * method" without numbers. Used here: Armijo backtracking from h = 0.1, never above 0.1, growing
   * by 2^(1/8) after each accepted step ({@link StepRule#GROWTH}). At the paper's size 0.1 is at the
   * edge of stability (about 2 / largest curvature), so the step hovers just below it; from large
   * initial losses (r0 = 100) the halving keeps the runs from blowing up. The discrete WN runs are
   * sensitive to this choice (each u-step is orthogonal to u, so ||u|| grows by h^2 ||du||^2 per
   * step, which the flow does not do); the tables report the final ||u|| for that reason.
   */
  static final double STEP = 0.1;
  /** Loss-trace points per run: about 50 spaced evenly in log(iteration) up to the cap. */
  static final int TRACE_POINTS = 50;

  /** Problem and run sizes. */
  record Sizes(int n, int m, int s, int trials, long maxIterations) {
    static Sizes of(CheckContext.Profile p) {
      return p == CheckContext.Profile.PAPER ? PAPER : QUICK;
    }

    @Override
    public String toString() {
      return "N=" + n + ", M=" + m + ", s=" + s + ", trials=" + trials + ", iteration cap=" + maxIterations;
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
  record Trial(SensingProblem problem, double[] xStar, double[] direction, double minL1, String lpDetail) {
    /** The same data with another initial direction (Figure 1: one data set, ten initializations). */
    Trial withDirection(long seed) {
      return new Trial(problem, xStar, Section4.direction(new SplittableRandom(seed), problem.columns()), minL1,
          lpDetail);
    }
  }

  /**
   * The seed of trial {@code index} of a claim whose random stream has seed {@code claimSeed}: a
   * SplitMix64 mix of the two, so every trial can be drawn on its own (in parallel, in any order).
   */
  static long trialSeed(long claimSeed, int index) {
    long z = claimSeed + 0x9E3779B97F4A7C15L * (index + 1L);
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  static Trial draw(long seed, Sizes z, Truth truth) {
    SplittableRandom rng = new SplittableRandom(seed);
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
    double[] w = direction(rng, p.columns());
    double minL1 = Double.NaN;
    String detail = "not needed";
    if (truth == Truth.GAUSSIAN) {
      double[] ones = new double[n];
      Arrays.fill(ones, 1.0);
      LpResult lp = WeightedL1Program.minimise(a, b, ones);
      minL1 = lp.optimal() ? lp.value() : Double.NaN;
      detail = lp.detail();
    }
    return new Trial(p, xs, w, minL1, detail);
  }

  /** A positive unit vector: |g| / ||g||, g standard Gaussian. */
  static double[] direction(SplittableRandom rng, int dim) {
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
    return w;
  }

  /** eps1 (Gaussian truth) or eps2 (sparse truths) of a signal, as a function for the runs. */
  static ToDoubleFunction<double[]> errorFunction(Trial t, Truth truth) {
    if (truth == Truth.GAUSSIAN) {
      double min = t.minL1();
      return sig -> {
        double e = 0;
        for (double v : sig) {
          e += Math.abs(v);
        }
        return e - min;
      };
    }
    double[] xs = t.xStar();
    return sig -> {
      double e = 0;
      for (int k = 0; k < sig.length; k++) {
        e += Math.abs(sig[k] - xs[k]);
      }
      return e;
    };
  }

  /**
   * Options of one run: the cap, the paper's loss target, the step rule, a loss/error trace, the
   * claim's checkpoint and soft deadline, and optionally the plateau rule.
   */
  static DescentOptions options(long maxIterations, CheckContext ctx, Trial t, Truth truth,
      DescentOptions.Plateau plateau, BooleanSupplier outOfTime) {
    return new DescentOptions(maxIterations, LOSS_TARGET, StepRule.backtracking(STEP, STEP), TRACE_POINTS,
        ctx::checkpoint, errorFunction(t, truth), plateau, outOfTime);
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
    return errorFunction(t, truth).applyAsDouble(run.signal());
  }
}
