package org.wnverify.cli;

import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.check.run.AuditListener;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditRunner;
import org.wnverify.check.run.AuditSettings;

/** Claim selection and the quiet in-memory runs shared by the commands. */
final class Selection {
  /** Budget of one claim in selftest and soak runs, as in the default audit. */
  private static final double CLAIM_BUDGET_SECONDS = 300;

  private Selection() {}

  /** All claims when {@code patterns} is empty, else the matching ones; a pattern matching nothing is a usage error. */
  static List<Claim> select(ClaimCatalogue catalogue, List<String> patterns) {
    try {
      return patterns.isEmpty() ? catalogue.all() : catalogue.select(patterns);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** Runs the claims on all cores with the QUICK profile, writing nothing. */
  static AuditReport runQuietly(String command, List<String> only, List<Claim> claims, long seed, int samples) {
    return run(command, only, claims, seed, samples, new AuditListener() {});
  }

  /**
   * As {@link #runQuietly}, with one progress line per finished claim on stderr when stderr is a
   * terminal (a minute of silence looks like a hang there); quiet in CI and in pipes.
   */
  static AuditReport runWithTerminalProgress(String command, List<String> only, List<Claim> claims, long seed,
      int samples) {
    return run(command, only, claims, seed, samples, new ConsoleProgress(System.console() != null ? System.err : null));
  }

  private static AuditReport run(String command, List<String> only, List<Claim> claims, long seed, int samples,
      AuditListener listener) {
    int threads = Runtime.getRuntime().availableProcessors();
    AuditSettings settings = new AuditSettings(command, only, seed, samples, threads, CLAIM_BUDGET_SECONDS, null,
        CheckContext.Profile.QUICK.name(), Version.VERSION);
    CheckContext ctx = new CheckContext(seed, samples, null, InstanceStore.none(), Long.MAX_VALUE,
        CheckContext.Profile.QUICK);
    return new AuditRunner(threads, CLAIM_BUDGET_SECONDS).run(claims, ctx, settings, listener);
  }
}
