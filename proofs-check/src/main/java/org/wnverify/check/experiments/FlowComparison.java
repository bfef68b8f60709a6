package org.wnverify.check.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.experiments.FigureData.Point;
import org.wnverify.check.experiments.Section4.Trial;
import org.wnverify.check.experiments.Section4.Truth;
import org.wnverify.numeric.discrete.SensingProblem;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.GradientFlowOde;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The continuous flows the paper's theorems are about, run on the data of a figure's first trial
 * beside the discrete GD / WN-GD that Section 4 plots: gradient flow from x0 = r0 w and the WN flow
 * with learning rates (eta~, 1) from (r0, w), to the same loss target. The figures' sentences are
 * judged on the discrete runs (that is what the paper ran); this table says how far the flows, and
 * so the theorems, agree with them.
 */
final class FlowComparison {
  /**
   * Relative tolerance of the flows (absolute 1e-6 of it): tight enough that the error eps1 of the
   * limit is resolved to far below the GD/WN gaps the figures show, loose enough for N = 1000.
   */
  static final double TOLERANCE = 1e-9;
  /** Horizon: beyond any time the discrete runs reach (10^6 steps of at most 0.1). */
  static final double MAX_TIME = 1e6;
  /**
   * Derivative evaluations per flow: at the paper's size about as much work as the slowest
   * discrete run of the figure; a flow that needs more is reported unfinished, not judged.
   */
  static final int BUDGET = 1_500_000;

  private FlowComparison() {}

  /** One flow's end: how it stopped, its time, its error and loss there. */
  record FlowEnd(IntegrationResult result, double error, double loss) {
    String status() {
      return result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
  }

  static DiagonalNetInstance instance(Trial t, double r0, double eta) {
    SensingProblem p = t.problem();
    double[] flat = p.matrix();
    int m = p.rows();
    int n = p.signalLength();
    double[][] a = new double[m][n];
    for (int i = 0; i < m; i++) {
      System.arraycopy(flat, i * n, a[i], 0, n);
    }
    return new DiagonalNetInstance(a, p.rhs(), p.depth(), r0, t.direction(), eta);
  }

  static FlowEnd run(Trial t, Truth truth, double r0, double eta, boolean wn) {
    DiagonalNetInstance inst = instance(t, r0, eta);
    FlowSystem ode = wn ? new WnFlowOde(inst, LearningRate.CONSTANT) : new GradientFlowOde(inst);
    IntegrationSettings s = IntegrationSettings.of(TOLERANCE, MAX_TIME).withLossTarget(Section4.LOSS_TARGET)
        .withBudget(BUDGET);
    IntegrationResult r = FlowIntegrator.integrate(ode, s);
    // the figures' errors are of the end-to-end signal x^L, not of the weights x
    double[] signal = t.problem().signal(ode.point(r.finalState()));
    return new FlowEnd(r, Section4.errorFunction(t, truth).applyAsDouble(signal), ode.loss(r.finalState()));
  }

  /** Largest steps of the step-refinement series of WN-GD towards the WN flow. */
  static final double[] REFINED_STEPS = {0.1, 0.03, 0.01, 0.003};

