package org.wnverify.numeric.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;

class NetworkTest {
  static List<Architecture> architectures() {
    double[] out = new double[6];
    for (int j = 0; j < 6; j++) {
      out[j] = j < 3 ? 1 : -1;
    }
    return List.of(Architecture.linear(2, 3, 1), Architecture.linear(2, 3, 3), Architecture.twoLayer(2, 4, Activation.RELU),
        Architecture.twoLayer(2, 4, Activation.RELU_SQUARED), Architecture.twoLayerFixedOutput(2, 6, Activation.RELU, out),
        Architecture.simpleTraj());
  }

  static double[] random(SplittableRandom r, int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextGaussian();
    }
    return v;
  }

  @Test
  void degreesAreThePapers() {
    assertThat(architectures().stream().map(Architecture::degree).toList()).containsExactly(1, 3, 2, 3, 1, 1);
    assertThat(Architecture.simpleTraj().weightCount()).isEqualTo(2);
    assertThat(Architecture.twoLayer(2, 8, Activation.RELU_SQUARED).nodes()).hasSize(9);
  }

  @Test
  void gradientsMatchFiniteDifferencesAndEuler() {
    SplittableRandom r = new SplittableRandom(7);
    for (Architecture a : architectures()) {
      double[] w = random(r, a.weightCount());
      double[] x = random(r, a.inputs());
      Architecture.OutputGradients g = a.gradients(w, x);
      double h = 1e-6;
      for (int p = 0; p < w.length; p++) {
        double[] wp = w.clone();
        double[] wm = w.clone();
        wp[p] += h;
        wm[p] -= h;
        double fd = (a.outputs(wp, x)[0] - a.outputs(wm, x)[0]) / (2 * h);
        assertThat(g.gradients()[0][p]).as(a + " entry " + p).isCloseTo(fd, offset(1e-6 * (1 + Math.abs(fd))));
      }
      // Euler: w^T grad Phi = L Phi.
      assertThat(Vectors.dot(w, g.gradients()[0])).isCloseTo(a.degree() * g.values()[0],
          offset(1e-10 * (1 + Math.abs(g.values()[0]))));
    }
  }

  @Test
  void chainRuleMatchesFiniteDifferencesForAnyVNorm() {
    SplittableRandom r = new SplittableRandom(11);
    Architecture a = Architecture.twoLayer(2, 3, Activation.RELU_SQUARED);
    Dataset d = Dataset.binary(new double[][] {{1, 1}, {-1, 1}}, new int[] {-1, 1});
    for (Parameterization p : Parameterization.values()) {
      NetworkObjective obj = new NetworkObjective(new NormalizedNet(a, p), d, LossFunction.EXPONENTIAL);
      double[] theta = random(r, obj.net().size()); // ||v|| != 1 in general
      double[] g = obj.evaluate(theta).gradLogTheta();
      double h = 1e-6;
      for (int i = 0; i < theta.length; i++) {
        double[] tp = theta.clone();
        double[] tm = theta.clone();
        tp[i] += h;
        tm[i] -= h;
        double fd = (obj.evaluate(tp).logLoss() - obj.evaluate(tm).logLoss()) / (2 * h);
        assertThat(g[i]).as(p + " entry " + i).isCloseTo(fd, offset(1e-5 * (1 + Math.abs(fd))));
      }
    }
  }

  @Test
  void fromWeightsKeepsTheFunctionWithUnitV() {
    Architecture a = Architecture.twoLayer(2, 3, Activation.RELU);
    double[] w = random(new SplittableRandom(3), a.weightCount());
    for (Parameterization p : Parameterization.values()) {
      NormalizedNet n = new NormalizedNet(a, p);
      double[] theta = n.fromWeights(w);
      assertThat(n.weights(theta)).containsExactly(w, offset(1e-14));
      for (int k = 0; k < a.nodes().size(); k++) {
        assertThat(n.vNorm(theta, k)).isCloseTo(1, offset(1e-15));
      }
    }
    assertThatThrownBy(() -> new NormalizedNet(a, Parameterization.EWN).fromWeights(new double[a.weightCount()]))
        .hasMessageContaining("zero weight vector");
  }

  @Test
  void ewnFlowFollowsTheAdaptiveRateFlowOfTheorem1() {
    Architecture a = Architecture.twoLayer(2, 3, Activation.RELU_SQUARED);
    Dataset d = Dataset.binary(new double[][] {{1, 1}, {-1, 1}, {1.2, 1.8}, {-1.7, -1.1}}, new int[] {-1, 1, -1, 1});
    double[] w0 = random(new SplittableRandom(5), a.weightCount());
    NetworkObjective un = new NetworkObjective(new NormalizedNet(a, Parameterization.UNNORM), d, LossFunction.EXPONENTIAL);
    StepSchedule eta = StepSchedule.constant(0.5);
    for (Parameterization p : List.of(Parameterization.EWN, Parameterization.SWN)) {
      NetworkObjective obj = new NetworkObjective(new NormalizedNet(a, p), d, LossFunction.EXPONENTIAL);
      NetworkFlow f = new NetworkFlow(obj, eta, obj.net().fromWeights(w0));
      AdaptiveRateFlow g = new AdaptiveRateFlow(un, p == Parameterization.EWN ? AdaptiveRateFlow.Form.EWN_5
          : AdaptiveRateFlow.Form.SWN_6, eta, w0);
      IntegrationResult rf = FlowIntegrator.integrate(f, IntegrationSettings.of(1e-11, 2));
      IntegrationResult rg = FlowIntegrator.integrate(g, IntegrationSettings.of(1e-11, 2));
      double[] wf = obj.net().weights(rf.finalState());
      assertThat(Vectors.distance(wf, rg.finalState())).isLessThan(1e-7 * Vectors.norm(wf));
      assertThat(Vectors.distance(wf, w0)).as("the flow moved").isGreaterThan(1e-2);
    }
  }

  @Test
  void descentReachesFarBelowUnderflowWithoutNaN() {
    Architecture a = Architecture.twoLayer(2, 4, Activation.RELU_SQUARED);
    Dataset d = Dataset.binary(new double[][] {{1, 1}, {-1, 1}, {1.2, 1.8}, {-1.7, -1.1}}, new int[] {-1, 1, -1, 1});
    double[] w0 = random(new SplittableRandom(9), a.weightCount());
    double[] good = {-1, 0, 1, 0, 0.1, 0.1, 0.3, -0.2, 1, -1, 0.1, 0.1};
    for (int i = 0; i < w0.length; i++) {
      w0[i] = 0.5 * good[i] + 0.1 * w0[i];
    }
    for (Parameterization p : Parameterization.values()) {
      NetworkObjective obj = new NetworkObjective(new NormalizedNet(a, p), d, LossFunction.EXPONENTIAL);
      GradientDescent.Run run = GradientDescent.run(obj, obj.net().fromWeights(w0),
          DescentSchedule.authors(0.01, 1, 1.0), -1000, 200_000, 100, null);
      assertThat(run.status()).as(p + ": " + run.message()).isEqualTo(GradientDescent.Status.REACHED_TARGET);
      assertThat(run.last().logLoss()).isLessThanOrEqualTo(-1000);
      assertThat(run.last().logTotalStep()).isFinite();
      if (p != Parameterization.UNNORM) {
        // ||v_u|| never decreases under GD (App. K).
        double prev = 1;
        for (GradientDescent.Iterate it : run.recorded()) {
          double nv = obj.net().vNorm(it.theta(), 0);
          assertThat(nv).isGreaterThanOrEqualTo(prev - 1e-15);
          prev = nv;
        }
      }
    }
  }

  @Test
  void badShapesAreRefused() {
    Architecture a = Architecture.twoLayer(2, 3, Activation.RELU);
    assertThatThrownBy(() -> a.outputs(new double[2], new double[2])).hasMessageContaining("length 2");
    assertThatThrownBy(() -> Dataset.binary(new double[][] {{1, Double.NaN}}, new int[] {1})).hasMessageContaining("not finite");
    assertThatThrownBy(() -> Dataset.binary(new double[][] {{1, 2}}, new int[] {0})).hasMessageContaining("label 0");
    assertThatThrownBy(() -> new NetworkObjective(new NormalizedNet(a, Parameterization.EWN),
        Dataset.binary(new double[][] {{1, 2, 3}}, new int[] {1}), LossFunction.EXPONENTIAL)).hasMessageContaining("dimension 3");
    assertThatThrownBy(() -> StepSchedule.constant(-1)).hasMessageContaining("positive");
  }
}
