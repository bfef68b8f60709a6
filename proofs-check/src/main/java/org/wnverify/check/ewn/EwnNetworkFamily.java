package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.problem.FieldReader;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.network.Activation;
import org.wnverify.numeric.network.ArchitectureSpec;
import org.wnverify.numeric.network.Dataset;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.problem.InvalidInstanceException;

/**
 * The EWN paper's networks: an architecture (linear, two-layer, fixed-output XOR, Simple-Traj), the
 * training points x with labels (-1/+1 binary, or 0..k-1), the initial weights w(0) (the SWN and
 * EWN nets start from the same function with ||v_u(0)|| = 1) and the loss.
 */
public final class EwnNetworkFamily implements ProblemFamily<NetworkInstance> {
  public static final EwnNetworkFamily INSTANCE = new EwnNetworkFamily();
  static final List<String> ARCH_FIELDS = List.of("kind", "inputs", "width", "depth", "activation", "outputs");

  private EwnNetworkFamily() {}

  @Override
  public String name() {
    return "ewn-network";
  }

  @Override
  public String description() {
    return "the EWN paper's nets: architecture {kind, inputs, width, depth, activation, outputs}, points x, labels,"
        + " classes, initial_weights, loss (exponential | cross-entropy)";
  }

  @Override
  public Class<NetworkInstance> type() {
    return NetworkInstance.class;
  }

  @Override
  public List<String> fields() {
    return List.of("architecture", "x", "labels", "classes", "initial_weights", "loss");
  }

  @Override
  public NetworkInstance read(FieldReader f) throws InputFileException {
    FieldReader a = f.object("architecture");
    a.requireOnly(Set.copyOf(ARCH_FIELDS));
    ArchitectureSpec spec;
    try {
      spec = new ArchitectureSpec(ArchitectureSpec.Kind.parse(a.text("kind")), a.integer("inputs"),
          a.integer("width"), a.integer("depth"), activation(a), a.integer("outputs"));
    } catch (IllegalArgumentException e) {
      throw f.error("architecture", e.getMessage());
    }
    double[][] x = f.matrix("x");
    double[] yd = f.vector("labels");
    int[] y = new int[yd.length];
    for (int i = 0; i < y.length; i++) {
      if (yd[i] != Math.rint(yd[i])) {
        throw f.error("labels", "label " + yd[i] + " of point " + i + " is not an integer");
      }
      y[i] = (int) yd[i];
    }
    int classes = f.integer("classes");
    Dataset d;
    try {
      d = new Dataset(x, y, classes);
    } catch (IllegalArgumentException e) {
      throw f.error("x", e.getMessage());
    }
    double[] w0 = f.vector("initial_weights");
    LossFunction loss = switch (f.text("loss")) {
      case "exponential" -> LossFunction.EXPONENTIAL;
      case "cross-entropy" -> LossFunction.CROSS_ENTROPY;
      default -> throw f.error("loss", "expected 'exponential' or 'cross-entropy', got '" + f.text("loss") + "'");
    };
    try {
      return new NetworkInstance(spec, d, w0, loss);
    } catch (InvalidInstanceException e) {
      throw f.error(e.field(), e.getMessage().substring(e.field().length() + 2));
    }
  }

  private static Activation activation(FieldReader a) throws InputFileException {
    String s = a.text("activation");
    for (Activation v : Activation.values()) {
      if (v.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(s)) {
        return v;
      }
    }
    throw a.error("activation", "expected identity, relu or relu-squared, got '" + s + "'");
  }

  @Override
  public Map<String, Object> write(NetworkInstance p) {
    Map<String, Object> m = new LinkedHashMap<>(NetworkCodec.write(p));
    m.remove("problem");
    return m;
  }

  /** Drop a training point, round the initial weights and the points to 1-3 significant digits. */
  @Override
  public List<NetworkInstance> simpler(NetworkInstance p) {
    List<NetworkInstance> out = new ArrayList<>();
    Dataset d = p.data();
    for (int i = 0; d.size() > 1 && i < d.size(); i++) {
      double[][] x = new double[d.size() - 1][];
      int[] y = new int[d.size() - 1];
      for (int j = 0, k = 0; j < d.size(); j++) {
        if (j != i) {
          x[k] = d.x()[j];
          y[k++] = d.labels()[j];
        }
      }
      add(out, p.architecture(), x, y, d.classes(), p.initialWeights(), p.loss());
    }
    for (int digits = 1; digits <= 3; digits++) {
      add(out, p.architecture(), d.x(), d.labels(), d.classes(), round(p.initialWeights(), digits), p.loss());
      double[][] x = new double[d.size()][];
      for (int i = 0; i < x.length; i++) {
        x[i] = round(d.x()[i], digits);
      }
      add(out, p.architecture(), x, d.labels(), d.classes(), p.initialWeights(), p.loss());
    }
    out.removeIf(c -> c.equals(p));
    return out;
  }

  private static void add(List<NetworkInstance> out, ArchitectureSpec a, double[][] x, int[] y, int classes,
      double[] w0, LossFunction loss) {
    try {
      out.add(new NetworkInstance(a, new Dataset(x, y, classes), w0, loss));
    } catch (IllegalArgumentException e) {
      // not a valid instance: skip
    }
  }

  static double[] round(double[] v, int digits) {
    double[] r = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = v[i] == 0 ? 0 : new java.math.BigDecimal(v[i]).round(new java.math.MathContext(digits)).doubleValue();
    }
    return r;
  }
}
