package org.wnverify.numeric.network;

import org.wnverify.numeric.linalg.Vectors;

/**
 * The training loss L(w) = sum_i l_i (a sum, not a mean) of a parameterized net on a dataset, in
 * the log domain: log L by log-sum-exp, and the gradient as e^{log L} times grad log L, whose
 * size is O(||w||^{L-1}) however small L is (Lyu and Li's trick, which the paper cites in App. L).
 */
public final class NetworkObjective {
  private final NormalizedNet net;
  private final Dataset data;
  private final LossFunction loss;

  public NetworkObjective(NormalizedNet net, Dataset data, LossFunction loss) {
    Architecture a = net.architecture();
    if (data.dimension() != a.inputs()) {
      throw new IllegalArgumentException("data have dimension " + data.dimension() + ", net reads " + a.inputs());
    }
    int expected = data.isBinary() ? 1 : data.classes();
    if (a.outputs() != expected) {
      throw new IllegalArgumentException((data.isBinary() ? "binary" : data.classes() + "-class")
          + " data need " + expected + " output(s), net has " + a.outputs());
    }
    this.net = net;
    this.data = data;
    this.loss = loss;
  }

  public NormalizedNet net() {
    return net;
  }

  public Dataset data() {
    return data;
  }

  public LossFunction loss() {
    return loss;
  }

  /** Everything the checks read at one parameter point. */
  public Evaluation evaluate(double[] theta) {
    double[] w = net.weights(theta);
    WeightEvaluation e = evaluateWeights(w);
    return new Evaluation(theta.clone(), w, e, net.pullBack(theta, e.gradLogLoss()));
  }

  /** The loss and its gradient with respect to w (the Unnorm view of the same point). */
  public WeightEvaluation evaluateWeights(double[] w) {
    Architecture a = net.architecture();
    int m = data.size();
    int k = a.outputs();
    int competitors = data.isBinary() ? 1 : k - 1;
    double[][] z = new double[m][competitors];
    double[][][] gradZ = new double[m][competitors][];
    double[] s = new double[m];
    double[] logPoint = new double[m];
    double[] margins = new double[m];
    for (int i = 0; i < m; i++) {
      Architecture.OutputGradients og = a.gradients(w, data.x()[i]);
      int y = data.labels()[i];
      if (data.isBinary()) {
        z[i][0] = -y * og.values()[0];
        gradZ[i][0] = Vectors.scale(-y, og.gradients()[0]);
      } else {
        int c = 0;
        for (int j = 0; j < k; j++) {
          if (j != y) {
            z[i][c] = og.values()[j] - og.values()[y];
            gradZ[i][c] = Vectors.subtract(og.gradients()[j], og.gradients()[y]);
            c++;
          }
        }
      }
      s[i] = LogMath.logSumExp(z[i]);
      logPoint[i] = loss.logPointLoss(s[i]);
      double minMargin = Double.POSITIVE_INFINITY;
      for (double zij : z[i]) {
        minMargin = Math.min(minMargin, -zij);
      }
      margins[i] = minMargin;
    }
    double logL = LogMath.logSumExp(logPoint);
    double[] grad = new double[a.weightCount()];
    for (int i = 0; i < m; i++) {
      double off = loss.logSlopeOffset(s[i]) - logL;
      for (int c = 0; c < competitors; c++) {
        double coef = Math.exp(z[i][c] + off);
        if (coef == 0) {
          continue;
        }
        double[] g = gradZ[i][c];
        for (int p = 0; p < grad.length; p++) {
          grad[p] += coef * g[p];
        }
      }
    }
    return new WeightEvaluation(logL, logPoint, margins, grad);
  }

  /**
   * The loss at a weight point.
   *
   * @param logLoss log L(w)
   * @param logPointLosses log l_i(w)
   * @param margins y_i Phi(w, x_i) (binary) or min_{j != y_i} Phi_{y_i} - Phi_j (k classes)
   * @param gradLogLoss grad_w log L(w) = grad_w L / L
   */
  public record WeightEvaluation(double logLoss, double[] logPointLosses, double[] margins, double[] gradLogLoss) {
    /** The loss vector's direction l/||l|| (A3), computed from the logs (no underflow). */
    public double[] lossDirection() {
      double m = Double.NEGATIVE_INFINITY;
      for (double v : logPointLosses) {
        m = Math.max(m, v);
      }
      double[] d = new double[logPointLosses.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = Math.exp(logPointLosses[i] - m);
      }
      return Vectors.scale(1 / Vectors.norm(d), d);
    }

    /** grad_w L as a scaled vector (log scale log L, direction grad log L). */
    public ScaledVector gradient() {
      return new ScaledVector(logLoss, gradLogLoss);
    }

    public double minMargin() {
      return Vectors.min(margins);
    }
  }

  /**
   * The loss at a parameter point.
   *
   * @param gradLogTheta grad_theta log L
   */
  public record Evaluation(double[] theta, double[] weights, WeightEvaluation atWeights, double[] gradLogTheta) {
    public double logLoss() {
      return atWeights.logLoss();
    }

    /** grad_w log L. */
    public double[] gradLogWeights() {
      return atWeights.gradLogLoss();
    }
  }
}
