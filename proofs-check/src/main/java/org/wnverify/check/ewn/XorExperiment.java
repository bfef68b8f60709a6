package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.wnverify.numeric.network.NetworkObjective;
import org.wnverify.numeric.network.Parameterization;

/**
 * The XOR experiment (Section 4.3, Figures 5 and 10; App. L.3): a 2-layer ReLU net with 20 hidden
 * neurons, second layer fixed to +-1 (the authors' code: first 10 +1, last 10 -1; the text says
 * "randomly"), no bias, trained by GD on the 4 XOR points to L = e^-50. Figure 5 plots each
 * neuron's norm against the steps, and a neuron is "used" when its norm keeps growing: as for the
 * limit claims ({@link AsymptoticRun#supportedNodes()}: ||w~_u|| > 0), its log-norm grows between
 * e^-25 and e^-50 by at least {@link AsymptoticRun#SUPPORT_GROWTH} of the growth of ||w||. (A first
 * reading, norm >= 0.5 x the largest at e^-50, from ewn.md 3.3, was dropped: on an Unnorm run
 * whose 20 norms all grew from ~0.5 to 4.5-18 it counted 4, misreading the figure.) The runs are
 * cheap, so both profiles use the paper's size; the paper profile judges every --samples init, the
 * default audit {@link #QUICK_INITS}.
 */
final class XorExperiment extends DescribedClaim {
  static final String LOCATION = "Morwani and Ramaswamy, Section 4.3 (004 lines 297-301), Figure 5 caption (lines "
      + "285-286), App. L.3 (lines 2246-2250), Figure 10 caption (lines 2324-2325)";
  static final int HIDDEN = 20;
  /** The paper's count for EWN ("exactly 4 neurons out of 20"), and the least that can fit XOR. */
  static final int EWN_USED = 4;
  /** The level at which growth starts to be measured: half of the run's log-loss, in log. */
  static final double MID_TARGET = -25;
  static final double LOG_TARGET = -50;
  /** App. L.3: k(0) = 0.01, cap 0.01 (EWN) / 0.1 (others); exponents from the code (EWN 0.8, others 14/15). */
  static final DescentSchedule EWN_SCHEDULE = DescentSchedule.authors(0.01, 0.01, 0.8);
  static final DescentSchedule OTHER_SCHEDULE = DescentSchedule.authors(0.01, 0.1, 14.0 / 15.0);
  static final int QUICK_INITS = 2;
  /** Ample: the authors' runs took 1481-2784 steps. */
  static final int MAX_STEPS = 200_000;
  static final Parameterization[] PARAMS = {Parameterization.EWN, Parameterization.SWN, Parameterization.UNNORM};

  XorExperiment() {
    super(ClaimId.parse("ewn/xor"), LOCATION, "XOR: \"we train a 2-layer ReLU network, with 20 hidden neurons on XOR"
        + " dataset (shown in Figure 5a). The second layer is fixed to the values 1 or -1 randomly. For attaining 100% "
        + "accuracy on this dataset with this architecture, at least 4 hidden units are needed. As can be seen in "
        + "Figure 5, EWN asymptotically uses exactly 4 neurons out of 20, while Unnorm uses all the 20 neurons. The "
        + "results for SWN have been deferred to Figure 10 in the appendix.\" Fig. 5: \"(b, c) Norm of the incoming "
        + "neuron weights for the EWN and unnormalized architectures.\" Fig. 10: \"(b), (c) and (d) demonstrate that "
        + "EWN weights grow sparsely when compared to Unnorm and SWN\" (GD to L = e^-50, App. L.3)", ClaimKind.EXPERIMENT);
  }

  static Dataset data() {
    return Dataset.binary(new double[][] {{1, 1}, {-1, -1}, {1, -1}, {-1, 1}}, new int[] {-1, -1, 1, 1});
  }

  static NetworkInstance instance(SplittableRandom r) {
    ArchitectureSpec a = ArchitectureSpec.xor(HIDDEN);
    return new NetworkInstance(a, data(), NetworkSampler.pytorchInit(r, a), LossFunction.EXPONENTIAL);
  }

