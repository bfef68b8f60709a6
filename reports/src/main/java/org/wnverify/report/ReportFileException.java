package org.wnverify.report;

/**
 * A report file (or a set of them) that cannot be used: missing, malformed, from another version
 * or an incomplete set of shards. The message is one line naming the file and the problem.
 */
public final class ReportFileException extends RuntimeException {
  public ReportFileException(String message) {
    super(message);
  }

  public ReportFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
