package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * One displayed step of a printed proof with a symbolic check: its id ({@code
 * <paper>/<lemma>#step-<k>} or {@code #eq-<n>}), where it is printed, the display quoted as
 * printed, the cases it is proved in (small fixed dimensions), its negative controls and notes.
 * A step is a plain {@link Plan} underneath, so it runs through the same prover, cache and
 * reports as the statements' identities.
 */
final class StepSpec {
  final String id;
  final String location;
  final String display;
  final boolean finding;
  private final List<Case> cases = new ArrayList<>();
  private final List<Plan.Control> controls = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  private StepSpec(String id, String location, String display, boolean finding) {
    this.id = id;
    this.location = location;
    this.display = display;
    this.finding = finding;
  }

  /** A step expected to hold as printed. */
  static StepSpec step(String id, String location, String display) {
    return new StepSpec(id, location, display, false);
  }

  /** A printed step that is wrong (a finding): its notes say where it fails and what follows. */
  static StepSpec finding(String id, String location, String display) {
    return new StepSpec(id, location, display, true);
  }

  StepSpec at(Case c) {
    cases.add(c);
    return this;
  }

  StepSpec control(String mutation, Case c) {
    controls.add(new Plan.Control(mutation, c));
    return this;
  }

  StepSpec note(String text) {
    notes.add(text);
    return this;
  }

  int controlCount() {
    return controls.size();
  }

  Plan plan() {
    Plan plan = new Plan();
    cases.forEach(plan::small);
    controls.forEach(c -> plan.control(c.mutation(), c.c()));
    notes.forEach(plan::note);
    return plan;
  }

  /** A case builder for one step: the printed display at a size, or a mutation of it. */
  interface Builder {
    Case at(int n, int depth, String mutation);
  }

  /** The printed display (mutation "") at every size {n, depth}, each mutation at the first size. */
  StepSpec run(Builder b, int[][] sizes, String... mutations) {
    for (int[] s : sizes) {
      at(b.at(s[0], s[1], ""));
    }
    for (String m : mutations) {
      control(m, b.at(sizes[0][0], sizes[0][1], m));
    }
    return this;
  }
}
