package org.wnverify.symbolic.derive;

import java.util.List;
import java.util.Optional;
import org.wnverify.symbolic.prove.IdentityProof;

/**
 * An identity of a paper with its negative controls.
 *
 * @param id the claim id it backs, e.g. "chou/gradients"
 * @param location where it is printed, e.g. "Chou, Rauhut, Ward, Section 3.1, eqs. (22)-(24)"
 * @param statement the statement as printed, in plain text
 * @param proof the combined proof over all dimension cases covered
 * @param controls wrong versions that the same machinery must refute
 * @param skipped dimension cases dropped because they exceeded their time budget
 * @param notes how hypotheses were imposed, readings of ambiguous formulas, findings
 * @param display the smallest case, for {@code wnverify derive} (empty for internal reports)
 */
public record IdentityReport(
    String id, String location, String statement, IdentityProof proof, List<ControlProof> controls,
    List<String> skipped, List<String> notes, Optional<Display> display) {
  public IdentityReport {
    controls = List.copyOf(controls);
    skipped = List.copyOf(skipped);
    notes = List.copyOf(notes);
  }

  /** A report without location, notes or display (internal checks such as the kernel templates). */
  public IdentityReport(String id, String statement, IdentityProof proof, List<ControlProof> controls, List<String> skipped) {
    this(id, "", statement, proof, controls, skipped, List.of(), Optional.empty());
  }
}
