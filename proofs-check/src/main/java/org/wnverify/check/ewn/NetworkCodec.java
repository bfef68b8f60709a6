package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wnverify.numeric.network.NetworkInstance;

/** The instance-file fields of an {@code ewn-network} problem, written as plain JSON values. */
final class NetworkCodec {
  private NetworkCodec() {}

  static Map<String, Object> write(NetworkInstance p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("problem", "ewn-network");
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("kind", p.architecture().kind().tag());
    a.put("inputs", p.architecture().inputs());
    a.put("width", p.architecture().width());
    a.put("depth", p.architecture().depth());
    a.put("activation", p.architecture().activation().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    a.put("outputs", p.architecture().outputs());
    m.put("architecture", a);
    List<Object> xs = new ArrayList<>();
    for (double[] x : p.data().x()) {
      xs.add(list(x));
    }
    m.put("x", xs);
    List<Object> ys = new ArrayList<>();
    for (int y : p.data().labels()) {
      ys.add(y);
    }
    m.put("labels", ys);
    m.put("classes", p.data().classes());
    m.put("initial_weights", list(p.initialWeights()));
    m.put("loss", p.loss().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    return m;
  }

  static List<Object> list(double[] v) {
    List<Object> l = new ArrayList<>();
    for (double d : v) {
      l.add(d);
    }
    return l;
  }
}
