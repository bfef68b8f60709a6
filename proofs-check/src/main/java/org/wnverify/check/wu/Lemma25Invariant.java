package org.wnverify.check.wu;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Lemma 2.5 along integrated trajectories of the corrected WN flow, beside its symbolic proof
 * (wu/lemma-2.5#proof): the vector form w_t_perp = exp((g0^2 - g_t^2)/(2c)) w0_perp, checked as the
 * conserved quantity w_perp exp((g^2 - g0^2)/(2c)); and the squared-norm form
 * ||w_perp||^2 exp(g^2/2c) as printed (which the symbolic audit refutes) with its corrected
 * exponent g^2/c.
 */
final class Lemma25Invariant {
  private Lemma25Invariant() {}

  static final String STATEMENT = "Assume c > 0 in Condition 2.1. Under the setting of Lemma 2.2, w_t_perp = "
      + "exp((g0^2 - g_t^2)/(2c)) w0_perp and so ||w_t_perp||^2 exp(g_t^2/2c) = ||w0_perp||^2 exp(g0^2/2c). (6)";

  static double[] perp(WuGeometry geo, double[] state) {
    return geo.perp(WuFlow.w(state));
  }

  /** w_perp exp(k (g^2 - g0^2)) for a factor k. */
  static Function<double[], double[]> vectorForm(WuInstance p, double k, double sign) {
    WuGeometry geo = WuGeometry.of(p);
    double g02 = p.g0() * p.g0();
    return s -> Vectors.scale(Math.exp(sign * k * (s[0] * s[0] - g02)), perp(geo, s));
  }

  /** ||w_perp||^2 exp(k g^2), relative to its start (so that the scale is 1). */
  static Function<double[], double[]> squaredForm(WuInstance p, double k) {
    WuGeometry geo = WuGeometry.of(p);
    double g02 = p.g0() * p.g0();
    return s -> {
      double n = Vectors.norm(perp(geo, s));
      return new double[] {n * n * Math.exp(k * (s[0] * s[0] - g02))};
    };
  }

  /**
   * Stop the horizon once ||w_perp|| fell to this fraction of its start, as for Theorem D.2
   * ({@link TheoremD2Invariant#MEASURABLE_DECAY}, same reason): w_perp decays like
   * exp(-(g^2 - g0^2)/(2c)), and below ~1e-4 of its start its entries are differences of O(1)
   * numbers accurate only to the integration tolerance and rounding, which the factor
   * exp((g^2 - g0^2)/(2c)) of the checked quantity multiplies back up (soak seed 8, draw 6: drift
   * and noise 3e38 at T = 200; corner c = 0.2: 6e8). Past that point the refinement measures
   * amplified noise, not the invariant, and reported the instance as "did not move enough".
   */
  static final double MEASURABLE_DECAY = TheoremD2Invariant.MEASURABLE_DECAY;

  /** The horizon's stop rule for the trajectory checks of (6); null if w0_perp = 0 (nothing decays). */
  static ToDoubleFunction<double[]> perpDecayStop(WuInstance p) {
    WuGeometry geo = WuGeometry.of(p);
    double n0 = Vectors.norm(geo.perp(p.w0()));
    return n0 == 0 ? null : st -> Vectors.norm(perp(geo, st)) / n0 - MEASURABLE_DECAY;
  }

  static boolean cNotOne(WuInstance p) {
    return Math.abs(p.c() - 1) > 0.05;
  }

  static boolean hasPerp(WuInstance p) {
    return Vectors.norm(WuGeometry.of(p).perp(p.w0())) > 1e-6;
  }

  static final class AlongTrajectories extends InvariantClaim {
    AlongTrajectories() {
      super("wu/lemma-2.5#along-trajectories", "Wu et al., Lemma 2.5, first part of (6); Appendix C.3",
          STATEMENT + " [checked: the first part, w_t_perp exp((g_t^2 - g0^2)/(2c)) = w0_perp along the flow]");
    }

    @Override
    Function<double[], double[]> quantity(WuInstance p) {
      return vectorForm(p, 1 / (2 * p.c()), 1);
    }

    @Override
    ToDoubleFunction<double[]> stop(WuInstance p) {
      return perpDecayStop(p);
    }

    @Override
    List<String> notes() {
      return List.of("integrated flow: Appendix B's final formula (corrected (4)); w_perp is the orthogonal projection "
          + "onto ker A (C.3's P_perp)");
    }

    @Override
    List<Mutant> mutants() {
      return List.of(
          new Mutant("exponent (g0^2 - g^2)/c (the 2 dropped)", p -> vectorForm(p, 1 / p.c(), 1), Lemma25Invariant::hasPerp),
          new Mutant("sign of the exponent flipped", p -> vectorForm(p, 1 / (2 * p.c()), -1), Lemma25Invariant::hasPerp),
          new Mutant("c dropped: exp((g0^2 - g^2)/2)", p -> vectorForm(p, 0.5, 1),
              p -> hasPerp(p) && cNotOne(p)));
    }
  }

  static final class SquaredNorm extends InvariantClaim {
    private final boolean corrected;

    SquaredNorm(boolean corrected) {
      super(corrected ? "wu/lemma-2.5#squared-norm-along-trajectories-corrected" : "wu/lemma-2.5#squared-norm-along-trajectories",
          "Wu et al., Lemma 2.5, second part of (6)" + (corrected ? " (corrected: exp(g^2/c))" : ""),
          corrected ? "||w_t_perp||^2 exp(g_t^2/c) = ||w0_perp||^2 exp(g0^2/c) along the WN flow (what the first part "
              + "of (6) implies)" : STATEMENT + " [checked: the second part as printed]");
      this.corrected = corrected;
    }

    @Override
    Function<double[], double[]> quantity(WuInstance p) {
      return squaredForm(p, corrected ? 1 / p.c() : 1 / (2 * p.c()));
    }

    @Override
    ToDoubleFunction<double[]> stop(WuInstance p) {
      return perpDecayStop(p);
    }

    @Override
    List<Mutant> mutants() {
      if (corrected) {
        return List.of(
            new Mutant("exponent g^2/(2c) (as printed)", p -> squaredForm(p, 1 / (2 * p.c())), Lemma25Invariant::hasPerp),
            new Mutant("sign of the exponent flipped", p -> squaredForm(p, -1 / p.c()), Lemma25Invariant::hasPerp),
            new Mutant("c dropped: exp(g^2)", p -> squaredForm(p, 1.0), p -> hasPerp(p) && cNotOne(p)));
      }
      return List.of(
          new Mutant("sign of the exponent flipped", p -> squaredForm(p, -1 / (2 * p.c())), Lemma25Invariant::hasPerp),
          new Mutant("exponent g^2/(4c)", p -> squaredForm(p, 1 / (4 * p.c())), Lemma25Invariant::hasPerp));
    }
  }
}
