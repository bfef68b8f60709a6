package org.wnverify.symbolic.prove;

/**
 * A free symbol of a defect and the interval its random rational sample values are drawn from
 * (e.g. positive for entries of u, or small enough to stay inside the unit ball when the last
 * coordinate is sqrt(1 - sum of squares)).
 */
public record Variable(String name, double lo, double hi) {
  public Variable {
    if (!(lo < hi)) {
      throw new IllegalArgumentException("empty range for " + name + ": [" + lo + ", " + hi + "]");
    }
  }

  public static Variable of(String name, double lo, double hi) {
    return new Variable(name, lo, hi);
  }
}
