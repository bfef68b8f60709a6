package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * What one identity runs: its dimension cases (small ones with a generous per-call budget, large
 * ones with a short budget so that a slow case is dropped and listed rather than stalling the
 * audit), its negative controls, and notes for the reader (how hypotheses are imposed, readings,
 * findings).
 */
final class Plan {
  final List<Case> small = new ArrayList<>();
  final List<Case> large = new ArrayList<>();
  final List<Control> controls = new ArrayList<>();
  final List<String> notes = new ArrayList<>();

  /** A negative control: the mutation in words, and the mutated case. */
  record Control(String mutation, Case c) {}

  Plan small(Case c) {
    small.add(c);
    return this;
  }

  Plan large(Case c) {
    large.add(c);
    return this;
  }

  /** Small or large by a size threshold, smallest cases first. */
  Plan add(boolean isLarge, Case c) {
    return isLarge ? large(c) : small(c);
  }

  /** A case of an identity at one size: M x N (or m x d) and depth L. */
  interface Sized {
    Case at(int m, int n, int depth);
  }

  /**
   * For each size {M, N} in order and each depth from {@code minDepth} to {@code maxDepth}: the
   * case, large when N >= 4.
   */
  Plan grid(int[][] sizes, int minDepth, int maxDepth, Sized cases) {
    for (int[] mn : sizes) {
      for (int depth = minDepth; depth <= maxDepth; depth++) {
        add(mn[1] >= 4, cases.at(mn[0], mn[1], depth));
      }
    }
    return this;
  }

  Plan control(String mutation, Case c) {
    controls.add(new Control(mutation, c));
    return this;
  }

  Plan note(String text) {
    notes.add(text);
    return this;
  }
}
