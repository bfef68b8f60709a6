package org.wnverify.check.run;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which slice of an audit a run is: shard {@code index} of {@code count} (1-based, as typed in
 * {@code --shard K/N} and as Slurm numbers array tasks), out of {@code selected} claims in the
 * whole selection. Recorded in a shard's report so that {@code wnverify merge} can tell a complete
 * set of shards from a partial one.
 *
 * @param index K, 1..count
 * @param count N, the number of shards the audit was split into
 * @param selected claims in the whole (unsharded) selection
 */
public record Shard(int index, int count, int selected) {
  /** More shards than this is a typo, not a cluster (the catalogue has fewer than 100 claims). */
  public static final int MAX_COUNT = 10_000;

  private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

  public Shard {
    if (count < 1 || count > MAX_COUNT) {
      throw new IllegalArgumentException("the number of shards must be between 1 and " + MAX_COUNT + ", got " + count);
    }
    if (index < 1 || index > count) {
      throw new IllegalArgumentException("shard index must be between 1 and " + count + ", got " + index);
    }
    if (selected < 0) {
      throw new IllegalArgumentException("selected claims must be >= 0, got " + selected);
    }
  }

  /**
   * Parses {@code K/N}; {@code selected} is filled in once the selection is known.
   *
   * @throws IllegalArgumentException with the offending text
   */
  public static Shard parse(String text, int selected) {
    Matcher m = FORM.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("--shard takes K/N with 1 <= K <= N (e.g. 2/4), got '" + text + "'");
    }
    try {
      return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), selected);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--shard " + text + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
