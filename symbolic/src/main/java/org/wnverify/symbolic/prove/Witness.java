package org.wnverify.symbolic.prove;

import java.util.Map;

/**
 * A point where a defect is not zero.
 *
 * @param component which component of the defect (e.g. "d/du2") is non-zero
 * @param point exact rational values of the free symbols, in the problem's variable order
 * @param exactValue the defect's exact value there (Symja input form)
 * @param approxValue the same, numerically
 */
public record Witness(String component, Map<String, String> point, String exactValue, double approxValue) {
  public Witness {
    point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
  }

  @Override
  public String toString() {
    return component + " = " + exactValue + " ~ " + approxValue + " at " + point;
  }
}
