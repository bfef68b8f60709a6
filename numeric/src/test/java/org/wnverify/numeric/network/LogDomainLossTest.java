package org.wnverify.numeric.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loss and gradient at e^-300 and e^-1000 against an exact reference: e^{-y_i Phi_i} evaluated in
 * 50-digit BigDecimal from the same outputs Phi_i, summed, never passing through a double.
 */
class LogDomainLossTest {
  static final MathContext MC = new MathContext(50, RoundingMode.HALF_EVEN);
  /** Agreement asked of the log-domain values: a few ulps of the ~10 exp/log operations involved. */
  static final double REL_TOL = 1e-12;

  /** e^x to 50 digits: e^x = e^n e^r with n = round(x), |r| <= 1/2 by Taylor. */
  static BigDecimal exp(double x) {
    BigDecimal bx = new BigDecimal(x);
    long n = Math.round(x);
    BigDecimal r = bx.subtract(BigDecimal.valueOf(n));
    BigDecimal e = taylorExp(BigDecimal.ONE);
    BigDecimal en = e.pow((int) Math.abs(n), MC);
    if (n < 0) {
      en = BigDecimal.ONE.divide(en, MC);
    }
    return en.multiply(taylorExp(r), MC);
  }

  static BigDecimal taylorExp(BigDecimal r) {
    BigDecimal sum = BigDecimal.ONE;
    BigDecimal term = BigDecimal.ONE;
    for (int k = 1; k < 80; k++) {
      term = term.multiply(r, MC).divide(BigDecimal.valueOf(k), MC);
      sum = sum.add(term, MC);
    }
    return sum;
  }

  static NetworkObjective lowLossNet(LossFunction loss, double targetMargin) {
    Architecture a = Architecture.twoLayer(2, 3, Activation.RELU_SQUARED);
    Dataset d = Dataset.binary(new double[][] {{1, 1}, {-1, 1}, {1.3, 1.7}, {-1.6, -1.2}}, new int[] {-1, 1, -1, 1});
    NetworkObjective obj = new NetworkObjective(new NormalizedNet(a, Parameterization.UNNORM), d, loss);
    return obj;
  }

  /** A weight vector (a max-margin-like ReLU^2 net) scaled so that the smallest margin is ~target. */
  static double[] scaledWeights(NetworkObjective obj, double target) {
    double[] w = {-1, 0, 1, 0, 0.1, 0.1, 1, -1, 0.1};
    double m = obj.evaluateWeights(w).minMargin();
    assertThat(m).isPositive();
    double lambda = Math.cbrt(target / m); // degree 3
    for (int i = 0; i < w.length; i++) {
      w[i] *= lambda;
    }
    return w;
  }

  @ParameterizedTest
  @ValueSource(doubles = {300, 1000})
  void exponentialLossAndGradientExactFarBelowUnderflow(double margin) {
    NetworkObjective obj = lowLossNet(LossFunction.EXPONENTIAL, margin);
    double[] w = scaledWeights(obj, margin);
    NetworkObjective.WeightEvaluation e = obj.evaluateWeights(w);
    assertThat(e.logLoss()).isBetween(-margin - 1, -margin + 2);
    if (margin > 745) {
      assertThat(Math.exp(e.logLoss())).as("the naive loss underflows").isZero();
    }
    // Exact reference from the same outputs.
    Architecture a = obj.net().architecture();
    Dataset d = obj.data();
    BigDecimal lRef = BigDecimal.ZERO;
    BigDecimal[] gRef = new BigDecimal[w.length];
    java.util.Arrays.fill(gRef, BigDecimal.ZERO);
    for (int i = 0; i < d.size(); i++) {
      Architecture.OutputGradients og = a.gradients(w, d.x()[i]);
      int y = d.labels()[i];
      BigDecimal li = exp(-y * og.values()[0]);
      lRef = lRef.add(li, MC);
      for (int p = 0; p < w.length; p++) {
        gRef[p] = gRef[p].add(li.multiply(new BigDecimal(-y * og.gradients()[0][p]), MC), MC);
      }
    }
    BigDecimal lOurs = exp(e.logLoss());
    assertThat(relErr(lOurs, lRef)).isLessThan(REL_TOL);
    BigDecimal gNorm = BigDecimal.ZERO;
    for (BigDecimal g : gRef) {
      gNorm = gNorm.max(g.abs());
    }
    for (int p = 0; p < w.length; p++) {
      BigDecimal ours = lOurs.multiply(new BigDecimal(e.gradLogLoss()[p]), MC);
      double err = ours.subtract(gRef[p], MC).abs().divide(gNorm, MC).doubleValue();
      assertThat(err).as("gradient entry %d", p).isLessThan(REL_TOL);
    }
    // log ||grad L|| from the scaled form matches the reference norm.
    double refLogNorm = Math.log(norm(gRef).divide(lRef, MC).doubleValue()) + e.logLoss();
    assertThat(e.gradient().logNorm()).isCloseTo(refLogNorm, org.assertj.core.data.Offset.offset(1e-12 * margin));
  }

