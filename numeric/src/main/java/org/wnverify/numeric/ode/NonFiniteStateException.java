package org.wnverify.numeric.ode;

/** Raised inside a derivative evaluation that produced NaN or infinity; becomes a status. */
final class NonFiniteStateException extends RuntimeException {
  final double time;

  NonFiniteStateException(double time) {
    super("non-finite derivative at t = " + time, null, false, false);
    this.time = time;
  }

  static void check(double t, double[] y, double[] dy) {
    for (int k = 0; k < dy.length; k++) {
      if (!Double.isFinite(dy[k]) || !Double.isFinite(y[k])) {
        throw new NonFiniteStateException(t);
      }
    }
  }
}
