package org.wnverify.cli;

import java.io.UncheckedIOException;
import org.wnverify.check.instance.InputFileException;
import picocli.CommandLine;

/**
 * Turns input problems into one-line messages with exit status 2. Anything else is a bug in
 * wnverify: its stack trace is printed because the user cannot fix it, and the status is 1.
 */
final class InputErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    if (ex instanceof UsageException || ex instanceof InputFileException || ex instanceof UncheckedIOException) {
      cl.getErr().println("wnverify: " + ex.getMessage());
      return ExitCodes.USAGE;
    }
    cl.getErr().println("wnverify: internal error (please report): " + ex);
    ex.printStackTrace(cl.getErr());
    return ExitCodes.FAILED;
  }
}
