package org.wnverify.numeric.ode;

import org.wnverify.numeric.generated.GradientFlowKernel;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.Loss;

/** Plain gradient flow (11) d/dt x = -grad L(x), x(0) = x0, through the emitted kernel. */
public final class GradientFlowOde implements FlowSystem {
  private final double[] a;
  private final double[][] rows;
  private final double[] b;
  private final int m;
  private final int n;
  private final int depth;
  private final double[] x0;

  public GradientFlowOde(DiagonalNetInstance p) {
    this(p, p.x0());
  }

  /** The flow of the instance's problem (A, b, L) from another start x0. */
  public GradientFlowOde(DiagonalNetInstance p, double[] x0) {
    this.a = p.aRowMajor();
    this.rows = p.a();
    this.b = p.b();
    this.m = p.rows();
    this.n = p.columns();
    this.depth = p.depth();
    this.x0 = x0.clone();
  }

  @Override
  public int getDimension() {
    return n;
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] yDot) {
    GradientFlowKernel.derivative(a, m, n, b, depth, y, yDot);
  }

  @Override
  public double[] initialState() {
    return x0.clone();
  }

  @Override
  public double[] point(double[] state) {
    return state.clone();
  }

  @Override
  public double loss(double[] state) {
    return Loss.value(rows, b, depth, state);
  }
}
