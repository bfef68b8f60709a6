package org.wnverify.numeric.generated;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A JMH-free micro benchmark (a main, not a test): the emitted kernels against the hand-written
 * loops of {@link HandWrittenPeers}, measured in the same run and interleaved (A, B, A, B, ...)
 * after a warm-up, so that JIT state and machine load affect both alike. Reports the best time per
 * call of each over the rounds (load only adds time), the RATIO emitted / hand-written of those
 * (the target is <= 1.10), and the median of the per-round ratios as a check.
 *
 * <p>Run: {@code mvn -o -q -pl numeric test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.wnverify.numeric.generated.KernelBenchmark} (or java -cp with the test
 * classpath).
 */
public final class KernelBenchmark {
  private KernelBenchmark() {}

  private static volatile double sink;

  interface Body {
    void run();
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
    SplittableRandom r = new SplittableRandom(1);
    System.out.println("kernel                         M    N  L   emitted ns   hand ns   ratio  median-of-paired");
    double worst = 0;
    for (int[] shape : new int[][] {{150, 1000, 2}, {150, 1000, 3}, {20, 100, 3}, {2, 5, 2}}) {
      int m = shape[0];
      int n = shape[1];
      int depth = shape[2];
      double[] a = new double[m * n];
      for (int i = 0; i < a.length; i++) {
        a[i] = r.nextGaussian() / Math.sqrt(m);
      }
      double[] b = new double[m];
      for (int i = 0; i < m; i++) {
        b[i] = r.nextGaussian();
      }
      double[] state = new double[n + 1];
      for (int i = 0; i < state.length; i++) {
        state[i] = 0.1 + r.nextDouble();
      }
      double[] x = Arrays.copyOfRange(state, 1, n + 1);
      double[] g = new double[n];
      double[] out = new double[n + 1];
      int reps = Math.max(20, 3_000_000 / (m * n + n)); // a few ms per measurement
      worst = Math.max(worst, report("GradientFlowKernel.lossGradient", m, n, depth, rounds, reps,
          () -> {
            GradientFlowKernel.lossGradient(a, m, n, b, depth, x, g);
            sink += g[0];
          },
          () -> {
            HandWrittenPeers.lossGradient(a, m, n, b, depth, x, g);
            sink += g[0];
          }));
      worst = Math.max(worst, report("WnFlowKernel.derivative", m, n, depth, rounds, reps,
          () -> {
            WnFlowKernel.derivative(a, m, n, b, depth, 0.5, 1.0, state, out);
            sink += out[0];
          },
          () -> {
            HandWrittenPeers.wnDerivative(a, m, n, b, depth, 0.5, 1.0, state, out);
            sink += out[0];
          }));
    }
    System.out.printf(Locale.ROOT, "worst ratio emitted/hand-written: %.3f (target <= 1.10)%n", worst);
  }

  private static double report(String name, int m, int n, int depth, int rounds, int reps, Body emitted, Body hand) {
    long warm = System.nanoTime();
    while (System.nanoTime() - warm < 1_500_000_000L) { // warm-up: both fully compiled before measuring
      time(emitted, reps);
      time(hand, reps);
    }
    double[] te = new double[rounds];
    double[] th = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      if (i % 2 == 0) {
        te[i] = time(emitted, reps);
        th[i] = time(hand, reps);
      } else {
        th[i] = time(hand, reps);
        te[i] = time(emitted, reps);
      }
    }
    // The minimum over rounds estimates the uncontended time (load only ever adds time); the
    // median ratio of paired rounds is printed too, as a check on the minimum.
    double e = min(te);
    double h = min(th);
    double ratio = e / h;
    double[] paired = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      paired[i] = te[i] / th[i];
    }
    System.out.printf(Locale.ROOT, "%-30s %4d %5d %2d %12.1f %9.1f %7.3f %7.3f%n", name, m, n, depth, e, h, ratio,
        median(paired));
    return ratio;
  }

  private static double time(Body body, int reps) {
    long t = System.nanoTime();
    for (int i = 0; i < reps; i++) {
      body.run();
    }
    return (System.nanoTime() - t) / (double) reps;
  }

  private static double min(double[] v) {
    return Arrays.stream(v).min().orElseThrow();
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
