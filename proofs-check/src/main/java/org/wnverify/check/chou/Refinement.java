package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.Trajectory;

/**
 * Decides "q(t) is constant along the flow" by refinement: the same trajectory at tolerances
 * 1e-6 .. 1e-12, the drift max_t ||q(t) - q(0)|| at each, and the noise floor of each tolerance
 * measured as max_t ||q_tol(t) - q_ref(t)|| against the tightest (reference) run. A conserved
 * quantity drifts only by integration error (drift ~ noise, shrinking with the tolerance); a
 * non-conserved one drifts by a fixed amount far above the noise at every tolerance.
 */
final class Refinement {
  /** Tolerances, coarse to fine; the last is the reference. */
  static final double[] TOLERANCES = {1e-6, 1e-8, 1e-10, 1e-12};
  /*
   * Error control is purely relative (absolute tolerance 0): the quantities involve u^(2-L),
   * x^(2-L) and log, whose relative accuracy is that of the smallest entries, which shrink
   * towards a sparse limit; none of the states' entries crosses zero (Lemma 3.3).
   */
  /** Sample times per run (uniform on [0, T]). */
  static final int SAMPLES = 100;
  /**
   * Drift within this factor of the measured noise counts as "explained by integration error":
   * the per-step error estimate of an embedded pair is accurate to a small factor, and 10 leaves
   * margin for the reference run's own error.
   */
  static final double CONSISTENCY = 10;
  /**
   * The drift must fall by at least this factor from the coarsest to the reference tolerance
   * (a 10^6 tightening); a conserved quantity at integration-error level falls by far more.
   */
  static final double SHRINK_MIN = 10;
  /** Rounding floor as a multiple of eps times the magnitude of the quantity: O(N) operations. */
  static final double ROUNDOFF_EPS = 1e3;
  /** The quantity's entries must move at least this many times the reference drift ("moved"). */
  static final double MOTION_FACTOR = 1e3;

  private Refinement() {}

  /** Trajectories of one flow at every tolerance, sampled at the same times. */
  record Runs(double endTime, List<Trajectory> trajectories, List<IntegrationResult> results,
      String problem) {
    Trajectory reference() {
      return trajectories.get(trajectories.size() - 1);
    }
  }

  /**
   * Runs the flow: first the reference with the given stop rules to choose the horizon T, then
   * every tolerance on [0, T].
   *
   * @param lossFactor stop the horizon search once the loss fell by this factor
   * @param stop a collapse condition (or null)
   */
  static Runs run(CheckContext ctx, FlowSystem sys, double maxTime, double lossFactor,
      ToDoubleFunction<double[]> stop) {
    double l0 = sys.loss(sys.initialState());
    if (!Double.isFinite(l0)) {
      return new Runs(0, List.of(), List.of(), "the loss at the initial state is " + l0
          + ": the instance's numbers overflow double precision");
    }
    double ref = TOLERANCES[TOLERANCES.length - 1];
    IntegrationResult horizon = FlowIntegrator.integrate(sys,
        IntegrationSettings.of(ref, maxTime).withLossTarget(l0 * lossFactor).withAbsoluteTolerance(0.0), stop);
    ctx.checkpoint();
    if (!(horizon.finalTime() > 0)) {
      return new Runs(0, List.of(), List.of(), "no progress: " + horizon.message());
    }
    double t = horizon.finalTime();
    double[] times = IntegrationSettings.uniformTimes(t, SAMPLES);
    List<Trajectory> trajs = new ArrayList<>();
    List<IntegrationResult> results = new ArrayList<>();
    for (double tol : TOLERANCES) {
      IntegrationResult r = FlowIntegrator.integrate(sys, IntegrationSettings.of(tol, t).withSamples(times)
          .withAbsoluteTolerance(0.0));
      ctx.checkpoint();
      if (!r.reachedEnd() || r.trajectory().size() != times.length) {
        return new Runs(t, trajs, results, "tolerance " + tol + ": " + r.status() + " " + r.message());
      }
      trajs.add(r.trajectory());
      results.add(r);
    }
    return new Runs(t, trajs, results, null);
  }

