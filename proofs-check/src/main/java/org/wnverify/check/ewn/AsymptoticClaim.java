package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.problem.Counterexamples;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.check.problem.Sample;
import org.wnverify.check.problem.SampledClaim;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.network.DescentSchedule;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * A limit statement of Section 4 checked on GD runs of Lin-Sep problems to e^-300 (the paper's
 * Figures 2, 3, 8, 9): for each sampled problem and parameterization, (A1)-(A5) are observed on
 * the run (instances where they are not are reported and not judged), then the statement and its
 * mutations are judged on the same snapshots.
 */
abstract class AsymptoticClaim extends SampledClaim<NetworkInstance> {
  /** Loss levels of the snapshots; the paper's figures end at e^-300. */
  static final double[] LEVELS = {-100, -150, -200, -250, -300};
  /** Loss levels of the flow path, which can go much deeper at no cost in step size. */
  static final double[] FLOW_LEVELS = {-500, -1000, -2000, -5000, -10000};
  /** The Lin-Sep schedule (App. L.1, c = 29/30 in the authors' code, k(0) = cap = 0.01). */
  static final DescentSchedule LIN_SEP = DescentSchedule.authors(0.01, 0.01, 29.0 / 30.0);
  /** Hidden neurons of the Lin-Sep net (8 in the paper). */
  static final int HIDDEN = 8;
  /**
   * Problems judged in the default audit (the rest of --samples are listed, not run: each costs a
   * GD run of ~12k steps for SWN); under --profile paper all samples are judged.
   */
  static final int QUICK_PROBLEMS = 2;
  /** Shrink attempts for a failing problem (each reruns GD to e^-300). */
  static final int SHRINK_BUDGET = 4;

  /** A verdict on one run with its numbers. */
  record Judged(Verdict verdict, String detail) {
    static Judged of(boolean holds, boolean violated, String detail) {
      return new Judged(holds ? Verdict.HOLDS : violated ? Verdict.VIOLATED : Verdict.INCONCLUSIVE, detail);
    }
  }

  /**
   * A mutated statement judged on the same run. {@code undecidable} is null, or the proof that no
   * instance meeting the hypotheses can decide it (its premise is never met there), which the
   * report and selftest then state instead of leaving an unexplained undecided control.
   */
  record Mutation(String name, Function<AsymptoticRun, Judged> judge, String undecidable) {
    Mutation(String name, Function<AsymptoticRun, Judged> judge) {
      this(name, judge, null);
    }
  }

  private final LossFunction loss;

  AsymptoticClaim(String id, String location, String statement, ClaimKind kind, LossFunction loss) {
    super(ClaimId.parse(id), location, statement, kind);
    this.loss = loss;
  }

  /** The loss of the statement (exponential, or cross-entropy for App. H). */
  LossFunction loss() {
    return loss;
  }

  @Override
  public ProblemFamily<NetworkInstance> problem() {
    return EwnNetworkFamily.INSTANCE;
  }

  @Override
  public List<? extends Hypothesis<NetworkInstance>> hypotheses() {
    String name = loss == LossFunction.EXPONENTIAL ? "(L1) exponential loss" : "(L1') cross-entropy loss";
    return List.of(
        Hypothesis.of(name, i -> i.loss() == loss ? null : "the instance's loss is " + i.loss()),
        Hypothesis.of("binary labels y_i in {-1, +1} (the margins y_i Phi of (A4))",
            i -> i.data().isBinary() ? null : i.data().classes() + " classes"),
        Hypothesis.of("a net with trainable nodes of fan-in >= 1 and nonzero w_u(0) (||v_u(0)|| = 1 exists)", i -> null));
  }

  /** The Lin-Sep draws, on one stream shared by the family's claims so they judge the same runs. */
  @Override
  protected java.util.function.Supplier<Sample<NetworkInstance>> sampler(CheckContext ctx) {
    List<NetworkSampler.Sample> list = NetworkSampler.linSep(ctx.random(ClaimId.parse("ewn/lin-sep")), 64, HIDDEN,
        loss);
    java.util.Iterator<NetworkSampler.Sample> it = list.iterator();
    return () -> {
      NetworkSampler.Sample s = it.next();
      return new Sample<>(s.instance(), s.label());
    };
  }

  abstract List<Parameterization> parameterizations();

