package org.wnverify.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.wnverify.check.ClaimId;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.derive.DerivationRenderer;
import org.wnverify.symbolic.derive.IdentityReport;
import org.wnverify.symbolic.derive.SymbolicIdentities;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "derive", mixinStandardHelpOptions = true,
    header = "Prints the symbolic derivation of an identity claim (objects, steps, defect, verdict, controls).",
    description = {
      "Prints the symbolic derivation of an identity claim: the objects and equations of its smallest case as",
      "Symja derives them, the steps, the simplified defect, the verdict with the dimensions it covers, and the",
      "negative controls with their witnesses. --latex prints the same as a LaTeX snippet (amsmath).",
      "Example: wnverify derive chou/lemma-3.8#proof --latex > lemma38.tex"
    },
    footer = {"", "Exit status: 0 PROVED or CONFIRMED_AT_POINTS with every control refuted; 1 otherwise;",
        "2 for an unknown id or an id without a derivation."})
final class DeriveCommand implements Callable<Integer> {
  @Parameters(arity = "1", paramLabel = "ID", description = "An identity claim id, e.g. chou/lemma-3.8#proof.")
  String id;

  @Option(names = "--latex", description = "Print a LaTeX snippet (align* blocks, amsmath) instead of plain text.")
  boolean latex;

  @Override
  public Integer call() {
    Optional<SymbolicIdentities.Entry> entry = SymbolicIdentities.entry(id);
    if (entry.isEmpty()) {
      throw new UsageException(reason(id));
    }
    SymbolicEngine engine = SymbolicEngine.shared();
    IdentityReport report = entry.get().report(engine);
    System.out.print(latex ? DerivationRenderer.latex(report, engine) : DerivationRenderer.text(report, engine));
    System.out.flush();
    boolean controlsRejected = report.controls().stream()
        .allMatch(c -> c.proof().verdict() == org.wnverify.symbolic.prove.IdentityVerdict.REFUTED);
    return report.proof().holds() && controlsRejected && !report.controls().isEmpty() ? ExitCodes.PASSED
        : ExitCodes.FAILED;
  }

  /** One line saying why an id has no derivation. */
  static String reason(String id) {
    String known = String.join(", ", SymbolicIdentities.catalogue().stream().map(SymbolicIdentities.Entry::id).toList());
    ClaimId parsed;
    try {
      parsed = ClaimId.parse(id);
    } catch (IllegalArgumentException e) {
      return "unknown claim id '" + id + "' (derivations exist for: " + known + ")";
    }
    boolean exists;
    try {
      ClaimCatalogue.standard().get(parsed);
      exists = true;
    } catch (IllegalArgumentException e) {
      exists = false;
    }
    return exists
        ? "claim " + id + " has no symbolic derivation (it is checked numerically; derivations exist for: " + known + ")"
        : "unknown claim id '" + id + "' (derivations exist for: " + known + ")";
  }
}
