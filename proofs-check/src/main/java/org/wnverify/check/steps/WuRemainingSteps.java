package org.wnverify.check.steps;

import static org.wnverify.check.steps.ChouSampledSteps.gaussian;
import static org.wnverify.check.steps.ChouSampledSteps.normSq;
import static org.wnverify.check.steps.ChouSampledSteps.rowSpace;
import static org.wnverify.check.steps.ChouSampledSteps.unit;
import static org.wnverify.check.steps.SampledStep.Relation.EQ;
import static org.wnverify.check.steps.SampledStep.Relation.LE;
import static org.wnverify.check.steps.WuSampledSteps.a;
import static org.wnverify.check.steps.WuSampledSteps.atr;
import static org.wnverify.check.steps.WuSampledSteps.draw;
import static org.wnverify.check.steps.WuSampledSteps.fullRank;
import static org.wnverify.check.steps.WuSampledSteps.lambdaMax;
import static org.wnverify.check.steps.WuSampledSteps.lambdaMin;
import static org.wnverify.check.steps.WuSampledSteps.loc;
import static org.wnverify.check.steps.WuSampledSteps.r;
import static org.wnverify.check.steps.WuSampledSteps.w;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;

/**
 * The displays of Wu et al., Appendix C (001_b498c678a289d7b1.txt) that were the last without a
 * check (issue 20): the two cases of Lemma 2.3, the limits and the characterisation of the limit
 * in the proof of Theorem 2.6, and the two equivalences before (14) in Lemma C.1. Limits are
 * checked in their quantitative form (the bound that makes them true) on sampled states, by
 * {@link SampledStep}; the sphere-constrained minimiser of Part II is computed exactly (the
 * secular equation of the trust-region problem in the n x n space of AA^T, solved by bisection).
 */
final class WuRemainingSteps {
  private WuRemainingSteps() {}

  /**
   * A premise that holds with equality (r^T A w = 0, w in the row space) counts as met below this
   * multiple of its scale: the states are built to meet it exactly, up to rounding of O(1) doubles
   * (1e-16), and a shrunk candidate that leaves it by more is a different state.
   */
  static final double PREMISE_REL = 1e-12;
  /**
   * Bisection steps on the secular equation: each halves a bracket of width 1 + ||c|| (O(10) here), so
   * about 60 reach adjacent doubles, where the loop stops; 200 is a bound that is never reached.
   */
  static final int BISECTION_STEPS = 200;

  static List<SampledStep> steps() {
    List<SampledStep> s = new ArrayList<>();
    s.add(lemma23Nonzero());
    s.add(lemma23Zero());
    s.add(smallG());
    s.add(fromTen());
    s.add(partIISign(false));
    s.add(partIISign(true));
    s.add(ridge());
    s.add(rowSpacePrinted());
    s.add(stationaryBound("wu/theorem-2.6#step-9-corrected", loc("Appendix C.4.3, w_0 in the row space (premise corrected)", "520"),
        "w_t -> w with r^T A w = 0 and P_{w perp} A^T r = 0 (w is stationary for the flow); since ||w|| = 1 and A has full row "
            + "rank, r = 0", true));
    s.add(lemmaC1(false));
    s.add(lemmaC1(true));
    return s;
  }

  /** ||P_{w perp} A^T r||^2 = ||A^T r||^2 - (w^T A^T r)^2 for a unit w. */
  private static double tangential(StepPoint p) {
    double wv = Vectors.dot(w(p), atr(p));
    return normSq(atr(p)) - wv * wv;
  }

  private static double radial(StepPoint p) {
    double wv = Vectors.dot(w(p), atr(p));
    return wv * wv;
  }

  /** A state whose A^T r is parallel to w, g != 0: the first equation is what forces r = 0 there. */
  private static StepPoint parallelCorner() {
    double[][] a = {{1, 0, 1}, {0, 2, 0}};
    return StepPoint.builder().put("n", 2).put("d", 3).put("A", a).put("y", new double[] {1 + Math.sqrt(2), 0})
        .put("w", unit(new double[] {1, 0, 1})).put("g", 1).put("c", 1).build();
  }