  /** One trained net: its neurons' final norms and how the run ended. */
  record End(double[] norms, double[] midNorms, double growth, double[] theta, int steps, GradientDescent.Status status,
      String message) {
    /** Neurons whose log-norm grew from e^-25 to e^-50 by >= SUPPORT_GROWTH x that of ||w||. */
    int used() {
      int c = 0;
      for (int k = 0; k < norms.length; k++) {
        c += Math.log(norms[k] / midNorms[k]) >= AsymptoticRun.SUPPORT_GROWTH * growth ? 1 : 0;
      }
      return c;
    }

    String sorted(int top) {
      double[] s = norms.clone();
      Arrays.sort(s);
      StringBuilder b = new StringBuilder();
      for (int k = s.length - 1; k >= Math.max(0, s.length - top); k--) {
        b.append(b.length() == 0 ? "" : ", ").append(ExperimentParts.fmt("%.3g", s[k]));
      }
      return b.toString();
    }

    /** Each neuron's log-norm growth as a fraction of ||w||'s, largest first. */
    String growthShares() {
      double[] g = new double[norms.length];
      for (int k = 0; k < g.length; k++) {
        g[k] = Math.log(norms[k] / midNorms[k]) / growth;
      }
      Arrays.sort(g);
      StringBuilder b = new StringBuilder();
      for (int k = g.length - 1; k >= 0; k--) {
        b.append(b.length() == 0 ? "" : ", ").append(ExperimentParts.fmt("%.2f", g[k]));
      }
      return ExperimentParts.fmt("log ||w|| +%.3f; shares ", growth) + b;
    }

    double min() {
      return Arrays.stream(norms).min().orElse(0);
    }

    double max() {
      return Arrays.stream(norms).max().orElse(0);
    }
  }

  /** Levels of the continuation ("asymptotically"): growth is counted from e^-250 to e^-500. */
  static final double LATE_MID = -250;
  static final double LATE_TARGET = -500;
  /**
   * Steps the EWN continuation must take from e^-50 to e^-500 for its growth shares to be read:
   * usually 500 to 6000; soak seed 138's init 2 took 27 (log L moving by about 17 a step), shares
   * 2.00, 1.52, 0.37 across a few jumps, and "EWN uses 2" was reported as refuting the caption.
   */
  static final int MIN_LATE_STEPS = 100;

  /**
   * The continuation schedule: Lyu and Li's eta = k(t)/L (the step in log L stays O(k) however
   * small L is, so e^-500 is reached in thousands of steps; the printed eta = k/L^0.8 would need
   * ~e^40 times more), same k rule and caps as App. L.3. The gradient-flow path was tried first:
   * on this ReLU net the integrator stalls at activation kinks, which GD steps over.
   */
  static DescentSchedule lateSchedule(Parameterization p) {
    return DescentSchedule.authors(0.01, p == Parameterization.EWN ? 0.01 : 0.1, 1.0);
  }

  /** The same net continued by GD from its e^-50 iterate to e^-500. */
  static End continued(NetworkInstance inst, Parameterization p, double[] theta50, CheckContext ctx) {
    NetworkObjective obj = inst.objective(p);
    GradientDescent.Run r = GradientDescent.run(obj, theta50, lateSchedule(p), LATE_TARGET, MAX_STEPS, 1, () -> {
      ctx.checkpoint();
      return false;
    });
    return end(obj, r, LATE_MID);
  }

  static End end(NetworkObjective obj, GradientDescent.Run r, double midLevel) {
    double[] mid = r.recorded().stream().filter(it -> it.logLoss() <= midLevel).findFirst().orElse(r.last())
        .theta();
    double[] theta = r.last().theta();
    double[] n = new double[HIDDEN];
    double[] m = new double[HIDDEN];
    for (int k = 0; k < HIDDEN; k++) {
      n[k] = obj.net().nodeNorm(theta, k);
      m[k] = obj.net().nodeNorm(mid, k);
    }
    double growth = Math.log(org.wnverify.numeric.linalg.Vectors.norm(obj.net().weights(theta))
        / org.wnverify.numeric.linalg.Vectors.norm(obj.net().weights(mid)));
    return new End(n, m, growth, theta, r.last().step(), r.status(), r.message());
  }

