package org.wnverify.check;

/** Thrown by {@link CheckContext#checkpoint()}; the runner turns it into INCONCLUSIVE. */
public final class CheckAbortedException extends RuntimeException {
  public CheckAbortedException(String reason) {
    super(reason);
  }
}
