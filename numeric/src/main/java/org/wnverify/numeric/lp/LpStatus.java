package org.wnverify.numeric.lp;

/** How a linear program ended. */
public enum LpStatus {
  OPTIMAL, INFEASIBLE, UNBOUNDED, FAILED
}
