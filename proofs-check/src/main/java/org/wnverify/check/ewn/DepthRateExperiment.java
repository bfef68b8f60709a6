package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Verdict;
import org.wnverify.check.ewn.ExperimentParts.Part;
import org.wnverify.numeric.network.ArchitectureSpec;
import org.wnverify.numeric.network.Dataset;
import org.wnverify.numeric.network.DescentSchedule;
import org.wnverify.numeric.network.GradientDescent;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.network.Parameterization;

/**
 * Figure 6 (Section 5, App. L.4): multilayer linear nets with n = 1..4 layers, EWN, SWN or Unnorm on
 * every layer, all initialized to the same end-to-end vector, GD with the constant eta = 0.01 for
 * 5000 steps on a linearly separable dataset: "EWN, SWN and unnormalized networks all converge
 * faster with more layers, but the effect is much less pronounced for EWN". Read on the final train
 * loss L_n after 5000 steps: faster = L_1 > L_2 > L_3 > L_4; the depth effect of a
 * parameterization is E = log(max_n L_n / min_n L_n); "much less" = E_EWN at most
 * {@link #MUCH_LESS} of the smaller of E_SWN, E_Unnorm. The sentences are judged on each of
 * {@link #TRIALS} draws of the setup and decided over them by a sign test ({@link #majority}): the
 * figure is one draw, and on a few per cent of draws a sentence fails (a near-tie of two depths, a
 * stalled 1-layer EWN run), so one draw per seed made the verdict seed-dependent (soak seeds 23, 32).
 * Data, width 100, the pseudo-inverse init
 * and the summed logistic loss are the authors' code's (ewn.md 3.4); the default audit uses width
 * {@link #QUICK_WIDTH} (the text prints no width), --profile paper the code's 100.
 */
final class DepthRateExperiment extends DescribedClaim {
  static final String LOCATION = "Morwani and Ramaswamy, Section 5 (004 lines 327-330), Figure 6 caption (line 319), "
      + "App. L.4 (lines 2251-2253)";
  static final int[] DEPTHS = {1, 2, 3, 4};
  static final int STEPS = 5000;
  /** App. L.4: "the learning rate was constant eta = 0.01" (the authors' code: 0.001). */
  static final double ETA = 0.01;
  static final int PAPER_WIDTH = 100;
  static final int QUICK_WIDTH = 10;
  /**
   * "Much less pronounced": EWN's depth effect at most half the others' (in log of the loss ratio).
   * The authors' log has 0.69 against 3.3 (SWN) and 4.2 (Unnorm), ratios 0.21 and 0.16.
   */
  static final double MUCH_LESS = 0.5;
  static final Parameterization[] PARAMS = {Parameterization.EWN, Parameterization.SWN, Parameterization.UNNORM};
  /** The authors' logged final losses (code eta = 0.001, summed BCE, width 100), n = 1..4 (ewn.md 3.4). */
  static final double[][] AUTHORS = {{0.00871, 0.00793, 0.00604, 0.00441}, {0.1247, 0.00887, 0.00662, 0.00444},
      {0.1463, 0.00857, 0.00424, 0.00209}};

  DepthRateExperiment() {
    super(ClaimId.parse("ewn/figure-6"), LOCATION, "\"For multilayer linear nets, the variation of convergence rate "
        + "with number of layers for a linearly separable dataset is illustrated in Figure 6. All of these networks "
        + "were explicitly initialized to represent the same point in function space. It can be seen that EWN, SWN "
        + "and unnormalized networks all converge faster with more layers, but the effect is much less pronounced "
        + "for EWN.\" Fig. 6: \"Variation of convergence rate of train loss with number of layers for multilayer "
        + "linear nets\"; App. L.4: \"For all SWN, EWN and Unnorm, the learning rate was constant eta = 0.01 and they"
        + " were trained for 5000 steps. All the networks were explicitly initialized to the same point in function "
        + "space.\"", ClaimKind.EXPERIMENT);
  }

