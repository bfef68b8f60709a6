package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.problem.FieldReader;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.InvalidInstanceException;
import org.wnverify.numeric.wu.WuInstance;

/**
 * The over-parametrized least-squares problem of Wu et al.: ||A x - y||^2 / 2 with x = g w / ||w||
 * (WN) or x = g w, ||w|| = 1 (rPGD), from (g0, w0), step-size ratio c of Condition 2.1. Its file
 * section holds A (m x d, m <= d), y (m), w0 (d, not 0), g0, c (>= 0).
 */
public final class WuLeastSquaresFamily implements ProblemFamily<WuInstance> {
  public static final WuLeastSquaresFamily INSTANCE = new WuLeastSquaresFamily();

  private WuLeastSquaresFamily() {}

  @Override
  public String name() {
    return "wu-least-squares";
  }

  @Override
  public String description() {
    return "Wu et al.'s least squares: A (m x d), y, initial direction w0 and scale g0, step-size ratio c";
  }

  @Override
  public Class<WuInstance> type() {
    return WuInstance.class;
  }

  @Override
  public List<String> fields() {
    return List.of("A", "y", "w0", "g0", "c");
  }

  @Override
  public WuInstance read(FieldReader f) throws InputFileException {
    double[][] a = f.matrix("A");
    double[] y = f.vector("y");
    double[] w0 = f.vector("w0");
    double g0 = f.number("g0");
    double c = f.number("c");
    try {
      return new WuInstance(a, y, w0, g0, c);
    } catch (InvalidInstanceException e) {
      throw f.error(e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  @Override
  public Map<String, Object> write(WuInstance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<List<Double>> rows = new ArrayList<>();
    for (double[] r : p.a()) {
      rows.add(boxed(r));
    }
    m.put("A", rows);
    m.put("y", boxed(p.y()));
    m.put("w0", boxed(p.w0()));
    m.put("g0", p.g0());
    m.put("c", p.c());
    return m;
  }

  @Override
  public List<WuInstance> simpler(WuInstance p) {
    return WuShrink.candidates(p);
  }

  private static List<Double> boxed(double[] v) {
    List<Double> l = new ArrayList<>(v.length);
    for (double x : v) {
      l.add(x);
    }
    return l;
  }
}
