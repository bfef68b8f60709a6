package org.wnverify.check.steps;

import static org.wnverify.check.steps.ChouSampledSteps.gaussian;
import static org.wnverify.check.steps.ChouSampledSteps.normSq;
import static org.wnverify.check.steps.ChouSampledSteps.unit;
import static org.wnverify.check.steps.SampledStep.Relation.EQ;
import static org.wnverify.check.steps.SampledStep.Relation.GE;
import static org.wnverify.check.steps.SampledStep.Relation.LE;
import static org.wnverify.check.steps.WuAppendixESteps.am;
import static org.wnverify.check.steps.WuAppendixESteps.at;
import static org.wnverify.check.steps.WuAppendixESteps.aw2;
import static org.wnverify.check.steps.WuAppendixESteps.draw;
import static org.wnverify.check.steps.WuAppendixESteps.gNext;
import static org.wnverify.check.steps.WuAppendixESteps.gs;
import static org.wnverify.check.steps.WuAppendixESteps.standing;
import static org.wnverify.check.steps.WuAppendixESteps.standingOff;
import static org.wnverify.check.steps.WuAppendixESteps.v;
import static org.wnverify.check.steps.WuSampledSteps.eigen;
import static org.wnverify.check.steps.WuSampledSteps.loc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.linalg.KernelProjector;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The displayed steps of Wu et al., Appendices E.2 (the proof of Theorem E.7 = Theorem 3.2 case (b)
 * and of Lemma E.8, lines 821-934) and E.3 (general A: the proofs of Lemmas E.10 and E.11, lines
 * 935-1043), checked on sampled states by {@link SampledStep}. E.2's state is E.1.1's (A A^T = I,
 * w* a unit vector in the row space, 0 < g_0 < g*); its scalar steps take the numbers the proof
 * names (g*, g_0, eps, gamma, ||w_t^par||). E.3's A is a full-rank m x d matrix scaled to
 * lambda_max(A A^T) = 1, sigma_i the eigenvalues of A^T A as (51) defines them.
 */
final class WuAppendixE23Steps {
  private WuAppendixE23Steps() {}

