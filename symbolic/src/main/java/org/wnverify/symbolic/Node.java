package org.wnverify.symbolic;

import java.math.BigInteger;
import java.util.List;

/**
 * A Symja-free expression tree: what derivations hand to printers and reports. Only exact atoms
 * exist (integers, rationals, symbols); a floating-point number never enters a derivation, so
 * its absence here is a guarantee rather than an omission.
 */
public sealed interface Node {

  /** An exact integer. */
  record Int(BigInteger value) implements Node {}

  /** An exact rational p/q in lowest terms, q > 1. */
  record Rat(BigInteger numerator, BigInteger denominator) implements Node {}

  /** A symbol: a variable (x1, eta) or a constant (E, Pi). */
  record Sym(String name) implements Node {}

  /** A head applied to arguments in Symja's canonical order, e.g. Plus, Times, Power, Log. */
  record Apply(String head, List<Node> args) implements Node {
    public Apply {
      args = List.copyOf(args);
    }
  }

  /** Visitor with one method per node type (Java 17 has no pattern-matching switch yet). */
  interface Visitor<T> {
    T integer(Int n);

    T rational(Rat r);

    T symbol(Sym s);

    T apply(Apply a);
  }

  default <T> T accept(Visitor<T> v) {
    if (this instanceof Int i) {
      return v.integer(i);
    } else if (this instanceof Rat r) {
      return v.rational(r);
    } else if (this instanceof Sym s) {
      return v.symbol(s);
    }
    return v.apply((Apply) this);
  }
}