  /**
   * The authors' dataset (code, ewn.md 3.4): (1, 1) labelled -1, (-1, 1) +1, 9 points uniform in
   * [1.5, 2]^2 labelled -1 and 9 in [-2, -1.5]^2 labelled +1.
   */
  static Dataset data(SplittableRandom r) {
    double[][] x = new double[20][];
    int[] y = new int[20];
    x[0] = new double[] {1, 1};
    y[0] = -1;
    x[1] = new double[] {-1, 1};
    y[1] = 1;
    for (int i = 0; i < 9; i++) {
      x[2 + i] = new double[] {1.5 + 0.5 * r.nextDouble(), 1.5 + 0.5 * r.nextDouble()};
      y[2 + i] = -1;
      x[11 + i] = new double[] {-2 + 0.5 * r.nextDouble(), -2 + 0.5 * r.nextDouble()};
      y[11 + i] = 1;
    }
    return Dataset.binary(x, y);
  }

  /**
   * W_1 .. W_{n-1} by PyTorch's default init, W_n = w0^T M^+ with M = W_{n-1} ... W_1 (2 columns,
   * full rank almost surely), so that W_n ... W_1 = w0^T: every depth represents the same function.
   */
  static double[] weights(SplittableRandom r, double[] w0, int width, int depth) {
    if (depth == 1) {
      return w0.clone();
    }
    List<double[][]> layers = new ArrayList<>();
    int in = 2;
    for (int l = 0; l < depth - 1; l++) {
      double b = 1 / Math.sqrt(in);
      double[][] w = new double[width][in];
      for (double[] row : w) {
        for (int i = 0; i < in; i++) {
          row[i] = b * (2 * r.nextDouble() - 1);
        }
      }
      layers.add(w);
      in = width;
    }
    double[][] m = layers.get(0);
    for (int l = 1; l < layers.size(); l++) {
      m = multiply(layers.get(l), m);
    }
    // M^+ = (M^T M)^{-1} M^T for the width x 2 matrix M.
    double a = 0;
    double bb = 0;
    double c = 0;
    for (double[] row : m) {
      a += row[0] * row[0];
      bb += row[0] * row[1];
      c += row[1] * row[1];
    }
    double det = a * c - bb * bb;
    double[] z = {(c * w0[0] - bb * w0[1]) / det, (-bb * w0[0] + a * w0[1]) / det};
    double[] last = new double[width];
    for (int j = 0; j < width; j++) {
      last[j] = m[j][0] * z[0] + m[j][1] * z[1];
    }
    List<Double> flat = new ArrayList<>();
    for (double[][] w : layers) {
      for (double[] row : w) {
        for (double v : row) {
          flat.add(v);
        }
      }
    }
    for (double v : last) {
      flat.add(v);
    }
    return flat.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static double[][] multiply(double[][] p, double[][] q) {
    double[][] out = new double[p.length][q[0].length];
    for (int i = 0; i < p.length; i++) {
      for (int k = 0; k < q.length; k++) {
        for (int j = 0; j < q[0].length; j++) {
          out[i][j] += p[i][k] * q[k][j];
        }
      }
    }
    return out;
  }

  /** Final log L after 5000 steps, or NaN if the run blew up. */
  record Final(double logLoss, String status) {}

  static Final train(NetworkInstance inst, Parameterization p, CheckContext ctx) {
    GradientDescent.Run r = GradientDescent.run(inst.objective(p), inst.initialParameters(p),
        DescentSchedule.fixed(ETA, 0), Double.NEGATIVE_INFINITY, STEPS, STEPS, () -> {
          ctx.checkpoint();
          return false;
        });
    boolean ok = r.status() == GradientDescent.Status.MAX_STEPS && r.last().step() == STEPS;
    return new Final(ok ? r.last().logLoss() : Double.NaN, r.status() + ": " + r.message());
  }

  /** One draw of the figure's setup (data, w0, the inner layers of each depth) and its 12 runs. */
  record Trial(double[] w0, double[][] logL, List<String> failures, NetworkInstance deepest) {}

  static Trial trial(SplittableRandom rnd, int width, CheckContext ctx) {
    Dataset data = data(rnd);
    double[] w0 = {rnd.nextGaussian(), rnd.nextGaussian()};
    double[][] logL = new double[PARAMS.length][DEPTHS.length];
    List<String> failures = new ArrayList<>();
    NetworkInstance deepest = null;
    for (int d = 0; d < DEPTHS.length; d++) {
      NetworkInstance inst = new NetworkInstance(ArchitectureSpec.linear(2, width, DEPTHS[d]), data,
          weights(rnd, w0, width, DEPTHS[d]), LossFunction.CROSS_ENTROPY);
      deepest = inst;
      for (int k = 0; k < PARAMS.length; k++) {
        ctx.checkpoint();
        Final f = train(inst, PARAMS[k], ctx);
        logL[k][d] = f.logLoss();
        if (Double.isNaN(f.logLoss())) {
          failures.add(PARAMS[k].label() + ", " + DEPTHS[d] + " layers: " + f.status());
        }
      }
    }
    return new Trial(w0, logL, failures, deepest);
  }

  /** The four sentences judged on every initialisation, then by {@link #majority} over them. */
  static final String[] SENTENCES = {"EWN converges faster with more layers", "SWN converges faster with more layers",
      "Unnorm converges faster with more layers", "the effect is much less pronounced for EWN"};
  static final String[] CONTROLS = {"all three converge slower with more layers",
      "the effect is much less pronounced for Unnorm (than for EWN and SWN)",
      "the effect is equally pronounced for EWN (within a factor 2 of the others')"};

  /**
   * Initialisations per seed. One draw decides nothing: at a fixed function w0 the final losses
   * still depend on the random inner layers, and EWN's depth steps (about 0.4 in log L, spread
   * about 0.2 over draws) reverse on a few per cent of draws by 0.1-0.15 (soak seed 23:
   * L_3 = 1.02e-4 < L_4 = 1.16e-4); rarely (soak seed 32; 0 of 60 draws of a test sweep) the
   * 1-layer EWN run collapses its scale and stalls (soak seed 32: L_1 = 13.7 = nearly 20 log 2
   * after 5000 steps), an effect of 11.9 against SWN's 4.3. Both are real on their draw, not
   * rounding (GD is deterministic); the figure is one typical draw, so the sentences are read on
   * the typical initialisation: judged on each of 12 draws and decided by {@link #majority}. With
   * 12 (or 11 judged) a sentence still holds with 2 failing draws; at the measured rate of EWN's
   * reversals (4 of 90 draws, seeds 1, 23, 32 and a 60-draw sweep) 3 or more fail on about 1 % of
   * seeds. At about 1.3 s per draw (width 10) it costs about 15 s.
   */
  static final int TRIALS = 12;
  /**
   * The one-sided sign-test level: a sentence HOLDS if it held on more of the judged draws than a
   * fair coin gives with probability ALPHA, is VIOLATED if it failed on that
   * many (10 of 12, 9 of 11), else undecided. A draw whose runs did not all finish is not counted; a draw in the
   * "much less" band (EWN's effect between half and all of the others') counts against both.
   */
  static final double ALPHA = 0.05;

  /** The decision on the soak's seed-dependent verdicts (issue 21), shown with every run. */
  static final String DECISION = "Soak seeds 23 and 32 (--samples 20) were VIOLATED on their one draw, 31 seeds held. "
      + "Neither is noise in the run (GD is deterministic): on seed 23 EWN's L_4 ended 0.12 in log above L_3 "
      + "(1.16e-4 against 1.02e-4), a near-tie of two depths whose step is about 0.4 +- 0.2 over draws; on seed 32 "
      + "the 1-layer EWN run collapsed its scale and stalled at L_1 = 13.7 (about 20 log 2), so EWN's depth effect "
      + "was 11.9 against SWN's 4.3. Both are real on their draw and rare (EWN's order reverses on about 4 of 90 "
      + "draws; the stall on 1 of about 130). The figure is one draw and its sentences describe the typical one, so "
      + "each sentence is judged on " + TRIALS + " draws per seed and decided by a one-sided sign test at " + ALPHA
      + ": HOLDS when it held on so many draws that a fair coin would do as well with probability <= " + ALPHA
      + ", VIOLATED when it failed on that many, otherwise INCONCLUSIVE. The failing draws are listed with "
      + "their w0 and losses; a failing majority is saved as the counterexample. Re-run: seeds 1, 23, 32 HOLD.";

  /** Per draw: the sentences' and controls' verdicts, or null if a run did not finish. */
  record Judged(Verdict[] sentences, Verdict[] controls, String[] details) {}

  static Judged judge(Trial t) {
    if (!t.failures().isEmpty()) {
      return null;
    }
    double[][] logL = t.logL();
    double[] effect = new double[PARAMS.length];
    Verdict[] v = new Verdict[SENTENCES.length];
    String[] det = new String[SENTENCES.length];
    for (int k = 0; k < PARAMS.length; k++) {
      effect[k] = max(logL[k]) - min(logL[k]);
      v[k] = decreasing(logL[k]) ? Verdict.HOLDS : Verdict.VIOLATED;
      det[k] = "log L_n = " + Assumptions.fmt(logL[k]);
    }
    double others = Math.min(effect[1], effect[2]);
    v[3] = effect[0] <= MUCH_LESS * others ? Verdict.HOLDS : effect[0] >= others ? Verdict.VIOLATED
        : Verdict.INCONCLUSIVE;
    det[3] = ExperimentParts.fmt("depth effect log(max L / min L): EWN %.3g, SWN %.3g, Unnorm %.3g", effect[0], effect[1],
        effect[2]);
    Verdict[] c = {allIncreasing(logL) ? Verdict.HOLDS : Verdict.VIOLATED,
        effect[2] <= MUCH_LESS * Math.min(effect[0], effect[1]) ? Verdict.HOLDS : Verdict.VIOLATED,
        effect[0] >= others / 2 ? Verdict.HOLDS : Verdict.VIOLATED};
    return new Judged(v, c, det);
  }

  /** P(X >= k) for X ~ Binomial(n, 1/2). */
  static double tail(int k, int n) {
    double p = 0;
    for (int i = Math.max(k, 0); i <= n; i++) {
      double c = 1;
      for (int j = 0; j < i; j++) {
        c = c * (n - j) / (j + 1);
      }
      p += c;
    }
    return p / Math.pow(2, n);
  }

  /**
   * A sentence over n judged draws: HOLDS if it held on so many that a fair coin does as well with
   * probability at most {@link #ALPHA}, VIOLATED if it failed on so many, else INCONCLUSIVE.
   */
  static Verdict majority(int held, int failed, int n) {
    if (n > 0 && tail(held, n) <= ALPHA) {
      return Verdict.HOLDS;
    }
    if (n > 0 && tail(failed, n) <= ALPHA) {
      return Verdict.VIOLATED;
    }
    return Verdict.INCONCLUSIVE;
  }

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), ctx.seedFor(id()));
    int width = ctx.profile() == CheckContext.Profile.PAPER ? PAPER_WIDTH : QUICK_WIDTH;
    SplittableRandom rnd = ctx.random(id());
    // Draw 1 continues the stream the single-draw check used, so its table is that run's.
    List<Trial> trials = new ArrayList<>();
    for (int t = 0; t < TRIALS; t++) {
      trials.add(trial(rnd, width, ctx));
    }
    Trial t0 = trials.get(0);
    double[][] logL = t0.logL();
    List<List<Object>> rows = new ArrayList<>();
    for (int k = 0; k < PARAMS.length; k++) {
      for (int d = 0; d < DEPTHS.length; d++) {
        rows.add(List.of(PARAMS[k].label(), DEPTHS[d], "falls with depth (Fig. 6)", ExperimentParts.fmt("%.4g", AUTHORS[k][d]),
            ExperimentParts.fmt("%.4g", Math.exp(logL[k][d]))));
      }
    }
    out.table(new EvidenceTable("draw 1: final train loss after " + STEPS + " steps (summed logistic loss over 20 "
        + "points): paper | authors' log (code eta = 0.001, width 100) | wnverify (eta = " + ETA + ", width " + width + ")",
        List.of("parameterization", "layers", "paper", "authors' log", "wnverify"), rows));
    out.evidence("decision: seed-dependent verdicts (issue 21)", DECISION);
    out.evidence("end-to-end vector w0 of draw 1 (every depth starts at this function)", java.util.Arrays.toString(t0.w0()));
    DrawTally sentences = new DrawTally();
    DrawTally controls = new DrawTally();
    int judgedDraws = 0;
    List<String> unfinished = new ArrayList<>();
    List<List<Object>> drawRows = new ArrayList<>();
    for (int t = 0; t < trials.size(); t++) {
      Trial tr = trials.get(t);
      Judged j = judge(tr);
      List<Object> row = new ArrayList<>(List.of(t + 1, Assumptions.fmt(tr.w0())));
      for (double[] l : tr.logL()) {
        row.add(Assumptions.fmt(l));
      }
      if (j == null) {
        unfinished.add("draw " + (t + 1) + ": " + String.join("; ", tr.failures()));
        row.add("not judged: a run did not finish 5000 finite steps");
        drawRows.add(row);
        continue;
      }
      judgedDraws++;
      List<String> fails = new ArrayList<>();
      for (int s = 0; s < SENTENCES.length; s++) {
        if (j.sentences()[s] != Verdict.HOLDS) {
          fails.add(SENTENCES[s] + ": " + j.sentences()[s] + " (" + j.details()[s] + ")");
        }
        String where = "draw " + (t + 1) + ", w0 = " + Assumptions.fmt(tr.w0()) + ": " + j.details()[s];
        sentences.add(SENTENCES[s], j.sentences()[s], tr.deepest(), () -> where);
      }
      for (int c = 0; c < CONTROLS.length; c++) {
        controls.add(CONTROLS[c], j.controls()[c], null, null);
      }
      row.add(fails.isEmpty() ? "every sentence holds" : String.join("; ", fails));
      drawRows.add(row);
    }
    out.table(new EvidenceTable(TRIALS + " draws of the setup (data, w0, inner layers), log L_n after " + STEPS
        + " steps, n = 1..4", List.of("draw", "w0", "EWN", "SWN", "Unnorm", "sentences"), drawRows));
    ExperimentParts parts = new ExperimentParts();
    if (!unfinished.isEmpty()) {
      out.evidence("draws not judged (a run did not finish 5000 finite steps)", String.join("; ", unfinished));
    }
    List<Part> ps = new ArrayList<>();
    NetworkInstance failing = null;
    for (int s = 0; s < SENTENCES.length; s++) {
      Verdict v = sentences.verdict(SENTENCES[s], judgedDraws);
      int[] c = sentences.counts(SENTENCES[s]);
      String detail = ExperimentParts.fmt("held on %d of %d judged draws, failed on %d, undecided on %d (sign test "
          + "at %.2g)", c[0], judgedDraws, c[1], c[2], ALPHA) + sentences.firstFailureNote(SENTENCES[s])
          + (s == 3 ? " (authors' log: 0.681, 3.34, 4.25)" : "");
      ps.add(new Part(SENTENCES[s], v, detail));
      out.evidence("\"" + SENTENCES[s] + "\" over the draws: " + v, detail);
      if (v == Verdict.VIOLATED && failing == null) {
        failing = sentences.firstFailing(SENTENCES[s]);
      }
    }
    parts.run("width " + width + ", " + judgedDraws + " of " + TRIALS + " draws judged", failing != null ? failing
        : t0.deepest(), ps);
    for (String c : CONTROLS) {
      parts.control(c, controls.verdict(c, judgedDraws));
    }
    parts.controls().forEach(out::control);
    out.counterexample(parts.counterexample(ctx, id()));
    out.verdict(parts.verdict(), parts.summary("on the typical initialisation (sign test over " + TRIALS
        + " draws) all three converge faster with depth, EWN's effect much smaller"));
    return out.build();
  }

  static boolean decreasing(double[] a) {
    for (int i = 1; i < a.length; i++) {
      if (!(a[i] < a[i - 1])) {
        return false;
      }
    }
    return true;
  }

  static boolean allIncreasing(double[][] a) {
    for (double[] row : a) {
      if (!decreasing(negate(row))) {
        return false;
      }
    }
    return true;
  }

  static double[] negate(double[] a) {
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = -a[i];
    }
    return b;
  }

  static double max(double[] a) {
    return java.util.Arrays.stream(a).max().orElse(Double.NaN);
  }

  static double min(double[] a) {
    return java.util.Arrays.stream(a).min().orElse(Double.NaN);
  }
}
