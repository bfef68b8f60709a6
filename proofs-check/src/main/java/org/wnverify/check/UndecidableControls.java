package org.wnverify.check;

import java.util.Map;

/**
 * Controls that no instance meeting a claim's printed hypotheses can decide, with the reason (a
 * proof that the mutation's premise is never met there, so the mutation is as vacuously true as
 * the statement). They are listed in the claim's evidence under {@link #EVIDENCE}; selftest says
 * so in one line instead of counting them as a failure of the checker's power. A control the
 * check accepted (SURVIVED) or rejected is reported as usual whatever this list says.
 */
public final class UndecidableControls {
  /** Evidence key: a map mutation name -> why no instance within the hypotheses decides it. */
  public static final String EVIDENCE = "controls no instance meeting the hypotheses can decide (premise proved unsatisfiable)";

  private UndecidableControls() {}

  /** The reason recorded for {@code mutation} in {@code o}'s evidence, or null. */
  public static String reason(ClaimOutcome o, String mutation) {
    Object m = o.evidence().get(EVIDENCE);
    if (m instanceof Map<?, ?> map && map.get(mutation) != null) {
      return map.get(mutation).toString();
    }
    return null;
  }
}
