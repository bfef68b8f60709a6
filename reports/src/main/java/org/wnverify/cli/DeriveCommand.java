package org.wnverify.cli;

import java.util.List;
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
      "Formulas are LaTeX math (\\tilde{L}, \\|u\\|, \\eta); the snippet \\input's into a paper.",
      "Example: wnverify derive chou/lemma-3.8 --latex > lemma38.tex"
    },
    footer = {"", "Exit status: 0 PROVED or CONFIRMED_AT_POINTS with every control refuted; 1 otherwise;",
        "2 for an unknown id or a claim without a derivation (the message lists the ids that have one)."})
final class DeriveCommand implements Callable<Integer> {
  @Parameters(arity = "1", paramLabel = "ID",
      description = "An identity claim id, e.g. chou/lemma-3.8#proof, or a claim whose #sub-claims are identities "
          + "(chou/lemma-3.8 shows chou/lemma-3.8#proof).")
  String id;

  @Option(names = "--latex", description = "Print a LaTeX snippet (align* blocks, amsmath) instead of plain text.")
  boolean latex;

  @Override
  public Integer call() {
    Optional<SymbolicIdentities.Entry> entry = SymbolicIdentities.entry(id);
    List<SymbolicIdentities.Entry> entries;
    if (entry.isPresent()) {
      entries = List.of(entry.get());
    } else {
      // A claim checked numerically whose proof steps are separate identities (chou/lemma-3.8 and
      // chou/lemma-3.8#proof): show those.
      entries = SymbolicIdentities.catalogue().stream().filter(e -> e.id().startsWith(id + "#")).toList();
      if (entries.isEmpty()) {
        throw new UsageException(reason(id));
      }
      String ids = String.join(", ", entries.stream().map(SymbolicIdentities.Entry::id).toList());
      System.out.println((latex ? "% " : "") + id + " is checked numerically; its symbolic derivation"
          + (entries.size() == 1 ? " is " : "s are ") + ids + ":");
      if (!latex) {
        System.out.println();
      }
    }
    SymbolicEngine engine = SymbolicEngine.shared();
    boolean allHold = true;
    for (int k = 0; k < entries.size(); k++) {
      IdentityReport report = entries.get(k).report(engine);
      if (k > 0) {
        System.out.println();
      }
      System.out.print(latex ? DerivationRenderer.latex(report, engine) : DerivationRenderer.text(report, engine));
      System.out.flush();
      boolean controlsRejected = report.controls().stream()
          .allMatch(c -> c.proof().verdict() == org.wnverify.symbolic.prove.IdentityVerdict.REFUTED);
      allHold &= report.proof().holds() && controlsRejected && !report.controls().isEmpty();
    }
    return allHold ? ExitCodes.PASSED : ExitCodes.FAILED;
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
