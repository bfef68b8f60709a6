package org.wnverify.check.wu;

import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;

/** Prints outcomes of selected claims (run by hand: -Dtest=WuProbe -Dwu.probe=ID). */
class WuProbe {
  @Test
  void probe() {
    String want = System.getProperty("wu.probe");
    if (want == null) {
      return;
    }
    for (Claim c : new WuClaims().claims()) {
      if (!c.id().toString().startsWith(want)) {
        continue;
      }
      long t0 = System.nanoTime();
      ClaimOutcome o = c.check(CheckContext.of(1, 6));
      System.out.println("=== " + c.id() + " " + o.verdict() + " (" + (System.nanoTime() - t0) / 1e9 + " s): " + o.summary());
      o.evidence().forEach((k, v) -> System.out.println("  " + k + " = " + v));
      o.tables().forEach(t -> {
        System.out.println("  table " + t.title() + " " + t.columns());
        t.rows().forEach(r -> System.out.println("    " + r));
      });
      o.negativeControls().forEach(n -> System.out.println("  control " + n.verdict() + " " + n.mutation() + ": " + n.detail()));
      if (o.counterexample() != null) {
        System.out.println("  counterexample " + o.counterexample().description());
      }
    }
  }
}
