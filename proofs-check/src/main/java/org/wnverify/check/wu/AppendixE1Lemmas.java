package org.wnverify.check.wu;

import static org.wnverify.check.wu.StepRelation.sides;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.StepSchedule;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * The technical lemmas for Theorem E.1 (Appendix E.1.1, 001_b498c678a289d7b1.txt lines 706-819):
 * A A^T = I, r_t = A(g_t w_t - g* w*), eta_t = 1/g_t^2, checked at every iterate of rPGD run with
 * Theorem E.1's schedule (g frozen at the first step, gamma1 for t = 1 .. T1 - 1, gamma2 = 1/4 from
 * T1; T1, T2 of Theorem E.1 rounded up), so phase I and phase II are both covered.
 *
 * <p>Per instance: eps and rho are those of {@link Theorem32Counts#eps}, {@link Theorem32Counts#rho}
 * (functions of g0, so a saved instance replays), delta = 0.9 eps/(2 g* + eps), and the instance's
 * c is read as gamma1 / (Theorem E.1's bound on gamma1), in [0, 1): c = 0 is the boundary gamma1 = 0
 * (Theorem 3.2 with rho = 1, or case (b)'s phase I). Theorem E.1 assumes g0 < g* with
 * delta0 = g*^2 - g0^2 > 0, i.e. |g0| < g*; negative g0 are sampled where a statement allows them.
 */
final class AppendixE1Lemmas extends StepLemmaClaim {
  enum Statement {
    E2, E3, E3_CORRECTED, E4, E4_CORRECTED, E5, E5_CORRECTED, E6, E6_CORRECTED
  }

  /** gamma2 of the runs: the boundary of Theorem E.1's "any gamma2 <= 1/4". */
  static final double GAMMA2 = 0.25;
  /** Iterations spent at most on one run (g0 near g* makes T1 grow like g*^2/delta0). */
  static final int MAX_ITERATIONS = 4000;

  /**
   * Absolute floor of the scale of relations between squared perpendicular norms: ||w_t_perp|| is
   * formed as w - P w with absolute rounding ~1e-16, so below this floor a relative comparison at
   * TOLERANCE would judge rounding.
   */
  static final double PERP2_FLOOR = 1e-7;

  private final Statement st;

  AppendixE1Lemmas(Statement st) {
    super(id(st), location(st), text(st), switch (st) {
      case E2, E5, E5_CORRECTED -> ClaimKind.IDENTITY;
      case E3, E3_CORRECTED, E6, E6_CORRECTED -> ClaimKind.BOUND;
      case E4, E4_CORRECTED -> ClaimKind.MONOTONE;
    });
    this.st = st;
  }

  private static String id(Statement st) {
    return switch (st) {
      case E2 -> "wu/lemma-e.2";
      case E3 -> "wu/lemma-e.3";
      case E3_CORRECTED -> "wu/lemma-e.3#corrected";
      case E4 -> "wu/lemma-e.4";
      case E4_CORRECTED -> "wu/lemma-e.4#corrected";
      case E5 -> "wu/lemma-e.5";
      case E5_CORRECTED -> "wu/lemma-e.5#corrected";
      case E6 -> "wu/lemma-e.6";
      case E6_CORRECTED -> "wu/lemma-e.6#corrected";
    };
  }

  private static String location(Statement st) {
    String f = " (001_b498c678a289d7b1.txt, lines ";
    return switch (st) {
      case E2 -> "Wu et al., Lemma E.2, (27)-(31), Appendix E.1.1" + f + "708-720)";
      case E3 -> "Wu et al., Lemma E.3, Appendix E.1.1" + f + "744-746)";
      case E3_CORRECTED -> "Wu et al., Lemma E.3 (corrected: g_t > 0, and the term its proof drops)" + f + "744-777)";
      case E4 -> "Wu et al., Lemma E.4, Appendix E.1.1" + f + "779-781)";
      case E4_CORRECTED -> "Wu et al., Lemma E.4 (corrected: gamma_t > 0)" + f + "779-787)";
      case E5 -> "Wu et al., Lemma E.5, Appendix E.1.1" + f + "789-791)";
      case E5_CORRECTED -> "Wu et al., Lemma E.5 (corrected: (1 - ||A w_t||^2))" + f + "789-799)";
      case E6 -> "Wu et al., Lemma E.6, (32), Appendix E.1.1" + f + "803-805)";
      case E6_CORRECTED -> "Wu et al., Lemma E.6 (corrected: ||w_t_perp||^2)" + f + "803-819)";
    };
  }

  private static String text(Statement st) {
    return switch (st) {
      case E2 -> "Lemma E.2. With the step-size eta = 1/g_t^2: (27) A w_{t+1} = A g* w*/(g_t ||v_t||); (28) g_t^2 ||v_t||^2 "
          + "= g_t^2 + ((g*)^2 - ||A g_t w_t||^2) = g*^2/||A w_{t+1}||^2; (29) ||A w_{t+1}||^2 = (g*)^2/((g*)^2 + g_t^2 "
          + "(1 - ||A w_t||^2)); (30) 1 - ||A w_{t+1}||^2 = (1/||v_t||^2)(1 - ||A w_t||^2); (31) g_{t+1}^2 - ||A g_{t+1} "
          + "w_{t+1}||^2 = (||A g_{t+1} w_{t+1}||^2/(g*)^2)(g_t^2 - ||A g_t w_t||^2).";
      case E3 -> "Lemma E.3. For eta = 1/g_t^2 and gamma = gamma_t, we have g_{t+1} <= g_t + (gamma g_t/2)(||v_t||^2 - 1) and "
          + "g_t ||v_t|| - g_{t+1} = (1 - gamma)(g_{t-1} ||v_{t-1}|| - g_t) - (g_{t-1} ||v_{t-1}|| - g_t ||v_t||)(1 - "
          + "(gamma/g_t) g_{t-1} ||v_{t-1}||/(g_t + g_{t-1} ||v_{t-1}||) (g_t ||v_t|| + g_{t-1} ||v_{t-1}||)).";
      case E3_CORRECTED -> "Lemma E.3 corrected: for 0 < g0 < g* (so g_t > 0), g_{t+1} <= g_t + (gamma g_t/2)(||v_t||^2 - 1), "
          + "and the identity with the term the proof's C_t loses: g_t ||v_t|| - g_{t+1} = [printed right-hand side] - "
          + "gamma (1 - ||A w_t||^2)(g_{t-1} ||v_{t-1}|| - g_t)^2 / g_t.";
      case E4 -> "Lemma E.4. If eta = 1/g_t^2 and g_t - g_{t-1} ||v_{t-1}|| < 0, we always have that g_{t+1} > g_t, for all t.";
      case E4_CORRECTED -> "Lemma E.4 corrected: if eta = 1/g_t^2, gamma_t > 0 and g_t - g_{t-1} ||v_{t-1}|| < 0, then "
          + "g_{t+1} > g_t (g_{t+1} = g_t when gamma_t = 0).";
      case E5 -> "Lemma E.5. g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2 = (g_t^2/||v_{t-1}||^2 - g_{t-1}^2)(1 - ||A w_{t-1}||^2) "
          + "= (g_t^2 - g_{t-1}^2 ||v_{t-1}||^2)(1 - ||A w_t||)^2.";
      case E5_CORRECTED -> "Lemma E.5 corrected: ... = (g_t^2 - g_{t-1}^2 ||v_{t-1}||^2)(1 - ||A w_t||^2) (the square on the "
          + "norm, as (30) gives).";
      case E6 -> "Lemma E.6. ||w_t_perp|| <= (1 - ||A w_t||^2) <= exp(-sum_{i=1}^t ((g*)^2 - ||A g_i w_i||^2)/((g*)^2 + "
          + "(g*)^2 - ||A g_i w_i||^2)) (1 - ||A w_0||^2). (32)";
      case E6_CORRECTED -> "Lemma E.6 corrected: ||w_t_perp||^2 = (1 - ||A w_t||^2) <= exp(-sum_{i=1}^t (...)) (1 - ||A w_0||^2).";
    };
  }

  private boolean negativeG0Allowed() {
    // Lemma E.4's hypothesis g_t < g_{t-1} ||v_{t-1}|| never holds from a negative g0 (g_t stays above
    // g_{t-1} ||v_{t-1}|| < 0), so such runs would be vacuous; E.3 corrected assumes g_t > 0.
    return st == Statement.E2 || st == Statement.E3 || st == Statement.E5 || st == Statement.E5_CORRECTED
        || st == Statement.E6 || st == Statement.E6_CORRECTED;
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    WuHypothesis g0 = negativeG0Allowed()
        ? new WuHypothesis("g0 < g*, delta0 = g*^2 - g0^2 > 0, g0 != 0 (Theorem E.1; eta_0 = 1/g0^2)", p -> {
          double gs = WuGeometry.of(p).gStar();
          return WuHypothesis.when(!(p.g0() != 0 && Math.abs(p.g0()) < gs), "g0 = " + p.g0() + ", g* = " + gs);
        })
        : WuHypothesis.G0_BETWEEN_0_AND_GSTAR;
    return List.of(WuHypothesis.ORTHOGONAL, WuHypothesis.UNIT_W0, WuHypothesis.Y_NONZERO, g0,
        new WuHypothesis("Theorem E.1's schedule: c = gamma1/bound in [0, 1), T1 > 0 (w0 not in the row space)", p -> {
          if (!(p.c() >= 0 && p.c() < 1)) {
            return WuHypothesis.when(true, "c = " + p.c());
          }
          WuGeometry geo = WuGeometry.of(p);
          double perp = Vectors.norm(geo.perp(p.w0()));
          return WuHypothesis.when(!(perp > 1e-6), "||w0_perp|| = " + perp);
        }));
  }

  @Override
  List<String> notes() {
    return List.of("rPGD with Theorem E.1's schedule: gamma_0 = 0 (g1 = g0), gamma1 = c x bound for t = 1 .. T1 - 1, "
            + "gamma2 = 1/4 from T1, eta_t = 1/g_t^2; eps, rho of Theorem32Counts, delta = 0.9 eps/(2 g* + eps); at most "
            + MAX_ITERATIONS + " iterations",
        "1 - ||A w_t||^2 is computed as ||w_t_perp||^2 (equal for A A^T = I, ||w_t|| = 1, without the cancellation)",
        "relations are judged at relative tolerance " + StepRelation.TOLERANCE + " of the terms they compare; relations at "
            + "t use g_{t-1} and v_{t-1}, so they start at t = 1",
        negativeG0Allowed() ? "g0 in (-g*, g*): Theorem E.1 assumes only g0 < g* with delta0 > 0"
            : "0 < g0 < g* only: " + (st == Statement.E3_CORRECTED ? "the corrected inequality needs g_t > 0"
                : "from g0 < 0 the hypothesis g_t < g_{t-1} ||v_{t-1}|| never holds (a vacuous run)"));
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(scaled(s.orthogonal(), 0.5, 0.5), "corner: g0 = 0.5 g*, gamma1 = 0.5 x bound"));
    out.add(new WuSample(scaled(s.orthogonal(), 0.95, 0.999), "corner: g0 = 0.95 g*, gamma1 at the bound"));
    out.add(new WuSample(scaled(s.orthogonal(), 0.3, 0.0), "corner: gamma1 = 0 (rho = 1)"));
    if (negativeG0Allowed()) {
      out.add(new WuSample(scaled(s.orthogonal(), -0.6, 0.5), "corner: g0 = -0.6 g* (g0 < g*)"));
    }
    out.add(new WuSample(WuSampler.example2d(0.5).withC(0.5), "corner: w0 in ker A (example-2d), g0 = 0.5"));
    WuInstance q = s.orthogonal();
    WuGeometry geo = WuGeometry.of(q);
    double[] k = geo.perp(s.unitVector(q.columns()));
    double[] w0 = Vectors.scale(-0.8, geo.wStar());
    double kn = Vectors.norm(k);
    for (int i = 0; i < w0.length; i++) {
      w0[i] += 0.6 * k[i] / kn;
    }
    out.add(new WuSample(scaled(q.withW0(w0), 0.5, 0.5), "corner: w0 = -0.8 w* + 0.6 u (anti-aligned)"));
    for (int i = out.size(); i < n; i++) {
      double r = s.uniform(0.05, 0.95) * (negativeG0Allowed() && s.random().nextInt(4) == 0 ? -1 : 1);
      out.add(new WuSample(scaled(s.orthogonal(), r, s.uniform(0, 1)), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  private static WuInstance scaled(WuInstance p, double ratio, double c) {
    return p.withG0(ratio * WuGeometry.of(p).gStar()).withC(c);
  }

  /** The run of Theorem E.1's schedule on p (null if T1, T2 or the bound on gamma1 is not finite). */
  static RpgdTrace e1Run(WuInstance p) {
    WuGeometry geo = WuGeometry.of(p);
    double e = Theorem32Counts.eps(p);
    double delta = 0.9 * e / (2 * geo.gStar() + e);
    WuClosedForms.TheoremE1 c = WuClosedForms.theoremE1(p, geo, e, Theorem32Counts.rho(p), delta, GAMMA2);
    if (!Double.isFinite(c.t1()) || !Double.isFinite(c.t2()) || !Double.isFinite(c.gamma1Bound())) {
      return null;
    }
    int t1 = Math.max(1, c.phaseOne());
    int t2 = Math.max(0, c.phaseTwo());
    double gamma1 = p.c() * Math.max(0, c.gamma1Bound());
    StepSchedule s = StepSchedule.theoremE1(gamma1, GAMMA2, t1);
    int n = (int) Math.min((long) t1 + t2, MAX_ITERATIONS);
    return RpgdTrace.of(p, geo, p.y(), s, n, new RpgdTrace.Phase(t1, t2, c.t1(), c.t2(), e, gamma1));
  }

  @Override
  RpgdTrace trace(WuInstance p) {
    return e1Run(p);
  }

  @Override
  List<StepRelation> relations() {
    return switch (st) {
      case E2 -> List.of(EQ27, EQ28A, EQ28B, EQ29, EQ30, EQ31);
      case E3 -> List.of(E3_INEQUALITY, E3_IDENTITY);
      case E3_CORRECTED -> List.of(E3_INEQUALITY, E3_IDENTITY_CORRECTED);
      case E4 -> List.of(e4(false));
      case E4_CORRECTED -> List.of(e4(true));
      case E5 -> List.of(E5_FIRST, E5_SECOND);
      case E5_CORRECTED -> List.of(E5_FIRST, E5_SECOND_CORRECTED);
      case E6 -> List.of(E6_FIRST, E6_SECOND);
      case E6_CORRECTED -> List.of(E6_FIRST_CORRECTED, E6_SECOND);
    };
  }

  @Override
  List<StepRelation> controlRelations() {
    return switch (st) {
      case E2 -> List.of(
          StepRelation.equal("(29) with g_t for g_t^2", (tr, t) -> t >= tr.n ? null
              : sides(tr.aw2[t + 1], sq(tr.gStar) / (sq(tr.gStar) + tr.g[t] * tr.perp2[t]), 1)),
          StepRelation.equal("(30) with ||v_t|| for ||v_t||^2", (tr, t) -> t >= tr.n ? null
              : sides(tr.perp2[t + 1], tr.perp2[t] / tr.v[t], tr.perp2[t], PERP2_FLOOR)),
          StepRelation.equal("(27) with g_{t+1} for g_t", (tr, t) -> t >= tr.n ? null
              : sides(dist(tr.aw[t + 1], tr.aStar, 1 / (tr.g[t + 1] * tr.v[t])), 0, 1)));
      case E3, E3_CORRECTED -> List.of(
          StepRelation.atMost("inequality with gamma g_t/4 for gamma g_t/2", (tr, t) -> t >= tr.n ? null
              : sides(tr.increment[t], tr.gamma[t] * tr.g[t] / 4 * (sq(tr.v[t]) - 1), tr.gamma[t] * tr.g[t] * sq(tr.v[t]))),
          StepRelation.equal("identity with (1 - 2 gamma) for (1 - gamma)", (tr, t) -> e3Sides(tr, t, 2, false)));
      case E4, E4_CORRECTED -> List.of(
          StepRelation.atMost("g_{t+1} >= g_t + gamma_t (g_{t-1} ||v_{t-1}|| - g_t) (factor ||A w_t||^2 dropped)",
              (tr, t) -> t < 1 || t >= tr.n ? null : sides(tr.gamma[t] * (tr.gv(t - 1) - tr.g[t]), tr.increment[t],
                  tr.gamma[t] * Math.abs(tr.gv(t - 1)))),
          StepRelation.less("g_{t+1} > g_t without the hypothesis g_t < g_{t-1} ||v_{t-1}|| (run from -g0, where it fails)",
              (tr, t) -> t < 1 || t >= tr.n || tr.gamma[t] == 0 ? null : new double[] {-tr.increment[t], 0, 1})
              .on(p -> p.withG0(-p.g0())));
      case E5, E5_CORRECTED -> List.of(
          StepRelation.equal("first form with (1 - ||A w_t||^2) for (1 - ||A w_{t-1}||^2)", (tr, t) -> t < 1 || t >= tr.n
              ? null : sides(sq(tr.gv(t)) - sq(tr.gv(t - 1)), (sq(tr.g[t] / tr.v[t - 1]) - sq(tr.g[t - 1])) * tr.perp2[t],
                  sq(tr.gv(t)), sq(tr.gv(t - 1)))),
          StepRelation.equal("first form with g_t^2 ||v_{t-1}||^2 for g_t^2/||v_{t-1}||^2", (tr, t) -> t < 1 || t >= tr.n
              ? null : sides(sq(tr.gv(t)) - sq(tr.gv(t - 1)), (sq(tr.g[t] * tr.v[t - 1]) - sq(tr.g[t - 1]))
                  * tr.perp2[t - 1], sq(tr.gv(t)), sq(tr.gv(t - 1)))));
      case E6, E6_CORRECTED -> List.of(
          StepRelation.atMost("exponent doubled", (tr, t) -> sides(tr.perp2[t], Math.exp(-2 * tr.gapSum(t)) * tr.perp2[0], PERP2_FLOOR)),
          StepRelation.atMost("(1 - ||A w_0||^2)^2 for (1 - ||A w_0||^2)",
              (tr, t) -> sides(tr.perp2[t], Math.exp(-tr.gapSum(t)) * sq(tr.perp2[0]), PERP2_FLOOR)));
    };
  }

  static double sq(double x) {
    return x * x;
  }

  /** ||u - s z|| for vectors u, z. */
  static double dist(double[] u, double[] z, double s) {
    double d = 0;
    for (int i = 0; i < u.length; i++) {
      d += sq(u[i] - s * z[i]);
    }
    return Math.sqrt(d);
  }

  static final StepRelation EQ27 = StepRelation.equal("(27) A w_{t+1} = A g* w*/(g_t ||v_t||)", (tr, t) -> t >= tr.n ? null
      : sides(dist(tr.aw[t + 1], tr.aStar, 1 / (tr.g[t] * tr.v[t])), 0, 1));
  static final StepRelation EQ28A = StepRelation.equal("(28) g_t^2 ||v_t||^2 = g_t^2 + (g*^2 - ||A g_t w_t||^2)",
      (tr, t) -> t >= tr.n ? null : sides(sq(tr.gv(t)), sq(tr.g[t]) + tr.gap(t), sq(tr.g[t]), sq(tr.gStar)));
  static final StepRelation EQ28B = StepRelation.equal("(28) g_t^2 ||v_t||^2 = g*^2/||A w_{t+1}||^2",
      (tr, t) -> t >= tr.n ? null : sides(sq(tr.gv(t)), sq(tr.gStar) / tr.aw2[t + 1]));
  static final StepRelation EQ29 = StepRelation.equal("(29) ||A w_{t+1}||^2 = g*^2/(g*^2 + g_t^2 (1 - ||A w_t||^2))",
      (tr, t) -> t >= tr.n ? null : sides(tr.aw2[t + 1], sq(tr.gStar) / (sq(tr.gStar) + sq(tr.g[t]) * tr.perp2[t]), 1));
  static final StepRelation EQ30 = StepRelation.equal("(30) 1 - ||A w_{t+1}||^2 = (1 - ||A w_t||^2)/||v_t||^2",
      (tr, t) -> t >= tr.n ? null : sides(tr.perp2[t + 1], tr.perp2[t] / sq(tr.v[t]), PERP2_FLOOR));
  static final StepRelation EQ31 = StepRelation.equal("(31) g_{t+1}^2 - ||A g_{t+1} w_{t+1}||^2 = (||A g_{t+1} w_{t+1}||^2/g*^2)"
      + " (g_t^2 - ||A g_t w_t||^2)", (tr, t) -> t >= tr.n ? null : sides(sq(tr.g[t + 1]) * tr.perp2[t + 1],
          sq(tr.g[t + 1]) * tr.aw2[t + 1] / sq(tr.gStar) * sq(tr.g[t]) * tr.perp2[t],
          sq(tr.g[t + 1]) * tr.perp2[t + 1] + sq(tr.g[t + 1]) * tr.aw2[t + 1] * tr.perp2[t], sq(tr.g[t + 1]) * PERP2_FLOOR));

  /**
   * The increment g_{t+1} - g_t as rPGD forms it against (gamma g_t/2)(||v_t||^2 - 1); the scale
   * includes the term gamma ||r_t||^2/(2 |g_t|) the inequality drops.
   */
  static final StepRelation E3_INEQUALITY = StepRelation.atMost("g_{t+1} <= g_t + (gamma g_t/2)(||v_t||^2 - 1)",
      (tr, t) -> t >= tr.n ? null : sides(tr.increment[t], tr.gamma[t] * tr.g[t] / 2 * (sq(tr.v[t]) - 1),
          tr.gamma[t] * tr.res2[t] / (2 * Math.abs(tr.g[t]))));
  static final StepRelation E3_IDENTITY = StepRelation.equal("identity for g_t ||v_t|| - g_{t+1}",
      (tr, t) -> e3Sides(tr, t, 1, false));
  static final StepRelation E3_IDENTITY_CORRECTED = StepRelation.equal("identity for g_t ||v_t|| - g_{t+1} with "
      + "- gamma (1 - ||A w_t||^2)(g_{t-1} ||v_{t-1}|| - g_t)^2/g_t", (tr, t) -> e3Sides(tr, t, 1, true));

  /** Lemma E.3's identity at t (t >= 1), gamma multiplied by k in (1 - gamma), corrected term optional. */
  static double[] e3Sides(RpgdTrace tr, int t, double k, boolean corrected) {
    if (t < 1 || t >= tr.n) {
      return null;
    }
    double a = tr.gv(t - 1);
    double b = tr.g[t];
    double c = tr.gv(t);
    double gm = tr.gamma[t];
    double lhs = c - tr.g[t + 1];
    double rhs = (1 - k * gm) * (a - b) - (a - c) * (1 - gm / b * a / (b + a) * (c + a));
    if (corrected) {
      rhs -= gm * tr.perp2[t] * sq(a - b) / b;
    }
    return sides(lhs, rhs, a, b, c);
  }

  /**
   * Lemma E.4 at t >= 1 where g_t - g_{t-1} ||v_{t-1}|| < 0 holds beyond rounding (relative
   * TOLERANCE); the strict conclusion is judged on the increment -gamma_t grad_g f as formed.
   */
  static StepRelation e4(boolean needPositiveGamma) {
    return StepRelation.less("g_{t+1} > g_t where g_t - g_{t-1} ||v_{t-1}|| < 0" + (needPositiveGamma ? " and gamma_t > 0" : ""),
        (tr, t) -> {
          if (t < 1 || t >= tr.n || (needPositiveGamma && !(tr.gamma[t] > 0))) {
            return null;
          }
          double a = tr.gv(t - 1);
          boolean hyp = tr.g[t] - a < -StepRelation.TOLERANCE * Math.max(Math.abs(a), Math.abs(tr.g[t]));
          return hyp ? new double[] {-tr.increment[t], 0, 1} : null;
        });
  }

  static final StepRelation E5_FIRST = StepRelation.equal("first form (g_t^2/||v_{t-1}||^2 - g_{t-1}^2)(1 - ||A w_{t-1}||^2)",
      (tr, t) -> t < 1 || t >= tr.n ? null : sides(sq(tr.gv(t)) - sq(tr.gv(t - 1)),
          (sq(tr.g[t] / tr.v[t - 1]) - sq(tr.g[t - 1])) * tr.perp2[t - 1], sq(tr.gv(t)), sq(tr.gv(t - 1))));
  static final StepRelation E5_SECOND = StepRelation.equal("second form (g_t^2 - g_{t-1}^2 ||v_{t-1}||^2)(1 - ||A w_t||)^2",
      (tr, t) -> t < 1 || t >= tr.n ? null : sides(sq(tr.gv(t)) - sq(tr.gv(t - 1)),
          (sq(tr.g[t]) - sq(tr.gv(t - 1))) * sq(1 - Math.sqrt(tr.aw2[t])), sq(tr.gv(t)), sq(tr.gv(t - 1))));
  static final StepRelation E5_SECOND_CORRECTED = StepRelation.equal("second form with (1 - ||A w_t||^2)",
      (tr, t) -> t < 1 || t >= tr.n ? null : sides(sq(tr.gv(t)) - sq(tr.gv(t - 1)),
          (sq(tr.g[t]) - sq(tr.gv(t - 1))) * tr.perp2[t], sq(tr.gv(t)), sq(tr.gv(t - 1))));

  static final StepRelation E6_FIRST = StepRelation.atMost("||w_t_perp|| <= 1 - ||A w_t||^2",
      (tr, t) -> sides(tr.perp(t), tr.perp2[t]));
  static final StepRelation E6_FIRST_CORRECTED = StepRelation.equal("||w_t_perp||^2 = 1 - ||A w_t||^2",
      (tr, t) -> sides(tr.perp2[t], 1 - tr.aw2[t], 1));
  static final StepRelation E6_SECOND = StepRelation.atMost("1 - ||A w_t||^2 <= exp(-sum_{i=1}^t D_i/(g*^2 + D_i)) (1 - ||A w_0||^2)",
      // from t = 1: at t = 0 both sides are ||w_0_perp||^2, and the reported slack would be 0
      (tr, t) -> t < 1 ? null : sides(tr.perp2[t], Math.exp(-tr.gapSum(t)) * tr.perp2[0], PERP2_FLOOR));
}
