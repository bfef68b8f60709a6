package org.wnverify.check.chou;

import java.util.ArrayList;
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

/**
 * Lemma 3.1: the flow from (r0, a u0) with rates (eta_r, a^2 eta_u) is (r(t), a u(t)). Checked as
 * a conservation law by {@link Refinement}: the original flow, the rescaled one and the mutants
 * are integrated as one system, and the difference (r^(a) - r, u^(a) - a u) must stay at its
 * initial value 0 up to integration noise, for both learning rates of the paper ((eta, 1) and
 * (r^2, 1), where eta_r = r^2 is the same function of r in both flows since r^(a) = r).
 */
final class Lemma31Rescaling extends ConservationClaim {
  /** The rescaling factor: far from 1, so that a wrong power of a shows. */
  static final double A = 2.5;

  Lemma31Rescaling() {
    super("chou/lemma-3.1", "Chou, Rauhut, Ward, Lemma 3.1, eqs. (25)-(27)",
        "If (r, u) follows (13)-(14) from (r0, u0) with rates (eta_r, eta_u) and (r^(a), u^(a)) from (r0, a u0) with "
            + "(eta_r, a^2 eta_u), a > 0, then r^(a)(t) = r(t) and u^(a)(t) = a u(t) for all t >= 0.");
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return List.of(ChouHypotheses.R0_POSITIVE);
  }

  /** Flows: for each rate, the original, the rescaled (a^2), and the mutants (a^1, a^0). */
  static final double[] POWERS = {2, 1, 0};

  private static DiagonalNetInstance scaled(DiagonalNetInstance p) {
    return new DiagonalNetInstance(p.a(), p.b(), p.depth(), p.r0(), Vectors.scale(A, p.u0()), p.eta());
  }

  @Override
  FlowSystem system(DiagonalNetInstance p) {
    List<WnFlowOde> parts = new ArrayList<>();
    for (LearningRate rate : LearningRate.values()) {
      parts.add(new WnFlowOde(p, rate));
      for (double power : POWERS) {
        parts.add(new WnFlowOde(scaled(p), rate, Math.pow(A, power)));
      }
    }
    return new ProductFlow(parts);
  }

  /** Index of a part: rate r, flow k (0 original, 1 + j for POWERS[j]). */
  private static int index(int rate, int k) {
    return rate * (1 + POWERS.length) + k;
  }

  @Override
  Function<double[], double[]> quantity(DiagonalNetInstance p) {
    return conclusion(p, 0, 1, A);
  }

  @Override
  Function<double[], double[]> raw(DiagonalNetInstance p) {
    ProductFlow prod = (ProductFlow) system(p);
    return s -> {
      double[] a = prod.part(s, index(0, 0));
      double[] b = prod.part(s, index(1, 0));
      double[] out = new double[a.length + b.length];
      System.arraycopy(a, 0, out, 0, a.length);
      System.arraycopy(b, 0, out, a.length, b.length);
      return out;
    };
  }

  /**
   * (r^(a) - ca r, u^(a) - cu u) for both rates, on the rescaled flow with the rates of POWERS[power]:
   * the lemma's conclusion (ca = 1, cu = a) on the true rates (power 0), or a mutated conclusion or
   * rate.
   */
  private static Function<double[], double[]> conclusion(DiagonalNetInstance p, int power, double ca, double cu) {
    ProductFlow prod = (ProductFlow) new Lemma31Rescaling().system(p);
    int n = p.columns() + 1;
    return s -> {
      double[] q = new double[2 * n];
      for (int rate = 0; rate < 2; rate++) {
        double[] orig = prod.part(s, index(rate, 0));
        double[] resc = prod.part(s, index(rate, 1 + power));
        q[rate * n] = resc[0] - ca * orig[0];
        for (int k = 1; k < n; k++) {
          q[rate * n + k] = resc[k] - cu * orig[k];
        }
      }
      return q;
    };
  }

  /**
   * Mutations of the rates (a^1, a^0 in place of a^2; their flows are integrated with the others)
   * and of the conclusion on the same trajectories: r^(a) = a r (r rescaled too), u^(a) = a^2 u
   * (exponent of a off by one) and u^(a) = -a u (sign flipped). Each such difference is a
   * non-zero multiple of r(t) or u(t), so it stays constant only where the flow does not move,
   * which the refinement reports as undecided, not as held.
   */
  @Override
  List<Mutant> mutants(DiagonalNetInstance p) {
    return List.of(new Mutant("rates (eta_r, a eta_u) instead of (eta_r, a^2 eta_u)", conclusion(p, 1, 1, A)),
        new Mutant("rates unchanged (eta_r, eta_u) for the start (r0, a u0)", conclusion(p, 2, 1, A)),
        new Mutant("r rescaled too: r^(a)(t) = a r(t)", conclusion(p, 0, A, A)),
        new Mutant("exponent of a off by one: u^(a)(t) = a^2 u(t)", conclusion(p, 0, 1, A * A)),
        new Mutant("sign flipped: u^(a)(t) = -a u(t)", conclusion(p, 0, 1, -A)));
  }

  @Override
  ToDoubleFunction<double[]> stop(DiagonalNetInstance p) {
    ProductFlow prod = (ProductFlow) system(p);
    double level = WnRuns.HORIZON_COLLAPSE * p.r0();
    return s -> prod.part(s, 0)[0] - level;
  }
}
