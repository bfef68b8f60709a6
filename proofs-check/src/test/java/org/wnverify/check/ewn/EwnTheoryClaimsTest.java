package org.wnverify.check.ewn;

import org.junit.jupiter.api.Test;

/** The issue-16 claims: each holds as printed (or is a reported finding), every control rejected. */
class EwnTheoryClaimsTest {
  @Test
  void theorem1ForGradientDescent() {
    EwnNumericClaimsTest.run("ewn/theorem-1#gd").values().forEach(EwnNumericClaimsTest::assertHoldsWithRejectedControls);
  }

  @Test
  void corollary1() {
    EwnNumericClaimsTest.assertHoldsWithRejectedControls(EwnNumericClaimsTest.run("ewn/corollary-1").get("ewn/corollary-1"));
  }
}
