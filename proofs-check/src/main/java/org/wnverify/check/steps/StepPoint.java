package org.wnverify.check.steps;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One sampled state of a proof at the point where a display stands: named scalars and vectors
 * (a matrix is stored row by row as one vector, its shape in two integer scalars). Immutable, so
 * a shrinking candidate never aliases the point it came from; insertion order is kept so a
 * counterexample prints in the order the proof introduces its symbols.
 */
public final class StepPoint {
  private final Map<String, double[]> values;

  private StepPoint(Map<String, double[]> values) {
    this.values = values;
  }

  /** A builder for one point. */
  public static Builder builder() {
    return new Builder(new LinkedHashMap<>());
  }

  /** A builder starting from this point's values (to derive a variant). */
  public Builder toBuilder() {
    Map<String, double[]> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, v.clone()));
    return new Builder(copy);
  }

  public double get(String name) {
    return vec(name)[0];
  }

  public int integer(String name) {
    return (int) Math.round(get(name));
  }

  /** A copy of the named vector. */
  public double[] vec(String name) {
    double[] v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("no value " + name + " in " + values.keySet());
    }
    return v.clone();
  }

  /** The named rows x cols matrix, stored row by row. */
  public double[][] mat(String name, int rows, int cols) {
    double[] v = vec(name);
    double[][] m = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(v, i * cols, m[i], 0, cols);
    }
    return m;
  }

  /** The values as a replayable map (scalars as numbers, vectors as lists). */
  public Map<String, Object> asMap() {
    Map<String, Object> out = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (v.length == 1) {
        out.put(k, v[0]);
      } else {
        List<Double> l = new ArrayList<>();
        for (double d : v) {
          l.add(d);
        }
        out.put(k, l);
      }
    });
    return out;
  }

  /**
   * Simpler variants for shrinking: each entry (of every value not listed in {@code fixed}) set to
   * 0, to 1, or rounded to 1 or 2 significant digits, one entry at a time. A variant is tried by the
   * step's own predicate, which re-checks the standing assumptions, so a variant that leaves them
   * (a unit vector rounded off the sphere) is simply not taken.
   */
  public List<StepPoint> simpler(List<String> fixed) {
    List<StepPoint> out = new ArrayList<>();
    for (Map.Entry<String, double[]> e : values.entrySet()) {
      if (fixed.contains(e.getKey())) {
        continue;
      }
      double[] v = e.getValue();
      for (int i = 0; i < v.length; i++) {
        for (double c : candidates(v[i])) {
          double[] w = v.clone();
          w[i] = c;
          Builder b = toBuilder();
          b.values.put(e.getKey(), w);
          out.add(b.build());
        }
      }
    }
    return out;
  }

  private static List<Double> candidates(double x) {
    List<Double> c = new ArrayList<>();
    for (double d : new double[] {0, 1, Math.rint(x), round(x, 1), round(x, 2)}) {
      if (Double.compare(d, x) != 0 && !c.contains(d) && Math.abs(d) <= Math.abs(x) + 1) {
        c.add(d);
      }
    }
    return c;
  }

  private static double round(double x, int digits) {
    if (x == 0 || !Double.isFinite(x)) {
      return x;
    }
    return new BigDecimal(x).round(new MathContext(digits)).doubleValue();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("{");
    values.forEach((k, v) -> {
      if (s.length() > 1) {
        s.append(", ");
      }
      s.append(k).append('=').append(v.length == 1 ? Double.toString(v[0]) : Arrays.toString(v));
    });
    return s.append('}').toString();
  }

  /** Accumulates the values of one point. */
  public static final class Builder {
    private final Map<String, double[]> values;

    private Builder(Map<String, double[]> values) {
      this.values = values;
    }

    public Builder put(String name, double value) {
      values.put(name, new double[] {value});
      return this;
    }

    public Builder put(String name, double[] value) {
      values.put(name, value.clone());
      return this;
    }

    /** A matrix, stored row by row. */
    public Builder put(String name, double[][] m) {
      int cols = m.length == 0 ? 0 : m[0].length;
      double[] flat = new double[m.length * cols];
      for (int i = 0; i < m.length; i++) {
        System.arraycopy(m[i], 0, flat, i * cols, cols);
      }
      values.put(name, flat);
      return this;
    }

    public StepPoint build() {
      Map<String, double[]> copy = new LinkedHashMap<>();
      values.forEach((k, v) -> copy.put(k, v.clone()));
      return new StepPoint(copy);
    }
  }
}
