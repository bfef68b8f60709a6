package org.wnverify.check.wu;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/** One printed hypothesis of a Wu statement: its text and, on an instance, why it is unmet. */
record WuHypothesis(String text, Function<WuInstance, Optional<String>> test) implements Hypothesis<WuInstance> {
  /** Relative slack for "||w0|| = 1" and "A A^T = I" on instances read from files (rounding of 17 digits). */
  static final double UNIT_SLACK = 1e-12;
  /** lambda_min(A A^T) > 0 is read as lambda_min > this times lambda_max (numerical rank). */
  static final double RANK_SLACK = 1e-10;

  @Override
  public Optional<String> unmet(WuInstance p) {
    return test.apply(p);
  }

  static Optional<String> firstUnmet(List<WuHypothesis> hs, WuInstance p) {
    for (WuHypothesis h : hs) {
      Optional<String> u = h.unmet(p);
      if (u.isPresent()) {
        return Optional.of(h.text() + " unmet: " + u.get());
      }
    }
    return Optional.empty();
  }

  static Optional<String> when(boolean bad, String why) {
    return bad ? Optional.of(why) : Optional.empty();
  }

  static final WuHypothesis UNIT_W0 = new WuHypothesis("||w0|| = 1",
      p -> when(Math.abs(Vectors.norm(p.w0()) - 1) > UNIT_SLACK, "||w0|| = " + Vectors.norm(p.w0())));

  static final WuHypothesis LAMBDA_MIN = new WuHypothesis("lambda_min(A A^T) > 0", p -> {
    WuGeometry geo = WuGeometry.of(p);
    return when(!(geo.lambdaMin() > RANK_SLACK * geo.lambdaMax()), "lambda_min = " + geo.lambdaMin());
  });

  static final WuHypothesis Y_NONZERO = new WuHypothesis("y != 0 (the degenerate case x* = 0 is excluded)",
      p -> when(Vectors.norm(p.y()) == 0, "y = 0"));

  static final WuHypothesis C_POSITIVE = new WuHypothesis("c > 0", p -> when(!(p.c() > 0), "c = " + p.c()));

  static final WuHypothesis C_ZERO = new WuHypothesis("c = 0", p -> when(p.c() != 0, "c = " + p.c()));

  static final WuHypothesis ORTHOGONAL = new WuHypothesis("A A^T = I", p -> {
    double e = WuGeometry.of(p).orthogonalityDefect();
    return when(e > 1e-10, "max |A A^T - I| = " + e);
  });

  static final WuHypothesis G0_BETWEEN_0_AND_GSTAR = new WuHypothesis("0 < g0 < g*", p -> {
    double gs = WuGeometry.of(p).gStar();
    return when(!(p.g0() > 0 && p.g0() < gs), "g0 = " + p.g0() + ", g* = " + gs);
  });

  static final WuHypothesis LAMBDA_MAX_ONE = new WuHypothesis("lambda_max(A A^T) = 1", p -> {
    double l = WuGeometry.of(p).lambdaMax();
    return when(Math.abs(l - 1) > 1e-10, "lambda_max = " + l);
  });
}
