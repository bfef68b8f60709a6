package org.wnverify.numeric.wu;

import org.wnverify.numeric.linalg.Vectors;

/**
 * The closed forms Wu et al. print: the limit (7) of Theorem 2.6, the times T of Theorem 2.7, the
 * iteration counts and step-size bounds of Theorems E.1 and E.7 (the explicit restatement of
 * Theorem 3.2), Proposition 3.3 / E.9, and the two-dimensional example after Theorem 2.7. Each is
 * written exactly as printed; where the print is inconsistent, the method says so and a separately
 * named method gives the corrected form.
 */
public final class WuClosedForms {
  private WuClosedForms() {}

  /** (7) as printed: lim g_t w_t = x* + g* w0_perp exp((g0^2 - g*^2) / (2c)), c > 0. */
  public static double[] limit7(WuInstance p, WuGeometry geo) {
    return limitWithScale(p, geo, geo.gStar());
  }

  /**
   * The limit the invariant (6) (first part, which holds) actually gives: with g_inf the limit of
   * g_t, lim g_t w_t = x* + g_inf w0_perp exp((g0^2 - g_inf^2) / (2c)). (7) writes g* for g_inf;
   * they agree only when w0_perp = 0, because g_inf = ||lim g_t w_t|| > ||x*|| = g* otherwise.
   */
  public static double[] limitWithScale(WuInstance p, WuGeometry geo, double gInf) {
    double[] perp = geo.perp(p.w0());
    double f = gInf * Math.exp((p.g0() * p.g0() - gInf * gInf) / (2 * p.c()));
    double[] x = geo.xStar();
    for (int k = 0; k < x.length; k++) {
      x[k] += f * perp[k];
    }
    return x;
  }

