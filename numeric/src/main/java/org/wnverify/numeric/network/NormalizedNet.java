package org.wnverify.numeric.network;

import org.wnverify.numeric.linalg.Vectors;

/**
 * An architecture under a parameterization: maps parameters theta to weights w, and pulls
 * gradients back by the chain rule of ewn.md section 1.2, which holds for any ||v_u|| (the flows
 * keep ||v_u|| = 1, gradient descent lets it grow):
 * SWN grad_gamma = v^T G/||v||, grad_v = (gamma/||v||) P_v G; EWN grad_alpha = e^alpha v^T G/||v||,
 * grad_v = (e^alpha/||v||) P_v G, with G = grad_{w_u} L and P_v = I - v v^T/||v||^2.
 */
public final class NormalizedNet {
  private final Architecture net;
  private final Parameterization param;
  private final int[] paramOffset;
  private final int size;

  public NormalizedNet(Architecture net, Parameterization param) {
    this.net = net;
    this.param = param;
    this.paramOffset = new int[net.nodes().size()];
    int off = 0;
    for (int k = 0; k < paramOffset.length; k++) {
      paramOffset[k] = off;
      off += param.size(net.nodes().get(k).fanIn());
    }
    this.size = off;
  }

  public Architecture architecture() {
    return net;
  }

  public Parameterization parameterization() {
    return param;
  }

  /** Length of theta. */
  public int size() {
    return size;
  }

  /** Offset of the k-th trainable node's parameters in theta. */
  public int offset(int k) {
    return paramOffset[k];
  }

  /** w(theta). */
  public double[] weights(double[] theta) {
    checkLength(theta);
    if (param == Parameterization.UNNORM) {
      return theta.clone();
    }
    double[] w = new double[net.weightCount()];
    for (int k = 0; k < paramOffset.length; k++) {
      Node u = net.nodes().get(k);
      int p = paramOffset[k];
      double s = scale(theta[p]);
      double nv = vNorm(theta, k);
      for (int i = 0; i < u.fanIn(); i++) {
        w[u.offset() + i] = s * theta[p + 1 + i] / nv;
      }
    }
    return w;
  }

  /** grad_theta from grad_w (any common scale factor passes through unchanged). */
  public double[] pullBack(double[] theta, double[] gradW) {
    checkLength(theta);
    if (param == Parameterization.UNNORM) {
      return gradW.clone();
    }
    double[] g = new double[size];
    for (int k = 0; k < paramOffset.length; k++) {
      Node u = net.nodes().get(k);
      int p = paramOffset[k];
      double nv = vNorm(theta, k);
      double vg = 0;
      double vv = nv * nv;
      for (int i = 0; i < u.fanIn(); i++) {
        vg += theta[p + 1 + i] * gradW[u.offset() + i];
      }
      double s = scale(theta[p]);
      g[p] = (param == Parameterization.EWN ? s : 1.0) * vg / nv;
      for (int i = 0; i < u.fanIn(); i++) {
        double vi = theta[p + 1 + i];
        g[p + 1 + i] = s / nv * (gradW[u.offset() + i] - vi * vg / vv);
      }
    }
    return g;
  }

  /**
   * theta with w(theta) = w and ||v_u|| = 1 (the paper's initialization: alpha_u = log ||w_u||,
   * gamma_u = ||w_u||, v_u = w_u/||w_u||).
   *
   * @throws IllegalArgumentException if a node's weight vector is zero (no direction for v_u)
   */
  public double[] fromWeights(double[] w) {
    if (w.length != net.weightCount()) {
      throw new IllegalArgumentException("weight vector has length " + w.length + ", net needs " + net.weightCount());
    }
    if (param == Parameterization.UNNORM) {
      return w.clone();
    }
    double[] theta = new double[size];
    for (int k = 0; k < paramOffset.length; k++) {
      Node u = net.nodes().get(k);
      double[] b = net.block(w, u);
      double n = Vectors.norm(b);
      if (!(n > 0)) {
        throw new IllegalArgumentException("node " + u.index() + " has a zero weight vector: v_u/||v_u|| undefined");
      }
      int p = paramOffset[k];
      theta[p] = param == Parameterization.EWN ? Math.log(n) : n;
      for (int i = 0; i < b.length; i++) {
        theta[p + 1 + i] = b[i] / n;
      }
    }
    return theta;
  }

  /** ||w_u|| of the k-th trainable node (e^alpha or |gamma| for normalized nets). */
  public double nodeNorm(double[] theta, int k) {
    if (param == Parameterization.UNNORM) {
      return Vectors.norm(net.block(theta, net.nodes().get(k)));
    }
    return Math.abs(scale(theta[paramOffset[k]]));
  }

  /** ||v_u|| of the k-th node (1 for Unnorm, where there is no v). */
  public double vNorm(double[] theta, int k) {
    if (param == Parameterization.UNNORM) {
      return 1;
    }
    int p = paramOffset[k];
    double s = 0;
    for (int i = 0; i < net.nodes().get(k).fanIn(); i++) {
      s += theta[p + 1 + i] * theta[p + 1 + i];
    }
    return Math.sqrt(s);
  }

  private double scale(double t) {
    return param == Parameterization.EWN ? Math.exp(t) : t;
  }

  private void checkLength(double[] theta) {
    if (theta.length != size) {
      throw new IllegalArgumentException("parameter vector has length " + theta.length + ", "
          + param.label() + " net needs " + size);
    }
  }

  @Override
  public String toString() {
    return param.label() + " " + net;
  }
}
