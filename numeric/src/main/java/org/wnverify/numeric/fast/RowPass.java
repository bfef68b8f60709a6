package org.wnverify.numeric.fast;

/**
 * One pass over a block of rows of a row-major matrix A (m x n) that computes both products the
 * loss gradient needs: s_i = A[i, :] . v - b_i for the rows i in [lo, hi), and t += sum_i s_i
 * A[i, :] (t = A^T s restricted to those rows). Each row is read from memory once: the second use
 * (the update of t) finds it still in L1, so a right-hand side of the WN flow costs one stream of
 * A instead of the two that a pair of matrix-vector products costs.
 *
 * <p>The floating-point operations are fixed by this contract, not by the backend, so that every
 * backend gives the same bits: row i's dot product uses eight accumulators (two 4-lane vectors)
 * over the columns k < n - n % 8 taken eight at a time, then one more 4-column chunk into the
 * first four if n % 8 >= 4, each update a fused multiply-add; the lanes are combined as
 * ((p0 + q0) + (p1 + q1)) + ((p2 + q2) + (p3 + q3)), the remaining n % 4 columns are summed by
 * fused multiply-adds from 0 and added last, and b_i is subtracted. The update of t is, for each
 * column k, t_k = fma(A[i, k], s_i, t_k) over the rows i in increasing order.
 */
public abstract class RowPass {
  /** Lanes per vector of the contract (a 256-bit vector of doubles). */
  public static final int LANES = 4;

  RowPass() {}

  /**
   * s[lo..hi) = A[lo..hi) v - b[lo..hi) and t[0..n) += A[lo..hi)^T s[lo..hi) (t is not cleared).
   */
  public abstract void run(double[] a, int n, double[] b, double[] v, int lo, int hi, double[] s, double[] t);

  /** A short name for reports ("vector" or "scalar"). */
  public abstract String name();

  private static final RowPass BEST = pickBest();

  /**
   * The fastest backend available: the vector API one when the JVM was started with
   * {@code --add-modules jdk.incubator.vector} on hardware with 256-bit vectors, else the scalar
   * one (same bits, slower).
   */
  public static RowPass best() {
    return BEST;
  }

  /** The plain-Java backend (always available). */
  public static RowPass scalar() {
    return ScalarRowPass.INSTANCE;
  }

  /** The vector API backend, or null when the module is not present or the hardware lacks it. */
  public static RowPass vector() {
    return BEST instanceof ScalarRowPass ? null : BEST;
  }

  private static RowPass pickBest() {
    if (Boolean.getBoolean("wnverify.scalar")) {
      return ScalarRowPass.INSTANCE;
    }
    try {
      // Loaded reflectively: the class links against jdk.incubator.vector, which the JVM resolves
      // only when started with --add-modules jdk.incubator.vector.
      Class<?> c = Class.forName("org.wnverify.numeric.fast.VectorRowPass");
      RowPass p = (RowPass) c.getDeclaredConstructor().newInstance();
      return p.name() != null && usable(c) ? p : ScalarRowPass.INSTANCE;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return ScalarRowPass.INSTANCE;
    }
  }

  private static boolean usable(Class<?> c) throws ReflectiveOperationException {
    return (Boolean) c.getDeclaredMethod("hardwareSupported").invoke(null);
  }
}
