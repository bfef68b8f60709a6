package org.wnverify.check.wu;

import static org.wnverify.check.wu.StepRelation.sides;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.wu.StepSchedule;
import org.wnverify.numeric.wu.WuClosedForms;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;

/**
 * Lemma E.8 (Appendix E.2.1, 001_b498c678a289d7b1.txt lines 899-906): in Phase II of Theorem E.7,
 * t = T1 .. T1 + T2 - 1, Property (i) ||w_{t+1}_perp|| <= ||w_t_perp|| <= eps and Property (ii)
 * (1 - gamma') g_t + gamma' g* <= g_{t+1} <= g*, gamma' = gamma (1 - eps^2). Checked at every
 * Phase II iterate of rPGD with Theorem E.7's setting: A A^T = I, 0 < g0 < g*, eta_t = 1/g_t^2, g
 * frozen for t < T1, gamma from T1 on, T1, T2 of (34) rounded up (whole iterations).
 *
 * <p>Per instance: the instance's c is read as eps (hypothesis 0 < eps < 0.5), and gamma =
 * (1 - 1e-6) |sin(1e3 g0)| x bound (33) (a deterministic function of g0, as Theorem32Counts does,
 * so that a saved instance replays; the factor keeps (33)'s strict "<"). Corners put gamma at the
 * bound, eps near 0.5 and tiny, g0 near g*.
 */
final class LemmaE8PhaseTwo extends StepLemmaClaim {
  /** Phase II is longest for tiny eps and gamma: the run stops here (the relations are per step). */
  static final int MAX_ITERATIONS = 6000;
  /**
   * Absolute floor of the scale of ||w_perp|| comparisons: w - P w carries absolute rounding ~1e-16,
   * so below 1e-7 a relative comparison at TOLERANCE would judge rounding.
   */
  static final double PERP_FLOOR = 1e-7;

  private final boolean corrected;

