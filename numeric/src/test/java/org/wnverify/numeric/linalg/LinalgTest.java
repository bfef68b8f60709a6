package org.wnverify.numeric.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LinalgTest {
  @Test
  void pseudoInverseOfRowVectorIsScaledTranspose() {
    double[][] p = PseudoInverse.of(new double[][] {{1, -1}}).matrix();
    assertThat(p[0][0]).isCloseTo(0.5, within(1e-15));
    assertThat(p[1][0]).isCloseTo(-0.5, within(1e-15));
    assertThat(PseudoInverse.minNormSolutionNorm(new double[][] {{1, -1}}, new double[] {1}))
        .isCloseTo(Math.sqrt(0.5), within(1e-15));
  }

  @Test
  void projectorAnnihilatesRowSpaceAndKeepsKernel() {
    double[][] a = {{1, 2, 3}, {0, 1, -1}};
    KernelProjector p = KernelProjector.of(a);
    assertThat(Vectors.norm(p.apply(a[0]))).isLessThan(1e-14);
    double[] v = {-5, 1, 1}; // A v = 0
    assertThat(Vectors.distance(p.apply(v), v)).isLessThan(1e-14);
    assertThat(p.kernelDimension()).isEqualTo(1);
  }

  @Test
  void smallestSingularValueOfColumnSubmatrix() {
    double[][] a = {{3, 0, 1}, {0, 2, 1}};
    assertThat(ColumnSubmatrices.smallestSingularValue(a, new int[] {0, 1})).isCloseTo(2.0, within(1e-14));
    assertThat(ColumnSubmatrices.smallestSingularValue(a, new int[] {0})).isCloseTo(3.0, within(1e-14));
  }
}
