package org.wnverify.numeric.network;

import java.util.Arrays;
import org.wnverify.numeric.problem.InvalidInstanceException;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * One problem of the EWN paper: a net, its training data, the initial weights w(0) (the
 * normalized nets start from the same function with ||v_u(0)|| = 1, as in the paper) and the loss.
 * Validates shapes and finiteness on construction.
 */
public record NetworkInstance(ArchitectureSpec architecture, Dataset data, double[] initialWeights, LossFunction loss)
    implements ProblemInstance {
  public NetworkInstance {
    if (architecture == null || data == null || initialWeights == null || loss == null) {
      throw new InvalidInstanceException("instance", "architecture, data, initial weights and loss are required");
    }
    Architecture a;
    try {
      a = architecture.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidInstanceException("architecture", e.getMessage());
    }
    if (initialWeights.length != a.weightCount()) {
      throw new InvalidInstanceException("initial_weights", "length " + initialWeights.length + ", the "
          + a.name() + " net has " + a.weightCount());
    }
    for (double v : initialWeights) {
      if (!Double.isFinite(v)) {
        throw new InvalidInstanceException("initial_weights", "not finite: " + Arrays.toString(initialWeights));
      }
    }
    if (data.dimension() != a.inputs()) {
      throw new InvalidInstanceException("x", "data have dimension " + data.dimension() + ", the net reads " + a.inputs());
    }
    if ((data.isBinary() ? 1 : data.classes()) != a.outputs()) {
      throw new InvalidInstanceException("classes", "data with " + data.classes() + " classes need "
          + (data.isBinary() ? 1 : data.classes()) + " outputs, the net has " + a.outputs());
    }
    for (Node u : a.nodes()) {
      double s = 0;
      for (int i = 0; i < u.fanIn(); i++) {
        s += initialWeights[u.offset() + i] * initialWeights[u.offset() + i];
      }
      if (s == 0) {
        throw new InvalidInstanceException("initial_weights", "node " + u.index()
            + " has a zero weight vector (no direction v_u for SWN/EWN)");
      }
    }
    initialWeights = initialWeights.clone();
  }

  public Architecture net() {
    return architecture.build();
  }

  public NetworkObjective objective(Parameterization p) {
    return new NetworkObjective(new NormalizedNet(net(), p), data, loss);
  }

  /** theta(0) of the parameterization, with ||v_u(0)|| = 1. */
  public double[] initialParameters(Parameterization p) {
    return new NormalizedNet(net(), p).fromWeights(initialWeights);
  }

  public NetworkInstance withLoss(LossFunction l) {
    return new NetworkInstance(architecture, data, initialWeights, l);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkInstance n && architecture.equals(n.architecture) && loss == n.loss
        && Arrays.equals(initialWeights, n.initialWeights) && Arrays.deepEquals(data.x(), n.data.x())
        && Arrays.equals(data.labels(), n.data.labels()) && data.classes() == n.data.classes();
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(initialWeights) * 31 + Arrays.deepHashCode(data.x());
  }

  @Override
  public String toString() {
    return architecture.kind().tag() + " " + net().name() + ", " + data.size() + " points, " + loss;
  }
}
