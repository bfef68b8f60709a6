package org.wnverify.check;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identity of a claim: {@code <paper>/<kind>-<number>}, optionally {@code #<sub-claim>}, e.g.
 * {@code chou/lemma-3.8} or {@code chou/theorem-2.2#rho-at-least-1}. Ids are what users type,
 * what reports key on, and what {@code wnverify check} matches; display text lives elsewhere.
 */
public record ClaimId(String paper, String item, String sub) implements Comparable<ClaimId> {
  private static final Pattern FORM =
      Pattern.compile("(chou|wu|ewn)/([a-z][a-z0-9.\\-]*)(?:#([a-z0-9.\\-]+))?");

  public ClaimId {
    Objects.requireNonNull(paper, "paper");
    Objects.requireNonNull(item, "item");
  }

  /** Parses an id, throwing {@link IllegalArgumentException} with the offending text. */
  public static ClaimId parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a claim id: '" + text + "' (expected <chou|wu|ewn>/<kind>-<number>[#sub])");
    }
    return new ClaimId(m.group(1), m.group(2), m.group(3));
  }

  /** The id without its sub-claim part. */
  public ClaimId parent() {
    return new ClaimId(paper, item, null);
  }

  /** A sub-claim of this id. */
  public ClaimId sub(String name) {
    return new ClaimId(paper, item, name);
  }

  /** Glob match as on the command line: {@code *} matches any run of characters. */
  public boolean matches(String glob) {
    String regex = Pattern.quote(glob).replace("*", "\\E.*\\Q");
    return toString().matches(regex) || parent().toString().matches(regex);
  }

  @Override
  public int compareTo(ClaimId o) {
    return toString().compareTo(o.toString());
  }

  @Override
  public String toString() {
    return paper + "/" + item + (sub == null ? "" : "#" + sub);
  }
}
