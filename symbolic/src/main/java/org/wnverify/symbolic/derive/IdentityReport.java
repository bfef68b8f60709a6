package org.wnverify.symbolic.derive;

import java.util.List;
import org.wnverify.symbolic.prove.IdentityProof;

/**
 * An identity of a paper with its negative controls.
 *
 * @param id the claim id it backs, e.g. "chou/gradients"
 * @param statement the statement as printed, in plain text
 * @param proof the combined proof over all dimension cases covered
 * @param controls wrong versions that the same machinery must refute
 * @param skipped dimension cases dropped because they exceeded their time budget
 */
public record IdentityReport(
    String id, String statement, IdentityProof proof, List<ControlProof> controls, List<String> skipped) {
  public IdentityReport {
    controls = List.copyOf(controls);
    skipped = List.copyOf(skipped);
  }
}
