package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.StepSchedule;
import org.wnverify.numeric.wu.WuAlgorithms;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Lemmas E.10 and E.11 (Appendix E.3, 001_b498c678a289d7b1.txt lines 949-1041): rPGD with g fixed
 * at g0 and eta = 1/(g0^2 sigma_1) = 1/g0^2 (lambda_max(A A^T) = 1, Proposition E.9's setting),
 * gamma = 0, run for T1 = log(||w0_perp||/eps)/log(1 + delta) iterations (rounded up); the
 * conclusion ||w_T1_perp|| <= eps is checked, with the proof's bound ||v_t|| >= 1 + delta reported.
 *
 * <p>Per instance: delta is the instance's c, eps = {@link Proposition33#EPS}. Instances are built
 * with a chosen spectrum (A = diag(sqrt(lambda)) V^T, V with orthonormal rows, so A A^T =
 * diag(lambda)), and put w* along the eigenvector of lambda_min and w0 nearly at -w* (the alignment
 * the proof's triangle inequality (52) takes as worst), beside generic draws.
 */
final class LemmasE10E11 extends PerInstanceClaim {
  enum Statement {
    /** Lemma E.10 as printed: sigma_i the singular values of A. */
    E10,
    /** Lemma E.10 with sigma_i the eigenvalues of A A^T, as its proof's (51) has them. */
    E10_CORRECTED,
    /** Lemma E.11: w* uniform on the sphere, with probability 1 - O(1/m). */
    E11
  }

  static final double EPS = Proposition33.EPS;
  /** w* draws per instance for Lemma E.11 (QUICK; PAPER uses PAPER_DRAWS). */
  static final int QUICK_DRAWS = 60;
  static final int PAPER_DRAWS = 2000;
  /**
   * Standard deviations above the allowed failure rate 2/m before Lemma E.11 is called broken (a
   * one-sided normal test at about 1e-3), so that sampling noise alone does not make a finding.
   */
  static final double Z = 3.1;
  /** ||w0_perp|| of Lemma E.11's instances (T1 = log(||w0_perp||/eps)/log(1 + delta) iterations). */
  static final double E11_PERP = 0.1;

  private final Statement st;

  LemmasE10E11(Statement st) {
    super(switch (st) {
      case E10 -> "wu/lemma-e.10";
      case E10_CORRECTED -> "wu/lemma-e.10#corrected";
      case E11 -> "wu/lemma-e.11";
    }, switch (st) {
      case E10 -> "Wu et al., Lemma E.10, Appendix E.3 (001_b498c678a289d7b1.txt, lines 949-955)";
      case E10_CORRECTED -> "Wu et al., Lemma E.10 with sigma_i the eigenvalues of A A^T, as in its proof (51) "
          + "(001_b498c678a289d7b1.txt, lines 949-982)";
      case E11 -> "Wu et al., Lemma E.11, Appendix E.3 (001_b498c678a289d7b1.txt, lines 984-996; proof 998-1041)";
    }, switch (st) {
      case E10 -> "Lemma E.10 (For all w*). Let sigma_i be the singular values of A in decreasing order, let r be the rank "
          + "of A, so that sigma_r > 0. We fix g := g0 satisfying g0 <= g* sigma_r/(2 + delta - sigma_r) and update only w "
          + "using rPGD. Then ... ||w_T1_perp|| <= eps after iteration T1 = log(||w0_perp||/eps)/log(1 + delta).";
      case E10_CORRECTED -> "Lemma E.10 with sigma_i the eigenvalues of A A^T (= the squared singular values of A): "
          + "g0 <= g* sigma_r/(2 + delta - sigma_r) gives ||w_T1_perp|| <= eps after T1 = log(||w0_perp||/eps)/log(1 + delta).";
      case E11 -> "Lemma E.11. Suppose w* = z/||z|| is drawn on the sphere. If lambda_max(A A^T) = 1, rank(A A^T) = m and "
          + "(1/m)(||A A^T||_F^2 - 2 sqrt(m log m)) >= sigma_m^2 (sigma_m the minimum eigenvalue of A A^T), then with g := g0 <= "
          + "g*/(2 + delta - sigma_m) sqrt((||A A^T||_F^2 - 2 sqrt(m log m))/m), updating only w with rPGD, with probability "
          + "1 - O(1/m), ||w_T1_perp|| <= eps after T1 = log(||w0_perp||/eps)/log(1 + delta).";
    }, ClaimKind.RATE);
    this.st = st;
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    List<WuHypothesis> h = new ArrayList<>(List.of(WuHypothesis.LAMBDA_MAX_ONE, WuHypothesis.LAMBDA_MIN, WuHypothesis.UNIT_W0,
        WuHypothesis.Y_NONZERO, new WuHypothesis("delta > 0 (delta is the instance's c)",
            p -> WuHypothesis.when(!(p.c() > 0), "c = " + p.c()))));
    if (st == Statement.E11) {
      h.add(new WuHypothesis("(1/m)(||A A^T||_F^2 - 2 sqrt(m log m)) >= sigma_m^2", p -> WuHypothesis.when(
          !WuClosedForms.propositionE9Spectrum(WuGeometry.of(p), p.rows()), "spectrum condition unmet")));
    }
    h.add(new WuHypothesis("0 < g0 <= " + (st == Statement.E11 ? "E.11's bound" : "g* sigma_r/(2 + delta - sigma_r)"), p -> {
      double b = g0Bound(st, p, WuGeometry.of(p));
      return WuHypothesis.when(!(p.g0() > 0 && p.g0() <= b), "g0 = " + p.g0() + ", bound " + b);
    }));
    return h;
  }

  @Override
  List<String> notes() {
    List<String> n = new ArrayList<>(List.of("eps = " + EPS + ", delta = c of the instance; eta = 1/g0^2, gamma = 0; T1 "
        + "rounded up; g0 > 0 (a negative g0 meets the printed inequality but makes (g*/g0) A^T A w* point away from w*)"));
    if (st == Statement.E10) {
      n.add("sigma_r = sqrt(lambda_min(A A^T)), the smallest singular value of A, as the statement says");
    }
    if (st == Statement.E11) {
      n.add("w* is drawn uniformly on the unit sphere of the row space of A (w* = P z/||P z||, z ~ N(0, I_d)): the "
          + "minimum-norm solution lies there, and the proof's sum_i z_i^2 over i <= m normalises over the row space only");
      n.add("'1 - O(1/m)' is read with the constant the proof's (55)-(56) give: each bad event has probability "
          + "(1/m) e^{-c} < 1/m, so at most 2/m fail; broken if the failures exceed 2/m by " + Z + " standard deviations");
      n.add("each draw of w* starts from w0 = -sqrt(1 - a^2) w* + a u (a = ||w0_perp|| = " + E11_PERP + "), the start "
          + "the proof's (52) takes as worst: this checks the statement for every w0 at once, which the proof gives");
    }
    return n;
  }

  /** sigma_r of the statement: the smallest singular value of A (E.10 as printed) or eigenvalue of A A^T. */
  static double g0Bound(Statement st, WuInstance p, WuGeometry geo) {
    double delta = p.c();
    double lm = geo.lambdaMin();
    return switch (st) {
      case E10 -> geo.gStar() * Math.sqrt(lm) / (2 + delta - Math.sqrt(lm));
      case E10_CORRECTED -> geo.gStar() * lm / (2 + delta - lm);
      case E11 -> WuClosedForms.propositionE9G0Bound(geo, p.rows(), delta) * (2 + delta) / (2 + delta - lm);
    };
  }

  /**
   * A with A A^T = diag(lambda) (rows sqrt(lambda_i) times orthonormal rows), x* = g* w* with w*
   * along the last eigenvector (adversarial) or uniform in the row space, w0 = -sqrt(1 - a^2) w* + a u
   * (u a unit vector of ker A) for a in (0, 1), or uniform when a < 0.
   */
  static WuInstance spectral(WuSampler s, double[] lambda, int d, boolean wStarAlongMin, double a, double gStar) {
    int m = lambda.length;
    double[][] v = s.orthogonalMatrix(m, d);
    double[][] rows = new double[m][];
    for (int i = 0; i < m; i++) {
      rows[i] = Vectors.scale(Math.sqrt(lambda[i]), v[i]);
    }
    double[] ws = wStarAlongMin ? v[m - 1].clone() : WuSampler.inRowSpaceDirection(rows, s.gaussianVector(d));
    double[] y = Vectors.multiply(rows, Vectors.scale(gStar, ws));
    double[] w0;
    if (a < 0) {
      w0 = s.unitVector(d);
    } else {
      WuGeometry geo = WuGeometry.of(rows, y);
      double[] u = geo.perp(s.gaussianVector(d));
      u = Vectors.scale(1 / Vectors.norm(u), u);
      w0 = new double[d];
      for (int k = 0; k < d; k++) {
        w0[k] = -Math.sqrt(1 - a * a) * ws[k] + a * u[k];
      }
    }
    return new WuInstance(rows, y, w0, 1.0, 1.0);
  }

  private WuInstance atBound(WuInstance p, double delta, double fraction) {
    WuInstance q = p.withC(delta);
    return q.withG0(fraction * g0Bound(st, q, WuGeometry.of(q)));
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    if (st == Statement.E11) {
      int[] ms = {16, 24, 32};
      for (int i = 0; i < Math.max(n, 3); i++) {
        int m = i < ms.length ? ms[i] : ms[s.between(0, 2)];
        double frac = i < ms.length ? 1.0 : s.uniform(0.5, 1);
        double delta = i == 0 ? 0.5 : s.logUniform(0.2, 2);
        out.add(new WuSample(atBound(spectral(s, e11Spectrum(s, m), m + 3, false, E11_PERP, s.uniform(0.5, 3)), delta, frac),
            (i < ms.length ? "corner: m = " : "draw: m = ") + m + (frac == 1 ? ", g0 at the bound" : "")));
      }
      return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
    }
    out.add(new WuSample(atBound(spectral(s, new double[] {1, 0.3}, 3, true, 0.1, 1.5), 0.5, 1),
        "corner: lambda = (1, 0.3), w* on lambda_min, w0 near -w*, g0 at the bound"));
    out.add(new WuSample(atBound(spectral(s, new double[] {1, 0.5, 0.05}, 5, true, 0.3, 1.0), 2.0, 1),
        "corner: lambda_min = 0.05, delta = 2, w0 near -w*"));
    out.add(new WuSample(atBound(spectral(s, new double[] {1, 1}, 4, false, -1, 2.0), 0.5, 1),
        "corner: orthogonal A, g0 at the bound"));
    out.add(new WuSample(atBound(Proposition33.scaled(s.general(), 1), 0.05, 1), "corner: Gaussian A, delta = 0.05"));
    for (int i = out.size(); i < n; i++) {
      int m = s.between(2, 3);
      double[] lambda = new double[m];
      lambda[0] = 1;
      for (int k = 1; k < m; k++) {
        lambda[k] = s.uniform(0.02, 1);
      }
      java.util.Arrays.sort(lambda, 1, m);
      double lmin = lambda[1];
      lambda[1] = lambda[m - 1];
      lambda[m - 1] = lmin;
      boolean adversarial = s.random().nextBoolean();
      out.add(new WuSample(atBound(spectral(s, lambda, m + s.between(1, 3), adversarial, adversarial ? s.uniform(0.01, 0.5) : -1,
          s.uniform(0.5, 3)), s.logUniform(0.05, 3), s.random().nextInt(3) == 0 ? 1 : s.uniform(0.5, 1)), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  /** lambda_1 = 1, the others in [0.95, 1], lambda_min as large as E.11's spectrum condition allows times U(0.3, 0.95). */
  static double[] e11Spectrum(WuSampler s, int m) {
    double[] l = new double[m];
    l[0] = 1;
    double sum = 1;
    for (int k = 1; k < m - 1; k++) {
      l[k] = s.uniform(0.95, 1);
      sum += l[k] * l[k];
    }
    // (sum + lmin^2 - 2 sqrt(m log m))/m >= lmin^2  <=>  lmin^2 <= (sum - 2 sqrt(m log m))/(m - 1)
    double max = Math.sqrt(Math.max(0, (sum - 2 * Math.sqrt(m * Math.log(m))) / (m - 1)));
    l[m - 1] = Math.max(1e-3, max * s.uniform(0.3, 0.95));
    return l;
  }

  @Override
  List<String> controlNames() {
    return st == Statement.E11
        ? List.of("g0 <= g* (the bound's factor sqrt(...)/(2 + delta - sigma_m) replaced by 1)")
        : List.of("T1 with log(1 + 4 delta) (a rate four times the printed one)", "g0 = 3 x the bound", "eps^2 for eps");
  }

  @Override
  List<String> columns() {
    return st == Statement.E11
        ? List.of("m", "delta", "T1", "draws", "failures", "allowed 2/m x draws", "draws off the proof's event", "min ||v_t||")
        : List.of("lambda_min", "delta", "g0 / bound", "T1", "||w_T1_perp|| / eps", "min ||v_t|| / (1 + delta)");
  }

  /** ||w_t_perp|| for t = 0 .. n and min_t ||v_t|| of rPGD with g fixed at p's g0, for targets y. */
  record Run(double[] perp, double minV) {}

  static Run fixedG(WuInstance p, WuGeometry geo, double[] y, int n) {
    double[] perp = new double[n + 1];
    double[] minV = {Double.POSITIVE_INFINITY};
    WuAlgorithms.rpgd(new WuObjective(p.a(), y), p.g0(), p.w0(), StepSchedule.twoStage(0, 0, Integer.MAX_VALUE, 1.0, false),
        n, 0, (t, g, w, l, v) -> {
          perp[t] = Vectors.norm(geo.perp(w));
          if (t > 0) {
            minV[0] = Math.min(minV[0], v);
          }
          return true;
        });
    return new Run(perp, minV[0]);
  }

  static int t1(WuInstance p, WuGeometry geo, double eps, double rate) {
    return (int) Math.max(0, Math.ceil(Math.log(Vectors.norm(geo.perp(p.w0())) / eps) / Math.log1p(rate)));
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    return st == Statement.E11 ? judgeE11(ctx, p) : judgeE10(p);
  }

  private Judged judgeE10(WuInstance p) {
    Judged j = new Judged();
    WuGeometry geo = WuGeometry.of(p);
    double delta = p.c();
    int n = t1(p, geo, EPS, delta);
    Run r = fixedG(p, geo, p.y(), Math.max(n, 1));
    double bound = g0Bound(st, p, geo);
    j.row(geo.lambdaMin(), delta, p.g0() / bound, n, r.perp()[n] / EPS, r.minV() / (1 + delta));
    j.statement(r.perp()[n] <= EPS ? Result.HOLDS : Result.VIOLATED, "||w_T1_perp|| = " + Theorem26.fmt(r.perp()[n])
        + " after T1 = " + n + " (eps " + EPS + "), min ||v_t|| = " + Theorem26.fmt(r.minV()) + " vs 1 + delta = "
        + Theorem26.fmt(1 + delta));
    int fast = t1(p, geo, EPS, 4 * delta);
    j.control(controlNames().get(0), fast < n ? r.perp()[fast] > EPS : null, "||w_perp|| at " + fast + ": "
        + Theorem26.fmt(r.perp()[Math.min(fast, n)]));
    WuInstance big = p.withG0(3 * bound);
    Run b = fixedG(big, geo, p.y(), Math.max(n, 1));
    j.control(controlNames().get(1), b.perp()[n] > EPS, "g0 = 3 x bound: ||w_T1_perp|| = " + Theorem26.fmt(b.perp()[n]));
    j.control(controlNames().get(2), r.perp()[n] > EPS * EPS, "||w_T1_perp|| = " + Theorem26.fmt(r.perp()[n]) + " vs eps^2");
    return j;
  }

  /** The failures of Lemma E.11's conclusion over draws of w* (the instance's own first). */
  private record Tally(int failures, int offEvent, double minV) {}

  /**
   * Draws w* uniformly on the row-space sphere (the instance's own first) and, for each, starts from
   * w0 = -sqrt(1 - a^2) w* + a u with the instance's a = ||w0_perp|| and u = w0_perp/a: the start the
   * proof's (52) takes as worst, so T1 is the same for every draw and the check can say no. (The
   * proof's bound holds for every w_t on its event, so this is the statement for every w0 at once.)
   */
  private static Tally tally(WuInstance p, WuGeometry geo, int draws, int n, double eps) {
    SplittableRandom rnd = new SplittableRandom(p.hashCode());
    WuSampler s = new WuSampler(rnd);
    double gs = geo.gStar();
    int m = p.rows();
    double f2 = geo.frobeniusAAt() * geo.frobeniusAAt();
    double q = (f2 - 2 * Math.sqrt(m * Math.log(m))) / m;
    WuObjective obj = WuObjective.of(p);
    double[] perp0 = geo.perp(p.w0());
    double a = Vectors.norm(perp0);
    int failures = 0;
    int off = 0;
    double minV = Double.POSITIVE_INFINITY;
    for (int k = 0; k < draws; k++) {
      double[] ws = k == 0 ? geo.wStar() : unit(geo.parallel(s.gaussianVector(p.columns())));
      double[] y = obj.times(Vectors.scale(gs, ws));
      double[] w0 = new double[ws.length];
      for (int i = 0; i < w0.length; i++) {
        w0[i] = -Math.sqrt(1 - a * a) * ws[i] + perp0[i];
      }
      double[] ata = obj.transposeTimes(obj.times(ws));
      if (Vectors.dot(ata, ata) < q) {
        off++;
      }
      Run r = fixedG(p.withW0(unit(w0)), geo, y, Math.max(n, 1));
      minV = Math.min(minV, r.minV());
      if (r.perp()[n] > eps) {
        failures++;
      }
    }
    return new Tally(failures, off, minV);
  }

  static double[] unit(double[] v) {
    return Vectors.scale(1 / Vectors.norm(v), v);
  }

  /** Whether f failures of N exceed the allowed rate 2/m by more than Z standard deviations. */
  static boolean tooMany(int f, int draws, int m) {
    double p = Math.min(1, 2.0 / m);
    return f > draws * p + Z * Math.sqrt(draws * p * (1 - p));
  }

  private Judged judgeE11(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuGeometry geo = WuGeometry.of(p);
    int draws = ctx.profile() == CheckContext.Profile.PAPER ? PAPER_DRAWS : QUICK_DRAWS;
    int n = t1(p, geo, EPS, p.c());
    int m = p.rows();
    Tally t = tally(p, geo, draws, n, EPS);
    j.row(m, p.c(), n, draws, t.failures(), Theorem26.fmt(2.0 / m * draws), t.offEvent(), Theorem26.fmt(t.minV()));
    j.statement(tooMany(t.failures(), draws, m) ? Result.VIOLATED : Result.HOLDS, t.failures() + " of " + draws
        + " w* draws end with ||w_T1_perp|| > eps (allowed 2/m = " + Theorem26.fmt(2.0 / m) + "); " + t.offEvent()
        + " draws off the proof's event");
    Tally b = tally(p.withG0(geo.gStar()), geo, draws, n, EPS);
    j.control(controlNames().get(0), tooMany(b.failures(), draws, m), b.failures() + " of " + draws + " fail at g0 = g*");
    // A faster rate (T1 with log((1 + delta)^4)) is not a usable control: on these spectra (all but
    // one eigenvalue near 1) ||v_t|| is near g*/g0, far above 1 + delta, and no draw fails after T1/4.
    return j;
  }
}
