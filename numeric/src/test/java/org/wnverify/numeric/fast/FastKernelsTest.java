package org.wnverify.numeric.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.SplittableRandom;
import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;
import org.apache.commons.math3.ode.nonstiff.DormandPrince853Integrator;
import org.junit.jupiter.api.Test;
import org.wnverify.numeric.generated.WnFlowKernel;

/** The opt-in fast kernels of bench/ compute what the emitted kernels compute (no timing here). */
class FastKernelsTest {
  private static double[] gaussian(SplittableRandom r, int len, double scale) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = r.nextGaussian() * scale;
    }
    return v;
  }

  private static double[] positive(SplittableRandom r, int len) {
    double[] v = new double[len];
    for (int i = 0; i < len; i++) {
      v[i] = 0.1 + r.nextDouble();
    }
    return v;
  }

  @Test
  void theVectorBackendIsAvailableUnderSurefireAndTheFallbackAlwaysIs() {
    assertThat(RowPass.scalar().name()).isEqualTo("scalar");
    // surefire runs with --add-modules jdk.incubator.vector; a machine without 256-bit vectors skips
    assumeTrue(RowPass.vector() != null, "no 256-bit vector hardware");
    assertThat(RowPass.best().name()).isEqualTo("vector");
  }

  @Test
  void rowPassMatchesPlainProductsAndBothBackendsGiveTheSameBits() {
    SplittableRandom r = new SplittableRandom(11);
    for (int m : new int[] {1, 3, 4, 5, 9, 150}) {
      for (int n : new int[] {1, 3, 4, 7, 8, 12, 17, 1000, 1003}) {
        double[] a = gaussian(r, m * n, 1 / Math.sqrt(m));
        double[] b = gaussian(r, m, 1);
        double[] v = gaussian(r, n, 1);
        double[] s1 = new double[m];
        double[] t1 = new double[n];
        RowPass.scalar().run(a, n, b, v, 0, m, s1, t1);
        for (int i = 0; i < m; i++) {
          double e = -b[i];
          for (int k = 0; k < n; k++) {
            e += a[i * n + k] * v[k];
          }
          assertThat(s1[i]).isCloseTo(e, within(1e-12 * (1 + Math.abs(e)) * Math.sqrt(n)));
        }
        for (int k = 0; k < n; k++) {
          double g = 0;
          for (int i = 0; i < m; i++) {
            g += a[i * n + k] * s1[i];
          }
          assertThat(t1[k]).isCloseTo(g, within(1e-12 * (1 + Math.abs(g)) * Math.sqrt(m)));
        }
        RowPass vec = RowPass.vector();
        if (vec != null) {
          double[] s2 = new double[m];
          double[] t2 = new double[n];
          vec.run(a, n, b, v, 0, m, s2, t2);
          assertThat(s2).as("s, m=%d n=%d", m, n).containsExactly(s1);
          assertThat(t2).as("t, m=%d n=%d", m, n).containsExactly(t1);
        }
      }
    }
  }

  @Test
  void fastFlowAgreesWithTheEmittedKernelAndIgnoresThreadsAndBackend() {
    SplittableRandom r = new SplittableRandom(3);
    for (int depth = 1; depth <= 4; depth++) {
      for (int[] shape : new int[][] {{3, 7}, {15, 60}, {150, 1000}}) {
        int m = shape[0];
        int n = shape[1];
        double[] a = gaussian(r, m * n, 1 / Math.sqrt(m));
        double[] b = gaussian(r, m, 1);
        double[] state = positive(r, n + 1);
        double[] u0 = java.util.Arrays.copyOfRange(state, 1, n + 1);
        double[] ref = new double[n + 1];
        WnFlowKernel.derivative(a, m, n, b, depth, 0.1, 1.0, state, ref);
        double[] one = new double[n + 1];
        try (FastWnFlow f = new FastWnFlow(a, m, n, b, depth, 0.1, 1.0, state[0], u0, RowPass.scalar(), 1)) {
          f.computeDerivatives(0, state, one);
          f.computeDerivatives(0, state, one); // scratch state does not leak between calls
          assertThat(f.evaluations()).isEqualTo(2);
        }
        double scale = 0;
        for (double v : ref) {
          scale = Math.max(scale, Math.abs(v));
        }
        for (int k = 0; k <= n; k++) {
          assertThat(one[k]).as("L=%d %dx%d k=%d", depth, m, n, k).isCloseTo(ref[k], within(1e-12 * scale));
        }
        for (RowPass p : new RowPass[] {RowPass.scalar(), RowPass.best()}) {
          double[] two = new double[n + 1];
          try (FastWnFlow f = new FastWnFlow(a, m, n, b, depth, 0.1, 1.0, state[0], u0, p, 2)) {
            for (int rep = 0; rep < 3; rep++) {
              f.computeDerivatives(0, state, two);
            }
          }
          assertThat(two).as("%s on two threads", p.name()).containsExactly(one);
        }
      }
    }
  }

  @Test
  void fastFlowLossIsTheLossOfItsPoint() {
    double[] a = {1, 2, -1, 0.5, 0, 3};
    double[] b = {0.4, -0.3};
    try (FastWnFlow f = new FastWnFlow(a, 2, 3, b, 2, 0.1, 1.0, 2.0, new double[] {1, 2, 2}, RowPass.best(), 1)) {
      double[] y = f.initialState();
      // x = 2 (1, 2, 2) / 3, x^2 = (4, 16, 16) / 9
      double r1 = (4 + 32 - 16) / 9.0 - 0.4;
      double r2 = (2 + 0 + 48) / 9.0 + 0.3;
      double expected = (r1 * r1 + r2 * r2) / 4;
      assertThat(f.loss(y)).isCloseTo(expected, within(1e-14));
      f.computeDerivatives(0, y, new double[4]);
      assertThat(f.lastLoss()).isCloseTo(expected, within(1e-14));
    }
  }

  /** y'' = -y as a system: exact solution (cos t, -sin t). */
  private static final FirstOrderDifferentialEquations OSCILLATOR = new FirstOrderDifferentialEquations() {
    @Override
    public int getDimension() {
      return 2;
    }

    @Override
    public void computeDerivatives(double t, double[] y, double[] d) {
      d[0] = y[1];
      d[1] = -y[0];
    }
  };

  @Test
  void dop853MeetsItsToleranceAndCountsEvaluationsLikeScipy() {
    Dop853.Result loose = Dop853.integrate(OSCILLATOR, 0, new double[] {1, 0}, 10, 1e-6, 1e-6, 1_000_000);
    Dop853.Result tight = Dop853.integrate(OSCILLATOR, 0, new double[] {1, 0}, 10, 1e-12, 1e-12, 1_000_000);
    for (Dop853.Result res : new Dop853.Result[] {loose, tight}) {
      assertThat(res.success()).isTrue();
      assertThat(res.t()).isEqualTo(10.0);
      // SciPy's nfev: f(t0), one for the initial step, 12 per attempted step
      assertThat(res.evaluations()).isEqualTo(2 + 12 * (res.steps() + res.rejected()));
    }
    double errLoose = Math.hypot(loose.y()[0] - Math.cos(10), loose.y()[1] + Math.sin(10));
    double errTight = Math.hypot(tight.y()[0] - Math.cos(10), tight.y()[1] + Math.sin(10));
    assertThat(errTight).isLessThan(1e-10);
    assertThat(errLoose).isLessThan(1e-4).isGreaterThan(errTight); // the tolerance controls the error
    assertThat(tight.steps()).isGreaterThan(loose.steps());
  }

  @Test
  void dop853AgreesWithCommonsMathOnTheWnFlow() {
    SplittableRandom r = new SplittableRandom(8);
    int m = 5;
    int n = 12;
    double[] a = gaussian(r, m * n, 1 / Math.sqrt(m));
    double[] b = gaussian(r, m, 1);
    double[] u0 = positive(r, n);
    try (FastWnFlow f = new FastWnFlow(a, m, n, b, 2, 0.1, 1.0, 1.0, u0, RowPass.best(), 1)) {
      Dop853.Result res = Dop853.integrate(f, 0, f.initialState(), 5, 1e-11, 1e-11, 10_000_000);
      assertThat(f.evaluations()).isEqualTo(res.evaluations());
      double[] y = f.initialState();
      new DormandPrince853Integrator(1e-12, 5, 1e-13, 1e-13).integrate(f, 0, f.initialState(), 5, y);
      for (int k = 0; k <= n; k++) {
        assertThat(res.y()[k]).isCloseTo(y[k], within(1e-8));
      }
    }
  }

  @Test
  void dop853ReportsABudgetAsFailure() {
    Dop853.Result res = Dop853.integrate(OSCILLATOR, 0, new double[] {1, 0}, 1000, 1e-12, 1e-12, 500);
    assertThat(res.success()).isFalse();
    assertThat(res.message()).contains("budget");
    assertThat(res.evaluations()).isLessThanOrEqualTo(500);
  }

  @Test
  void fastDescentIsExplicitEulerOnTheFlowField() {
    SplittableRandom r = new SplittableRandom(4);
    int m = 4;
    int n = 9;
    double[] a = gaussian(r, m * n, 0.5);
    double[] b = gaussian(r, m, 1);
    double[] u0 = positive(r, n);
    try (FastWnFlow f = new FastWnFlow(a, m, n, b, 2, 0.1, 1.0, 1.0, u0, RowPass.best(), 1)) {
      double[] y = f.initialState();
      double[] manual = f.initialState();
      double[] d = new double[n + 1];
      for (int it = 0; it < 3; it++) {
        WnFlowKernel.derivative(a, m, n, b, 2, 0.1, 1.0, manual, d);
        for (int j = 0; j <= n; j++) {
          manual[j] += 1e-2 * d[j];
        }
      }
      double loss = FastDescent.run(f, y, 1e-2, 3);
      for (int j = 0; j <= n; j++) {
        assertThat(y[j]).isCloseTo(manual[j], within(1e-13));
      }
      assertThat(loss).isCloseTo(f.loss(manual), within(1e-13)).isLessThan(f.loss(f.initialState()));
    }
  }
}