  /**
   * The scale g_inf > 0 consistent with the invariant and A x = y at the limit: the root of
   * s = g*^2 + s exp((g0^2 - s)/c) ||w0_perp||^2 (s = g_inf^2) that bisection finds on
   * [g*^2, g*^2 + K] from the lower end (the smallest root, which the flow reaches from g0^2 below it);
   * NaN if there is none.
   */
  public static double limitScale(WuInstance p, WuGeometry geo) {
    double gs2 = geo.gStar() * geo.gStar();
    double perp2 = Math.pow(Vectors.norm(geo.perp(p.w0())), 2);
    double g02 = p.g0() * p.g0();
    java.util.function.DoubleUnaryOperator phi = s -> s - gs2 - s * Math.exp((g02 - s) / p.c()) * perp2;
    double lo = gs2;
    if (phi.applyAsDouble(lo) >= 0) {
      return Math.sqrt(lo);
    }
    double hi = lo;
    double step = Math.max(1.0, gs2);
    for (int k = 0; k < 200 && phi.applyAsDouble(hi) < 0; k++) {
      lo = hi;
      hi += step;
      step *= 2;
    }
    if (phi.applyAsDouble(hi) < 0) {
      return Double.NaN;
    }
    for (int k = 0; k < 200; k++) {
      double mid = 0.5 * (lo + hi);
      if (phi.applyAsDouble(mid) < 0) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.sqrt(0.5 * (lo + hi));
  }

  /** The example after Theorem 2.7 (A = [1, 0], y = 1, w0 = [0, 1], c = 1): gw -> [1, exp((g0^2 - 1)/2)]. */
  public static double[] example2d(double g0) {
    return new double[] {1.0, Math.exp((g0 * g0 - 1) / 2)};
  }

  /** Theorem 2.7, first case: hypothesis g0^2 > 2c log(1/||w0_perp||). */
  public static boolean theorem27FirstApplies(WuInstance p, WuGeometry geo) {
    double perp = Vectors.norm(geo.perp(p.w0()));
    return p.c() > 0 && perp > 0 && p.g0() * p.g0() > 2 * p.c() * Math.log(1 / perp);
  }

  /** T = log(f0/eps) / (lambda_min min{2c log||w0_perp|| + g0^2, c}). */
  public static double theorem27FirstTime(WuInstance p, WuGeometry geo, double eps) {
    double perp = Vectors.norm(geo.perp(p.w0()));
    double f0 = WuObjective.of(p).f(p.w0(), p.g0());
    double k = Math.min(2 * p.c() * Math.log(perp) + p.g0() * p.g0(), p.c());
    return Math.log(f0 / eps) / (geo.lambdaMin() * k);
  }

  /** delta = (||y||^2 - ||A g0 w0 - y||^2) / lambda_max of Theorem 2.7's second case. */
  public static double theorem27Delta(WuInstance p, WuGeometry geo) {
    double y2 = Math.pow(Vectors.norm(p.y()), 2);
    double r2 = 2 * WuObjective.of(p).f(p.w0(), p.g0());
    return (y2 - r2) / geo.lambdaMax();
  }

  /**
   * T = log(f0/eps) / (lambda_min min{delta, c}) + (1/lambda_max) log(2 - g0/delta) 1{g0 < delta}
   * (second case, delta > 0).
   */
  public static double theorem27SecondTime(WuInstance p, WuGeometry geo, double eps) {
    double delta = theorem27Delta(p, geo);
    double f0 = WuObjective.of(p).f(p.w0(), p.g0());
    double t = Math.log(f0 / eps) / (geo.lambdaMin() * Math.min(delta, p.c()));
    if (p.g0() < delta) {
      t += Math.log(2 - p.g0() / delta) / geo.lambdaMax();
    }
    return t;
  }

  /** The parameters of Theorem E.1 (case (a) of Theorem 3.2), orthogonal A. */
  public record TheoremE1(double eps, double rho, double delta, double gamma2, double t1, double t2,
      double gamma1Bound) {
    /** Iterations of phase I and II, rounded up. */
    public int phaseOne() {
      return (int) Math.ceil(t1);
    }

    public int phaseTwo() {
      return (int) Math.ceil(t2);
    }
  }

  /**
   * T1 = (1 + g*^2/(rho delta0)) log((1 - ||A w0||^2)/delta^2),
   * T2 = (1/gamma2) log(rho delta0 / (g*^2 (1 - eps) sqrt(eps))), and the bound on gamma1:
   * min{ ||A g0 w0||^2 / (2 T1 (g*^2 - ||A g0 w0||^2)) log((1 - rho) g*^2/g0^2 + rho), 1/(2(1 + ||A w0||^2)) }.
   */
  public static TheoremE1 theoremE1(WuInstance p, WuGeometry geo, double eps, double rho, double delta,
      double gamma2) {
    double gs2 = geo.gStar() * geo.gStar();
    double g02 = p.g0() * p.g0();
    double delta0 = gs2 - g02;
    WuObjective obj = WuObjective.of(p);
    double aw0 = Math.pow(Vectors.norm(obj.times(p.w0())), 2);
    double t1 = (1 + gs2 / (rho * delta0)) * Math.log((1 - aw0) / (delta * delta));
    double t2 = Math.log(rho * delta0 / (gs2 * (1 - eps) * Math.sqrt(eps))) / gamma2;
    double ag0w0 = g02 * aw0;
    double b1 = ag0w0 / (2 * t1 * (gs2 - ag0w0)) * Math.log((1 - rho) * gs2 / g02 + rho);
    double b2 = 1 / (2 * (1 + aw0));
    return new TheoremE1(eps, rho, delta, gamma2, t1, t2, Math.min(b1, b2));
  }

  /** The parameters of Theorem E.7 (case (b) of Theorem 3.2), orthogonal A. */
  public record TheoremE7(double eps, double gamma, double gammaBound, double t1, double t2) {
    public int phaseOne() {
      return (int) Math.ceil(t1);
    }

    public int phaseTwo() {
      return (int) Math.ceil(t2);
    }
  }

  /**
   * (33): gamma < (g* - g0) / ((1 - eps^2)(g* - g0) + eps^2 g*); (34): T1 = log(1/eps^2)/log(g*^2/g0^2),
   * T2 = log((1 - (1 - eps^2) g0/g*) / eps^2) / log(1 / (1 - (1 - eps^2) gamma)).
   */
  public static TheoremE7 theoremE7(WuInstance p, WuGeometry geo, double eps, double gamma) {
    double gs = geo.gStar();
    double g0 = p.g0();
    double e2 = eps * eps;
    double bound = (gs - g0) / ((1 - e2) * (gs - g0) + e2 * gs);
    double t1 = Math.log(1 / e2) / Math.log(gs * gs / (g0 * g0));
    double t2 = Math.log((1 - (1 - e2) * g0 / gs) / e2) / Math.log(1 / (1 - (1 - e2) * gamma));
    return new TheoremE7(eps, gamma, bound, t1, t2);
  }

  /** Proposition 3.3 / E.9 / Lemma E.10: T1 = log(||w0_perp|| / eps) / log(1 + delta). */
  public static double proposition33Iterations(WuInstance p, WuGeometry geo, double eps, double delta) {
    return Math.log(Vectors.norm(geo.perp(p.w0())) / eps) / Math.log1p(delta);
  }

  /** Proposition 3.3's condition on g0: g0 <= g* lambda_min(A A^T) / (2 + delta). */
  public static double proposition33G0Bound(WuGeometry geo, double delta) {
    return geo.gStar() * geo.lambdaMin() / (2 + delta);
  }

  /** (50): g0 <= g* / (2 + delta) sqrt((||A A^T||_F^2 - 2 sqrt(m log m)) / m) (NaN if the root is imaginary). */
  public static double propositionE9G0Bound(WuGeometry geo, int m, double delta) {
    double f2 = geo.frobeniusAAt() * geo.frobeniusAAt();
    return geo.gStar() / (2 + delta) * Math.sqrt((f2 - 2 * Math.sqrt(m * Math.log(m))) / m);
  }

  /** (49): (1/m) ||A A^T||_F^2 >= lambda_min^2 + 2 sqrt(log(m)/m). */
  public static boolean propositionE9Spectrum(WuGeometry geo, int m) {
    double f2 = geo.frobeniusAAt() * geo.frobeniusAAt();
    return f2 / m >= geo.lambdaMin() * geo.lambdaMin() + 2 * Math.sqrt(Math.log(m) / m);
  }
}
