package org.wnverify.numeric.fast;

import org.apache.commons.math3.ode.FirstOrderDifferentialEquations;

/**
 * Dormand-Prince 8(5,3) with the step-size control of SciPy's {@code solve_ivp(method="DOP853")}
 * (scipy/integrate/_ivp/rk.py: initial step by Hairer's rule of {@code select_initial_step}, the
 * combined 5th/3rd-order error norm, safety 0.9, factors clamped to [0.2, 10], no growth right
 * after a rejection), without dense output and without allocation per step. Its purpose is an
 * apples-to-apples comparison with the SciPy peer: the same tableau (coefficients copied from
 * SciPy's dop853_coefficients.py as exact doubles) and the same controller take the same steps up
 * to rounding, so the evaluation counts agree and the work per evaluation is what is compared.
 * Commons Math's DormandPrince853 (what the audit uses) has the same tableau but another
 * controller and per-step interpolator set-up.
 */
public final class Dop853 {
  private Dop853() {}

  /**
   * @param t the time reached
   * @param y the state at t
   * @param evaluations right-hand-side evaluations (SciPy's nfev)
   * @param steps accepted steps
   * @param rejected rejected step attempts
   * @param success whether t reached the end
   */
  public record Result(double t, double[] y, long evaluations, long steps, long rejected, boolean success,
      String message) {}

  static final double SAFETY = 0.9;
  static final double MIN_FACTOR = 0.2;
  static final double MAX_FACTOR = 10;
  /** -1 / (error estimator order + 1), order 7. */
  static final double EXPONENT = -1.0 / 8.0;
  static final int STAGES = 12;

  static final double[] C = {0.0, 0.05260015195876773, 0.0789002279381516, 0.1183503419072274,
      0.2816496580927726, 0.3333333333333333, 0.25, 0.3076923076923077, 0.6512820512820513, 0.6,
      0.8571428571428571, 1.0};
  static final double[][] A = {
      {},
      {0.05260015195876773},
      {0.0197250569845379, 0.0591751709536137},
      {0.02958758547680685, 0.0, 0.08876275643042054},
      {0.2413651341592667, 0.0, -0.8845494793282861, 0.924834003261792},
      {0.037037037037037035, 0.0, 0.0, 0.17082860872947386, 0.12546768756682242},
      {0.037109375, 0.0, 0.0, 0.17025221101954405, 0.06021653898045596, -0.017578125},
      {0.03709200011850479, 0.0, 0.0, 0.17038392571223998, 0.10726203044637328, -0.015319437748624402,
          0.008273789163814023},
      {0.6241109587160757, 0.0, 0.0, -3.3608926294469414, -0.868219346841726, 27.59209969944671,
          20.154067550477894, -43.48988418106996},
      {0.47766253643826434, 0.0, 0.0, -2.4881146199716677, -0.590290826836843, 21.230051448181193,
          15.279233632882423, -33.28821096898486, -0.020331201708508627},
      {-0.9371424300859873, 0.0, 0.0, 5.186372428844064, 1.0914373489967295, -8.149787010746927,
          -18.52006565999696, 22.739487099350505, 2.4936055526796523, -3.0467644718982196},
      {2.273310147516538, 0.0, 0.0, -10.53449546673725, -2.0008720582248625, -17.9589318631188,
          27.94888452941996, -2.8589982771350235, -8.87285693353063, 12.360567175794303,
          0.6433927460157636}};
  static final double[] B = {0.054293734116568765, 0.0, 0.0, 0.0, 0.0, 4.450312892752409,
      1.8915178993145003, -5.801203960010585, 0.3111643669578199, -0.1521609496625161,
      0.20136540080403034, 0.04471061572777259};
  static final double[] E3 = {-0.18980075407240762, 0.0, 0.0, 0.0, 0.0, 4.450312892752409,
      1.8915178993145003, -5.801203960010585, -0.4226823213237919, -0.1521609496625161,
      0.20136540080403034, 0.02265179219836082, 0.0};
  static final double[] E5 = {0.01312004499419488, 0.0, 0.0, 0.0, 0.0, -1.2251564463762044,
      -0.4957589496572502, 1.6643771824549864, -0.35032884874997366, 0.3341791187130175,
      0.08192320648511571, -0.022355307863886294, 0.0};

