package org.wnverify.numeric.lp;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/**
 * Q = min over S+ = {z >= 0 : A z = b} of the weighted l1 norm ||w . z||_1 = sum_n w_n z_n
 * (w >= 0, so on z >= 0 the norm is linear). Theorem 2.1 / (15) of Chou, Rauhut and Ward.
 */
public final class WeightedL1Program {
  private WeightedL1Program() {}

  public static LpResult minimise(double[][] a, double[] b, double[] w) {
    for (double x : w) {
      if (!(x >= 0) || !Double.isFinite(x)) {
        return LpResult.failed(LpStatus.FAILED, "weights must be finite and >= 0, got " + x);
      }
    }
    LinearObjectiveFunction f = new LinearObjectiveFunction(w, 0.0);
    List<LinearConstraint> cs = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      cs.add(new LinearConstraint(a[i], Relationship.EQ, b[i]));
    }
    return Simplex.solve(f, cs, GoalType.MINIMIZE);
  }

  /** Whether S+ = {z >= 0 : Az = b} is non-empty (a feasibility LP with zero objective). */
  public static LpResult feasiblePoint(double[][] a, double[] b) {
    return minimise(a, b, new double[a[0].length]);
  }
}