  /**
   * "adding up" the two stationarity equations: (w^T A^T r)^2 + ||P_{w perp} A^T r||^2 = ||A^T r||^2
   * >= lambda_min(AA^T) ||r||^2, so both zero forces r = 0: checked as the inequality.
   */
  private static SampledStep stationaryBound(String id, String location, String display, boolean rowSpaceW) {
    ToDoubleFunction<StepPoint> lhs = p -> lambdaMin(p) * normSq(r(p));
    return SampledStep.hence(id, location, display)
        .printed(lhs, LE, p -> radial(p) + tangential(p))
        .flippedControl()
        .control("lambda_max(AA^T) in place of lambda_min", p -> lambdaMax(p) * normSq(r(p)), LE, p -> radial(p) + tangential(p))
        .control("the first equation not added (||P_{w perp} A^T r|| = 0 alone)", lhs, LE, WuRemainingSteps::tangential)
        .sampler(rnd -> {
          StepPoint q = draw(rnd).build();
          return rowSpaceW ? q.toBuilder().put("w", unit(rowSpace(a(q), q.vec("w")))).build() : q;
        })
        .corner(parallelCorner())
        .corner(parallelCorner().toBuilder().put("g", -0.5).put("y", new double[] {1 - 0.5 * Math.sqrt(2), 0}).build())
        .assumptions(p -> {
          if (p.get("g") == 0) {
            return Optional.of("g != 0 (the case of the display)");
          }
          if (rowSpaceW && Vectors.norm(Vectors.subtract(w(p), rowSpace(a(p), w(p)))) > PREMISE_REL) {
            return Optional.of("w in the row space R of A");
          }
          return fullRank(p);
        })
        .fixed("n", "d")
        .note("the conclusion in quantitative form: lambda_min(AA^T) ||r||^2 <= ||A^T r||^2 = (w^T A^T r)^2 + "
            + "||P_{w perp} A^T r||^2 for a unit w, so the two equations (each 0) give r = 0 when A has full row rank")
        .build();
  }

  private static SampledStep lemma23Nonzero() {
    return stationaryBound("wu/lemma-2.3#step-2", loc("Appendix C.1, proof of Lemma 2.3, case g != 0", "426"),
        "If g != 0, then we get P_{w perp} A^T r = 0. By adding this up with the first equation, we get A^T r = 0. Using that "
            + "the smallest eigenvalue of AA^T is nonzero, we conclude that r = 0", false);
  }

  /** At g = 0: ||r - y|| + |d_g h - y^T A w|, d_g h = w^T A^T r (or the control's g w^T A^T r). */
  private static double zeroCase(StepPoint p, boolean factorG, boolean dropG) {
    double[] r = dropG ? Vectors.subtract(p.vec("y"), Vectors.multiply(a(p), w(p))) : r(p);
    double dg = (factorG ? p.get("g") : 1) * Vectors.dot(w(p), atr(p));
    return Vectors.distance(r, p.vec("y")) + Math.abs(dg - Vectors.dot(p.vec("y"), Vectors.multiply(a(p), w(p))));
  }

  private static SampledStep lemma23Zero() {
    return SampledStep.hence("wu/lemma-2.3#step-3", loc("Appendix C.1, proof of Lemma 2.3, case g = 0", "428"),
            "Else, if g = 0, we see that r = y - Agw = y. Hence in this case, the stationary points belong to the set "
                + "S := {(g, w) : g = 0, y^T A w = 0}")
        .printed(p -> zeroCase(p, false, false), EQ, p -> 0)
        .control("r = y - A w (the g of r = y - A g w dropped)", p -> zeroCase(p, false, true), EQ, p -> 0)
        .control("d_g h = g w^T A^T r (so that g = 0 is stationary for every w)", p -> zeroCase(p, true, false), EQ, p -> 0)
        .sampler(rnd -> draw(rnd).put("g", 0).build())
        .corner(parallelCorner().toBuilder().put("g", 0).build())
        .assumptions(p -> p.get("g") == 0 ? fullRank(p) : Optional.of("g = 0 (the case of the display)"))
        .fixed("n", "d", "g")
        .note("checked as: at g = 0, r = y and the first stationarity equation d_g h = w^T A^T r = 0 reads y^T A w = 0, the "
            + "condition defining S (the sign of d_g h is wu/lemma-2.3#step-1's finding and does not matter for '= 0')")
        .build();
  }

  private static double lossGap(StepPoint p) {
    return Math.abs(normSq(r(p)) - normSq(p.vec("y")));
  }

  private static double[] aty(StepPoint p) {
    double[][] a = a(p);
    double[] y = p.vec("y");
    double[] o = new double[p.integer("d")];
    for (int i = 0; i < a.length; i++) {
      for (int k = 0; k < o.length; k++) {
        o[k] += a[i][k] * y[i];
      }
    }
    return o;
  }

