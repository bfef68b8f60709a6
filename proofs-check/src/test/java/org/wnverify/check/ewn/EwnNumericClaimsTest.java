package org.wnverify.check.ewn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

/** Each numeric EWN claim holds as printed (or is a reported finding) and its controls are rejected. */
class EwnNumericClaimsTest {
  static Map<String, ClaimOutcome> run(String prefix) {
    return run(EwnClaims.numeric(), prefix);
  }

  /** The claims of {@code claims} whose id starts with prefix, checked on seed 1 at QUICK. */
  static Map<String, ClaimOutcome> run(java.util.List<Claim> claims, String prefix) {
    Map<String, ClaimOutcome> out = new TreeMap<>();
    for (Claim c : claims) {
      if (c.id().toString().startsWith(prefix)) {
        out.put(c.id().toString(), c.check(CheckContext.of(1, 2)));
      }
    }
    assertThat(out).isNotEmpty();
    return out;
  }

  static void assertHoldsWithRejectedControls(ClaimOutcome o) {
    assertThat(o.verdict()).as(o.id() + ": " + o.summary() + " " + o.evidence()).isEqualTo(Verdict.HOLDS);
    // The project's power rule: at least one control rejected, none accepted; a control no sampled
    // instance can tell apart from the statement is listed as undecided.
    assertThat(o.negativeControls()).as(o.id() + " has a rejected control").anyMatch(NegativeControl::rejected);
    for (NegativeControl c : o.negativeControls()) {
      assertThat(c.rejected() || c.verdict() == Verdict.INCONCLUSIVE)
          .as(o.id() + " control " + c.mutation() + ": " + c.detail()).isTrue();
    }
  }

  @Test
  void theorem2() {
    run("ewn/theorem-2").values().forEach(EwnNumericClaimsTest::assertHoldsWithRejectedControls);
  }

  @Test
  void limitStatementsOfSection4() {
    for (String p : new String[] {"ewn/proposition-1", "ewn/proposition-2", "ewn/lemma-1", "ewn/lemma-2", "ewn/appendix-h"}) {
      run(p).values().forEach(EwnNumericClaimsTest::assertHoldsWithRejectedControls);
    }
  }

  @Test
  void appendixCLemmas() {
    for (String p : new String[] {"ewn/lemma-3", "ewn/lemma-4", "ewn/lemma-5", "ewn/lemma-6"}) {
      run(p).values().forEach(EwnNumericClaimsTest::assertHoldsWithRejectedControls);
    }
  }

  @Test
  void theorem3TellsTheExponentApart() {
    ClaimOutcome o = run("ewn/theorem-3").get("ewn/theorem-3");
    assertHoldsWithRejectedControls(o);
  }

  @Test
  void simpleTraj() {
    ClaimOutcome o = run("ewn/simple-traj").get("ewn/simple-traj");
    assertHoldsWithRejectedControls(o);
  }

  @Test
  void theorem1Numeric() {
    run("ewn/theorem-1#numeric").values().forEach(EwnNumericClaimsTest::assertHoldsWithRejectedControls);
  }
}
