package org.wnverify.check.chou;

import java.util.List;
import org.wnverify.numeric.ode.FlowSystem;

/**
 * Several flows integrated as one system (so every tolerance of a refinement treats them alike
 * and they are sampled at the same times). Point and loss are those of the first flow.
 */
final class ProductFlow implements FlowSystem {
  private final List<? extends FlowSystem> parts;
  private final int[] offsets;
  private final int dimension;

  ProductFlow(List<? extends FlowSystem> parts) {
    this.parts = List.copyOf(parts);
    this.offsets = new int[parts.size()];
    int d = 0;
    for (int i = 0; i < parts.size(); i++) {
      offsets[i] = d;
      d += parts.get(i).getDimension();
    }
    this.dimension = d;
  }

  /** The state of part i within a product state. */
  double[] part(double[] state, int i) {
    double[] s = new double[parts.get(i).getDimension()];
    System.arraycopy(state, offsets[i], s, 0, s.length);
    return s;
  }

  @Override
  public int getDimension() {
    return dimension;
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] yDot) {
    for (int i = 0; i < parts.size(); i++) {
      FlowSystem f = parts.get(i);
      double[] yi = part(y, i);
      double[] di = new double[yi.length];
      f.computeDerivatives(t, yi, di);
      System.arraycopy(di, 0, yDot, offsets[i], di.length);
    }
  }

  @Override
  public double[] initialState() {
    double[] y = new double[dimension];
    for (int i = 0; i < parts.size(); i++) {
      double[] yi = parts.get(i).initialState();
      System.arraycopy(yi, 0, y, offsets[i], yi.length);
    }
    return y;
  }

  @Override
  public double[] point(double[] state) {
    return parts.get(0).point(part(state, 0));
  }

  @Override
  public double loss(double[] state) {
    return parts.get(0).loss(part(state, 0));
  }
}
