package org.wnverify.check;

/**
 * An experiment run below the paper's size (the QUICK profile) is INCONCLUSIVE whatever it shows:
 * the printed sentences describe the paper's sizes, which a smaller run does not meet, so it can
 * neither confirm a sentence nor refute it. Its summary starts with {@link #PREFIX}; the selftest
 * reads it to move such an experiment's controls to --profile paper (a mutated sentence accepted at
 * the reduced size is no more a judgement than the printed one rejected there).
 */
public final class ReducedSize {
  /** How the summary of a reduced-size experiment begins, followed by its size and the paper's. */
  public static final String PREFIX = "reduced size (";

  private ReducedSize() {}

  /** Whether the outcome is a reduced-size experiment's, judged at the paper's size only. */
  public static boolean judgedOnlyAtPaperSize(ClaimOutcome o) {
    return o.verdict() == Verdict.INCONCLUSIVE && o.summary().startsWith(PREFIX);
  }
}
