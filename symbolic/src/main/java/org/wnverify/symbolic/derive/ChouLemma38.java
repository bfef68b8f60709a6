package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.codegen.KernelMaps;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.Sphere;
import org.wnverify.symbolic.prove.Variable;

/**
 * Chou-Rauhut-Ward Lemma 3.8: along the WN flow (13)-(14) with (eta_r, eta_u) = (eta, 1) and
 * ||u|| = 1, h_eta of (32) is constant.
 *
 * <p>d/dt h = (I - A^+A) d/dt phi(u, r), with phi the entry map of (32). Since I - A^+A is the
 * orthogonal projector onto ker A, d/dt h = 0 iff k^T d/dt phi = 0 for every k in a basis of
 * ker A. For M = 1 and symbolic A = (a_1..a_N) the basis is k_j = a_j e_1 - a_1 e_j (j >= 2),
 * which spans ker A whenever a_1 != 0 (a polynomial identity then holds for all a by
 * continuity). For M = 2 an exact integer A of full rank is used with an integer kernel basis
 * (A k = 0 is checked as part of the defect).
 *
 * <p>||u|| = 1 is imposed after differentiating: the flow is written with ||u|| = Sqrt(sum
 * u_k^2) and all u_k free, d/dt phi is formed by the chain rule, and only then the hypothesis is
 * imposed (a {@link Sphere}): the symbolic step rewrites every power of sum u_k^2 as 1, and
 * random points lie exactly on the positive orthant of the unit sphere, where (32) is defined (u >
 * 0 is preserved, Lemma 3.3).
 */
final class ChouLemma38 {
  private ChouLemma38() {}

  enum Mutation {
    NONE(""),
    EXPONENT_1_MINUS_L("(32) with u^(1-L) in place of u^(2-L)"),
    EXP_SIGN("(32) with exp(-(2-L) r^2/(2 eta)) (sign of the exponent flipped)"),
    ETA_FACTOR("(32) with 1/eta in place of 1/(2 eta)"),
    NO_UNIT_NORM("hypothesis ||u0|| = 1 dropped (u free)");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static final String STATEMENT =
      "Lemma 3.8: for (eta_r, eta_u) = (eta, 1) and ||u0|| = 1, h_eta = (I - A^+A) phi(u, r) is "
          + "constant along (13)-(14), phi = log(u exp(r^2/(2 eta))) if L = 2, "
          + "u^(2-L) exp((2-L) r^2/(2 eta)) if L != 2";

  /** Fixed full-rank rational matrices for M = 2 (row-major), by N. */
  static final Map<Integer, int[][]> RATIONAL_A = Map.of(
      3, new int[][] {{1, 2, -1}, {3, -1, 2}},
      4, new int[][] {{1, 2, -1, 1}, {2, -1, 1, 3}});

  /**
   * A basis of ker A for each matrix above, worked out by hand (cross product for N = 3,
   * elimination for N = 4). Not trusted: A k = 0 is part of every defect list.
   */
  static final Map<Integer, int[][]> KERNEL_BASIS = Map.of(
      3, new int[][] {{3, -5, -7}},
      4, new int[][] {{1, -3, -5, 0}, {0, -4, -7, 1}});

  /** The map phi of (32) as Symja source, possibly mutated. */
  static String phiSource(int depth, Mutation mut) {
    String src = (depth == 2 ? KernelMaps.WN_INVARIANT_LOG : KernelMaps.WN_INVARIANT_POWER).source();
    String altered = switch (mut) {
      case EXPONENT_1_MINUS_L -> src.replace("u^(2-L)", "u^(1-L)");
      case EXP_SIGN -> depth == 2 ? src.replace("Exp(r^2", "Exp(-r^2") : src.replace("Exp((2-L)", "Exp(-(2-L)");
      case ETA_FACTOR -> src.replace("/(2*eta)", "/eta");
      default -> src;
    };
    if (mut != Mutation.NONE && mut != Mutation.NO_UNIT_NORM && altered.equals(src)) {
      throw new IllegalStateException("mutation " + mut + " does not apply to " + src);
    }
    return altered;
  }

