package org.wnverify.check.chou;

import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Fixed control instances shared by the Theorem 2.2 checks. */
final class Lemma33ConstantSignControl {
  private Lemma33ConstantSignControl() {}

  /**
   * A = [1 1], b = [-1], L = 2: S+ is empty (A x^2 > 0 > b), so the loss cannot reach zero and the
   * WN flow shrinks x towards 0; used with the hypothesis "S+ non-empty" dropped.
   */
  static final DiagonalNetInstance EMPTY_S_PLUS =
      new DiagonalNetInstance(new double[][] {{1, 1}}, new double[] {-1}, 2, 0.5, new double[] {0.6, 0.8}, 1.0);
}
