package org.wnverify.numeric.stiff;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.IntegrationStatus;
import org.wnverify.numeric.ode.Trajectory;

/**
 * RODAS4 (Hairer and Wanner, Solving ODEs II, Sect. IV.7; the coefficients as tabulated in
 * Sandu's KPP Rosenbrock family): a stiffly accurate, L-stable Rosenbrock method of order 4 with an
 * embedded order-3 estimate, six stages, six field evaluations and one Jacobian per step (plus the
 * field at the new state). L-stability matters here: an A-stable method that does not damp the
 * fast modes of the u-dynamics (rate ~ r^2 |A^T A|) keeps them in its error estimate, and the step
 * size then follows them although they carry no error (tried: Shampine's 4-stage set took 8x the
 * steps). Each stage solves (1/(gamma h) I - J) g =
 * rhs; with J diagonal plus rank k ({@link LowRankJacobian}) that is O(n k^2) per step by Woodbury,
 * so stiffness (r^2 / eta of the WN flow, the spread of A^T A) costs no step-size limit and no
 * O(n^3) factorization.
 *
 * <p>Same contract as {@link FlowIntegrator}: statuses CONVERGED (loss at or below the target at an
 * accepted step), STOPPED (the stop function at or below 0 at an accepted step), COMPLETED,
 * BLOW_UP, NON_FINITE, STALLED, BUDGET_EXHAUSTED (field evaluations, Jacobians counted as one).
 * Unlike Commons Math's event location, a run stops at the first accepted step past the event, so
 * the reported state is a computed step, not an interpolated one. Samples are taken by cubic
 * Hermite interpolation (third order: for plotting and horizon sampling, not for limits).
 */
public final class Rosenbrock4 {
  /** Stages of RODAS4. */
  static final int STAGES = 6;
  /** Diagonal gamma of RODAS4. */
  static final double GAMMA = 0.25;
  /** A(i, j), j < i, row by row (stage i's argument y + sum_j A(i, j) k_j). */
  static final double[][] A = {{}, {1.544}, {0.9466785280815826, 0.2557011698983284},
      {3.314825187068521, 2.896124015972201, 0.9986419139977817},
      {1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950},
      {1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0}};
  /** C(i, j) / h added to stage i's right-hand side. */
  static final double[][] C = {{}, {-5.6688}, {-2.430093356833875, -0.2063599157091915},
      {-0.1073529058151375, -9.594562251023355, -20.47028614809616},
      {7.496443313967647, -10.24680431464352, -33.99990352819905, 11.70890893206160},
      {8.083246795921522, -7.981132988064893, -31.52159432874371, 16.31930543123136, -6.058818238834054}};
  /** New state y + sum M_i k_i. */
  static final double[] M = {1.221224509226641, 6.019134481288629, 12.53708332932087, -0.6878860361058950, 1.0, 1.0};
  /** Error estimate sum E_i k_i: the last stage (the embedded solution is the fifth stage's argument). */
  static final double[] E = {0, 0, 0, 0, 0, 1.0};
  /** Order of the error estimate's local error (min of the orders, 3, plus 1). */
  static final double ERROR_ORDER = 4.0;
  /** Step-size safety factor of the controller (the usual 0.9). */
  static final double SAFETY = 0.9;
  /** Largest growth per accepted step (KPP's FacMax): the flows approach their limits over decades of time. */
  static final double MAX_GROWTH = 6.0;
  /** Largest shrink per rejected step. */
  static final double MAX_SHRINK = 0.2;

  private Rosenbrock4() {}

  public static IntegrationResult integrate(StructuredFlow sys, IntegrationSettings s) {
    return integrate(sys, s, null);
  }

