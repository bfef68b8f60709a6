package org.wnverify.numeric.linalg;

/** Small dense-vector helpers on double[] (no allocation beyond the result). */
public final class Vectors {
  private Vectors() {}

  public static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }

  public static double norm(double[] a) {
    return Math.sqrt(dot(a, a));
  }

  public static double norm1(double[] a) {
    double s = 0;
    for (double x : a) {
      s += Math.abs(x);
    }
    return s;
  }

  public static double normInf(double[] a) {
    double s = 0;
    for (double x : a) {
      s = Math.max(s, Math.abs(x));
    }
    return s;
  }

  public static double min(double[] a) {
    double s = Double.POSITIVE_INFINITY;
    for (double x : a) {
      s = Math.min(s, x);
    }
    return s;
  }

  public static double[] subtract(double[] a, double[] b) {
    double[] c = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      c[k] = a[k] - b[k];
    }
    return c;
  }

  public static double distance(double[] a, double[] b) {
    return norm(subtract(a, b));
  }

  public static double[] scale(double s, double[] a) {
    double[] c = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      c[k] = s * a[k];
    }
    return c;
  }

  /** Entrywise power x^p. */
  public static double[] pow(double[] a, double p) {
    double[] c = new double[a.length];
    for (int k = 0; k < a.length; k++) {
      c[k] = Math.pow(a[k], p);
    }
    return c;
  }

  /** A x for a row-major M x N matrix given as rows. */
  public static double[] multiply(double[][] a, double[] x) {
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      y[i] = dot(a[i], x);
    }
    return y;
  }

  public static boolean allFinite(double[] a) {
    for (double x : a) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }
}
