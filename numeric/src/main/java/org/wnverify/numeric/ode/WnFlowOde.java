package org.wnverify.numeric.ode;

import org.wnverify.numeric.generated.WnFlowKernel;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.Loss;

/**
 * The weight-normalized flow (13)-(14) in the state (r, u_1..u_N), through the emitted kernel.
 * The flow starts at (r0, u0) with u0 as given (not normalised): Lemma 3.2 is about ||u0||.
 */
public final class WnFlowOde implements FlowSystem {
  private final double[] a;
  private final double[][] rows;
  private final double[] b;
  private final int m;
  private final int n;
  private final int depth;
  private final double eta;
  private final LearningRate rate;
  private final double etaU;
  private final double[] y0;

  public WnFlowOde(DiagonalNetInstance p, LearningRate rate) {
    this(p, rate, 1.0);
  }

  /**
   * The flow with another learning rate eta_u of u (Lemma 3.1 rescales it); eta_r as given by
   * {@code rate}.
   */
  public WnFlowOde(DiagonalNetInstance p, LearningRate rate, double etaU) {
    this.a = p.aRowMajor();
    this.rows = p.a();
    this.b = p.b();
    this.m = p.rows();
    this.n = p.columns();
    this.depth = p.depth();
    this.eta = p.eta();
    this.rate = rate;
    if (!(etaU > 0) || !Double.isFinite(etaU)) {
      throw new IllegalArgumentException("eta_u must be a finite number > 0, got " + etaU);
    }
    this.etaU = etaU;
    this.y0 = new double[n + 1];
    y0[0] = p.r0();
    System.arraycopy(p.u0(), 0, y0, 1, n);
  }

  @Override
  public int getDimension() {
    return n + 1;
  }

  @Override
  public void computeDerivatives(double t, double[] y, double[] yDot) {
    WnFlowKernel.derivative(a, m, n, b, depth, rate.etaR(eta, y[0]), etaU, y, yDot);
  }

  /** eta_u of this flow (1 unless rescaled). */
  public double etaU() {
    return etaU;
  }

  /** eta_r at a state. */
  public double etaR(double[] state) {
    return rate.etaR(eta, state[0]);
  }

  @Override
  public double[] initialState() {
    return y0.clone();
  }

  @Override
  public double[] point(double[] state) {
    return Loss.wnPoint(state);
  }

  @Override
  public double loss(double[] state) {
    return Loss.value(rows, b, depth, point(state));
  }
}
