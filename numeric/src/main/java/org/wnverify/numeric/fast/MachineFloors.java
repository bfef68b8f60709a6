package org.wnverify.numeric.fast;

/**
 * This machine's floors for a kernel, measured rather than looked up: the streaming read bandwidth
 * for an array of a given size (from L3 once it exceeds L2) and the peak fused multiply-add rate of
 * one core, each the best of several timed repetitions after a warm-up (load from other processes
 * only ever adds time). A kernel that must read B bytes and do F fused multiply-adds cannot take
 * less than max(B / bandwidth, F / rate) on one core; {@link #floorSeconds} is that bound.
 */
public final class MachineFloors {
  private static volatile double sink;

  private MachineFloors() {}

  /** Bytes per second of repeated sums over an array of {@code bytes} bytes (one thread). */
  public static double readBandwidth(long bytes, int rounds) {
    double[] v = new double[(int) (bytes / 8)];
    for (int i = 0; i < v.length; i++) {
      v[i] = 1.0 + (i & 7);
    }
    boolean vec = RowPass.vector() != null;
    int reps = (int) Math.max(4, 200_000_000L / bytes);
    double best = Double.MAX_VALUE;
    for (int r = -3; r < rounds; r++) {
      long t0 = System.nanoTime();
      for (int k = 0; k < reps; k++) {
        sink += vec ? VectorProbes.sum(v) : scalarSum(v);
      }
      double sec = (System.nanoTime() - t0) / 1e9 / reps;
      if (r >= 0) {
        best = Math.min(best, sec);
      }
    }
    return bytes / best;
  }

  /** Fused multiply-adds per second of one thread (independent chains, no memory traffic). */
  public static double fmaRate(int rounds) {
    boolean vec = RowPass.vector() != null;
    long iters = 5_000_000L;
    double best = Double.MAX_VALUE;
    for (int r = -3; r < rounds; r++) {
      long t0 = System.nanoTime();
      sink += vec ? VectorProbes.fmas(iters, 0.5 + r) : scalarFmas(iters / 4, 0.5 + r);
      double sec = (System.nanoTime() - t0) / 1e9;
      if (r >= 0) {
        best = Math.min(best, sec);
      }
    }
    return (vec ? 48.0 * iters : 12.0 * (iters / 4)) / best;
  }

  /** max(bytes / bandwidth, fmas / rate). */
  public static double floorSeconds(double bytes, double bandwidth, double fmas, double rate) {
    return Math.max(bytes / bandwidth, fmas / rate);
  }

  private static double scalarSum(double[] v) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int n = v.length & ~3;
    for (int k = 0; k < n; k += 4) {
      s0 += v[k];
      s1 += v[k + 1];
      s2 += v[k + 2];
      s3 += v[k + 3];
    }
    return s0 + s1 + s2 + s3;
  }

  private static double scalarFmas(long iters, double seed) {
    double m = 0.999999;
    double c = 1e-9;
    double a0 = seed;
    double a1 = seed + 1;
    double a2 = seed + 2;
    double a3 = seed + 3;
    double a4 = seed + 4;
    double a5 = seed + 5;
    double a6 = seed + 6;
    double a7 = seed + 7;
    double a8 = seed + 8;
    double a9 = seed + 9;
    double a10 = seed + 10;
    double a11 = seed + 11;
    for (long i = 0; i < iters; i++) {
      a0 = Math.fma(a0, m, c);
      a1 = Math.fma(a1, m, c);
      a2 = Math.fma(a2, m, c);
      a3 = Math.fma(a3, m, c);
      a4 = Math.fma(a4, m, c);
      a5 = Math.fma(a5, m, c);
      a6 = Math.fma(a6, m, c);
      a7 = Math.fma(a7, m, c);
      a8 = Math.fma(a8, m, c);
      a9 = Math.fma(a9, m, c);
      a10 = Math.fma(a10, m, c);
      a11 = Math.fma(a11, m, c);
    }
    return a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11;
  }
}
