package org.wnverify.check.sampling;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.wnverify.check.chou.DiagonalNetFamily;
import org.wnverify.check.problem.Shrinker;
import org.wnverify.numeric.bound.ChouBounds;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.lp.WeightedL1Program;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.InstanceGenerator;
import org.wnverify.numeric.problem.GeneratedInstance;

class SamplingTest {
  @Test
  void sampledInstancesSatisfyTheorem22Hypotheses() {
    ChouSampler s = ChouSampler.standard(new SplittableRandom(7), 2, 3, 4);
    for (int k = 0; k < 12; k++) {
      GeneratedInstance g = s.next();
      assertThat(ChouHypotheses.allUnmet(ChouHypotheses.theorem22(), g.instance())).as(g.label()).isEmpty();
    }
  }

  @Test
  void findingCornersAreBuiltAsDocumented() {
    for (long seed = 1; seed <= 20; seed++) {
      ChouSampler s = new ChouSampler(new SplittableRandom(seed), new int[] {2, 3}, InstanceGenerator.R0Rule.INTERIOR,
          List.of(ChouSampler.Corner.COLLAPSE, ChouSampler.Corner.PRECONDITION_GAP, ChouSampler.Corner.PRECONDITION_GAP_RHO,
              ChouSampler.Corner.U0_ON_FACE));
      DiagonalNetInstance collapse = s.next().instance();
      assertThat(ChouHypotheses.allUnmet(ChouHypotheses.theorem22(), collapse)).isEmpty();
      assertThat(collapse.depth()).isEqualTo(2);
      // u0 weighted towards A^T b < 0: d/dt r < 0 at small r
      double[] atb = new double[collapse.columns()];
      for (int i = 0; i < collapse.rows(); i++) {
        for (int k = 0; k < atb.length; k++) {
          atb[k] += collapse.a()[i][k] * collapse.b()[i];
        }
      }
      double s2 = 0;
      for (int k = 0; k < atb.length; k++) {
        s2 += atb[k] * collapse.u0()[k] * collapse.u0()[k];
      }
      assertThat(s2).isNegative();

      for (int j = 0; j < 2; j++) {
        DiagonalNetInstance gap = s.next().instance();
        assertThat(ChouHypotheses.allUnmet(ChouHypotheses.theorem22(), gap)).isEmpty();
        assertThat(gap.depth()).isGreaterThanOrEqualTo(3);
        double beta1 = Vectors.dot(gap.x0(), gap.x0());
        assertThat(beta1).isGreaterThan(1);
        if (j == 0) {
          double q = WeightedL1Program.minimise(gap.a(), gap.b(), Vectors.pow(gap.x0(), 2.0 - gap.depth())).value();
          assertThat(ChouBounds.preconditionHolds(gap.depth(), q, beta1)).isTrue();
          assertThat(q).isLessThan(ChouBounds.cL(gap.depth()) * beta1);
        }
      }

      DiagonalNetInstance face = s.next().instance();
      assertThat(ChouHypotheses.allUnmet(ChouHypotheses.lemma319(), face)).isEmpty();
      assertThat(ChouHypotheses.allUnmet(ChouHypotheses.lemma319Corrected(), face)).isNotEmpty();
      assertThat(Arrays.stream(face.u0()).filter(x -> x != 0).count()).isEqualTo(1);
    }
  }

  @Test
  void shrinkerKeepsFailingAndSimplifies() {
    DiagonalNetInstance start = new DiagonalNetInstance(new double[][] {{1.234567, -0.987654, 0.5}, {0.3, 0.2, -0.61}},
        new double[] {0.7, -0.2}, 3, 0.123456, new double[] {0.5, 0.5, Math.sqrt(0.5)}, 2.345);
    Shrinker.Result<DiagonalNetInstance> r =
        Shrinker.shrink(start, DiagonalNetFamily.INSTANCE::simpler, p -> p.r0() < 0.2, () -> { }, 200);
    assertThat(r.instance().r0()).isLessThan(0.2);
    assertThat(r.instance().rows()).isEqualTo(1);
    assertThat(r.instance().columns()).isEqualTo(2);
    assertThat(r.instance().depth()).isEqualTo(2);
  }
}
