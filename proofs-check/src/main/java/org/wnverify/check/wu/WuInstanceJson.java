package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.numeric.wu.WuInstance;

/** The instance-file section of a Wu instance: {"format", "problem", "A", "y", "w0", "g0", "c"}. */
final class WuInstanceJson {
  static final String PROBLEM = "wu-least-squares";

  private WuInstanceJson() {}

  static Map<String, Object> toJson(WuInstance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("format", "wnverify-instance/2");
    m.put("problem", PROBLEM);
    List<Object> rows = new ArrayList<>();
    for (double[] r : p.a()) {
      rows.add(list(r));
    }
    m.put("A", rows);
    m.put("y", list(p.y()));
    m.put("w0", list(p.w0()));
    m.put("g0", p.g0());
    m.put("c", p.c());
    return m;
  }

  private static List<Object> list(double[] v) {
    List<Object> l = new ArrayList<>();
    for (double x : v) {
      l.add(x);
    }
    return l;
  }
}
