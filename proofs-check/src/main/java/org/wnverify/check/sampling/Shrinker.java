package org.wnverify.check.sampling;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.InvalidInstanceException;

/**
 * Property-testing style shrinking of a counterexample: greedily tries smaller / rounder variants
 * (drop a row, drop a column, L -> 2, round numbers to 1-3 significant digits, u0 uniform) and
 * keeps any that still fails. {@code stillFails} must include the hypothesis check, so a shrunk
 * instance is still a valid counterexample.
 */
public final class Shrinker {
  /** Upper bound on predicate evaluations, so shrinking stays within a claim's budget. */
  public static final int DEFAULT_BUDGET = 200;

  private Shrinker() {}

  /** The result and how many candidates were tried. */
  public record Result(DiagonalNetInstance instance, int tried, int accepted) {}

  public static Result shrink(DiagonalNetInstance start, Predicate<DiagonalNetInstance> stillFails,
      Runnable checkpoint, int budget) {
    DiagonalNetInstance best = start;
    int tried = 0;
    int accepted = 0;
    boolean progress = true;
    while (progress && tried < budget) {
      progress = false;
      for (DiagonalNetInstance c : candidates(best)) {
        if (tried >= budget) {
          break;
        }
        checkpoint.run();
        tried++;
        boolean fails;
        try {
          fails = stillFails.test(c);
        } catch (RuntimeException e) {
          fails = false;
        }
        if (fails) {
          best = c;
          accepted++;
          progress = true;
          break;
        }
      }
    }
    return new Result(best, tried, accepted);
  }

  /** Simpler variants of p, most aggressive first. */
  static List<DiagonalNetInstance> candidates(DiagonalNetInstance p) {
    List<DiagonalNetInstance> out = new ArrayList<>();
    double[][] a = p.a();
    double[] b = p.b();
    int m = p.rows();
    int n = p.columns();
    for (int i = 0; m > 1 && i < m; i++) {
      add(out, dropRow(a, i), dropEntry(b, i), p.depth(), p.r0(), p.u0(), p.eta());
    }
    for (int k = 0; n > 2 && k < n; k++) {
      double[] u = dropEntry(p.u0(), k);
      add(out, dropColumn(a, k), b, p.depth(), p.r0(), Vectors.scale(1 / Vectors.norm(u), u), p.eta());
    }
    if (p.depth() > 2) {
      add(out, a, b, 2, p.r0(), p.u0(), p.eta());
    }
    for (int digits = 1; digits <= 3; digits++) {
      add(out, round(a, digits), b, p.depth(), p.r0(), p.u0(), p.eta());
      add(out, a, round(b, digits), p.depth(), p.r0(), p.u0(), p.eta());
      add(out, a, b, p.depth(), round(p.r0(), digits), p.u0(), p.eta());
      add(out, a, b, p.depth(), p.r0(), p.u0(), round(p.eta(), digits));
      double[] u = round(p.u0(), digits);
      if (Vectors.min(u) > 0) {
        add(out, a, b, p.depth(), p.r0(), Vectors.scale(1 / Vectors.norm(u), u), p.eta());
      }
    }
    double[] uniform = new double[n];
    java.util.Arrays.fill(uniform, 1 / Math.sqrt(n));
    add(out, a, b, p.depth(), p.r0(), uniform, p.eta());
    out.removeIf(c -> c.equals(p));
    return out;
  }

  private static void add(List<DiagonalNetInstance> out, double[][] a, double[] b, int depth,
      double r0, double[] u0, double eta) {
    try {
      out.add(new DiagonalNetInstance(a, b, depth, r0, u0, eta));
    } catch (InvalidInstanceException e) {
      // not a valid instance: skip
    }
  }

  static double round(double x, int digits) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new BigDecimal(x).round(new MathContext(digits)).doubleValue();
  }

  static double[] round(double[] v, int digits) {
    double[] c = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      c[k] = round(v[k], digits);
    }
    return c;
  }

  static double[][] round(double[][] a, int digits) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = round(a[i], digits);
    }
    return c;
  }

  private static double[] dropEntry(double[] v, int k) {
    double[] c = new double[v.length - 1];
    for (int j = 0, t = 0; j < v.length; j++) {
      if (j != k) {
        c[t++] = v[j];
      }
    }
    return c;
  }

  private static double[][] dropRow(double[][] a, int i) {
    double[][] c = new double[a.length - 1][];
    for (int j = 0, t = 0; j < a.length; j++) {
      if (j != i) {
        c[t++] = a[j];
      }
    }
    return c;
  }

  private static double[][] dropColumn(double[][] a, int k) {
    double[][] c = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      c[i] = dropEntry(a[i], k);
    }
    return c;
  }
}
