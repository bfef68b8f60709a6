package org.wnverify.symbolic.prove;

import java.util.List;
import java.util.Map;

/**
 * An identity lhs = rhs in one fixed dimension, given as the defect lhs - rhs per component.
 *
 * @param name e.g. "chou/gradients (22) N=2 M=1 L=3"
 * @param dimensions the case covered, e.g. "N=2,M=1,L=3 (symbolic A, b, x)"
 * @param steps how the defect was derived, for the report
 * @param defects component label -> Symja input of lhs - rhs (insertion order kept)
 * @param variables every free symbol of the defects with its sampling range
 * @param norms fresh symbol -> vector entries: for the symbolic step every power of the vector's
 *     sum of squares S is rewritten as a power of the symbol (S^q -> nu^(2q)), so square roots of
 *     sums become atoms Together can cancel. A defect that is then 0 with nu free is 0 in
 *     particular at nu = ||u||, so the rewrite is sound; point evaluation uses the original text.
 *     The key may also be an expression equal to the norm under a stated hypothesis, e.g. "a*nu"
 *     for the entries a*u_k when a > 0. Random points give such vectors rational norms (a
 *     rational multiple of a rational unit vector), so exact evaluation meets no square roots.
 * @param spheres hypotheses ||coords|| = radius, imposed after differentiating (see {@link
 *     Sphere}); their coordinates are drawn on the sphere and need no {@link Variable}
 */
public record IdentityProblem(
    String name,
    String dimensions,
    List<String> steps,
    Map<String, String> defects,
    List<Variable> variables,
    Map<String, List<String>> norms,
    List<Sphere> spheres) {

  public IdentityProblem(
      String name, String dimensions, List<String> steps, Map<String, String> defects, List<Variable> variables) {
    this(name, dimensions, steps, defects, variables, Map.of(), List.of());
  }

  public IdentityProblem(
      String name, String dimensions, List<String> steps, Map<String, String> defects, List<Variable> variables,
      Map<String, List<String>> norms) {
    this(name, dimensions, steps, defects, variables, norms, List.of());
  }

  public IdentityProblem {
    norms = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(norms));
    spheres = List.copyOf(spheres);
    steps = List.copyOf(steps);
    defects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defects));
    variables = List.copyOf(variables);
    if (defects.isEmpty()) {
      throw new IllegalArgumentException("no defect components for " + name);
    }
  }
}