  static End train(NetworkInstance inst, Parameterization p, CheckContext ctx) {
    NetworkObjective obj = inst.objective(p);
    GradientDescent.Run r = GradientDescent.run(obj, inst.initialParameters(p), p == Parameterization.EWN
        ? EWN_SCHEDULE : OTHER_SCHEDULE, LOG_TARGET, MAX_STEPS, 1, () -> {
          ctx.checkpoint();
          return false;
        });
    return end(obj, r, MID_TARGET);
  }

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), ctx.seedFor(id()));
    SplittableRandom rnd = ctx.random(id());
    int inits = ctx.profile() == CheckContext.Profile.PAPER ? Math.max(1, ctx.samples()) : QUICK_INITS;
    ExperimentParts parts = new ExperimentParts();
    List<List<Object>> rows = new ArrayList<>();
    for (int i = 0; i < inits; i++) {
      NetworkInstance inst = instance(rnd);
      End[] e = new End[PARAMS.length];
      for (int k = 0; k < PARAMS.length; k++) {
        ctx.checkpoint();
        e[k] = train(inst, PARAMS[k], ctx);
      }
      String label = "init " + (i + 1);
      List<String> unfinished = new ArrayList<>();
      // SWN enters only Figure 10's comparison: its run stalling (the accept/reject rule finds no
      // descent step at a ReLU kink) leaves that part undecided, not the EWN and Unnorm sentences.
      boolean swnReached = e[1].status() == GradientDescent.Status.REACHED_TARGET;
      for (int k = 0; k < PARAMS.length; k += 2) {
        if (e[k].status() != GradientDescent.Status.REACHED_TARGET) {
          unfinished.add(PARAMS[k].label() + ": " + e[k].message());
        }
      }
      if (unfinished.isEmpty()) {
        ctx.checkpoint();
        // "asymptotically": EWN and Unnorm continued to e^-500 (Figure 10's SWN is judged at e^-50).
        End ewnLate = continued(inst, Parameterization.EWN, e[0].theta(), ctx);
        ctx.checkpoint();
        End unnormLate = continued(inst, Parameterization.UNNORM, e[2].theta(), ctx);
        for (int k = 0; k < PARAMS.length; k++) {
          rows.add(row(label + ", " + PARAMS[k].label() + ", GD to e^-50", e[k]));
        }
        rows.add(row(label + ", EWN, GD on to e^-500 (eta = k/L)", ewnLate));
        rows.add(row(label + ", Unnorm, GD on to e^-500 (eta = k/L)", unnormLate));
        boolean lateOk = ewnLate.status() == GradientDescent.Status.REACHED_TARGET
            && unnormLate.status() == GradientDescent.Status.REACHED_TARGET;
        if (!lateOk) {
          parts.notJudged(label, "continuation did not reach e^-500: EWN " + ewnLate.message() + "; Unnorm "
              + unnormLate.message());
          continue;
        }
        // growth shares read across a handful of giant steps are no measurement of "keeps growing"
        boolean ewnLateFine = ewnLate.steps() >= MIN_LATE_STEPS;
        int ewn = ewnLate.used();
        int unnorm = unnormLate.used();
        int ewn50 = e[0].used();
        int swn50 = e[1].used();
        int unnorm50 = e[2].used();
        parts.run(label, inst, List.of(
            // More than 4 still growing at e^-500 does not refute a limit: Proposition 3 makes EWN's
            // equal-share pairs part only as a ratio that drifts with log ||w||, which a finite run
            // cannot follow to the end. Fewer than 4 cannot fit XOR, so it would refute it.
            Part.of("EWN asymptotically uses exactly 4 neurons out of 20", ewnLateFine && ewn == EWN_USED,
                ewnLateFine && ewn < EWN_USED, "EWN uses " + ewn + " from e^-250 to e^-500 (" + ewn50
                    + " from e^-25 to e^-50)" + (ewn > EWN_USED ? "; more than 4 still growing at e^-500: the limit is not "
                    + "reached" : "") + (ewnLateFine ? "" : "; the continuation took " + ewnLate.steps() + " steps from "
                    + "e^-50 to e^-500 (fewer than " + MIN_LATE_STEPS + "): its growth shares are not read")),
            Part.of("Unnorm uses all the 20 neurons", unnorm == HIDDEN && unnorm50 == HIDDEN,
                unnorm != HIDDEN || unnorm50 != HIDDEN, "Unnorm uses " + unnorm50 + " at e^-50, " + unnorm
                    + " from e^-250 to e^-500"),
            swnReached ? Part.of("Fig. 10: EWN grows sparsely compared to Unnorm and SWN", ewn50 < swn50
                && ewn50 < unnorm50, ewn50 >= swn50 || ewn50 >= unnorm50, "used at e^-50: EWN " + ewn50 + ", SWN "
                + swn50 + ", Unnorm " + unnorm50)
                : new Part("Fig. 10: EWN grows sparsely compared to Unnorm and SWN", Verdict.INCONCLUSIVE,
                    "SWN did not reach e^-50: " + e[1].message())));
        parts.control("EWN asymptotically uses all the 20 neurons", judged(ewn == HIDDEN));
        parts.control("Unnorm uses exactly 4 neurons", judged(unnorm == EWN_USED));
        parts.control("EWN asymptotically uses exactly 3 neurons (fewer than XOR needs)", judged(ewn == EWN_USED - 1));
        if (swnReached) {
          parts.control("Fig. 10 reversed: SWN grows more sparsely than EWN", judged(swn50 < ewn50));
        }
      } else {
        for (int k = 0; k < PARAMS.length; k++) {
          rows.add(row(label + ", " + PARAMS[k].label() + ", GD to e^-50", e[k]));
        }
        parts.notJudged(label, "e^-50 not reached: " + String.join("; ", unfinished));
      }
    }
    out.table(new EvidenceTable("XOR runs: GD to e^-50 (EWN " + EWN_SCHEDULE + "; SWN, Unnorm " + OTHER_SCHEDULE
        + "), then GD with eta = k(t)/L on to e^-500; used = log-norm growth over the last half of the run's "
        + "log-loss (e^-25 -> e^-50, e^-250 -> e^-500) >= " + AsymptoticRun.SUPPORT_GROWTH + " x that of ||w||", List.of("run",
        "steps", "neurons used", "largest 6 final norms", "norm range", "per-neuron log-norm growth / that of ||w||"),
        rows));
    out.table(new EvidenceTable("paper | authors' log | wnverify", List.of("quantity", "paper", "authors' log",
        "wnverify"), List.of(
        List.of("EWN neurons used", "exactly 4 of 20 (Fig. 5b)", "4: norms 32.4, 27.8, 32.9, 35.7; next 5.4, 3.0; rest < 1.5",
            "see the runs table"),
        List.of("Unnorm neurons used", "all 20 (Fig. 5c)", "20: norms in [5.7, 9.6]", "see the runs table"),
        List.of("SWN neurons used", "more than EWN (Fig. 10d)", "17 in [5.2, 13.4], 3 near 0", "see the runs table"),
        List.of("steps to e^-50", "not printed", "EWN 2784, SWN 1481, Unnorm 1616", "see the runs table"))));
    out.evidence("second layer", "first 10 neurons +1, last 10 -1 (the authors' code; the text says \"randomly\")");
    out.evidence("loss", "exponential (the theory's (L1)); the authors' code starts with the logistic loss");
    parts.controls().forEach(out::control);
    out.counterexample(parts.counterexample(ctx, id()));
    out.verdict(parts.verdict(), parts.summary("EWN uses exactly 4 of 20 neurons, Unnorm all 20, SWN more than EWN"));
    return out.build();
  }

  static List<Object> row(String label, End e) {
    return List.of(label, e.steps(), e.used(), e.sorted(6), ExperimentParts.fmt("%.3g .. %.3g", e.min(), e.max()),
        e.growthShares());
  }

  /** A mutated statement's verdict on one run: it holds or it is rejected. */
  private static Verdict judged(boolean holds) {
    return holds ? Verdict.HOLDS : Verdict.VIOLATED;
  }
}
