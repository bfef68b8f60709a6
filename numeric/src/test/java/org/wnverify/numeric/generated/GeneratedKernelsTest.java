package org.wnverify.numeric.generated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wnverify.symbolic.SymbolicEngine;

/**
 * The emitted kernels against Symja's numeric evaluation of the full symbolic expressions
 * (derivatives of the losses, the printed flows and right-hand sides) at random points.
 */
class GeneratedKernelsTest {
  private static final Duration T = Duration.ofSeconds(30);
  private static SymbolicEngine engine;

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String num(double v) {
    return String.format(Locale.ROOT, "(%.17g)", v).replace("e", "*10^");
  }

  private static double symja(String expr) {
    return engine.evaluateDouble(expr, T);
  }

  private static void close(double actual, double expected) {
    assertThat(actual).isCloseTo(expected, within(1e-9 * Math.max(1.0, Math.abs(expected))));
  }

  /** ||A x^L - b||^2/(2L) with numeric A, b, L and symbols x1..xn. */
  private static String loss(double[] a, int m, int n, double[] b, int depth, List<String> x) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      StringBuilder s = new StringBuilder("(-" + num(b[i]));
      for (int k = 0; k < n; k++) {
        s.append("+").append(num(a[i * n + k])).append("*(").append(x.get(k)).append(")^").append(depth);
      }
      rows.add(s.append(")^2").toString());
    }
    return "((" + String.join("+", rows) + ")/(2*" + depth + "))";
  }

  private static double[] rnd(SplittableRandom r, int n, double lo, double hi) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo + (hi - lo) * r.nextDouble();
    }
    return v;
  }

  @Test
  void gradientAndWnFlowMatchSymbolicDerivatives() {
    SplittableRandom r = new SplittableRandom(11);
    for (int depth = 2; depth <= 4; depth++) {
      int m = 2;
      int n = 3;
      double[] a = rnd(r, m * n, -1, 1);
      double[] b = rnd(r, m, -1, 1);
      double[] x = rnd(r, n, 0.2, 1.5);
      double[] g = new double[n];
      GradientFlowKernel.lossGradient(a, m, n, b, depth, x, g);
      List<String> xs = List.of("x1", "x2", "x3");
      String loss = loss(a, m, n, b, depth, xs);
      String at = "{x1->" + num(x[0]) + ", x2->" + num(x[1]) + ", x3->" + num(x[2]) + "}";
      for (int k = 0; k < n; k++) {
        close(g[k], symja("ReplaceAll(D(" + loss + ", x" + (k + 1) + "), " + at + ")"));
      }
      double[] dx = new double[n];
      GradientFlowKernel.derivative(a, m, n, b, depth, x, dx);
      for (int k = 0; k < n; k++) {
        assertThat(dx[k]).isEqualTo(-g[k]);
      }
      // WN flow (13)-(14) with ||u|| != 1: -eta_r D(L~, r), -eta_u D(L~, u_k)
      double[] state = {0.7 + r.nextDouble(), 0.3 + r.nextDouble(), 0.5 + r.nextDouble(), 0.2 + r.nextDouble()};
      double etaR = 0.3 + r.nextDouble();
      double etaU = 0.3 + r.nextDouble();
      double[] out = new double[n + 1];
      WnFlowKernel.derivative(a, m, n, b, depth, etaR, etaU, state, out);
      String nu = "Sqrt(u1^2+u2^2+u3^2)";
      String lossWn = loss(a, m, n, b, depth, List.of("r*u1/" + nu, "r*u2/" + nu, "r*u3/" + nu));
      String pt = "{r->" + num(state[0]) + ", u1->" + num(state[1]) + ", u2->" + num(state[2]) + ", u3->" + num(state[3]) + "}";
      close(out[0], -etaR * symja("ReplaceAll(D(" + lossWn + ", r), " + pt + ")"));
      for (int k = 1; k <= n; k++) {
        close(out[k], -etaU * symja("ReplaceAll(D(" + lossWn + ", u" + k + "), " + pt + ")"));
      }
    }
  }

  @Test
  void invariantEntriesMatchThePrintedMaps() {
    SplittableRandom r = new SplittableRandom(12);
    for (int depth = 1; depth <= 4; depth++) {
      double u = 0.1 + r.nextDouble();
      double rr = 0.1 + 2 * r.nextDouble();
      double eta = 0.2 + r.nextDouble();
      String pt = "{u->" + num(u) + ", r->" + num(rr) + ", eta->" + num(eta) + ", x->" + num(u) + ", L->" + depth + "}";
      String wn = depth == 2 ? "Log(u*Exp(r^2/(2*eta)))" : "u^(2-L)*Exp((2-L)*r^2/(2*eta))";
      String gf = depth == 2 ? "Log(x)" : "x^(2-L)";
      close(InvariantKernel.wnInvariantEntry(u, rr, depth, eta), symja("ReplaceAll(" + wn + ", " + pt + ")"));
      close(InvariantKernel.gfInvariantEntry(u, depth), symja("ReplaceAll(" + gf + ", " + pt + ")"));
    }
  }

  @Test
  void nodeKernelsMatchChainRuleAndTheorem1() {
    SplittableRandom r = new SplittableRandom(13);
    int d = 3;
    for (String kind : List.of("ewn", "swn")) {
      double p = -0.5 + r.nextDouble();
      double[] v = rnd(r, d, -1, 1);
      double[] g = rnd(r, d, -1, 1);
      double eta = 0.2 + r.nextDouble();
      String scale = kind.equals("ewn") ? "Exp(p)" : "p";
      String nv = "Sqrt(v1^2+v2^2+v3^2)";
      String wg = "(" + scale + "*(v1*g1+v2*g2+v3*g3)/" + nv + ")";
      String pt = "{p->" + num(p) + ", v1->" + num(v[0]) + ", v2->" + num(v[1]) + ", v3->" + num(v[2]) + ", g1->" + num(g[0])
          + ", g2->" + num(g[1]) + ", g3->" + num(g[2]) + "}";
      double[] out = new double[d + 1];
      double[] w = new double[d];
      double[] dw = new double[d];
      double[] rhs = new double[d];
      double[] dv = new double[d];
      if (kind.equals("ewn")) {
        EwnFlowKernel.derivative(p, v, g, eta, out);
        System.arraycopy(out, 1, dv, 0, d);
        EwnFlowKernel.weight(p, v, w);
        EwnFlowKernel.weightDerivative(p, v, out[0], dv, dw);
        EwnFlowKernel.theoremRhs(p, v, g, eta, rhs);
      } else {
        SwnFlowKernel.derivative(p, v, g, eta, out);
        System.arraycopy(out, 1, dv, 0, d);
        SwnFlowKernel.weight(p, v, w);
        SwnFlowKernel.weightDerivative(p, v, out[0], dv, dw);
        SwnFlowKernel.theoremRhs(p, v, g, eta, rhs);
      }
      // flows: -eta times the gradient of L(w(p, v)) whose w-gradient is g
      close(out[0], -eta * symja("ReplaceAll(D(" + wg + ", p), " + pt + ")"));
      for (int k = 1; k <= d; k++) {
        close(out[k], -eta * symja("ReplaceAll(D(" + wg + ", v" + k + "), " + pt + ")"));
        close(w[k - 1], symja("ReplaceAll(" + scale + "*v" + k + "/" + nv + ", " + pt + ")"));
      }
      // chain rule dw/dt by Symja D of w along (dp, dv)
      for (int k = 1; k <= d; k++) {
        String wk = scale + "*v" + k + "/" + nv;
        StringBuilder chain = new StringBuilder("D(" + wk + ", p)*" + num(out[0]));
        for (int j = 1; j <= d; j++) {
          chain.append("+D(").append(wk).append(", v").append(j).append(")*").append(num(dv[j - 1]));
        }
        close(dw[k - 1], symja("ReplaceAll(" + chain + ", " + pt + ")"));
      }
      // right-hand sides (5) / (6) as printed
      double wn2 = w[0] * w[0] + w[1] * w[1] + w[2] * w[2];
      double wgv = w[0] * g[0] + w[1] * g[1] + w[2] * g[2];
      for (int k = 0; k < d; k++) {
        double expected = kind.equals("ewn") ? -eta * wn2 * g[k] : -eta * (wn2 * g[k] + (1 - wn2) / wn2 * wgv * w[k]);
        close(rhs[k], expected);
      }
      // On ||v|| = 1 the chain rule and Theorem 1 agree (the theorem, numerically).
      double n = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
      double[] vu = {v[0] / n, v[1] / n, v[2] / n};
      if (kind.equals("ewn")) {
        EwnFlowKernel.derivative(p, vu, g, eta, out);
        System.arraycopy(out, 1, dv, 0, d);
        EwnFlowKernel.weightDerivative(p, vu, out[0], dv, dw);
        EwnFlowKernel.theoremRhs(p, vu, g, eta, rhs);
      } else {
        SwnFlowKernel.derivative(p, vu, g, eta, out);
        System.arraycopy(out, 1, dv, 0, d);
        SwnFlowKernel.weightDerivative(p, vu, out[0], dv, dw);
        SwnFlowKernel.theoremRhs(p, vu, g, eta, rhs);
      }
      for (int k = 0; k < d; k++) {
        close(dw[k], rhs[k]);
      }
    }
  }
}
