package org.wnverify.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.instance.InputFileException;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditRunner;
import org.wnverify.check.run.AuditSettings;
import org.wnverify.check.run.Shard;
import org.wnverify.check.run.ShardPlan;
import org.wnverify.check.problem.ProblemFamilies;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.ProblemInstance;
import org.wnverify.report.Baseline;
import org.wnverify.report.BaselineComparison;
import org.wnverify.report.ClaimInfo;
import org.wnverify.report.ReportContext;
import org.wnverify.report.ReportWriter;
import org.wnverify.report.StandardFormats;

/**
 * One run of {@code audit} or {@code check}: validates every input before anything runs (so a bad
 * file costs nothing and damages nothing), runs the claims, keeps the report on disk current, and
 * on SIGINT/SIGTERM records the unfinished claims as INCONCLUSIVE before the JVM exits.
 */
final class AuditSession {
  private final String command;
  private final List<String> selection;
  private final RunOptions options;
  private final ClaimCatalogue catalogue;
  /** {@code --shard K/N} as typed, or null for the whole selection. */
  private String shardSpec;

  AuditSession(String command, List<String> selection, RunOptions options, ClaimCatalogue catalogue) {
    this.command = command;
    this.selection = selection;
    this.options = options;
    this.catalogue = catalogue;
  }

  /** Runs only shard K of N of the selection ({@code audit --shard K/N}); null: all of it. */
  AuditSession shard(String spec) {
    this.shardSpec = spec;
    return this;
  }

