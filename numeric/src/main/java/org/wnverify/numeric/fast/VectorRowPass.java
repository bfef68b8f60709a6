package org.wnverify.numeric.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The {@link RowPass} on the JDK's incubating vector API (256-bit fused multiply-adds; JDK 17 never
 * auto-vectorizes a floating-point dot product). Rows go four at a time: the four dot products share
 * each load of v (eight independent accumulators hide the FMA latency), and the update of t loads
 * and stores each chunk of t once for four rows. Grouping rows changes no operation of the
 * contract (each row has its own accumulators; t is updated row by row in increasing order), so
 * the result is that of {@link ScalarRowPass}, bit for bit.
 *
 * <p>Only loaded (reflectively, by {@link RowPass#best()}) when the JVM runs with {@code
 * --add-modules jdk.incubator.vector}.
 */
final class VectorRowPass extends RowPass {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  VectorRowPass() {}

  /** Whether this JVM compiles 256-bit double vectors to hardware instructions (else emulated, slow). */
  static boolean hardwareSupported() {
    return DoubleVector.SPECIES_PREFERRED.vectorBitSize() >= 256;
  }

  @Override
  public String name() {
    return "vector";
  }

  @Override
  public void run(double[] a, int n, double[] b, double[] v, int lo, int hi, double[] s, double[] t) {
    int i = lo;
    for (; i + 3 < hi; i += 4) {
      four(a, n, b, v, i, s, t);
    }
    for (; i < hi; i++) {
      one(a, n, b, v, i, s, t);
    }
  }

  private static double lanes(DoubleVector p, DoubleVector q) {
    DoubleVector w = p.add(q);
    return (w.lane(0) + w.lane(1)) + (w.lane(2) + w.lane(3));
  }

  private static double tail(double[] a, int o, double[] v, int k, int n) {
    double t = 0;
    for (; k < n; k++) {
      t = Math.fma(a[o + k], v[k], t);
    }
    return t;
  }

  private static void four(double[] a, int n, double[] b, double[] v, int i, double[] s, double[] t) {
    int n8 = n & ~7;
    int n4 = n & ~3;
    int o0 = i * n;
    int o1 = o0 + n;
    int o2 = o1 + n;
    int o3 = o2 + n;
    DoubleVector p0 = DoubleVector.zero(S);
    DoubleVector p1 = p0;
    DoubleVector p2 = p0;
    DoubleVector p3 = p0;
    DoubleVector q0 = p0;
    DoubleVector q1 = p0;
    DoubleVector q2 = p0;
    DoubleVector q3 = p0;
    int k = 0;
    for (; k < n8; k += 8) {
      DoubleVector x = DoubleVector.fromArray(S, v, k);
      DoubleVector y = DoubleVector.fromArray(S, v, k + 4);
      p0 = DoubleVector.fromArray(S, a, o0 + k).fma(x, p0);
      q0 = DoubleVector.fromArray(S, a, o0 + k + 4).fma(y, q0);
      p1 = DoubleVector.fromArray(S, a, o1 + k).fma(x, p1);
      q1 = DoubleVector.fromArray(S, a, o1 + k + 4).fma(y, q1);
      p2 = DoubleVector.fromArray(S, a, o2 + k).fma(x, p2);
      q2 = DoubleVector.fromArray(S, a, o2 + k + 4).fma(y, q2);
      p3 = DoubleVector.fromArray(S, a, o3 + k).fma(x, p3);
      q3 = DoubleVector.fromArray(S, a, o3 + k + 4).fma(y, q3);
    }
    if (k < n4) {
      DoubleVector x = DoubleVector.fromArray(S, v, k);
      p0 = DoubleVector.fromArray(S, a, o0 + k).fma(x, p0);
      p1 = DoubleVector.fromArray(S, a, o1 + k).fma(x, p1);
      p2 = DoubleVector.fromArray(S, a, o2 + k).fma(x, p2);
      p3 = DoubleVector.fromArray(S, a, o3 + k).fma(x, p3);
      k += 4;
    }
    double s0 = (lanes(p0, q0) + tail(a, o0, v, k, n)) - b[i];
    double s1 = (lanes(p1, q1) + tail(a, o1, v, k, n)) - b[i + 1];
    double s2 = (lanes(p2, q2) + tail(a, o2, v, k, n)) - b[i + 2];
    double s3 = (lanes(p3, q3) + tail(a, o3, v, k, n)) - b[i + 3];
    s[i] = s0;
    s[i + 1] = s1;
    s[i + 2] = s2;
    s[i + 3] = s3;
    DoubleVector c0 = DoubleVector.broadcast(S, s0);
    DoubleVector c1 = DoubleVector.broadcast(S, s1);
    DoubleVector c2 = DoubleVector.broadcast(S, s2);
    DoubleVector c3 = DoubleVector.broadcast(S, s3);
    for (k = 0; k < n4; k += 4) {
      DoubleVector g = DoubleVector.fromArray(S, t, k);
      g = DoubleVector.fromArray(S, a, o0 + k).fma(c0, g);
      g = DoubleVector.fromArray(S, a, o1 + k).fma(c1, g);
      g = DoubleVector.fromArray(S, a, o2 + k).fma(c2, g);
      g = DoubleVector.fromArray(S, a, o3 + k).fma(c3, g);
      g.intoArray(t, k);
    }
    for (; k < n; k++) {
      double g = t[k];
      g = Math.fma(a[o0 + k], s0, g);
      g = Math.fma(a[o1 + k], s1, g);
      g = Math.fma(a[o2 + k], s2, g);
      g = Math.fma(a[o3 + k], s3, g);
      t[k] = g;
    }
  }

  private static void one(double[] a, int n, double[] b, double[] v, int i, double[] s, double[] t) {
    int n8 = n & ~7;
    int n4 = n & ~3;
    int o = i * n;
    DoubleVector p = DoubleVector.zero(S);
    DoubleVector q = p;
    int k = 0;
    for (; k < n8; k += 8) {
      p = DoubleVector.fromArray(S, a, o + k).fma(DoubleVector.fromArray(S, v, k), p);
      q = DoubleVector.fromArray(S, a, o + k + 4).fma(DoubleVector.fromArray(S, v, k + 4), q);
    }
    if (k < n4) {
      p = DoubleVector.fromArray(S, a, o + k).fma(DoubleVector.fromArray(S, v, k), p);
      k += 4;
    }
    double si = (lanes(p, q) + tail(a, o, v, k, n)) - b[i];
    s[i] = si;
    DoubleVector c = DoubleVector.broadcast(S, si);
    for (k = 0; k < n4; k += 4) {
      DoubleVector.fromArray(S, a, o + k).fma(c, DoubleVector.fromArray(S, t, k)).intoArray(t, k);
    }
    for (; k < n; k++) {
      t[k] = Math.fma(a[o + k], si, t[k]);
    }
  }
}