  /** Integrates y' = f(t, y) from (t0, y0) to tEnd > t0 with tolerances (rtol, atol). */
  public static Result integrate(FirstOrderDifferentialEquations f, double t0, double[] y0, double tEnd,
      double rtol, double atol, long maxEvaluations) {
    if (!(tEnd > t0) || !(rtol > 0) || !(atol >= 0)) {
      throw new IllegalArgumentException("need tEnd > t0, rtol > 0, atol >= 0");
    }
    int n = y0.length;
    double[][] k = new double[STAGES + 1][n];
    double[] y = y0.clone();
    double[] yNew = new double[n];
    double[] tmp = new double[n];
    double[] dy = new double[n];
    double[] err5 = new double[n];
    double[] err3 = new double[n];
    double[] sw;
    long nfev = 0;
    double t = t0;
    f.computeDerivatives(t, y, k[0]);
    nfev++;
    double hAbs = initialStep(f, t, y, tEnd, k[0], rtol, atol, tmp, yNew);
    nfev++;
    long steps = 0;
    long rejected = 0;
    while (t < tEnd) {
      double minStep = 10 * Math.abs(Math.nextUp(t) - t);
      if (hAbs < minStep) {
        hAbs = minStep;
      }
      boolean rejectedThis = false;
      double tNew;
      while (true) {
        if (hAbs < minStep) {
          return new Result(t, y, nfev, steps, rejected, false, "step size too small at t = " + t);
        }
        if (nfev + STAGES > maxEvaluations) {
          return new Result(t, y, nfev, steps, rejected, false, "evaluation budget " + maxEvaluations + " spent");
        }
        double h = hAbs;
        tNew = t + h;
        if (tNew > tEnd) {
          tNew = tEnd;
        }
        h = tNew - t;
        hAbs = Math.abs(h);
        // stages 1..11 (stage 0 is f(t, y), kept from the last accepted step)
        for (int s = 1; s < STAGES; s++) {
          combine(A[s], s, k, dy, n);
          for (int j = 0; j < n; j++) {
            tmp[j] = y[j] + dy[j] * h;
          }
          f.computeDerivatives(t + C[s] * h, tmp, k[s]);
        }
        combine(B, STAGES, k, dy, n);
        for (int j = 0; j < n; j++) {
          yNew[j] = y[j] + h * dy[j];
        }
        f.computeDerivatives(tNew, yNew, k[STAGES]);
        nfev += STAGES;
        combine(E5, STAGES + 1, k, err5, n);
        combine(E3, STAGES + 1, k, err3, n);
        double e5 = 0;
        double e3 = 0;
        for (int j = 0; j < n; j++) {
          double scale = atol + Math.max(Math.abs(y[j]), Math.abs(yNew[j])) * rtol;
          double a5 = err5[j] / scale;
          double a3 = err3[j] / scale;
          e5 += a5 * a5;
          e3 += a3 * a3;
        }
        double errorNorm;
        if (e5 == 0 && e3 == 0) {
          errorNorm = 0;
        } else {
          errorNorm = Math.abs(h) * e5 / Math.sqrt((e5 + 0.01 * e3) * n);
        }
        if (errorNorm < 1) {
          double factor = errorNorm == 0 ? MAX_FACTOR : Math.min(MAX_FACTOR, SAFETY * Math.pow(errorNorm, EXPONENT));
          if (rejectedThis) {
            factor = Math.min(1, factor);
          }
          hAbs *= factor;
          break;
        }
        if (!Double.isFinite(errorNorm)) {
          return new Result(t, y, nfev, steps, rejected, false, "non-finite error estimate at t = " + t);
        }
        hAbs *= Math.max(MIN_FACTOR, SAFETY * Math.pow(errorNorm, EXPONENT));
        rejectedThis = true;
        rejected++;
      }
      steps++;
      t = tNew;
      sw = y;
      y = yNew;
      yNew = sw;
      // first-same-as-last: f(tNew, yNew) becomes stage 0 of the next step
      sw = k[0];
      k[0] = k[STAGES];
      k[STAGES] = sw;
    }
    return new Result(t, y, nfev, steps, rejected, true, "reached t = " + t);
  }

  /**
   * out = sum_{l < count} c_l k_l, the terms in increasing l (zero coefficients skipped), as
   * whole-vector updates the JIT vectorizes.
   */
  static void combine(double[] c, int count, double[][] k, double[] out, int n) {
    java.util.Arrays.fill(out, 0, n, 0.0);
    for (int l = 0; l < count; l++) {
      double cl = c[l];
      if (cl != 0.0) {
        double[] kl = k[l];
        for (int j = 0; j < n; j++) {
          out[j] += kl[j] * cl;
        }
      }
    }
  }

  /** SciPy's select_initial_step (Hairer, Norsett, Wanner, Sec. II.4), one evaluation. */
  static double initialStep(FirstOrderDifferentialEquations f, double t0, double[] y0, double tEnd, double[] f0,
      double rtol, double atol, double[] y1, double[] f1) {
    int n = y0.length;
    double interval = Math.abs(tEnd - t0);
    double d0 = 0;
    double d1 = 0;
    for (int j = 0; j < n; j++) {
      double scale = atol + Math.abs(y0[j]) * rtol;
      d0 += (y0[j] / scale) * (y0[j] / scale);
      d1 += (f0[j] / scale) * (f0[j] / scale);
    }
    d0 = Math.sqrt(d0 / n);
    d1 = Math.sqrt(d1 / n);
    double h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * d0 / d1;
    h0 = Math.min(h0, interval);
    for (int j = 0; j < n; j++) {
      y1[j] = y0[j] + h0 * f0[j];
    }
    f.computeDerivatives(t0 + h0, y1, f1);
    double d2 = 0;
    for (int j = 0; j < n; j++) {
      double scale = atol + Math.abs(y0[j]) * rtol;
      double e = (f1[j] - f0[j]) / scale;
      d2 += e * e;
    }
    d2 = Math.sqrt(d2 / n) / h0;
    double h1 = d1 <= 1e-15 && d2 <= 1e-15 ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / Math.max(d1, d2), 1.0 / 8);
    return Math.min(Math.min(100 * h0, h1), interval);
  }
}
