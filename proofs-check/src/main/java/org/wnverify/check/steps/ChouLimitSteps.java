package org.wnverify.check.steps;

import static org.wnverify.check.steps.ChouSampledSteps.loc;
import static org.wnverify.check.steps.ChouSampledSteps.matrix;
import static org.wnverify.check.steps.SampledStep.Relation.GE;
import static org.wnverify.check.steps.SampledStep.Relation.LE;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The displayed inequalities and "hence" steps of the proofs of Lemma 3.11 (uniqueness) and of
 * Theorem 2.2 (Chou, Rauhut, Ward, 000_5b7b2fae69929679.txt), checked on sampled numbers by
 * {@link SampledStep}. Lemma 3.11's steps are entrywise, so a state is one entry pair
 * (x~(1), x~(2)) > 0 with its depth L; Theorem 2.2's are about gamma of (42) and a limit
 * x~_inf in S+ = {z >= 0 : A z = b}.
 */
final class ChouLimitSteps {
  private ChouLimitSteps() {}

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.addAll(lemma311());
    s.addAll(theorem22());
    s.add(lemma319());
    return s;
  }

  // --- Lemma 3.11 ------------------------------------------------------------------------------

  private static StepPoint pair(double x1, double x2, int depth) {
    return StepPoint.builder().put("x1", x1).put("x2", x2).put("L", depth).build();
  }

  /** Entry pairs: equal, one tiny, far apart, near each other; depth L in 2..6. */
  private static StepPoint drawPair(SplittableRandom rnd) {
    double x1 = Math.exp(rnd.nextDouble(-6, 3));
    double x2 = switch (rnd.nextInt(3)) {
      case 0 -> x1 * (1 + rnd.nextDouble(-1e-3, 1e-3));
      case 1 -> Math.exp(rnd.nextDouble(-6, 3));
      default -> x1 * rnd.nextDouble(0.2, 5);
    };
    return pair(x1, x2, 2 + rnd.nextInt(5));
  }

  private static List<StepPoint> pairCorners() {
    return List.of(pair(1, 1, 3), pair(1, 2, 3), pair(2, 1, 4), pair(1e-3, 1, 3), pair(1, 1e-3, 5), pair(4, 1, 6), pair(1, 9, 3));
  }

  private static Optional<String> positive(StepPoint p) {
    return p.get("x1") > 0 && p.get("x2") > 0 ? Optional.empty() : Optional.of("x~(1), x~(2) > 0");
  }

  private static Optional<String> deepPositive(StepPoint p) {
    return p.integer("L") > 2 ? positive(p) : Optional.of("L > 2");
  }

  private static double xi2(StepPoint p) {
    double a = p.get("x1");
    double b = p.get("x2");
    return (a - b) * (Math.log(a) - Math.log(b));
  }

  private static double delta(StepPoint p) {
    return Math.abs(p.get("x1") - p.get("x2"));
  }

  /** xi for L > 2: [x1 - x2] [x2^(2/L - 1) - x1^(2/L - 1)]. */
  private static double xiL(StepPoint p) {
    double e = 2.0 / p.get("L") - 1;
    return (p.get("x1") - p.get("x2")) * (Math.pow(p.get("x2"), e) - Math.pow(p.get("x1"), e));
  }

  /** |x1^(1-2/L) - x2^(1-2/L)|, the delta of the fact once a, b are substituted. */
  private static double dpow(StepPoint p) {
    double e = 1 - 2.0 / p.get("L");
    return Math.abs(Math.pow(p.get("x1"), e) - Math.pow(p.get("x2"), e));
  }

  private static double bInv(StepPoint p) {
    return Math.pow(Math.min(p.get("x1"), p.get("x2")), 2.0 / p.get("L") - 1);
  }

  private static List<SampledStep> lemma311() {
    List<SampledStep> out = new ArrayList<>();
    String l2 = "proof of Lemma 3.11, case L = 2";
    String l3 = "proof of Lemma 3.11, case L > 2";
    out.add(SampledStep.inequality("chou/lemma-3.11#step-1", loc(l2, "1528-1530"),
            "due to the monotonicity of log, (a - b)(log(a) - log(b)) >= 0, and consequently "
                + "xi(t) := [x~(1)(t) - x~(2)(t)] .* [log(x~(1)(t)) - log(x~(2)(t))] >= 0")
        .printed(ChouLimitSteps::xi2, GE, p -> 0)
        .flippedControl()
        .control("(a - b)(log(a) + log(b)) in place of (a - b)(log(a) - log(b))",
            p -> (p.get("x1") - p.get("x2")) * (Math.log(p.get("x1")) + Math.log(p.get("x2"))), GE, p -> 0)
        .sampler(ChouLimitSteps::drawPair).corners(pairCorners()).assumptions(ChouLimitSteps::positive).fixed("L")
        .build());
    out.add(SampledStep.inequality("chou/lemma-3.11#eq-45", loc(l2 + ", eq. (45)", "1534-1540"),
            "Delta := |x~(1) - x~(2)|, xi = Delta .* log(1 + Delta .* min(x~(1), x~(2))^(-1)) >= Delta .* log(1 + Delta .* (x~(1))^(-1))")
        .printed(ChouLimitSteps::xi2, GE, p -> delta(p) * Math.log1p(delta(p) / p.get("x1")))
        .flippedControl()
        .control("2 Delta in place of Delta inside the log",
            ChouLimitSteps::xi2, GE, p -> delta(p) * Math.log1p(2 * delta(p) / p.get("x1")))
        .control("Delta^2 in place of Delta in front", ChouLimitSteps::xi2, GE,
            p -> delta(p) * delta(p) * Math.log1p(delta(p) / p.get("x1")))
        .sampler(ChouLimitSteps::drawPair).corners(pairCorners()).assumptions(ChouLimitSteps::positive).fixed("L")
        .note("the left side is xi itself, (x~(1) - x~(2))(log x~(1) - log x~(2)), so the display's equality "
            + "xi = Delta log(1 + Delta/min) is checked with its inequality")
        .build());
    out.add(SampledStep.inequality("chou/lemma-3.11#step-2", loc(l3, "1560-1567"),
            "xi(t) := [x~(1)(t) - x~(2)(t)] .* [(x~(2))^(2/L-1)(t) - (x~(1))^(2/L-1)(t)] is non-negative")
        .printed(ChouLimitSteps::xiL, GE, p -> 0)
        .flippedControl()
        .control("exponent 1 - 2/L in place of 2/L - 1", p -> (p.get("x1") - p.get("x2"))
            * (Math.pow(p.get("x2"), 1 - 2 / p.get("L")) - Math.pow(p.get("x1"), 1 - 2 / p.get("L"))), GE, p -> 0)
        .sampler(ChouLimitSteps::drawPair).corners(pairCorners()).assumptions(ChouLimitSteps::deepPositive).fixed("L")
        .note("x -> x^(2/L-1) is decreasing for L > 2, so each entry of xi is >= 0")
        .build());
    out.add(SampledStep.inequality("chou/lemma-3.11#step-3", loc(l3 + ", the fact", "1568-1591"),
            "if a = b + delta with a, b, delta >= 0, then 1/b - 1/a >= {1/(2b) if delta >= b; delta/(2b^2) if delta <= b}, "
                + "and consequently 1/b - 1/a >= 1/(2b^2) min(b, delta)")
        .printed(p -> 1 / p.get("b") - 1 / (p.get("b") + p.get("delta")), GE,
            p -> Math.min(p.get("b"), p.get("delta")) / (2 * p.get("b") * p.get("b")))
        .flippedControl()
        .control("1/b^2 in place of 1/(2b^2)", p -> 1 / p.get("b") - 1 / (p.get("b") + p.get("delta")), GE,
            p -> Math.min(p.get("b"), p.get("delta")) / (p.get("b") * p.get("b")))
        .control("max(b, delta) in place of min(b, delta)", p -> 1 / p.get("b") - 1 / (p.get("b") + p.get("delta")), GE,
            p -> Math.max(p.get("b"), p.get("delta")) / (2 * p.get("b") * p.get("b")))
        .sampler(rnd -> StepPoint.builder().put("b", Math.exp(rnd.nextDouble(-4, 3)))
            .put("delta", rnd.nextInt(4) == 0 ? 0 : Math.exp(rnd.nextDouble(-5, 4))).build())
        .corner(StepPoint.builder().put("b", 1).put("delta", 1).build())
        .corner(StepPoint.builder().put("b", 2).put("delta", 0).build())
        .corner(StepPoint.builder().put("b", 0.5).put("delta", 1e-6).build())
        .corner(StepPoint.builder().put("b", 1).put("delta", 1e6).build())
        .assumptions(p -> p.get("b") > 0 && p.get("delta") >= 0 ? Optional.empty() : Optional.of("b > 0, delta >= 0"))
        .note("b > 0: the fact divides by b (b = min(x~(1), x~(2))^(1 - 2/L) > 0 where it is used); the case split is "
            + "the consequence's min(b, delta) on each side of delta = b, both checked by the same points")
        .build());
    out.add(SampledStep.inequality("chou/lemma-3.11#step-4", loc(l3, "1596-1612"),
            "with a = max(x~(1), x~(2))^(1-2/L), b = min(x~(1), x~(2))^(1-2/L): xi = |x~(1) - x~(2)| .* [b^(-1) - a^(-1)] "
                + ">= 1/2 |x~(1) - x~(2)| .* min(b^(-1), |(x~(1))^(1-2/L) - (x~(2))^(1-2/L)| .* b^(-2))")
        .printed(ChouLimitSteps::xiL, GE, p -> 0.5 * delta(p) * Math.min(bInv(p), dpow(p) * bInv(p) * bInv(p)))
        .flippedControl()
        .control("1/2 dropped", ChouLimitSteps::xiL, GE, p -> delta(p) * Math.min(bInv(p), dpow(p) * bInv(p) * bInv(p)))
        .control("b^(-1) in place of b^(-2) in the second entry", ChouLimitSteps::xiL, GE,
            p -> 0.5 * delta(p) * Math.min(bInv(p), dpow(p) * bInv(p)))
        .sampler(ChouLimitSteps::drawPair).corners(pairCorners()).assumptions(ChouLimitSteps::deepPositive).fixed("L")
        .note("xi is the proof's [x~(1) - x~(2)] .* [(x~(2))^(2/L-1) - (x~(1))^(2/L-1)]")
        .build());
    out.add(SampledStep.inequality("chou/lemma-3.11#step-5", loc(l3, "1615-1630"),
            ">= 1/2 |x~(1) - x~(2)| .* min((x~(1))^(2/L-1), |(x~(1))^(1-2/L) - (x~(2))^(1-2/L)| .* (x~(1))^(4/L-2))")
        .printed(p -> 0.5 * delta(p) * Math.min(bInv(p), dpow(p) * bInv(p) * bInv(p)), GE,
            p -> 0.5 * delta(p) * Math.min(Math.pow(p.get("x1"), 2 / p.get("L") - 1), dpow(p) * Math.pow(p.get("x1"), 4 / p.get("L") - 2)))
        .flippedControl()
        .control("(x~(1))^(1-2/L) in place of (x~(1))^(2/L-1)",
            p -> 0.5 * delta(p) * Math.min(bInv(p), dpow(p) * bInv(p) * bInv(p)), GE,
            p -> 0.5 * delta(p) * Math.min(Math.pow(p.get("x1"), 1 - 2 / p.get("L")), dpow(p) * Math.pow(p.get("x1"), 4 / p.get("L") - 2)))
        .sampler(ChouLimitSteps::drawPair).corners(pairCorners()).assumptions(ChouLimitSteps::deepPositive).fixed("L")
        .note("min(x~(1), x~(2)) <= x~(1) and the exponents 2/L - 1, 4/L - 2 are negative for L > 2")
        .build());
    return out;
  }

  // --- Theorem 2.2 -----------------------------------------------------------------------------

  /** gamma(r0, r) = (r/r0) exp((r0^2 - r^2)/(2 eta~)), (42). */
  static double gamma(double r0, double r, double eta) {
    return r / r0 * Math.exp((r0 * r0 - r * r) / (2 * eta));
  }

  /** A limit x~_inf = z >= 0 and b = A z (so z is in S+), with depth L >= 2 and r0. */
  private static StepPoint drawLimit(SplittableRandom rnd) {
    int m = 1 + rnd.nextInt(3);
    int n = m + rnd.nextInt(3);
    double[] z = new double[n];
    for (int i = 0; i < n; i++) {
      z[i] = rnd.nextInt(3) == 0 ? 0 : Math.abs(ChouSampledSteps.gauss(rnd));
    }
    double[][] a = matrix(rnd, m, n);
    int depth = 2 + rnd.nextInt(4);
    StepPoint base = StepPoint.builder().put("M", m).put("N", n).put("L", depth).put("A", a).put("z", z).build();
    double cap = Math.pow(minNorm(base), 1.0 / depth);
    return base.toBuilder().put("r0", cap * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.05, 1))).build();
  }

  private static double[] b(StepPoint p) {
    return Vectors.multiply(p.mat("A", p.integer("M"), p.integer("N")), p.vec("z"));
  }

  /** ||A^+ b||_2. */
  private static double minNorm(StepPoint p) {
    return PseudoInverse.minNormSolutionNorm(p.mat("A", p.integer("M"), p.integer("N")), b(p));
  }

  private static double pnorm(double[] z, double q) {
    double s = 0;
    for (double v : z) {
      s += Math.pow(Math.abs(v), q);
    }
    return Math.pow(s, 1 / q);
  }

  private static Optional<String> inSPlus(StepPoint p) {
    for (double v : p.vec("z")) {
      if (!(v >= 0)) {
        return Optional.of("x~_inf >= 0");
      }
    }
    return p.integer("L") >= 2 ? Optional.empty() : Optional.of("L >= 2");
  }

  private static List<StepPoint> limitCorners() {
    List<StepPoint> c = new ArrayList<>();
    // z = A^+ b itself (z >= 0 in the row space), and a z with a kernel component, L = 2 and 4.
    c.add(StepPoint.builder().put("M", 1).put("N", 2).put("L", 2).put("A", new double[][] {{1, 1}}).put("z", new double[] {1, 1})
        .put("r0", Math.pow(Math.sqrt(2), 0.5)).build());
    c.add(StepPoint.builder().put("M", 1).put("N", 2).put("L", 4).put("A", new double[][] {{1, 1}}).put("z", new double[] {2, 0})
        .put("r0", 0.5).build());
    c.add(StepPoint.builder().put("M", 2).put("N", 3).put("L", 3).put("A", new double[][] {{1, 0, 1}, {0, 1, 0}})
        .put("z", new double[] {0, 1, 0}).put("r0", 1).build());
    return c;
  }

  private static List<SampledStep> theorem22() {
    List<SampledStep> out = new ArrayList<>();
    String pr = "proof of Theorem 2.2";
    out.add(SampledStep.hence("chou/theorem-2.2#step-1", loc(pr, "1676-1708"),
            "d_r gamma(r0, r) = (1/r0)(1 - r^2/eta~) exp((r0^2 - r^2)/(2 eta~)). This implies that as long as eta~ <= r0^2, we have "
                + "gamma(r0, r_inf) = gamma(r0, r0) + int_{r0}^{r_inf} d_r gamma(r0, r) dr <= gamma(r0, r0) = 1")
        .printed(p -> gamma(p.get("r0"), p.get("rinf"), p.get("eta")), LE, p -> 1)
        .flippedControl()
        .control("exp((r^2 - r0^2)/(2 eta~)) in gamma (sign of the exponent flipped)",
            p -> gamma(p.get("r0"), p.get("rinf"), -p.get("eta")), LE, p -> 1)
        .sampler(rnd -> {
          double r0 = rnd.nextDouble(0.05, 3);
          double eta = r0 * r0 * (rnd.nextBoolean() ? 1 : rnd.nextDouble(0.01, 1));
          return StepPoint.builder().put("r0", r0).put("eta", eta)
              .put("rinf", r0 * (rnd.nextBoolean() ? rnd.nextDouble(1, 1.1) : rnd.nextDouble(1, 10))).build();
        })
        .corner(StepPoint.builder().put("r0", 1).put("eta", 1).put("rinf", 1).build())
        .corner(StepPoint.builder().put("r0", 1).put("eta", 1).put("rinf", 1.01).build())
        .corner(StepPoint.builder().put("r0", 2).put("eta", 0.5).put("rinf", 5).build())
        .assumptions(p -> p.get("r0") > 0 && p.get("eta") > 0 && p.get("eta") <= p.get("r0") * p.get("r0")
            && p.get("rinf") >= p.get("r0") ? Optional.empty() : Optional.of("0 < eta~ <= r0^2, r_inf >= r0"))
        .note("holds as printed on the proof's range eta~ <= r0^2 (with r_inf >= r0, proved at its end): d_r gamma <= 0 for r >= r0 >= eta~^(1/2)")
        .note("affects the statement: Theorem 2.2 assumes r0 <= eta~^(1/2), i.e. eta~ >= r0^2, the opposite range except at "
            + "eta~ = r0^2; there gamma(r0, r) > 1 just above r0 and rho >= 1 fails (chou/theorem-2.2#rho-at-least-1, a statement finding)")
        .build());
    out.add(SampledStep.inequality("chou/theorem-2.2#step-2", loc(pr, "1710-1716"),
            "By assumption A x~_inf = b and hence ||x~_inf||_2 >= ||A^+ b||_2. Consequently r_inf = ||x~_inf^(1/L)||_2 = "
                + "||x~_inf||_(2/L)^(1/L) >= ||x~_inf||_2^(1/L) >= ||A^+ b||_2^(1/L)")
        .printed(p -> Vectors.norm(ChouSampledSteps.pow(p.vec("z"), 1.0 / p.get("L"))), GE, p -> Math.pow(minNorm(p), 1 / p.get("L")))
        .flippedControl()
        .control("||A^+ b||_2^(2/L) in place of ||A^+ b||_2^(1/L)",
            p -> Vectors.norm(ChouSampledSteps.pow(p.vec("z"), 1.0 / p.get("L"))), GE, p -> Math.pow(minNorm(p), 2 / p.get("L")))
        .control("||x~_inf||_(2/L)^(1/L) read as ||x~_inf||_(2L)^(1/L)", p -> Math.pow(pnorm(p.vec("z"), 2 * p.get("L")), 1 / p.get("L")),
            GE, p -> Math.pow(minNorm(p), 1 / p.get("L")))
        .sampler(ChouLimitSteps::drawLimit).corners(limitCorners()).assumptions(ChouLimitSteps::inSPlus).fixed("M", "N", "L")
        .note("x~_inf in S+ (Theorem 2.2 part 1): a sampled z >= 0 with b := A z; the equality r_inf = ||x~_inf^(1/L)||_2 "
            + "= ||x~_inf||_(2/L)^(1/L) is the definition of the (2/L)-quasi-norm and enters the left side as such")
        .build());
    out.add(SampledStep.hence("chou/theorem-2.2#step-3", loc(pr, "1718"),
            "This also proves that r_inf >= r0 (with r0 <= ||A^+ b||_2^(1/L) of Theorem 2.2)")
        .printed(p -> Vectors.norm(ChouSampledSteps.pow(p.vec("z"), 1.0 / p.get("L"))), GE, p -> p.get("r0"))
        .flippedControl()
        .control("r_inf >= 2 r0", p -> Vectors.norm(ChouSampledSteps.pow(p.vec("z"), 1.0 / p.get("L"))), GE, p -> 2 * p.get("r0"))
        .sampler(ChouLimitSteps::drawLimit).corners(limitCorners())
        .assumptions(p -> p.get("r0") > 0 && p.get("r0") <= Math.pow(minNorm(p), 1 / p.get("L")) * (1 + 1e-12) ? inSPlus(p)
            : Optional.of("0 < r0 <= ||A^+ b||^(1/L)"))
        .fixed("M", "N", "L")
        .build());
    return out;
  }


  // --- Lemma 3.19 ------------------------------------------------------------------------------

  /** F of (53): 1/2 <x log x - x, 1> (L = 2), L/(2(2 - L)) <x^(2/L), 1> (L > 2); 0 log 0 = 0. */
  static double bregmanF(double[] x, int depth) {
    double s = 0;
    for (double v : x) {
      s += depth == 2 ? (v == 0 ? 0 : v * Math.log(v)) - v : Math.pow(v, 2.0 / depth);
    }
    return depth == 2 ? s / 2 : depth / (2.0 * (2 - depth)) * s;
  }

  /** grad F at q > 0: 1/2 log q (L = 2), 1/(2 - L) q^(2/L - 1) (L > 2). */
  private static double[] gradF(double[] q, int depth) {
    double[] g = new double[q.length];
    for (int i = 0; i < q.length; i++) {
      g[i] = depth == 2 ? Math.log(q[i]) / 2 : Math.pow(q[i], 2.0 / depth - 1) / (2 - depth);
    }
    return g;
  }

  /** D_F(p, q) of (51), with F scaled by {@code sign} (the control flips it). */
  static double bregman(StepPoint p, double sign) {
    double[] z = p.vec("z");
    double[] x = p.vec("x");
    int depth = p.integer("L");
    return sign * (bregmanF(z, depth) - bregmanF(x, depth) - Vectors.dot(gradF(x, depth), Vectors.subtract(z, x)));
  }

  private static SampledStep lemma319() {
    return SampledStep.inequality("chou/lemma-3.19#eq-54", loc("proof of Lemma 3.19, eq. (54), the first inequality", "2087-2109"),
            "D_F(z, x~0) >= -int_0^inf d_t D_F(z, x~(t)) dt = int_0^inf 2L ||x(t)||^2 L(x(t)) dt >= 2L eps int_0^inf ||x(t)||^2 dt")
        .printed(p -> bregman(p, 1), GE, p -> 0)
        .flippedControl()
        .control("F of (53) with the opposite sign (a concave F)", p -> bregman(p, -1), GE, p -> 0)
        .control("the <grad F(q), p - q> term dropped", p -> bregmanF(p.vec("z"), p.integer("L")) - bregmanF(p.vec("x"), p.integer("L")),
            GE, p -> 0)
        .sampler(rnd -> {
          int n = 1 + rnd.nextInt(4);
          double[] z = new double[n];
          double[] x = new double[n];
          for (int i = 0; i < n; i++) {
            z[i] = rnd.nextInt(3) == 0 ? 0 : Math.exp(rnd.nextDouble(-4, 2));
            x[i] = rnd.nextBoolean() && z[i] > 0 ? z[i] * rnd.nextDouble(0.9, 1.1) : Math.exp(rnd.nextDouble(-4, 2));
          }
          return StepPoint.builder().put("L", 2 + rnd.nextInt(4)).put("z", z).put("x", x).build();
        })
        .corner(StepPoint.builder().put("L", 2).put("z", new double[] {1, 0}).put("x", new double[] {1, 1}).build())
        .corner(StepPoint.builder().put("L", 3).put("z", new double[] {2, 0.5}).put("x", new double[] {2, 0.5}).build())
        .corner(StepPoint.builder().put("L", 4).put("z", new double[] {0, 3}).put("x", new double[] {1, 1}).build())
        .assumptions(p -> {
          for (double v : p.vec("z")) {
            if (!(v >= 0)) {
              return Optional.of("z >= 0 (z in S+)");
            }
          }
          for (double v : p.vec("x")) {
            if (!(v > 0)) {
              return Optional.of("x~(T) > 0 (Lemma 3.3)");
            }
          }
          return p.integer("L") >= 2 && p.vec("z").length == p.vec("x").length ? Optional.empty() : Optional.of("L >= 2");
        })
        .fixed("L")
        .note("the first inequality of (54) is D_F(z, x~0) >= D_F(z, x~0) - D_F(z, x~(T)) = -int_0^T d_t D_F for every T, i.e. "
            + "D_F(z, x~(T)) >= 0 (Lemma 3.17), checked here at sampled z >= 0 and x~(T) > 0 with F of (53); the equality is (52) "
            + "integrated (chou/lemma-3.18) and the last inequality is L(x(t)) >= eps")
        .build();
  }
}
