package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The objects of Chou, Rauhut, Ward written out entry by entry in Symja input, for a fixed M x N
 * matrix A (symbolic entries a{i}n{k}, or fixed integers) and depth L: the loss (10), the WN point
 * x = r u/||u||, the WN loss (12), the printed gradient (22), the flows (11), (13)-(14), and a
 * basis of ker A (the projector I - A^+A of (31), (32) only matters through it).
 */
final class ChouModel {
  final int m;
  final int n;
  final int depth;
  /** A[i][k] (0-based) for a fixed integer A, or null for symbolic entries. */
  final int[][] fixedA;

  private ChouModel(int m, int n, int depth, int[][] fixedA) {
    this.m = m;
    this.n = n;
    this.depth = depth;
    this.fixedA = fixedA;
  }

  /**
   * The sizes {M, N} most identities are proved in, smallest first: N = 2..5 and M = 1..3 (M = 2,
   * 3 with N = 3, where symbolic A and b stay cheap). No separate M = 2, N = 2: with symbolic
   * entries it is the M = 2, N = 3 case at u_3 = 0, a_13 = a_23 = 0 (every sum over k loses its
   * k = 3 term, ||u|| and the sphere ||u|| = 1 become those of R^2, and for L >= 2 the k = 3 flow
   * component vanishes there), so proving the larger case proves it.
   */
  static final int[][] SIZES = {{1, 2}, {1, 3}, {2, 3}, {3, 3}, {1, 4}, {1, 5}};

  /** The plan note that goes with {@link #SIZES}. */
  static final String SIZES_NOTE = "M = 2, N = 2 is not run separately: it is the symbolic M = 2, N = 3 case at u_3 = 0, "
      + "a_13 = a_23 = 0 (for L >= 2 the third flow component vanishes there)";

  /** Symbolic A (M x N) and b. */
  static ChouModel symbolic(int m, int n, int depth) {
    return new ChouModel(m, n, depth, null);
  }

  /** A fixed integer A of full row rank (from {@link #RATIONAL_A}), symbolic b. */
  static ChouModel fixed(int m, int n, int depth) {
    int[][] a = RATIONAL_A.get(m + "x" + n);
    if (a == null) {
      throw new IllegalArgumentException("no fixed A for M=" + m + ", N=" + n);
    }
    return new ChouModel(m, n, depth, a);
  }

  /**
   * Symbolic A when {@code symbolicA}, else the fixed integer A of {@link #RATIONAL_A} (exact
   * rationals: cheaper where symbolic entries make a case too slow; {@link #over} says which).
   */
  static ChouModel of(int m, int n, int depth, boolean symbolicA) {
    return symbolicA ? symbolic(m, n, depth) : fixed(m, n, depth);
  }

  /** Fixed full-rank integer matrices, row-major, keyed "MxN". */
  static final java.util.Map<String, int[][]> RATIONAL_A = java.util.Map.of(
      "1x5", new int[][] {{1, 2, -1, 1, 3}},
      "2x2", new int[][] {{1, 2}, {3, -1}},
      "2x3", new int[][] {{1, 2, -1}, {3, -1, 2}},
      "3x3", new int[][] {{1, 2, -1}, {3, -1, 2}, {1, 0, 1}},
      "2x4", new int[][] {{1, 2, -1, 1}, {2, -1, 1, 3}},
      "2x5", new int[][] {{1, 2, -1, 1, 0}, {2, -1, 1, 3, 1}},
      "3x4", new int[][] {{1, 2, -1, 1}, {2, -1, 1, 3}, {1, 0, 1, -1}},
      "3x5", new int[][] {{1, 2, -1, 1, 0}, {2, -1, 1, 3, 1}, {1, 0, 1, -1, 2}});

  /**
   * Integer bases of ker A for the matrices above, worked out by hand; never trusted: {@link
   * #kernelBasis()} callers check A k = 0 as part of the defect. (None for 1x5, whose kernel basis
   * is the symbolic one, nor for the invertible 3x3.)
   */
  static final java.util.Map<String, int[][]> KERNEL_BASIS = java.util.Map.of(
      "2x3", new int[][] {{3, -5, -7}},
      "2x4", new int[][] {{1, -3, -5, 0}, {0, -4, -7, 1}},
      "2x5", new int[][] {{1, -3, -5, 0, 0}, {0, -4, -7, 1, 0}, {0, -1, -2, 0, 1}},
      "3x4", new int[][] {{-2, 2, 3, 1}},
      "3x5", new int[][] {{-2, 2, 3, 1, 0}, {0, -1, -2, 0, 1}});

  boolean symbolicA() {
    return fixedA == null;
  }

  String a(int i, int k) {
    return fixedA == null ? Sym.a(i, k) : Integer.toString(fixedA[i - 1][k - 1]);
  }

  BiFunction<Integer, Integer, String> entries() {
    return this::a;
  }

  /** "M=1,N=3,L=2" */
  String dims() {
    return "M=" + m + ",N=" + n + ",L=" + depth;
  }

