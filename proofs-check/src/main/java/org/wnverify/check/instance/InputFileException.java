package org.wnverify.check.instance;

/**
 * A user-supplied file that cannot be used. The message is one line naming the file and, where
 * known, the field: the command line prints it as is and exits with status 2.
 */
public final class InputFileException extends Exception {
  public InputFileException(String file, String field, String problem) {
    super(file + (field == null ? "" : ": field '" + field + "'") + ": " + problem);
  }
}
