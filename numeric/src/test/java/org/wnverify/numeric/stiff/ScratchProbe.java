package org.wnverify.numeric.stiff;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.ode.*;
import org.wnverify.numeric.problem.DiagonalNetInstance;

class ScratchProbe {
  @Test
  void probe() {
    int n = Integer.getInteger("probe.n", 200), m = Integer.getInteger("probe.m", 30);
    double eta = Double.parseDouble(System.getProperty("probe.eta", "0.02"));
    DiagonalNetInstance p = StiffFlowTest.instance(7, m, n, 2, 1.0, eta);
    LogWnFlow f = new LogWnFlow(p, LearningRate.CONSTANT);
    double l0 = f.loss(f.initialState());
    for (double tol : new double[] {1e-8, 1e-11}) {
      long t0 = System.nanoTime();
      IntegrationResult r = Rosenbrock4.integrate(f, IntegrationSettings.of(tol, 1e7).withAbsoluteTolerance(1e-300)
          .withLossTarget(l0 * 1e-16).withRecordSteps(true).withBudget(2_000_000));
      System.out.printf("tol %.0e: %s t=%.4g evals %d steps %d r=%.6g loss %.3e  %.2f s%n", tol, r.status(), r.finalTime(),
          r.evaluations(), r.trajectory().size(), r.finalState()[0], f.loss(r.finalState()), (System.nanoTime() - t0) / 1e9);
    }
  }
}
