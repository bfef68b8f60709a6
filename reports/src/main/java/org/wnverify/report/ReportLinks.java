package org.wnverify.report;

import java.util.Optional;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;

/**
 * Names that tie the report files together: the per-claim file of an id, the corrected variant of
 * a printed statement, and the command that replays a claim's evidence.
 */
public final class ReportLinks {
  /** Directory (under the report directory) of the per-claim Markdown files. */
  public static final String CLAIMS_DIR = "claims";

  private ReportLinks() {}

  /**
   * File name stem of a claim: {@code chou/theorem-2.2#rho-at-least-1} becomes
   * {@code chou_theorem-2.2_rho-at-least-1}, as for counterexample files. Unambiguous, because ids
   * use only letters, digits, '.' and '-' inside their parts.
   */
  public static String stem(ClaimId id) {
    return id.toString().replace('/', '_').replace('#', '_');
  }

  /** Path of the claim's Markdown file relative to the report directory. */
  public static String claimFile(ClaimId id) {
    return CLAIMS_DIR + "/" + stem(id) + ".md";
  }

  /** Whether the id names a separately stated corrected variant ({@code #corrected}, {@code #...-corrected}). */
  public static boolean isCorrectedVariant(ClaimId id) {
    return id.sub() != null && (id.sub().equals("corrected") || id.sub().endsWith("-corrected"));
  }

  /** The id its corrected variant would have: {@code X#corrected} or {@code X#sub-corrected}. */
  public static ClaimId correctedVariantOf(ClaimId id) {
    return id.sub() == null ? id.sub("corrected") : id.sub(id.sub() + "-corrected");
  }

  /** The printed statement a corrected variant corrects, if the id is one. */
  public static Optional<ClaimId> printedOf(ClaimId id) {
    if (!isCorrectedVariant(id)) {
      return Optional.empty();
    }
    String sub = id.sub();
    return Optional.of(sub.equals("corrected") ? id.parent() : id.sub(sub.substring(0, sub.length() - "-corrected".length())));
  }

  /**
   * The command that reproduces a claim's evidence: the saved counterexample replayed with
   * {@code --instance}, {@code derive} for a symbolic claim, else a {@code check} with the seed.
   */
  public static String replayCommand(ClaimOutcome o, long runSeed, int samples) {
    String id = quote(o.id().toString());
    if (o.counterexample() != null && o.counterexample().savedTo() != null) {
      return "./wnverify check " + id + " --instance " + o.counterexample().savedTo();
    }
    if (o.verdict() == Verdict.PROVED || o.verdict() == Verdict.REFUTED || o.verdict() == Verdict.CONFIRMED_AT_POINTS) {
      return "./wnverify derive " + id;
    }
    return "./wnverify check " + id + " --seed " + runSeed + " --samples " + samples;
  }

  /** Single quotes where the shell would otherwise expand or split (ids with '#' or '*'). */
  static String quote(String s) {
    return s.matches("[A-Za-z0-9._/\\-]+") ? s : "'" + s + "'";
  }
}