  private static SampledStep smallG() {
    double[][] a = {{1, 0, 0}, {0, 2, 0}};
    StepPoint base = StepPoint.builder().put("n", 2).put("d", 3).put("A", a).put("y", new double[] {0, 0})
        .put("w", new double[] {0, 1, 0}).put("g", 0.01).put("c", 1).build();
    return SampledStep.hence("wu/theorem-2.6#step-5", loc("Appendix C.4.1, proof of Theorem 2.6", "468-470"),
            "Hence, as g_t -> 0, we must have x_t -> 0. Since the loss is continuous, we also have ||r_t||^2 = "
                + "||y - A g_t w_t||^2 -> ||y||^2")
        .printed(WuRemainingSteps::lossGap, LE, p -> 2 * Math.abs(p.get("g")) * Vectors.norm(aty(p)) + p.get("g") * p.get("g") * lambdaMax(p))
        .flippedControl()
        .control("lambda_min(AA^T) in place of lambda_max", WuRemainingSteps::lossGap, LE,
            p -> 2 * Math.abs(p.get("g")) * Vectors.norm(aty(p)) + p.get("g") * p.get("g") * lambdaMin(p))
        .control("|g| ||A^T y|| in place of 2 |g| ||A^T y||", WuRemainingSteps::lossGap, LE,
            p -> Math.abs(p.get("g")) * Vectors.norm(aty(p)) + p.get("g") * p.get("g") * lambdaMax(p))
        .sampler(rnd -> {
          StepPoint q = draw(rnd).build();
          double g = Math.pow(10, -rnd.nextDouble(0, 8)) * (rnd.nextBoolean() ? 1 : -1);
          // half the draws put w along -A^T y, where the first-order term is largest
          double[] v = aty(q);
          return q.toBuilder().put("g", g).put("w", rnd.nextBoolean() && Vectors.norm(v) > 0 ? unit(Vectors.scale(-1, v)) : q.vec("w"))
              .build();
        })
        .corner(base)
        .corner(base.toBuilder().put("y", new double[] {1, 0}).put("w", new double[] {-1, 0, 0}).put("g", 0.001).build())
        .assumptions(WuSampledSteps::fullRank)
        .fixed("n", "d")
        .note("the limit in quantitative form: ||x_t|| = |g_t| (||w_t|| = 1) and | ||y - A g w||^2 - ||y||^2 | = | -2 g y^T A w + "
            + "g^2 ||A w||^2 | <= 2 |g| ||A^T y|| + g^2 lambda_max(AA^T), which tends to 0 with g_t; states with |g| down to 1e-8")
        .build();
  }

  /** d[1/2 ||r||^2]/dt of (10) (Lemma 2.4's last line). */
  private static double ten(StepPoint p) {
    return WuSampledSteps.dtHalfLoss(p);
  }

  private static SampledStep fromTen() {
    return SampledStep.hence("wu/theorem-2.6#step-6", loc("Appendix C.4.1, proof of Theorem 2.6", "474-478"),
            "From Equation (10), this implies that (r_t^T A w_t)^2 -> 0. Else, if this quantity is bounded away from zero, then "
                + "d[1/2||r_t||^2]/dt < -c' for some c' > 0")
        .printed(WuRemainingSteps::ten, LE, p -> -p.get("c") * radial(p))
        .flippedControl()
        .control("(c + g_t^2)(r_t^T A w_t)^2 in place of c (r_t^T A w_t)^2", WuRemainingSteps::ten, LE,
            p -> -(p.get("c") + p.get("g") * p.get("g")) * radial(p))
        .sampler(rnd -> draw(rnd).put("c", rnd.nextDouble(0.01, 3)).build())
        .corner(parallelCorner())
        .corner(parallelCorner().toBuilder().put("w", new double[] {0, 1, 0}).put("g", 2).build())
        .assumptions(p -> p.get("c") > 0 ? fullRank(p) : Optional.of("c > 0 (the rate of g in (5))"))
        .fixed("n", "d")
        .note("the step's content: (10) gives d[1/2 ||r_t||^2]/dt <= -c (r_t^T A w_t)^2 at every state (g_t^2 P_t is positive "
            + "semi-definite), so int_0^inf c (r_t^T A w_t)^2 dt <= ||r_0||^2/2 and the 'else' branch (c' = c times the bound) "
            + "would drive ||r_t||^2 below 0")
        .build();
  }

  // --- Part II: the sphere-constrained minimiser -----------------------------------------------

