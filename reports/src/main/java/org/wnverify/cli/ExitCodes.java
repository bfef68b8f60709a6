package org.wnverify.cli;

/** The exit statuses the README promises. */
final class ExitCodes {
  static final int PASSED = 0;
  static final int FAILED = 1;
  static final int USAGE = 2;

  private ExitCodes() {}
}
