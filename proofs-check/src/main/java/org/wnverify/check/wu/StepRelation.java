package org.wnverify.check.wu;

/**
 * One printed relation between quantities of an rPGD run at iterate t (an equality, a bound, or a
 * strict inequality), evaluated at every t where it applies. {@link Sides#at} gives lhs, rhs and
 * the scale of the terms the relation compares (not of their difference, which can cancel to
 * rounding), or null where the relation does not apply (t out of range, a per-step hypothesis unmet).
 */
final class StepRelation {
  /** Relative rounding allowance: each side is a few dozen double operations on O(scale) numbers. */
  static final double TOLERANCE = 1e-9;

  enum Kind {
    /** lhs = rhs, broken when |lhs - rhs| / scale > TOLERANCE. */
    EQUAL,
    /** lhs <= rhs, broken when (lhs - rhs) / scale > TOLERANCE. */
    AT_MOST,
    /** lhs < rhs strictly, broken when lhs >= rhs; used only where lhs - rhs is formed exactly (no rounding). */
    LESS
  }

  @FunctionalInterface
  interface Sides {
    /** {lhs, rhs, scale} at iterate t, or null where the relation does not apply. */
    double[] at(RpgdTrace tr, int t);
  }

  /** The worst iterate of one relation on one run. */
  record Worst(int applicable, int broken, int t, double excess, double lhs, double rhs) {
    boolean holds() {
      return applicable > 0 && broken == 0;
    }

    String describe() {
      return applicable == 0 ? "never applies" : "worst at t = " + t + ": lhs " + Theorem26.fmt(lhs) + ", rhs "
          + Theorem26.fmt(rhs) + ", relative excess " + Theorem26.fmt(excess) + " (broken at " + broken + " of "
          + applicable + " iterates)";
    }
  }

  final String name;
  final Kind kind;
  final Sides sides;
  /** For a negative control judged on another run: the instance it runs on (null: the claim's own run). */
  final java.util.function.UnaryOperator<org.wnverify.numeric.wu.WuInstance> on;

  StepRelation(String name, Kind kind, Sides sides) {
    this(name, kind, sides, null);
  }

  private StepRelation(String name, Kind kind, Sides sides,
      java.util.function.UnaryOperator<org.wnverify.numeric.wu.WuInstance> on) {
    this.name = name;
    this.kind = kind;
    this.sides = sides;
    this.on = on;
  }

  /** The same relation judged on the run of another instance (a control that drops a hypothesis). */
  StepRelation on(java.util.function.UnaryOperator<org.wnverify.numeric.wu.WuInstance> mutate) {
    return new StepRelation(name, kind, sides, mutate);
  }

  static StepRelation equal(String name, Sides s) {
    return new StepRelation(name, Kind.EQUAL, s);
  }

  static StepRelation atMost(String name, Sides s) {
    return new StepRelation(name, Kind.AT_MOST, s);
  }

  static StepRelation less(String name, Sides s) {
    return new StepRelation(name, Kind.LESS, s);
  }

  /** {lhs, rhs, scale} with the scale the larger magnitude of the sides and the extra terms given. */
  static double[] sides(double lhs, double rhs, double... terms) {
    double s = Math.max(Math.abs(lhs), Math.abs(rhs));
    for (double x : terms) {
      s = Math.max(s, Math.abs(x));
    }
    return new double[] {lhs, rhs, s == 0 ? 1 : s};
  }

  /** Evaluates the relation at t = 0 .. tr.n and returns its worst iterate. */
  Worst evaluate(RpgdTrace tr) {
    int applicable = 0;
    int broken = 0;
    int worstT = -1;
    double worst = Double.NEGATIVE_INFINITY;
    double wl = Double.NaN;
    double wr = Double.NaN;
    for (int t = 0; t <= tr.n; t++) {
      double[] s = sides.at(tr, t);
      if (s == null) {
        continue;
      }
      double e = kind == Kind.EQUAL ? Math.abs(s[0] - s[1]) / s[2] : (s[0] - s[1]) / s[2];
      if (!Double.isFinite(e)) {
        continue;
      }
      applicable++;
      boolean bad = kind == Kind.LESS ? s[0] >= s[1] : e > TOLERANCE;
      if (bad) {
        broken++;
      }
      if (e > worst || worstT < 0) {
        worst = e;
        worstT = t;
        wl = s[0];
        wr = s[1];
      }
    }
    return new Worst(applicable, broken, worstT, worst, wl, wr);
  }
}
