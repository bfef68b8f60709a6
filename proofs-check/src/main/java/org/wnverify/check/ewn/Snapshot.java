package org.wnverify.check.ewn;

import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.GradientDescent;
import org.wnverify.numeric.network.Node;
import org.wnverify.numeric.network.NetworkObjective;
import org.wnverify.numeric.network.NormalizedNet;

/**
 * The quantities of Section 4 at one iterate, all from the log-domain evaluation: per node
 * log ||w_u||, log ||grad_u L|| = log L + log ||grad_u log L||, cos(w_u, -grad_u L) and the (A5)
 * quantity log(eta ||w_u|| ||grad_u L||); for the whole net w / ||w||, the loss vector's direction,
 * the gradient's direction and the normalized margin min_i y_i Phi(w, x_i) / ||w||^L.
 */
record Snapshot(int step, double logLoss, double[] weights, double[] direction, double[] lossDirection,
    double[] gradientDirection, double[] logNodeNorm, double[] logNodeGrad, double[] nodeCos, double[] logA5,
    double normalizedMargin, double weightNorm) {

  static Snapshot of(NetworkObjective obj, GradientDescent.Iterate it) {
    NetworkObjective.Evaluation e = obj.evaluate(it.theta());
    NormalizedNet net = obj.net();
    double[] w = e.weights();
    double[] g = e.gradLogWeights();
    double nw = Vectors.norm(w);
    double ng = Vectors.norm(g);
    int n = net.architecture().nodes().size();
    double[] ln = new double[n];
    double[] lg = new double[n];
    double[] cos = new double[n];
    double[] a5 = new double[n];
    for (int k = 0; k < n; k++) {
      Node u = net.architecture().nodes().get(k);
      double[] wu = net.architecture().block(w, u);
      double[] gu = net.architecture().block(g, u);
      double nwu = Vectors.norm(wu);
      double ngu = Vectors.norm(gu);
      ln[k] = Math.log(nwu);
      lg[k] = e.logLoss() + Math.log(ngu);
      cos[k] = nwu > 0 && ngu > 0 ? -Vectors.dot(wu, gu) / (nwu * ngu) : Double.NaN;
      a5[k] = (Double.isNaN(it.logEta()) ? Double.NaN : it.logEta()) + ln[k] + lg[k];
    }
    double margin = e.atWeights().minMargin() / Math.pow(nw, net.architecture().degree());
    return new Snapshot(it.step(), e.logLoss(), w, Vectors.scale(1 / nw, w), e.atWeights().lossDirection(),
        Vectors.scale(-1 / ng, g), ln, lg, cos, a5, margin, nw);
  }

  int nodes() {
    return logNodeNorm.length;
  }

  /** The node block of w / ||w|| (w~_u of Prop. 2 at this iterate). */
  double[] directionBlock(NormalizedNet net, int k) {
    return net.architecture().block(direction, net.architecture().nodes().get(k));
  }

  /** The node block of -grad L / ||grad L|| (g~_u at this iterate). */
  double[] gradientBlock(NormalizedNet net, int k) {
    return net.architecture().block(gradientDirection, net.architecture().nodes().get(k));
  }
}