  /**
   * lambda_max(A A^T) = 1 holds below this: the sampler divides A by sqrt(lambda_max) computed by an
   * eigensolver (relative error ~1e-15); a shrunk A with a rounded entry leaves it by far more.
   */
  static final double LAMBDA_TOL = 1e-12;

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.addAll(theoremE7());
    s.addAll(lemmaE8());
    s.addAll(appendixE3());
    return s;
  }

  private static double sq(double x) {
    return x * x;
  }

  /**
   * ||a - b||/max(1, ||a||): with g_0 under E.10's bound and lambda_min(A A^T) down to the rank
   * tolerance, g^* / g_0 reaches 1e8 and the two sides of a vector identity are that large, so their
   * rounding is relative to their size, not to 1.
   */
  static double relativeDistance(double[] a, double[] b) {
    return Vectors.distance(a, b) / Math.max(1, Vectors.norm(a));
  }

  static double[] add(double[] a, double[] b) {
    return Vectors.subtract(a, Vectors.scale(-1, b));
  }

  // --- Theorem E.7 ----------------------------------------------------------------------------

  /** The bound (33) on gamma. */
  static double bound33(StepPoint p) {
    double gs = p.get("gs");
    double g0 = p.get("g0");
    double e2 = sq(p.get("eps"));
    return (gs - g0) / ((1 - e2) * (gs - g0) + e2 * gs);
  }

  /** T2 of (34), real. */
  static double t2(StepPoint p) {
    double e2 = sq(p.get("eps"));
    return Math.log((1 - (1 - e2) * p.get("g0") / p.get("gs")) / e2) / Math.log(1 / (1 - (1 - e2) * p.get("gamma")));
  }

  static double gammaPrime(StepPoint p) {
    return p.get("gamma") * (1 - sq(p.get("eps")));
  }

  static double deltaE7(StepPoint p) {
    return sq(p.get("eps")) * p.get("gs") / (1 - sq(p.get("eps")));
  }

  /** g*, g_0 < g*, eps in (0, 0.5), gamma in (0, (33)), p = ||w_t^par|| in [sqrt(1 - eps^2), 1], g in [g_0, g*]. */
  static StepPoint drawE7(SplittableRandom rnd) {
    double gs = rnd.nextDouble(0.3, 3);
    double g0 = gs * (rnd.nextBoolean() ? rnd.nextDouble(0.01, 0.99) : rnd.nextDouble(0.9, 0.999));
    double eps = rnd.nextBoolean() ? rnd.nextDouble(0.001, 0.5) : rnd.nextDouble(0.3, 0.5);
    StepPoint q = StepPoint.builder().put("gs", gs).put("g0", g0).put("eps", eps).put("gamma", 0).put("par", 1).put("g", g0).build();
    double pmin = Math.sqrt(1 - eps * eps);
    return q.toBuilder().put("gamma", bound33(q) * rnd.nextDouble(0.001, 1)).put("par", rnd.nextBoolean() ? pmin
        : rnd.nextDouble(pmin, 1)).put("g", rnd.nextBoolean() ? g0 : rnd.nextDouble(g0, gs)).put("at", rnd.nextDouble()).build();
  }

  static Optional<String> assumeE7(StepPoint p) {
    double e = p.get("eps");
    boolean ok = p.get("gs") > 0 && p.get("g0") > 0 && p.get("g0") < p.get("gs") && e > 0 && e < 0.5 && p.get("gamma") > 0
        && p.get("gamma") < bound33(p) && bound33(p) < 1 && p.get("par") >= Math.sqrt(1 - e * e) && p.get("par") <= 1
        && p.get("g") >= p.get("g0") && p.get("g") <= p.get("gs") && p.get("at") >= 0 && p.get("at") < 1;
    return ok ? Optional.empty() : Optional.of("0 < g_0 <= g_t <= g*, 0 < eps < 0.5, 0 < gamma < (33) < 1, "
        + "1 - eps^2 <= ||w_t^par||^2 <= 1");
  }

  /** g_{t+1} of (43): g_t - gamma g_t ||w_t^par||^2 + gamma g* ||w_t^par||. */
  static double g43(StepPoint p) {
    double par = p.get("par");
    return p.get("g") - p.get("gamma") * p.get("g") * par * par + p.get("gamma") * p.get("gs") * par;
  }

  private static StepPoint corner7() {
    return StepPoint.builder().put("gs", 1).put("g0", 0.5).put("eps", 0.25).put("gamma", 0.5).put("par", Math.sqrt(1 - 0.0625))
        .put("g", 0.5).put("at", 0.5).build();
  }

  private static List<SampledStep> theoremE7() {
    List<SampledStep> out = new ArrayList<>();
    String at = "Appendix E.2, Theorem E.7";
    // the first equality of (37), wu/theorem-e.7#eq-37, is symbolic (WuAppendixEScalarSteps)
    out.add(SampledStep.inequality("wu/theorem-e.7#step-1", loc(at + ", step (c) of the simplification", "843-845"),
            "(g^* - g_0)/(g^* eps^2) = (g^* - g_0)(g^* + g_0)/(g^*(g^* + g_0) eps^2) <= (g^{*2} - g_0^2)/(g^{*2} eps^2)")
        .printed(p -> (p.get("gs") - p.get("g0")) * (p.get("gs") + p.get("g0")) / (p.get("gs") * (p.get("gs") + p.get("g0"))
            * sq(p.get("eps"))), LE, p -> (sq(p.get("gs")) - sq(p.get("g0"))) / (sq(p.get("gs") * p.get("eps"))))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .note("g^*(g^* + g_0) >= g^{*2} for g_0 >= 0")
        .build());
    String pr = "Appendix E.2, proof of Theorem E.7";
    out.add(SampledStep.hence("wu/theorem-e.7#eq-39", loc(pr + ", Phase I, (39)", "855-857"),
            "v_t = w_t - eta_t g_t^2 A^T A w_t + eta_t g_t g^* A^T A w^* = (I - A^T A) w_t + (g^*/g_0) A^T A w^* = w_t^perp + "
                + "(g^*/g_0) w^*   (39)")
        .printed(p -> Vectors.distance(v(p, p.vec("w"), p.get("g")), add(perpOrtho(p, p.vec("w")),
            Vectors.scale(gs(p) / p.get("g"), p.vec("ws")))), EQ, p -> 0)
        .control("(g_0/g^*) w^*", p -> Vectors.distance(v(p, p.vec("w"), p.get("g")), add(perpOrtho(p, p.vec("w")),
            Vectors.scale(p.get("g") / gs(p), p.vec("ws")))), EQ, p -> 0)
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standing).fixed("m", "d")
        .note("g_t = g_0 in Phase I (gamma_t = 0), eta_t = 1/g_0^2; checked as the distance of the rPGD v_t to the last side")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.7#eq-40", loc(pr + ", (40)", "859-861"),
            "||v_t||^2 = ||w_t^perp||^2 + g^{*2}/g_0^2 >= g^{*2}/g_0^2 > 1   (40)")
        .printed(p -> normSq(v(p, p.vec("w"), p.get("g"))), GE, p -> sq(gs(p) / p.get("g")))
        .flippedControl()
        .control(">= g^{*2}/g_0^2 + 1", p -> normSq(v(p, p.vec("w"), p.get("g"))), GE, p -> sq(gs(p) / p.get("g")) + 1)
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("the rPGD v_t of Phase I; g^{*2}/g_0^2 > 1 is g_0 < g*")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.7#eq-41", loc(pr + ", (41)", "863-865"),
            "||w_{t+1}^perp||^2 = ||v_t^perp||^2/||v_t||^2 = ||w_t^perp||^2/(||w_t^perp||^2 + g^{*2}/g_0^2) <= (g_0^2/g^{*2}) "
                + "||w_t^perp||^2   (41)")
        .printed(p -> normSq(perpOrtho(p, unit(v(p, p.vec("w"), p.get("g"))))), LE,
            p -> sq(p.get("g") / gs(p)) * normSq(perpOrtho(p, p.vec("w"))))
        .flippedControl()
        .sampler(rnd -> draw(rnd).build()).assumptions(WuAppendixESteps::standingOff).fixed("m", "d")
        .note("w_{t+1} = v_t/||v_t|| from the rPGD step of Phase I (g_t = g_0)")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.7#eq-42", loc(pr + ", (42)", "867-869"),
            "after T1 = log(1/eps^2)/log(g^{*2}/g_0^2) iterations, ||w_T1^perp||^2 <= (g_0^2/g^{*2})^T1 <= eps^2   (42)")
        .printed(p -> Math.pow(sq(p.get("g0") / p.get("gs")), t1E7(p)), LE, p -> sq(p.get("eps")))
        .control("T1/2 iterations", p -> Math.pow(sq(p.get("g0") / p.get("gs")), t1E7(p) / 2), LE, p -> sq(p.get("eps")))
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .note("checked: the second inequality at the printed (real) T1, where it is an equality; the first is (41) iterated "
            + "from ||w_0^perp|| <= 1")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.7#eq-43", loc(pr + ", Phase II, (43)", "873-877"),
            "g_{t+1} = g_t - gamma g_t w_t^T A^T A w_t + gamma g^* w_t^T A^T A w^* = g_t - gamma g_t ||w_t^par||^2 + gamma g^* "
                + "<w_t^par, w^*> = g_t - gamma g_t ||w_t^par||^2 + gamma g^* ||w_t^par||   (43)")
        .printed(p -> gNext(p, phaseOne(p), p.get("g"), p.get("gamma")), EQ, p -> {
          double par = Math.sqrt(aw2(p, phaseOne(p)));
          return p.get("g") - p.get("gamma") * p.get("g") * par * par + p.get("gamma") * gs(p) * par;
        })
        .control("||w_t^par||^2 in the last term", p -> gNext(p, phaseOne(p), p.get("g"), p.get("gamma")), EQ, p -> {
          double par2 = aw2(p, phaseOne(p));
          return p.get("g") - p.get("gamma") * p.get("g") * par2 + p.get("gamma") * gs(p) * par2;
        })
        .sampler(rnd -> draw(rnd).build())
        .assumptions(p -> standing(p).or(() -> p.get("gamma") > 0 ? Optional.empty() : Optional.of("gamma > 0")))
        .fixed("m", "d")
        .note("w_t is the iterate after one Phase I step from the sampled w (so t >= 1 and w_t^par is along w*, as (b) needs); "
            + "||w_t^par|| = ||A w_t|| for A A^T = I")
        .build());
    out.add(SampledStep.hence("wu/theorem-e.7#eq-44", loc(pr + ", (44), step (b)", "885-891"),
            "(1 - gamma')^T2 (g^* - g_0) <= 2 eps^2 g^*   (44)")
        .printed(p -> Math.pow(1 - gammaPrime(p), t2(p)) * (p.get("gs") - p.get("g0")), LE, p -> 2 * sq(p.get("eps")) * p.get("gs"))
        .control("eps^2 g^*/2", p -> Math.pow(1 - gammaPrime(p), t2(p)) * (p.get("gs") - p.get("g0")), LE,
            p -> sq(p.get("eps")) * p.get("gs") / 2)
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .note("at the real T2 of (34): (1 - gamma')^T2 (g* - g_0 + delta) = delta, delta = eps^2 g*/(1 - eps^2) < 2 eps^2 g*; "
            + "the first two lines of (44) are Property (ii) iterated (wu/lemma-e.8)")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.7#step-2", loc(pr + ", the loss, first inequality", "893-895"),
            "f(w_T, g_T) = g_T^2 ||A w_T||^2/2 - g_T g^* <A w_T, A w^*> + g^{*2}/2 <= g^{*2}/2 - (1 - 2eps^2) g^{*2}(1 - eps) + g^{*2}/2")
        .printed(p -> {
          double[] w = p.vec("w");
          double g = p.get("g");
          return sq(g) * aw2(p, w) / 2 - g * gs(p) * Vectors.dot(Vectors.multiply(am(p), w), Vectors.multiply(am(p), p.vec("ws")))
              + sq(gs(p)) / 2;
        }, LE, p -> sq(gs(p)) - (1 - 2 * sq(p.get("eps"))) * sq(gs(p)) * (1 - p.get("eps")))
        .flippedControl()
        .sampler(rnd -> {
          StepPoint q = draw(rnd).build();
          double eps = rnd.nextDouble(0.01, 0.5);
          double[] w = unit(add(q.vec("ws"), Vectors.scale(rnd.nextDouble(0, eps), gaussian(rnd, q.integer("d")))));
          double g = gs(q) * rnd.nextDouble(1 - 2 * eps * eps, 1);
          return q.toBuilder().put("eps", eps).put("w", w).put("g", g).build();
        })
        .assumptions(p -> {
          Optional<String> s = standingClosed(p);
          if (s.isPresent()) {
            return s;
          }
          double e = p.get("eps");
          return e > 0 && e < 0.5 && Vectors.dot(p.vec("w"), p.vec("ws")) >= 1 - e && p.get("g") >= (1 - 2 * e * e) * gs(p)
              ? Optional.empty() : Optional.of("0 < eps < 0.5, <w_T, w*> >= 1 - eps, (1 - 2 eps^2) g* <= g_T <= g*");
        })
        .fixed("m", "d")
        .note("the left side evaluated as printed (its first line); it equals ||A g_T w_T - A g* w*||^2/2 for ||A w*|| = 1")
        .build());
    out.add(SampledStep.inequality("wu/theorem-e.7#step-3", loc(pr + ", the loss, second inequality", "895"),
            "g^{*2}/2 - (1 - 2eps^2) g^{*2}(1 - eps) + g^{*2}/2 <= 3 eps g^{*2}")
        .printed(p -> sq(p.get("gs")) - (1 - 2 * sq(p.get("eps"))) * sq(p.get("gs")) * (1 - p.get("eps")), LE,
            p -> 3 * p.get("eps") * sq(p.get("gs")))
        .control("eps g^{*2}", p -> sq(p.get("gs")) - (1 - 2 * sq(p.get("eps"))) * sq(p.get("gs")) * (1 - p.get("eps")), LE,
            p -> p.get("eps") * sq(p.get("gs")))
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .build());
    return out;
  }

  /** ||w||-free standing assumptions with g_t = g* allowed (the loss display has g_T <= g*). */
  private static Optional<String> standingClosed(StepPoint p) {
    StepPoint q = p.toBuilder().put("g", Math.min(p.get("g"), gs(p) * (1 - 1e-9))).build();
    return p.get("g") <= gs(p) ? standing(q) : Optional.of("g_T <= g*");
  }

  /** T1 of Theorem E.7, real. */
  private static double t1E7(StepPoint p) {
    return Math.log(1 / sq(p.get("eps"))) / Math.log(sq(p.get("gs") / p.get("g0")));
  }

  /** w^perp = (I - A^T A) w for A A^T = I. */
  static double[] perpOrtho(StepPoint p, double[] w) {
    return Vectors.subtract(w, at(am(p), Vectors.multiply(am(p), w)));
  }

  /** The iterate after one Phase I step (g fixed) from the point's w. */
  private static double[] phaseOne(StepPoint p) {
    return unit(v(p, p.vec("w"), p.get("g")));
  }

  // --- Lemma E.8 ------------------------------------------------------------------------------

  private static List<SampledStep> lemmaE8() {
    List<SampledStep> out = new ArrayList<>();
    String at = "Appendix E.2.1, proof of Lemma E.8";
    out.add(SampledStep.inequality("wu/lemma-e.8#eq-45", loc(at + ", (45), step (a)", "908-910"),
            "g_{T1+1} <=(a) g_T1 - gamma g_T1 (1 - eps^2) + gamma g^*   (45)")
        .printed(WuAppendixE23Steps::g43, LE, p -> p.get("g") - p.get("gamma") * p.get("g") * (1 - sq(p.get("eps")))
            + p.get("gamma") * p.get("gs"))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .note("g_{T1+1} by (43) at the sampled ||w_T1^par|| in [sqrt(1 - eps^2), 1] and g_T1 in [g_0, g*]")
        .build());
    // (45)'s equalities (wu/lemma-e.8#step-1), (46)'s last line (#step-2) and (48)'s step (b) (#eq-48) are symbolic
    out.add(SampledStep.inequality("wu/lemma-e.8#eq-46", loc(at + ", (46), steps (c), (d)", "912-914"),
            "g_{T1+1} >=(c) g_T1 - gamma g_T1 ||w_T1^par||^2 + gamma g^* ||w_T1^par||^2 = g_T1 + gamma(g^* - g_T1)||w_T1^par||^2 "
                + ">=(d) g_T1 + gamma(g^* - g_T1)(1 - eps^2)   (46)")
        .printed(WuAppendixE23Steps::g43, GE, p -> p.get("g") + p.get("gamma") * (p.get("gs") - p.get("g")) * (1 - sq(p.get("eps"))))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.8#eq-47", loc(at + ", (47)", "920-922"),
            "g_{k+1} <= g^* - (1 - gamma')(g^* - g_k) + gamma' delta   (47)")
        .printed(WuAppendixE23Steps::g43, LE, p -> p.get("gs") - (1 - gammaPrime(p)) * (p.get("gs") - p.get("g"))
            + gammaPrime(p) * deltaE7(p))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .note("g_{k+1} by (43) at the sampled g_k in [g_0, g*] and ||w_k^par|| in [sqrt(1 - eps^2), 1]")
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.8#step-3", loc(at + ", (48), first line", "924-927"),
            "g^* - g_{k+1} + delta >= (1 - gamma')(g^* - g_k + delta)   (48)")
        .printed(p -> p.get("gs") - g43(p) + deltaE7(p), GE, p -> (1 - gammaPrime(p)) * (p.get("gs") - p.get("g") + deltaE7(p)))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7()).assumptions(WuAppendixE23Steps::assumeE7)
        .note("(47) rewritten; g_{k+1} by (43)")
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.8#step-4", loc(at + ", (48), step (a)", "928-933"),
            "(1 - gamma')^(k+1-T1) (g^* - g_T1 + delta) >=(a) (1 - gamma')^T2 (g^* - g_0 + delta), k <= T1 + T2 - 1")
        .printed(p -> Math.pow(1 - gammaPrime(p), jOf(p)) * (p.get("gs") - p.get("g0") + deltaE7(p)), GE,
            p -> Math.pow(1 - gammaPrime(p), t2(p)) * (p.get("gs") - p.get("g0") + deltaE7(p)))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE7).corner(corner7())
        .assumptions(p -> assumeE7(p).or(() -> t2(p) >= 1 ? Optional.empty() : Optional.of("T2 >= 1")))
        .note("k + 1 - T1 = j, a whole number in 1..floor(T2) (the point's fraction 'at'), g_T1 = g_0, T2 of (34) real; with T2 "
            + "rounded up, j = ceil(T2) > T2 breaks (a) (wu/lemma-e.8#corrected)")
        .build());
    return out;
  }

  private static double jOf(StepPoint p) {
    int n = (int) Math.floor(t2(p));
    return 1 + Math.min(n - 1, (int) Math.floor(p.get("at") * n));
  }

  // --- Appendix E.3 ---------------------------------------------------------------------------

  /** A full-rank m x d matrix scaled to lambda_max(A A^T) = 1, w* a unit vector in its row space, g0 under E.10's bound. */
  static StepPoint drawE3(SplittableRandom rnd) {
    int m = 1 + rnd.nextInt(3);
    int d = m + 1 + rnd.nextInt(3);
    double[][] a = ChouSampledSteps.matrix(rnd, m, d);
    double[] e = eigen(gram(a));
    double s = 1 / Math.sqrt(e[e.length - 1]);
    for (double[] row : a) {
      for (int k = 0; k < d; k++) {
        row[k] *= s;
      }
    }
    double sm = e[0] / e[e.length - 1];
    double delta = rnd.nextDouble(0.01, 1);
    double gs = rnd.nextDouble(0.3, 3);
    double bound = gs * sm / (2 + delta - sm);
    return StepPoint.builder().put("m", m).put("d", d).put("A", a).put("ws", unit(at(a, gaussian(rnd, m)))).put("gs", gs)
        .put("w", unit(gaussian(rnd, d))).put("g", bound * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.01, 1))).put("delta", delta)
        .put("gamma", 0).build();
  }

  static double[][] gram(double[][] a) {
    double[][] o = new double[a.length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a.length; j++) {
        o[i][j] = Vectors.dot(a[i], a[j]);
      }
    }
    return o;
  }

  /** sigma_m = lambda_min(A A^T), the smallest nonzero diagonal entry of (51). */
  static double sigmaM(StepPoint p) {
    return eigen(gram(am(p)))[0];
  }

  static Optional<String> assumeE3(StepPoint p) {
    double[][] a = am(p);
    double[] e = eigen(gram(a));
    if (Math.abs(e[e.length - 1] - 1) > LAMBDA_TOL || e[0] < ChouSampledSteps.RANK_TOL) {
      return Optional.of("A of full row rank with lambda_max(A A^T) = 1");
    }
    double[] ws = p.vec("ws");
    if (Math.abs(Vectors.norm(ws) - 1) > WuAppendixESteps.ORTHO_TOL
        || Vectors.norm(KernelProjector.of(a).apply(ws)) > WuAppendixESteps.ORTHO_TOL) {
      return Optional.of("w* a unit vector in the row space of A");
    }
    if (Math.abs(Vectors.norm(p.vec("w")) - 1) > WuAppendixESteps.ORTHO_TOL) {
      return Optional.of("||w_t|| = 1");
    }
    double sm = e[0];
    return p.get("delta") > 0 && p.get("g") > 0 && p.get("g") <= gs(p) * sm / (2 + p.get("delta") - sm) * (1 + 1e-12)
        ? Optional.empty() : Optional.of("delta > 0, 0 < g_0 <= g* sigma_m/(2 + delta - sigma_m), sigma_m = lambda_min(A A^T)");
  }

  /** w^perp = (I - P_row(A)) w. */
  static double[] perpGeneral(StepPoint p, double[] w) {
    return KernelProjector.of(am(p)).apply(w);
  }

  private static List<SampledStep> appendixE3() {
    List<SampledStep> out = new ArrayList<>();
    String at = "Appendix E.3, proof of Lemma E.10";
    out.add(SampledStep.hence("wu/lemma-e.10#step-1", loc(at + ", the update of v_t", "961-963"),
            "v_t = w_t - eta g_0 A^T A (g_0 w_t - g^* w^*) = (I - A^T A) w_t + (g^*/g_0) A^T A w^*")
        .printed(p -> relativeDistance(v(p, p.vec("w"), p.get("g")), add(Vectors.subtract(p.vec("w"), at(am(p),
            Vectors.multiply(am(p), p.vec("w")))), Vectors.scale(gs(p) / p.get("g"), at(am(p), Vectors.multiply(am(p), p.vec("ws")))))),
            EQ, p -> 0)
        .control("(g_0/g^*) A^T A w^*", p -> relativeDistance(v(p, p.vec("w"), p.get("g")), add(Vectors.subtract(p.vec("w"),
            at(am(p), Vectors.multiply(am(p), p.vec("w")))), Vectors.scale(p.get("g") / gs(p), at(am(p),
            Vectors.multiply(am(p), p.vec("ws")))))), EQ, p -> 0)
        .sampler(WuAppendixE23Steps::drawE3).assumptions(WuAppendixE23Steps::assumeE3).fixed("m", "d")
        .note("eta = 1/(g_0^2 sigma_1) = 1/g_0^2; v_t the rPGD step with g fixed at g_0, general A (lambda_max(A A^T) = 1)")
        .build());
    out.add(SampledStep.inequality("wu/lemma-e.10#eq-52", loc(at + ", (52), up to its fourth line", "965-972"),
            "||v_t|| = ||(g^*/g_0) Sigma U^T w^* + (I - Sigma) U^T w_t|| >= ... >= (g^*/g_0) sigma_m - (1 - sigma_m)   (52)")
        .printed(p -> Vectors.norm(v(p, p.vec("w"), p.get("g"))), GE, p -> gs(p) / p.get("g") * sigmaM(p) - (1 - sigmaM(p)))
        .flippedControl()
        .sampler(WuAppendixE23Steps::drawE3).assumptions(WuAppendixE23Steps::assumeE3).fixed("m", "d")
        .note("sigma_i the diagonal of Sigma in A^T A = U Sigma U^T (51), i.e. the eigenvalues of A A^T, sigma_1 = 1; checked: "
            + "the rPGD ||v_t|| against the fourth line (the reverse triangle inequality, then sum sigma_i^2 [U^T w*]_i^2 >= sigma_m^2 "
            + "for w* in the row space and sum (1 - sigma_i)^2 [U^T w_t]_i^2 <= (1 - sigma_m)^2)")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.10#step-2", loc(at + ", (52), last two lines and 'since we have'", "969-976"),
            "(g^*/g_0) sigma_m - (1 - sigma_m) = ((g^*/g_0) + 1) sigma_m - 1 >= 1 + delta, since sigma_m >= (2 + delta)/((g^*/g_0) + 1) "
                + "<=> g_0 <= g^* sigma_m/(2 + delta - sigma_m)")
        .printed(p -> gs(p) / p.get("g") * sigmaM(p) - (1 - sigmaM(p)), GE, p -> 1 + p.get("delta"))
        .control(">= 1 + 2 delta", p -> gs(p) / p.get("g") * sigmaM(p) - (1 - sigmaM(p)), GE, p -> 1 + 2 * p.get("delta"))
        .sampler(WuAppendixE23Steps::drawE3).assumptions(WuAppendixE23Steps::assumeE3).fixed("m", "d")
        .note("at g_0 on and below the bound (half the points are on it, where the inequality is an equality)")
        .build());
    out.add(perpDecrease(false));
    out.add(perpDecrease(true));
    String e11 = "Appendix E.3, proof of Lemma E.11";
    // the sphere average of Lemma E.11's proof, wu/lemma-e.11#step-1, is symbolic (WuAppendixEScalarSteps)
    out.add(SampledStep.inequality("wu/lemma-e.11#step-2", loc(e11 + ", the middle inequality", "1028-1030"),
            "(sum_{i=1}^m sigma_i^2 - sqrt(m log(m)))/(m + sqrt(m log(m))) >= (1/m) sum_{i=1}^m sigma_i^2 - 2 sqrt(log(m)/m)")
        .printed(p -> (p.get("S") - Math.sqrt(p.get("m") * Math.log(p.get("m")))) / (p.get("m") + Math.sqrt(p.get("m")
            * Math.log(p.get("m")))), GE, p -> p.get("S") / p.get("m") - 2 * Math.sqrt(Math.log(p.get("m")) / p.get("m")))
        .control("- sqrt(log(m)/m) in place of - 2 sqrt(log(m)/m)", p -> (p.get("S") - Math.sqrt(p.get("m") * Math.log(p.get("m"))))
            / (p.get("m") + Math.sqrt(p.get("m") * Math.log(p.get("m")))), GE,
            p -> p.get("S") / p.get("m") - Math.sqrt(Math.log(p.get("m")) / p.get("m")))
        .sampler(rnd -> {
          int m = 2 + rnd.nextInt(200);
          return StepPoint.builder().put("m", m).put("S", rnd.nextBoolean() ? m : rnd.nextDouble(0, m)).build();
        })
        .corner(StepPoint.builder().put("m", 2).put("S", 2).build())
        .assumptions(p -> p.get("m") >= 2 && p.get("m") == Math.rint(p.get("m")) && p.get("S") >= 0 && p.get("S") <= p.get("m")
            ? Optional.empty() : Optional.of("m >= 2 a whole number, 0 <= sum sigma_i^2 <= m (sigma_i <= 1)"))
        .note("S = sum_{i=1}^m sigma_i^2 in [0, m]; the difference is s(m - S + 2s)/(m(m + s)) >= 0, s = sqrt(m log m)")
        .build());
    out.add(SampledStep.hence("wu/lemma-e.11#step-3", loc(e11 + ", 'To sum up'", "1032-1034"),
            "(1/m) sum_{i=1}^m sigma_i^2 - 2 sqrt(log(m)/m) = (1/m)(||AA^T||_F^2 - 2 sqrt(m log(m)))")
        .printed(p -> {
          int m = p.integer("m");
          return normSq(eigen(gram(am(p)))) / m - 2 * Math.sqrt(Math.log(m) / m);
        }, EQ, p -> {
          double[][] g = gram(am(p));
          double f = 0;
          for (double[] row : g) {
            f += normSq(row);
          }
          int m = p.integer("m");
          return (f - 2 * Math.sqrt(m * Math.log(m))) / m;
        })
        .control("||A||_F^2 in place of ||AA^T||_F^2", p -> {
          int m = p.integer("m");
          return normSq(eigen(gram(am(p)))) / m - 2 * Math.sqrt(Math.log(m) / m);
        }, EQ, p -> {
          double f = 0;
          for (double[] row : am(p)) {
            f += normSq(row);
          }
          int m = p.integer("m");
          return (f - 2 * Math.sqrt(m * Math.log(m))) / m;
        })
        .sampler(WuAppendixE23Steps::drawE3).assumptions(WuAppendixE23Steps::assumeE3).fixed("m", "d")
        .note("sigma_i the eigenvalues of A A^T (the diagonal of Sigma in (51)), so sum sigma_i^2 = ||A A^T||_F^2")
        .build());
    return out;
  }

  /** ||w_{t+1}^perp|| = ||w_t^perp||/||v_{t+1}||: printed (v_{t+1} built from w_{t+1}, as (52)'s v_t from w_t), or with v_t. */
  private static SampledStep perpDecrease(boolean corrected) {
    String id = corrected ? "wu/lemma-e.10#step-3-corrected" : "wu/lemma-e.10#step-3";
    ToDoubleFunction<StepPoint> next = p -> Vectors.norm(perpGeneral(p, unit(v(p, p.vec("w"), p.get("g")))));
    SampledStep.Builder b = SampledStep.hence(id, loc("Appendix E.3, proof of Lemma E.10, the last display"
            + (corrected ? " (with ||v_t||)" : ""), "978-980"),
            corrected ? "||w_{t+1}^perp|| = ||w_t^perp||/||v_t|| <= (1/(1 + delta)) ||w_t^perp||"
                : "Using the equality ||w_{t+1}^perp|| = ||w_t^perp||/||v_{t+1}|| <= (1/(1 + delta)) ||w_t^perp||")
        .sampler(WuAppendixE23Steps::drawE3).assumptions(p -> assumeE3(p).or(() -> Vectors.norm(perpGeneral(p, p.vec("w"))) > 1e-6
            ? Optional.empty() : Optional.of("w_t^perp != 0"))).fixed("m", "d");
    if (corrected) {
      return b.printed(next, LE, p -> Vectors.norm(perpGeneral(p, p.vec("w"))) / (1 + p.get("delta")))
          .flippedControl()
          .control("1/(1 + 2 delta)", next, LE, p -> Vectors.norm(perpGeneral(p, p.vec("w"))) / (1 + 2 * p.get("delta")))
          .note("w_{t+1} = v_t/||v_t||, and (I - P) v_t = (I - P) w_t since the update lies in the row space; ||v_t|| >= 1 + delta by (52)")
          .build();
    }
    return b.printed(next, EQ, p -> {
      double[] w1 = unit(v(p, p.vec("w"), p.get("g")));
      return Vectors.norm(perpGeneral(p, p.vec("w"))) / Vectors.norm(v(p, w1, p.get("g")));
    })
        .control("||w_t^perp||/||v_{t+1}||^2", next, EQ, p -> {
          double[] w1 = unit(v(p, p.vec("w"), p.get("g")));
          return Vectors.norm(perpGeneral(p, p.vec("w"))) / normSq(v(p, w1, p.get("g")));
        })
        .note("checked: the equality, with v_{t+1} = w_{t+1} - eta g_0 A^T A(g_0 w_{t+1} - g* w*) as the proof's v_t is built from w_t")
        .note("FINDING (proof step): ||w_{t+1}^perp|| = ||w_t^perp||/||v_t||, the norm of the vector w_{t+1} is normalised from; "
            + "||v_{t+1}|| is another number (an index slip, as in Lemma E.2's 'v_{t+1} = w_t - ..., w_{t+1} = v_t/||v_t||'; "
            + "wu/lemma-e.10#step-3-corrected)")
        .note("does not affect the statement: (52) bounds every ||v_t|| by 1 + delta, so the geometric decrease follows with v_t")
        .build();
  }

}
