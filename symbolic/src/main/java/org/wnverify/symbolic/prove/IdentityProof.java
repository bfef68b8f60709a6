package org.wnverify.symbolic.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of proving one identity (possibly over several dimension cases).
 *
 * @param name what was proved, e.g. "chou/gradients"
 * @param verdict see {@link IdentityVerdict}
 * @param dimensions the cases covered, e.g. "N=2,L=2 (symbolic A, b, u, r); N=3,L=2 (...)"
 * @param defect the simplified defect: "0" when proved, else the first non-zero one (abbreviated)
 * @param witness the refuting point when REFUTED
 * @param steps the derivation and the outcome of each component, as text lines
 * @param pointsChecked how many random rational points were evaluated exactly (0 when proved)
 */
public record IdentityProof(
    String name,
    IdentityVerdict verdict,
    String dimensions,
    String defect,
    Optional<Witness> witness,
    List<String> steps,
    int pointsChecked) {

  public IdentityProof {
    steps = List.copyOf(steps);
  }

  /**
   * Combines per-case proofs: REFUTED if any case is (first witness kept), else UNKNOWN if any
   * is, else CONFIRMED_AT_POINTS if any is, else PROVED.
   */
  public static IdentityProof combine(String name, List<IdentityProof> cases) {
    if (cases.isEmpty()) {
      return new IdentityProof(name, IdentityVerdict.UNKNOWN, "none", "?", Optional.empty(), List.of("no case ran"), 0);
    }
    IdentityVerdict v = IdentityVerdict.PROVED;
    IdentityProof deciding = null;
    for (IdentityVerdict candidate :
        List.of(IdentityVerdict.REFUTED, IdentityVerdict.UNKNOWN, IdentityVerdict.CONFIRMED_AT_POINTS)) {
      deciding = cases.stream().filter(c -> c.verdict() == candidate).findFirst().orElse(null);
      if (deciding != null) {
        v = candidate;
        break;
      }
    }
    List<String> steps = new ArrayList<>();
    List<String> dims = new ArrayList<>();
    int points = 0;
    for (IdentityProof c : cases) {
      dims.add(c.dimensions());
      steps.add("[" + c.dimensions() + "] " + c.verdict());
      c.steps().forEach(s -> steps.add("  " + s));
      points += c.pointsChecked();
    }
    return new IdentityProof(
        name,
        v,
        String.join("; ", dims),
        deciding == null ? "0" : deciding.defect(),
        deciding == null ? Optional.empty() : deciding.witness(),
        steps,
        points);
  }

  /** Whether the identity was established (PROVED or, weaker, CONFIRMED_AT_POINTS). */
  public boolean holds() {
    return verdict == IdentityVerdict.PROVED || verdict == IdentityVerdict.CONFIRMED_AT_POINTS;
  }
}
