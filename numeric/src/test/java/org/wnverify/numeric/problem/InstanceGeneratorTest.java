package org.wnverify.numeric.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

class InstanceGeneratorTest {
  @Test
  void hypothesesHoldByConstruction() {
    SplittableRandom rng = new SplittableRandom(7);
    for (InstanceGenerator.R0Rule rule : InstanceGenerator.R0Rule.values()) {
      for (int depth = 2; depth <= 4; depth++) {
        GeneratedInstance g = InstanceGenerator.generate(rng, new InstanceGenerator.Spec(2, 4, depth, 1, false, 0.5, rule));
        DiagonalNetInstance p = g.instance();
        assertThat(Vectors.normInf(Vectors.multiply(p.a(), g.kernelVector()))).isLessThan(1e-12);
        assertThat(Vectors.min(g.kernelVector())).isPositive();
        assertThat(Vectors.min(g.solution())).isGreaterThanOrEqualTo(0);
        assertThat(Vectors.distance(Vectors.multiply(p.a(), g.solution()), p.b())).isLessThan(1e-12);
        assertThat(Vectors.min(p.u0())).isPositive();
        assertThat(Math.abs(Vectors.norm(p.u0()) - 1)).isLessThan(1e-15);
        double bound = ChouBounds.r0Bound(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), depth, p.eta());
        if (rule == InstanceGenerator.R0Rule.PROOF_RANGE) {
          double s = Math.pow(PseudoInverse.minNormSolutionNorm(p.a(), p.b()), 1.0 / depth);
          assertThat(p.r0()).isBetween(Math.sqrt(p.eta()), s);
        } else {
          assertThat(p.r0()).isPositive().isLessThanOrEqualTo(bound);
        }
      }
    }
  }

  @Test
  void sameSeedSameNumbers() {
    InstanceGenerator.Spec spec = new InstanceGenerator.Spec(2, 3, 2, 0, false, 1.0, InstanceGenerator.R0Rule.INTERIOR);
    assertThat(InstanceGenerator.generate(new SplittableRandom(3), spec).instance())
        .isEqualTo(InstanceGenerator.generate(new SplittableRandom(3), spec).instance());
  }

  @Test
  void lossOfExactSolutionIsZero() {
    double[][] a = {{1, -1}};
    assertThat(Loss.value(a, new double[] {3}, 2, new double[] {2, 1})).isZero();
    assertThat(Loss.value(a, new double[] {0}, 2, new double[] {1, 0})).isEqualTo(0.25);
  }
}
