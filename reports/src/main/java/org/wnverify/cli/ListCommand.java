package org.wnverify.cli;

import java.util.concurrent.Callable;
import org.wnverify.check.Claim;
import org.wnverify.check.catalogue.ClaimCatalogue;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Lists the claim catalogue: id, kind of evidence and where the claim is printed.")
final class ListCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    for (Claim c : ClaimCatalogue.standard().all()) {
      System.out.printf("%-40s %-10s %s%n", c.id(), c.kind().label(), c.location());
    }
    return ExitCodes.PASSED;
  }
}
