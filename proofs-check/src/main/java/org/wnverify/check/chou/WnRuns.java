package org.wnverify.check.chou;

import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Shared conventions for WN-flow runs. */
final class WnRuns {
  /**
   * For horizon searches: stop once r fell to this fraction of r0 (the flow is collapsing onto the
   * stationary point x = 0; the quantities have moved by then, and going on only costs steps).
   */
  static final double HORIZON_COLLAPSE = 1e-3;

  private WnRuns() {}

  /** Zero crossing when r(t) = fraction * r0. */
  static ToDoubleFunction<double[]> collapse(DiagonalNetInstance p, double fraction) {
    double level = fraction * p.r0();
    return s -> s[0] - level;
  }
}
