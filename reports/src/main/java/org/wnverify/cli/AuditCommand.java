package org.wnverify.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.wnverify.check.catalogue.ClaimCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {
      "Checks every claim in the catalogue and writes report.md, index.html, report.json and junit.xml.",
      "The report on disk is rewritten after each claim, so an interrupted run keeps what it finished."
    })
final class AuditCommand implements Callable<Integer> {
  @Mixin
  RunOptions options;

  @Option(names = "--only", paramLabel = "GLOB", split = ",",
      description = "Restrict the audit to claims matching these ids or globs, e.g. --only 'chou/figure-*'.")
  List<String> only = List.of();

  @Option(names = "--shard", paramLabel = "K/N",
      description = {"Run only shard K of N (1 <= K <= N) of the selected claims, for a cluster or a CI matrix;",
          "'wnverify merge' combines the N shard reports into the report of the whole audit. Every claim",
          "gives the same result whatever N (its random stream depends only on --seed and its id)."})
  String shard;

  @Override
  public Integer call() {
    ClaimCatalogue catalogue = ClaimCatalogue.standard();
    return new AuditSession("audit", only, options, catalogue).shard(shard).run(Selection.select(catalogue, only));
  }
}
