package org.wnverify.numeric.network;

import java.util.Locale;

/**
 * What an instance file says about a net: the kind and its sizes, from which the
 * {@link Architecture} is built.
 *
 * @param kind one of the paper's architectures
 * @param inputs input dimension
 * @param width hidden width (linear nets: every hidden layer; unused for Simple-Traj)
 * @param depth number of layers of a linear net (1 .. ); 2 for the others
 * @param activation the hidden activation (two-layer kinds)
 * @param outputs 1 for binary data, k for k classes
 */
public record ArchitectureSpec(Kind kind, int inputs, int width, int depth, Activation activation, int outputs) {
  /** The architectures of the paper's experiments. */
  public enum Kind {
    /** W_n ... W_1 x (Corollary 1, Fig. 6). */
    LINEAR,
    /** sum_j a_j sigma(w_j^T x), both layers trained (Lin-Sep: ReLU^2). */
    TWO_LAYER,
    /** The XOR net: second layer fixed, first half +1, second half -1 (the authors' code). */
    FIXED_OUTPUT,
    /** Fig. 4a, two trained scalar weights. */
    SIMPLE_TRAJ;

    public String tag() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Kind parse(String s) {
      for (Kind k : values()) {
        if (k.tag().equals(s)) {
          return k;
        }
      }
      throw new IllegalArgumentException("unknown architecture '" + s + "' (linear, two-layer, fixed-output, simple-traj)");
    }
  }

  public ArchitectureSpec {
    if (kind == null || activation == null) {
      throw new IllegalArgumentException("architecture kind and activation are required");
    }
    if (inputs < 1 || width < 1 || depth < 1 || outputs < 1) {
      throw new IllegalArgumentException("architecture sizes must be >= 1: inputs " + inputs + ", width " + width
          + ", depth " + depth + ", outputs " + outputs);
    }
    if (kind == Kind.SIMPLE_TRAJ && (inputs != 2 || outputs != 1)) {
      throw new IllegalArgumentException("Simple-Traj has 2 inputs and 1 output");
    }
    if (kind == Kind.LINEAR && activation != Activation.IDENTITY) {
      throw new IllegalArgumentException("a linear net has the identity activation");
    }
    if (kind == Kind.FIXED_OUTPUT && outputs != 1) {
      throw new IllegalArgumentException("the fixed-output (XOR) net has 1 output");
    }
    if (kind == Kind.LINEAR && outputs != 1) {
      throw new IllegalArgumentException("linear nets here have a scalar output");
    }
  }

  public static ArchitectureSpec linear(int inputs, int width, int depth) {
    return new ArchitectureSpec(Kind.LINEAR, inputs, width, depth, Activation.IDENTITY, 1);
  }

  public static ArchitectureSpec twoLayer(int inputs, int hidden, Activation a) {
    return new ArchitectureSpec(Kind.TWO_LAYER, inputs, hidden, 2, a, 1);
  }

  public static ArchitectureSpec twoLayerClasses(int inputs, int hidden, Activation a, int classes) {
    return new ArchitectureSpec(Kind.TWO_LAYER, inputs, hidden, 2, a, classes);
  }

  public static ArchitectureSpec xor(int hidden) {
    return new ArchitectureSpec(Kind.FIXED_OUTPUT, 2, hidden, 2, Activation.RELU, 1);
  }

  public static ArchitectureSpec simpleTraj() {
    return new ArchitectureSpec(Kind.SIMPLE_TRAJ, 2, 2, 2, Activation.IDENTITY, 1);
  }

  public Architecture build() {
    return switch (kind) {
      case LINEAR -> Architecture.linear(inputs, width, depth);
      case TWO_LAYER -> outputs == 1 ? Architecture.twoLayer(inputs, width, activation)
          : Architecture.twoLayerClasses(inputs, width, activation, outputs);
      case FIXED_OUTPUT -> {
        double[] out = new double[width];
        for (int j = 0; j < width; j++) {
          out[j] = j < (width + 1) / 2 ? 1 : -1;
        }
        yield Architecture.twoLayerFixedOutput(inputs, width, activation, out);
      }
      case SIMPLE_TRAJ -> Architecture.simpleTraj();
    };
  }
}
