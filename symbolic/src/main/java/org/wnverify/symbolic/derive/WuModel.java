package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;

/**
 * The objects of Wu et al. for least squares, entry by entry in Symja input: A (m x d, symbolic
 * entries a{i}n{k} or a fixed integer matrix), y, scale g, direction w; f(w, g) = ||A g w - y||^2/2
 * (3), h(w, g) = ||g A w/||w|| - y||^2/2 (2), L(x) = ||A x - y||^2/2 and grad L(x) = A^T(A x - y)
 * (Appendix B). The ratio c of Condition 2.1 is the symbol "cc" (C is a Symja built-in).
 */
final class WuModel {
  final int m;
  final int d;
  final int[][] fixedA;

  private WuModel(int m, int d, int[][] fixedA) {
    this.m = m;
    this.d = d;
    this.fixedA = fixedA;
  }

  static WuModel symbolic(int m, int d) {
    return new WuModel(m, d, null);
  }

  static WuModel fixed(int m, int d) {
    int[][] a = ChouModel.RATIONAL_A.get(m + "x" + d);
    if (a == null) {
      throw new IllegalArgumentException("no fixed A for m=" + m + ", d=" + d);
    }
    return new WuModel(m, d, a);
  }

  String a(int i, int k) {
    return fixedA == null ? Sym.a(i, k) : Integer.toString(fixedA[i - 1][k - 1]);
  }

  List<String> w() {
    return Sym.vec("w", d);
  }

  String dims() {
    return "m=" + m + ",d=" + d;
  }

  String over(String others) {
    return fixedA == null ? "(symbolic A, y, " + others + ")" : "(A = " + ChouModel.matrix(fixedA) + ", symbolic y, " + others + ")";
  }

  /** (A x)_i for entries x. */
  List<String> times(List<String> x) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> t = new ArrayList<>();
      for (int k = 1; k <= d; k++) {
        t.add("(" + a(i, k) + ")*(" + x.get(k - 1) + ")");
      }
      out.add(Sym.sum(t));
    }
    return out;
  }

  /** (A^T v)_k for entries v (length m). */
  List<String> transposeTimes(List<String> v) {
    List<String> out = new ArrayList<>();
    for (int k = 1; k <= d; k++) {
      List<String> t = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        t.add("(" + a(i, k) + ")*(" + v.get(i - 1) + ")");
      }
      out.add(Sym.sum(t));
    }
    return out;
  }

  /** L(x) = ||A x - y||^2/2. */
  String loss(List<String> x) {
    List<String> res = new ArrayList<>();
    List<String> ax = times(x);
    for (int i = 1; i <= m; i++) {
      res.add("(" + ax.get(i - 1) + " - y" + i + ")");
    }
    return "(" + Sym.normSq(res) + "/2)";
  }

  /** grad L(x) = A^T (A x - y), as printed in Appendix B. */
  List<String> gradL(List<String> x) {
    List<String> res = new ArrayList<>();
    List<String> ax = times(x);
    for (int i = 1; i <= m; i++) {
      res.add("(" + ax.get(i - 1) + " - y" + i + ")");
    }
    return transposeTimes(res);
  }

  /** g w. */
  List<String> gw() {
    List<String> x = new ArrayList<>();
    w().forEach(wk -> x.add("g*" + wk));
    return x;
  }

  /** v = w/||w||. */
  List<String> v() {
    List<String> x = new ArrayList<>();
    w().forEach(wk -> x.add(wk + "/" + Sym.norm(w())));
    return x;
  }

  /** g w/||w||. */
  List<String> gv() {
    List<String> x = new ArrayList<>();
    v().forEach(vk -> x.add("g*" + vk));
    return x;
  }

  /** f(w, g) of (3). */
  String f() {
    return loss(gw());
  }

  /** h(w, g) of (2). */
  String h() {
    return loss(gv());
  }

  /** The residual vector y - A g w (as printed after (4)) or A g w - y. */
  List<String> residual(boolean printedSign) {
    List<String> agw = times(gw());
    List<String> r = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      r.add(printedSign ? "(y" + i + " - " + agw.get(i - 1) + ")" : "(" + agw.get(i - 1) + " - y" + i + ")");
    }
    return r;
  }

  /** (P_w v)_k = v_k - w_k w^T v/||w||^2. */
  List<String> projectOffW(List<String> v) {
    return addAlongW(v, "-");
  }

  /** (I + w w^T / ||w||^2) v: the projection with its sign wrong (a negative control). */
  List<String> projectPlusW(List<String> v) {
    return addAlongW(v, "+");
  }

  private List<String> addAlongW(List<String> v, String sign) {
    List<String> w = w();
    String wv = Sym.dot(w, v);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < d; k++) {
      out.add("(" + v.get(k) + " " + sign + " " + w.get(k) + "*" + wv + "/(" + Sym.normSq(w) + "))");
    }
    return out;
  }

  void addData(Problem p) {
    for (int i = 1; i <= m; i++) {
      if (fixedA == null) {
        for (int k = 1; k <= d; k++) {
          p.variable(Sym.a(i, k), -2, 2);
        }
      }
      p.variable("y" + i, -2, 2);
    }
  }

  /** The matrix A as a Symja list of lists. */
  String matrixSymja() {
    List<String> rows = new ArrayList<>();
    for (int i = 1; i <= m; i++) {
      List<String> c = new ArrayList<>();
      for (int k = 1; k <= d; k++) {
        c.add(a(i, k));
      }
      rows.add("{" + String.join(",", c) + "}");
    }
    return "{" + String.join(",", rows) + "}";
  }

  /** A basis of ker A: symbolic for m = 1, the integer basis for a fixed A. */
  List<ChouModel.KernelVector> kernelBasis() {
    ChouModel cm = fixedA == null ? ChouModel.symbolic(1, d, 1) : ChouModel.fixed(m, d, 1);
    return cm.kernelBasis();
  }

  void kernelChecks(Problem p) {
    if (fixedA != null) {
      ChouModel.fixed(m, d, 1).kernelChecks(p);
    }
  }
}
