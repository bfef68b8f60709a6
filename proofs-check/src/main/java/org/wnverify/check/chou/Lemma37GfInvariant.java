package org.wnverify.check.chou;

import java.util.List;
import java.util.function.Function;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.generated.InvariantKernel;
import org.wnverify.numeric.linalg.KernelProjector;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.GradientFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Lemma 3.7: h0 = (I - A^+A) (log x if L = 2, x^(2-L) otherwise) is constant along GF (11). */
final class Lemma37GfInvariant extends ConservationClaim {
  Lemma37GfInvariant() {
    super("chou/lemma-3.7", "Chou, Rauhut, Ward, Lemma 3.7, eq. (31)",
        "Along GF (11), h0(t) = (I - A^+A) log(x(t)) (L = 2), (I - A^+A) x(t)^(2-L) (L != 2) is constant.");
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return ChouHypotheses.lemma37();
  }

  @Override
  FlowSystem system(DiagonalNetInstance p) {
    return new GradientFlowOde(p);
  }

  @Override
  Function<double[], double[]> quantity(DiagonalNetInstance p) {
    KernelProjector proj = KernelProjector.of(p.a());
    Function<double[], double[]> raw = raw(p);
    return x -> proj.apply(raw.apply(x));
  }

  @Override
  Function<double[], double[]> raw(DiagonalNetInstance p) {
    int depth = p.depth();
    return x -> {
      double[] e = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        e[k] = InvariantKernel.gfInvariantEntry(x[k], depth);
      }
      return e;
    };
  }

  @Override
  List<Mutant> mutants(DiagonalNetInstance p) {
    KernelProjector proj = KernelProjector.of(p.a());
    int depth = p.depth();
    Function<double[], double[]> raw = raw(p);
    // Not controls, true in disguise: c (I - A^+A) x^(2-L) for a constant c (e.g. the 1/(2-L) of an
    // antiderivative, or a halved constant), and -(I - A^+A) log x (L = 2); x^(L-2) is constant
    // for L = 2 and x^(3-L) for L = 3, so those exponent slips are not wrong for every L.
    return List.of(new Mutant("exponent 1-L instead of 2-L: (I - A^+A) x^(1-L)", x -> {
      double[] e = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        e[k] = Math.pow(x[k], 1 - depth);
      }
      return proj.apply(e);
    }), new Mutant("projection (I - A^+A) dropped: log x (L = 2), x^(2-L) (L != 2) constant", raw),
        new Mutant("sign flipped in the projection: (I + A^+A) in place of (I - A^+A)", x -> {
          double[] v = raw.apply(x);
          double[] k = proj.apply(v);
          double[] e = new double[v.length];
          for (int i = 0; i < v.length; i++) {
            e[i] = 2 * v[i] - k[i]; // (I + A^+A) v = 2 v - (I - A^+A) v
          }
          return e;
        }));
  }
}
