package org.wnverify.check.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.GeneratedInstance;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Seeded sampler of the corrected hypothesis region of Theorem 2.2, eta^(1/2) <= r0 <=
 * ||A^+b||^(1/L) (the range its proof uses; {@link ChouHypotheses#R0_IN_PROOF_RANGE}), with the
 * region's own corners: both ends of the r0 range exactly, the adversarial u0 of the COLLAPSE
 * corner moved into the range, and the standard dimension / sparsity / eta / u0 corners.
 *
 * <p>It wraps {@link ChouSampler} with {@link R0Rule#PROOF_RANGE} rather than adding corners to
 * it: ChouSampler's corner sequence is pinned by the default audit (the corrected rho claim
 * samples all of its corners), and the printed region's corners (r0 at min(eta^(1/2), ...), tiny
 * r0) lie outside this one.
 */
public final class ProofRangeSampler implements Supplier<GeneratedInstance> {
  /** Where r0 goes after ChouSampler's draw. */
  enum Placement {
    /** as drawn: uniform in the range. */
    AS_DRAWN,
    /** r0 = eta^(1/2): the lower end, where eta = r0^2 and the proof's rates are slowest. */
    LOWER_END,
    /** r0 = ||A^+b||^(1/L): the upper end, the bound the printed statement and the proof share. */
    UPPER_END,
    /**
     * The COLLAPSE corner (u0 weighted to the coordinates where A^T b < 0, L = 2, eta = 1) with r0
     * raised into the range: r0 = 1 if ||A^+b||^(1/2) >= 1, else eta = ||A^+b|| and r0 = its root.
     * This is where the printed range fails (r(t) -> 0); the corrected one claims it cannot.
     */
    COLLAPSE_INTO_RANGE
  }

  private record Draw(ChouSampler.Corner corner, Placement placement) {}

  private final ChouSampler inner;
  private final List<Draw> draws;
  private int drawn;

  private ProofRangeSampler(SplittableRandom rng, int[] depths, List<Draw> draws) {
    List<ChouSampler.Corner> corners = new ArrayList<>();
    for (Draw d : draws) {
      corners.add(d.corner());
    }
    this.inner = new ChouSampler(rng, depths, R0Rule.PROOF_RANGE, corners);
    this.draws = List.copyOf(draws);
  }

  /**
   * The corners for the conclusions of Theorem 2.2 under the corrected range.
   *
   * @param preconditionGap whether to visit the gap of the error bound's precondition (Q between
   *     c_L (rho^-L beta1)^(2/L) and c_L rho^-L beta1; that corner has eta = r0^2, the lower end)
   */
  public static ProofRangeSampler forTheorem22(SplittableRandom rng, int[] depths, boolean preconditionGap) {
    List<Draw> d = new ArrayList<>(List.of(new Draw(ChouSampler.Corner.GENERIC, Placement.LOWER_END),
        new Draw(ChouSampler.Corner.GENERIC, Placement.UPPER_END),
        new Draw(ChouSampler.Corner.COLLAPSE, Placement.COLLAPSE_INTO_RANGE)));
    if (preconditionGap) {
      d.add(new Draw(ChouSampler.Corner.PRECONDITION_GAP_RHO, Placement.AS_DRAWN));
    }
    // SMALL_ETA next, so that it falls on L = 2 for depths {2, 3, 4} and {2, 3} alike: at L = 4 a small eta
    // makes u turn so slowly near the saddle at 0 that the limit run spends its budget (as LIMIT_ORDER does)
    for (ChouSampler.Corner c : List.of(ChouSampler.Corner.SMALL_ETA, ChouSampler.Corner.SPARSE_SOLUTION,
        ChouSampler.Corner.MINIMAL_DIMENSIONS, ChouSampler.Corner.LARGE_ETA, ChouSampler.Corner.UNIFORM_U0)) {
      d.add(new Draw(c, Placement.AS_DRAWN));
    }
    return new ProofRangeSampler(rng, depths, d);
  }

  @Override
  public GeneratedInstance get() {
    int k = drawn++;
    Placement placement = k < draws.size() ? draws.get(k).placement() : Placement.AS_DRAWN;
    GeneratedInstance g = inner.next();
    DiagonalNetInstance p = g.instance();
    double s = Math.pow(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), 1.0 / p.depth());
    DiagonalNetInstance q = switch (placement) {
      case AS_DRAWN -> p;
      case LOWER_END -> atLowerEnd(p, p.eta(), s);
      case UPPER_END -> with(p, s, p.eta());
      case COLLAPSE_INTO_RANGE -> s >= 1 ? with(p, 1.0, 1.0) : atLowerEnd(p, s * s, s);
    };
    String label = switch (placement) {
      case AS_DRAWN -> g.label();
      case LOWER_END -> "r0-at-lower-end-" + k + "-L" + p.depth();
      case UPPER_END -> "r0-at-upper-end-" + k + "-L" + p.depth();
      case COLLAPSE_INTO_RANGE -> "collapse-u0-in-range-" + k + "-L" + p.depth();
    };
    return new GeneratedInstance(q, g.kernelVector(), g.solution(), label);
  }

  /**
   * r0 = eta^(1/2) exactly (the hypothesis compares with Math.sqrt), with eta lowered by ulps if
   * rounding put eta^(1/2) a hair above ||A^+b||^(1/L).
   */
  private static DiagonalNetInstance atLowerEnd(DiagonalNetInstance p, double eta, double s) {
    double e = eta;
    while (Math.sqrt(e) > s) {
      e = Math.nextDown(e);
    }
    return with(p, Math.sqrt(e), e);
  }

  private static DiagonalNetInstance with(DiagonalNetInstance p, double r0, double eta) {
    return new DiagonalNetInstance(p.a(), p.b(), p.depth(), r0, p.u0(), eta);
  }
}