  static IdentityProblem problem(int m, int n, int depth, Mutation mut) {
    List<String> u = Sym.vec("u", n);
    Map<String, String> x = ChouGradients.wnPoint(n);
    List<String> xs = new ArrayList<>(x.values());
    int[][] numericA = m == 1 ? null : RATIONAL_A.get(n);
    if (m > 1 && numericA == null) {
      throw new IllegalArgumentException("no rational A for M=" + m + ", N=" + n);
    }
    List<String> res = ChouGradients.residuals(m, n, depth, xs,
        (i, k) -> numericA == null ? Sym.a(i, k) : Integer.toString(numericA[i - 1][k - 1]));
    String lossWn = "(" + Sym.normSq(res) + "/(2*" + depth + "))";
    String dr = "(-eta*D(" + lossWn + ", r))";
    String phiSrc = phiSource(depth, mut);
    List<String> dphi = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      String phi = "ReplaceAll(" + phiSrc + ", {u->u" + k + ", L->" + depth + "})";
      String du = "(-D(" + lossWn + ", u" + k + "))";
      dphi.add("(D(" + phi + ", u" + k + ")*" + du + " + D(" + phi + ", r)*" + dr + ")");
    }
    Map<String, String> defects = new LinkedHashMap<>();
    if (numericA == null) {
      for (int j = 2; j <= n; j++) {
        String kd = Sym.a(1, j) + "*" + dphi.get(0) + " - " + Sym.a(1, 1) + "*" + dphi.get(j - 1);
        defects.put("k" + (j - 1) + "^T d/dt phi, k" + (j - 1) + " = a" + j + " e1 - a1 e" + j, kd);
      }
    } else {
      int[][] basis = KERNEL_BASIS.get(n);
      for (int j = 0; j < basis.length; j++) {
        for (int i = 0; i < m; i++) {
          int dot = 0;
          for (int k = 0; k < n; k++) {
            dot += numericA[i][k] * basis[j][k];
          }
          // the kernel vector is exact integers: A k = 0 is checked as an (integer) defect too
          defects.put("(A k" + (j + 1) + ")_" + (i + 1) + " = 0", Integer.toString(dot));
        }
        List<String> terms = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          terms.add("(" + basis[j][k] + ")*" + dphi.get(k));
        }
        defects.put("k" + (j + 1) + "^T d/dt phi, k" + (j + 1) + " = " + java.util.Arrays.toString(basis[j]),
            Sym.sum(terms));
      }
    }
    List<Variable> vars = new ArrayList<>();
    if (numericA == null) {
      for (int k = 1; k <= n; k++) {
        vars.add(Variable.of(Sym.a(1, k), -2, 2));
      }
    }
    for (int i = 1; i <= m; i++) {
      vars.add(Variable.of("b" + i, -2, 2));
    }
    vars.add(Variable.of("r", 0.1, 2));
    vars.add(Variable.of("eta", 0.1, 2));
    List<Sphere> spheres = new ArrayList<>();
    if (mut == Mutation.NO_UNIT_NORM) {
      u.forEach(uk -> vars.add(Variable.of(uk, 0.05, 2)));
    } else {
      spheres.add(Sphere.unit(u, true)); // the positive orthant of the sphere, where (32) is defined
    }
    String dims = "M=" + m + ",N=" + n + ",L=" + depth
        + (numericA == null ? " (symbolic A, b, r, u, eta)" : " (A = " + matrix(numericA) + ", symbolic b, r, u, eta)");
    List<String> steps = List.of(
        "flow: dr/dt = -eta D(L~, r), du_k/dt = -D(L~, u_k), L~ = L(r u/||u||), ||u|| = Sqrt(sum u_k^2), all u_k free",
        "phi_k = " + phiSrc + " at u = u_k, L = " + depth + "; d/dt phi_k = D(phi_k, u_k) du_k/dt + D(phi_k, r) dr/dt",
        numericA == null
            ? "ker A basis k_j = a_j e_1 - a_1 e_j; defect_j = k_j^T d/dt phi"
            : "ker A basis k_j (integer vectors, A k_j = 0 checked); defect_j = k_j^T d/dt phi",
        mut == Mutation.NO_UNIT_NORM
            ? "||u|| = 1 NOT imposed (control)"
            : "then ||u|| = 1 imposed on the result (u > 0 on the unit sphere, where (32) is defined)");
    String name = "chou/lemma-3.8#proof " + dims + (mut == Mutation.NONE ? "" : " [control: " + mut.text + "]");
    return new IdentityProblem(name, dims, steps, defects, vars, Map.of(), spheres);
  }

  static String matrix(int[][] a) {
    List<String> rows = new ArrayList<>();
    for (int[] row : a) {
      List<String> c = new ArrayList<>();
      for (int v : row) {
        c.add(Integer.toString(v));
      }
      rows.add("{" + String.join(",", c) + "}");
    }
    return "{" + String.join(",", rows) + "}";
  }

}