  LemmaE8PhaseTwo(boolean corrected) {
    super(corrected ? "wu/lemma-e.8#corrected" : "wu/lemma-e.8",
        corrected ? "Wu et al., Lemma E.8 (corrected: g_{t+1} <= g* only while t + 1 - T1 <= T2, as (48) needs)"
            + " (001_b498c678a289d7b1.txt, lines 899-933)"
            : "Wu et al., Lemma E.8, Appendix E.2.1 (001_b498c678a289d7b1.txt, lines 899-906)",
        corrected ? "Lemma E.8 with Property (ii)'s upper bound g_{t+1} <= g* required for t + 1 - T1 <= T2 (the real T2 of "
            + "(34)); with T2 rounded up to whole iterations, the last Phase II step may exceed T2 and (48)'s step (a) fails."
            : "Lemma E.8. We have following property in Phase II for Theorem E.7: Property (i): ||w_{t+1}_perp|| <= "
            + "||w_t_perp|| <= eps. Property (ii): letting gamma' = gamma(1 - eps^2), we have (1 - gamma') g_t + gamma' g* "
            + "<= g_{t+1} <= g*.", ClaimKind.BOUND);
    this.corrected = corrected;
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.ORTHOGONAL, WuHypothesis.UNIT_W0, WuHypothesis.Y_NONZERO, WuHypothesis.G0_BETWEEN_0_AND_GSTAR,
        new WuHypothesis("0 < eps < 0.5 (eps is the instance's c)", p -> WuHypothesis.when(!(p.c() > 0 && p.c() < 0.5),
            "c = " + p.c())),
        new WuHypothesis("0 < gamma < bound (33)", p -> {
          double f = gammaFraction(p);
          return WuHypothesis.when(!(f > 0 && f < 1), "gamma/bound = " + f);
        }));
  }

  @Override
  List<String> notes() {
    return List.of("eps = c of the instance; gamma = (1 - 1e-6)|sin(1e3 g0)| x (33)'s bound; T1, T2 of (34) rounded up; "
        + "Phase II = t = T1 .. T1 + T2 - 1 (at most " + MAX_ITERATIONS + " iterations in all)",
        "relations judged at relative tolerance " + StepRelation.TOLERANCE + "; ||w_perp|| comparisons with scale floor "
            + PERP_FLOOR);
  }

  static double gammaFraction(WuInstance p) {
    return (1 - 1e-6) * Math.abs(Math.sin(1e3 * p.g0()));
  }

  /** A g0 near ratio x g* at which gammaFraction is (1 - 1e-6) x fraction. */
  static double g0For(double gStar, double ratio, double fraction) {
    double base = Math.asin(fraction);
    double k = Math.rint((1e3 * ratio * gStar - base) / Math.PI);
    return (base + k * Math.PI) / 1e3;
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(corner(s.orthogonal(), 0.45, 1.0, 0.12, "corner: gamma at the bound (33), eps = 0.12"));
    out.add(corner(s.orthogonal(), 0.5, 0.5, 0.499, "corner: eps = 0.499 (near 0.5)"));
    out.add(corner(s.orthogonal(), 0.3, 0.2, 1e-3, "corner: eps = 1e-3"));
    out.add(corner(s.orthogonal(), 0.9, 0.9, 0.2, "corner: g0 = 0.9 g*"));
    out.add(corner(s.orthogonal(), 0.1, 1.0, 0.3, "corner: g0 = 0.1 g*, gamma at the bound"));
    for (int i = out.size(); i < n; i++) {
      out.add(corner(s.orthogonal(), s.uniform(0.05, 0.95), s.uniform(0.05, 1), s.uniform(0.01, 0.49), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  private static WuSample corner(WuInstance p, double ratio, double fraction, double eps, String label) {
    double gs = WuGeometry.of(p).gStar();
    return new WuSample(p.withG0(g0For(gs, ratio, fraction)).withC(eps), label);
  }

  @Override
  RpgdTrace trace(WuInstance p) {
    WuGeometry geo = WuGeometry.of(p);
    double e = p.c();
    double bound = WuClosedForms.theoremE7(p, geo, e, 0).gammaBound();
    double gamma = gammaFraction(p) * bound;
    WuClosedForms.TheoremE7 c = WuClosedForms.theoremE7(p, geo, e, gamma);
    if (!Double.isFinite(c.t1()) || !Double.isFinite(c.t2())) {
      return null;
    }
    int t1 = Math.max(1, c.phaseOne());
    int t2 = Math.max(0, c.phaseTwo());
    int n = (int) Math.min((long) t1 + t2, MAX_ITERATIONS);
    StepSchedule s = StepSchedule.condition31(0.0, gamma, t1 - 1);
    return RpgdTrace.of(p, geo, p.y(), s, n, new RpgdTrace.Phase(t1, t2, c.t1(), c.t2(), e, gamma));
  }

  /** Whether t is a Phase II iterate with t + 1 recorded. */
  static boolean phaseTwo(RpgdTrace tr, int t) {
    return t >= tr.phase.t1() && t < tr.phase.t1() + tr.phase.t2() && t + 1 <= tr.n;
  }

  static double gammaPrime(RpgdTrace tr) {
    return tr.phase.gamma() * (1 - tr.phase.eps() * tr.phase.eps());
  }

  static final StepRelation MONOTONE = StepRelation.atMost("(i) ||w_{t+1}_perp|| <= ||w_t_perp||",
      (tr, t) -> phaseTwo(tr, t) ? sides(tr.perp(t + 1), tr.perp(t), PERP_FLOOR) : null);
  static final StepRelation SMALL = StepRelation.atMost("(i) ||w_t_perp|| <= eps",
      (tr, t) -> phaseTwo(tr, t) ? sides(tr.perp(t), tr.phase.eps()) : null);
  static final StepRelation LOWER = StepRelation.atMost("(ii) (1 - gamma') g_t + gamma' g* <= g_{t+1}",
      (tr, t) -> phaseTwo(tr, t) ? sides((1 - gammaPrime(tr)) * tr.g[t] + gammaPrime(tr) * tr.gStar, tr.g[t + 1], tr.gStar)
          : null);
  static final StepRelation UPPER = StepRelation.atMost("(ii) g_{t+1} <= g*",
      (tr, t) -> phaseTwo(tr, t) ? sides(tr.g[t + 1], tr.gStar) : null);
  static final StepRelation UPPER_CORRECTED = StepRelation.atMost("(ii) g_{t+1} <= g* for t + 1 - T1 <= T2 (real T2)",
      (tr, t) -> phaseTwo(tr, t) && t + 1 - tr.phase.t1() <= tr.phase.t2Real() ? sides(tr.g[t + 1], tr.gStar) : null);

  @Override
  List<StepRelation> relations() {
    return List.of(MONOTONE, SMALL, LOWER, corrected ? UPPER_CORRECTED : UPPER);
  }

  @Override
  List<StepRelation> controlRelations() {
    return List.of(
        StepRelation.atMost("(ii) lower bound with 2 gamma' (twice the rate)", (tr, t) -> phaseTwo(tr, t)
            ? sides((1 - 2 * gammaPrime(tr)) * tr.g[t] + 2 * gammaPrime(tr) * tr.gStar, tr.g[t + 1], tr.gStar) : null),
        StepRelation.atMost("(i) with eps^2 for eps", (tr, t) -> phaseTwo(tr, t)
            ? sides(tr.perp(t), tr.phase.eps() * tr.phase.eps()) : null),
        StepRelation.atMost("(ii) upper bound g_{t+1} <= g_t (g non-increasing)", (tr, t) -> phaseTwo(tr, t)
            ? sides(tr.g[t + 1], tr.g[t]) : null));
  }
}
