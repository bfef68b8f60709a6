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
  void invariantEntriesAreFiniteWhereThePrintedFormsOverflow() {
    // eta = 0.01, r = 4: r^2/(2 eta) = 800 > 709, so exp(800) overflows in the printed form of (32)
    double e2 = InvariantKernel.wnInvariantEntry(0.3, 4.0, 2, 0.01);
    assertThat(Math.log(0.3 * Math.exp(800.0))).isInfinite();
    close(e2, symja("N(Log(3/10*Exp(4^2/(2*(1/100)))), 30)"));
    // L = 4, u = 1e-200: u^(2-L) = 1e400 overflows, exp((2-L) r^2/(2 eta)) = exp(-1600) underflows
    double e4 = InvariantKernel.wnInvariantEntry(1e-200, 4.0, 4, 0.01);
    assertThat(Math.pow(1e-200, -2) * Math.exp(-1600.0)).isNaN();
    assertThat(e4).isFinite().isPositive();
    assertThat(e4).isCloseTo(symja("N((10^-200)^(2-4)*Exp((2-4)*4^2/(2*(1/100))), 30)"), within(1e-9 * e4));
  }

  @Test
  void wuKernelsMatchSymjaDerivativesOfTheLoss2() {
    SplittableRandom r = new SplittableRandom(21);
    int m = 2;
    int d = 3;
    for (int rep = 0; rep < 3; rep++) {
      double[] a = rnd(r, m * d, -1, 1);
      double[] y = rnd(r, m, -1, 1);
      double[] state = {-1 + 2 * r.nextDouble(), -1 + 2 * r.nextDouble(), 0.3 + r.nextDouble(), -1 + 2 * r.nextDouble()};
      double c = 0.2 + r.nextDouble();
      double[] out = new double[d + 1];
      WuFlowKernel.derivative(a, m, d, y, c, state, out);
      String nw = "Sqrt(w1^2+w2^2+w3^2)";
      StringBuilder h = new StringBuilder("(");
      for (int i = 0; i < m; i++) {
        h.append(i > 0 ? "+" : "").append("(-").append(num(y[i]));
        for (int k = 0; k < d; k++) {
          h.append("+").append(num(a[i * d + k])).append("*g*w").append(k + 1).append("/").append(nw);
        }
        h.append(")^2");
      }
      h.append(")/2");
      String pt = "{g->" + num(state[0]) + ", w1->" + num(state[1]) + ", w2->" + num(state[2]) + ", w3->" + num(state[3]) + "}";
      close(out[0], -c * symja("ReplaceAll(D(" + h + ", g), " + pt + ")"));
      for (int k = 1; k <= d; k++) {
        close(out[k], -symja("ReplaceAll(D(" + h + ", w" + k + "), " + pt + ")"));
      }
      close(WuFlowKernel.loss(a, m, d, y, state), symja("ReplaceAll(" + h + ", " + pt + ")"));
      double perp = -0.4 + r.nextDouble();
      close(InvariantKernel.wuInvariantEntry(perp, state[0], c), perp * Math.exp(state[0] * state[0] / (2 * c)));
      close(InvariantKernel.wuInvariantLogNorm(Math.abs(perp), state[0], c),
          Math.log(Math.abs(perp)) + state[0] * state[0] / (2 * c));
    }
  }

  @Test
  void reducedFlowIsTheWnFlowSeenThroughXOnTheUnitSphere() {
    SplittableRandom r = new SplittableRandom(22);
    int m = 2;
    int n = 3;
    for (int depth = 2; depth <= 4; depth++) {
      double[] a = rnd(r, m * n, -1, 1);
      double[] b = rnd(r, m, -1, 1);
      double[] u = rnd(r, n, 0.2, 1);
      double nu = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
      for (int k = 0; k < n; k++) {
        u[k] /= nu;
      }
      double rr = 0.5 + r.nextDouble();
      double[] state = {rr, u[0], u[1], u[2]};
      double[] x = {rr * u[0], rr * u[1], rr * u[2]};
      // eta_r = r^2 through the etaR argument: the existing WN kernel covers Theorem 2.4's rates
      double[] wn = new double[n + 1];
      WnFlowKernel.derivative(a, m, n, b, depth, rr * rr, 1.0, state, wn);
      double[] dx = new double[n];
      for (int k = 0; k < n; k++) {
        dx[k] = wn[0] * u[k] + rr * wn[1 + k]; // d/dt (r u) with ||u|| = 1
      }
      double[] reduced = new double[n];
      ReducedFlowKernel.derivativeRSquared(a, m, n, b, depth, x, reduced);
      for (int k = 0; k < n; k++) {
        close(reduced[k], dx[k]);
      }
      double etaR = 0.3 + r.nextDouble();
      double etaU = 0.3 + r.nextDouble();
      WnFlowKernel.derivative(a, m, n, b, depth, etaR, etaU, state, wn);
      ReducedFlowKernel.derivative(a, m, n, b, depth, etaR, etaU, x, reduced);
      for (int k = 0; k < n; k++) {
        close(reduced[k], wn[0] * u[k] + rr * wn[1 + k]);
      }
      // the emitted loss is the loss (10)
      String loss = loss(a, m, n, b, depth, List.of("x1", "x2", "x3"));
      close(GradientFlowKernel.loss(a, m, n, b, depth, x),
          symja("ReplaceAll(" + loss + ", {x1->" + num(x[0]) + ", x2->" + num(x[1]) + ", x3->" + num(x[2]) + "})"));
    }
  }

  @Test
  void wnKernelWithEtaREqualToRSquaredMatchesSymja() {
    SplittableRandom r = new SplittableRandom(23);
    int m = 1;
    int n = 2;
    double[] a = rnd(r, m * n, -1, 1);
    double[] b = rnd(r, m, -1, 1);
    double[] state = {0.7 + r.nextDouble(), 0.3 + r.nextDouble(), 0.5 + r.nextDouble()};
    double[] out = new double[n + 1];
    WnFlowKernel.derivative(a, m, n, b, 3, state[0] * state[0], 1.0, state, out);
    String nu = "Sqrt(u1^2+u2^2)";
    String lossWn = loss(a, m, n, b, 3, List.of("r*u1/" + nu, "r*u2/" + nu));
    String pt = "{r->" + num(state[0]) + ", u1->" + num(state[1]) + ", u2->" + num(state[2]) + "}";
    close(out[0], symja("ReplaceAll(-r^2*D(" + lossWn + ", r), " + pt + ")"));
    close(out[1], symja("ReplaceAll(-D(" + lossWn + ", u1), " + pt + ")"));
  }

  @Test
  void bregmanDivergenceAndGammaMatchSymja() {
    SplittableRandom r = new SplittableRandom(24);
    for (int depth = 2; depth <= 4; depth++) {
      double[] z = rnd(r, 3, 0.1, 2);
      double[] y = rnd(r, 3, 0.1, 2);
      String f = depth == 2 ? "(1/2)*(t*Log(t) - t)" : depth + "/(2*(2-" + depth + "))*t^(2/" + depth + ")";
      StringBuilder d = new StringBuilder("0");
      for (int k = 0; k < 3; k++) {
        String fz = "ReplaceAll(" + f + ", t->" + num(z[k]) + ")";
        String fy = "ReplaceAll(" + f + ", t->" + num(y[k]) + ")";
        String dfy = "ReplaceAll(D(" + f + ", t), t->" + num(y[k]) + ")";
        d.append("+").append(fz).append("-").append(fy).append("-").append(dfy).append("*(").append(num(z[k]))
            .append("-").append(num(y[k])).append(")");
      }
      close(BregmanKernel.divergence(z, y, depth), symja(d.toString()));
      assertThat(BregmanKernel.divergence(y, y, depth)).isCloseTo(0.0, within(1e-14));
    }
    // z log z -> 0 at z = 0 (z >= 0 in Lemma 3.18)
    assertThat(BregmanKernel.divergenceEntry(0.0, 0.5, 2)).isFinite();
    double g = BregmanKernel.gamma(0.3, 1.7, 0.4);
    close(g, symja("N((17/10)/(3/10)*Exp(((3/10)^2-(17/10)^2)/(2*(4/10))), 30)"));
    close(BregmanKernel.gammaLog(0.3, 1.7, 0.4), Math.log(g));
    // log gamma stays finite where gamma underflows to 0
    assertThat(BregmanKernel.gamma(0.1, 40.0, 0.01)).isZero();
    assertThat(BregmanKernel.gammaLog(0.1, 40.0, 0.01)).isFinite();
  }

  @Test
  void invariantEntriesMatchThePrintedMaps() {
    SplittableRandom r = new SplittableRandom(12);
    for (int depth = 1; depth <= 6; depth++) {
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
