package org.wnverify.check.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.lp.PositiveKernelVector;
import org.wnverify.numeric.lp.WeightedL1Program;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/** The hypotheses printed in the statements of Chou, Rauhut and Ward, and checks of them. */
public final class ChouHypotheses {
  /**
   * Slack for ||u0||_2 = 1: a unit vector written to JSON with 17 digits and read back has norm
   * 1 within a few ulps; 1e-12 accepts that and nothing else.
   */
  public static final double UNIT_NORM_SLACK = 1e-12;

  private ChouHypotheses() {}

  private static Hypothesis<DiagonalNetInstance> of(String text, Function<DiagonalNetInstance, String> why) {
    return Hypothesis.of(text, why);
  }

  public static final Hypothesis<DiagonalNetInstance> DEPTH_AT_LEAST_2 =
      of("L >= 2", p -> p.depth() >= 2 ? null : "L = " + p.depth());
  public static final Hypothesis<DiagonalNetInstance> R0_POSITIVE = of("r0 > 0", p -> p.r0() > 0 ? null : "r0 = " + p.r0());
  public static final Hypothesis<DiagonalNetInstance> U0_POSITIVE = of("u0 > 0",
      p -> Vectors.min(p.u0()) > 0 ? null : "min u0 = " + Vectors.min(p.u0()));
  public static final Hypothesis<DiagonalNetInstance> U0_UNIT = of("||u0||_2 = 1",
      p -> Math.abs(Vectors.norm(p.u0()) - 1) <= UNIT_NORM_SLACK ? null
          : "||u0||_2 = " + Vectors.norm(p.u0()));
  public static final Hypothesis<DiagonalNetInstance> R0_AT_MOST_BOUND = of("r0 <= min(eta^(1/2), ||A^+ b||_2^(1/L))", p -> {
    double bound = ChouBounds.r0Bound(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), p.depth(), p.eta());
    return p.r0() <= bound ? null : "r0 = " + p.r0() + " > " + bound;
  });
  /** The range the proof of Theorem 2.2 actually uses (eta <= r0^2), with r0 <= ||A^+b||^(1/L). */
  public static final Hypothesis<DiagonalNetInstance> R0_IN_PROOF_RANGE = of("eta^(1/2) <= r0 <= ||A^+ b||_2^(1/L)", p -> {
    double s = Math.pow(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), 1.0 / p.depth());
    double lo = Math.sqrt(p.eta());
    return lo <= p.r0() && p.r0() <= s ? null : "r0 = " + p.r0() + " not in [" + lo + ", " + s + "]";
  });
  public static final Hypothesis<DiagonalNetInstance> POSITIVE_KERNEL_VECTOR = of("exists v > 0 with A v = 0",
      p -> PositiveKernelVector.find(p.a()).isPresent() ? null : "no strictly positive vector in ker A (LP)");
  public static final Hypothesis<DiagonalNetInstance> S_PLUS_NON_EMPTY = of("S+ = {z >= 0 : A z = b} non-empty",
      p -> WeightedL1Program.feasiblePoint(p.a(), p.b()).optimal() ? null : "S+ is empty (LP infeasible)");
  public static final Hypothesis<DiagonalNetInstance> X0_POSITIVE = of("x0 > 0",
      p -> Vectors.min(p.x0()) > 0 ? null : "min x0 = " + Vectors.min(p.x0()));

  public static final Hypothesis<DiagonalNetInstance> B_NONZERO = of("b != 0",
      p -> Vectors.normInf(p.b()) > 0 ? null : "b = 0");
  public static final Hypothesis<DiagonalNetInstance> DEPTH_ONE_OR_TWO = of("L = 1 or L = 2",
      p -> p.depth() <= 2 ? null : "L = " + p.depth());
  public static final Hypothesis<DiagonalNetInstance> DEPTH_TWO = of("L = 2", p -> p.depth() == 2 ? null : "L = " + p.depth());
  public static final Hypothesis<DiagonalNetInstance> U0_NON_NEGATIVE = of("u0 >= 0",
      p -> Vectors.min(p.u0()) >= 0 ? null : "min u0 = " + Vectors.min(p.u0()));

  /** Lemma 3.3. */
  public static List<Hypothesis<DiagonalNetInstance>> lemma33() {
    return List.of(DEPTH_AT_LEAST_2, R0_POSITIVE, U0_POSITIVE);
  }

  /** Lemma 3.7: L in N; h0 needs x > 0 to be defined for L = 2 (log) and L > 2 (negative power). */
  public static List<Hypothesis<DiagonalNetInstance>> lemma37() {
    return List.of(X0_POSITIVE);
  }

  /** Lemma 3.8: ||u0|| = 1; u > 0 for the log / negative powers to be defined. */
  public static List<Hypothesis<DiagonalNetInstance>> lemma38() {
    return List.of(U0_UNIT, R0_POSITIVE, U0_POSITIVE);
  }

  /** Theorem 2.2 as printed (the existence of the limit is checked numerically). */
  public static List<Hypothesis<DiagonalNetInstance>> theorem22() {
    return List.of(DEPTH_AT_LEAST_2, R0_POSITIVE, U0_POSITIVE, U0_UNIT, R0_AT_MOST_BOUND,
        POSITIVE_KERNEL_VECTOR, S_PLUS_NON_EMPTY);
  }

  /** Theorem 2.2 with the range of r0 its proof uses. */
  public static List<Hypothesis<DiagonalNetInstance>> theorem22ProofRange() {
    return List.of(DEPTH_AT_LEAST_2, R0_POSITIVE, U0_POSITIVE, U0_UNIT, R0_IN_PROOF_RANGE,
        POSITIVE_KERNEL_VECTOR, S_PLUS_NON_EMPTY);
  }

  /** Theorem 2.1 (gradient flow): L >= 2, S+ non-empty, x0 > 0. */
  public static List<Hypothesis<DiagonalNetInstance>> theorem21() {
    return List.of(DEPTH_AT_LEAST_2, X0_POSITIVE, S_PLUS_NON_EMPTY);
  }

  /** Theorem 2.3: the setting of Theorem 2.2 with L = 2. */
  public static List<Hypothesis<DiagonalNetInstance>> theorem23() {
    List<Hypothesis<DiagonalNetInstance>> hs = new ArrayList<>(theorem22());
    hs.add(1, DEPTH_TWO);
    return List.copyOf(hs);
  }

  /** Theorem 2.4: the setting of Theorem 2.2 (rates (r^2, 1)) and b != 0. */
  public static List<Hypothesis<DiagonalNetInstance>> theorem24() {
    List<Hypothesis<DiagonalNetInstance>> hs = new ArrayList<>(theorem22());
    hs.add(B_NONZERO);
    return List.copyOf(hs);
  }

  /** Lemma 3.19 as printed: L >= 2, ||u(0)|| = 1, r(0) > 0, b != 0, S+ non-empty (nothing on the sign of u0). */
  public static List<Hypothesis<DiagonalNetInstance>> lemma319() {
    return List.of(DEPTH_AT_LEAST_2, U0_UNIT, R0_POSITIVE, B_NONZERO, S_PLUS_NON_EMPTY);
  }

  /** Lemma 3.19 with the hypothesis its proof uses (x(t) > 0 for D_F(z, x~(t)) to be finite): u0 > 0. */
  public static List<Hypothesis<DiagonalNetInstance>> lemma319Corrected() {
    return List.of(DEPTH_AT_LEAST_2, U0_UNIT, R0_POSITIVE, U0_POSITIVE, B_NONZERO, S_PLUS_NON_EMPTY);
  }

  /** The first unmet hypothesis, as "hypothesis 'text' is not met: why". */
  public static Optional<String> firstUnmet(List<Hypothesis<DiagonalNetInstance>> hs, DiagonalNetInstance p) {
    return Hypothesis.firstUnmet(hs, p);
  }

  /** All unmet hypotheses. */
  public static List<String> allUnmet(List<Hypothesis<DiagonalNetInstance>> hs, DiagonalNetInstance p) {
    List<String> out = new ArrayList<>();
    for (Hypothesis<DiagonalNetInstance> h : hs) {
      h.unmet(p).ifPresent(w -> out.add(h.text() + " (" + w + ")"));
    }
    return out;
  }
}
