package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Verdict;
import org.wnverify.check.ewn.ExperimentParts.Part;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * The Lin-Sep experiment (Section 4.1, Figures 2, 3 for EWN and 8, 9 for SWN): a 2-layer ReLU^2 net
 * with 8 hidden neurons on 4 linearly separable points, GD with the authors' schedule to e^-300.
 * Each sentence of the four captions is judged on the same runs the limit claims read (the Lin-Sep
 * stream and {@link AsymptoticRun}'s cache), but here EWN too is the GD run the figures plot, not
 * the flow path. The experiment is small, so both profiles run the paper's size; the paper profile
 * judges every --samples draw, the default audit the first {@link AsymptoticClaim#QUICK_PROBLEMS}.
 */
final class LinSepExperiment extends DescribedClaim {
  static final String LOCATION = "Morwani and Ramaswamy, Section 4.1 (004 lines 173-180), Figure 2 caption (lines "
      + "197-203), Figure 3 caption (lines 247-255), App. L.1 (lines 2236-2240), Figure 8 caption (lines 2275-2281), "
      + "Figure 9 caption (lines 2306-2313)";
  /** The paper's node count: 8 hidden neurons and the output node. */
  static final int NODES = AsymptoticClaim.HIDDEN + 1;

  /**
   * Issue 16 asked whether {@link Spread#TOLERANCE} (0.1 in log) is justified by the printed Figure 3
   * caption. It is not fixed by it: the caption prints no number. The tolerance comes from ewn.md T2
   * ("<= ~0.1"), read off the authors' logged run (0.075 at e^-300). Left unchanged (no loosening).
   */
  static final String TOLERANCE_REVIEW = "Figure 3 caption (004 lines 247-253): \"(c), (d) and (e) demonstrate Theorem 2 "
      + "for EWN, where for weight vectors 5,7 and 8. The three graphs are plotted at loss values of e-200, e-250 and "
      + "e-300 respectively. At each loss value, for the 3 weights, log ||w_u|| + log ||grad_{w_u} L|| is approximately "
      + "same.\" The caption prints no number. The tolerance 0.1 (Spread.TOLERANCE) is ewn.md T2's \"<= ~0.1\", taken "
      + "from the authors' logged run (products 257, 275, 277 at e^-300, spread 0.075), not from the printed text, "
      + "and the caption asks for it at e^-200 and e^-250 as well. wnverify's GD runs of the same setting "
      + "(653 steps in the authors' log, 630 and 1032 here on seed 1) give 0.16-0.25, i.e. products within "
      + "17-28 % where the authors' were within 8 %; the corner also has "
      + "node 8's 1 - cos(w_u, -grad_u L) growing (Prop. 2 (ii)). ewn/theorem-2#ewn holds on the flow path to "
      + "e^-10000 (the spread shrinks), so this is GD at e^-300 still short of the limit on these draws. The verdict "
      + "VIOLATED is the figure as reproduced against the authors' own precision; whether a spread of 0.2 is "
      + "\"approximately same\" the printed caption leaves open. The tolerance is not loosened.";

  /** The decision on the soak's seed-dependent EWN verdicts (issue 21), shown with every EWN run. */
  static final String DECISION = "The samples-20 soak had ewn/lin-sep#ewn VIOLATED on 14 of 32 seeds, HOLDS on 4, "
      + "INCONCLUSIVE on 15, on the 2 draws the default audit judged. Three causes. (1) The (A2)/(A3) observation "
      + "(last step <= 0.05 and not above the first) is a premise test; read as the caption's failure rule it made "
      + "settling loss vectors VIOLATED (steps [0.0008, 0.72, 0.05, 0.008]: a plateau at e^-100, a switch, then "
      + "settling; seeds 11, 18, 27, 29, 32). (c), (d) now fail only by Spread.failsAtDepth (beyond 3 x 0.05 and "
      + "unable to come down). (2) Proposition 2 (ii) failed at 0.033 -> 0.040 against 0.03 (seeds 4, 12); it now "
      + "fails only beyond Spread.FAIL_FACTOR x ALIGN_MAX, as every limit deviation. (3) What remains is real on its "
      + "draw at the figure's loss levels and rare: a Theorem 2 spread flat at 0.36 on two supported nodes (seed 13 "
      + "draw 1), a loss vector still moving 0.2 per level at e^-300 (seed 6 draw 1): 0 to 2 of 20 draws per seed. "
      + "The captions describe one typical run, so every EWN draw is judged (EWN's GD runs are ~700 steps) and each "
      + "sentence is decided over the draws by Figure 6's sign test (DepthRateExperiment.majority). On seeds 1, 4, "
      + "6, 11, 12, 13, 17, 18, 24, 26, 27, 28, 29, 31, 32 the verdict is INCONCLUSIVE, always for the same reason: "
      + "the Theorem 2 spread (Fig. 3 (c)-(e)) is still shrinking above the tolerance at e^-300 on about half the "
      + "draws (held on 5-13 of 20), so GD to the figure's loss does not decide it; the failing draws are listed.";

  private final Parameterization param;

  /** ewn/lin-sep#ewn (Figures 2, 3) or ewn/lin-sep#swn (Figures 8, 9). */
  LinSepExperiment(Parameterization param) {
    super(ClaimId.parse("ewn/lin-sep#" + param.name().toLowerCase(java.util.Locale.ROOT)), LOCATION,
        (param == Parameterization.EWN ? "[EWN: Figures 2, 3] " : "[SWN: Figures 8, 9] ") + "Lin-Sep: \"a 2-layered EWN neural network, with 8 neurons in the"
        + " hidden layer and a ReLU-squared activation function, is trained on a linearly separable dataset. The "
        + "learning rate schedule used was O(L^c) [c unreadable; 29/30 in the authors' code] and the network was "
        + "trained till a loss of e-300.\" Fig. 2 (EWN) / 8 (SWN): \"(b) only weights 5,7 and 8 [SWN: 5, 6 and 8] keep"
        + " on growing in norm. So, only for these, ||w~_u|| > 0. (c) shows the components of the unit vector w/||w||"
        + " ... Eventually their contribution to the unit vector become constant. (d) shows the components of the "
        + "loss vector and they also become constant eventually. (e) shows the normalized parameter margin "
        + "converging to a value greater than 0.\" Fig. 3 / 9: \"(a) ... grad_w L stops oscillating and converges to"
        + " g~. (b) ... for weight vectors 5,7 and 8, w_u(t) converges in opposite direction of grad_{w_u} L(w(t)). "
        + "(c), (d) and (e) ... plotted at loss values of e-200, e-250 and e-300 ... At each loss value, for the 3 "
        + "weights, log ||w_u|| + log ||grad_{w_u} L|| [SWN: log ||grad_{w_u} L|| - log ||w_u||] is approximately "
        + "same.\" Node indices depend on the authors' PyTorch RNG, so the count of growing nodes is judged, not "
        + "their numbers", ClaimKind.EXPERIMENT);
    this.param = param;
  }

  /** The authors' logged Lin-Sep runs (DepenM/Exp-WN, ewn.md 3.2, P2, T2), per parameterization. */
  static String authors(Parameterization p, String what) {
    boolean e = p == Parameterization.EWN;
    return switch (what) {
      case "growing" -> e ? "nodes 5, 7, 8 (norms 5.21, 5.98, 8.43; others 0.03-1.4)" : "nodes 5, 6, 8 (5.95, 6.69, 6.44; node 7 1.8)";
      case "steps" -> e ? "653" : "12284";
      case "margin" -> e ? "0.1876 (from 0.0110)" : "0.2133";
      case "loss" -> e ? "(0.773, 0, 0.575, 0.268)" : "not quoted";
      case "cos" -> e ? "cos(-grad L, g~) = 1.0000 (-1.0000001 in the code's sign); nodes 5, 7: 1.0000, node 8: 0.9724"
          : "nodes 5, 6, 8: 1.0000, node 7: 0.9995";
      default -> e ? "log(||w_u|| ||grad_u L||): 257, 275, 277 at e^-300, spread 0.075"
          : "||w_u||/||grad_u L|| = 0.1348, 0.1332, 0.1383, spread 0.037 in log";
    };
  }

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), ctx.seedFor(id()));
    // The Lin-Sep stream of the limit claims (AsymptoticClaim#sampler): the same draws, the same cached runs.
    List<NetworkSampler.Sample> draws = NetworkSampler.linSep(ctx.random(ClaimId.parse("ewn/lin-sep")), Math.max(1, ctx.samples()),
        AsymptoticClaim.HIDDEN, LossFunction.EXPONENTIAL);
    // EWN's GD runs take ~700 steps (SWN's ~12k), so the default audit judges every EWN draw: the
    // captions are read on the typical draw (below), which needs more than QUICK_PROBLEMS draws.
    int judged = ctx.profile() == CheckContext.Profile.PAPER || param == Parameterization.EWN ? draws.size()
        : Math.min(AsymptoticClaim.QUICK_PROBLEMS, draws.size());
    ExperimentParts parts = new ExperimentParts();
    List<List<Object>> rows = new ArrayList<>();
    boolean overDraws = param == Parameterization.EWN;
    int judgedDraws = 0;
    DrawTally tally = new DrawTally();
    List<String> unreached = new ArrayList<>();
    for (NetworkSampler.Sample s : draws.subList(0, judged)) {
      for (Parameterization p : List.of(param)) {
        ctx.checkpoint();
        AsymptoticRun r = AsymptoticRun.of(s.instance(), p, AsymptoticClaim.LIN_SEP, AsymptoticClaim.LEVELS, () -> {
          ctx.checkpoint();
          return false;
        });
        String label = s.label() + ", " + p.label();
        if (!r.reachedAllLevels()) {
          if (overDraws) {
            unreached.add(label + ": " + r.run.message());
          } else {
            parts.notJudged(label, "e^-300 not reached: " + r.run.message());
          }
          rows.add(List.of(label, "-", "-", "-", "-", "-", r.describe()));
          continue;
        }
        List<Part> ps = judge(r, p);
        Verdict v = overDraws ? new ExperimentParts().run(label, s.instance(), ps) : parts.run(label, s.instance(), ps);
        if (overDraws) {
          judgedDraws++;
          for (Part x : ps) {
            tally.add(x.name(), x.verdict(), s.instance(), () -> label + ": " + x.detail());
          }
        }
        List<String> details = ps.stream().map(x -> x.name() + ": " + x.verdict() + ", " + x.detail()).toList();
        rows.add(List.of(label, r.run.last().step(), r.supportedNodes().toString(),
            ExperimentParts.fmt("%.4f (from %.4f)", r.last().normalizedMargin(), initialMargin(r)),
            Assumptions.fmt(r.last().lossDirection()), v.name(), String.join("; ", details)));
        for (var m : mutations(p)) {
          parts.control(m.name(), m.judge().apply(r).verdict());
        }
      }
    }
    judgeUndecidedControlsOnDedicated(ctx, parts, rows);
    if (judged < draws.size()) {
      out.evidence("draws not run in the default audit (all run under --profile paper)", draws.size() - judged);
    }
    if (overDraws) {
      // EWN: each sentence over the draws by the sign test of Figure 6 (DepthRateExperiment#majority).
      if (!unreached.isEmpty()) {
        out.evidence("draws not judged (e^-300 not reached)", String.join("; ", unreached));
      }
      List<Part> over = new ArrayList<>();
      org.wnverify.numeric.network.NetworkInstance failing = null;
      for (String sentence : tally.sentences()) {
        int[] c = tally.counts(sentence);
        Verdict v = tally.verdict(sentence, judgedDraws);
        String detail = ExperimentParts.fmt("held on %d of %d draws, failed on %d, undecided on %d", c[0], judgedDraws,
            c[1], c[2]) + tally.firstFailureNote(sentence);
        over.add(new Part(sentence, v, detail));
        out.evidence("\"" + sentence + "\" over the draws: " + v, detail);
        if (v == Verdict.VIOLATED && failing == null) {
          failing = tally.firstFailing(sentence);
        }
      }
      if (judgedDraws == 0) {
        parts.notJudged("EWN", "no draw reached e^-300");
      } else {
        parts.run(judgedDraws + " draw(s) (sign test at " + DepthRateExperiment.ALPHA + ")", failing != null ? failing
            : draws.get(0).instance(), over);
      }
    }
    out.table(new EvidenceTable("Lin-Sep runs to e^-300 (" + AsymptoticClaim.LIN_SEP + "); growing nodes are numbered "
        + "0-7 hidden, 8 output", List.of("problem", "steps", "growing nodes (||w~_u|| > 0)",
        "normalized margin at e^-300", "loss vector l/||l|| at e^-300", "run", "captions, part by part"), rows));
    List<List<Object>> ref = new ArrayList<>();
    for (Parameterization p : List.of(param)) {
      String f = p == Parameterization.EWN ? "Figs. 2, 3" : "Figs. 8, 9";
      ref.add(List.of(p.label() + " growing nodes", f + ": " + (p == Parameterization.EWN ? "5, 7, 8" : "5, 6, 8"),
          authors(p, "growing"), "see the runs table"));
      ref.add(List.of(p.label() + " steps to e^-300", "not printed", authors(p, "steps"), "see the runs table"));
      ref.add(List.of(p.label() + " normalized margin", f + "(e): converges to a value > 0", authors(p, "margin"),
          "see the runs table"));
      ref.add(List.of(p.label() + " loss vector", f + "(d): becomes constant", authors(p, "loss"), "see the runs table"));
      ref.add(List.of(p.label() + " Prop. 2 alignment", f + "(a), (b): converge", authors(p, "cos"), "see the runs table"));
      ref.add(List.of(p.label() + " Theorem 2 spread", f + "(c)-(e): approximately same", authors(p, "t2"),
          "see the runs table"));
    }
    out.table(new EvidenceTable("paper | authors' log | wnverify", List.of("quantity", "paper", "authors' log",
        "wnverify"), ref));
    if (param == Parameterization.EWN) {
      out.evidence("decision: seed-dependent verdicts (issue 21)", DECISION);
      out.evidence("the Theorem 2 spread tolerance, reviewed against the printed caption (issue 16)", TOLERANCE_REVIEW);
    }
    parts.controls().forEach(out::control);
    out.counterexample(parts.counterexample(ctx, id()));
    out.verdict(parts.verdict(), parts.summary("every caption sentence holds for " + param.label()));
    return out.build();
  }

  /**
   * Issue 19 (every control decided on every seed): the other parameterization's Theorem 2 quantity
   * differs from the caption's by 2 log ||w_u||, so only supported nodes of unequal norm tell them
   * apart, and on the symmetric Lin-Sep draws SWN's supported norms agree within the tolerance. A
   * control no draw decided is judged once more on {@link DistinctNorms#linSep}, where the caption's
   * own Theorem 2 sentence must not fail.
   */
  private void judgeUndecidedControlsOnDedicated(CheckContext ctx, ExperimentParts parts, List<List<Object>> rows) {
    List<AsymptoticClaim.Mutation> open = mutations(param).stream().filter(m -> !parts.decided(m.name())).toList();
    if (open.isEmpty()) {
      return;
    }
    ctx.checkpoint();
    AsymptoticRun r = AsymptoticRun.of(DistinctNorms.linSep(AsymptoticClaim.HIDDEN), param, AsymptoticClaim.LIN_SEP,
        AsymptoticClaim.LEVELS, () -> {
          ctx.checkpoint();
          return false;
        });
    String label = DistinctNorms.LIN_SEP_LABEL + ", " + param.label();
    if (!r.reachedAllLevels()) {
      rows.add(List.of(label, "-", "-", "-", "-", "-", r.describe()));
      return;
    }
    AsymptoticClaim.Judged own = theorem2(r, param, false);
    rows.add(List.of(label, r.run.last().step(), r.supportedNodes().toString(),
        ExperimentParts.fmt("%.4f (from %.4f)", r.last().normalizedMargin(), initialMargin(r)),
        Assumptions.fmt(r.last().lossDirection()), "controls only", "Theorem 2 quantity: " + own.verdict() + ", "
            + own.detail()));
    if (own.verdict() == Verdict.VIOLATED) {
      return;
    }
    for (var m : open) {
      parts.control(m.name(), m.judge().apply(r).verdict());
    }
  }

  static double initialMargin(AsymptoticRun r) {
    return Snapshot.of(r.objective, r.run.recorded().get(0)).normalizedMargin();
  }

  /** The captions' sentences on one run. */
  static List<Part> judge(AsymptoticRun r, Parameterization p) {
    List<Part> ps = new ArrayList<>();
    List<Integer> grow = r.supportedNodes();
    ps.add(Part.of("(b) only a few weights keep growing", grow.size() >= 1 && grow.size() < NODES,
        grow.size() == NODES || grow.isEmpty(), "growing " + grow + " of " + NODES));
    for (Assumptions.Observed o : Assumptions.observe(r, true)) {
      String name = o.name().startsWith("(A2)") ? "(c) w/||w|| becomes constant [(A2)]"
          : o.name().startsWith("(A3)") ? "(d) the loss vector becomes constant [(A3)]"
          : o.name().startsWith("(A4)") ? "(e) normalized margin > 0 [(A4)]" : o.name();
      double[] steps = o.name().startsWith("(A2)") ? AsymptoticRun.changes(r.snapshots, Snapshot::direction)
          : o.name().startsWith("(A3)") ? AsymptoticRun.changes(r.snapshots, Snapshot::lossDirection) : null;
      ps.add(new Part(name, steps == null ? (o.observed() ? Verdict.HOLDS : Verdict.VIOLATED) : becomesConstant(o, steps),
          o.detail()));
    }
    AsymptoticClaim.Judged p2 = Proposition2.judgeWith(r, 1);
    ps.add(new Part("Fig. 3/9 (a), (b): Proposition 2", p2.verdict(), p2.detail()));
    AsymptoticClaim.Judged t2 = theorem2(r, p, false);
    ps.add(new Part("Fig. 3/9 (c)-(e): Theorem 2 quantity approximately same", t2.verdict(), t2.detail()));
    return ps;
  }

  /**
   * "(c), (d) become constant eventually" on a run to e^-300: it holds where the assumption's
   * observation accepts it (last step at most {@link Assumptions#DIRECTION_STEP_MAX} and not above
   * the first), and fails only by the shared limit rule {@link Spread#failsAtDepth}: a last step
   * beyond three times that bound that cannot come down to it. Between the two it is undecided. The
   * observation alone is a premise test, not a failure rule: read as one it made a loss vector whose
   * steps were [0.0008, 0.72, 0.05, 0.008] (a plateau at e^-100, a switch, then settling) VIOLATED
   * (soak seeds 11, 18, 27, 29, 32).
   */
  static Verdict becomesConstant(Assumptions.Observed o, double[] steps) {
    return o.observed() ? Verdict.HOLDS : Spread.failsAtDepth(steps, Assumptions.DIRECTION_STEP_MAX) ? Verdict.VIOLATED
        : Verdict.INCONCLUSIVE;
  }

  /**
   * The Theorem 2 spread; {@link Spread#judge} compares e^-300 with the middle level e^-200, the
   * first of the three the captions plot. swapped: the other parameterization's quantity.
   */
  static AsymptoticClaim.Judged theorem2(AsymptoticRun r, Parameterization p, boolean swapped) {
    boolean ewnForm = (p == Parameterization.EWN) != swapped;
    String what = ewnForm ? "log(||w_u|| ||grad_u L||)" : "log(||w_u|| / ||grad_u L||)";
    return swapped ? Spread.judgeMutation(r, r.supportedNodes(), ewnForm ? Theorem2::product : Theorem2::ratio, what)
        : Spread.judge(r, r.supportedNodes(), ewnForm ? Theorem2::product : Theorem2::ratio, what);
  }

  static List<AsymptoticClaim.Mutation> mutations(Parameterization p) {
    return List.of(
        new AsymptoticClaim.Mutation("(b) all 9 weights keep growing (no sparsity)", r -> {
          int n = r.supportedNodes().size();
          return AsymptoticClaim.Judged.of(n == NODES, n < NODES, "growing " + r.supportedNodes());
        }),
        new AsymptoticClaim.Mutation("(c)-(e) with the other normalization's quantity ("
            + (p == Parameterization.EWN ? "log ||grad_u L|| - log ||w_u||" : "log ||w_u|| + log ||grad_u L||")
            + ") approximately same", r -> theorem2(r, p, true)),
        new AsymptoticClaim.Mutation("(b) w_u(t) converges in the direction of +grad_{w_u} L", r -> Proposition2
            .judgeWith(r, -1)));
  }
}
