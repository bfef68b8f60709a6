package org.wnverify.symbolic.derive;

import java.util.List;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityVerdict;

/**
 * Manual probe (not a test): proves the named catalogue entries (or all) on a fresh engine without
 * a proof cache and prints verdicts, dimensions, controls and timings. Add "-v" for the steps.
 */
public final class TimingProbe {
  public static void main(String[] args) {
    boolean verbose = List.of(args).contains("-v");
    SymbolicEngine e = SymbolicEngine.create();
    long start = System.nanoTime();
    for (SymbolicIdentities.Entry entry : SymbolicIdentities.catalogue()) {
      if (args.length > 0 && !List.of(args).contains(entry.id()) && !List.of(args).contains("all")) {
        continue;
      }
      long t = System.nanoTime();
      IdentityReport r = entry.report(e);
      System.out.printf("%-40s %-20s %5.1fs  %s%n", r.id(), r.proof().verdict(), (System.nanoTime() - t) / 1e9,
          r.proof().dimensions().replaceAll(" \\([^)]*\\)", ""));
      if (!r.skipped().isEmpty()) {
        System.out.println("     skipped: " + r.skipped());
      }
      if (verbose || r.proof().verdict() != IdentityVerdict.PROVED) {
        r.proof().witness().ifPresent(w -> System.out.println("     witness: " + w));
        r.proof().steps().stream().filter(s -> verbose || !s.contains("= 0")).limit(verbose ? 1000 : 12)
            .forEach(s -> System.out.println("       " + s));
      }
      r.controls().forEach(c -> System.out.println("   control " + c.proof().verdict() + ": " + c.mutation()
          + (c.proof().verdict() == IdentityVerdict.REFUTED ? "" : "  <-- NOT REFUTED " + c.proof().steps())));
    }
    System.out.printf("total %.1fs%n", (System.nanoTime() - start) / 1e9);
    e.close();
    System.exit(0);
  }
}
