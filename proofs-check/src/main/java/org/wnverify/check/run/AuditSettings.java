package org.wnverify.check.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The settings of a run, recorded in every report so that a reader can rerun it.
 *
 * @param command the command line verb (audit, check)
 * @param selection the claim patterns selected (empty: all)
 * @param seed the run seed
 * @param samples instances per sampled claim
 * @param threads worker threads
 * @param claimBudgetSeconds time budget of one claim
 * @param instanceFile the --instance file, or null
 * @param profile experiment size (QUICK or PAPER)
 * @param toolVersion version of wnverify
 * @param shard which slice of the selection this run is ({@code audit --shard K/N}), or null for a
 *     whole run; left out of report.json when null, so an unsharded report is unchanged
 */
public record AuditSettings(
    String command,
    List<String> selection,
    long seed,
    int samples,
    int threads,
    double claimBudgetSeconds,
    String instanceFile,
    String profile,
    String toolVersion,
    @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard) {
  public AuditSettings {
    selection = List.copyOf(selection);
  }

  /** The settings of a whole (unsharded) run. */
  public AuditSettings(String command, List<String> selection, long seed, int samples, int threads,
      double claimBudgetSeconds, String instanceFile, String profile, String toolVersion) {
    this(command, selection, seed, samples, threads, claimBudgetSeconds, instanceFile, profile, toolVersion, null);
  }

  /** The same settings for another shard (null: the whole run) and thread count. */
  public AuditSettings withShard(Shard s, int threadCount) {
    return new AuditSettings(command, selection, seed, samples, threadCount, claimBudgetSeconds, instanceFile, profile,
        toolVersion, s);
  }
}
