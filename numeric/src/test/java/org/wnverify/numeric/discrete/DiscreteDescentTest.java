package org.wnverify.numeric.discrete;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiscreteDescentTest {
  /** Agreement of the fast gradient with the emitted kernel: rounding only. */
  private static final double KERNEL_AGREEMENT = 1e-12;

  private static double[][] gaussian(SplittableRandom rng, int m, int n) {
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < n; k++) {
        a[i][k] = rng.nextGaussian() / Math.sqrt(m);
      }
    }
    return a;
  }

  private static double[] times(double[][] a, double[] x) {
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < x.length; k++) {
        b[i] += a[i][k] * x[k];
      }
    }
    return b;
  }

  private static DescentOptions opts(long iters, StepRule s) {
    return new DescentOptions(iters, 1e-12, s, 0, null);
  }

  @Test
  void fastGradientAndWnFieldMatchTheEmittedKernels() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] a = gaussian(rng, 4, 7);
    double[] b = {0.3, -0.2, 1.1, 0.4};
    for (int depth : new int[] {2, 3}) {
      SensingProblem p = SensingProblem.of(a, b, depth);
      double[] x = new double[7];
      for (int k = 0; k < 7; k++) {
        x[k] = 0.2 + rng.nextDouble();
      }
      double[] res = new double[4];
      p.residual(x, res);
      double[] g = new double[7];
      double[] gk = new double[7];
      p.gradient(x, res, g);
      p.kernelGradient(x, gk);
      for (int k = 0; k < 7; k++) {
        assertThat(g[k]).isCloseTo(gk[k], within(KERNEL_AGREEMENT));
      }
      double[] state = new double[8];
      state[0] = 0.7;
      System.arraycopy(x, 0, state, 1, 7);
      double[] f = DiscreteDescent.wnField(p, state, 0.1, 1.0);
      double[] fk = DiscreteDescent.wnFieldFromKernel(p, state, 0.1, 1.0);
      for (int k = 0; k < 8; k++) {
        assertThat(f[k]).isCloseTo(fk[k], within(KERNEL_AGREEMENT));
      }
    }
  }

  @Test
  void gdAndWnDecreaseTheLossOnATinyProblem() {
    SplittableRandom rng = new SplittableRandom(5);
    double[][] a = gaussian(rng, 3, 6);
    double[] truth = {1.0, 0, 0.5, 0, 0, 0.2};
    SensingProblem p = SensingProblem.of(a, times(a, truth), 2);
    double[] x0 = new double[6];
    java.util.Arrays.fill(x0, 0.3);
    for (StepRule s : new StepRule[] {StepRule.constant(0.05), StepRule.backtracking(0.1, 0.1)}) {
      DescentRun gd = DiscreteDescent.gd(p, x0, opts(50_000, s));
      assertThat(gd.finalLoss()).isLessThan(gd.initialLoss() * 1e-6);
      DescentRun wn = DiscreteDescent.wn(p, 0.5, x0, 0.1, 1.0, opts(50_000, s));
      assertThat(wn.finalLoss()).isLessThan(wn.initialLoss() * 1e-6);
      assertThat(wn.maxRelativeIncrease()).isZero();
    }
  }

  @Test
  void signedParametrisationReachesASignedSolution() {
    SplittableRandom rng = new SplittableRandom(7);
    double[][] a = gaussian(rng, 6, 8);
    double[] truth = {1.0, 0, -0.8, 0, 0, 0, 0, 0};
    SensingProblem p = SensingProblem.of(a, times(a, truth), 2).signed();
    assertThat(p.columns()).isEqualTo(16);
    double[] w0 = new double[16];
    java.util.Arrays.fill(w0, 0.05);
    DescentRun run = DiscreteDescent.gd(p, w0, opts(200_000, StepRule.backtracking(0.1, 0.1)));
    assertThat(run.reachedTarget()).isTrue();
    double[] sig = run.signal();
    assertThat(sig).hasSize(8);
    // the recovered signal fits b and takes both signs (an unsigned model could not)
    double min = java.util.Arrays.stream(sig).min().orElseThrow();
    double max = java.util.Arrays.stream(sig).max().orElseThrow();
    assertThat(max).isGreaterThan(0.1);
    assertThat(min).isLessThan(-0.1);
  }

  @Test
  void sameInputsGiveTheSameBits() {
    SplittableRandom rng = new SplittableRandom(9);
    double[][] a = gaussian(rng, 3, 5);
    SensingProblem p = SensingProblem.of(a, new double[] {1, 0.5, -0.2}, 2);
    double[] u0 = {0.4, 0.3, 0.5, 0.2, 0.6};
    DescentRun r1 = DiscreteDescent.wn(p, 1.0, u0, 0.1, 1.0, opts(3_000, StepRule.backtracking(0.1, 0.1)));
    DescentRun r2 = DiscreteDescent.wn(p, 1.0, u0, 0.1, 1.0, opts(3_000, StepRule.backtracking(0.1, 0.1)));
    assertThat(r2.x()).containsExactly(r1.x());
    assertThat(r2.finalLoss()).isEqualTo(r1.finalLoss());
  }
}
