package org.wnverify.numeric.network;

/**
 * Activations of the paper's nets, each positively homogeneous of a degree: identity (linear
 * nets), ReLU (XOR, MNIST) and ReLU squared (Lin-Sep). At the kink the (sub)gradient 0 is used,
 * as PyTorch does; ReLU and ReLU^2 are therefore not C^2, which (L2) asks for.
 */
public enum Activation {
  IDENTITY(1), RELU(1), RELU_SQUARED(2);

  private final int degree;

  Activation(int degree) {
    this.degree = degree;
  }

  /** sigma(lambda z) = lambda^degree sigma(z) for lambda > 0. */
  public int degree() {
    return degree;
  }

  public double value(double z) {
    return switch (this) {
      case IDENTITY -> z;
      case RELU -> z > 0 ? z : 0;
      case RELU_SQUARED -> z > 0 ? z * z : 0;
    };
  }

  public double derivative(double z) {
    return switch (this) {
      case IDENTITY -> 1;
      case RELU -> z > 0 ? 1 : 0;
      case RELU_SQUARED -> z > 0 ? 2 * z : 0;
    };
  }
}
