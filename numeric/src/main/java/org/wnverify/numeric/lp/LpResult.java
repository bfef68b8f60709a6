package org.wnverify.numeric.lp;

/**
 * Result of a linear program: status, optimal value and minimiser (NaN / null unless OPTIMAL).
 *
 * @param detail a message from the solver when not OPTIMAL
 */
public record LpResult(LpStatus status, double value, double[] point, String detail) {
  public boolean optimal() {
    return status == LpStatus.OPTIMAL;
  }

  static LpResult failed(LpStatus status, String detail) {
    return new LpResult(status, Double.NaN, null, detail);
  }
}
