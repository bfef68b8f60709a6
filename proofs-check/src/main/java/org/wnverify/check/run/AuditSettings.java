package org.wnverify.check.run;

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
    String toolVersion) {
  public AuditSettings {
    selection = List.copyOf(selection);
  }
}
