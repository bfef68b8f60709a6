package org.wnverify.check.wu;

import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.DiscreteRun;
import org.wnverify.numeric.wu.StepSchedule;
import org.wnverify.numeric.wu.WuAlgorithms;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * The quantities Appendix E's lemmas speak of, recorded along one run of rPGD (Algorithm 2, via
 * {@link WuAlgorithms#rpgd}) for t = 0 .. n: g_t, A w_t, ||A w_t||^2, ||w_t_perp||^2 (computed from
 * the projection, not as 1 - ||A w_t||^2, which cancels to rounding once w_t is near the row space),
 * the negative residual r_t = A g_t w_t - y, gamma_t, the increment g_{t+1} - g_t = -gamma_t
 * grad_g f exactly as the algorithm forms it, and ||v_t|| of the projection that produced w_{t+1}.
 * Arrays indexed past the last iterate (v, gamma, increment at t = n) hold NaN.
 */
final class RpgdTrace {
  final int n;
  final double gStar;
  final double[] g;
  final double[][] aw;
  final double[] aw2;
  final double[] perp2;
  final double[] res2;
  final double[] v;
  final double[] gamma;
  final double[] increment;
  final DiscreteRun run;
  /** A g* w* = A x* (= y when y is in the range of A, always for full-rank A). */
  final double[] aStar;
  /** The step-size parameters of the statement the run serves (Theorem E.1 or E.7). */
  final Phase phase;
  private double[] gapSums;

  /**
   * The parameters of the run: phase I has t1 iterations, phase II t2 (both whole numbers, the
   * printed real values t1Real, t2Real rounded up), with error parameter eps and step gamma of g
   * (gamma1 of Theorem E.1, or gamma of Theorem E.7's phase II).
   */
  record Phase(int t1, int t2, double t1Real, double t2Real, double eps, double gamma) {}

  private RpgdTrace(Phase phase, int n, double gStar, double[] aStar, DiscreteRun run, double[] g, double[][] aw, double[] aw2,
      double[] perp2, double[] res2, double[] v, double[] gamma, double[] increment) {
    this.phase = phase;
    this.n = n;
    this.gStar = gStar;
    this.aStar = aStar;
    this.run = run;
    this.g = g;
    this.aw = aw;
    this.aw2 = aw2;
    this.perp2 = perp2;
    this.res2 = res2;
    this.v = v;
    this.gamma = gamma;
    this.increment = increment;
  }

  /** Runs rPGD from (g0, w0) of p with schedule s for n iterations (fewer if an iterate is not finite). */
  static RpgdTrace of(WuInstance p, WuGeometry geo, double[] y, StepSchedule s, int n, Phase phase) {
    WuObjective obj = new WuObjective(p.a(), y);
    double[] g = fill(n + 1);
    double[][] aw = new double[n + 1][];
    double[] aw2 = fill(n + 1);
    double[] perp2 = fill(n + 1);
    double[] res2 = fill(n + 1);
    double[] v = fill(n + 1);
    double[] gamma = fill(n + 1);
    double[] inc = fill(n + 1);
    DiscreteRun run = WuAlgorithms.rpgd(obj, p.g0(), p.w0(), s, n, 0, (t, gt, w, loss, vPrev) -> {
      g[t] = gt;
      aw[t] = obj.times(w);
      aw2[t] = Vectors.dot(aw[t], aw[t]);
      double[] perp = geo.perp(w);
      perp2[t] = Vectors.dot(perp, perp);
      double[] r = obj.residual(w, gt);
      res2[t] = Vectors.dot(r, r);
      if (t > 0) {
        v[t - 1] = vPrev;
      }
      if (t < n) {
        gamma[t] = s.gamma(t, gt, w);
        inc[t] = -gamma[t] * obj.gradGf(w, gt);
      }
      return true;
    });
    int last = run.iterations();
    double gs = geo.gStar();
    return new RpgdTrace(phase, last, gs, obj.times(geo.xStar()), run, g, aw, aw2, perp2, res2, v, gamma, inc);
  }

  private static double[] fill(int n) {
    double[] a = new double[n];
    java.util.Arrays.fill(a, Double.NaN);
    return a;
  }

  /** Whether every recorded iterate is finite (the run did not blow up). */
  boolean finite() {
    return run.status() != DiscreteRun.Status.NON_FINITE;
  }

  /** g_t ||v_t||. */
  double gv(int t) {
    return g[t] * v[t];
  }

  /** ||w_t_perp||. */
  double perp(int t) {
    return Math.sqrt(perp2[t]);
  }

  /** g*^2 - ||A g_t w_t||^2, the gap D_t of Lemma E.6 and (16). */
  double gap(int t) {
    return gStar * gStar - g[t] * g[t] * aw2[t];
  }

  /** sum_{i=1}^t D_i / (g*^2 + D_i), the exponent of Lemma E.6 (computed once per run). */
  double gapSum(int t) {
    if (gapSums == null) {
      double[] s = new double[n + 1];
      for (int i = 1; i <= n; i++) {
        s[i] = s[i - 1] + gap(i) / (gStar * gStar + gap(i));
      }
      gapSums = s;
    }
    return gapSums[t];
  }

  /** How far the run moved: ||w_n_perp||^2 / ||w_0_perp||^2 and |g_n - g_0| / g*, for the report. */
  String moved() {
    return "||w_perp||^2 went " + Theorem26.fmt(perp2[0]) + " -> " + Theorem26.fmt(perp2[n]) + ", g/g* "
        + Theorem26.fmt(g[0] / gStar) + " -> " + Theorem26.fmt(g[n] / gStar) + " in " + n + " iterations";
  }
}
