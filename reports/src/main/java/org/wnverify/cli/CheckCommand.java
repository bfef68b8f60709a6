package org.wnverify.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.wnverify.check.catalogue.ClaimCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true,
    header = "Checks the named claims (ids or globs; an id includes its #sub-claims) and writes a report.",
    description = {
      "Checks the named claims (ids or globs; an id includes its #sub-claims) and writes the report.",
      "The report goes to reports/check/ unless --out says otherwise, so it never overwrites the audit's.",
      "Example: wnverify check chou/lemma-3.8 --seed 7"
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "ID", description = "Claim ids or globs, e.g. chou/lemma-3.8 'chou/*'.")
  List<String> ids;

  @Mixin
  RunOptions options;

  @Override
  public Integer call() {
    ClaimCatalogue catalogue = ClaimCatalogue.standard();
    return new AuditSession("check", ids, options, catalogue).run(Selection.select(catalogue, ids));
  }
}
