package org.wnverify.numeric.network;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/**
 * The MNIST pruning net of the EWN paper (Section 6, App. L.5, N): x -> W_2 relu(W_1 x + b_1), with
 * k outputs, a first-layer bias that is not normalized and a plain second layer without bias; only
 * the first layer's neurons are Unnorm/SWN/EWN-parameterized (through {@link NormalizedNet} on a
 * one-layer net, so the chain rule is the one the other nets use). Trained by minibatch SGD on the
 * summed multi-class cross-entropy in the log domain with eta = k(t)/L: the batch gradient is
 * divided by the previous epoch's full training loss (the authors' normalization), and k follows
 * the accept/reject rule once per epoch (x1.1 after an epoch that lowered the loss, else the epoch
 * is undone and k /1.1). Dense loops over double arrays: the generic {@link Architecture} does one
 * backward pass per output, ten times too slow here.
 */
public final class PrunableMlp {
  private final int inputs;
  private final int hidden;
  private final int classes;
  private final NormalizedNet first;
  /** theta of the first layer (per neuron [scale, v] or the raw row), then b_1 (hidden), then W_2 (classes x hidden). */
  private double[] params;

  /**
   * @param w1 initial first-layer weights, row-major hidden x inputs (SWN/EWN start from the same
   *     rows with ||v_u(0)|| = 1)
   */
  public PrunableMlp(int inputs, int hidden, int classes, Parameterization p, double[] w1, double[] b1, double[] w2) {
    if (w1.length != hidden * inputs || b1.length != hidden || w2.length != classes * hidden) {
      throw new IllegalArgumentException("MLP weights: W_1 " + w1.length + ", b_1 " + b1.length + ", W_2 " + w2.length
          + " do not fit " + inputs + " -> " + hidden + " -> " + classes);
    }
    this.inputs = inputs;
    this.hidden = hidden;
    this.classes = classes;
    this.first = new NormalizedNet(new Architecture("first layer", List.of(Layer.dense(inputs, hidden,
        Activation.IDENTITY))), p);
    double[] t = first.fromWeights(w1);
    params = new double[t.length + hidden + classes * hidden];
    System.arraycopy(t, 0, params, 0, t.length);
    System.arraycopy(b1, 0, params, t.length, hidden);
    System.arraycopy(w2, 0, params, t.length + hidden, w2.length);
  }

  /** PyTorch's nn.Linear default init for both layers: U(-1/sqrt(fan-in), 1/sqrt(fan-in)). */
  public static PrunableMlp pytorchInit(int inputs, int hidden, int classes, Parameterization p, SplittableRandom r) {
    double[] w1 = uniform(r, hidden * inputs, 1 / Math.sqrt(inputs));
    double[] b1 = uniform(r, hidden, 1 / Math.sqrt(inputs));
    double[] w2 = uniform(r, classes * hidden, 1 / Math.sqrt(hidden));
    return new PrunableMlp(inputs, hidden, classes, p, w1, b1, w2);
  }

