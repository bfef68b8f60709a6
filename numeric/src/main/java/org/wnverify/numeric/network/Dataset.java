package org.wnverify.numeric.network;

import java.util.Arrays;

/**
 * Training points (x_i, y_i). Binary data (classes = 2 with a scalar-output net) have labels
 * -1/+1; k-class data (App. H) have labels 0 .. k-1 and a k-output net.
 */
public record Dataset(double[][] x, int[] labels, int classes) {
  public Dataset {
    if (x.length == 0 || x.length != labels.length) {
      throw new IllegalArgumentException("dataset needs m >= 1 points and m labels, got " + x.length
          + " points, " + labels.length + " labels");
    }
    int d = x[0].length;
    double[][] copy = new double[x.length][];
    for (int i = 0; i < x.length; i++) {
      if (x[i].length != d) {
        throw new IllegalArgumentException("point " + i + " has dimension " + x[i].length + ", point 0 has " + d);
      }
      for (double v : x[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("point " + i + " is not finite: " + Arrays.toString(x[i]));
        }
      }
      copy[i] = x[i].clone();
      boolean ok = classes == 2 ? labels[i] == 1 || labels[i] == -1 : labels[i] >= 0 && labels[i] < classes;
      if (!ok) {
        throw new IllegalArgumentException("label " + labels[i] + " of point " + i + " is not valid for "
            + (classes == 2 ? "binary (-1/+1)" : classes + "-class") + " data");
      }
    }
    x = copy;
    labels = labels.clone();
  }

  public static Dataset binary(double[][] x, int[] labels) {
    return new Dataset(x, labels, 2);
  }

  public int size() {
    return x.length;
  }

  public int dimension() {
    return x[0].length;
  }

  public boolean isBinary() {
    return classes == 2;
  }
}
