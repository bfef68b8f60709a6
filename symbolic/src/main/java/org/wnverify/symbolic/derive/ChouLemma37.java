package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.codegen.KernelMaps;

/**
 * Chou-Rauhut-Ward Lemma 3.7 (invariant without normalization), its proof: along the gradient
 * flow (11), d_t h0 = (I - A^+A) c (x^(1-L) .* d_t x) = -c (I - A^+A) A^T (A x^L - b) = 0 (c = 1
 * if L = 2, else 2 - L). The projector is handled through a basis of ker A ({@link
 * ChouModel#kernelBasis()}); the maps of (31) are the kernel's own ({@link KernelMaps}).
 */
final class ChouLemma37 {
  private ChouLemma37() {}

  static final String ID = "chou/lemma-3.7#proof";
  static final String LOCATION = "Chou, Rauhut, Ward, Lemma 3.7 and its proof, eq. (31)";
  static final String STATEMENT =
      "along (11), d_t h0 = 0 for h0 = (I - A^+A) log(x) (L = 2), (I - A^+A) x^(2-L) (L != 2): "
          + "d_t h0 = (I - A^+A) c (x^(1-L) .* d_t x) = -c (I - A^+A) A^T (A x^L - b) = 0";

  enum Mutation {
    NONE(""),
    EXPONENT_1_MINUS_L("(31) with x^(1-L) in place of x^(2-L)"),
    NO_PROJECTOR("(I - A^+A) dropped (e_1^T in place of a kernel vector)"),
    LOG_MAP("(31) with log(x) for L != 2 (the case L = 2 taken for every L)"),
    PROOF_LINE_EXPONENT("proof line with x^(2-L) in place of x^(1-L)");

    final String text;

    Mutation(String text) {
      this.text = text;
    }
  }

  static Case problem(int m, int n, int depth, Mutation mut) {
    ChouModel cm = m == 1 ? ChouModel.symbolic(m, n, depth) : ChouModel.fixed(m, n, depth);
    List<String> x = Sym.vec("x", n);
    Problem p = Problem.of(ID, cm.dims() + " " + cm.over("x"));
    if (mut != Mutation.NONE) {
      p.control(mut.text);
    }
    String loss = cm.loss(x);
    String phiSrc = (depth == 2 || mut == Mutation.LOG_MAP ? KernelMaps.GF_INVARIANT_LOG : KernelMaps.GF_INVARIANT_POWER)
        .source();
    if (mut == Mutation.EXPONENT_1_MINUS_L) {
      phiSrc = phiSrc.replace("x^(2-L)", "x^(1-L)");
    }
    List<String> dx = new ArrayList<>();
    List<String> dphi = new ArrayList<>();
    List<String> proofLine = new ArrayList<>();
    String c = depth == 2 ? "1" : Integer.toString(2 - depth);
    String proofExponent = mut == Mutation.PROOF_LINE_EXPONENT ? "^(2-" : "^(1-";
    for (int k = 1; k <= n; k++) {
      dx.add("(-D(" + loss + ", x" + k + "))");
      String phi = "ReplaceAll(" + phiSrc + ", {x->x" + k + ", L->" + depth + "})";
      dphi.add("(D(" + phi + ", x" + k + ")*" + dx.get(k - 1) + ")");
      proofLine.add("(" + c + ")*x" + k + proofExponent + depth + ")*" + dx.get(k - 1));
    }
    List<String> res = cm.residuals(x);
    List<String> atr = new ArrayList<>();
    for (int k = 1; k <= n; k++) {
      List<String> col = new ArrayList<>();
      for (int i = 1; i <= m; i++) {
        col.add("(" + cm.a(i, k) + ")*" + res.get(i - 1));
      }
      atr.add(Sym.sum(col));
    }
    p.define("L(x) (10)", loss).define("d_t x = -grad L(x) (11)", "{" + String.join(", ", dx) + "}")
        .define("entry map of (31)", phiSrc);
    p.step("(11) with Symja's gradient of (10); d_t phi(x_k) = D(phi, x_k) d_t x_k; x > 0 free");
    p.step(cm.symbolicA() ? "ker A basis k_j = a_j e_1 - a_1 e_j; components k_j^T d_t phi(x)"
        : "ker A basis k_j (integer vectors, A k_j = 0 checked); components k_j^T d_t phi(x)");
    cm.kernelChecks(p);
    List<ChouModel.KernelVector> basis = cm.kernelBasis();
    if (mut == Mutation.NO_PROJECTOR) {
      List<String> e1 = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        e1.add(k == 1 ? "1" : "0");
      }
      basis = List.of(new ChouModel.KernelVector("e1 (not in ker A)", e1, false));
    }
    for (ChouModel.KernelVector kv : basis) {
      String name = kv.label().substring(0, kv.label().indexOf(' '));
      p.equation(name + "^T d_t h0 = " + name + "^T c (x^(1-L) .* d_t x), " + kv.label(), Sym.dot(kv.entries(), dphi),
          Sym.dot(kv.entries(), proofLine));
      p.equation(name + "^T c (x^(1-L) .* d_t x) = -c " + name + "^T A^T (A x^L - b) = 0", Sym.dot(kv.entries(), proofLine),
          "0");
    }
    cm.addData(p);
    return p.variables(x, 0.1, 2).build();
  }

  static Plan plan() {
    Plan plan = new Plan();
    for (int n = 2; n <= 5; n++) {
      for (int depth = 1; depth <= 4; depth++) {
        plan.add(n >= 4, problem(1, n, depth, Mutation.NONE));
      }
    }
    for (int n = 3; n <= 4; n++) {
      for (int depth = 2; depth <= 3; depth++) {
        plan.add(n >= 4, problem(2, n, depth, Mutation.NONE));
      }
    }
    for (int depth = 2; depth <= 3; depth++) {
      plan.large(problem(3, 4, depth, Mutation.NONE));
    }
    plan.control(Mutation.EXPONENT_1_MINUS_L.text + " (L=3)", problem(1, 3, 3, Mutation.EXPONENT_1_MINUS_L));
    plan.control(Mutation.NO_PROJECTOR.text + " (L=2)", problem(1, 3, 2, Mutation.NO_PROJECTOR));
    // Not a control: a wrong constant c (e.g. L - 2 for 2 - L) is PROVED, because the proof line
    // c k^T (x^(1-L) .* d_t x) = -c L k^T A^T (A x^L - b) is 0 for every c (k in ker A); both
    // components are 0 = 0 then. Only mutations that leave ker A or break x^(1-L) x^(L-1) = 1 count.
    plan.control(Mutation.LOG_MAP.text + " (L=3)", problem(1, 2, 3, Mutation.LOG_MAP));
    plan.control(Mutation.PROOF_LINE_EXPONENT.text + " (L=2)", problem(1, 2, 2, Mutation.PROOF_LINE_EXPONENT));
    plan.note("(I - A^+A) v = 0 iff k^T v = 0 for a basis k of ker A: the projector enters through that basis");
    plan.note("L = 1 is included: x^(2-L) = x, and (I - A^+A) x is then constant along (11)");
    return plan;
  }
}
