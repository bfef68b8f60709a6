package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;

/**
 * Lemma 3.5: d/dt L~ = -eta_r |grad_r L~|^2 - eta_u ||grad_u L~||^2 <= 0. The gradients are read off
 * the emitted kernel (grad = -velocity / rate), the derivative compared with central finite
 * differences of the loss along the integrated trajectory; noise = FD step-halving difference plus
 * the difference between two tolerances.
 */
final class Lemma35LossDerivative extends ChouClaim {
  static final double REFERENCE_TOL = 1e-12;
  static final double COARSE_TOL = 1e-10;
  /** Interior points at which the derivative is compared. */
  static final int POINTS = 20;
  /** FD step as a fraction of the horizon: truncation ~h^2 and noise ~tol/h balance near 1e-4. */
  static final double FD_STEP = 1e-4;
  static final double CONSISTENCY = Refinement.CONSISTENCY;

  Lemma35LossDerivative() {
    super("chou/lemma-3.5", "Chou, Rauhut, Ward, Lemma 3.5",
        "Along (13)-(14), d/dt L~(r,u) = -eta_r |grad_r L~|^2 - eta_u ||grad_u L~||^2 <= 0.", ClaimKind.MONOTONE);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return List.of(ChouHypotheses.R0_POSITIVE);
  }

  /**
   * The negative controls: mutated right-hand sides, compared with the same finite differences.
   * Not controls, true in disguise: eta_u dropped (eta_u = 1 on this flow).
   */
  static final String[] MUTATIONS = {
      "sign of the u-term flipped: d/dt L~ = -eta_r|grad_r|^2 + eta_u||grad_u||^2",
      "eta_r dropped: d/dt L~ = -|grad_r|^2 - eta_u||grad_u||^2",
      "r-term dropped: d/dt L~ = -eta_u||grad_u||^2",
      "factor 2 from differentiating the squares: d/dt L~ = -2 eta_r|grad_r|^2 - 2 eta_u||grad_u||^2"};

  /** The mutated right-hand sides of {@link #MUTATIONS}, from eta_r, rdot and the u-term. */
  static double[] mutated(double etaR, double rDot, double uTerm) {
    double rTerm = rDot * rDot / etaR;
    double gradR2 = rTerm / etaR;
    return new double[] {-rTerm + uTerm, -gradR2 - uTerm, -uTerm, -2 * rTerm - 2 * uTerm};
  }

  record Measurement(double mismatch, double[] mutantMismatch, double noise, double maxRate, double maxIncrease,
      double lossNoise, double horizon) {}

