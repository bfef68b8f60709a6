package org.wnverify.numeric.network;

import java.util.ArrayList;
import java.util.List;

/**
 * A feed-forward net as layers of nodes with incoming weight vectors (the paper's Section 3
 * model). The trainable weights are the concatenation w of the trainable nodes' vectors, in layer
 * order; the output layer is linear, one node per output. Outputs are positively homogeneous in w
 * of {@link #degree()} (L of (L3)), so Euler's identity w^T grad Phi = L Phi holds.
 */
public final class Architecture {
  private final String name;
  private final List<Layer> layers;
  private final List<Node> nodes;
  private final int weightCount;
  private final int degree;
  private final int[] layerOffset;

  public Architecture(String name, List<Layer> layers) {
    if (layers.isEmpty()) {
      throw new IllegalArgumentException("a net needs at least one layer");
    }
    this.name = name;
    this.layers = List.copyOf(layers);
    List<Node> ns = new ArrayList<>();
    this.layerOffset = new int[layers.size()];
    int offset = 0;
    int index = 0;
    int deg = 0;
    for (int l = 0; l < layers.size(); l++) {
      Layer layer = layers.get(l);
      if (l > 0 && layer.inputs() != layers.get(l - 1).nodes()) {
        throw new IllegalArgumentException("layer " + l + " reads " + layer.inputs() + " inputs but layer "
            + (l - 1) + " has " + layers.get(l - 1).nodes() + " nodes");
      }
      if (l == layers.size() - 1 && layer.activation() != Activation.IDENTITY) {
        throw new IllegalArgumentException("the output layer must be linear");
      }
      layerOffset[l] = layer.trainable() ? offset : -1;
      for (int j = 0; j < layer.nodes(); j++, index++) {
        if (layer.trainable()) {
          ns.add(new Node(index, l, j, offset, layer.fanIn()));
          offset += layer.fanIn();
        }
      }
      deg = layer.activation().degree() * (deg + (layer.trainable() ? 1 : 0));
    }
    if (ns.isEmpty()) {
      throw new IllegalArgumentException("a net needs at least one trainable layer");
    }
    this.nodes = List.copyOf(ns);
    this.weightCount = offset;
    this.degree = deg;
  }

  /** Multilayer linear net x -> W_n ... W_1 x with hidden width {@code width} and scalar output. */
  public static Architecture linear(int inputs, int width, int depth) {
    List<Layer> ls = new ArrayList<>();
    int in = inputs;
    for (int l = 0; l < depth - 1; l++) {
      ls.add(Layer.dense(in, width, Activation.IDENTITY));
      in = width;
    }
    ls.add(Layer.dense(in, 1, Activation.IDENTITY));
    return new Architecture(depth + "-layer linear", ls);
  }

  /** Two-layer net sum_j a_j sigma(w_j^T x), no biases, both layers trained. */
  public static Architecture twoLayer(int inputs, int hidden, Activation sigma) {
    return new Architecture("2-layer " + sigma, List.of(Layer.dense(inputs, hidden, sigma),
        Layer.dense(hidden, 1, Activation.IDENTITY)));
  }

  /** Two-layer net with the second layer fixed to the given weights (the XOR net). */
  public static Architecture twoLayerFixedOutput(int inputs, int hidden, Activation sigma, double[] output) {
    return new Architecture("2-layer " + sigma + ", fixed output", List.of(Layer.dense(inputs, hidden, sigma),
        new Layer(hidden, 1, false, Activation.IDENTITY, new double[][] {output})));
  }

  /** Two-layer net with k outputs (for cross-entropy over k classes). */
  public static Architecture twoLayerClasses(int inputs, int hidden, Activation sigma, int classes) {
    return new Architecture("2-layer " + sigma + ", " + classes + " outputs", List.of(
        Layer.dense(inputs, hidden, sigma), Layer.dense(hidden, classes, Activation.IDENTITY)));
  }

  /**
   * The Simple-Traj net of Figure 4a: the fixed ("blue" = 1, "red" = 0) weights leave two trained
   * scalar weights, one per input, so Phi(w, x) = w_1 x_1 + w_2 x_2.
   */
  public static Architecture simpleTraj() {
    return new Architecture("Simple-Traj", List.of(new Layer(2, 2, true, Activation.IDENTITY, null),
        new Layer(2, 1, false, Activation.IDENTITY, new double[][] {{1, 1}})));
  }

