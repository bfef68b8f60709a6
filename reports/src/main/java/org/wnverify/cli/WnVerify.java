package org.wnverify.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code wnverify audit | list | check}. Exit status 0 when nothing came out
 * VIOLATED, REFUTED or INCONCLUSIVE, 1 otherwise, 2 for a usage or input error.
 */
@Command(
    name = "wnverify",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Audits the theorems of three papers on weight-normalized gradient flows:",
      "derives and proves the identities with Symja, integrates the flows, checks",
      "every stated invariant, rate and bound on seeded instances that satisfy the",
      "printed hypotheses, and writes report.md, index.html, report.json and junit.xml.",
      "",
      "Verdicts: PROVED, CONFIRMED_AT_POINTS or REFUTED for symbolic evidence;",
      "HOLDS, VIOLATED (with a replayable counterexample) or INCONCLUSIVE (with",
      "the reason) for numeric evidence. Every claim also runs a negative control,",
      "a wrong version the same check must reject; if it survives, the claim is",
      "INCONCLUSIVE: a check that cannot say no proves nothing.",
    },
    subcommands = {AuditCommand.class, CheckCommand.class, ListCommand.class, SelftestCommand.class, SoakCommand.class,
        DeriveCommand.class, BaselineCommand.class, MergeCommand.class, SlurmCommand.class,
        CommandLine.HelpCommand.class},
    footer = {
      "",
      "Examples:",
      "  wnverify audit                          all claims, report in reports/latest/",
      "  wnverify check chou/lemma-3.8 --seed 7  one claim and its #sub-claims",
      "  wnverify check 'chou/theorem-2.2*' --instance my.json",
      "  wnverify list                           the claim catalogue",
      "  wnverify baseline                       expected verdicts for audit --baseline (CI)",
      "",
      "Exit status: 0 all passed; 1 something VIOLATED, REFUTED or INCONCLUSIVE;",
      "2 usage or input error (one line naming the file and field).",
    })
public final class WnVerify implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    // Library logging (Log4j 2, SLF4J) is routed to a no-op backend by the dependencies (see the
    // parent pom), so stderr carries only wnverify's own lines.
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit status (tests call this). */
  public static int execute(String... args) {
    CommandLine cl = new CommandLine(new WnVerify()).setUsageHelpWidth(100).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new InputErrorHandler());
    cl.setParameterExceptionHandler((ex, a) -> {
      ex.getCommandLine().getErr().println("wnverify: " + ex.getMessage()
          + " (see 'wnverify " + ex.getCommandLine().getCommandName() + " --help')");
      return ExitCodes.USAGE;
    });
    return cl.execute(args);
  }
}
