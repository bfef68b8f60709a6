package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Builds Symja input text. Symbol names avoid Symja's built-ins (N, D, E, I, C, Gamma, Beta are
 * taken, and the parser is case-insensitive for built-ins), hence "gam" for gamma and "a1n2" for
 * the entry A[1,2].
 */
final class Sym {
  private Sym() {}

  static List<String> vec(String prefix, int n) {
    List<String> v = new ArrayList<>(n);
    for (int k = 1; k <= n; k++) {
      v.add(prefix + k);
    }
    return v;
  }

  /** Entry A[i,k] (1-based) of a symbolic matrix. */
  static String a(int i, int k) {
    return "a" + i + "n" + k;
  }

  static String sum(List<String> terms) {
    return terms.isEmpty() ? "0" : "(" + String.join("+", terms) + ")";
  }

  static String dot(List<String> x, List<String> y) {
    List<String> t = new ArrayList<>();
    for (int k = 0; k < x.size(); k++) {
      t.add("(" + x.get(k) + ")*(" + y.get(k) + ")");
    }
    return sum(t);
  }

  static String normSq(List<String> x) {
    return dot(x, x);
  }

  static String norm(List<String> x) {
    return "Sqrt(" + normSq(x) + ")";
  }

  /** {@code {k1->(v1), k2->(v2)}} */
  static String rules(Map<String, String> m) {
    return m.entrySet().stream()
        .map(e -> e.getKey() + "->(" + e.getValue() + ")")
        .collect(Collectors.joining(", ", "{", "}"));
  }

  static String replace(String expr, Map<String, String> rules) {
    return rules.isEmpty() ? expr : "ReplaceAll(" + expr + ", " + rules(rules) + ")";
  }

  /**
   * The rule putting the last coordinate on the sphere of radius rho: {@code z_n -> sign *
   * Sqrt(rho^2 - z_1^2 - ... - z_{n-1}^2)}. Applied after differentiating, so derivatives are
   * taken with all coordinates free and only then restricted to the sphere ||z|| = rho.
   */
  static Map<String, String> onSphere(List<String> z, String radius, int sign) {
    List<String> others = new ArrayList<>();
    for (int k = 0; k < z.size() - 1; k++) {
      others.add("-" + z.get(k) + "^2");
    }
    String root = "Sqrt((" + radius + ")^2" + String.join("", others) + ")";
    return Map.of(z.get(z.size() - 1), sign > 0 ? root : "-" + root);
  }
}
