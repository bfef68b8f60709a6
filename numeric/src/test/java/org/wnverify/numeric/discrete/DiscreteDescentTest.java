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
  @Test
  void blockedKernelsMatchPlainLoopsAtAwkwardSizes() {
    SplittableRandom rng = new SplittableRandom(11);
    for (int[] mn : new int[][] {{1, 1}, {3, 5}, {7, 9}, {13, 17}, {9, 4}}) {
      int m = mn[0];
      int n = mn[1];
      double[] a = new double[m * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = rng.nextGaussian();
      }
      double[] v = new double[n];
      double[] b = new double[m];
      double[] r = new double[m];
      for (int k = 0; k < n; k++) {
        v[k] = rng.nextGaussian();
      }
      for (int i = 0; i < m; i++) {
        b[i] = rng.nextGaussian();
        r[i] = rng.nextGaussian();
      }
      double[] res = new double[m];
      double[][] cols = new double[n][m];
      double[][] rows = new double[m][n];
      for (int i = 0; i < m; i++) {
        for (int k = 0; k < n; k++) {
          rows[i][k] = a[i * n + k];
          cols[k][i] = a[i * n + k];
        }
      }
      double ss = SensingProblem.times(cols, m, n, v, b, res);
      double ssPlain = 0;
      for (int i = 0; i < m; i++) {
        double s = -b[i];
        for (int k = 0; k < n; k++) {
          s += a[i * n + k] * v[k];
        }
        assertThat(res[i]).isCloseTo(s, within(1e-12));
        ssPlain += s * s;
      }
      assertThat(ss).isCloseTo(ssPlain, within(1e-10));
      double[] res2 = new double[m];
      assertThat(SensingProblem.timesByRows(rows, m, n, v, b, res2)).isCloseTo(ssPlain, within(1e-10));
      for (int i = 0; i < m; i++) {
        assertThat(res2[i]).isCloseTo(res[i], within(1e-12));
      }
      double[] out = new double[n];
      SensingProblem.transposeTimes(rows, m, n, r, out);
      for (int k = 0; k < n; k++) {
        double s = 0;
        for (int i = 0; i < m; i++) {
          s += a[i * n + k] * r[i];
        }
        assertThat(out[k]).isCloseTo(s, within(1e-12));
      }
    }
  }

  @Test
  void integerPowersByMultiplication() {
    for (int p = 0; p <= 7; p++) {
      for (double x : new double[] {-1.7, -0.3, 0, 0.4, 2.5}) {
        assertThat(org.wnverify.numeric.generated.GradientFlowKernel.ipow(x, p)).isCloseTo(Math.pow(x, p), within(1e-12 * (1 + Math.abs(Math.pow(x, p)))));
      }
    }
  }

  @Test
  void signedProblemAgreesWithTheStackedMatrixKernel() {
    SplittableRandom rng = new SplittableRandom(13);
    double[][] a = gaussian(rng, 5, 6);
    double[] b = {0.2, -0.4, 0.9, 0.1, -0.3};
    for (int depth : new int[] {2, 3}) {
      SensingProblem p = SensingProblem.of(a, b, depth).signed();
      double[] x = new double[12];
      for (int k = 0; k < 12; k++) {
        x[k] = 0.1 + rng.nextDouble();
      }
      double[] res = new double[5];
      double loss = p.residual(x, res);
      double[] g = new double[12];
      double[] gk = new double[12];
      p.gradient(x, res, g);
      p.kernelGradient(x, gk);
      for (int k = 0; k < 12; k++) {
        assertThat(g[k]).isCloseTo(gk[k], within(KERNEL_AGREEMENT));
      }
      // the loss of [A, -A] [u; v]^L computed the slow way
      double[] big = p.matrix();
      double sum = 0;
      for (int i = 0; i < 5; i++) {
        double s = -b[i];
        for (int k = 0; k < 12; k++) {
          s += big[i * 12 + k] * Math.pow(x[k], depth);
        }
        sum += s * s;
      }
      assertThat(loss).isCloseTo(sum / (2.0 * depth), within(1e-12));
      double[] state = new double[13];
      state[0] = 0.9;
      System.arraycopy(x, 0, state, 1, 12);
      double[] f = DiscreteDescent.wnField(p, state, 0.1, 1.0);
      double[] fk = DiscreteDescent.wnFieldFromKernel(p, state, 0.1, 1.0);
      for (int k = 0; k < 13; k++) {
        assertThat(f[k]).isCloseTo(fk[k], within(KERNEL_AGREEMENT));
      }
    }
  }

  @Test
  void traceIsLogSpacedWithFirstAndLastIterationAndErrors() {
    SplittableRandom rng = new SplittableRandom(15);
    double[][] a = gaussian(rng, 3, 6);
    double[] truth = {1.0, 0, 0.5, 0, 0, 0.2};
    SensingProblem p = SensingProblem.of(a, times(a, truth), 2);
    double[] x0 = new double[6];
    java.util.Arrays.fill(x0, 0.3);
    DescentOptions o = new DescentOptions(5_000, 0, StepRule.backtracking(0.1, 0.1), 20, null)
        .withError(sig -> sig[0]);
    DescentRun run = DiscreteDescent.gd(p, x0, o);
    assertThat(run.stop()).isIn(DescentRun.Stop.ITERATION_CAP, DescentRun.Stop.STALLED);
    long[] ti = run.traceIterations();
    assertThat(ti[0]).isZero();
    assertThat(ti[ti.length - 1]).isEqualTo(run.iterations());
    assertThat(ti.length).isBetween(15, 30);
    for (int i = 1; i < ti.length; i++) {
      assertThat(ti[i]).isGreaterThan(ti[i - 1]);
    }
    assertThat(run.traceErrors()[ti.length - 1]).isEqualTo(run.signal()[0]);
    assertThat(run.traceLosses()[ti.length - 1]).isEqualTo(run.finalLoss());
    // the marks depend on the cap only: a second run with another start records the same prefix
    double[] x1 = x0.clone();
    x1[0] = 0.5;
    long[] t2 = DiscreteDescent.gd(p, x1, o).traceIterations();
    for (int i = 0; i < Math.min(ti.length, t2.length) - 1; i++) {
      assertThat(t2[i]).isEqualTo(ti[i]);
    }
  }

  @Test
  void plateauRuleStopsOnceTheErrorHasSettledAndOnlyBelowItsLossGate() {
    SplittableRandom rng = new SplittableRandom(17);
    double[][] a = gaussian(rng, 3, 6);
    double[] truth = {1.0, 0, 0.5, 0, 0, 0.2};
    SensingProblem p = SensingProblem.of(a, times(a, truth), 2);
    double[] x0 = new double[6];
    java.util.Arrays.fill(x0, 0.3);
    java.util.function.ToDoubleFunction<double[]> l1 = sig -> java.util.Arrays.stream(sig).sum();
    DescentOptions base = new DescentOptions(200_000, 0, StepRule.backtracking(0.1, 0.1), 0, null)
        .withError(l1);
    DescentRun settled = DiscreteDescent.gd(p, x0, base.withPlateau(new DescentOptions.Plateau(100, 1000, 1e-3, 1)));
    assertThat(settled.stop()).isEqualTo(DescentRun.Stop.PLATEAU);
    assertThat(settled.plateauChange()).isLessThanOrEqualTo(1e-3);
    assertThat(settled.iterations() % 100).isZero();
    // the loss gate: with a gate below every loss the run goes to the cap instead
    DescentRun gated = DiscreteDescent.gd(p, x0, base.withMaxIterations(20_000)
        .withPlateau(new DescentOptions.Plateau(100, 1000, 1e-3, 0)));
    assertThat(gated.stop()).isNotEqualTo(DescentRun.Stop.PLATEAU);
  }

  @Test
  void outOfTimeEndsTheRunWithWhatItHas() {
    SplittableRandom rng = new SplittableRandom(19);
    double[][] a = gaussian(rng, 3, 6);
    SensingProblem p = SensingProblem.of(a, new double[] {1, 0.5, -0.2}, 2);
    double[] x0 = new double[6];
    java.util.Arrays.fill(x0, 0.3);
    int[] polls = {0};
    DescentOptions o = new DescentOptions(1_000_000, 0, StepRule.backtracking(0.1, 0.1), 0, null)
        .withOutOfTime(() -> ++polls[0] > 3);
    DescentRun run = DiscreteDescent.wn(p, 1.0, x0, 0.1, 1.0, o);
    assertThat(run.stop()).isEqualTo(DescentRun.Stop.TIME);
    assertThat(run.iterations()).isEqualTo(3L * DescentOptions.CHECKPOINT_EVERY);
    // each u-step is orthogonal to u, so ||u|| never shrinks (the flow keeps it fixed)
    assertThat(run.finalUNorm()).isGreaterThanOrEqualTo(Math.sqrt(6 * 0.09) * (1 - 1e-12));
  }
}
