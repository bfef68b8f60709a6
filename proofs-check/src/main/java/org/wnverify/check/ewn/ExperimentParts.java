package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.Counterexample;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.numeric.network.NetworkInstance;

/**
 * The bookkeeping the figure experiments share: each run is judged part by part (one part per
 * sentence of a caption), the parts combine into the run's verdict, the runs into the claim's, and
 * each mutated statement is tallied over the same runs. A failing run is saved as the
 * counterexample: an experiment's setup (data, init, schedule) is the paper's, so it is not shrunk.
 */
final class ExperimentParts {
  /** One judged sentence of a caption on one run. */
  record Part(String name, Verdict verdict, String detail) {
    static Part of(String name, boolean holds, boolean violated, String detail) {
      return new Part(name, holds ? Verdict.HOLDS : violated ? Verdict.VIOLATED : Verdict.INCONCLUSIVE, detail);
    }
  }

  private final List<String> failures = new ArrayList<>();
  private final List<String> undecided = new ArrayList<>();
  private final java.util.Map<String, int[]> tally = new java.util.LinkedHashMap<>();
  private int held;
  private NetworkInstance failing;

  /** Records the parts of one run; returns the run's verdict. */
  Verdict run(String label, NetworkInstance inst, List<Part> parts) {
    boolean allHold = !parts.isEmpty();
    boolean anyFails = false;
    for (Part p : parts) {
      allHold &= p.verdict() == Verdict.HOLDS;
      if (p.verdict() == Verdict.VIOLATED) {
        anyFails = true;
        failures.add(label + ": " + p.name() + " (" + p.detail() + ")");
      } else if (p.verdict() != Verdict.HOLDS) {
        undecided.add(label + ": " + p.name() + " (" + p.detail() + ")");
      }
    }
    if (anyFails && failing == null) {
      failing = inst;
    }
    if (allHold) {
      held++;
    }
    return anyFails ? Verdict.VIOLATED : allHold ? Verdict.HOLDS : Verdict.INCONCLUSIVE;
  }

  /** Records a run that could not be judged (budget, assumptions not met). */
  void notJudged(String label, String why) {
    undecided.add(label + ": not judged, " + why);
  }

  /** Tallies a mutated statement's verdict on one run: {rejected, accepted, undecided}. */
  void control(String mutation, Verdict v) {
    tally.computeIfAbsent(mutation, k -> new int[3])[v.rejects() ? 0 : v == Verdict.HOLDS ? 1 : 2]++;
  }

  /** Whether some run so far rejected or accepted the mutation (not only left it undecided). */
  boolean decided(String mutation) {
    int[] c = tally.get(mutation);
    return c != null && c[0] + c[1] > 0;
  }

  List<NegativeControl> controls() {
    List<NegativeControl> out = new ArrayList<>();
    tally.forEach((m, c) -> out.add(EwnChecks.tallied(m, c)));
    return out;
  }

  Verdict verdict() {
    return !failures.isEmpty() ? Verdict.VIOLATED : held > 0 && undecided.isEmpty() ? Verdict.HOLDS
        : Verdict.INCONCLUSIVE;
  }

  String summary(String what) {
    if (!failures.isEmpty()) {
      return "fails: " + String.join("; ", failures);
    }
    if (undecided.isEmpty() && held > 0) {
      return what + " on all " + held + " run(s)";
    }
    return held + " run(s) hold, undecided: " + String.join("; ", undecided);
  }

  /** The first failing run's instance, saved for --instance replay; null if none failed. */
  Counterexample counterexample(CheckContext ctx, ClaimId id) {
    if (failing == null) {
      return null;
    }
    String path = ctx.store().saveCounterexample(id, "counterexample", failing).map(java.nio.file.Path::toString)
        .orElse(null);
    return new Counterexample(failures.get(0) + " (an experiment's setup: not shrunk)",
        InstanceFiles.toJson(EwnNetworkFamily.INSTANCE, failing), path);
  }

  static String fmt(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
