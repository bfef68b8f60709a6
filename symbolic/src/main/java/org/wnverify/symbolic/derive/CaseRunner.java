package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wnverify.symbolic.SymbolicError;
import org.wnverify.symbolic.SymbolicException;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.IdentityProver;

/**
 * Runs the dimension cases of one identity, smallest first. A case that exceeds its time budget
 * is dropped and listed as skipped, so a slow large dimension shrinks the coverage (reported)
 * instead of stalling the audit. The first case that ran is kept for display.
 */
final class CaseRunner {
  private final IdentityProver prover;
  private final List<IdentityProof> done = new ArrayList<>();
  private final List<String> skipped = new ArrayList<>();
  private Display display;

  CaseRunner(IdentityProver prover) {
    this.prover = prover;
  }

  void run(Case c) {
    if (run(c.problem()) && display == null) {
      display = c.display();
    }
  }

  boolean run(IdentityProblem p) {
    try {
      done.add(prover.prove(p));
      return true;
    } catch (SymbolicException e) {
      if (e.code() != SymbolicError.TIMEOUT) {
        throw e;
      }
      skipped.add(p.dimensions() + " (time budget exceeded)");
      return false;
    }
  }

  IdentityProof combined(String name) {
    return IdentityProof.combine(name, done);
  }

  List<String> skipped() {
    return skipped;
  }

  Optional<Display> display() {
    return Optional.ofNullable(display);
  }
}
