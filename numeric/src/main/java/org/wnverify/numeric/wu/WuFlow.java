package org.wnverify.numeric.wu;

import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowSystem;

/**
 * The WN flow of Lemma 2.2 in the state (g, w_1 .. w_d), for a loss L(x) (least squares, or any
 * loss of Appendix D).
 *
 * <p>{@link Form#CORRECTED} is the flow derived in Appendix B (the WN gradient flow of h with rates
 * c for g and 1 for w): dg/dt = -c v^T grad L(g v), dw/dt = -(g/||w||) P_w grad L(g v), v = w/||w||.
 * With ||w0|| = 1 the norm stays 1 and this is "the final formula for WN and rPGD" of Appendix B,
 * dw/dt = -g P_t A^T r (r = A g w - y), i.e. (4) with one factor g fewer. {@link Form#PRINTED_4}
 * is (4) as printed with the true gradient grad_w f = g A^T r, so dw/dt = -g^2 P_t A^T r: the audit
 * found (4) carries this extra factor g (wu/lemma-2.2#flow-4); it is kept as a negative control.
 */
public final class WuFlow implements FlowSystem {
  /** Which right-hand side. */
  public enum Form {
    CORRECTED, PRINTED_4
  }

  private final SmoothLoss loss;
  private final double c;
  private final int d;
  private final double[] y0;
  private final Form form;

  public WuFlow(SmoothLoss loss, double g0, double[] w0, double c, Form form) {
    this.loss = loss;
    this.c = c;
    this.d = w0.length;
    this.form = form;
    this.y0 = new double[d + 1];
    y0[0] = g0;
    System.arraycopy(w0, 0, y0, 1, d);
  }

  /** The corrected WN flow of a least-squares instance, from (g0, w0) with its ratio c. */
  public static WuFlow of(WuInstance p) {
    return new WuFlow(SmoothLoss.leastSquares(WuObjective.of(p)), p.g0(), p.w0(), p.c(), Form.CORRECTED);
  }

  public static WuFlow of(WuInstance p, Form form) {
    return new WuFlow(SmoothLoss.leastSquares(WuObjective.of(p)), p.g0(), p.w0(), p.c(), form);
  }

  @Override
  public int getDimension() {
    return d + 1;
  }

  @Override
  public void computeDerivatives(double t, double[] s, double[] ds) {
    double g = s[0];
    double[] w = w(s);
    double n = Vectors.norm(w);
    double[] v = Vectors.scale(1.0 / n, w);
    double[] grad = loss.gradient(Vectors.scale(g, v));
    ds[0] = -c * Vectors.dot(v, grad);
    double[] pg = WuObjective.projectOff(w, grad);
    double factor = form == Form.CORRECTED ? g / n : g * g;
    for (int k = 0; k < d; k++) {
      ds[k + 1] = -factor * pg[k];
    }
  }

  @Override
  public double[] initialState() {
    return y0.clone();
  }

  /** The point x = g w / ||w||. */
  @Override
  public double[] point(double[] state) {
    double[] w = w(state);
    return Vectors.scale(state[0] / Vectors.norm(w), w);
  }

  @Override
  public double loss(double[] state) {
    return loss.value(point(state));
  }

  public double c() {
    return c;
  }

  public Form form() {
    return form;
  }

  /** The w part of a state. */
  public static double[] w(double[] state) {
    double[] w = new double[state.length - 1];
    System.arraycopy(state, 1, w, 0, w.length);
    return w;
  }

  /** The state (g, w). */
  public static double[] state(double g, double[] w) {
    double[] s = new double[w.length + 1];
    s[0] = g;
    System.arraycopy(w, 0, s, 1, w.length);
    return s;
  }
}
