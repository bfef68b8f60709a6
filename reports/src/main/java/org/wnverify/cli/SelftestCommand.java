package org.wnverify.cli;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.run.AuditReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The checker's power, measured: runs every claim and reports, for each, the wrong versions
 * (negative controls) its check was given and whether it rejected them. A surviving mutation is
 * either true in disguise (the claim's code must say why) or a weakness of the check.
 */
@Command(name = "selftest", mixinStandardHelpOptions = true,
    header = "Measures the checker's power: every claim's wrong versions must be rejected by its own check.",
    description = {
      "Measures the checker's power: every claim's mutated versions (wrong exponent, sign,",
      "constant, dropped factor) must be rejected by the same check. Exit 0 if all are.",
      "UNDECIDED: the check could not decide the mutation on this seed (it is INCONCLUSIVE,",
      "and so is the claim); SURVIVED: the check passed a wrong statement."
    })
final class SelftestCommand implements Callable<Integer> {
  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--samples", defaultValue = "6",
      description = "Instances per claim, as in the default audit (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--only", split = ",", paramLabel = "GLOB", description = "Restrict to these claims.")
  List<String> only = List.of();

  @Override
  public Integer call() {
    if (samples < 1 || samples > 10_000) {
      throw new UsageException("--samples must be between 1 and 10000, got " + samples);
    }
    List<Claim> claims = Selection.select(ClaimCatalogue.standard(), only);
    AuditReport report = Selection.runWithTerminalProgress("selftest", only, claims, seed, samples);
    int total = 0;
    int rejected = 0;
    int undecided = 0;
    int claimsWithout = 0;
    for (ClaimOutcome o : report.outcomes()) {
      if (o.negativeControls().isEmpty()) {
        claimsWithout++;
        System.out.printf(Locale.ROOT, "%-44s (no negative control: %s)%n", o.id(), o.summary());
      }
      for (NegativeControl c : o.negativeControls()) {
        total++;
        rejected += c.rejected() ? 1 : 0;
        // An INCONCLUSIVE control is one the check could not decide on this seed (e.g. a figure's
        // trend that one trial reverses); it is told apart from a mutation the check passed.
        boolean open = !c.rejected() && c.verdict() == Verdict.INCONCLUSIVE;
        undecided += open ? 1 : 0;
        System.out.printf(Locale.ROOT, "%-44s %-9s %s%n", o.id(),
            c.rejected() ? "rejected" : open ? "UNDECIDED" : "SURVIVED", c.mutation());
      }
    }
    System.out.printf(Locale.ROOT, "%d of %d mutations rejected, %d undecided (INCONCLUSIVE on this seed), %d survived; "
        + "%d claims without a control%n", rejected, total, undecided, total - rejected - undecided, claimsWithout);
    return rejected == total && claimsWithout == 0 ? ExitCodes.PASSED : ExitCodes.FAILED;
  }
}
