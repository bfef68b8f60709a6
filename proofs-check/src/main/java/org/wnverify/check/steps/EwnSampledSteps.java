package org.wnverify.check.steps;

import static org.wnverify.check.steps.ChouSampledSteps.gaussian;
import static org.wnverify.check.steps.ChouSampledSteps.normSq;
import static org.wnverify.check.steps.ChouSampledSteps.unit;
import static org.wnverify.check.steps.SampledStep.Relation.EQ;
import static org.wnverify.check.steps.SampledStep.Relation.GE;
import static org.wnverify.check.steps.SampledStep.Relation.LE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The displayed inequalities and "hence" steps of the EWN paper's appendix proofs (Morwani and
 * Ramaswamy, 004_d2ed0280bb71d0bc.txt, an OCR: displays are quoted as ewn.md reconstructs them,
 * with the garbled places named), checked on sampled states by {@link SampledStep}. The states
 * are the proofs' own: one node's (alpha or gamma, v, G = grad_{w_u} L, eta) for the one-step and
 * derivative bounds; the unit vectors of Lemma 3 (w~_u, g~_u, v_u, -G/||G||) in their caps; the
 * norms, gradient norms and angle cosines of two nodes u, v for Proposition 3; the integrals
 * of the flow's norm ODE (30) for the Stolz-Cesaro bounds; short GD runs of the Simple-Traj net
 * for the telescoped sums of (11).
 */
final class EwnSampledSteps {
  private EwnSampledSteps() {}

  static final String SRC = "004_d2ed0280bb71d0bc.txt";