  int run(List<Claim> selected) {
    options.validate(command);
    ProblemInstance instance = readInstance();
    Baseline baseline = readBaseline();
    if (instance != null) {
      // Judged on the whole selection, so that every shard of a run accepts or rejects it alike.
      requireUsable(instance, selected);
    }
    Shard shard = null;
    List<Claim> claims = selected;
    if (shardSpec != null) {
      try {
        shard = Shard.parse(shardSpec, selected.size());
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      List<String> ids = selected.stream().map(c -> c.id().toString()).toList();
      claims = ShardPlan.of(ids, shard.count()).slice(selected, c -> c.id().toString(), shard.index());
    }
    RunOptions.requireWritableDirectory(options.out, "--out");
    if (options.saveInstances != null) {
      RunOptions.requireWritableDirectory(options.saveInstances, "--save-instances");
    }
    try (OutLock lock = OutLock.acquire(options.out)) {
      return run(claims, instance, baseline, shard);
    }
  }

  private int run(List<Claim> claims, ProblemInstance instance, Baseline baseline, Shard shard) {
    removeStaleCounterexamples(options.out.resolve("counterexamples"));
    InstanceStore store = new InstanceStore(options.saveInstances, options.out.resolve("counterexamples"));
    CheckContext context = new CheckContext(options.seed, options.samples, instance, store, Long.MAX_VALUE,
        options.profile);
    AuditSettings settings = new AuditSettings(command, selection, options.seed, options.samples,
        options.threadCount(), options.budgetSeconds(),
        options.instance == null ? null : options.instance.toString(), options.profile.name(),
        Version.VERSION, shard);

    ClaimInfo info = new ClaimInfo(catalogue.all());
    ReportContext rc = new ReportContext(info, baseline, options.baseline == null ? null : options.baseline.toString());
    ReportWriter writer = StandardFormats.writer(options.out, rc);
    ConsoleProgress progress = ConsoleProgress.forTerminal(options.quiet).ticking();
    AuditRunner runner = new AuditRunner(options.threadCount(), options.budgetSeconds());

    AtomicBoolean finished = new AtomicBoolean();
    Thread hook = new Thread(() -> {
      if (!finished.get()) {
        runner.abort("interrupted by a signal");
        System.err.println("wnverify: interrupted; the report in " + options.out + " holds every claim finished so far");
      }
    }, "wnverify-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    AuditReport report = runner.run(claims, context, settings, new Listeners(writer, progress));
    finished.set(true);
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is already exiting; the hook has done its work.
    }
    System.out.println(progress.summary(report, options.out));
    if (shard != null) {
      System.out.println("shard " + shard + ": " + claims.size() + " of the " + shard.selected()
          + " selected claims; 'wnverify merge' combines the " + shard.count() + " shard reports");
    }
    java.util.Optional<BaselineComparison> cmp = rc.comparison(report);
    if (cmp.isEmpty()) {
      return report.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
    }
    System.out.println(baselineSummary(cmp.get()));
    boolean complete = report.status() == AuditReport.Status.COMPLETE;
    return complete && !cmp.get().failing() ? ExitCodes.PASSED : ExitCodes.FAILED;
  }

  /** What changed against the baseline, one line per change, failing ones first. */
  static String baselineSummary(BaselineComparison c) {
    StringBuilder sb = new StringBuilder("baseline ").append(c.baselineName()).append(": ");
    List<BaselineComparison.Change> failing = c.failingChanges();
    sb.append(failing.isEmpty() ? "no failing change" : failing.size() + " failing change" + (failing.size() == 1 ? "" : "s"))
        .append(" (").append(c.baseline().claims().size()).append(" claims expected, ").append(c.baseline().findings())
        .append(" known findings)");
    for (BaselineComparison.Change ch : failing) {
      sb.append(System.lineSeparator()).append("  ! ").append(ch.describe());
    }
    for (BaselineComparison.Change ch : c.changes()) {
      if (!ch.kind().failing()) {
        sb.append(System.lineSeparator()).append("  ~ ").append(ch.describe());
      }
    }
    for (String w : c.warnings()) {
      sb.append(System.lineSeparator()).append("  note: ").append(w);
    }
    return sb.toString();
  }

  private Baseline readBaseline() {
    if (options.baseline == null) {
      return null;
    }
    try {
      return Baseline.read(options.baseline);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--baseline " + e.getMessage());
    }
  }

  private ProblemInstance readInstance() {
    if (options.instance == null) {
      return null;
    }
    try {
      return InstanceFiles.read(options.instance);
    } catch (InputFileException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * An instance is an input error when no selected claim can use it: none is checked on instances
   * of its family (symbolic identities and experiments use none), or it misses a printed hypothesis
   * of every one that is (e.g. u0 > 0, S+ non-empty). Claims whose hypotheses it misses while
   * others can use it come out INCONCLUSIVE, naming the hypothesis.
   */
  private void requireUsable(ProblemInstance instance, List<Claim> claims) {
    ProblemFamily<?> family = ProblemFamilies.of(instance);
    List<Claim> users = claims.stream().filter(c -> c.family().filter(f -> f == family).isPresent()).toList();
    if (users.isEmpty()) {
      List<String> used = claims.stream().flatMap(c -> c.family().stream()).map(ProblemFamily::name)
          .distinct().sorted().toList();
      throw new UsageException(options.instance + ": a " + family.name() + " instance, but none of the selected "
          + "claims is checked on that family (" + (used.isEmpty()
              ? "they are symbolic identities or experiments, which ignore --instance"
              : "they check: " + String.join(", ", used)) + ")");
    }
    String firstReason = null;
    for (Claim c : users) {
      java.util.Optional<String> unmet = c.unmetHypothesis(instance);
      if (unmet.isEmpty()) {
        return;
      }
      if (firstReason == null) {
        firstReason = c.id() + ": " + unmet.get();
      }
    }
    throw new UsageException(options.instance + ": the instance meets the hypotheses of none of the "
        + users.size() + " selected claim(s) that use " + family.name() + " instances; e.g. " + firstReason);
  }

  /**
   * A report directory holds the counterexamples of its own run only: files left by an earlier run
   * would sit beside the new report as if it had found them. Only instance files are removed.
   */
  static void removeStaleCounterexamples(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UsageException("--out " + dir.getParent() + ": cannot clear old counterexamples (" + e.getMessage() + ")");
    }
  }
}
