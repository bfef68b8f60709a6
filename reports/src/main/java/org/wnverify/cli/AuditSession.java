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
import org.wnverify.check.problem.ProblemFamilies;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.ProblemInstance;
import org.wnverify.report.ClaimInfo;
import org.wnverify.report.HtmlReport;
import org.wnverify.report.JsonReport;
import org.wnverify.report.MarkdownReport;
import org.wnverify.report.ReportWriter;

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

  AuditSession(String command, List<String> selection, RunOptions options, ClaimCatalogue catalogue) {
    this.command = command;
    this.selection = selection;
    this.options = options;
    this.catalogue = catalogue;
  }

  int run(List<Claim> claims) {
    options.validate(command);
    ProblemInstance instance = readInstance();
    if (instance != null) {
      requireUsable(instance, claims);
    }
    RunOptions.requireWritableDirectory(options.out, "--out");
    if (options.saveInstances != null) {
      RunOptions.requireWritableDirectory(options.saveInstances, "--save-instances");
    }
    try (OutLock lock = OutLock.acquire(options.out)) {
      return run(claims, instance);
    }
  }

  private int run(List<Claim> claims, ProblemInstance instance) {
    removeStaleCounterexamples(options.out.resolve("counterexamples"));
    InstanceStore store = new InstanceStore(options.saveInstances, options.out.resolve("counterexamples"));
    CheckContext context = new CheckContext(options.seed, options.samples, instance, store, Long.MAX_VALUE,
        options.profile);
    AuditSettings settings = new AuditSettings(command, selection, options.seed, options.samples,
        options.threadCount(), options.budgetSeconds(),
        options.instance == null ? null : options.instance.toString(), options.profile.name(),
        Version.VERSION);

    ClaimInfo info = new ClaimInfo(catalogue.all());
    ReportWriter writer = new ReportWriter(options.out, List.of(new JsonReport(info), new MarkdownReport(info), new HtmlReport(info)));
    ConsoleProgress progress = new ConsoleProgress(options.quiet ? null : System.err);
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
    return report.passed() ? ExitCodes.PASSED : ExitCodes.FAILED;
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
  private static void removeStaleCounterexamples(Path dir) {
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