  static String loc(String where, String lines) {
    return "Morwani and Ramaswamy, " + where + " (" + SRC + ", lines " + lines + ")";
  }

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.addAll(integralBounds());
    s.addAll(lemma3Steps());
    s.addAll(dotGains());
    s.addAll(angleGains());
    s.addAll(ratioFlow());
    s.addAll(ratioDescent());
    s.addAll(telescoped());
    s.addAll(lemmaSteps());
    return s;
  }

  private static Optional<String> need(boolean ok, String what) {
    return ok ? Optional.empty() : Optional.of(what);
  }

  // --- the integral bounds of the Stolz-Cesaro arguments (C.1.1, C.2.1 Case 2; D.1.1, D.2.1) -----

  /*
   * Point: n0 = ||w_u|| at the lower limit (0, t1 or t2), F = the integral of f (f = eta ||w_u||^2
   * ||grad_u L|| for EWN, eta ||grad_u L|| for SWN, f >= 0), C = the integral of f cos(theta_u),
   * theta_u the angle between w_u and -grad_u L, and ce = cos(eps). By (30) (EWN) or (16) (SWN,
   * gamma > 0), ||w_u(t)|| = n0 + C exactly; any C in [-F, F] is reached by some direction history,
   * and after t1 (angle at most eps) C lies in [ce F, F].
   */

  private static double norm(StepPoint p) {
    return p.get("n0") + p.get("C");
  }

  private static Optional<String> anyHistory(StepPoint p) {
    double f = p.get("F");
    double c = p.get("C");
    return need(p.get("n0") > 0 && f >= 0 && Math.abs(c) <= f && norm(p) > 0, "n0 > 0, F >= 0, |C| <= F, ||w(t)|| > 0");
  }

  private static Optional<String> aligned(StepPoint p) {
    double ce = p.get("ce");
    return need(ce > 0 && ce <= 1 && p.get("C") >= ce * p.get("F") - 1e-15 && p.get("C") <= p.get("F") && p.get("n0") > 0,
        "0 < cos(eps) <= 1, n0 > 0, cos(eps) F <= C <= F (angle at most eps after t1)");
  }

  private static StepPoint history(double n0, double f, double c, double ce) {
    return StepPoint.builder().put("n0", n0).put("F", f).put("C", c).put("ce", ce).build();
  }

  private static StepPoint drawAny(SplittableRandom rnd) {
    double f = rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble(0, 5);
    double n0 = rnd.nextBoolean() ? rnd.nextDouble(0.01, 0.5) : rnd.nextDouble(0.5, 5);
    double c = f * rnd.nextDouble(-1, 1);
    return history(n0, f, c, Math.cos(rnd.nextDouble(0, 1.2)));
  }

  private static StepPoint drawAligned(SplittableRandom rnd) {
    return drawAligned(rnd, rnd.nextInt(8) == 0 ? 1 : Math.cos(rnd.nextDouble(0, 1.4)));
  }

  private static StepPoint drawAligned(SplittableRandom rnd, double ce) {
    double f = rnd.nextInt(8) == 0 ? 0 : rnd.nextDouble(0, 5);
    double c = f * (rnd.nextInt(6) == 0 || ce >= 1 ? ce : rnd.nextInt(6) == 0 ? 1 : rnd.nextDouble(ce, 1));
    return history(rnd.nextDouble(0.01, 5), f, c, ce);
  }

  private static final List<StepPoint> ANY_CORNERS = List.of(history(1, 0, 0, 1), history(0.5, 2, -0.4, 0.8),
      history(1, 2, 2, 0.5), history(2, 1, -1, 0.9));
  private static final List<StepPoint> ALIGNED_CORNERS = List.of(history(1, 0, 0, 1), history(1, 2, 1, 0.5),
      history(1, 2, 2, 0.5), history(0.5, 3, 3, 1));

  private static List<SampledStep> integralBounds() {
    List<SampledStep> out = new ArrayList<>();
    String[] fix = {"ce"};
    String noteState = "the state is the proof's: ||w_u(t)|| = n0 + C by (30) (EWN) or (16) (SWN, gamma_u > 0), with "
        + "F = int f, C = int f cos(theta_u), f = eta ||w_u||^2 ||grad_u L|| (EWN) or eta ||grad_u L|| (SWN), n0 = ||w_u|| at "
        + "the lower limit";
    for (boolean swn : new boolean[] {false, true}) {
      String f = swn ? "eta(k) ||grad_{w_u} L(w(k))||" : "eta(k) ||w_u(k)||^2 ||grad_{w_u} L(w(k))||";
      String id = swn ? "ewn/proposition-2#step-6" : "ewn/proposition-2#step-1";
      String where = swn ? "App. C.2.1 (SWN flow), proof of (ii), Case 2, from (16)" : "App. C.1.1 (EWN flow), proof of (ii), Case 2, from (7)";
      String lines = swn ? "876-879" : "704-710";
      out.add(SampledStep.inequality(id, loc(where, lines), "||w_u(t)|| <= int_{k=0}^t " + f + " dk")
          .printed(EwnSampledSteps::norm, LE, p -> p.get("F"))
          .flippedControl()
          .control("2 int in place of int", EwnSampledSteps::norm, LE, p -> 2 * p.get("F"))
          .sampler(EwnSampledSteps::drawAny).corners(ANY_CORNERS).assumptions(EwnSampledSteps::anyHistory).fixed(fix)
          .note(noteState)
          .note("FINDING (proof step only): the integral of the norm ODE from 0 leaves the initial norm out: at t = 0 the "
              + "display reads ||w_u(0)|| <= 0; the bound the proof can use is ||w_u(t)|| <= ||w_u(0)|| + int_0^t ..., checked as "
              + id + "-corrected")
          .note("does not affect the statement: the constant ||w_u(0)|| drops out of the Stolz-Cesaro limit of the ratio "
              + "(both integrals diverge), so lim ||w_u||/||w_v|| <= 0 follows as printed")
          .build());
      out.add(SampledStep.inequality(id + "-corrected", loc(where + ", with the initial norm", lines),
              "||w_u(t)|| <= ||w_u(0)|| + int_{k=0}^t " + f + " dk")
          .printed(EwnSampledSteps::norm, LE, p -> p.get("n0") + p.get("F"))
          .flippedControl()
          .control("int/2 in place of int", EwnSampledSteps::norm, LE, p -> p.get("n0") + p.get("F") / 2)
          .sampler(EwnSampledSteps::drawAny).corners(ANY_CORNERS).assumptions(EwnSampledSteps::anyHistory).fixed(fix)
          .note(noteState).build());
      String idv = swn ? "ewn/proposition-2#step-7" : "ewn/proposition-2#step-2";
      String wherev = swn ? "App. C.2.1, Case 2, for the node s with ||w~_s|| > 0, ||g~_s|| > 0, t > t1"
          : "App. C.1.1, Case 2, for the node v with ||w~_v|| > 0, ||g~_v|| > 0, t > t1";
      out.add(SampledStep.inequality(idv, loc(wherev, swn ? "880-883" : "711-718"),
              "||w_v(t)|| >= ||w_v(t1)|| + cos(eps) int_{k=t1}^t " + f.replace("w_u", "w_v") + " dk")
          .printed(EwnSampledSteps::norm, GE, p -> p.get("n0") + p.get("ce") * p.get("F"))
          .flippedControl()
          .control("cos(eps) dropped", EwnSampledSteps::norm, GE, p -> p.get("n0") + p.get("F"))
          .sampler(EwnSampledSteps::drawAligned).corners(ALIGNED_CORNERS).assumptions(EwnSampledSteps::aligned).fixed(fix)
          .note(noteState).build());
      String idr = swn ? "ewn/proposition-2#step-8" : "ewn/proposition-2#step-3";
      out.add(SampledStep.hence(idr, loc((swn ? "App. C.2.1" : "App. C.1.1") + ", Case 2, the ratio of the two bounds",
              swn ? "885-887" : "719-721"),
              "Thus, for t > t1, ||w_u(t)||/||w_v(t)|| <= int_{k=0}^t f_u dk / (||w_v(t1)|| + cos(eps) int_{k=t1}^t f_v dk)")
          .printed(p -> (p.get("n0") + p.get("C")) / (p.get("m0") + p.get("D")), LE,
              p -> p.get("F") / (p.get("m0") + p.get("ce") * p.get("G")))
          .flippedControl()
          .control("cos(eps) dropped", p -> (p.get("n0") + p.get("C")) / (p.get("m0") + p.get("D")), LE,
              p -> p.get("F") / (p.get("m0") + p.get("G")))
          .sampler(rnd -> pair(drawAny(rnd), drawAligned(rnd)))
          .corners(List.of(pair(history(1, 0, 0, 1), history(1, 0, 0, 1)), pair(history(1, 2, 2, 0.5), history(1, 2, 1, 0.5)),
              pair(history(0.5, 3, -0.4, 0.5), history(2, 1, 1, 0.5))))
          .assumptions(p -> anyHistory(p).or(() -> aligned(other(p))))
          .fixed(fix)
          .note(noteState + "; node u: (n0, F, C), node v: (m0, G, D) after t1")
          .note("FINDING (proof step only): inherits the missing ||w_u(0)|| of " + id + " (at t = t1 = 0 it reads "
              + "||w_u(0)||/||w_v(0)|| <= 0); with ||w_u(0)|| + int in the numerator it holds (" + idr + "-corrected)")
          .note("does not affect the statement: the constant drops out of the Stolz-Cesaro limit")
          .build());
      out.add(SampledStep.hence(idr + "-corrected", loc((swn ? "App. C.2.1" : "App. C.1.1") + ", Case 2, the ratio with the "
              + "initial norm", swn ? "885-887" : "719-721"),
              "||w_u(t)||/||w_v(t)|| <= (||w_u(0)|| + int_{k=0}^t f_u dk) / (||w_v(t1)|| + cos(eps) int_{k=t1}^t f_v dk)")
          .printed(p -> (p.get("n0") + p.get("C")) / (p.get("m0") + p.get("D")), LE,
              p -> (p.get("n0") + p.get("F")) / (p.get("m0") + p.get("ce") * p.get("G")))
          .flippedControl()
          .control("cos(eps) dropped", p -> (p.get("n0") + p.get("C")) / (p.get("m0") + p.get("D")), LE,
              p -> (p.get("n0") + p.get("F")) / (p.get("m0") + p.get("G")))
          .sampler(rnd -> pair(drawAny(rnd), drawAligned(rnd)))
          .corners(List.of(pair(history(1, 0, 0, 1), history(1, 0, 0, 1)), pair(history(1, 2, 2, 0.5), history(1, 2, 1, 0.5)),
              pair(history(0.5, 3, -0.4, 0.5), history(2, 1, 1, 0.5))))
          .assumptions(p -> anyHistory(p).or(() -> aligned(other(p))))
          .fixed(fix)
          .note(noteState + "; node u: (n0, F, C), node v: (m0, G, D) after t1").build());
    }
    // Theorem 2, D.1.1 (EWN) and D.2.1 (SWN): the four bounds after t2 and their ratio
    for (boolean swn : new boolean[] {false, true}) {
      String f = swn ? "eta(k) ||grad_{w_u} L(w(k))||" : "eta(k) ||w_u(k)||^2 ||grad_{w_u} L(w(k))||";
      String sec = swn ? "App. D.2.1 (SWN flow), from (16)" : "App. D.1.1 (EWN flow), from (7)";
      String base = swn ? "ewn/theorem-2#step-4" : "ewn/theorem-2#step-1";
      out.add(SampledStep.inequality(base, loc(sec + ", for t > t2, nodes u and v alike", swn ? "1088-1101" : "999-1013"),
              "||w_u(t)|| >= ||w_u(t2)|| + cos(eps) int_{k=t2}^t " + f + " dk (and the same for v)")
          .printed(EwnSampledSteps::norm, GE, p -> p.get("n0") + p.get("ce") * p.get("F"))
          .flippedControl()
          .control("cos(eps) dropped", EwnSampledSteps::norm, GE, p -> p.get("n0") + p.get("F"))
          .sampler(EwnSampledSteps::drawAligned).corners(ALIGNED_CORNERS).assumptions(EwnSampledSteps::aligned).fixed(fix)
          .note(noteState).build());
      String up = swn ? "ewn/theorem-2#step-5" : "ewn/theorem-2#step-2";
      out.add(SampledStep.inequality(up, loc(sec + ", for t > t2, nodes u and v alike", swn ? "1093-1101" : "1005-1013"),
              "||w_u(t)|| <= ||w_u(t2)|| + int_{k=t2}^t " + f + " dk (and the same for v)")
          .printed(EwnSampledSteps::norm, LE, p -> p.get("n0") + p.get("F"))
          .flippedControl()
          .control("cos(eps) int in place of int", EwnSampledSteps::norm, LE, p -> p.get("n0") + p.get("ce") * p.get("F"))
          .sampler(EwnSampledSteps::drawAligned).corners(ALIGNED_CORNERS).assumptions(EwnSampledSteps::aligned).fixed(fix)
          .note(noteState).build());
      String ratio = swn ? "ewn/theorem-2#step-6" : "ewn/theorem-2#step-3";
      out.add(SampledStep.hence(ratio, loc(sec + ", 'Using the above equations', t > t2", swn ? "1105-1109" : "1019-1024"),
              "(||w_u(t2)|| + cos(eps) int f_u)/(||w_v(t2)|| + int f_v) <= ||w_u(t)||/||w_v(t)|| <= (||w_u(t2)|| + int f_u)/"
                  + "(||w_v(t2)|| + cos(eps) int f_v)")
          .printed(p -> ratioSlackLow(p, 1) , GE, p -> 0)
          .control("cos(eps) on the wrong sides (lower bound (||w_u|| + int f_u)/(||w_v|| + cos(eps) int f_v))",
              p -> ratioSlackLow(p, 2), GE, p -> 0)
          .control("upper bound with cos(eps) in the numerator", p -> ratioSlackLow(p, 3), GE, p -> 0)
          .sampler(rnd -> {
            StepPoint v = drawAligned(rnd);
            return pair(drawAligned(rnd, v.get("ce")), v);
          })
          .corners(List.of(pair(history(1, 0, 0, 1), history(1, 0, 0, 1)), pair(history(1, 2, 2, 0.5), history(1, 2, 1, 0.5)),
              pair(history(1, 2, 1, 0.5), history(1, 2, 2, 0.5))))
          .assumptions(p -> aligned(p).or(() -> aligned(other(p))))
          .fixed(fix)
          .note(noteState + "; node u: (n0, F, C), node v: (m0, G, D); both bounds checked as min(ratio - lower, upper - ratio) >= 0")
          .build());
    }
    return out;
  }

  /** Two histories in one point: u's (n0, F, C) and v's as (m0, G, D); one cos(eps). */
  private static StepPoint pair(StepPoint u, StepPoint v) {
    return u.toBuilder().put("m0", v.get("n0")).put("G", v.get("F")).put("D", v.get("C"))
        .put("ce", v.get("ce")).build();
  }

  private static StepPoint other(StepPoint p) {
    return history(p.get("m0"), p.get("G"), p.get("D"), p.get("ce"));
  }

  /** min(ratio - lower, upper - ratio) of D.1.1's two ratio bounds (mode 1); modes 2, 3 mutate one bound. */
  private static double ratioSlackLow(StepPoint p, int mode) {
    double ce = p.get("ce");
    double nu = p.get("n0");
    double nv = p.get("m0");
    double fu = p.get("F");
    double fv = p.get("G");
    double r = (nu + p.get("C")) / (nv + p.get("D"));
    double lower = mode == 2 ? (nu + fu) / (nv + ce * fv) : (nu + ce * fu) / (nv + fv);
    double upper = mode == 3 ? (nu + ce * fu) / (nv + ce * fv) : (nu + fu) / (nv + ce * fv);
    return Math.min(r - lower, upper - r) / Math.max(1, Math.abs(r));
  }

  // --- Lemma 3's geometry (App. I) -----------------------------------------------------------

  /** A unit vector at angle exactly theta from the unit vector a, in a random direction. */
  static double[] rotate(double[] a, double theta, SplittableRandom rnd) {
    double[] z = gaussian(rnd, a.length);
    double[] perp = Vectors.subtract(z, Vectors.scale(Vectors.dot(z, a), a));
    double[] e = unit(perp);
    return Vectors.subtract(Vectors.scale(Math.cos(theta), a), Vectors.scale(-Math.sin(theta), e));
  }

  /** s = sqrt(2 - 2 cos(eps)). */
  private static double s(StepPoint p) {
    return Math.sqrt(2 - 2 * p.get("ce"));
  }

  private static double dot(StepPoint p, String x, String y) {
    return Vectors.dot(p.vec(x), p.vec(y));
  }

  /** The right side of the last bound of Lemma 3's proof, cos(eps) - (a^T b + s)(a^T b + 2 s + s^2). */
  static double lemma3Bound(double ab, double ce) {
    double s = Math.sqrt(2 - 2 * ce);
    return ce - (ab + s) * (ab + 2 * s + s * s);
  }

  /** The largest eps in (0, pi/2) with lemma3Bound(ab, cos eps) >= eps (bisection; the bound falls with eps). */
  static double epsStar(double ab) {
    double lo = 0;
    double hi = Math.PI / 2;
    for (int i = 0; i < 80; i++) {
      double mid = (lo + hi) / 2;
      if (lemma3Bound(ab, Math.cos(mid)) >= mid) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static Optional<String> lemma3Hyp(StepPoint p) {
    double ce = p.get("ce");
    double ab = dot(p, "a", "b");
    for (String n : new String[] {"a", "b", "c", "d"}) {
      if (Math.abs(normSq(p.vec(n)) - 1) > 1e-12) {
        return Optional.of(n + " a unit vector");
      }
    }
    return need(ab >= 0 && ab < 1 && ce > 0 && ce < 1 && dot(p, "c", "a") >= ce - 1e-15 && dot(p, "d", "b") >= ce - 1e-15,
        "a^T b in [0, 1), 0 < cos(eps) < 1, c^T a >= cos(eps), d^T b >= cos(eps)");
  }

  /** a, b unit with a^T b = ab; c, d in the eps-caps around a, b (at the rim with probability 1/2). */
  private static StepPoint drawLemma3(SplittableRandom rnd, double maxEps) {
    double[] a = unit(gaussian(rnd, 3));
    double ab = rnd.nextInt(5) == 0 ? 0 : rnd.nextDouble(0, 0.98);
    double[] b = rotate(a, Math.acos(ab), rnd);
    double eps = rnd.nextDouble(1e-3, maxEps);
    double[] c = rotate(a, rnd.nextBoolean() ? eps : rnd.nextDouble(0, eps), rnd);
    double[] d = rotate(b, rnd.nextBoolean() ? eps : rnd.nextDouble(0, eps), rnd);
    return StepPoint.builder().put("a", a).put("b", b).put("c", c).put("d", d).put("ce", Math.cos(eps)).build();
  }

  /** The worst corners: a perpendicular to b, c turned towards b and d towards a by eps (and away). */
  private static List<StepPoint> lemma3Corners(double eps) {
    List<StepPoint> out = new ArrayList<>();
    for (double ab : new double[] {0, 0.5}) {
      double tb = Math.acos(ab);
      double[] a = {1, 0, 0};
      double[] b = {Math.cos(tb), Math.sin(tb), 0};
      for (int sign : new int[] {1, -1}) {
        double[] c = {Math.cos(sign * eps), Math.sin(sign * eps), 0};
        double[] d = {Math.cos(tb - sign * eps), Math.sin(tb - sign * eps), 0};
        out.add(StepPoint.builder().put("a", a).put("b", b).put("c", c).put("d", d).put("ce", Math.cos(eps)).build());
      }
    }
    return out;
  }

  private static List<SampledStep> lemma3Steps() {
    List<SampledStep> out = new ArrayList<>();
    String at = "App. I, proof of Lemma 3";
    SampledStep.Sampler draw = rnd -> drawLemma3(rnd, 1.0);
    List<StepPoint> corners = lemma3Corners(0.3);
    String[] fix = {"a", "b"};
    out.add(SampledStep.inequality("ewn/lemma-3#step-1", loc(at, "2061-2063"),
            "c^T a >= cos(eps) and d^T b >= cos(eps) give ||c - a|| <= sqrt(2 - 2 cos(eps)) and ||d - b|| <= sqrt(2 - 2 cos(eps))")
        .printed(p -> Math.max(Vectors.norm(Vectors.subtract(p.vec("c"), p.vec("a"))),
            Vectors.norm(Vectors.subtract(p.vec("d"), p.vec("b")))), LE, EwnSampledSteps::s)
        .flippedControl()
        .control("sqrt(1 - cos(eps)) in place of sqrt(2 - 2 cos(eps))", p -> Vectors.norm(Vectors.subtract(p.vec("c"), p.vec("a"))),
            LE, p -> Math.sqrt(1 - p.get("ce")))
        .sampler(draw).corners(corners).assumptions(EwnSampledSteps::lemma3Hyp).fixed(fix).build());
    out.add(SampledStep.inequality("ewn/lemma-3#step-2", loc(at, "2064-2065"), "b^T c <= a^T b + sqrt(2 - 2 cos(eps))")
        .printed(p -> dot(p, "b", "c"), LE, p -> dot(p, "a", "b") + s(p))
        .flippedControl()
        .control("s/2 in place of s = sqrt(2 - 2 cos(eps))", p -> dot(p, "b", "c"), LE, p -> dot(p, "a", "b") + s(p) / 2)
        .sampler(draw).corners(corners).assumptions(EwnSampledSteps::lemma3Hyp).fixed(fix).build());
    out.add(SampledStep.inequality("ewn/lemma-3#step-3", loc(at, "2065-2066"),
            "c^T d <= a^T b + 2 sqrt(2 - 2 cos(eps)) + (2 - 2 cos(eps))")
        .printed(p -> dot(p, "c", "d"), LE, p -> dot(p, "a", "b") + 2 * s(p) + s(p) * s(p))
        .flippedControl()
        .control("a^T b + s (one s only, no s^2)", p -> dot(p, "c", "d"), LE, p -> dot(p, "a", "b") + s(p))
        .sampler(draw).corners(corners).assumptions(EwnSampledSteps::lemma3Hyp).fixed(fix).build());
    out.add(SampledStep.inequality("ewn/lemma-3#step-4", loc(at, "2067-2068"),
            "b^T (I - c c^T) d >= cos(eps) - (a^T b + sqrt(2 - 2 cos(eps)))(a^T b + 2 sqrt(2 - 2 cos(eps)) + (2 - 2 cos(eps)))")
        .printed(EwnSampledSteps::bPd, GE, p -> lemma3Bound(dot(p, "a", "b"), p.get("ce")))
        .flippedControl()
        .control("s dropped: cos(eps) - (a^T b)^2", EwnSampledSteps::bPd, GE, p -> p.get("ce") - Math.pow(dot(p, "a", "b"), 2))
        .sampler(draw).corners(corners).assumptions(EwnSampledSteps::lemma3Hyp).fixed(fix)
        .note("needs |b^T c| <= a^T b + s and |c^T d| <= a^T b + 2 s + s^2, which hold since a^T b >= 0; b^T d >= cos(eps)")
        .build());
    return out;
  }

  /** b^T (I - c c^T) d. */
  private static double bPd(StepPoint p) {
    return dot(p, "b", "d") - dot(p, "b", "c") * dot(p, "c", "d");
  }

  // --- the dot-product gains (10), (18) and their GD forms (C.1.2, C.2.2) ---------------------

  /*
   * Point: Lemma 3's a = w~_u/||w~_u||, b = g~_u/||g~_u||, c = v_u/||v_u||, d = -G/||G||, plus
   * nv = ||v_u|| (1 in the flow, >= 1 in GD: ||v_u|| is non-decreasing from 1), gn = ||G||, the
   * scale sc = e^alpha (EWN) or gamma > 0 (SWN), eta, and eps at most Lemma 3's eps* for a^T b (the
   * proof's "small enough eps").
   */

  private static double[] vvec(StepPoint p) {
    return Vectors.scale(p.get("nv"), p.vec("c"));
  }

  private static double[] grad(StepPoint p) {
    return Vectors.scale(-p.get("gn"), p.vec("d"));
  }

  /** The GD step (12)/(20) (or eta times the flow (8)/(17) for ||v|| = 1): v - eta (sc/||v||) P_v G. */
  private static double[] vNext(StepPoint p) {
    double[] v = vvec(p);
    double[] g = grad(p);
    double[] c = p.vec("c");
    double[] pg = Vectors.subtract(g, Vectors.scale(Vectors.dot(c, g), c));
    return Vectors.subtract(v, Vectors.scale(p.get("eta") * p.get("sc") / p.get("nv"), pg));
  }

  /** x = eta sc/||v|| ||G||, the step size of (13)/(21). */
  private static double chi(StepPoint p) {
    return p.get("eta") * p.get("sc") / p.get("nv") * p.get("gn");
  }

  private static StepPoint node(StepPoint geo, double nv, double gn, double sc, double eta) {
    return geo.toBuilder().put("nv", nv).put("gn", gn).put("sc", sc).put("eta", eta).build();
  }

  private static StepPoint drawNode(SplittableRandom rnd, boolean unitV) {
    StepPoint g = drawLemma3(rnd, 1.0);
    double ab = dot(g, "a", "b");
    double eps = epsStar(ab) * (rnd.nextInt(4) == 0 ? 1 : rnd.nextDouble(0.05, 1));
    StepPoint geo = g.toBuilder().put("c", rotate(g.vec("a"), rnd.nextDouble(0, eps), rnd))
        .put("d", rotate(g.vec("b"), rnd.nextBoolean() ? eps : rnd.nextDouble(0, eps), rnd)).put("ce", Math.cos(eps)).build();
    double nv = unitV ? 1 : 1 + (rnd.nextBoolean() ? 0 : rnd.nextDouble(0, 3));
    double eta = rnd.nextBoolean() ? rnd.nextDouble(1e-4, 0.05) : rnd.nextDouble(0.05, 1);
    return node(geo, nv, rnd.nextDouble(0.01, 5), rnd.nextDouble(0.05, 5), eta);
  }

  private static Optional<String> nodeHyp(StepPoint p, boolean unitV) {
    Optional<String> geo = lemma3Hyp(p);
    if (geo.isPresent()) {
      return geo;
    }
    double eps = Math.acos(p.get("ce"));
    return need(eps <= epsStar(dot(p, "a", "b")) + 1e-12 && p.get("gn") > 0 && p.get("sc") > 0 && p.get("eta") > 0
        && (unitV ? Math.abs(p.get("nv") - 1) < 1e-15 : p.get("nv") >= 1),
        "eps <= Lemma 3's eps*(a^T b), ||G|| > 0, scale > 0, eta > 0, " + (unitV ? "||v|| = 1 (flow)" : "||v|| >= 1 (GD)"));
  }

  private static List<StepPoint> nodeCorners(boolean unitV) {
    List<StepPoint> out = new ArrayList<>();
    for (StepPoint g : lemma3Corners(epsStar(0.5) * 0.999)) {
      if (dot(g, "a", "b") < 0.25) {
        continue;
      }
      out.add(node(g, unitV ? 1 : 2, 1, 1, 0.1));
    }
    for (StepPoint g : lemma3Corners(epsStar(0) * 0.999)) {
      if (dot(g, "a", "b") < 0.25) {
        out.add(node(g, 1, 2, 3, 0.01));
      }
    }
    return out;
  }

  private static double eps(StepPoint p) {
    return Math.acos(p.get("ce"));
  }

  private static List<SampledStep> dotGains() {
    List<SampledStep> out = new ArrayList<>();
    String[] fix = {"a", "b", "nv"};
    for (boolean swn : new boolean[] {false, true}) {
      String sc = swn ? "gamma_u(t)" : "e^(alpha_u(t))";
      String flowId = swn ? "ewn/proposition-2#eq-18" : "ewn/proposition-2#eq-10";
      out.add(SampledStep.inequality(flowId, loc(swn ? "App. C.2.1 (SWN flow), Case 1, from (17) and Lemma 3"
              : "App. C.1.1 (EWN flow), Case 1, from (8) and Lemma 3", swn ? "856-862" : "684-689"),
              "(" + (swn ? "18" : "10") + ") (g~_u/||g~_u||)^T dv_u/dt >= eta(t) " + sc + " ||grad_{w_u} L(w(t))|| eps")
          .printed(p -> Vectors.dot(p.vec("b"), Vectors.subtract(vNext(p), vvec(p))) , GE, p -> chi(p) * eps(p))
          .flippedControl()
          .control("the factor eps dropped", p -> Vectors.dot(p.vec("b"), Vectors.subtract(vNext(p), vvec(p))), GE, EwnSampledSteps::chi)
          .sampler(rnd -> drawNode(rnd, true)).corners(nodeCorners(true)).assumptions(p -> nodeHyp(p, true)).fixed(fix)
          .note("dv_u/dt is evaluated as eta times the right side of " + (swn ? "(17)" : "(8)") + " at ||v_u|| = 1; eps is "
              + "Lemma 3's: at most the largest eps* with cos(eps) - (a^T b + s)(a^T b + 2 s + s^2) >= eps (App. I)")
          .build());
      String gdId = swn ? "ewn/proposition-2#step-9" : "ewn/proposition-2#step-4";
      out.add(SampledStep.inequality(gdId, loc(swn ? "App. C.2.2 (SWN GD), Case 1, from (20) and Lemma 3"
              : "App. C.1.2 (EWN GD), Case 1, from (12) and Lemma 3", swn ? "925-928" : "757-762"),
              "v_u(t+1)^T g~_u/||g~_u|| >= v_u(t)^T g~_u/||g~_u|| + eps (eta(t) " + sc + "/||v_u(t)|| ||grad_{w_u} L(w(t))||)")
          .printed(p -> Vectors.dot(p.vec("b"), vNext(p)), GE, p -> Vectors.dot(p.vec("b"), vvec(p)) + eps(p) * chi(p))
          .flippedControl()
          .control("||v_u(t)||^2 in place of ||v_u(t)||", p -> Vectors.dot(p.vec("b"), vNext(p)), GE,
              p -> Vectors.dot(p.vec("b"), vvec(p)) + eps(p) * chi(p) * p.get("nv") * p.get("nv"))
          .control("the factor eps dropped", p -> Vectors.dot(p.vec("b"), vNext(p)), GE,
              p -> Vectors.dot(p.vec("b"), vvec(p)) + chi(p))
          .sampler(rnd -> drawNode(rnd, false)).corners(nodeCorners(false)).assumptions(p -> nodeHyp(p, false)).fixed(fix)
          .build());
      String normId = swn ? "ewn/proposition-2#eq-21" : "ewn/proposition-2#eq-13";
      out.add(SampledStep.inequality(normId, loc(swn ? "App. C.2.2 (SWN GD), from (20)" : "App. C.1.2 (EWN GD), from (12)",
              swn ? "929-932" : "763-766"),
              "(" + (swn ? "21" : "13") + ") ||v_u(t+1)||^2 <= ||v_u(t)||^2 + (eta(t) " + sc + "/||v_u(t)|| ||grad_{w_u} L(w(t))||)^2")
          .printed(p -> normSq(vNext(p)), LE, p -> p.get("nv") * p.get("nv") + chi(p) * chi(p))
          .flippedControl()
          .control("(eta sc/||v||^2 ||grad L||)^2 in place of (eta sc/||v|| ||grad L||)^2", p -> normSq(vNext(p)), LE,
              p -> p.get("nv") * p.get("nv") + Math.pow(chi(p) / p.get("nv"), 2))
          .sampler(rnd -> drawNode(rnd, false)).corners(nodeCorners(false)).assumptions(p -> nodeHyp(p, false)).fixed(fix)
          .note(swn ? "as reconstructed in ewn.md 1.4 (the bound (13)/(21) with s_u = gamma_u); the OCR of (21) shows "
              + "(eta(t) ||grad L||)^2 over ||v_u(t)|| and no gamma_u" : "exactly, ||v(t+1)||^2 = ||v||^2 + x^2 sin^2 of the angle "
              + "between v and G (Pythagoras, ewn.md 1.4), so the bound is tight when G is orthogonal to v")
          .build());
      String angId = swn ? "ewn/proposition-2#step-10" : "ewn/proposition-2#step-5";
      out.add(SampledStep.hence(angId, loc(swn ? "App. C.2.2, 'Using the above two equations'" : "App. C.1.2, 'Using the above "
              + "two equations'", swn ? "933-937" : "771-773"),
              "v_u(t+1)^T g~_u/(||v_u(t+1)|| ||g~_u||) >= (v_u(t)^T g~_u/||g~_u|| + eps x)/sqrt(||v_u(t)||^2 + x^2), "
                  + "x = eta(t) " + sc + "/||v_u(t)|| ||grad_{w_u} L(w(t))||")
          .printed(p -> Vectors.dot(p.vec("b"), vNext(p)) / Vectors.norm(vNext(p)), GE,
              p -> (Vectors.dot(p.vec("b"), vvec(p)) + eps(p) * chi(p)) / Math.sqrt(p.get("nv") * p.get("nv") + chi(p) * chi(p)))
          .flippedControl()
          .control("denominator ||v_u(t)|| in place of sqrt(||v_u(t)||^2 + x^2)",
              p -> Vectors.dot(p.vec("b"), vNext(p)) / Vectors.norm(vNext(p)), GE,
              p -> (Vectors.dot(p.vec("b"), vvec(p)) + eps(p) * chi(p)) / p.get("nv"))
          .sampler(rnd -> drawNode(rnd, false)).corners(nodeCorners(false)).assumptions(p -> nodeHyp(p, false)).fixed(fix)
          .note("the two premises are " + gdId + " and " + normId + "; both sides at the exact GD step")
          .build());
    }
    return out;
  }

  // --- the angle gains (24), (28) (flow) and (26), (33) (GD) of App. E ------------------------

  /*
   * Point: b = g~_u/||g~_u||, d = -G/||G|| with d^T b >= cos(tau), c = v_u/||v_u|| with
   * c^T b <= cos(kappa), 0 < tau < kappa, nv, gn, sc, eta as above. No w~_u here: App. E proves
   * that w_u converges in direction, so c may be anywhere on the sphere below the kappa-cap.
   */

  private static Optional<String> angleHyp(StepPoint p, boolean unitV, boolean corrected) {
    for (String n : new String[] {"b", "c", "d"}) {
      if (Math.abs(normSq(p.vec(n)) - 1) > 1e-12) {
        return Optional.of(n + " a unit vector");
      }
    }
    double ct = p.get("ct");
    double ck = p.get("ck");
    return need(ct > ck && ct < 1 && dot(p, "d", "b") >= ct - 1e-15 && dot(p, "c", "b") <= ck + 1e-15
        && (!corrected || dot(p, "c", "b") >= 0) && p.get("gn") > 0 && p.get("sc") > 0 && p.get("eta") > 0
        && (unitV ? Math.abs(p.get("nv") - 1) < 1e-15 : p.get("nv") >= 1),
        "0 < tau < kappa, d^T b >= cos(tau), c^T b <= cos(kappa)" + (corrected ? ", c^T b >= 0" : "")
            + ", ||G||, scale, eta > 0, " + (unitV ? "||v|| = 1" : "||v|| >= 1"));
  }

  private static StepPoint drawAngle(SplittableRandom rnd, boolean unitV, boolean corrected) {
    double[] b = unit(gaussian(rnd, 3));
    double tau = rnd.nextDouble(0.01, 1.2);
    double kappa = corrected ? rnd.nextDouble(tau, Math.PI / 2) : rnd.nextDouble(tau, Math.PI);
    double[] d = rotate(b, rnd.nextBoolean() ? tau : rnd.nextDouble(0, tau), rnd);
    double top = corrected ? Math.PI / 2 : Math.PI;
    double[] c = rotate(b, rnd.nextBoolean() ? kappa : rnd.nextDouble(kappa, top), rnd);
    double nv = unitV ? 1 : 1 + (rnd.nextBoolean() ? 0 : rnd.nextDouble(0, 3));
    return StepPoint.builder().put("b", b).put("d", d).put("c", c).put("ct", Math.cos(tau)).put("ck", Math.cos(kappa))
        .put("nv", nv).put("gn", rnd.nextDouble(0.01, 5)).put("sc", rnd.nextDouble(0.05, 5)).put("eta", rnd.nextDouble(1e-3, 1)).build();
  }

  private static StepPoint angleCorner(double[] c, double tau, double kappa, double nv) {
    return StepPoint.builder().put("b", new double[] {1, 0, 0}).put("d", new double[] {Math.cos(tau), Math.sin(tau), 0})
        .put("c", c).put("ct", Math.cos(tau)).put("ck", Math.cos(kappa)).put("nv", nv).put("gn", 1).put("sc", 1)
        .put("eta", 0.1).build();
  }

  private static List<StepPoint> angleCorners(boolean unitV, boolean corrected) {
    double nv = unitV ? 1 : 2;
    List<StepPoint> out = new ArrayList<>();
    out.add(angleCorner(new double[] {Math.cos(1.0), -Math.sin(1.0), 0}, 0.3, 1.0, nv));
    out.add(angleCorner(new double[] {Math.cos(1.0), Math.sin(1.0), 0}, 0.3, 1.0, nv));
    out.add(angleCorner(new double[] {0, 0, 1}, 0.3, Math.PI / 2, nv));
    if (!corrected) {
      out.add(0, angleCorner(new double[] {-1, 0, 0}, 0.3, 1.0, nv)); // v_u = -g~_u: the antipode
    }
    return out;
  }

  /** b^T (v(t+1) - v(t)) with v(t+1) of the flow (times eta) or the GD step; the premises use c, d as above. */
  private static double gainOf(StepPoint p) {
    double[] v = vvec(p);
    double[] g = grad(p);
    double[] c = p.vec("c");
    double[] pg = Vectors.subtract(g, Vectors.scale(Vectors.dot(c, g), c));
    double[] next = Vectors.subtract(v, Vectors.scale(p.get("eta") * p.get("sc") / p.get("nv"), pg));
    return Vectors.dot(p.vec("b"), Vectors.subtract(next, v));
  }

  private static List<SampledStep> angleGains() {
    List<SampledStep> out = new ArrayList<>();
    String[] fix = {"b", "nv", "ct", "ck"};
    record Where(String id, String eq, String sec, String lines, boolean swn, boolean unitV) {}
    List<Where> all = List.of(
        new Where("ewn/proposition-3#eq-24", "24", "App. E.1.1 (SWN flow), proof of part 1b, from (17)", "1207-1218", true, true),
        new Where("ewn/proposition-3#eq-26", "26", "App. E.1.2 (SWN GD), proof of part 1b, from (20)", "1294-1306", true, false),
        new Where("ewn/proposition-3#eq-28", "28", "App. E.2.1 (EWN flow), proof of part 1b, from (8)", "1428-1439", false, true),
        new Where("ewn/proposition-3#eq-33", "33", "App. E.2.2 (EWN GD), proof of part 1b, from (12)", "1580-1591", false, false));
    for (Where w : all) {
      String sc = w.swn() ? "gamma_u(t)" : "e^(alpha_u(t))";
      String display = w.unitV()
          ? "(" + w.eq() + ") (g~_u/||g~_u||)^T dv_u/dt >= eta(t) " + sc + " ||grad_{w_u} L(w(t))|| (cos(tau) - cos(kappa)), "
              + "as (-grad L/||grad L||)^T g~_u/||g~_u|| >= cos(tau) and v_u^T g~_u/||g~_u|| <= cos(kappa)"
          : "(" + w.eq() + ") v_u(t+1)^T g~_u/||g~_u|| >= v_u(t)^T g~_u/||g~_u|| + (cos(tau) - cos(kappa))(eta(t) " + sc
              + "/||v_u(t)|| ||grad_{w_u} L(w(t))||), as (-grad L/||grad L||)^T g~_u/||g~_u|| >= cos(tau) and "
              + "(v_u/||v_u||)^T g~_u/||g~_u|| <= cos(kappa)";
      for (boolean corrected : new boolean[] {false, true}) {
        SampledStep.Builder b = SampledStep.inequality(w.id() + (corrected ? "-corrected" : ""),
                loc(w.sec() + (corrected ? ", with v_u^T g~_u >= 0" : ""), w.lines()),
                display + (corrected ? ", for v_u^T g~_u >= 0 (angle at most pi/2)" : ""))
            .printed(EwnSampledSteps::gainOf, GE, p -> chi(p) * (p.get("ct") - p.get("ck")))
            .flippedControl()
            .control("cos(tau) + cos(kappa) in place of cos(tau) - cos(kappa)", EwnSampledSteps::gainOf, GE,
                p -> chi(p) * (p.get("ct") + p.get("ck")))
            .sampler(rnd -> drawAngle(rnd, w.unitV(), corrected)).corners(angleCorners(w.unitV(), corrected))
            .assumptions(p -> angleHyp(p, w.unitV(), corrected)).fixed(fix)
            .note("the gain is b^T(I - c c^T) d times x = eta sc/||v|| ||G|| (" + (w.unitV() ? "dv/dt = eta sc P_v(-G) at ||v|| = 1"
                : "the exact GD step") + "); the proof bounds the product (b^T c)(c^T d) by cos(kappa), which needs b^T c >= 0");
        if (!corrected) {
          b.note("FINDING (proof step only): at v_u = -g~_u/||g~_u|| (allowed: the proof assumes only v_u^T g~_u <= cos(kappa) "
                  + "for all t > t4, and the angle Delta of t4 may exceed pi/2; the OCR even prints 0 < tau < 2 pi) the left "
                  + "side is 0, since P_v g~_u = 0, while the right side is positive; the display holds when v_u^T g~_u >= 0 ("
                  + w.id() + "-corrected)")
              .note("may affect the proof of part 1b (convergence of w_u in direction) when the angle to g~_u exceeds pi/2: "
                  + "there the dot product need not grow; the statement is checked by ewn/proposition-3#part-1");
        }
        out.add(b.build());
      }
    }
    return out;
  }

  // --- Proposition 3, EWN flow: (31), (32) and the threshold steps (App. E.2.1) ------------------

  /*
   * Point: eta, nu = ||w_u||, nv = ||w_v||, gu = ||grad_u L||, gv = ||grad_v L||, cu, cv = the cosines of
   * the angles between w and -grad L (>= cos(delta) after t1), cd = cos(delta); for the threshold
   * steps c, ep (eps) with gu/gv in [c - eps, c + eps], D (Delta) and B (beta) the bounds on the ratio.
   * By (30), d||w||/dt = eta ||w||^2 ||grad L|| cos(theta), so d/dt(nu/nv) = eta (nu/nv)(nu gu cu - nv gv cv).
   */

  private static double ratioRate(StepPoint p) {
    double r = p.get("nu") / p.get("nv");
    return p.get("eta") * r * (p.get("nu") * p.get("gu") * p.get("cu") - p.get("nv") * p.get("gv") * p.get("cv"));
  }

  private static StepPoint drawRatio(SplittableRandom rnd, double deltaMax) {
    double cd = Math.cos(rnd.nextDouble(0.01, deltaMax));
    double cu = rnd.nextInt(4) == 0 ? cd : rnd.nextInt(4) == 0 ? 1 : rnd.nextDouble(Math.min(cd, 1), 1);
    double cv = rnd.nextInt(4) == 0 ? cd : rnd.nextInt(4) == 0 ? 1 : rnd.nextDouble(Math.min(cd, 1), 1);
    return StepPoint.builder().put("eta", rnd.nextDouble(1e-3, 1)).put("nu", rnd.nextDouble(0.1, 10)).put("nv", rnd.nextDouble(0.1, 10))
        .put("gu", rnd.nextDouble(0.01, 3)).put("gv", rnd.nextDouble(0.01, 3)).put("cu", cu).put("cv", cv).put("cd", cd).build();
  }

  private static Optional<String> ratioHyp(StepPoint p) {
    double cd = p.get("cd");
    return need(p.get("eta") > 0 && p.get("nu") > 0 && p.get("nv") > 0 && p.get("gu") > 0 && p.get("gv") > 0 && cd < 1
        && p.get("cu") >= cd && p.get("cu") <= 1 && p.get("cv") >= cd && p.get("cv") <= 1,
        "positive norms and eta; cos(delta) <= cos(theta_u), cos(theta_v) <= 1 (part 1b, 1c)");
  }

  private static StepPoint ratioCorner(double nu, double nv, double gu, double gv, double cu, double cv, double cd) {
    return StepPoint.builder().put("eta", 0.5).put("nu", nu).put("nv", nv).put("gu", gu).put("gv", gv).put("cu", cu).put("cv", cv)
        .put("cd", cd).build();
  }

  /** A point of the threshold steps: part 1a, 1b, 1c and the ratio between D and B. */
  private static StepPoint drawThreshold(SplittableRandom rnd, boolean above) {
    double c = rnd.nextInt(4) == 0 ? 1 : rnd.nextDouble(0.05, 1);
    double ep = c * rnd.nextDouble(0.01, 0.99);
    double cd = Math.cos(rnd.nextDouble(0.01, Math.PI / 2 - 0.01));
    double q = rnd.nextInt(4) == 0 ? (above ? c - ep : c + ep) : rnd.nextDouble(c - ep, c + ep);
    double r;
    double lo;
    double hi;
    if (above) {
      lo = 1 / ((c - ep) * cd) * (1 + (rnd.nextBoolean() ? rnd.nextDouble(1e-6, 0.05) : rnd.nextDouble(0, 2)));
      r = lo * (rnd.nextInt(3) == 0 ? 1 : 1 + rnd.nextDouble(0, 3));
      hi = r;
    } else {
      hi = cd / (c + ep) * (rnd.nextBoolean() ? rnd.nextDouble(0.95, 1 - 1e-6) : rnd.nextDouble(0.05, 1));
      r = hi * (rnd.nextInt(3) == 0 ? 1 : rnd.nextDouble(0.05, 1));
      lo = r * (rnd.nextInt(3) == 0 ? 1 : rnd.nextDouble(0.05, 1));
    }
    double nv = rnd.nextDouble(0.1, 10);
    double gv = rnd.nextDouble(0.01, 3);
    StepPoint base = drawRatio(rnd, 0.1);
    double cu = rnd.nextInt(3) == 0 ? cd : rnd.nextDouble(cd, 1);
    double cv = rnd.nextInt(3) == 0 ? cd : rnd.nextDouble(cd, 1);
    return base.toBuilder().put("nv", nv).put("nu", r * nv).put("gv", gv).put("gu", q * gv).put("cu", cu).put("cv", cv)
        .put("cd", cd).put("c", c).put("ep", ep).put("D", lo).put("B", hi).build();
  }

  private static Optional<String> thresholdHyp(StepPoint p, boolean above) {
    Optional<String> base = ratioHyp(p);
    if (base.isPresent()) {
      return base;
    }
    double c = p.get("c");
    double ep = p.get("ep");
    double cd = p.get("cd");
    double q = p.get("gu") / p.get("gv");
    double r = p.get("nu") / p.get("nv");
    boolean common = c > 0 && c <= 1 && ep > 0 && ep < c && cd > 0 && q >= c - ep - 1e-15 && q <= c + ep + 1e-15;
    if (above) {
      return need(common && p.get("D") > 1 / ((c - ep) * cd) && r >= p.get("D") * (1 - 1e-15),
          "0 < eps < c <= 1, 0 < delta < pi/2, q in [c - eps, c + eps], ||w_u||/||w_v|| >= Delta > 1/((c - eps) cos(delta))");
    }
    return need(common && p.get("B") < cd / (c + ep) && r <= p.get("B") * (1 + 1e-15) && r >= p.get("D") * (1 - 1e-15)
        && p.get("D") > 0, "0 < eps < c <= 1, 0 < delta < pi/2, q in [c - eps, c + eps], 0 < Delta <= ||w_u||/||w_v|| <= beta "
            + "< cos(delta)/(c + eps)");
  }

  private static StepPoint thresholdCorner(boolean above) {
    double c = 0.5;
    double ep = 0.1;
    double cd = Math.cos(0.5);
    double q = above ? c - ep : c + ep;
    double r = above ? 1.01 / ((c - ep) * cd) : 0.99 * cd / (c + ep);
    return ratioCorner(r, 1, q, 1, cd, cd, cd).toBuilder().put("c", c).put("ep", ep).put("D", r).put("B", r).build();
  }

  private static List<SampledStep> ratioFlow() {
    List<SampledStep> out = new ArrayList<>();
    String at = "App. E.2.1 (EWN flow), proof of part 2";
    List<StepPoint> corners = List.of(ratioCorner(1, 1, 1, 1, 1, 1, 0.5), ratioCorner(2, 1, 1, 3, 0.5, 0.5, 0.5),
        ratioCorner(1, 2, 3, 1, 1, 0.5, 0.5), ratioCorner(1, 1, 1, 1, -0.5, -0.5, -0.5));
    out.add(SampledStep.inequality("ewn/proposition-3#eq-31", loc(at + "a, from (30) and part 1", "1482-1486"),
            "(31) d/dt(||w_u||/||w_v||) = (||w_v|| d||w_u||/dt - ||w_u|| d||w_v||/dt)/||w_v||^2 >= eta(t) (||w_u||/||w_v||)"
                + "(||w_u|| ||grad_{w_u} L|| cos(delta) - ||w_v|| ||grad_{w_v} L||)")
        .printed(EwnSampledSteps::ratioRate, GE, p -> p.get("eta") * p.get("nu") / p.get("nv")
            * (p.get("nu") * p.get("gu") * p.get("cd") - p.get("nv") * p.get("gv")))
        .flippedControl()
        .control("cos(delta) on the v term", EwnSampledSteps::ratioRate, GE, p -> p.get("eta") * p.get("nu") / p.get("nv")
            * (p.get("nu") * p.get("gu") - p.get("nv") * p.get("gv") * p.get("cd")))
        .sampler(rnd -> drawRatio(rnd, 2 * Math.PI)).corners(corners).assumptions(EwnSampledSteps::ratioHyp).fixed("cd")
        .note("delta sampled over the OCR's 0 < delta < 2 pi (ewn.md 5 #15 reads pi/2): (31) uses only cos(theta_u) >= "
            + "cos(delta) and cos(theta_v) <= 1, so it holds for either reading; the quotient rule and (30) are exact")
        .build());
    out.add(SampledStep.inequality("ewn/proposition-3#eq-32", loc("App. E.2.1 (EWN flow), proof of part 2b, from (30) and part 1",
            "1503-1507"),
            "(32) d/dt(||w_u||/||w_v||) <= eta(t) (||w_u||/||w_v||)(||w_u|| ||grad_{w_u} L|| - ||w_v|| ||grad_{w_v} L|| cos(delta))")
        .printed(EwnSampledSteps::ratioRate, LE, p -> p.get("eta") * p.get("nu") / p.get("nv")
            * (p.get("nu") * p.get("gu") - p.get("nv") * p.get("gv") * p.get("cd")))
        .flippedControl()
        .control("cos(delta) on the u term", EwnSampledSteps::ratioRate, LE, p -> p.get("eta") * p.get("nu") / p.get("nv")
            * (p.get("nu") * p.get("gu") * p.get("cd") - p.get("nv") * p.get("gv")))
        .sampler(rnd -> drawRatio(rnd, 2 * Math.PI)).corners(corners).assumptions(EwnSampledSteps::ratioHyp).fixed("cd")
        .build());
    out.add(SampledStep.hence("ewn/proposition-3#step-1", loc(at + "a, with Delta = ||w_u(t2)||/||w_v(t2)||", "1489-1492"),
            "d/dt(||w_u||/||w_v||) >= Delta (cos(delta) - 1/(Delta (c - eps))) eta(t) ||w_u(t)|| ||grad_{w_u} L(w(t))||")
        .printed(EwnSampledSteps::ratioRate, GE, p -> p.get("D") * (p.get("cd") - 1 / (p.get("D") * (p.get("c") - p.get("ep"))))
            * p.get("eta") * p.get("nu") * p.get("gu"))
        .flippedControl()
        .control("(c + eps) in place of (c - eps)", EwnSampledSteps::ratioRate, GE,
            p -> p.get("D") * (p.get("cd") - 1 / (p.get("D") * (p.get("c") + p.get("ep")))) * p.get("eta") * p.get("nu") * p.get("gu"))
        .sampler(rnd -> drawThreshold(rnd, true)).corner(thresholdCorner(true)).assumptions(p -> thresholdHyp(p, true))
        .fixed("c", "ep", "cd", "D", "B")
        .note("the ratio stays >= Delta after t2 (the proof: it 'keeps on increasing'); delta in (0, pi/2) as ewn.md 5 #15 "
            + "reconstructs it: with the OCR's 0 < delta < 2 pi the threshold 1/((c - eps) cos(delta)) is negative for "
            + "delta > pi/2 and the step fails (cos(delta) < 0 and ||w_u||/||w_v|| > Delta)")
        .build());
    out.add(SampledStep.hence("ewn/proposition-3#step-2", loc("App. E.2.1 (EWN flow), proof of part 2b, with Delta <= "
            + "||w_u||/||w_v|| <= beta = ||w_u(t2)||/||w_v(t2)||", "1510-1518"),
            "d/dt(||w_u||/||w_v||) <= -Delta (cos(delta) - beta (c + eps)) eta ||w_v(t)|| ||grad_{w_v} L(w(t))||")
        .printed(EwnSampledSteps::ratioRate, LE, p -> -p.get("D") * (p.get("cd") - p.get("B") * (p.get("c") + p.get("ep")))
            * p.get("eta") * p.get("nv") * p.get("gv"))
        .flippedControl()
        .control("beta in place of Delta in front", EwnSampledSteps::ratioRate, LE,
            p -> -p.get("B") * (p.get("cd") - p.get("B") * (p.get("c") + p.get("ep"))) * p.get("eta") * p.get("nv") * p.get("gv"))
        .sampler(rnd -> drawThreshold(rnd, false)).corner(thresholdCorner(false)).assumptions(p -> thresholdHyp(p, false))
        .fixed("c", "ep", "cd", "D", "B")
        .note("Delta > 0 is the proof's lower bound on the ratio under the contrary assumption lim ||w_u||/||w_v|| > 0; the "
            + "ratio 'keeps on decreasing' from beta")
        .build());
    return out;
  }

  // --- Proposition 3, EWN GD (App. E.2.2): one step of the ratio ----------------------------------

  /** ||w(t+1)|| = ||w|| exp(eta ||w|| ||grad L|| cos(theta)) by (11): e^(alpha(t+1)) = e^alpha e^(delta cos(eps)). */
  private static double ratioNext(StepPoint p) {
    double nu = p.get("nu") * Math.exp(p.get("eta") * p.get("nu") * p.get("gu") * p.get("cu"));
    double nv = p.get("nv") * Math.exp(p.get("eta") * p.get("nv") * p.get("gv") * p.get("cv"));
    return nu / nv;
  }

  private static double fracA(StepPoint p, double cu, double cv) {
    double nu = p.get("nu");
    double nv = p.get("nv");
    return (nu + p.get("eta") * cu * nu * nu * p.get("gu")) / (nv + p.get("eta") * cv * nv * nv * p.get("gv"));
  }

  private static StepPoint drawStep(SplittableRandom rnd, boolean above) {
    StepPoint p = drawThreshold(rnd, above);
    // (A5): eta ||w|| ||grad L|| -> 0, but the proof's step holds for any size: sample small and O(1) steps
    double x = rnd.nextBoolean() ? rnd.nextDouble(1e-4, 0.05) : rnd.nextDouble(0.05, 2);
    return p.toBuilder().put("eta", x / (p.get("nu") * p.get("gu"))).build();
  }

  private static List<SampledStep> ratioDescent() {
    List<SampledStep> out = new ArrayList<>();
    String[] fix = {"c", "ep", "cd", "D", "B"};
    String state = "the exact step: ||w(t+1)|| = ||w(t)|| exp(eta ||w|| ||grad L|| cos(theta)) from (11) (G.2: e^(alpha(t+1)) = "
        + "e^(alpha(t)) e^(delta cos(eps))), with cos(theta_u), cos(theta_v) in [cos(delta), 1] (part 1)";
    out.add(SampledStep.inequality("ewn/proposition-3#step-3", loc("App. E.2.2 (EWN GD), proof of part 2a, from (11) and part 1",
            "1636-1641"),
            "||w_u(t2+1)||/||w_v(t2+1)|| >= (||w_u(t2)|| + eta cos(delta) ||w_u(t2)||^2 ||grad_{w_u} L||)/(||w_v(t2)|| + eta "
                + "||w_v(t2)||^2 ||grad_{w_v} L||) = (||w_u||/||w_v||)(1 + cos(delta) eta ||w_u|| ||grad_u L||)/(1 + eta ||w_v|| "
                + "||grad_v L||)")
        .printed(EwnSampledSteps::ratioNext, GE, p -> fracA(p, p.get("cd"), 1))
        .flippedControl()
        .control("cos(delta) dropped in the numerator", EwnSampledSteps::ratioNext, GE, p -> fracA(p, 1, 1))
        .sampler(rnd -> drawStep(rnd, true)).corner(thresholdCorner(true)).assumptions(p -> thresholdHyp(p, true)).fixed(fix)
        .note(state)
        .note("the bound the display suggests for the denominator alone, ||w_v(t+1)|| <= ||w_v|| + eta ||w_v||^2 ||grad_v L||, "
            + "is false (e^x > 1 + x for cos(theta_v) = 1); the ratio bound holds under the threshold of part 2a because "
            + "e^(a - b) >= (1 + a)/(1 + b) for a >= b >= 0")
        .build());
    out.add(SampledStep.hence("ewn/proposition-3#step-4", loc("App. E.2.2, proof of part 2a, the last line", "1641-1643"),
            "(||w_u||/||w_v||)(1 + cos(delta) eta ||w_u|| ||grad_u L||)/(1 + eta ||w_v|| ||grad_v L||) >= ||w_u(t2)||/||w_v(t2)||")
        .printed(p -> fracA(p, p.get("cd"), 1), GE, p -> p.get("nu") / p.get("nv"))
        .flippedControl()
        .control("cos(delta) (c - eps)/(c + eps) in place of cos(delta) (a gain below the threshold's)",
            p -> fracA(p, p.get("cd") * (p.get("c") - p.get("ep")) / (p.get("c") + p.get("ep")), 1), GE,
            p -> p.get("nu") / p.get("nv"))
        .sampler(rnd -> drawStep(rnd, true)).corner(thresholdCorner(true)).assumptions(p -> thresholdHyp(p, true)).fixed(fix)
        .note("holds since cos(delta) ||w_u|| ||grad_u L|| >= cos(delta)(c - eps)(||w_u||/||w_v||) ||w_v|| ||grad_v L|| > "
            + "||w_v|| ||grad_v L|| above the threshold")
        .build());
    out.add(SampledStep.inequality("ewn/proposition-3#step-5", loc("App. E.2.2 (EWN GD), proof of part 2b, from (11) and part 1",
            "1651-1656"),
            "||w_u(t2+1)||/||w_v(t2+1)|| <= (||w_u(t2)|| + eta ||w_u(t2)||^2 ||grad_{w_u} L||)/(||w_v(t2)|| + eta cos(delta) "
                + "||w_v(t2)||^2 ||grad_{w_v} L||)")
        .printed(EwnSampledSteps::ratioNext, LE, p -> fracA(p, 1, p.get("cd")))
        .flippedControl()
        .control("cos(delta) dropped in the denominator", EwnSampledSteps::ratioNext, LE, p -> fracA(p, 1, 1))
        .sampler(rnd -> drawStep(rnd, false)).corner(thresholdCorner(false)).assumptions(p -> thresholdHyp(p, false)).fixed(fix)
        .note(state)
        .build());
    out.add(SampledStep.hence("ewn/proposition-3#step-6", loc("App. E.2.2, proof of part 2b, the last line", "1656-1658"),
            "(||w_u||/||w_v||)(1 + eta ||w_u|| ||grad_u L||)/(1 + cos(delta) eta ||w_v|| ||grad_v L||) <= ||w_u(t2)||/||w_v(t2)||")
        .printed(p -> fracA(p, 1, p.get("cd")), LE, p -> p.get("nu") / p.get("nv"))
        .flippedControl()
        .control("the 1 dropped in the denominator", p -> p.get("nu") / p.get("nv") * (1 + p.get("eta") * p.get("nu") * p.get("gu"))
            / (p.get("eta") * p.get("cd") * p.get("nv") * p.get("gv")), LE, p -> p.get("nu") / p.get("nv"))
        .sampler(rnd -> drawStep(rnd, false)).corner(thresholdCorner(false)).assumptions(p -> thresholdHyp(p, false)).fixed(fix)
        .build());
    return out;
  }

  // --- telescoped sums of (11) on the Simple-Traj net (C.1.2 Case 2, D.1.2) ---------------------

  /*
   * Point: the Simple-Traj net of Sec. 4.3 (Phi = w_1 x_1 + w_2 x_2, x = (2, 1), y = 1, exponential
   * loss; two scalar EWN nodes, v = 1, so v^T grad_{w_i} L/||v|| = -x_i L), alpha(0) = (a1, a2), a
   * constant eta and T steps of (11). Node u = 1, node s = 2.
   */

  private static final double[] X = {2, 1};

  /**
   * The run's parameters p(k) (alpha for EWN, gamma for SWN) for k = 0..T and the terms eta s_i v^T grad_i L/||v|| of
   * (11) (s_i = e^(alpha_i)) or (19) (s_i = 1), with w_i = e^(alpha_i) or gamma_i.
   */
  private static double[][][] run(StepPoint p, boolean swn) {
    int t = p.integer("T");
    double[][] par = new double[t + 1][2];
    double[][] term = new double[t + 1][2];
    par[0][0] = p.get("a1");
    par[0][1] = p.get("a2");
    for (int k = 0; k <= t; k++) {
      double[] w = swn ? par[k] : new double[] {Math.exp(par[k][0]), Math.exp(par[k][1])};
      double loss = Math.exp(-(X[0] * w[0] + X[1] * w[1]));
      for (int i = 0; i < 2; i++) {
        term[k][i] = p.get("eta") * (swn ? 1 : w[i]) * (-X[i] * loss);
        if (k < t) {
          par[k + 1][i] = par[k][i] - term[k][i];
        }
      }
    }
    return new double[][][] {par, term};
  }

  private static double[][][] run(StepPoint p) {
    return run(p, false);
  }

  private static double[][][] runSwn(StepPoint p) {
    return run(p, true);
  }

  /** alpha_u(t) - alpha_s(t) after the run. */
  private static double alphaGap(StepPoint p) {
    double[][][] r = run(p);
    return r[0][p.integer("T")][0] - r[0][p.integer("T")][1];
  }

  /** The right side of (15) with the sums from k = from, the bracket's sign times sign. */
  private static double gapBySums(StepPoint p, int from, int sign) {
    double[][][] r = run(p);
    int t = p.integer("T");
    return p.get("a1") - p.get("a2") + sign * (sum(r[1], 1, from, t - 1, 1) + sum(r[1], 0, from, t - 1, -1));
  }

  private static double sum(double[][] term, int node, int from, int to, int sign) {
    double s = 0;
    for (int k = from; k <= to; k++) {
      s += sign * term[k][node];
    }
    return s;
  }

  private static StepPoint traj(double a1, double a2, double eta, int t) {
    return StepPoint.builder().put("T", t).put("a1", a1).put("a2", a2).put("eta", eta).build();
  }

  private static Optional<String> trajHyp(StepPoint p) {
    return need(p.integer("T") >= 1 && p.integer("T") <= 8 && p.get("eta") > 0, "1 <= t <= 8 steps, eta > 0");
  }

  private static List<SampledStep> telescoped() {
    List<SampledStep> out = new ArrayList<>();
    SampledStep.Sampler draw = rnd -> traj(rnd.nextDouble(-2, 1), rnd.nextDouble(-2, 1), rnd.nextDouble(0.01, 1), 1 + rnd.nextInt(6));
    List<StepPoint> corners = List.of(traj(0, 0, 0.1, 1), traj(0, 0, 0.5, 3), traj(-1, 0.5, 1, 5));
    String state = "the Simple-Traj net of Sec. 4.3 (Phi = 2 w_1 + w_2, one point, exponential loss) with two scalar EWN nodes "
        + "u = 1, s = 2 (v = 1), t steps of (11) at constant eta";
    out.add(SampledStep.inequality("ewn/proposition-2#eq-15", loc("App. C.1.2 (EWN GD), Case 2, from (11)", "796-816"),
            "alpha_u(t) = alpha_u(0) - sum_{k=0}^{t-1} eta(k) e^(alpha_u(k)) v_u(k)^T grad_{w_u} L(w(k))/||v_u(k)|| (and for s); "
                + "(15) alpha_u(t) - alpha_s(t) = (alpha_u(0) - alpha_s(0)) + sum_{k=0}^{t-1} (eta e^(alpha_s) v_s^T grad_s L/||v_s|| "
                + "- eta e^(alpha_u) v_u^T grad_u L/||v_u||)")
        .printed(EwnSampledSteps::alphaGap, EQ, p -> gapBySums(p, 0, 1))
        .control("sum from k = 1", EwnSampledSteps::alphaGap, EQ, p -> gapBySums(p, 1, 1))
        .control("the two terms swapped (sign of the sum)", EwnSampledSteps::alphaGap, EQ, p -> gapBySums(p, 0, -1))
        .sampler(draw).corners(corners).assumptions(EwnSampledSteps::trajHyp).fixed("T")
        .note(state).build());
    out.add(SampledStep.inequality("ewn/proposition-2#step-11", loc("App. C.2.2 (SWN GD), Case 2, from (19); the same display "
            + "opens D.2.2 (lines 1128-1133)", "959-968"),
            "gamma_u(t) = gamma_u(0) - sum_{k=0}^{t-1} eta(k) v_u(k)^T grad_{w_u} L(w(k))/||v_u(k)|| (and the same for s)")
        .printed(p -> runSwn(p)[0][p.integer("T")][0], EQ, p -> p.get("a1") + sum(runSwn(p)[1], 0, 0, p.integer("T") - 1, -1))
        .control("sum from k = 1", p -> runSwn(p)[0][p.integer("T")][0], EQ,
            p -> p.get("a1") + sum(runSwn(p)[1], 0, 1, p.integer("T") - 1, -1))
        .control("+ sum in place of - sum", p -> runSwn(p)[0][p.integer("T")][0], EQ,
            p -> p.get("a1") + sum(runSwn(p)[1], 0, 0, p.integer("T") - 1, 1))
        .sampler(draw).corners(corners).assumptions(EwnSampledSteps::trajHyp).fixed("T")
        .note("the Simple-Traj net with two scalar SWN nodes (gamma_i, v = 1; a1, a2 are gamma(0)), t steps of (19)").build());
    for (boolean corrected : new boolean[] {false, true}) {
      int from = corrected ? 0 : 1;
      SampledStep.Builder b = SampledStep.inequality("ewn/theorem-2#step-7" + (corrected ? "-corrected" : ""),
              loc("App. D.1.2 (EWN GD), from (11)" + (corrected ? ", the sums from k = 0" : ""), "1045-1058"),
              "alpha_u(t) = alpha_u(0) - sum_{k=" + from + "}^{t-1} eta(k) e^(alpha_u(k)) v_u(k)^T grad_{w_u} L(w(k))/||v_u(k)|| "
                  + "(and the same for s)")
          .printed(p -> run(p)[0][p.integer("T")][0], EQ, p -> p.get("a1") + sum(run(p)[1], 0, from, p.integer("T") - 1, -1))
          .control(corrected ? "sum from k = 1" : "sum from k = 0 to t (one term too many)", p -> run(p)[0][p.integer("T")][0], EQ,
              p -> p.get("a1") + sum(run(p)[1], 0, corrected ? 1 : 0, p.integer("T") - (corrected ? 1 : 0), -1))
          .control("+ sum in place of - sum", p -> run(p)[0][p.integer("T")][0], EQ,
              p -> p.get("a1") + sum(run(p)[1], 0, from, p.integer("T") - 1, 1))
          .sampler(draw).corners(corners).assumptions(EwnSampledSteps::trajHyp).fixed("T")
          .note(state);
      if (!corrected) {
        b.note("FINDING (proof step only): the sums of D.1.2 start at k = 1 (twice, as printed in the OCR: 't-1' over 'k=1'), "
                + "so they miss the first step of (11); at t = 1 the display reads alpha_u(1) = alpha_u(0); C.1.2 (15) sums "
                + "from k = 0 (ewn/proposition-2#eq-15), and so does ewn/theorem-2#step-7-corrected")
            .note("does not affect the statement: one finite term does not change the convergence of alpha_u - alpha_s "
                + "nor the divergence of the two series that Lemma 6 uses");
      }
      out.add(b.build());
    }
    return out;
  }

  // --- Lemma 1, 5 and 6 (App. I) ---------------------------------------------------------------

  private static List<SampledStep> lemmaSteps() {
    List<SampledStep> out = new ArrayList<>();
    // Lemma 1: w_u^T(-grad L) < 0 => alpha_u(t+1) < alpha_u(t) by (11)
    SampledStep.Sampler node = rnd -> {
      double[] v = Vectors.scale(rnd.nextDouble(0.5, 3), unit(gaussian(rnd, 3)));
      return StepPoint.builder().put("alpha", rnd.nextDouble(-2, 2)).put("v", v).put("G", gaussian(rnd, 3))
          .put("eta", rnd.nextDouble(1e-3, 1)).build();
    };
    out.add(SampledStep.hence("ewn/lemma-1#step-1", loc("App. I, proof of Lemma 1 (EWN GD)", "2038-2041"),
            "w_u(t)^T(-grad_{w_u} L(w(t))) < 0 for t > t1; then using Equation (11), alpha_u(t+1) < alpha_u(t)")
        .printed(EwnSampledSteps::alphaNext, LE, p -> p.get("alpha"))
        .flippedControl()
        .control("alpha_u(t+1) <= alpha_u(t) - eta e^alpha ||grad L|| (a full step down)", EwnSampledSteps::alphaNext, LE,
            p -> p.get("alpha") - p.get("eta") * Math.exp(p.get("alpha")) * Vectors.norm(p.vec("G")))
        .sampler(node)
        .corner(StepPoint.builder().put("alpha", 0).put("v", new double[] {1, 0, 0}).put("G", new double[] {1e-3, 1, 0})
            .put("eta", 0.5).build())
        .assumptions(p -> need(Vectors.dot(p.vec("v"), p.vec("G")) > 0 && p.get("eta") > 0,
            "w_u^T(-grad L) < 0 (w_u = e^alpha v/||v||), eta > 0"))
        .fixed("alpha")
        .build());
    // Lemma 5: b_k <= sqrt(b0^2 + sum (a_j/b_j)^2) <= sqrt(b0^2 + b0^-2 sum a_j^2)
    SampledStep.Sampler seq = rnd -> {
      int k = 1 + rnd.nextInt(12);
      double[] a = new double[k];
      double[] th = new double[k];
      for (int j = 0; j < k; j++) {
        a[j] = rnd.nextDouble(0.001, 2);
        th[j] = rnd.nextInt(4) == 0 ? 1 : rnd.nextDouble(0, 1);
      }
      return StepPoint.builder().put("b0", rnd.nextDouble(0.2, 3)).put("a", a).put("th", th).build();
    };
    out.add(SampledStep.inequality("ewn/lemma-5#step-1", loc("App. I, proof of Lemma 5", "2097-2100"),
            "b is increasing and b_{k+1}^2 <= b_k^2 + (a_k/b_k)^2 give b_k <= sqrt(b_0^2 + sum_{j=0}^{k-1} (a_j/b_j)^2) <= "
                + "sqrt(b_0^2 + b_0^(-2) sum_{j=0}^{k-1} a_j^2)")
        .printed(p -> chain(lemma5(p), 1, 2), GE, p -> 0)
        .control("b_0^(-2) dropped in the last bound", p -> chain(lemma5(p), 1, 3), GE, p -> 0)
        .control("the middle bound with (a_j/b_j^2)^2", p -> lemma5(p)[4] - lemma5(p)[0], GE, p -> 0)
        .sampler(seq)
        .corner(StepPoint.builder().put("b0", 0.5).put("a", new double[] {1, 1}).put("th", new double[] {1, 1}).build())
        .corner(StepPoint.builder().put("b0", 1).put("a", new double[] {1}).put("th", new double[] {0}).build())
        .assumptions(EwnSampledSteps::lemma5Hyp)
        .fixed("b0", "th")
        .note("the sequence b: b_{k+1}^2 = b_k^2 + theta_k (a_k/b_k)^2, theta_k in [0, 1] (every increasing b meeting the "
            + "recursion bound); the OCR's condition 'b_{k+1} <= b_k + (f_k)^2' is read as ewn.md 5 #29 (M-H); the display "
            + "checked is the last chain, b_K against both bounds (min of the two slacks)")
        .build());
    out.add(SampledStep.hence("ewn/lemma-5#step-2", loc("App. I, proof of Lemma 5, 'Using this, we can say'", "2101-2107"),
            "sum_{j=0}^k a_j/b_j >= sum_{j=0}^k a_j/sqrt(b_0^2 + b_0^(-2) sum_{l=0}^{j-1} a_l^2) >= sum_{j=0}^k a_j/sqrt(b_0^2 + "
                + "b_0^(-2) sum_{l=0}^{k-1} a_l^2)")
        .printed(p -> sums5(p, 0), GE, p -> 0)
        .control("the chain reversed", p -> sums5(p, 1), GE, p -> 0)
        .control("b_0 in place of b_0^2 in the middle bound", p -> sums5(p, 2), GE, p -> 0)
        .sampler(seq)
        .corner(StepPoint.builder().put("b0", 2).put("a", new double[] {1, 1}).put("th", new double[] {1, 1}).build())
        .corner(StepPoint.builder().put("b0", 0.5).put("a", new double[] {1}).put("th", new double[] {0}).build())
        .assumptions(EwnSampledSteps::lemma5Hyp)
        .fixed("b0", "th")
        .note("b as in ewn/lemma-5#step-1; the chain is checked as one number, min(S_1 - S_2, S_2 - S_3) >= 0 (k = the last index)")
        .build());
    // Lemma 6: c - eps <= a_k/b_k <= c + eps gives b_k (c - eps - 1) <= a_k - b_k <= b_k (c + eps - 1)
    SampledStep.Sampler ab = rnd -> {
      double c = rnd.nextDouble(1.01, 4);
      double ep = (c - 1) * rnd.nextDouble(0.01, 0.99);
      double b = rnd.nextDouble(0.01, 5);
      return StepPoint.builder().put("c", c).put("ep", ep).put("b", b).put("a", b * rnd.nextDouble(c - ep, c + ep)).build();
    };
    out.add(SampledStep.hence("ewn/lemma-6#step-1", loc("App. I, proof of Lemma 6", "2148-2152"),
            "c - eps <= a_k/b_k <= c + eps, hence b_k (c - eps - 1) <= a_k - b_k <= b_k (c + eps - 1)")
        .printed(p -> Math.min(p.get("a") - p.get("b") - p.get("b") * (p.get("c") - p.get("ep") - 1),
            p.get("b") * (p.get("c") + p.get("ep") - 1) - (p.get("a") - p.get("b"))), GE, p -> 0)
        .control("without the -1 (b_k (c - eps) <= a_k - b_k <= b_k (c + eps))",
            p -> Math.min(p.get("a") - p.get("b") - p.get("b") * (p.get("c") - p.get("ep")),
                p.get("b") * (p.get("c") + p.get("ep")) - (p.get("a") - p.get("b"))), GE, p -> 0)
        .sampler(ab)
        .corner(StepPoint.builder().put("c", 2).put("ep", 0.5).put("b", 1).put("a", 1.5).build())
        .corner(StepPoint.builder().put("c", 2).put("ep", 0.5).put("b", 1).put("a", 2.5).build())
        .assumptions(p -> need(p.get("c") > 1 && p.get("ep") > 0 && p.get("c") - p.get("ep") > 1 && p.get("b") > 0
            && p.get("a") >= p.get("b") * (p.get("c") - p.get("ep")) * (1 - 1e-15)
            && p.get("a") <= p.get("b") * (p.get("c") + p.get("ep")) * (1 + 1e-15), "c - eps > 1, b_k > 0, a_k/b_k in [c - eps, c + eps]"))
        .fixed("c", "ep")
        .build());
    return out;
  }

  private static Optional<String> lemma5Hyp(StepPoint p) {
    return need(p.get("b0") > 0 && java.util.Arrays.stream(p.vec("a")).allMatch(x -> x > 0)
        && java.util.Arrays.stream(p.vec("th")).allMatch(x -> x >= 0 && x <= 1), "b_0 > 0, a_k > 0, 0 <= theta_k <= 1");
  }

  /** alpha(t+1) of (11) at ||v|| free. */
  private static double alphaNext(StepPoint p) {
    double[] v = p.vec("v");
    return p.get("alpha") - p.get("eta") * Math.exp(p.get("alpha")) * Vectors.dot(v, p.vec("G")) / Vectors.norm(v);
  }

  /** {b_K, the middle bound, the last bound, the last without b_0^-2, the middle with (a_j/b_j^2)^2} of Lemma 5's chain. */
  private static double[] lemma5(StepPoint p) {
    double[] a = p.vec("a");
    double[] th = p.vec("th");
    double b0 = p.get("b0");
    double b = b0;
    double mid = b0 * b0;
    double mid2 = b0 * b0;
    double sa = 0;
    for (int j = 0; j < a.length; j++) {
      mid += Math.pow(a[j] / b, 2);
      mid2 += Math.pow(a[j] / (b * b), 2);
      sa += a[j] * a[j];
      b = Math.sqrt(b * b + th[j] * Math.pow(a[j] / b, 2));
    }
    return new double[] {b, Math.sqrt(mid), Math.sqrt(b0 * b0 + sa / (b0 * b0)), Math.sqrt(b0 * b0 + sa), Math.sqrt(mid2)};
  }

  /** Lemma 5's chain S_1 >= S_2 >= S_3 as min(S_1 - S_2, S_2 - S_3); mode 1 reversed, mode 2 with b_0 for b_0^2 in S_2. */
  private static double sums5(StepPoint p, int mode) {
    double[] a = p.vec("a");
    double[] th = p.vec("th");
    double b0 = p.get("b0");
    double b = b0;
    double s1 = 0;
    double s2 = 0;
    double sq = 0;
    double sqAll = 0;
    for (int j = 0; j < a.length - 1; j++) {
      sqAll += a[j] * a[j];
    }
    double s3 = 0;
    for (int j = 0; j < a.length; j++) {
      s1 += a[j] / b;
      s2 += a[j] / Math.sqrt((mode == 2 ? b0 : b0 * b0) + sq / (b0 * b0));
      s3 += a[j] / Math.sqrt(b0 * b0 + sqAll / (b0 * b0));
      sq += a[j] * a[j];
      b = Math.sqrt(b * b + th[j] * Math.pow(a[j] / b, 2));
    }
    double scale = Math.max(1, s1);
    return mode == 1 ? Math.min(s2 - s1, s3 - s2) / scale : Math.min(s1 - s2, s2 - s3) / scale;
  }

  /** The chain b_K <= m <= l as one number: min(m - b_K, l - m). */
  private static double chain(double[] v, int mid, int last) {
    return Math.min(v[mid] - v[0], v[last] - v[mid]);
  }
}
