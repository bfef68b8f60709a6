package org.wnverify.check.chou;

import java.util.List;
import java.util.function.Function;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.sampling.Hypothesis;
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
  List<Hypothesis> hypotheses() {
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
    return List.of(new Mutant("exponent 1-L instead of 2-L: (I - A^+A) x^(1-L)", x -> {
      double[] e = new double[x.length];
      for (int k = 0; k < x.length; k++) {
        e[k] = Math.pow(x[k], 1 - depth);
      }
      return proj.apply(e);
    }));
  }
}