  /** The measurements and verdict for one candidate conserved quantity. */
  record Judgement(Verdict verdict, double[] drift, double[] noise, double roundoff, double motion,
      String detail) {}

  /**
   * @param q the candidate conserved quantity of a state
   * @param raw the un-projected entries it is built from (gives the scale of motion)
   */
  static Judgement judge(Runs runs, Function<double[], double[]> q, Function<double[], double[]> raw) {
    int levels = runs.trajectories().size();
    Trajectory ref = runs.reference();
    double[] drift = new double[levels];
    double[] noise = new double[levels];
    double scale = 0;
    double motion = 0;
    double[] raw0 = raw.apply(ref.state(0));
    for (int j = 0; j < ref.size(); j++) {
      double[] e = raw.apply(ref.state(j));
      scale = Math.max(scale, Vectors.norm(e));
      motion = Math.max(motion, Vectors.distance(e, raw0));
    }
    List<double[]> qRef = new ArrayList<>();
    for (int j = 0; j < ref.size(); j++) {
      qRef.add(q.apply(ref.state(j)));
    }
    for (int k = 0; k < levels; k++) {
      Trajectory tr = runs.trajectories().get(k);
      double[] q0 = q.apply(tr.state(0));
      for (int j = 0; j < tr.size(); j++) {
        double[] qj = q.apply(tr.state(j));
        drift[k] = Math.max(drift[k], Vectors.distance(qj, q0));
        noise[k] = Math.max(noise[k], Vectors.distance(qj, qRef.get(j)));
      }
    }
    double roundoff = ROUNDOFF_EPS * Math.ulp(1.0) * Math.max(scale, Double.MIN_NORMAL);
    int last = levels - 1;
    boolean allConsistent = true;
    boolean noneConsistent = true;
    for (int k = 0; k < last; k++) {
      boolean c = drift[k] <= CONSISTENCY * (noise[k] + roundoff);
      allConsistent &= c;
      noneConsistent &= !c;
    }
    boolean shrinks = drift[0] <= CONSISTENCY * roundoff || drift[0] >= SHRINK_MIN * drift[last];
    boolean moved = motion >= MOTION_FACTOR * (drift[last] + roundoff);
    boolean refAboveNoise = drift[last] > CONSISTENCY * (noise[last - 1] + roundoff);
    String numbers = String.format(java.util.Locale.ROOT,
        "drift %s, noise %s, roundoff %.2e, motion %.3e", fmt(drift), fmt(noise), roundoff, motion);
    if (allConsistent && shrinks && moved) {
      return new Judgement(Verdict.HOLDS, drift, noise, roundoff, motion,
          "drift within " + (int) CONSISTENCY + "x of integration noise and shrinking; " + numbers);
    }
    if (noneConsistent && !shrinks && refAboveNoise) {
      return new Judgement(Verdict.VIOLATED, drift, noise, roundoff, motion,
          "drift far above integration noise at every tolerance and not shrinking; " + numbers);
    }
    // NaN compares false everywhere: without this an overflow would read as "did not move".
    boolean finite = Double.isFinite(motion) && java.util.Arrays.stream(drift).allMatch(Double::isFinite)
        && java.util.Arrays.stream(noise).allMatch(Double::isFinite);
    String why = !finite ? "non-finite values of the quantity along the trajectory (overflow or NaN)"
        : !moved ? "trajectory did not move enough to test" : "mixed refinement evidence";
    return new Judgement(Verdict.INCONCLUSIVE, drift, noise, roundoff, motion, why + "; " + numbers);
  }

  static String fmt(double[] v) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < v.length; k++) {
      sb.append(k == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.2e", v[k]));
    }
    return sb.append("]").toString();
  }
}