  /** "(symbolic A, b, ...)" or "(A = {{..}}, symbolic b, ...)" */
  String over(String others) {
    return fixedA == null ? "(symbolic A, b, " + others + ")"
        : "(A = " + matrix(fixedA) + ", symbolic b, " + others + ")";
  }

  /** (A x^L - b)_i for entries x (Symja expressions). */
  List<String> residuals(List<String> x) {
    List<String> res = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        t.add("(" + a(i, k) + ")*(" + x.get(k - 1) + ")^" + depth);
      }
      res.add("(" + Sym.sum(t) + "-b" + i + ")");
    }
    return res;
  }

  /** The loss (10) at entries x: ||A x^L - b||^2/(2L). */
  String loss(List<String> x) {
    return "(" + Sym.normSq(residuals(x)) + "/(2*" + depth + "))";
  }

  /** x = r u/||u||. */
  List<String> wnPoint() {
    List<String> u = Sym.vec("u", n);
    List<String> x = new ArrayList<>();
    for (String uk : u) {
      x.add("r*" + uk + "/" + Sym.norm(u));
    }
    return x;
  }

  /** The WN loss (12): L~(r, u) = L(r u/||u||). */
  String lossWn() {
    return loss(wnPoint());
  }

  /** The printed gradient (22) at entries x: [A^T (A x^L - b)] .* x^(L-1). */
  List<String> gradient22(List<String> x) {
    List<String> res = residuals(x);
    List<String> g = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      List<String> col = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        col.add("(" + a(i, k) + ")*" + res.get(i - 1));
      }
      g.add("(" + Sym.sum(col) + "*(" + x.get(k - 1) + ")^(" + (depth - 1) + "))");
    }
    return g;
  }

  /** Symja's gradient of (10), D(L(x), x_k), evaluated at entries y (x = y after differentiating). */
  List<String> gradientAt(List<String> y) {
    List<String> x = Sym.vec("x", n);
    String loss = loss(x);
    List<String> g = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      StringBuilder rules = new StringBuilder("{");
      for (int j = 0; j < n; j++) {
        rules.append(j > 0 ? ", " : "").append(x.get(j)).append("->(").append(y.get(j)).append(")");
      }
      g.add("ReplaceAll(D(" + loss + ", x" + k + "), " + rules + "})");
    }
    return g;
  }

  /**
   * A basis of ker A: for symbolic M = 1, k_j = a_{j} e_1 - a_1 e_j (j = 2..N), which spans ker A
   * whenever a_1 != 0 (and a polynomial identity then holds for all a by continuity); for a fixed
   * A the integer basis above.
   */
  List<int[]> kernelBasisFixed() {
    return List.of(KERNEL_BASIS.get(m + "x" + n));
  }

  /** Kernel basis vectors as Symja entry lists, with a label each. */
  List<KernelVector> kernelBasis() {
    List<KernelVector> out = new ArrayList<>();
    if (fixedA == null) {
      if (m != 1) {
        throw new IllegalStateException("symbolic kernel basis only for M = 1");
      }
      for (int j = 2; j <= n; j++) {
        List<String> k = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          k.add(i == 1 ? a(1, j) : i == j ? "(-" + a(1, 1) + ")" : "0");
        }
        out.add(new KernelVector("k" + (j - 1) + " = a" + j + " e1 - a1 e" + j, k, false));
      }
    } else {
      int[][] basis = KERNEL_BASIS.get(m + "x" + n);
      if (basis == null) {
        throw new IllegalStateException("no kernel basis listed for the fixed " + m + "x" + n + " A");
      }
      for (int j = 0; j < basis.length; j++) {
        List<String> k = new ArrayList<>();
        for (int v : basis[j]) {
          k.add(Integer.toString(v));
        }
        out.add(new KernelVector("k" + (j + 1) + " = " + java.util.Arrays.toString(basis[j]), k, true));
      }
    }
    return out;
  }

  /** A kernel vector; for a fixed A its A k = 0 must be checked (see {@link #kernelChecks}). */
  record KernelVector(String label, List<String> entries, boolean needsCheck) {}

  /** Adds the components (A k)_i = 0 for a fixed A's hand-made kernel basis. */
  void kernelChecks(Problem p) {
    if (fixedA == null) {
      return;
    }
    for (KernelVector kv : kernelBasis()) {
      for (int i = 1; i <= m; i++) {
        List<String> t = new ArrayList<>();
        for (int k = 1; k <= n; k++) {
          t.add("(" + a(i, k) + ")*(" + kv.entries().get(k - 1) + ")");
        }
        p.equation("(A " + kv.label().substring(0, kv.label().indexOf(' ')) + ")_" + i, Sym.sum(t), "0");
      }
    }
  }

  /** Adds A (if symbolic) and b to the variables. */
  Problem addData(Problem p) {
    for (int i = 1; i <= m; i++) {
      if (fixedA == null) {
        for (int k = 1; k <= n; k++) {
          p.variable(Sym.a(i, k), -2, 2);
        }
      }
      p.variable("b" + i, -2, 2);
    }
    return p;
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
