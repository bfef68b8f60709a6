package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.numeric.network.Activation;
import org.wnverify.numeric.network.ArchitectureSpec;
import org.wnverify.numeric.network.Dataset;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;

/**
 * Seeded instances of the EWN paper's problems, corners first. Two streams: small arbitrary nets
 * and data (for the flow identities of Theorem 1, which need no separability), and Lin-Sep-style
 * separable problems (for the asymptotic statements, whose (A1)-(A4) need training to converge).
 */
public final class NetworkSampler {
  /** A sampled instance and how it was drawn. */
  public record Sample(NetworkInstance instance, String label) {}

  private NetworkSampler() {}

  /** Any small net on any data: Simple-Traj and a single linear node first. */
  public static List<Sample> generic(SplittableRandom r, int count) {
    List<Sample> out = new ArrayList<>();
    out.add(new Sample(new NetworkInstance(ArchitectureSpec.simpleTraj(),
        Dataset.binary(new double[][] {{2, 1}}, new int[] {1}), new double[] {1, 1}, LossFunction.EXPONENTIAL),
        "corner: Simple-Traj, x = (2, 1), w(0) = (1, 1)"));
    out.add(new Sample(new NetworkInstance(ArchitectureSpec.linear(2, 1, 1),
        Dataset.binary(new double[][] {{1, 0.5}, {-0.3, 1}}, new int[] {1, -1}), new double[] {0.2, -0.4},
        LossFunction.EXPONENTIAL), "corner: one linear node (a 1-layer net), non-separable in direction"));
    ArchitectureSpec[] kinds = {ArchitectureSpec.twoLayer(2, 3, Activation.RELU_SQUARED),
        ArchitectureSpec.linear(2, 2, 3), ArchitectureSpec.twoLayer(2, 3, Activation.RELU), ArchitectureSpec.xor(4)};
    for (int k = 0; out.size() < count; k++) {
      ArchitectureSpec a = kinds[k % kinds.length];
      int m = 3 + r.nextInt(3);
      double[][] x = new double[m][2];
      int[] y = new int[m];
      for (int i = 0; i < m; i++) {
        x[i][0] = r.nextGaussian();
        x[i][1] = r.nextGaussian();
        y[i] = r.nextBoolean() ? 1 : -1;
      }
      out.add(new Sample(new NetworkInstance(a, Dataset.binary(x, y), gaussian(r, a, 0.4 + 0.8 * r.nextDouble()),
          LossFunction.EXPONENTIAL), "random " + a.kind().tag() + " (" + a.build().name() + "), " + m + " points"));
    }
    return out.subList(0, count);
  }

  /**
   * The Lin-Sep problem of the authors' code (ewn.md 3.2): (1, 1) labelled -1, (-1, 1) labelled
   * +1, one point uniform in [a, b]^2 (-1) and one in [-b, -a]^2 (+1), a ~ U(1, 1.5),
   * b ~ U(1.5, 2); a 2-layer ReLU^2 net with {@code hidden} neurons, PyTorch's default init
   * U(-1/sqrt(fan-in), 1/sqrt(fan-in)). The corner is the symmetric draw a = b = 1.5.
   */
  public static List<Sample> linSep(SplittableRandom r, int count, int hidden, LossFunction loss) {
    List<Sample> out = new ArrayList<>();
    ArchitectureSpec a = ArchitectureSpec.twoLayer(2, hidden, Activation.RELU_SQUARED);
    for (int k = 0; k < count; k++) {
      double lo;
      double hi;
      if (k == 0) {
        lo = 1.5;
        hi = 1.5;
      } else {
        lo = 1 + 0.5 * r.nextDouble();
        hi = 1.5 + 0.5 * r.nextDouble();
      }
      double p1 = lo + (hi - lo) * r.nextDouble();
      double p2 = lo + (hi - lo) * r.nextDouble();
      double q1 = lo + (hi - lo) * r.nextDouble();
      double q2 = lo + (hi - lo) * r.nextDouble();
      double[][] x = {{1, 1}, {-1, 1}, {p1, p2}, {-q1, -q2}};
      int[] y = {-1, 1, -1, 1};
      out.add(new Sample(new NetworkInstance(a, Dataset.binary(x, y), pytorchInit(r, a), loss),
          (k == 0 ? "corner: symmetric Lin-Sep (a = b = 1.5)" : "Lin-Sep draw " + k)));
    }
    return out;
  }

  /** U(-1/sqrt(fan-in), 1/sqrt(fan-in)) per weight, as torch.nn.Linear's default. */
  static double[] pytorchInit(SplittableRandom r, ArchitectureSpec a) {
    var net = a.build();
    double[] w = new double[net.weightCount()];
    for (var u : net.nodes()) {
      double b = 1 / Math.sqrt(u.fanIn());
      for (int i = 0; i < u.fanIn(); i++) {
        w[u.offset() + i] = b * (2 * r.nextDouble() - 1);
      }
    }
    return w;
  }

  static double[] gaussian(SplittableRandom r, ArchitectureSpec a, double scale) {
    double[] w = new double[a.build().weightCount()];
    for (int i = 0; i < w.length; i++) {
      w[i] = scale * r.nextGaussian();
    }
    return w;
  }
}
