package org.wnverify.check.chou;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Lemma 3.2: ||u(t)||_2 = ||u(0)||_2 along the WN flow. */
final class Lemma32ConstantNorm extends ConservationClaim {
  Lemma32ConstantNorm() {
    super("chou/lemma-3.2", "Chou, Rauhut, Ward, Lemma 3.2",
        "For all t >= 0, ||u(t)||_2 = ||u(0)||_2 along the WN flow (13)-(14).");
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return List.of(ChouHypotheses.R0_POSITIVE);
  }

  static double[] u(double[] s) {
    double[] u = new double[s.length - 1];
    System.arraycopy(s, 1, u, 0, u.length);
    return u;
  }

  @Override
  FlowSystem system(DiagonalNetInstance p) {
    return new WnFlowOde(p, LearningRate.CONSTANT);
  }

  @Override
  Function<double[], double[]> quantity(DiagonalNetInstance p) {
    return s -> new double[] {Vectors.norm(u(s))};
  }

  @Override
  Function<double[], double[]> raw(DiagonalNetInstance p) {
    return Lemma32ConstantNorm::u;
  }

  @Override
  List<Mutant> mutants(DiagonalNetInstance p) {
    // Not controls, true in disguise: ||u||_2^2 (or any function of ||u||_2) and c ||u||_2 are
    // constant exactly when ||u||_2 is.
    return List.of(new Mutant("||u(t)||_1 constant (l1 instead of l2 norm)",
            s -> new double[] {Vectors.norm1(u(s))}),
        new Mutant("r(t) constant (the magnitude r in place of the direction u)", s -> new double[] {s[0]}),
        new Mutant("r(t)^2 - ||u(t)||_2^2 constant (the balancedness law of an unnormalised factorisation)",
            s -> new double[] {s[0] * s[0] - Vectors.dot(u(s), u(s))}));
  }

  @Override
  ToDoubleFunction<double[]> stop(DiagonalNetInstance p) {
    return WnRuns.collapse(p, WnRuns.HORIZON_COLLAPSE);
  }
}
