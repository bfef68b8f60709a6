package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The displayed steps inside the printed proofs (issue 20) that are checked symbolically: one
 * entry per display, id {@code <paper>/<lemma>#step-<k>} or {@code #eq-<n>} where the display has
 * an equation number, each with its location and the display quoted as printed. Each step is
 * proved with the same {@link org.wnverify.symbolic.prove.IdentityProver} as the statements, in
 * small fixed dimensions (N or d = 2, 3; M or m = 1, 2) to keep a cold run cheap; every step has
 * negative controls. The statements' identities are in {@link SymbolicIdentities#catalogue()};
 * steps checked on sampled numbers (inequalities, "hence"s) live in proofs-check.
 */
public final class ProofSteps {
  private ProofSteps() {}

  /** One row of the index of symbolic steps: id, where it is printed, the display, finding or not. */
  public record Step(String id, String location, String display, boolean finding) {}

  private static final class Holder {
    static final List<StepSpec> SPECS = build();
    static final List<SymbolicIdentities.Entry> ENTRIES = SPECS.stream()
        .map(s -> SymbolicIdentities.entry(s.id, s.location, s.display, s::plan)).toList();
  }

  private static List<StepSpec> build() {
    List<StepSpec> all = new ArrayList<>(ChouProofSteps.specs());
    all.addAll(WuProofSteps.specs());
    all.addAll(ChouScalarSteps.specs());
    all.addAll(RemainingIdentitySteps.specs());
    all.addAll(EwnProofSteps.specs());
    all.addAll(WuAppendixEScalarSteps.specs());
    all.sort(Comparator.comparing(s -> s.id));
    for (int i = 1; i < all.size(); i++) {
      if (all.get(i).id.equals(all.get(i - 1).id)) {
        throw new IllegalStateException("two proof steps share the id " + all.get(i).id);
      }
    }
    return List.copyOf(all);
  }

  /** Every symbolic proof step as a catalogue entry, sorted by id. */
  public static List<SymbolicIdentities.Entry> catalogue() {
    return Holder.ENTRIES;
  }

  /** The index of symbolic proof steps, sorted by id. */
  public static List<Step> table() {
    return Holder.SPECS.stream().map(s -> new Step(s.id, s.location, s.display, s.finding)).toList();
  }

  /** The entry of a step id. */
  public static Optional<SymbolicIdentities.Entry> entry(String id) {
    return catalogue().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  /** The plan of a step (for tests and probes). */
  static Plan plan(String id) {
    return Holder.SPECS.stream().filter(s -> s.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no proof step " + id)).plan();
  }
}
