package org.wnverify.symbolic.derive;

import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.prove.Sphere;

/**
 * What a derivation shows a reader, for one small dimension case: the objects it defines and the
 * equations (left side, printed right side) whose difference the prover drove to zero. All texts
 * are Symja input; {@code wnverify derive} evaluates them and prints them as text or LaTeX.
 *
 * @param dimensions the case shown, e.g. "M=1,N=2,L=2"
 * @param definitions named objects in the order they were built (loss, flow, invariant, ...)
 * @param equations lhs = rhs per component, in the prover's order
 * @param norms free-norm rewrites of the case (symbol -> vector entries), used to shorten display
 * @param spheres sphere hypotheses of the case, used to shorten display
 */
public record Display(
    String dimensions, List<Definition> definitions, List<Equation> equations, Map<String, List<String>> norms,
    List<Sphere> spheres) {
  public Display {
    definitions = List.copyOf(definitions);
    equations = List.copyOf(equations);
    norms = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(norms)); // builder order: deterministic output
    spheres = List.copyOf(spheres);
  }

  /** A named object, e.g. "L~(r,u)" with its Symja definition. */
  public record Definition(String name, String symja) {}

  /** One component: label, left side (as derived) and right side (as printed). */
  public record Equation(String label, String lhs, String rhs) {}
}
