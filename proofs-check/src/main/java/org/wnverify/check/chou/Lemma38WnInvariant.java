package org.wnverify.check.chou;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.generated.InvariantKernel;
import org.wnverify.numeric.linalg.KernelProjector;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** Lemma 3.8: h_eta of (32) is constant along the WN flow with (eta_r, eta_u) = (eta, 1). */
final class Lemma38WnInvariant extends ConservationClaim {
  Lemma38WnInvariant() {
    super("chou/lemma-3.8", "Chou, Rauhut, Ward, Lemma 3.8, eq. (32)",
        "With ||u0|| = 1, h_eta(t) = (I - A^+A) log(u exp(r^2/(2 eta))) (L = 2), "
            + "(I - A^+A) u^(2-L) exp((2-L) r^2/(2 eta)) (L != 2) is constant along (13)-(14).");
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return ChouHypotheses.lemma38();
  }

  @Override
  FlowSystem system(DiagonalNetInstance p) {
    return new WnFlowOde(p, LearningRate.CONSTANT);
  }

  @Override
  Function<double[], double[]> quantity(DiagonalNetInstance p) {
    KernelProjector proj = KernelProjector.of(p.a());
    Function<double[], double[]> raw = raw(p);
    return s -> proj.apply(raw.apply(s));
  }

  @Override
  Function<double[], double[]> raw(DiagonalNetInstance p) {
    int depth = p.depth();
    double eta = p.eta();
    return s -> {
      double[] e = new double[s.length - 1];
      for (int k = 0; k < e.length; k++) {
        e[k] = InvariantKernel.wnInvariantEntry(s[1 + k], s[0], depth, eta);
      }
      return e;
    };
  }

  @Override
  List<Mutant> mutants(DiagonalNetInstance p) {
    KernelProjector proj = KernelProjector.of(p.a());
    int depth = p.depth();
    double eta = p.eta();
    Mutant halfEta = new Mutant("1/eta instead of 1/(2 eta) in the exponential", s -> {
      double[] e = new double[s.length - 1];
      double r2 = s[0] * s[0];
      for (int k = 0; k < e.length; k++) {
        e[k] = depth == 2 ? Math.log(s[1 + k]) + r2 / eta
            : Math.pow(s[1 + k], 2 - depth) * Math.exp((2 - depth) * r2 / eta);
      }
      return proj.apply(e);
    });
    Mutant exponent = new Mutant("exponent 1-L instead of 2-L on u: u^(1-L) exp((2-L) r^2/(2 eta))", s -> {
      double[] e = new double[s.length - 1];
      double r2 = s[0] * s[0];
      for (int k = 0; k < e.length; k++) {
        e[k] = Math.pow(s[1 + k], 1 - depth) * Math.exp((2 - depth) * r2 / (2 * eta));
      }
      return proj.apply(e);
    });
    Function<double[], double[]> raw = raw(p);
    Mutant signFlipped = new Mutant("sign of the exponential flipped: exp(-r^2/(2 eta)) in place of exp(r^2/(2 eta))",
        s -> {
          double[] e = new double[s.length - 1];
          double r2 = s[0] * s[0];
          for (int k = 0; k < e.length; k++) {
            e[k] = depth == 2 ? Math.log(s[1 + k]) - r2 / (2 * eta)
                : Math.pow(s[1 + k], 2 - depth) * Math.exp(-(2 - depth) * r2 / (2 * eta));
          }
          return proj.apply(e);
        });
    Mutant projectionSign = new Mutant("sign flipped in the projection: (I + A^+A) in place of (I - A^+A)", s -> {
      double[] v = raw.apply(s);
      double[] k = proj.apply(v);
      double[] e = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        e[i] = 2 * v[i] - k[i]; // (I + A^+A) v = 2 v - (I - A^+A) v
      }
      return e;
    });
    // Not a control, true in disguise: a constant multiple of h_eta (e.g. a halved constant, or
    // the sign of the whole quantity flipped) is as constant as h_eta.
    return List.of(halfEta, exponent, signFlipped, projectionSign,
        new Mutant("projection (I - A^+A) dropped: log(u exp(r^2/(2 eta))) (L = 2), u^(2-L) exp((2-L) r^2/(2 eta)) constant",
            raw));
  }

  @Override
  ToDoubleFunction<double[]> stop(DiagonalNetInstance p) {
    return WnRuns.collapse(p, WnRuns.HORIZON_COLLAPSE);
  }
}
