package org.wnverify.numeric.problem;

/**
 * An instance that cannot be used: wrong dimensions, non-finite entries, a violated precondition.
 * Carries the offending field so that the command line can name it in a one-line message.
 */
public final class InvalidInstanceException extends IllegalArgumentException {
  private final String field;

  public InvalidInstanceException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
