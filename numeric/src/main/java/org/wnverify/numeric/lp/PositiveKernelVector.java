package org.wnverify.numeric.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Decides the hypothesis "there exists v > 0 with A v = 0" by the LP
 * max t s.t. A v = 0, v_n >= t, sum v = 1, v >= 0: a positive kernel vector exists iff t* > 0.
 */
public final class PositiveKernelVector {
  /**
   * Smallest t* (entries of a normalised v) accepted as strictly positive: the simplex solves to
   * {@link Simplex#EPSILON}, so a margin of a thousand times that is clearly not rounding.
   */
  public static final double MIN_MARGIN = 1e3 * Simplex.EPSILON;

  private PositiveKernelVector() {}

  /** A kernel vector with sum 1 and the largest smallest entry, if that entry is positive. */
  public static Optional<double[]> find(double[][] a) {
    int n = a[0].length;
    double[] obj = new double[n + 1];
    obj[n] = 1.0;
    List<LinearConstraint> cs = new ArrayList<>();
    for (double[] row : a) {
      cs.add(new LinearConstraint(Arrays.copyOf(row, n + 1), Relationship.EQ, 0.0));
    }
    for (int k = 0; k < n; k++) {
      double[] c = new double[n + 1];
      c[k] = 1.0;
      c[n] = -1.0;
      cs.add(new LinearConstraint(c, Relationship.GEQ, 0.0));
    }
    double[] sum = new double[n + 1];
    Arrays.fill(sum, 0, n, 1.0);
    cs.add(new LinearConstraint(sum, Relationship.EQ, 1.0));
    LpResult r = Simplex.solve(new LinearObjectiveFunction(obj, 0.0), cs, GoalType.MAXIMIZE);
    if (!r.optimal() || r.value() < MIN_MARGIN) {
      // Commons Math's simplex misjudges Gaussian LPs of the paper's size (30 x 200): it calls them
      // infeasible or stops at a wrong optimum below the margin. The second decision certifies
      // only a verified kernel vector with the same margin, so it never turns a true "no" into "yes".
      return KernelProjections.find(a);
    }
    return Optional.of(Arrays.copyOf(r.point(), n));
  }
}