  private static double[] uniform(SplittableRandom r, int n, double b) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = b * (2 * r.nextDouble() - 1);
    }
    return a;
  }

  public int hidden() {
    return hidden;
  }

  /** A copy of the parameters (for snapshots). */
  public double[] parameters() {
    return params.clone();
  }

  /** ||w_u|| of each first-layer neuron at the given parameters (e^alpha, |gamma| or the row norm). */
  public double[] neuronNorms(double[] theta) {
    double[] n = new double[hidden];
    double[] t = Arrays.copyOf(theta, first.size());
    for (int j = 0; j < hidden; j++) {
      n[j] = first.nodeNorm(t, j);
    }
    return n;
  }

  private int firstSize() {
    return first.size();
  }

  /** log of the summed cross-entropy over the data at theta. */
  public double logLoss(double[] theta, Dataset d) {
    Weights w = weights(theta);
    double[] logPoint = new double[d.size()];
    double[] pre = new double[hidden];
    double[] z = new double[classes];
    for (int i = 0; i < d.size(); i++) {
      w.forward(d.x()[i], pre, z);
      logPoint[i] = LogMath.logSoftplus(competitors(z, d.labels()[i]));
    }
    return LogMath.logSumExp(logPoint);
  }

  /** s_i = log sum_{j != y} e^{z_j - z_y}. */
  private double competitors(double[] z, int y) {
    double[] c = new double[classes - 1];
    int k = 0;
    for (int j = 0; j < classes; j++) {
      if (j != y) {
        c[k++] = z[j] - z[y];
      }
    }
    return LogMath.logSumExp(c);
  }

  /** The effective weights at theta: W_1 (from the parameterization), b_1, W_2. */
  private final class Weights {
    final double[] w1;
    final double[] b1;
    final double[] w2;

    Weights(double[] theta) {
      int f = firstSize();
      w1 = first.weights(Arrays.copyOf(theta, f));
      b1 = Arrays.copyOfRange(theta, f, f + hidden);
      w2 = Arrays.copyOfRange(theta, f + hidden, theta.length);
    }

    void forward(double[] x, double[] pre, double[] z) {
      for (int j = 0; j < hidden; j++) {
        double s = b1[j];
        int o = j * inputs;
        for (int i = 0; i < inputs; i++) {
          s += w1[o + i] * x[i];
        }
        pre[j] = s;
      }
      for (int c = 0; c < classes; c++) {
        double s = 0;
        int o = c * hidden;
        for (int j = 0; j < hidden; j++) {
          if (pre[j] > 0) {
            s += w2[o + j] * pre[j];
          }
        }
        z[c] = s;
      }
    }
  }

  private Weights weights(double[] theta) {
    return new Weights(theta);
  }

  /** A snapshot taken when the epoch-end training loss first reached a level. */
  public record Snapshot(double level, int epoch, double logLoss, double[] theta) {}

  /** How training ended, the snapshots in level order, and the per-epoch log-losses. */
  public record Training(String status, boolean reachedAll, List<Snapshot> snapshots, double[] epochLogLoss) {}

  /**
   * Trains from the current parameters until the epoch-end log-loss has reached every level (in
   * decreasing order) or {@code maxEpochs} epochs were accepted.
   */
  public Training train(Dataset d, int batch, double k0, double kMax, double[] levels, int maxEpochs,
      SplittableRandom r, BooleanSupplier abort) {
    double k = k0;
    double logL = logLoss(params, d);
    List<Snapshot> snaps = new java.util.ArrayList<>();
    double[] history = new double[maxEpochs + 1];
    history[0] = logL;
    int li = 0;
    int epoch = 0;
    int[] order = new int[d.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    while (true) {
      while (li < levels.length && logL <= levels[li]) {
        snaps.add(new Snapshot(levels[li], epoch, logL, params.clone()));
        li++;
      }
      if (li == levels.length) {
        return new Training("reached every level after " + epoch + " epochs", true, snaps,
            Arrays.copyOf(history, epoch + 1));
      }
      if (epoch >= maxEpochs) {
        return new Training("epoch budget " + maxEpochs + " spent at log L = " + logL, false, snaps,
            Arrays.copyOf(history, epoch + 1));
      }
      if (abort.getAsBoolean()) {
        return new Training("aborted after " + epoch + " epochs", false, snaps, Arrays.copyOf(history, epoch + 1));
      }
      shuffle(order, r);
      double[] trial = params.clone();
      for (int s = 0; s < order.length; s += batch) {
        step(trial, d, order, s, Math.min(order.length, s + batch), k, logL);
      }
      double next = logLoss(trial, d);
      if (Double.isFinite(next) && next < logL) {
        params = trial;
        logL = next;
        k = Math.min(kMax, k * DescentSchedule.AUTHORS_GROWTH);
        epoch++;
        history[epoch] = logL;
      } else {
        k /= DescentSchedule.AUTHORS_GROWTH;
        if (k < GradientDescent.K_FLOOR) {
          return new Training("k fell below " + GradientDescent.K_FLOOR + " at epoch " + epoch, false, snaps,
              Arrays.copyOf(history, epoch + 1));
        }
      }
    }
  }

  private static void shuffle(int[] a, SplittableRandom r) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }

  /** theta -= k grad L_B / L_prev, the coefficients formed in the log domain. */
  private void step(double[] theta, Dataset d, int[] order, int from, int to, double k, double logPrev) {
    Weights w = weights(theta);
    double[] g1 = new double[hidden * inputs];
    double[] gb = new double[hidden];
    double[] g2 = new double[classes * hidden];
    double[] pre = new double[hidden];
    double[] z = new double[classes];
    double[] dz = new double[classes];
    double[] dpre = new double[hidden];
    for (int s = from; s < to; s++) {
      int i = order[s];
      double[] x = d.x()[i];
      int y = d.labels()[i];
      w.forward(x, pre, z);
      double sp = LogMath.softplus(competitors(z, y));
      double sum = 0;
      for (int c = 0; c < classes; c++) {
        dz[c] = c == y ? 0 : Math.exp(z[c] - z[y] - sp - logPrev);
        sum += dz[c];
      }
      dz[y] = -sum;
      for (int j = 0; j < hidden; j++) {
        double dh = 0;
        if (pre[j] > 0) {
          for (int c = 0; c < classes; c++) {
            g2[c * hidden + j] += dz[c] * pre[j];
            dh += w.w2[c * hidden + j] * dz[c];
          }
        }
        dpre[j] = dh;
        if (dh != 0) {
          gb[j] += dh;
          int o = j * inputs;
          for (int q = 0; q < inputs; q++) {
            g1[o + q] += dh * x[q];
          }
        }
      }
    }
    int f = firstSize();
    double[] gt = first.pullBack(Arrays.copyOf(theta, f), g1);
    for (int p = 0; p < f; p++) {
      theta[p] -= k * gt[p];
    }
    for (int j = 0; j < hidden; j++) {
      theta[f + j] -= k * gb[j];
    }
    for (int p = 0; p < g2.length; p++) {
      theta[f + hidden + p] -= k * g2[p];
    }
  }

  /**
   * Test accuracy after pruning each fraction of the first-layer neurons, least-grown first
   * (criterion: norm at theta minus norm at theta0); {@code reversed} prunes the most-grown first.
   * A pruned neuron is removed from W_1, b_1 and W_2's columns.
   */
  public double[] prunedAccuracy(double[] theta0, double[] theta, Dataset test, double[] fractions, boolean reversed) {
    double[] n0 = neuronNorms(theta0);
    double[] n1 = neuronNorms(theta);
    Integer[] rank = new Integer[hidden];
    for (int j = 0; j < hidden; j++) {
      rank[j] = j;
    }
    Arrays.sort(rank, (a, b) -> {
      int c = Double.compare(n1[a] - n0[a], n1[b] - n0[b]);
      return reversed ? -c : c;
    });
    Weights w = weights(theta);
    double[] pre = new double[hidden];
    double[] z = new double[classes];
    int[] correct = new int[fractions.length];
    for (int i = 0; i < test.size(); i++) {
      w.forward(test.x()[i], pre, z);
      double[] zz = z.clone();
      int removed = 0;
      for (int f = 0; f < fractions.length; f++) {
        int target = (int) Math.floor(fractions[f] * hidden + 1e-9);
        for (; removed < target; removed++) {
          int j = rank[removed];
          if (pre[j] > 0) {
            for (int c = 0; c < classes; c++) {
              zz[c] -= w.w2[c * hidden + j] * pre[j];
            }
          }
        }
        int best = 0;
        for (int c = 1; c < classes; c++) {
          if (zz[c] > zz[best]) {
            best = c;
          }
        }
        correct[f] += best == test.labels()[i] ? 1 : 0;
      }
    }
    double[] acc = new double[fractions.length];
    for (int f = 0; f < acc.length; f++) {
      acc[f] = correct[f] / (double) test.size();
    }
    return acc;
  }
}
