package org.wnverify.numeric.network;

import org.wnverify.numeric.linalg.Vectors;

/**
 * A vector e^{logScale} * direction whose scale may lie far outside the double range (a gradient
 * of a loss near e^-1000): norms and ratios are computed from the parts, never from the product.
 */
public record ScaledVector(double logScale, double[] direction) {
  /** log ||v||. */
  public double logNorm() {
    return logScale + Math.log(Vectors.norm(direction));
  }

  /** The vector itself, which underflows to 0 for scales below ~e^-745. */
  public double[] materialize() {
    return Vectors.scale(Math.exp(logScale), direction);
  }

  /** log ||block|| of an index range (a node's block of a gradient). */
  public double logNorm(int from, int length) {
    double s = 0;
    for (int i = from; i < from + length; i++) {
      s += direction[i] * direction[i];
    }
    return logScale + 0.5 * Math.log(s);
  }
}
