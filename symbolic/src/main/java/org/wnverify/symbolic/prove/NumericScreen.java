package org.wnverify.symbolic.prove;

import java.util.Locale;
import java.util.Map;
import org.wnverify.symbolic.Node;

/**
 * A double-precision evaluation of an already simplified defect at a rational point, used only to
 * decide which exact computation to try first: a defect that is clearly non-zero at the first
 * point is evaluated exactly there at once (a refutation, confirmed exactly before it counts),
 * one that looks like zero goes straight to the symbolic simplification. No verdict is ever
 * based on this evaluation alone.
 *
 * <p>Supported: exact numbers, symbols with a value, E and Pi, Plus, Times, Power, Log, Exp,
 * Sqrt, Abs. Anything else (or a complex intermediate value) gives {@link Result#UNDECIDED}.
 */
final class NumericScreen {
  /** |value| below this times the magnitude of the terms counts as "looks like zero". */
  static final double RELATIVE_ZERO = 1e-9;

  private NumericScreen() {}

  /** The screen's answer: the value, the magnitude of what was summed, and whether it is usable. */
  record Result(double value, double magnitude, boolean usable) {
    static final Result UNDECIDED = new Result(Double.NaN, Double.NaN, false);

    /** True when the value is clearly non-zero relative to the size of the terms that produced it. */
    boolean clearlyNonZero() {
      return usable && Math.abs(value) > RELATIVE_ZERO * Math.max(magnitude, Double.MIN_NORMAL);
    }
  }

  static Result evaluate(Node n, Map<String, Double> point) {
    try {
      double[] vm = eval(n, point);
      if (!Double.isFinite(vm[0]) || !Double.isFinite(vm[1])) {
        return Result.UNDECIDED;
      }
      return new Result(vm[0], vm[1], true);
    } catch (Unsupported e) {
      return Result.UNDECIDED;
    }
  }

  /** Parses the exact rational text of a sample value ("-3/7", "2"). */
  static double parse(String rational) {
    int slash = rational.indexOf('/');
    return slash < 0 ? Double.parseDouble(rational)
        : Double.parseDouble(rational.substring(0, slash)) / Double.parseDouble(rational.substring(slash + 1));
  }

  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  /** {value, magnitude}: magnitude is the largest sum of absolute values met on the way. */
  private static double[] eval(Node n, Map<String, Double> point) {
    if (n instanceof Node.Int i) {
      double v = i.value().doubleValue();
      return new double[] {v, Math.abs(v)};
    }
    if (n instanceof Node.Rat r) {
      double v = r.numerator().doubleValue() / r.denominator().doubleValue();
      return new double[] {v, Math.abs(v)};
    }
    if (n instanceof Node.Sym s) {
      Double v = point.get(s.name());
      if (v == null) {
        String lower = s.name().toLowerCase(Locale.ROOT);
        if (lower.equals("e")) {
          v = Math.E;
        } else if (lower.equals("pi")) {
          v = Math.PI;
        } else {
          throw new Unsupported();
        }
      }
      return new double[] {v, Math.abs(v)};
    }
    Node.Apply a = (Node.Apply) n;
    String head = a.head().toLowerCase(Locale.ROOT);
    switch (head) {
      case "plus": {
        double sum = 0;
        double abs = 0;
        double mag = 0;
        for (Node t : a.args()) {
          double[] vm = eval(t, point);
          sum += vm[0];
          abs += Math.abs(vm[0]);
          mag = Math.max(mag, vm[1]);
        }
        return new double[] {sum, Math.max(abs, mag)};
      }
      case "times": {
        double prod = 1;
        double mag = 0;
        for (Node t : a.args()) {
          double[] vm = eval(t, point);
          prod *= vm[0];
          mag = Math.max(mag, vm[1]);
        }
        return new double[] {prod, Math.max(Math.abs(prod), mag)};
      }
      case "power": {
        double[] b = eval(a.args().get(0), point);
        double[] e = eval(a.args().get(1), point);
        double v = power(b[0], a.args().get(1), e[0]);
        return new double[] {v, Math.max(Math.abs(v), Math.max(b[1], e[1]))};
      }
      case "log": {
        if (a.args().size() != 1) {
          throw new Unsupported();
        }
        double[] x = eval(a.args().get(0), point);
        if (!(x[0] > 0)) {
          throw new Unsupported();
        }
        double v = Math.log(x[0]);
        return new double[] {v, Math.max(Math.abs(v), 1.0)};
      }
      case "exp": {
        double[] x = eval(a.args().get(0), point);
        double v = Math.exp(x[0]);
        return new double[] {v, Math.max(v, x[1])};
      }
      case "sqrt": {
        double[] x = eval(a.args().get(0), point);
        if (x[0] < 0) {
          throw new Unsupported();
        }
        double v = Math.sqrt(x[0]);
        return new double[] {v, Math.max(v, Math.sqrt(x[1]))};
      }
      case "abs": {
        double[] x = eval(a.args().get(0), point);
        return new double[] {Math.abs(x[0]), x[1]};
      }
      default:
        throw new Unsupported();
    }
  }

  private static double power(double base, Node exponentNode, double exponent) {
    if (exponentNode instanceof Node.Int) {
      return Math.pow(base, exponent);
    }
    if (base < 0) {
      throw new Unsupported(); // a real root of a negative number: leave it to the exact path
    }
    return Math.pow(base, exponent);
  }
}