  public static IntegrationResult integrate(StructuredFlow sys, IntegrationSettings s, ToDoubleFunction<double[]> stop) {
    int n = sys.getDimension();
    double end = s.endTime();
    double rtol = s.relativeTolerance();
    double atol = s.absoluteTolerance();
    double[] y = sys.initialState();
    double limit = FlowIntegrator.BLOW_UP_FACTOR * (1 + Vectors.norm(y));
    double[] floor = new double[n];
    for (int i = 0; i < n; i++) {
      floor[i] = sys.scaleFloor(i);
    }
    double[] samples = s.sampleTimes().clone();
    java.util.Arrays.sort(samples);
    int nextSample = 0;
    List<Double> times = new ArrayList<>();
    List<double[]> states = new ArrayList<>();
    while (nextSample < samples.length && samples[nextSample] <= 0) {
      times.add(samples[nextSample++]);
      states.add(y.clone());
    }
    if (s.recordSteps() && times.isEmpty()) {
      times.add(0.0);
      states.add(y.clone());
    }
    long start = sys.evaluations();
    LowRankJacobian jac = new LowRankJacobian(n, sys.jacobianRank());
    double[] f = new double[n];
    double[] fNew = new double[n];
    double[][] k = new double[STAGES][n];
    double[] yt = new double[n];
    double[] yNew = new double[n];
    double t = 0;
    IntegrationStatus status = null;
    String message = null;
    if (sys.loss(y) <= s.lossTarget()) {
      status = IntegrationStatus.CONVERGED;
      message = "initial loss already at target";
    }
    sys.computeDerivatives(0, y, f);
    double h = initialStep(y, f, floor, rtol, atol, end);
    while (status == null) {
      if (!finite(f)) {
        status = IntegrationStatus.NON_FINITE;
        message = "field not finite at t = " + t;
        break;
      }
      if (sys.evaluations() - start >= s.maxEvaluations()) {
        status = IntegrationStatus.BUDGET_EXHAUSTED;
        message = "evaluation budget " + s.maxEvaluations() + " spent at t = " + t;
        break;
      }
      sys.jacobian(y, jac);
      boolean accepted = false;
      while (!accepted) {
        if (t + h > end) {
          h = end - t;
        }
        if (h < FlowIntegrator.STALL_FRACTION * end || t + h == t) {
          status = IntegrationStatus.STALLED;
          message = "step size collapsed near t = " + t;
          break;
        }
        if (!jac.factor(1.0 / (GAMMA * h))) {
          h *= MAX_SHRINK;
          continue;
        }
        for (int st = 0; st < STAGES; st++) {
          double[] kst = k[st];
          if (st == 0) {
            System.arraycopy(f, 0, kst, 0, n);
          } else {
            for (int i = 0; i < n; i++) {
              double v = y[i];
              for (int j = 0; j < st; j++) {
                v += A[st][j] * k[j][i];
              }
              yt[i] = v;
            }
            sys.computeDerivatives(t, yt, kst);
            for (int i = 0; i < n; i++) {
              double v = 0;
              for (int j = 0; j < st; j++) {
                v += C[st][j] * k[j][i];
              }
              kst[i] += v / h;
            }
          }
          jac.solve(kst);
        }
        double err = 0;
        for (int i = 0; i < n; i++) {
          double v = y[i];
          double e = 0;
          for (int j = 0; j < STAGES; j++) {
            v += M[j] * k[j][i];
            e += E[j] * k[j][i];
          }
          yNew[i] = v;
          double sc = atol + rtol * Math.max(floor[i], Math.max(Math.abs(y[i]), Math.abs(yNew[i])));
          err += (e / sc) * (e / sc);
        }
        err = Math.sqrt(err / n);
        if (!(err <= 1.0)) {
          // NaN (a stage left the domain) counts as a rejection with the largest shrink
          double fac = Double.isFinite(err) ? Math.max(MAX_SHRINK, SAFETY * Math.pow(err, -1.0 / ERROR_ORDER)) : MAX_SHRINK;
          h *= fac;
          if (sys.evaluations() - start >= s.maxEvaluations()) {
            break;
          }
          continue;
        }
        accepted = true;
        sys.computeDerivatives(t + h, yNew, fNew);
        double tNew = t + h;
        while (nextSample < samples.length && samples[nextSample] <= tNew) {
          times.add(samples[nextSample]);
          states.add(hermite(y, f, yNew, fNew, t, h, samples[nextSample]));
          nextSample++;
        }
        if (s.recordSteps() && times.get(times.size() - 1) < tNew) {
          times.add(tNew);
          states.add(yNew.clone());
        }
        System.arraycopy(yNew, 0, y, 0, n);
        System.arraycopy(fNew, 0, f, 0, n);
        t = tNew;
        h *= err > 0 ? Math.min(MAX_GROWTH, SAFETY * Math.pow(err, -1.0 / ERROR_ORDER)) : MAX_GROWTH;
      }
      if (status != null || !accepted) {
        if (status == null) {
          status = IntegrationStatus.BUDGET_EXHAUSTED;
          message = "evaluation budget " + s.maxEvaluations() + " spent at t = " + t;
        }
        break;
      }
      if (Vectors.norm(y) > limit) {
        status = IntegrationStatus.BLOW_UP;
        message = "state norm exceeded " + limit + " at t = " + t;
      } else if (stop != null && stop.applyAsDouble(y) <= 0) {
        status = IntegrationStatus.STOPPED;
        message = "stop condition met at t = " + t;
      } else if (s.lossTarget() > 0 && sys.loss(y) <= s.lossTarget()) {
        status = IntegrationStatus.CONVERGED;
        message = "loss reached " + s.lossTarget() + " at t = " + t;
      } else if (t >= end) {
        status = IntegrationStatus.COMPLETED;
        message = "reached t = " + t;
      }
    }
    if (times.isEmpty() || times.get(times.size() - 1) < t) {
      times.add(t);
      states.add(y.clone());
    }
    double[] ts = new double[times.size()];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = times.get(i);
    }
    long used = sys.evaluations() - start;
    return new IntegrationResult(status, t, y, (int) Math.min(Integer.MAX_VALUE, used), new Trajectory(ts, states),
        message + " (RODAS4, low-rank Woodbury solves)");
  }

  private static boolean finite(double[] v) {
    for (double x : v) {
      if (!Double.isFinite(x)) {
        return false;
      }
    }
    return true;
  }

  /** First step: a hundredth of the time over which the field changes y by its tolerance^(1/4) scale. */
  private static double initialStep(double[] y, double[] f, double[] floor, double rtol, double atol, double end) {
    double rate = 0;
    for (int i = 0; i < y.length; i++) {
      double sc = atol + Math.max(floor[i], Math.abs(y[i]));
      rate = Math.max(rate, Math.abs(f[i]) / sc);
    }
    double h = rate > 0 ? 0.01 * Math.pow(rtol, 0.25) / rate : end;
    return Math.min(h, end);
  }

  static double[] hermite(double[] y0, double[] f0, double[] y1, double[] f1, double t0, double h, double t) {
    double th = (t - t0) / h;
    double h00 = (1 + 2 * th) * (1 - th) * (1 - th);
    double h10 = th * (1 - th) * (1 - th);
    double h01 = th * th * (3 - 2 * th);
    double h11 = th * th * (th - 1);
    double[] out = new double[y0.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = h00 * y0[i] + h10 * h * f0[i] + h01 * y1[i] + h11 * h * f1[i];
    }
    return out;
  }
}