  public String name() {
    return name;
  }

  public List<Layer> layers() {
    return layers;
  }

  /** The trainable nodes. */
  public List<Node> nodes() {
    return nodes;
  }

  public int weightCount() {
    return weightCount;
  }

  public int inputs() {
    return layers.get(0).inputs();
  }

  public int outputs() {
    return layers.get(layers.size() - 1).nodes();
  }

  /** The homogeneity degree L of (L3). */
  public int degree() {
    return degree;
  }

  /** The block of node u in a weight (or gradient) vector. */
  public double[] block(double[] w, Node u) {
    double[] b = new double[u.fanIn()];
    System.arraycopy(w, u.offset(), b, 0, u.fanIn());
    return b;
  }

  /** Outputs Phi(w, x). */
  public double[] outputs(double[] w, double[] x) {
    return forward(w, x).activations[layers.size()];
  }

  /**
   * Outputs and their gradients at one input: result[o] = grad_w Phi_o(w, x), value[o] = Phi_o.
   */
  public OutputGradients gradients(double[] w, double[] x) {
    Forward f = forward(w, x);
    int n = layers.size();
    int k = outputs();
    double[][] grads = new double[k][weightCount];
    for (int o = 0; o < k; o++) {
      double[] delta = new double[k];
      delta[o] = 1;
      for (int l = n - 1; l >= 0; l--) {
        Layer layer = layers.get(l);
        double[] in = f.activations[l];
        double[] pre = f.pre[l];
        double[] below = new double[layer.inputs()];
        int first = firstNodeOffset(l);
        for (int j = 0; j < layer.nodes(); j++) {
          double dp = delta[j] * layer.activation().derivative(pre[j]);
          if (dp == 0) {
            continue;
          }
          double[] row = layer.trainable() ? null : layer.frozenRow(j);
          int off = first + j * layer.fanIn();
          if (layer.diagonal()) {
            double wj = row == null ? w[off] : row[0];
            if (row == null) {
              grads[o][off] += dp * in[j];
            }
            below[j] += dp * wj;
          } else {
            for (int i = 0; i < layer.inputs(); i++) {
              double wji = row == null ? w[off + i] : row[i];
              if (row == null) {
                grads[o][off + i] += dp * in[i];
              }
              below[i] += dp * wji;
            }
          }
        }
        delta = below;
      }
    }
    return new OutputGradients(f.activations[n], grads);
  }

  /** Phi_o(w, x) and grad_w Phi_o(w, x) for each output o. */
  public record OutputGradients(double[] values, double[][] gradients) {}

  private record Forward(double[][] activations, double[][] pre) {}

  private Forward forward(double[] w, double[] x) {
    if (w.length != weightCount) {
      throw new IllegalArgumentException("weight vector has length " + w.length + ", net needs " + weightCount);
    }
    if (x.length != inputs()) {
      throw new IllegalArgumentException("input has length " + x.length + ", net reads " + inputs());
    }
    int n = layers.size();
    double[][] act = new double[n + 1][];
    double[][] pre = new double[n][];
    act[0] = x;
    for (int l = 0; l < n; l++) {
      Layer layer = layers.get(l);
      double[] in = act[l];
      pre[l] = new double[layer.nodes()];
      act[l + 1] = new double[layer.nodes()];
      int first = firstNodeOffset(l);
      for (int j = 0; j < layer.nodes(); j++) {
        double[] row = layer.trainable() ? null : layer.frozenRow(j);
        int off = first + j * layer.fanIn();
        double s = 0;
        if (layer.diagonal()) {
          s = (row == null ? w[off] : row[0]) * in[j];
        } else {
          for (int i = 0; i < layer.inputs(); i++) {
            s += (row == null ? w[off + i] : row[i]) * in[i];
          }
        }
        pre[l][j] = s;
        act[l + 1][j] = layer.activation().value(s);
      }
    }
    return new Forward(act, pre);
  }

  /** Offset of layer l's first node's weights (meaningful for trainable layers). */
  private int firstNodeOffset(int l) {
    return layerOffset[l];
  }

  @Override
  public String toString() {
    return name + " (" + inputs() + " inputs, " + nodes.size() + " trained nodes, degree " + degree + ")";
  }
}
