package org.wnverify.check.wu;

import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;

/** The verdict rule the Appendix F figures share: only the paper's size judges, and only if every run finished. */
final class FigureVerdict {
  private FigureVerdict() {}

  /**
   * @param reduced the run was below the paper's size (QUICK profile)
   * @param size this run's size; @param paper the paper's size (for the INCONCLUSIVE reason)
   * @param unfinished runs that hit the iteration cap
   * @param holds every quantitative sentence held; @param text the measured sentences
   */
  static void decide(ClaimOutcome.Builder out, boolean reduced, Object size, Object paper, int unfinished, boolean holds,
      String text) {
    if (reduced) {
      out.verdict(Verdict.INCONCLUSIVE, org.wnverify.check.ReducedSize.PREFIX + size + "; the paper: " + paper + "): " + text
          + "; only --profile paper judges the paper's experiment");
    } else if (unfinished > 0) {
      out.verdict(Verdict.INCONCLUSIVE, unfinished + " run(s) hit the iteration cap: " + text);
    } else {
      out.verdict(holds ? Verdict.HOLDS : Verdict.VIOLATED, text);
    }
  }
}