  /** The statement on a fresh run of another instance (shrinking), INCONCLUSIVE outside (A1)-(A5). */
  Judged judgeFresh(NetworkInstance inst, Parameterization p) {
    AsymptoticRun r = AsymptoticRun.of(inst, p, onFlowPath(p) ? null : schedule(p), onFlowPath(p) ? FLOW_LEVELS : LEVELS,
        null);
    List<Assumptions.Observed> obs = Assumptions.observe(r, assumesA5() && !onFlowPath(p));
    return Assumptions.allObserved(obs) ? judge(r) : new Judged(Verdict.INCONCLUSIVE, Assumptions.unobserved(obs));
  }

  abstract Judged judge(AsymptoticRun r);

  abstract List<Mutation> mutations();

  /** Whether the statement assumes (A5) (GD); Proposition 1 concludes it instead. */
  boolean assumesA5() {
    return true;
  }

  DescentSchedule schedule(Parameterization p) {
    return LIN_SEP;
  }

  /**
   * Whether the runs of p are the gradient-flow path (for statements that hold for flow and GD
   * alike). EWN's corrections at e^-300 are still large (the Theorem 2 spread is ~0.2 there), and
   * its flow path is cheap to follow to e^-10000; SWN's path is stiff in normalized time (the
   * tangential rate grows with gamma^2) and its GD runs are already close at e^-300.
   */
  boolean onFlowPath(Parameterization p) {
    return false;
  }

  /** One judged run: {@code judged} is null where (A1)-(A5) were not observed. */
  private record RunResult(AsymptoticRun run, Judged judged) {}

  /** Runs p on inst, observes the assumptions, judges the statement, and adds its row and note. */
  private RunResult runOne(CheckContext ctx, NetworkInstance inst, String sampleLabel, Parameterization p,
      List<List<Object>> rows, List<String> notes) {
    ctx.checkpoint();
    AsymptoticRun r = AsymptoticRun.of(inst, p, onFlowPath(p) ? null : schedule(p),
        onFlowPath(p) ? FLOW_LEVELS : LEVELS, () -> {
      ctx.checkpoint();
      return false;
    });
    List<Assumptions.Observed> obs = Assumptions.observe(r, assumesA5() && !onFlowPath(p));
    String label = sampleLabel + ", " + p.label();
    if (!Assumptions.allObserved(obs)) {
      notes.add(label + ": not judged, " + Assumptions.unobserved(obs) + " [" + r.describe() + "]");
      rows.add(List.of(label, r.run.last().step(), "assumptions not observed", "-"));
      return new RunResult(r, null);
    }
    Judged j = judge(r);
    notes.add(label + ": " + j.verdict() + ", " + j.detail() + " [" + r.describe() + "; "
        + Assumptions.summary(obs) + "]");
    rows.add(List.of(label, r.run.last().step(), j.verdict().name(), j.detail()));
    return new RunResult(r, j);
  }

  private static void count(Map<String, int[]> tally, Mutation m, AsymptoticRun r) {
    Judged mj = m.judge().apply(r);
    tally.computeIfAbsent(m.name(), k -> new int[3])[
        mj.verdict() == Verdict.VIOLATED ? 0 : mj.verdict() == Verdict.HOLDS ? 1 : 2]++;
  }

