package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.Sphere;
import org.wnverify.symbolic.prove.Variable;

/**
 * Builds one dimension case: steps, named objects, equations lhs = rhs (the defect is lhs - rhs),
 * variables with their sampling ranges, free norms and sphere hypotheses. Every identity class
 * writes its cases with this builder so that the prover and {@code wnverify derive} see the same
 * texts.
 */
final class Problem {
  private final String id;
  private final String dims;
  private String control;
  private final List<String> steps = new ArrayList<>();
  private final Map<String, String> defects = new LinkedHashMap<>();
  private final List<Display.Equation> equations = new ArrayList<>();
  private final List<Display.Definition> definitions = new ArrayList<>();
  private final List<Variable> vars = new ArrayList<>();
  private final Map<String, List<String>> norms = new LinkedHashMap<>();
  private final List<Sphere> spheres = new ArrayList<>();

  private Problem(String id, String dims) {
    this.id = id;
    this.dims = dims;
  }

  /** @param id the claim id, e.g. "chou/lemma-3.1"; @param dims e.g. "M=1,N=2,L=3 (symbolic A, b, r, u)" */
  static Problem of(String id, String dims) {
    return new Problem(id, dims);
  }

  /** Marks this case as a negative control with the given mutation. */
  Problem control(String mutation) {
    this.control = mutation;
    return this;
  }

  Problem step(String text) {
    steps.add(text);
    return this;
  }

  /** A named object shown by {@code derive}; returns the builder. */
  Problem define(String name, String symja) {
    definitions.add(new Display.Definition(name, symja));
    return this;
  }

  /** A component lhs = rhs; the prover's defect is (lhs) - (rhs). */
  Problem equation(String label, String lhs, String rhs) {
    if (defects.containsKey(label)) {
      throw new IllegalArgumentException("duplicate component " + label);
    }
    equations.add(new Display.Equation(label, lhs, rhs));
    defects.put(label, "(" + lhs + ") - (" + rhs + ")");
    return this;
  }

  Problem variable(String name, double lo, double hi) {
    vars.add(Variable.of(name, lo, hi));
    return this;
  }

  Problem variables(List<String> names, double lo, double hi) {
    names.forEach(n -> variable(n, lo, hi));
    return this;
  }

  /** Free norm: every power of the sum of squares of {@code entries} becomes a power of {@code key}. */
  Problem norm(String key, List<String> entries) {
    norms.put(key, List.copyOf(entries));
    return this;
  }

  Problem sphere(Sphere s) {
    spheres.add(s);
    return this;
  }

  String name() {
    return id + " " + dims + (control == null ? "" : " [control: " + control + "]");
  }

  Case build() {
    IdentityProblem p = new IdentityProblem(name(), dims, steps, defects, vars, norms, spheres);
    return new Case(p, new Display(dims, definitions, equations, norms, spheres));
  }
}
