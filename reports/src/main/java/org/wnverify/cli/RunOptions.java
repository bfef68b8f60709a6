package org.wnverify.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by {@code audit} and {@code check}. */
final class RunOptions {
  @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
      description = "Seed of every random choice; the same seed gives the same report (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--samples", paramLabel = "K", defaultValue = "6",
      description = "Random instances per sampled claim, corners included (1..10000, default: ${DEFAULT-VALUE}).")
  int samples;

  /** Where {@code audit} writes unless told otherwise. */
  static final Path AUDIT_OUT = Path.of("reports", "latest");
  /** Where {@code check} writes unless told otherwise: apart, so a check never overwrites the audit. */
  static final Path CHECK_OUT = Path.of("reports", "check");

  @Option(names = "--out", paramLabel = "DIR",
      description = "Directory for report.json, report.md and counterexamples/ (default: reports/latest for "
          + "audit, reports/check for check). Stale counterexamples in it are removed first.")
  Path out;

  @Option(names = "--instance", paramLabel = "FILE",
      description = "Check this one instance (JSON, format in the README) instead of sampling.")
  Path instance;

  @Option(names = "--save-instances", paramLabel = "DIR",
      description = "Also write every sampled instance to DIR, replayable with --instance.")
  Path saveInstances;

  @Option(names = "--threads", paramLabel = "T",
      description = "Claims checked in parallel (default: the number of cores). Results do not depend on it.")
  Integer threads;

  /** Default claim budget in the QUICK profile: every claim of the default audit fits easily. */
  static final double QUICK_BUDGET_SECONDS = 300;
  /** Default claim budget in the PAPER profile: a paper-size figure takes up to ~520 s idle, ~1140 s loaded. */
  static final double PAPER_BUDGET_SECONDS = 3600;

  @Option(names = "--budget", paramLabel = "SECONDS",
      description = "Time budget of one claim; a claim over it is INCONCLUSIVE "
          + "(default: 300 s, or 3600 s with --profile paper).")
  Double budget;

  @Option(names = "--profile", paramLabel = "P", defaultValue = "QUICK",
      description = "Experiment size of chou/figure-*: QUICK (N=60, 3 trials: curves in seconds, verdict "
          + "INCONCLUSIVE 'reduced size') or PAPER (N=1000, 10 trials as printed: the verdicts; about 20 min "
          + "for all five figures on two cores). Case-insensitive (default: ${DEFAULT-VALUE}).")
  org.wnverify.check.CheckContext.Profile profile;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines on stderr.")
  boolean quiet;

  /** Fills in the command's default --out and validates every option. */
  void validate(String command) {
    if (out == null) {
      out = "check".equals(command) ? CHECK_OUT : AUDIT_OUT;
    }
    validate();
  }

  void validate() {
    if (out != null && out.toString().isBlank()) {
      throw new UsageException("--out must name a directory, got an empty string");
    }
    if (samples < 1 || samples > 10_000) {
      throw new UsageException("--samples must be between 1 and 10000, got " + samples);
    }
    if (threads != null && (threads < 1 || threads > 256)) {
      throw new UsageException("--threads must be between 1 and 256, got " + threads);
    }
    if (budget != null && (!(budget > 0) || budget > 86_400)) {
      throw new UsageException("--budget must be between 0 and 86400 seconds, got " + budget);
    }
  }

  /** Creates the directory if needed and proves it writable, without touching existing files. */
  static void requireWritableDirectory(Path dir, String option) {
    if (dir.toString().isBlank()) {
      throw new UsageException(option + " must name a directory, got an empty string");
    }
    try {
      java.nio.file.Files.createDirectories(dir);
      Path probe = java.nio.file.Files.createTempFile(dir, ".wnverify-probe", ".tmp");
      java.nio.file.Files.delete(probe);
    } catch (java.io.IOException | SecurityException e) {
      throw new UsageException(option + " " + dir + ": cannot write there (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
  }

  /** The claim budget: as given, else the profile's default. */
  double budgetSeconds() {
    if (budget != null) {
      return budget;
    }
    return profile == org.wnverify.check.CheckContext.Profile.PAPER ? PAPER_BUDGET_SECONDS : QUICK_BUDGET_SECONDS;
  }

  int threadCount() {
    return threads != null ? threads : Runtime.getRuntime().availableProcessors();
  }
}
