package org.wnverify.numeric.fast;

/**
 * The plain-Java {@link RowPass}: the vector backend's operations one lane at a time, in the same
 * order, so that both give the same bits (tests assert it). The fallback when the incubating
 * vector API is not available.
 */
final class ScalarRowPass extends RowPass {
  static final ScalarRowPass INSTANCE = new ScalarRowPass();

  private ScalarRowPass() {}

  @Override
  public String name() {
    return "scalar";
  }

  @Override
  public void run(double[] a, int n, double[] b, double[] v, int lo, int hi, double[] s, double[] t) {
    int n8 = n & ~7;
    int n4 = n & ~3;
    for (int i = lo; i < hi; i++) {
      int o = i * n;
      double p0 = 0;
      double p1 = 0;
      double p2 = 0;
      double p3 = 0;
      double q0 = 0;
      double q1 = 0;
      double q2 = 0;
      double q3 = 0;
      int k = 0;
      for (; k < n8; k += 8) {
        p0 = Math.fma(a[o + k], v[k], p0);
        p1 = Math.fma(a[o + k + 1], v[k + 1], p1);
        p2 = Math.fma(a[o + k + 2], v[k + 2], p2);
        p3 = Math.fma(a[o + k + 3], v[k + 3], p3);
        q0 = Math.fma(a[o + k + 4], v[k + 4], q0);
        q1 = Math.fma(a[o + k + 5], v[k + 5], q1);
        q2 = Math.fma(a[o + k + 6], v[k + 6], q2);
        q3 = Math.fma(a[o + k + 7], v[k + 7], q3);
      }
      if (k < n4) {
        p0 = Math.fma(a[o + k], v[k], p0);
        p1 = Math.fma(a[o + k + 1], v[k + 1], p1);
        p2 = Math.fma(a[o + k + 2], v[k + 2], p2);
        p3 = Math.fma(a[o + k + 3], v[k + 3], p3);
        k += 4;
      }
      double tail = 0;
      for (; k < n; k++) {
        tail = Math.fma(a[o + k], v[k], tail);
      }
      double si = (((p0 + q0) + (p1 + q1)) + ((p2 + q2) + (p3 + q3)) + tail) - b[i];
      s[i] = si;
      for (k = 0; k < n; k++) {
        t[k] = Math.fma(a[o + k], si, t[k]);
      }
    }
  }
}
