package org.wnverify.symbolic.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityVerdict;

/** Issue 20, EWN appendix: the symbolic steps prove (or, the findings, refute) and every control is refuted. */
class EwnProofStepsTest {
  @Test
  void everyEwnStepHasItsVerdictAndEveryControlIsRefuted() {
    try (SymbolicEngine engine = SymbolicEngine.create()) {
      for (StepSpec s : EwnProofSteps.specs()) {
        long t0 = System.nanoTime();
        IdentityReport r = SymbolicIdentities.report(s.id, engine);
        System.out.printf("EWNSTEP %-34s %-20s %5.2fs %s%n", s.id, r.proof().verdict(), (System.nanoTime() - t0) / 1e9,
            r.controls().stream().map(c -> c.proof().verdict().toString()).toList());
        assertThat(r.proof().verdict()).as(s.id + " " + r.proof().defect())
            .isEqualTo(s.finding ? IdentityVerdict.REFUTED : IdentityVerdict.PROVED);
        assertThat(r.controls()).as(s.id).hasSizeGreaterThanOrEqualTo(2)
            .allSatisfy(c -> assertThat(c.proof().verdict()).as(s.id + " control " + c.mutation()).isEqualTo(IdentityVerdict.REFUTED));
      }
    }
  }
}
