package org.wnverify.check.sampling;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.numeric.problem.GeneratedInstance;
import org.wnverify.numeric.problem.InstanceGenerator;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;
import org.wnverify.numeric.problem.InstanceGenerator.Spec;

/**
 * Seeded sampler of instances satisfying the hypotheses of Theorem 2.2 (and hence of the lemmas),
 * cycling through the corners of the hypothesis region before drawing generic instances: r0
 * exactly at the printed bound, tiny r0, M = 1 / N = 2, sparse x*, small and large eta.
 */
public final class ChouSampler {
  /** The corners, in the order they are visited; index >= corners count gives generic draws. */
  public enum Corner {
    GENERIC, R0_AT_BOUND, TINY_R0, MINIMAL_DIMENSIONS, SPARSE_SOLUTION, SMALL_ETA, LARGE_ETA,
    UNIFORM_U0
  }

  /** eta of the SMALL_ETA / LARGE_ETA corners: two decades either side of the neutral 1. */
  static final double SMALL_ETA = 1e-2;
  static final double LARGE_ETA = 1e2;

  private final SplittableRandom rng;
  private final int[] depths;
  private final R0Rule defaultRule;
  private final List<Corner> corners;
  private int drawn;

  /**
   * @param rng the claim's stream
   * @param depths the depths L to cycle through
   * @param defaultRule where r0 goes outside the r0 corners
   * @param corners the corners to visit first, in order
   */
  public ChouSampler(SplittableRandom rng, int[] depths, R0Rule defaultRule, List<Corner> corners) {
    this.rng = rng;
    this.depths = depths.clone();
    this.defaultRule = defaultRule;
    this.corners = List.copyOf(corners);
  }

  /** All corners in default order. */
  public static ChouSampler standard(SplittableRandom rng, int... depths) {
    return new ChouSampler(rng, depths, R0Rule.INTERIOR, List.of(Corner.values()));
  }

  public GeneratedInstance next() {
    int k = drawn++;
    Corner c = k < corners.size() ? corners.get(k) : Corner.GENERIC;
    int depth = depths[k % depths.length];
    int m = 1 + rng.nextInt(3);
    int n = m + 1 + rng.nextInt(3);
    int zeros = 0;
    boolean uniform = false;
    double eta = Math.exp(Math.log(0.1) + rng.nextDouble() * Math.log(100.0));
    R0Rule rule = defaultRule;
    switch (c) {
      case R0_AT_BOUND -> rule = defaultRule == R0Rule.PROOF_RANGE ? rule : R0Rule.AT_BOUND;
      case MINIMAL_DIMENSIONS -> {
        m = 1;
        n = 2;
      }
      case SPARSE_SOLUTION -> zeros = Math.max(1, n - m - 1 + rng.nextInt(2));
      case SMALL_ETA -> eta = SMALL_ETA;
      case LARGE_ETA -> eta = LARGE_ETA;
      case TINY_R0 -> rule = defaultRule == R0Rule.PROOF_RANGE ? rule : R0Rule.TINY;
      case UNIFORM_U0 -> uniform = true;
      default -> { }
    }
    zeros = Math.min(zeros, n - 1);
    GeneratedInstance g = InstanceGenerator.generate(rng, new Spec(m, n, depth, zeros, uniform, eta, rule));
    String label = c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-" + k + "-L" + depth;
    return new GeneratedInstance(g.instance(), g.kernelVector(), g.solution(), label);
  }

  public List<GeneratedInstance> next(int count) {
    List<GeneratedInstance> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }
}
