package org.wnverify.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;
import org.wnverify.check.run.ShardPlan;

/**
 * Combines the reports of {@code audit --shard 1/N ... N/N} into the report the unsharded audit
 * writes: the same settings (threads aside), the whole selection as planned, every outcome, status
 * COMPLETE. Works on the report model only, so every format renders the merged report as it
 * renders any other.
 *
 * <p>Refuses, naming every problem, rather than produce a partial report: a shard missing or given
 * twice, shards from different runs (seed, samples, selection, profile, budget, instance,
 * version), a shard that was interrupted or did not finish, or one whose claims are not the slice
 * this version assigns to it.
 */
public final class ShardMerge {
  /** One shard report and where it came from (for messages). */
  public record Input(Path dir, AuditReport report) {}

  private ShardMerge() {}

  /**
   * @param select the claim ids a selection (the --only patterns) stands for, in run order
   * @param toolVersion this version: shards from another one are refused, because rendering uses
   *     this version's catalogue and shard assignment
   * @throws ReportFileException listing every problem found
   */
  public static AuditReport merge(List<Input> shards, Function<List<String>, List<String>> select, String toolVersion) {
    if (shards.isEmpty()) {
      throw new ReportFileException("no shard reports given");
    }
    List<String> problems = new ArrayList<>();
    List<Input> marked = new ArrayList<>();
    for (Input in : shards) {
      if (in.report().settings().shard() == null) {
        problems.add(in.dir() + " is not a shard report (it was not written by 'audit --shard K/N')");
      } else {
        marked.add(in);
      }
    }
    if (marked.isEmpty()) {
      throw new ReportFileException(String.join("; ", problems));
    }
    Input first = marked.get(0);
    AuditSettings s0 = first.report().settings();
    int count = s0.shard().count();
    for (Input in : marked.subList(1, marked.size())) {
      String d = differences(s0, in.report().settings());
      if (!d.isEmpty()) {
        problems.add(in.dir() + " is from another run than " + first.dir() + ": " + d);
      }
    }
    if (!toolVersion.equals(s0.toolVersion())) {
      problems.add(first.dir() + " was written by wnverify " + s0.toolVersion() + ", this is " + toolVersion
          + " (merge with the version that ran the shards)");
    }
    if (!"audit".equals(s0.command())) {
      problems.add(first.dir() + " is a '" + s0.command() + "' report; only audit runs are sharded");
    }
    Map<Integer, Input> byIndex = new TreeMap<>();
    for (Input in : marked) {
      int k = in.report().settings().shard().index();
      Input previous = byIndex.putIfAbsent(k, in);
      if (previous != null) {
        problems.add("shard " + k + "/" + count + " is given twice: " + previous.dir() + " and " + in.dir());
      }
    }
    List<String> missing = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      if (!byIndex.containsKey(k)) {
        missing.add(k + "/" + count);
      }
    }
    if (!missing.isEmpty()) {
      problems.add((missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing) + " missing");
    }
    for (Input in : byIndex.values()) {
      statusProblem(in).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new ReportFileException("cannot merge: " + String.join("; ", problems));
    }

    List<String> selected = select.apply(s0.selection());
    if (selected.size() != s0.shard().selected()) {
      throw new ReportFileException("cannot merge: the shards' selection held " + s0.shard().selected()
          + " claims, this version's catalogue gives " + selected.size() + " for " + s0.selection());
    }
    ShardPlan plan = ShardPlan.of(selected, count);
    List<ClaimOutcome> outcomes = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Input in : byIndex.values()) {
      int k = in.report().settings().shard().index();
      List<String> expected = plan.slice(selected, Function.identity(), k);
      if (!expected.equals(in.report().planned())) {
        problems.add(in.dir() + ": shard " + k + "/" + count + " ran " + in.report().planned()
            + " but this version assigns it " + expected);
        continue;
      }
      for (ClaimOutcome o : in.report().outcomes()) {
        if (!seen.add(o.id().toString())) {
          problems.add(in.dir() + ": " + o.id() + " appears twice");
        }
        outcomes.add(o);
      }
    }
    if (!problems.isEmpty()) {
      throw new ReportFileException("cannot merge: " + String.join("; ", problems));
    }
    outcomes.sort((a, b) -> a.id().compareTo(b.id()));
    AuditSettings merged = s0.withShard(null, byIndex.get(1).report().settings().threads());
    return new AuditReport(merged, selected, outcomes, AuditReport.Status.COMPLETE);
  }

  private static Optional<String> statusProblem(Input in) {
    AuditReport r = in.report();
    String which = "shard " + r.settings().shard() + " (" + in.dir() + ")";
    return switch (r.status()) {
      case RUNNING -> Optional.of(which + " did not finish (still running, or killed before it could record that): "
          + r.outcomes().size() + " of " + r.planned().size() + " claims done");
      case INTERRUPTED -> {
        List<String> unfinished = r.outcomes().stream().filter(o -> o.summary().startsWith("not finished: "))
            .map(o -> o.id().toString()).toList();
        yield Optional.of(which + " was interrupted" + (unfinished.isEmpty() ? "" : " before " + abbreviateList(unfinished)
            + " finished") + "; rerun that shard with the same options");
      }
      case COMPLETE -> {
        Set<String> done = new HashSet<>();
        r.outcomes().forEach(o -> done.add(o.id().toString()));
        List<String> missing = r.planned().stream().filter(id -> !done.contains(id)).toList();
        yield missing.isEmpty() && done.size() == r.planned().size()
            ? Optional.empty()
            : Optional.of(which + " is marked COMPLETE but its claims do not match its plan"
                + (missing.isEmpty() ? "" : " (missing: " + abbreviateList(missing) + ")"));
      }
    };
  }

  private static String abbreviateList(List<String> ids) {
    return ids.size() <= 5 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 5)) + " and " + (ids.size() - 5) + " more";
  }

  /** The settings that must agree between shards of one run, as "seed 3 vs 1, ..." (empty: none). */
  static String differences(AuditSettings a, AuditSettings b) {
    List<String> d = new ArrayList<>();
    diff(d, "command", a.command(), b.command());
    diff(d, "--only", a.selection(), b.selection());
    diff(d, "--seed", a.seed(), b.seed());
    diff(d, "--samples", a.samples(), b.samples());
    diff(d, "--budget", a.claimBudgetSeconds(), b.claimBudgetSeconds());
    diff(d, "--instance", a.instanceFile(), b.instanceFile());
    diff(d, "--profile", a.profile(), b.profile());
    diff(d, "version", a.toolVersion(), b.toolVersion());
    diff(d, "number of shards", a.shard().count(), b.shard().count());
    diff(d, "claims selected", a.shard().selected(), b.shard().selected());
    return String.join(", ", d);
  }

  private static void diff(List<String> out, String what, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(what + " " + b + " (not " + a + ")");
    }
  }
}