  /**
   * The flows beside the discrete runs, for a figure whose sweep varies r0 (eta~ = {@code fixed}) or
   * eta~ ({@code etaVaries}, r0 = {@code fixed}): a table of both flows' errors at every point of
   * trial 1, a step-refinement series of WN-GD at the point {@code refineAt}, and a sentence.
   *
   * <p>At sizes above QUICK's the comparison runs on trial 1 drawn at QUICK's size: at N = 1000 the
   * WN flow is too stiff for an explicit integrator (the u-equation's rates scale like
   * r^(2L) ||A||^2; measured at r0 = 1, eta~ = 0.1: 1.5 million evaluations, 290 s, reach t = 161 of
   * the ~10^4 the discrete run covers), while the discrete method copes by letting ||u|| grow.
   */
  static void compare(ChouExperimentClaims.Env env, org.wnverify.check.ClaimId id, Truth truth, List<Point> pts,
      Trial trial, double fixed, boolean etaVaries, double refineAt, org.wnverify.check.ClaimOutcome.Builder out) {
    ChouExperimentClaims.Env small = env;
    List<Point> points = pts;
    Trial t = trial;
    String where = "the figure's trial 1";
    if (env.z.n() > Section4.QUICK.n()) {
      Section4.Sizes q = Section4.QUICK;
      small = new ChouExperimentClaims.Env(env.ctx, q, env.workers);
      t = Section4.draw(Section4.trialSeed(env.ctx.seedFor(id), 0), q, truth);
      double[] params = pts.stream().mapToDouble(p -> p.param).toArray();
      points = small.sweep(List.of(t), truth, params, fixed, etaVaries);
      where = "trial 1 at QUICK's size (N=" + q.n() + ", M=" + q.m() + "; the WN flow at N=" + env.z.n()
          + " is too stiff for the explicit integrator)";
    }
    List<String> cmp = new ArrayList<>();
    List<FlowEnd> ends = flows(points, t, truth, fixed, etaVaries, small.workers);
    out.table(table("flows vs discrete on " + where + ": |error| of gradient flow and the WN flow (rates (eta~, 1)) "
        + "at loss " + Section4.LOSS_TARGET + " beside GD and WN-GD", points, ends, etaVaries, cmp));
    double r0 = etaVaries ? fixed : refineAt;
    double eta = etaVaries ? refineAt : fixed;
    // the WN flow at the refined point is one of the flows just run, when that point is on the sweep
    int at = -1;
    for (int i = 0; i < points.size(); i++) {
      at = points.get(i).param == refineAt ? i : at;
    }
    FlowEnd flow = at >= 0 ? ends.get(2 * at + 1) : run(t, truth, r0, eta, true);
    List<ChouExperimentClaims.Job> jobs = new ArrayList<>();
    for (double h : REFINED_STEPS) {
      jobs.add(new ChouExperimentClaims.Job(0, true, r0, eta, h));
    }
    List<org.wnverify.numeric.discrete.DescentRun> runs = small.run(List.of(t), truth, jobs,
        small.z.maxIterations(), false);
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < REFINED_STEPS.length; i++) {
      var r = runs.get(i);
      rows.add(List.of(REFINED_STEPS[i], Math.abs(Section4.error(t, truth, r)), Math.abs(flow.error()),
          (double) r.iterations(), r.finalUNorm()));
    }
    out.table(new EvidenceTable(String.format("WN-GD towards the WN flow on %s at r0 = %.3g, eta~ = %.3g: |error| "
        + "against the largest step (the flow: %s at t = %.3g)", where, r0, eta, flow.status(),
        flow.result().finalTime()), List.of("largest step", "|error| WN-GD", "|error| WN flow", "iterations",
        "final ||u|| (flow: 1)"), rows));
    double first = Math.abs(Section4.error(t, truth, runs.get(0)) - flow.error());
    double last = Math.abs(Section4.error(t, truth, runs.get(runs.size() - 1)) - flow.error());
    cmp.add(String.format("as WN-GD's largest step shrinks from %.3g to %.3g its error's distance to the WN flow's "
        + "goes from %.3g to %.3g (%s); the figures' sentences are about the discrete runs, which the paper plots",
        REFINED_STEPS[0], REFINED_STEPS[REFINED_STEPS.length - 1], first, last,
        last < first ? "the discrete runs approach the flow: the gap is discretisation"
            : "no approach within these steps"));
    out.evidence("flows vs discrete", String.join("; ", cmp));
  }

  /**
   * GF and the WN flow at each point's parameter (r0 with eta~ fixed, or eta~ with r0 fixed, as
   * {@code etaVaries} says) on trial {@code t}'s data, in parallel: per point GF's end, then the WN
   * flow's.
   */
  static List<FlowEnd> flows(List<Point> pts, Trial t, Truth truth, double fixed, boolean etaVaries, int workers) {
    List<Callable<FlowEnd>> tasks = new ArrayList<>();
    for (Point p : pts) {
      double r0 = etaVaries ? fixed : p.param;
      double eta = etaVaries ? p.param : fixed;
      tasks.add(() -> run(t, truth, r0, eta, false));
      tasks.add(() -> run(t, truth, r0, eta, true));
    }
    return Parallel.all(tasks, workers);
  }

  /**
   * The flows' ends ({@link #flows}) beside the discrete runs of trial 1, and a sentence saying how
   * they compare.
   */
  static EvidenceTable table(String title, List<Point> pts, List<FlowEnd> ends, boolean etaVaries,
      List<String> comparison) {
    List<List<Object>> rows = new ArrayList<>();
    int agree = 0;
    int judged = 0;
    for (int i = 0; i < pts.size(); i++) {
      Point p = pts.get(i);
      FlowEnd gf = ends.get(2 * i);
      FlowEnd wn = ends.get(2 * i + 1);
      rows.add(List.of(String.format("%s = %.4g", etaVaries ? "eta~" : "r0", p.param), Math.abs(gf.error()),
          Math.abs(p.gdErrors.get(0)), Math.abs(wn.error()), Math.abs(p.wnErrors.get(0)),
          gf.status() + String.format(" at t = %.3g", gf.result().finalTime()),
          wn.status() + String.format(" at t = %.3g", wn.result().finalTime())));
      if (gf.result().reachedEnd() && wn.result().reachedEnd()) {
        judged++;
        boolean flowOrder = Math.abs(wn.error()) < Math.abs(gf.error());
        agree += flowOrder == (Math.abs(p.wnErrors.get(0)) < Math.abs(p.gdErrors.get(0))) ? 1 : 0;
      }
    }
    comparison.add(String.format("trial 1: at %d of %d points both flows reached loss %.0e; at %d of those the "
        + "flows order WN and GD as the discrete runs do", judged, pts.size(), Section4.LOSS_TARGET, agree));
    return new EvidenceTable(title, List.of(etaVaries ? "eta~" : "r0", "error GF (flow)", "error GD (discrete)",
        "error WN flow", "error WN-GD (discrete)", "GF ended", "WN flow ended"), rows);
  }
}
