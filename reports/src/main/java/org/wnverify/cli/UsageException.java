package org.wnverify.cli;

/** A usage or input problem: printed as one line, exit status 2, no stack trace. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
