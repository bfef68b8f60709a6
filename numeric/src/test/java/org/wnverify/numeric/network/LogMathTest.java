package org.wnverify.numeric.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The log-domain helpers against direct formulas where those are exact, and at the extremes where they are not. */
class LogMathTest {
  @Test
  void logAddExpIsTheLogOfTheSum() {
    assertThat(LogMath.logAddExp(Math.log(2), Math.log(3))).isCloseTo(Math.log(5), within(1e-15));
    assertThat(LogMath.logAddExp(Math.log(3), Math.log(2))).isCloseTo(Math.log(5), within(1e-15));
    assertThat(LogMath.logAddExp(-1000, -1000)).isCloseTo(-1000 + Math.log(2), within(1e-12));
    assertThat(LogMath.logAddExp(-1000, -1e300)).isEqualTo(-1000);
    assertThat(LogMath.logAddExp(Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY)).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(LogMath.logAddExp(Double.NEGATIVE_INFINITY, 2)).isEqualTo(2);
  }

  @Test
  void softplusWithoutOverflowOrLostDigits() {
    assertThat(LogMath.softplus(0)).isCloseTo(Math.log(2), within(1e-15));
    assertThat(LogMath.softplus(2)).isCloseTo(Math.log1p(Math.exp(2)), within(1e-14));
    assertThat(LogMath.softplus(-2)).isCloseTo(Math.log1p(Math.exp(-2)), within(1e-16));
    assertThat(LogMath.softplus(1000)).isEqualTo(1000);
    assertThat(LogMath.softplus(-50)).isCloseTo(Math.exp(-50), within(1e-30));
  }

  @Test
  void logSoftplusAtE300AndE1000() {
    assertThat(LogMath.logSoftplus(1)).isCloseTo(Math.log(Math.log1p(Math.E)), within(1e-15));
    assertThat(LogMath.logSoftplus(-29)).isCloseTo(Math.log(Math.log1p(Math.exp(-29))), within(1e-12));
    // log(log(1 + e^s)) = s + log(1 - e^s/2 + ...): s itself to rounding once e^s is tiny
    assertThat(LogMath.logSoftplus(-31)).isCloseTo(-31 - Math.exp(-31) / 2, within(1e-13));
    assertThat(LogMath.logSoftplus(-300)).isEqualTo(-300);
    assertThat(LogMath.logSoftplus(-1000)).isEqualTo(-1000);
  }
}
