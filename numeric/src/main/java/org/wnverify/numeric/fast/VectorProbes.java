package org.wnverify.numeric.fast;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Probes of this machine's limits with the same 256-bit instructions as {@link VectorRowPass}:
 * streaming read bandwidth (sum of an array) and peak fused multiply-add rate (independent chains
 * in registers). Used by {@link MachineFloors} when the vector API is present.
 */
final class VectorProbes {
  private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

  private VectorProbes() {}

  /** Sum of v with eight independent 4-lane accumulators (a read of every element, nothing else). */
  static double sum(double[] v) {
    DoubleVector a0 = DoubleVector.zero(S);
    DoubleVector a1 = a0;
    DoubleVector a2 = a0;
    DoubleVector a3 = a0;
    int n = v.length & ~15;
    for (int k = 0; k < n; k += 16) {
      a0 = a0.add(DoubleVector.fromArray(S, v, k));
      a1 = a1.add(DoubleVector.fromArray(S, v, k + 4));
      a2 = a2.add(DoubleVector.fromArray(S, v, k + 8));
      a3 = a3.add(DoubleVector.fromArray(S, v, k + 12));
    }
    return a0.add(a1).add(a2.add(a3)).reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
  }

  /** 12 independent chains of 4-lane FMAs, iters each: 48 * iters fused multiply-adds. */
  static double fmas(long iters, double seed) {
    DoubleVector m = DoubleVector.broadcast(S, 0.999999);
    DoubleVector c = DoubleVector.broadcast(S, 1e-9);
    DoubleVector a0 = DoubleVector.broadcast(S, seed);
    DoubleVector a1 = a0.add(1);
    DoubleVector a2 = a0.add(2);
    DoubleVector a3 = a0.add(3);
    DoubleVector a4 = a0.add(4);
    DoubleVector a5 = a0.add(5);
    DoubleVector a6 = a0.add(6);
    DoubleVector a7 = a0.add(7);
    DoubleVector a8 = a0.add(8);
    DoubleVector a9 = a0.add(9);
    DoubleVector a10 = a0.add(10);
    DoubleVector a11 = a0.add(11);
    for (long i = 0; i < iters; i++) {
      a0 = a0.fma(m, c);
      a1 = a1.fma(m, c);
      a2 = a2.fma(m, c);
      a3 = a3.fma(m, c);
      a4 = a4.fma(m, c);
      a5 = a5.fma(m, c);
      a6 = a6.fma(m, c);
      a7 = a7.fma(m, c);
      a8 = a8.fma(m, c);
      a9 = a9.fma(m, c);
      a10 = a10.fma(m, c);
      a11 = a11.fma(m, c);
    }
    return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
        .lane(0);
  }
}
