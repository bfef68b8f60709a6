package org.wnverify.check.chou;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.problem.FieldReader;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.InvalidInstanceException;

/**
 * The diagonal linear network of Chou, Rauhut and Ward: L(x) = ||A x^L - b||^2 / (2L), the WN flow
 * in polar coordinates (r, u) with learning rates (eta, 1). Its file section holds A, b, L, r0,
 * u0, eta (README, "Instance files"); version-1 files are all of this family.
 */
public final class DiagonalNetFamily implements ProblemFamily<DiagonalNetInstance> {
  public static final DiagonalNetFamily INSTANCE = new DiagonalNetFamily();

  private DiagonalNetFamily() {}

  @Override
  public String name() {
    return "diagonal-net";
  }

  @Override
  public String description() {
    return "Chou et al.'s diagonal network: A, b, depth L, initial r0 and u0, learning-rate ratio eta";
  }

  @Override
  public Class<DiagonalNetInstance> type() {
    return DiagonalNetInstance.class;
  }

  @Override
  public List<String> fields() {
    return List.of("A", "b", "L", "r0", "u0", "eta");
  }

  @Override
  public DiagonalNetInstance read(FieldReader f) throws InputFileException {
    double[][] a = f.matrix("A");
    double[] b = f.vector("b");
    int depth = f.integer("L");
    double r0 = f.number("r0");
    double[] u0 = f.vector("u0");
    double eta = f.number("eta");
    try {
      return new DiagonalNetInstance(a, b, depth, r0, u0, eta);
    } catch (InvalidInstanceException e) {
      throw f.error(e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  @Override
  public Map<String, Object> write(DiagonalNetInstance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<List<Double>> rows = new ArrayList<>();
    for (double[] row : p.a()) {
      rows.add(boxed(row));
    }
    m.put("A", rows);
    m.put("b", boxed(p.b()));
    m.put("L", p.depth());
    m.put("r0", p.r0());
    m.put("u0", boxed(p.u0()));
    m.put("eta", p.eta());
    return m;
  }

  /** Drop a row, drop a column, L -> 2, round numbers to 1-3 significant digits, u0 uniform. */
  @Override
  public List<DiagonalNetInstance> simpler(DiagonalNetInstance p) {
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
    Arrays.fill(uniform, 1 / Math.sqrt(n));
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

  private static List<Double> boxed(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double x : v) {
      l.add(x);
    }
    return l;
  }
}
