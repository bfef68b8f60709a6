package org.wnverify.check.ewn;

import org.wnverify.numeric.network.Activation;
import org.wnverify.numeric.network.ArchitectureSpec;
import org.wnverify.numeric.network.Dataset;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;

/**
 * A dedicated instance for the controls of the Section 4 limit statements that only unequal node
 * norms can tell apart from the statement (issue 19: every control decided on every seed). On the
 * sampled Lin-Sep problems the supported nodes of an SWN run are two hidden neurons of equal share
 * and the output node: SWN's limit ||w_u||^2 = lambda w_u . (-grad_u L) with the ReLU^2 homogeneity
 * (degree 2 per hidden node, 1 for the output) gives ||w_1||^2 + ||w_2||^2 = 2 ||a||^2, so equal
 * shares make all three norms equal, c = ||g~_u||/||g~_v|| = 1, and the EWN form, the exponent-2
 * forms and c^2 coincide with the statement.
 *
 * <p>Here the two classes lie at different distances from the origin (|x| ~ 1.4 for -1, ~ 2.8 for
 * +1), so the two hidden neurons carry unequal shares: on the runs, c = 0.62, the spread of
 * log ||w_u|| over the supported nodes is ~0.45 and of log(||w_u|| ||grad_u L||) ~0.93, far above
 * {@link Spread#TOLERANCE}. It meets every printed hypothesis of the claims that use it: exponential
 * or cross-entropy loss, labels in {-1, +1}, a 2-layer ReLU^2 net (the Lin-Sep architecture with 2
 * hidden neurons) with nonzero incoming weights; (A1)-(A5) are observed on its run like on any
 * sample (it is not judged where they are not).
 */
final class DistinctNorms {
  private DistinctNorms() {}

  /** Class -1 near (1, 1), class +1 near (-2, 2); each hidden neuron starts facing one class. */
  static NetworkInstance instance(LossFunction loss) {
    return new NetworkInstance(ArchitectureSpec.twoLayer(2, 2, Activation.RELU_SQUARED),
        Dataset.binary(new double[][] {{1, 1}, {1.2, 0.9}, {-2, 2}, {-2.2, 1.8}}, new int[] {-1, -1, 1, 1}),
        new double[] {0.5, 0.4, -0.4, 0.5, -0.5, 0.5}, loss);
  }

  /**
   * The same two classes as {@link #instance} in the Lin-Sep experiment's own setting (Section 4.1:
   * a 2-layer ReLU^2 net with 8 hidden neurons on a linearly separable set, exponential loss), with
   * PyTorch's default initialisation from a fixed stream: the neurons that keep growing face classes
   * at unequal distances, so their norms differ and the two parameterizations' Theorem 2 quantities
   * can be told apart, which the symmetric Lin-Sep draws cannot.
   */
  static NetworkInstance linSep(int hidden) {
    ArchitectureSpec a = ArchitectureSpec.twoLayer(2, hidden, Activation.RELU_SQUARED);
    return new NetworkInstance(a, Dataset.binary(new double[][] {{1, 1}, {1.2, 0.9}, {-2, 2}, {-2.2, 1.8}},
        new int[] {-1, -1, 1, 1}), NetworkSampler.pytorchInit(new java.util.SplittableRandom(LIN_SEP_STREAM), a),
        LossFunction.EXPONENTIAL);
  }

  /** The fixed stream of {@link #linSep}'s initial weights (any fixed value; a saved instance replays). */
  static final long LIN_SEP_STREAM = 20_261_204L;

  /** How {@link #linSep} is named in the evidence and in a control's detail. */
  static final String LIN_SEP_LABEL = "dedicated Lin-Sep: classes at distances 1.4 and 2.8 (8 hidden; unequal node norms)";

  /** How it is named in the evidence and in a control's detail. */
  static final String LABEL = "dedicated: classes at distances 1.4 and 2.8 (2-layer ReLU^2, 2 hidden; unequal node norms)";
}
