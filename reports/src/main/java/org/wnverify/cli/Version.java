package org.wnverify.cli;

import picocli.CommandLine;

/** Version string shown by --version and recorded in reports. */
public final class Version implements CommandLine.IVersionProvider {
  public static final String VERSION = "0.1.0";

  @Override
  public String[] getVersion() {
    return new String[] {"wnverify " + VERSION};
  }
}