  /**
   * The minimiser of 1/2 ||A g w - y||^2 over ||w|| = 1 for 0 < g < g^*, its multiplier mu and its
   * A^T r, r = y - A g w. The minimiser is w = (H - mu I)^(-1) c with H = g^2 A^T A, c = g A^T y and
   * mu < lambda_min(H) the root of ||(H - mu I)^(-1) c|| = 1 (the easy case of the trust-region
   * problem, since c lies in the row space and ||H^+ c|| = g^* / g > 1).
   *
   * <p>Computed in the n x n space of AA^T, without an eigenbasis of H: (H - mu I) g A^T x = g A^T
   * (g^2 AA^T - mu I) x, so w(mu) = g A^T (g^2 AA^T - mu I)^(-1) y, and for mu < 0 the matrix g^2
   * AA^T - mu I is positive definite (A has full row rank). The root lies in (-(||c|| + 1), 0):
   * ||w(mu)|| <= ||c||/|mu| < 1 at the left end and ||w(0)|| = ||A^+ y||/g = g^* / g > 1 at the right
   * (Part II's 0 < g < g^*); it is bisected in doubles ({@link #shiftedSolution}) and polished by one
   * Newton step in {@link #EXACT} arithmetic, and w(mu) and A^T r are computed there from the exact
   * values of the doubles A, y, g, mu and rounded once. A^T r = -mu w/g is a difference of O(||y||)
   * terms that is O(|mu|/g), so a w rounded in a double solve (relative error cond(g^2 AA^T - mu I)
   * 1e-16) moves its direction by that error times g^2 lambda_max(AA^T)/|mu|, which reached 3.5e-10
   * at seed 2 (A of singular values 3.1 and 0.038, g = 9) against the 1e-9 tolerance; in 34 digits the
   * same amplification leaves 1e-25. w(mu) solves the Lagrange equation (H - mu I) w = c exactly for
   * the double mu it is computed at, and ||w(mu)|| = 1 to rounding.
   *
   * <p>Issue 21: an earlier version bisected the secular equation in the eigenbasis of the d x d matrix
   * H, whose eigenvalue 0 has multiplicity d - n; commons-math's EigenDecomposition returns
   * eigenvectors for a repeated eigenvalue that are far from orthonormal (V^T V - I of norm 6e7 at the
   * seed-11 point), so that minimiser missed the sphere's by 1e-8 .. 1e-7 and step-7-corrected and
   * step-8 failed by that much.
   */
  static SphereMinimiser sphereMinimiser(StepPoint p) {
    double[][] a = a(p);
    double[] y = p.vec("y");
    double g = p.get("g");
    double lo = -(g * Vectors.norm(aty(p)) + 1);
    double hi = 0;
    for (int it = 0; it < BISECTION_STEPS; it++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break; // the bracket is down to adjacent doubles
      }
      if (normSq(shiftedSolution(a, y, g, mid)) < 1) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    double mu = 0.5 * (lo + hi);
    // One Newton step on ||w(mu)||^2 = 1 in exact arithmetic: the doubles' test ||w(mid)||^2 < 1 is
    // itself off by the solve's rounding (||w|| - 1 was 6e-14 at seed 2); d||w||^2/dmu = 2 w^T dw/dmu,
    // dw/dmu = g A^T (g^2 AA^T - mu I)^(-2) y, and the function is increasing and convex in mu < 0.
    Exact e = new Exact(a, g);
    BigDecimal[] by = Exact.of(y);
    BigDecimal[] x = e.solve(mu, by);
    BigDecimal[] w = e.gAt(x);
    BigDecimal slope = Exact.dot(w, e.gAt(e.solve(mu, x))).multiply(BigDecimal.valueOf(2), EXACT);
    if (slope.signum() > 0) {
      double newton = new BigDecimal(mu).subtract(Exact.dot(w, w).subtract(BigDecimal.ONE, EXACT).divide(slope, EXACT), EXACT)
          .doubleValue();
      if (newton < 0 && newton > lo - (hi - lo)) {
        mu = newton;
        w = e.gAt(e.solve(mu, by));
      }
    }
    BigDecimal[] aw = e.a(w);
    BigDecimal[] r = new BigDecimal[by.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = by[i].subtract(e.g.multiply(aw[i], EXACT), EXACT);
    }
    return new SphereMinimiser(Exact.round(w), mu, Exact.round(e.at(r)));
  }

  /** The sphere minimiser w, its multiplier mu and A^T r at w (r = y - A g w), each rounded once from {@link #EXACT}. */
  record SphereMinimiser(double[] w, double mu, double[] atr) {}

  /**
   * Precision of w(mu) and A^T r at the minimiser: 34 digits (relative rounding 1e-34). The
   * direction of A^T r carries the solve's rounding amplified by cond(g^2 AA^T - mu I) g^2
   * lambda_max(AA^T)/|mu|: about 1e6 at the worst sampled states (3.5e-10 from doubles' 1e-16), and
   * even 1e20 would leave 1e-14, far below {@link SampledStep#REL_TOL}.
   */
  static final MathContext EXACT = MathContext.DECIMAL128;

  /** A and g as exact decimals, and the products and the solve the minimiser needs, in {@link #EXACT}. */
  private static final class Exact {
    final BigDecimal[][] a;
    final BigDecimal g;

    Exact(double[][] a, double g) {
      this.a = new BigDecimal[a.length][];
      for (int i = 0; i < a.length; i++) {
        this.a[i] = of(a[i]);
      }
      this.g = new BigDecimal(g);
    }

    static BigDecimal[] of(double[] v) {
      BigDecimal[] o = new BigDecimal[v.length];
      for (int i = 0; i < v.length; i++) {
        o[i] = new BigDecimal(v[i]);
      }
      return o;
    }

    static double[] round(BigDecimal[] v) {
      double[] o = new double[v.length];
      for (int i = 0; i < v.length; i++) {
        o[i] = v[i].doubleValue();
      }
      return o;
    }

    static BigDecimal dot(BigDecimal[] u, BigDecimal[] v) {
      BigDecimal s = BigDecimal.ZERO;
      for (int i = 0; i < u.length; i++) {
        s = s.add(u[i].multiply(v[i], EXACT), EXACT);
      }
      return s;
    }

