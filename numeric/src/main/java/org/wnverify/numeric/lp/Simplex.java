package org.wnverify.numeric.lp;

import java.util.List;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NoFeasibleSolutionException;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;

/** Thin wrapper over Commons Math's SimplexSolver that turns exceptions into a status. */
final class Simplex {
  /**
   * Feasibility tolerance of the simplex tableau. Commons Math's default (1e-6) is relative to
   * entries of order one; our matrices are Gaussian with entries of order one, and 1e-9 keeps the
   * LP value accurate to far better than the error bounds it is compared with.
   */
  static final double EPSILON = 1e-9;
  /** Iteration cap; a few hundred pivots suffice for the tens of variables we use. */
  static final int MAX_ITER = 100_000;

  private Simplex() {}

  static LpResult solve(LinearObjectiveFunction f, List<LinearConstraint> constraints, GoalType goal) {
    try {
      PointValuePair p = new SimplexSolver(EPSILON, 10, 1e-12).optimize(new MaxIter(MAX_ITER), f,
          new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true));
      return new LpResult(LpStatus.OPTIMAL, p.getValue(), p.getPoint(), "optimal");
    } catch (NoFeasibleSolutionException e) {
      return LpResult.failed(LpStatus.INFEASIBLE, "no feasible point");
    } catch (UnboundedSolutionException e) {
      return LpResult.failed(LpStatus.UNBOUNDED, "objective unbounded");
    } catch (TooManyIterationsException e) {
      return LpResult.failed(LpStatus.FAILED, "simplex iteration cap " + MAX_ITER + " reached");
    }
  }
}