  @ParameterizedTest
  @ValueSource(doubles = {300, 1000})
  void crossEntropyLossAndGradientExactFarBelowUnderflow(double margin) {
    NetworkObjective obj = lowLossNet(LossFunction.CROSS_ENTROPY, margin);
    double[] w = scaledWeights(obj, margin);
    NetworkObjective.WeightEvaluation e = obj.evaluateWeights(w);
    Architecture a = obj.net().architecture();
    Dataset d = obj.data();
    BigDecimal lRef = BigDecimal.ZERO;
    BigDecimal[] gRef = new BigDecimal[w.length];
    java.util.Arrays.fill(gRef, BigDecimal.ZERO);
    for (int i = 0; i < d.size(); i++) {
      Architecture.OutputGradients og = a.gradients(w, d.x()[i]);
      int y = d.labels()[i];
      BigDecimal x = exp(-y * og.values()[0]);
      // log(1 + x) = x - x^2/2 + x^3/3 - ...; x <= e^-290 so three terms are exact to 50 digits.
      BigDecimal li = x.subtract(x.pow(2, MC).divide(BigDecimal.valueOf(2), MC), MC)
          .add(x.pow(3, MC).divide(BigDecimal.valueOf(3), MC), MC);
      lRef = lRef.add(li, MC);
      BigDecimal slope = x.divide(BigDecimal.ONE.add(x, MC), MC); // d l / d z
      for (int p = 0; p < w.length; p++) {
        gRef[p] = gRef[p].add(slope.multiply(new BigDecimal(-y * og.gradients()[0][p]), MC), MC);
      }
    }
    BigDecimal lOurs = exp(e.logLoss());
    assertThat(relErr(lOurs, lRef)).isLessThan(REL_TOL);
    BigDecimal gNorm = norm(gRef);
    for (int p = 0; p < w.length; p++) {
      BigDecimal ours = lOurs.multiply(new BigDecimal(e.gradLogLoss()[p]), MC);
      assertThat(ours.subtract(gRef[p], MC).abs().divide(gNorm, MC).doubleValue()).isLessThan(REL_TOL);
    }
  }

  @Test
  void singlePointLinearIsAnalytic() {
    // Phi = w.x, one point: log L = -y w.x exactly, grad log L = -y x.
    Architecture a = Architecture.linear(2, 1, 1);
    Dataset d = Dataset.binary(new double[][] {{2, 1}}, new int[] {1});
    NetworkObjective obj = new NetworkObjective(new NormalizedNet(a, Parameterization.EWN), d, LossFunction.EXPONENTIAL);
    for (double m : new double[] {300, 1000}) {
      double[] w = {m / 2.5, m / 5}; // w.x = m
      double[] theta = obj.net().fromWeights(w);
      NetworkObjective.Evaluation e = obj.evaluate(theta);
      assertThat(e.logLoss()).isCloseTo(-m, org.assertj.core.data.Offset.offset(1e-12 * m));
      assertThat(e.gradLogWeights()).containsExactly(new double[] {-2, -1}, org.assertj.core.data.Offset.offset(1e-12));
      // EWN: grad_alpha log L = e^alpha v^T G = w^T grad log L = -m.
      assertThat(e.gradLogTheta()[0]).isCloseTo(-m, org.assertj.core.data.Offset.offset(1e-9 * m));
    }
  }

  @Test
  void logSoftplusAcrossTheRange() {
    assertThat(LogMath.logSoftplus(-1000)).isEqualTo(-1000.0);
    assertThat(LogMath.logSoftplus(-40)).isCloseTo(-40 - Math.exp(-40) / 2, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(LogMath.logSoftplus(0)).isCloseTo(Math.log(Math.log(2)), org.assertj.core.data.Offset.offset(1e-15));
    assertThat(LogMath.logSoftplus(800)).isCloseTo(Math.log(800), org.assertj.core.data.Offset.offset(1e-12));
    assertThat(LogMath.logSumExp(new double[] {-1000, -1000})).isCloseTo(-1000 + Math.log(2),
        org.assertj.core.data.Offset.offset(1e-12));
  }

  static BigDecimal norm(BigDecimal[] v) {
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal x : v) {
      s = s.add(x.multiply(x, MC), MC);
    }
    return s.sqrt(MC);
  }

  static double relErr(BigDecimal a, BigDecimal b) {
    return a.subtract(b, MC).abs().divide(b.abs(), MC).doubleValue();
  }
}
