package org.wnverify.symbolic;

/** Failure of a symbolic computation, with a {@link SymbolicError} code. */
public final class SymbolicException extends RuntimeException {
  private final SymbolicError code;

  public SymbolicException(SymbolicError code, String message) {
    super(code + ": " + message);
    this.code = code;
  }

  public SymbolicException(SymbolicError code, String message, Throwable cause) {
    super(code + ": " + message, cause);
    this.code = code;
  }

  public SymbolicError code() {
    return code;
  }
}
