package org.wnverify.symbolic;

import java.util.Objects;

/**
 * An immutable handle on a Symja result: its input-form text (re-parsable by Symja, shown in
 * reports) and its tree. Holds no Symja object, so it may cross threads freely.
 *
 * @param text Symja input form, e.g. {@code x^(-1+L)}
 * @param tree the same expression as a {@link Node} tree
 */
public record Expression(String text, Node tree) {
  public Expression {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(tree, "tree");
  }

  /** Whether the expression is the exact integer zero. */
  public boolean isZero() {
    return tree instanceof Node.Int i && i.value().signum() == 0;
  }

  @Override
  public String toString() {
    return text;
  }
}