    /** A w (n entries). */
    BigDecimal[] a(BigDecimal[] w) {
      BigDecimal[] o = new BigDecimal[a.length];
      for (int i = 0; i < a.length; i++) {
        o[i] = dot(a[i], w);
      }
      return o;
    }

    /** A^T x (d entries). */
    BigDecimal[] at(BigDecimal[] x) {
      BigDecimal[] o = new BigDecimal[a[0].length];
      java.util.Arrays.fill(o, BigDecimal.ZERO);
      for (int i = 0; i < a.length; i++) {
        for (int k = 0; k < o.length; k++) {
          o[k] = o[k].add(a[i][k].multiply(x[i], EXACT), EXACT);
        }
      }
      return o;
    }

    /** g A^T x. */
    BigDecimal[] gAt(BigDecimal[] x) {
      BigDecimal[] o = at(x);
      for (int k = 0; k < o.length; k++) {
        o[k] = g.multiply(o[k], EXACT);
      }
      return o;
    }

    /** (g^2 AA^T - mu I)^(-1) b by Gaussian elimination (positive definite for mu < 0, so without pivoting). */
    BigDecimal[] solve(double mu, BigDecimal[] b) {
      int n = a.length;
      BigDecimal g2 = g.multiply(g, EXACT);
      BigDecimal[][] m = new BigDecimal[n][n + 1];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          m[i][j] = g2.multiply(dot(a[i], a[j]), EXACT);
        }
        m[i][i] = m[i][i].subtract(new BigDecimal(mu), EXACT);
        m[i][n] = b[i];
      }
      for (int c = 0; c < n; c++) {
        for (int i = c + 1; i < n; i++) {
          BigDecimal f = m[i][c].divide(m[c][c], EXACT);
          for (int j = c; j <= n; j++) {
            m[i][j] = m[i][j].subtract(f.multiply(m[c][j], EXACT), EXACT);
          }
        }
      }
      BigDecimal[] x = new BigDecimal[n];
      for (int i = n - 1; i >= 0; i--) {
        BigDecimal s = m[i][n];
        for (int j = i + 1; j < n; j++) {
          s = s.subtract(m[i][j].multiply(x[j], EXACT), EXACT);
        }
        x[i] = s.divide(m[i][i], EXACT);
      }
      return x;
    }
  }

  /**
   * w(mu) = g A^T (g^2 AA^T - mu I)^(-1) y for mu < 0 in doubles, for the bisection on ||w(mu)|| = 1:
   * a Cholesky factorisation of the positive definite n x n matrix, written out because
   * commons-math's CholeskyDecomposition rejects pivots below an absolute 1e-10, which a mu near 0
   * with a small g^2 lambda_min(AA^T) can reach.
   */
  static double[] shiftedSolution(double[][] a, double[] y, double g, double mu) {
    int n = a.length;
    double[][] l = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j <= i; j++) {
        double s = g * g * Vectors.dot(a[i], a[j]) - (i == j ? mu : 0);
        for (int k = 0; k < j; k++) {
          s -= l[i][k] * l[j][k];
        }
        l[i][j] = i == j ? Math.sqrt(s) : s / l[j][j];
      }
    }
    double[] x = new double[n];
    for (int i = 0; i < n; i++) { // L z = y
      double s = y[i];
      for (int k = 0; k < i; k++) {
        s -= l[i][k] * x[k];
      }
      x[i] = s / l[i][i];
    }
    for (int i = n - 1; i >= 0; i--) { // L^T x = z
      double s = x[i];
      for (int k = i + 1; k < n; k++) {
        s -= l[k][i] * x[k];
      }
      x[i] = s / l[i][i];
    }
    double[] w = new double[a[0].length];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < w.length; k++) {
        w[k] += g * a[i][k] * x[i];
      }
    }
    return w;
  }

  /**
   * ||w - sign v/||v|| || at the minimiser w, v = A^T r (r = y - A g w, from {@link #sphereMinimiser}'s
   * exact arithmetic) or, for the control, A^T y.
   */
  private static double alignment(StepPoint p, double sign, boolean withR) {
    SphereMinimiser m = sphereMinimiser(p);
    double[] v = withR ? m.atr() : aty(p);
    return Vectors.distance(unit(m.w()), Vectors.scale(sign, unit(v)));
  }

  private static double gStar(StepPoint p) {
    return PseudoInverse.minNormSolutionNorm(a(p), p.vec("y"));
  }

  private static Optional<String> partII(StepPoint p) {
    return p.get("g") > 0 && p.get("g") < gStar(p) ? fullRank(p) : Optional.of("0 < g_0 < g^* = ||A^+ y|| (Part II)");
  }

  private static StepPoint drawPartII(SplittableRandom rnd) {
    StepPoint q = draw(rnd).put("c", 0).build();
    return q.toBuilder().put("g", gStar(q) * rnd.nextDouble(0.05, 0.95)).build();
  }

  private static StepPoint partIICorner() {
    double[][] a = {{1, 0, 0}, {0, 2, 0}};
    return StepPoint.builder().put("n", 2).put("d", 3).put("A", a).put("y", new double[] {2, 2}).put("w", new double[] {1, 0, 0})
        .put("g", 1).put("c", 0).build();
  }

  private static SampledStep partIISign(boolean corrected) {
    String id = corrected ? "wu/theorem-2.6#step-7-corrected" : "wu/theorem-2.6#step-7";
    String display = corrected
        ? "w = +-A^T r/||A^T r||; the solution with - maximizes the loss over ||w|| = 1, hence w = +A^T r/||A^T r|| (g_0 > 0)"
        : "It follows that w = +-A^T r/||A^T r||. Next we note that the solution with + actually maximizes the loss over ||w|| = 1. "
            + "Hence, the only possible solution is w = -A^T r/||A^T r||";
    double sign = corrected ? 1 : -1;
    SampledStep.Builder b = SampledStep.hence(id, loc("Appendix C.4.3, Part II (fixed g_t = g_0)" + (corrected ? " (sign corrected)" : ""),
            "502-504"), display)
        .printed(p -> alignment(p, sign, true), EQ, p -> 0)
        .control("w = " + (corrected ? "-" : "+") + "A^T y/||A^T y|| (y in place of r)", p -> alignment(p, -sign, false), EQ, p -> 0)
        .sampler(WuRemainingSteps::drawPartII)
        .corner(partIICorner())
        .assumptions(WuRemainingSteps::partII)
        .fixed("n", "d", "c")
        .note("w is the minimiser of 1/2 ||A g_0 w - y||^2 over ||w|| = 1, computed exactly (secular equation); the limit of the "
            + "flow w_t is it (the flow descends this loss on the sphere), r = y - A g_0 w as in Appendix C.1");
    if (corrected) {
      return b.control("the printed sign, w = -A^T r/||A^T r||", p -> alignment(p, -1, true), EQ, p -> 0)
          .note("the Lagrange condition of the minimiser is g A^T (A g w - y) = mu w with mu < lambda_min(g^2 A^T A) <= 0, i.e. "
              + "-g A^T r = mu w, so w = +A^T r/||A^T r|| for g_0 > 0 (and the maximiser, mu > lambda_max, has the - sign)")
          .build();
    }
    return b.control("w = +A^T r/||A^T r|| with ||w|| = 2 (the unit norm dropped)", p -> {
          SphereMinimiser m = sphereMinimiser(p);
          return Vectors.distance(Vectors.scale(2, unit(m.w())), unit(m.atr()));
        }, EQ, p -> 0)
        .note("FINDING (proof step): the signs are reversed: for g_0 > 0 the minimiser over ||w|| = 1 is w = +A^T r/||A^T r|| and "
            + "the - solution maximizes the loss (at the corner, A = [[1,0,0],[0,2,0]], y = (2, 2), g_0 = 1, the minimiser has "
            + "||w + A^T r/||A^T r|| || = 2); the corrected display is wu/theorem-2.6#step-7-corrected")
        .note("does not affect the statement: the next lines write w = -c^ A^T r as w = -c^ A^T (A g w - y), a second sign slip "
            + "(r = y - A g w) that cancels the first, so the characterisation w = (c^(-1) I + g A^T A)^(-1) A^T y is right "
            + "(wu/theorem-2.6#step-8)")
        .build();
  }

  /** The gradient of 1/2 ||A g w - y||^2 + (g/(2 c^)) ||w||^2 (scaled by {@code reg}) at the minimiser, c^ = -g/mu. */
  private static double ridgeGradient(StepPoint p, double reg, boolean withG) {
    SphereMinimiser m = sphereMinimiser(p);
    double g = p.get("g");
    double cHat = -g / m.mu();
    double[] grad = Vectors.subtract(Vectors.scale(reg * (withG ? g : 1) / cHat, m.w()), Vectors.scale(g, m.atr()));
    return Vectors.norm(grad);
  }

  private static SampledStep ridge() {
    return SampledStep.hence("wu/theorem-2.6#step-8", loc("Appendix C.4.3, Part II (fixed g_t = g_0)", "510-512"),
            "Namely, w is the unique vector, for which there is some regularization parameter c^ such that, w minimizes the "
                + "regularized least squares objective 1/2 ||A g w - y||^2 + g/(2 c^) ||w||^2 and ||w|| = 1")
        .printed(p -> ridgeGradient(p, 1, true), EQ, p -> 0)
        .control("g/c^ ||w||^2 in place of g/(2 c^) ||w||^2", p -> ridgeGradient(p, 2, true), EQ, p -> 0)
        .control("1/(2 c^) ||w||^2 (the factor g dropped)", p -> ridgeGradient(p, 1, false), EQ, p -> 0)
        .sampler(WuRemainingSteps::drawPartII)
        .corner(partIICorner())
        .assumptions(WuRemainingSteps::partII)
        .fixed("n", "d", "c")
        .note("at the sphere minimiser w with multiplier mu < 0, c^ := -g_0/mu > 0 makes the objective's gradient g A^T (A g w - y) "
            + "+ (g/c^) w vanish, and the objective is strictly convex, so w is its minimiser; the display before, w = (c^(-1) I + "
            + "g A^T A)^(-1) A^T y, is the same equation")
        .build();
  }

  private static SampledStep rowSpacePrinted() {
    double[][] a = {{1, 0, 0}, {0, 1, 0}};
    return SampledStep.hence("wu/theorem-2.6#step-9", loc("Appendix C.4.3, w_0 in the row space R of A", "520"),
            "Moreover, from a similar subsequence argument it also follows that w_t -> w such that r^T A w = 0. Since ||w|| = 1 "
                + "and A has full row rank, it follows that r = 0")
        .printed(p -> Vectors.norm(r(p)), EQ, p -> 0)
        .control("||r|| = ||y|| in place of r = 0", p -> Vectors.norm(r(p)), EQ, p -> Vectors.norm(p.vec("y")))
        .sampler(rnd -> {
          StepPoint q = draw(rnd).build();
          double[] w = unit(rowSpace(a(q), q.vec("w")));
          double[] aw = Vectors.multiply(a(q), w);
          double[] v = gaussian(rnd, q.integer("n"));
          double[] r = Vectors.subtract(v, Vectors.scale(Vectors.dot(v, aw) / normSq(aw), aw));
          return q.toBuilder().put("w", w).put("y", Vectors.subtract(r, Vectors.multiply(a(q), Vectors.scale(-q.get("g"), w)))).build();
        })
        .corner(StepPoint.builder().put("n", 2).put("d", 3).put("A", a).put("y", new double[] {1, 1}).put("w", new double[] {1, 0, 0})
            .put("g", 1).put("c", 1).build())
        .assumptions(p -> {
          double[] aw = Vectors.multiply(a(p), w(p));
          double rAw = Vectors.dot(r(p), aw);
          if (Math.abs(rAw) > PREMISE_REL * (1 + Vectors.norm(r(p)) * Vectors.norm(aw))) {
            return Optional.of("r^T A w = 0");
          }
          if (Vectors.norm(Vectors.subtract(w(p), rowSpace(a(p), w(p)))) > PREMISE_REL) {
            return Optional.of("w in the row space R of A");
          }
          return fullRank(p);
        })
        .fixed("n", "d")
        .note("FINDING (proof step): r^T A w = 0 with ||w|| = 1, w in R and A of full row rank does not give r = 0 when A has two "
            + "or more rows: at A = [[1,0,0],[0,1,0]], w = (1,0,0), g = 1, y = (1,1), r = (0,1) is orthogonal to A w = (1,0). "
            + "What gives r = 0 is that w is also stationary, P_{w perp} A^T r = 0 (wu/theorem-2.6#step-9-corrected)")
        .note("does not affect the statement where the flow's limit is stationary in w as well (the corrected step; the statement "
            + "wu/theorem-2.6 checks the limit along flows); with one row (n = 1) the printed step holds")
        .build();
  }

  // --- Lemma C.1, the two equivalences before (14) ---------------------------------------------

  /** [g_0 < delta_0] vs [||A g* w*||^2 > ||A(g_0 w_0 - g* w*)||^2] and [g_0 < (delta_0 - g_0) g_0 ||A w_0||^2/l] vs [D - l g_0^2 > 0]. */
  private static double equivalences(StepPoint p, double delta0Factor, boolean lambdaMinRight, boolean squared) {
    double[] aw0 = Vectors.multiply(a(p), unit(p.vec("w0")));
    double[] aws = Vectors.multiply(a(p), unit(p.vec("ws")));
    double gs = p.get("gs");
    double g0 = p.get("g0");
    double aw0sq = normSq(aw0);
    double delta0 = 2 * gs * Vectors.dot(aw0, aws) / aw0sq;
    double lmax = lambdaMax(p);
    double dGap = gs * gs * normSq(aws) - normSq(Vectors.subtract(Vectors.scale(g0, aw0), Vectors.scale(gs, aws)));
    boolean a1 = g0 < delta0Factor * delta0;
    boolean b1 = dGap > 0;
    boolean a2 = (squared ? g0 * g0 : g0) < (delta0 - g0) * g0 * aw0sq / lmax;
    boolean b2 = dGap - (lambdaMinRight ? lambdaMin(p) : lmax) * g0 * g0 > 0;
    return (a1 == b1 ? 0 : 1) + (a2 == b2 ? 0 : 1);
  }

  private static SampledStep lemmaC1(boolean corrected) {
    double[][] a = {{1, 0, 1}, {0, 2, 0}};
    String id = corrected ? "wu/lemma-c.1#step-9-corrected" : "wu/lemma-c.1#step-9";
    String second = corrected ? "g_0^2 < (delta_0 - g_0)/lambda_max g_0 ||A w_0||^2" : "g_0 < (delta_0 - g_0)/lambda_max g_0 ||A w_0||^2";
    SampledStep.Builder b = SampledStep.hence(id, loc("Appendix C.5.2, proof of Lemma C.1, after (13)" + (corrected ? " (g_0^2 corrected)" : ""),
            "568-572"),
            "which means g_0 < 2 g^* <A w_0, A w^*>/||A w_0||^2 <=> ||A g^* w^*||^2 > ||A(g_0 w_0 - g^* w^*)||^2 and "
                + second + " <=>(12) ||A g^* w^*||^2 - ||A(g_0 w_0 - g^* w^*)||^2 - lambda_max g_0^2 > 0")
        .printed(p -> equivalences(p, 1, false, corrected), EQ, p -> 0)
        .control("g_0 < g^* <A w_0, A w^*>/||A w_0||^2 (the factor 2 dropped)", p -> equivalences(p, 0.5, false, corrected), EQ, p -> 0)
        .control("- lambda_min g_0^2 in place of - lambda_max g_0^2", p -> equivalences(p, 1, true, corrected), EQ, p -> 0);
    if (corrected) {
      b.control("the printed g_0 on the left of the second equivalence", p -> equivalences(p, 1, false, false), EQ, p -> 0)
          .note("with (12), ||A g* w*||^2 - ||A(g_0 w_0 - g* w*)||^2 = g_0 ||A w_0||^2 (delta_0 - g_0), so D - lambda_max g_0^2 > 0 "
              + "reads lambda_max g_0^2 < (delta_0 - g_0) g_0 ||A w_0||^2, i.e. g_0^2 (not g_0) < (delta_0 - g_0) g_0 ||A w_0||^2/lambda_max");
    } else {
      b.note("FINDING (proof step): the second equivalence fails for g_0 != 1: its left side is lambda_max g_0 < (delta_0 - g_0) g_0 "
              + "||A w_0||^2, its right side (by (12)) lambda_max g_0^2 < the same; at A = [[1,0,1],[0,2,0]], w_0 = (1,0,0), "
              + "w* = (1,1,0)/2^(1/2), g* = 1, g_0 = 0.2 the left is false and the right true. Corrected: g_0^2 on the left "
              + "(wu/lemma-c.1#step-9-corrected)")
          .note("does not affect the statement through this step beyond what wu/lemma-c.1#step-8 records: it is the same slip "
              + "(g_0 for g_0^2 in the condition (13) asks), and the next display (14) is written with the right side");
    }
    return b
        .sampler(rnd -> {
          StepPoint q = draw(rnd).build();
          int d = q.integer("d");
          double[] ws = unit(gaussian(rnd, d));
          double[] w0 = unit(gaussian(rnd, d));
          double[] aw0 = Vectors.multiply(a(q), w0);
          if (Vectors.dot(aw0, Vectors.multiply(a(q), ws)) < 0) {
            w0 = Vectors.scale(-1, w0);
            aw0 = Vectors.scale(-1, aw0);
          }
          double gs = rnd.nextDouble(0.1, 3);
          double delta0 = 2 * gs * Vectors.dot(aw0, Vectors.multiply(a(q), ws)) / normSq(aw0);
          return q.toBuilder().put("ws", ws).put("w0", w0).put("gs", gs).put("g0", delta0 * rnd.nextDouble(0.01, 1.5)).build();
        })
        .corner(StepPoint.builder().put("n", 2).put("d", 3).put("A", a).put("y", new double[] {0, 0}).put("w", new double[] {1, 0, 0})
            .put("g", 1).put("c", 1).put("ws", unit(new double[] {1, 1, 0})).put("w0", unit(new double[] {1, 0, 0})).put("gs", 1)
            .put("g0", 0.2).build())
        .assumptions(p -> {
          double[] aw0 = Vectors.multiply(a(p), unit(p.vec("w0")));
          double inner = Vectors.dot(aw0, Vectors.multiply(a(p), unit(p.vec("ws"))));
          return p.get("g0") > 0 && p.get("gs") > 0 && inner > 0 ? fullRank(p)
              : Optional.of("g_0 > 0, g^* > 0 and <A w_0, A g^* w^*> > 0 (the proof's 'without loss of generality')");
        })
        .fixed("n", "d")
        .note("each equivalence is checked as the agreement of the truth values of its two sides at every sampled state; both "
            + "rest on ||A g* w*||^2 - ||A(g_0 w_0 - g* w*)||^2 = g_0 ||A w_0||^2 (delta_0 - g_0) (wu/lemma-c.1#eq-12) and need "
            + "g_0 > 0, which the proof assumes without loss of generality")
        .build();
  }
}