  static Measurement measure(CheckContext ctx, DiagonalNetInstance p, LearningRate rate) {
    WnFlowOde ode = new WnFlowOde(p, rate);
    double l0 = ode.loss(ode.initialState());
    IntegrationResult h = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, 1e3)
        .withAbsoluteTolerance(0).withLossTarget(1e-4 * l0), WnRuns.collapse(p, WnRuns.HORIZON_COLLAPSE));
    double t = h.finalTime();
    double step = FD_STEP * t;
    double[] times = new double[POINTS * 5];
    for (int j = 0; j < POINTS; j++) {
      double c = t * (j + 1) / (POINTS + 1);
      for (int d = -2; d <= 2; d++) {
        times[5 * j + d + 2] = c + d * step;
      }
    }
    Trajectory ref = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, t)
        .withAbsoluteTolerance(0).withSamples(times)).trajectory();
    Trajectory coarse = FlowIntegrator.integrate(ode, IntegrationSettings.of(COARSE_TOL, t)
        .withAbsoluteTolerance(0).withSamples(times)).trajectory();
    ctx.checkpoint();
    double mismatch = 0;
    double[] mutant = new double[MUTATIONS.length];
    double noise = 0;
    double maxRate = 0;
    double maxIncrease = Double.NEGATIVE_INFINITY;
    double lossNoise = 0;
    double[] dy = new double[p.columns() + 1];
    for (int j = 0; j < POINTS; j++) {
      double[] l = new double[5];
      double[] lc = new double[5];
      for (int d = 0; d < 5; d++) {
        l[d] = ode.loss(ref.state(5 * j + d));
        lc[d] = ode.loss(coarse.state(5 * j + d));
        lossNoise = Math.max(lossNoise, Math.abs(l[d] - lc[d]));
      }
      for (int d = 0; d < 4; d++) {
        maxIncrease = Math.max(maxIncrease, l[d + 1] - l[d]);
      }
      double fd = (l[3] - l[1]) / (2 * step);
      double fd2 = (l[4] - l[0]) / (4 * step);
      double fdc = (lc[3] - lc[1]) / (2 * step);
      double[] s = ref.state(5 * j + 2);
      ode.computeDerivatives(0, s, dy);
      double etaR = ode.etaR(s);
      double rTerm = dy[0] * dy[0] / etaR; // eta_r |grad_r|^2 with grad_r = -rdot/eta_r
      double uTerm = 0;
      for (int k = 1; k < dy.length; k++) {
        uTerm += dy[k] * dy[k]; // eta_u ||grad_u||^2 with eta_u = 1
      }
      double stated = -rTerm - uTerm;
      double[] mutated = mutated(etaR, dy[0], uTerm);
      mismatch = Math.max(mismatch, Math.abs(fd - stated));
      for (int m = 0; m < mutated.length; m++) {
        mutant[m] = Math.max(mutant[m], Math.abs(fd - mutated[m]));
      }
      noise = Math.max(noise, Math.abs(fd - fd2) + Math.abs(fd - fdc) + 1e3 * Math.ulp(l[2]) / step);
      maxRate = Math.max(maxRate, Math.abs(stated));
    }
    return new Measurement(mismatch, mutant, noise, maxRate, maxIncrease, lossNoise, t);
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    int holds = 0;
    int[] mutantRejected = new int[MUTATIONS.length];
    int[] mutantAccepted = new int[MUTATIONS.length];
    String bad = null;
    for (Sample<DiagonalNetInstance> g : instances) {
      for (LearningRate rate : LearningRate.values()) {
        ctx.checkpoint();
        Measurement s = measure(ctx, g.instance(), rate);
        boolean derivativeOk = s.mismatch() <= CONSISTENCY * s.noise();
        boolean monotone = s.maxIncrease() <= CONSISTENCY * s.lossNoise() + 1e3 * Math.ulp(1.0) * s.maxRate() * s.horizon();
        rows.add(List.of(g.label(), rate.name(), s.horizon(), s.maxRate(), s.mismatch(), s.noise(),
            s.mutantMismatch()[0], s.maxIncrease(), s.lossNoise()));
        if (derivativeOk && monotone) {
          holds++;
        } else if (bad == null && s.mismatch() > CONSISTENCY * s.noise() && s.maxRate() > CONSISTENCY * s.noise()) {
          bad = g.label() + " (" + rate + "): mismatch " + s.mismatch() + " vs noise " + s.noise();
        }
        for (int m = 0; m < MUTATIONS.length; m++) {
          if (s.mutantMismatch()[m] > CONSISTENCY * s.noise()) {
            mutantRejected[m]++;
          } else {
            mutantAccepted[m]++;
          }
        }
      }
    }
    out.table(new EvidenceTable("stated d/dt L~ against central differences of the loss along the trajectory",
        List.of("instance", "eta_r", "horizon", "max |dL/dt|", "max |FD - stated|", "noise floor",
            "max |FD - control #1|", "max loss increase", "loss noise"), rows));
    // one run where the mutated formula is refuted suffices to reject the (universal) mutated statement
    Verdict cv = Verdict.VIOLATED;
    for (int m = 0; m < MUTATIONS.length; m++) {
      Verdict v = mutantRejected[m] > 0 ? Verdict.VIOLATED
          : mutantAccepted[m] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
      out.control(new NegativeControl(MUTATIONS[m], v,
          "rejected on " + mutantRejected[m] + " run(s), accepted on " + mutantAccepted[m]));
      if (v != Verdict.VIOLATED) {
        cv = v;
      }
    }
    int runs = instances.size() * LearningRate.values().length;
    if (bad != null) {
      out.verdict(Verdict.VIOLATED, "stated derivative does not match the loss: " + bad);
    } else if (holds == runs && cv == Verdict.VIOLATED) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT,
          "stated derivative matches finite differences within %dx noise and loss non-increasing on %d run(s) "
              + "(eta_r = eta and eta_r = r^2); all controls rejected", (int) CONSISTENCY, runs));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, holds + " of " + runs + " run(s) consistent; controls " + cv);
    }
  }
}
