package org.wnverify.symbolic;

/** Error codes of the symbolic module; tests assert on these, not on message text. */
public enum SymbolicError {
  /** A Symja call exceeded its per-call timeout and was asked to stop. */
  TIMEOUT,
  /** The calling thread was interrupted while waiting for the Symja thread. */
  INTERRUPTED,
  /** Symja threw, or returned a result of an unexpected shape. */
  EVALUATION_FAILED,
  /** A node the strict printer or converter does not support (e.g. a float, a complex number). */
  UNSUPPORTED_EXPRESSION,
  /** The engine was closed. */
  CLOSED
}
