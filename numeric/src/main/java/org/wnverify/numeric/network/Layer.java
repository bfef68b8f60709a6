package org.wnverify.numeric.network;

import java.util.Arrays;

/**
 * One layer of nodes, each with an incoming weight vector: dense (node j reads every input) or
 * diagonal (node j reads input j only, a scalar weight). A frozen layer keeps fixed weights and
 * contributes no parameters (the XOR net's +-1 second layer, Simple-Traj's fixed paths).
 *
 * @param inputs width of the layer below
 * @param nodes number of nodes
 * @param diagonal whether node j reads only input j
 * @param activation applied to each node's pre-activation
 * @param frozen the fixed weights, one row per node, or null for a trainable layer
 */
public record Layer(int inputs, int nodes, boolean diagonal, Activation activation, double[][] frozen) {
  public Layer {
    if (inputs < 1 || nodes < 1) {
      throw new IllegalArgumentException("layer needs inputs >= 1 and nodes >= 1, got " + inputs + ", " + nodes);
    }
    if (diagonal && inputs != nodes) {
      throw new IllegalArgumentException("a diagonal layer needs as many nodes as inputs");
    }
    if (frozen != null) {
      if (frozen.length != nodes) {
        throw new IllegalArgumentException("frozen weights: " + frozen.length + " rows for " + nodes + " nodes");
      }
      double[][] copy = new double[nodes][];
      for (int j = 0; j < nodes; j++) {
        if (frozen[j].length != (diagonal ? 1 : inputs)) {
          throw new IllegalArgumentException("frozen weights: row " + j + " has length " + frozen[j].length);
        }
        copy[j] = frozen[j].clone();
      }
      frozen = copy;
    }
  }

  public static Layer dense(int inputs, int nodes, Activation a) {
    return new Layer(inputs, nodes, false, a, null);
  }

  /** Length of each node's incoming weight vector. */
  public int fanIn() {
    return diagonal ? 1 : inputs;
  }

  public boolean trainable() {
    return frozen == null;
  }

  double[] frozenRow(int j) {
    return frozen[j];
  }

  @Override
  public String toString() {
    return (diagonal ? "diag " : "dense ") + inputs + "->" + nodes + " " + activation
        + (frozen == null ? "" : " frozen " + Arrays.deepToString(frozen));
  }
}