  @Override
  protected void checkSamples(CheckContext ctx, List<Sample<NetworkInstance>> all, ClaimOutcome.Builder out) {
    List<Sample<NetworkInstance>> samples = EwnChecks.quick(ctx, all, QUICK_PROBLEMS, out);
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Map<String, int[]> tally = new LinkedHashMap<>();
    int holds = 0;
    int unobserved = 0;
    int undecided = 0;
    String violated = null;
    Sample<NetworkInstance> violatedSample = null;
    Parameterization violatedParam = null;
    for (Sample<NetworkInstance> s : samples) {
      for (Parameterization p : parameterizations()) {
        RunResult rr = runOne(ctx, s.instance(), s.label(), p, rows, notes);
        if (rr.judged() == null) {
          unobserved++;
          continue;
        }
        Judged j = rr.judged();
        switch (j.verdict()) {
          case HOLDS -> holds++;
          case VIOLATED -> {
            if (violated == null) {
              violated = s.label() + ", " + p.label() + ": " + j.detail();
              violatedSample = s;
              violatedParam = p;
            }
          }
          default -> undecided++;
        }
        for (Mutation m : mutations()) {
          count(tally, m, rr.run());
        }
      }
    }
    // Issue 19: a control no sample decided (on the Lin-Sep draws the supported norms are often
    // equal, and the forms k log ||w_u|| apart coincide) is decided on the dedicated instance of
    // DistinctNorms, on a run where the statement itself does not fail, as ErrorBound15 does for its
    // precondition. Controls proved undecidable within the hypotheses are left to their reason.
    Map<String, String> dedicated = new LinkedHashMap<>();
    List<Mutation> open = mutations().stream().filter(m -> m.undecidable() == null
        && decidedOn(tally.get(m.name())) == 0).toList();
    if (!open.isEmpty()) {
      NetworkInstance inst = DistinctNorms.instance(loss);
      for (Parameterization p : parameterizations()) {
        RunResult rr = runOne(ctx, inst, DistinctNorms.LABEL, p, rows, notes);
        // as on the samples: judged wherever the assumptions were observed (part 3 of Proposition 3 is
        // undecided on every run, its premise never met), but not where the statement itself fails
        String why = rr.judged() == null ? "its assumptions were not observed"
            : rr.judged().verdict() == Verdict.VIOLATED ? "the statement is VIOLATED on it" : null;
        if (rr.judged() != null && rr.judged().verdict() == Verdict.VIOLATED && violated == null) {
          violated = DistinctNorms.LABEL + ", " + p.label() + ": " + rr.judged().detail();
          violatedSample = new Sample<>(inst, DistinctNorms.LABEL);
          violatedParam = p;
        }
        for (Mutation m : open) {
          if (why == null) {
            count(tally, m, rr.run());
          }
          dedicated.merge(m.name(), why == null ? " (also judged on the " + DistinctNorms.LABEL + ", " + p.label()
              + ": no sample decided it)" : " (the " + DistinctNorms.LABEL + ", " + p.label()
              + " could not decide it: " + why + ")", String::concat);
        }
      }
    }
    String flow = parameterizations().stream().filter(this::onFlowPath).map(Parameterization::label)
        .collect(java.util.stream.Collectors.joining(", "));
    String gd = parameterizations().stream().filter(p -> !onFlowPath(p)).map(p -> p.label() + ": " + schedule(p))
        .collect(java.util.stream.Collectors.joining(", "));
    out.table(new EvidenceTable("per run (" + (flow.isEmpty() ? "" : flow + ": gradient-flow path, levels e^-500 .. "
        + "e^-10000" + (gd.isEmpty() ? "" : "; ")) + (gd.isEmpty() ? "" : "GD to e^-300, " + gd) + ")",
        List.of("problem", "steps", "verdict", "numbers"), rows));
    out.evidence("per run", notes);
    out.evidence("runs whose assumptions were not observed (not judged)", unobserved);
    Map<String, String> undecidable = new LinkedHashMap<>();
    for (Mutation m : mutations()) {
      int[] c = tally.getOrDefault(m.name(), new int[3]);
      var nc = EwnChecks.tallied(m.name(), c);
      String extra = dedicated.getOrDefault(m.name(), "");
      if (m.undecidable() != null && decidedOn(c) == 0) {
        undecidable.put(m.name(), m.undecidable());
        extra += "; no instance meeting the hypotheses can decide it: " + m.undecidable();
      }
      out.control(new org.wnverify.check.NegativeControl(nc.mutation(), nc.verdict(), nc.detail() + extra));
    }
    if (!undecidable.isEmpty()) {
      out.evidence(org.wnverify.check.UndecidableControls.EVIDENCE, undecidable);
    }
    if (violated != null) {
      Parameterization vp = violatedParam;
      var shrunk = Counterexamples.shrinkAndSave(ctx, this, "counterexample", violatedSample.instance(),
          c -> judgeFresh(c, vp).verdict() == Verdict.VIOLATED, c -> vp.label() + ": " + judgeFresh(c, vp).detail(),
          SHRINK_BUDGET);
      out.counterexample(shrunk.counterexample());
      out.verdict(Verdict.VIOLATED, "fails on " + violated);
    } else if (holds > 0 && undecided == 0) {
      out.verdict(Verdict.HOLDS, "holds on all " + holds + " run(s) whose assumptions were observed"
          + (unobserved > 0 ? " (" + unobserved + " run(s) not judged: assumptions not observed)" : ""));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, holds + " run(s) hold, " + undecided + " undecided, " + unobserved
          + " with assumptions not observed");
    }
  }

  /** Instances that rejected or accepted a control (tally {rejected, accepted, undecided}). */
  private static int decidedOn(int[] c) {
    return c == null ? 0 : c[0] + c[1];
  }
}
