package org.wnverify.symbolic.derive;

import org.wnverify.symbolic.SymbolicEngine;

/** Manual probe: prints every report with timings (not a test). */
public final class TimingProbe {
  public static void main(String[] args) {
    SymbolicEngine e = SymbolicEngine.create();
    for (String which : args) {
      long t = System.nanoTime();
      IdentityReport r = switch (which) {
        case "grad" -> SymbolicIdentities.chouGradients(e);
        case "lemma" -> SymbolicIdentities.chouLemma38(e);
        case "ewn" -> SymbolicIdentities.ewnTheorem1Ewn(e);
        case "swn" -> SymbolicIdentities.ewnTheorem1Swn(e);
        default -> SymbolicIdentities.kernelTemplates(e);
      };
      System.out.printf("%s: %s in %.1fs dims=%s skipped=%s%n", r.id(), r.proof().verdict(), (System.nanoTime() - t) / 1e9,
          r.proof().dimensions(), r.skipped());
      r.proof().steps().forEach(s -> System.out.println("   " + s));
      r.controls().forEach(c -> System.out.println("  control " + c.mutation() + ": " + c.proof().verdict() + " " + c.proof().witness()));
    }
    e.close();
  }
}
