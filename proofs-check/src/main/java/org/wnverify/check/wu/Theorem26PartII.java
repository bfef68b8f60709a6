package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Theorem 2.6 Part II (c = 0): for orthogonal A, w_t -> w*; for general A, w_t -> w~0 with
 * w~0_perp = 0; restarting with c > 0 from (g0, w~0) converges to (g*, w*). The proof (C.4.3)
 * assumes g0 < g* ("since g0 < g*"), which the statement omits: with |g0| > g* a whole sphere of
 * zero-loss directions with a ker A part is reachable, and g0 = 0 freezes w. The "-corrected"
 * variants add the proof's 0 < g0 < g*.
 */
final class Theorem26PartII extends PerInstanceClaim {
  enum Mode {
    ORTHOGONAL, GENERAL, RESTART
  }

  /** A limit agrees with the statement within this distance (the flow's limit is accurate to ~1e-9). */
  static final double AGREE = 1e-6;
  /** ... and contradicts it beyond this. */
  static final double DISAGREE = 1e-3;

  private final Mode mode;
  private final boolean corrected;

  Theorem26PartII(Mode mode, boolean corrected) {
    super(id(mode, corrected), Theorem26.LOCATION + " (Part II)", statement(mode, corrected), ClaimKind.LIMIT);
    this.mode = mode;
    this.corrected = corrected;
  }

  private static String id(Mode m, boolean corrected) {
    String base = switch (m) {
      case ORTHOGONAL -> "wu/theorem-2.6#part-ii-orthogonal";
      case GENERAL -> "wu/theorem-2.6#part-ii-general";
      case RESTART -> "wu/theorem-2.6#part-ii-restart";
    };
    return corrected ? base + "-corrected" : base;
  }

  private static String statement(Mode m, boolean corrected) {
    String pre = corrected ? "With 0 < g0 < g* (the proof's assumption): " : "";
    return pre + switch (m) {
      case ORTHOGONAL -> "If c = 0 and A is orthogonal, i.e. A A^T = I, then w_t -> w*.";
      case GENERAL -> "If A is not orthogonal (c = 0), then the flow still converges to a point w~0 in the row space of A "
          + "(w~0_perp = 0).";
      case RESTART -> "When restarting the WN flow with c > 0 from g0, w~0, then (g0, w~0) -> (g*, w*).";
    };
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    List<WuHypothesis> h = new ArrayList<>(List.of(WuHypothesis.LAMBDA_MIN, WuHypothesis.UNIT_W0, WuHypothesis.Y_NONZERO,
        WuHypothesis.C_ZERO));
    if (mode == Mode.ORTHOGONAL) {
      h.add(WuHypothesis.ORTHOGONAL);
    }
    if (corrected || mode == Mode.RESTART) {
      h.add(WuHypothesis.G0_BETWEEN_0_AND_GSTAR);
    }
    return h;
  }

  @Override
  List<String> notes() {
    return List.of("restart runs use c = 1 (any c > 0 is allowed); 'converges' is judged on the integrated limit "
        + "(distance <= " + AGREE + " agrees, > " + DISAGREE + " contradicts)");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    boolean printedRange = !corrected && mode != Mode.RESTART;
    for (int i = 0; out.size() < Math.max(n, 3); i++) {
      WuInstance p;
      do {
        // lambda_min >= 0.1 lambda_max: the c = 0 flow converges at rate ~ g0^2 lambda_min, and ill-conditioned draws
        // spend the integration budget without adding a case the corners do not cover.
        p = (mode == Mode.ORTHOGONAL ? s.orthogonal() : s.general()).withC(0);
      } while (WuGeometry.of(p).lambdaMin() < 0.1 * WuGeometry.of(p).lambdaMax());
      double gs = WuGeometry.of(p).gStar();
      String label;
      double g0;
      if (printedRange && i == 0) {
        g0 = 2 * gs;
        label = "corner: g0 = 2 g*";
      } else if (printedRange && i == 1) {
        g0 = -0.5 * gs;
        label = "corner: g0 = -g*/2";
      } else if (i == (printedRange ? 2 : 0)) {
        g0 = 0.95 * gs;
        label = "corner: g0 = 0.95 g*";
      } else if (i == (printedRange ? 3 : 1)) {
        g0 = 0.2 * gs;
        label = "corner: g0 = 0.2 g*";
      } else {
        g0 = s.uniform(0.25, 0.9) * gs;
        label = "draw " + i;
      }
      out.add(new WuSample(p.withG0(g0), label));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return switch (mode) {
      case ORTHOGONAL -> List.of("w_t -> -w*", "A A^T = I dropped (general A, w_t -> w*)");
      case GENERAL -> List.of("w~0 = w* (the orthogonal conclusion)", "w~0_perp = w0_perp (no regularization)");
      case RESTART -> List.of("restart with c = 0 (g not turned on)", "restart from w0 instead of w~0");
    };
  }

  @Override
  List<String> columns() {
    return List.of("g0", "g*", "||w_lim - w*||", "||w_lim_perp||", "restart |g - g*| + ||w - w*||");
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    WuGeometry geo = WuGeometry.of(p);
    double[] ws = geo.wStar();
    WuLimit lim = limit(p);
    if (!lim.ok()) {
      return j.statement(Result.UNDECIDED, lim.message());
    }
    double[] w = WuFlow.w(lim.state());
    // The integrated limit is known to lim.uncertainty() only (a slow flow stopped at MAX_TIME is
    // still moving): a distance within it decides nothing. The 50-seed soak found a false VIOLATED
    // from a c = 0 flow that had not yet reached its limit (perp 1.8e-3, still shrinking).
    double u = lim.uncertainty();
    double toStar = Vectors.distance(w, ws);
    double perp = Vectors.norm(geo.perp(w));
    double restart = Double.NaN;
    switch (mode) {
      case ORTHOGONAL -> {
        j.statement(verdict(toStar, u), "||w_lim - w*|| = " + Theorem26.fmt(toStar) + uncertain(u));
        j.control(controlNames().get(0), Vectors.distance(w, Vectors.scale(-1, ws)) - u > DISAGREE, "||w_lim + w*|| = "
            + Theorem26.fmt(Vectors.distance(w, Vectors.scale(-1, ws))));
        // the orthogonal conclusion on a general A (same g0 / g* ratio)
        WuInstance general = new WuSampler(new java.util.SplittableRandom(Double.doubleToLongBits(p.g0())))
            .general().withC(0);
        WuInstance gp = general.withG0(p.g0() / geo.gStar() * WuGeometry.of(general).gStar());
        WuLimit gl = limit(gp);
        double gd = gl.ok() ? Vectors.distance(WuFlow.w(gl.state()), WuGeometry.of(gp).wStar()) : Double.NaN;
        double gu = gl.ok() ? gl.uncertainty() : Double.NaN;
        j.control(controlNames().get(1), gl.ok() ? apart(gd, gu) : null,
            "general A: ||w_lim - w*|| = " + Theorem26.fmt(gd));
      }
      case GENERAL -> {
        j.statement(verdict(perp, u), "||w_lim_perp|| = " + Theorem26.fmt(perp) + uncertain(u));
        j.control(controlNames().get(0), apart(toStar, u),
            "||w_lim - w*|| = " + Theorem26.fmt(toStar));
        double w0p = Vectors.norm(geo.perp(p.w0()));
        j.control(controlNames().get(1), w0p > DISAGREE ? Math.abs(perp - w0p) - u > DISAGREE : null,
            "||w0_perp|| = " + Theorem26.fmt(w0p) + ", ||w_lim_perp|| = " + Theorem26.fmt(perp));
      }
      case RESTART -> {
        // The restart starts from the c = 0 limit, so its uncertainty u carries over (to first order).
        double[] re = restartError(p, w, 1.0);
        restart = re[0];
        double ru = re[1] + u;
        j.statement(verdict(restart, ru), "restart: |g - g*| + ||w - w*|| = " + Theorem26.fmt(restart) + uncertain(ru));
        double[] frozen = restartError(p, w, 0.0);
        j.control(controlNames().get(0), frozen[0] - frozen[1] - u > DISAGREE ? Boolean.TRUE : null,
            "error " + Theorem26.fmt(frozen[0]));
        double[] fromW0 = restartError(p, p.w0(), 1.0);
        j.control(controlNames().get(1), Vectors.norm(geo.perp(p.w0())) > DISAGREE ? fromW0[0] - fromW0[1] > DISAGREE
            : null, "error " + Theorem26.fmt(fromW0[0]));
      }
      default -> throw new IllegalStateException();
    }
    j.row(p.g0(), geo.gStar(), toStar, perp, restart);
    return j;
  }

  /**
   * The c = 0 flow's limit, run for its own time scale: with g fixed at 0 < g0 < g*, the flow of w
   * descends 1/2 ||A g0 w - y||^2 on the sphere; at the minimiser its slowest rate is the multiplier
   * -mu >= g0 lambda_min(AA^T) (g* - g0) (from the secular equation, each term's factor bounded by the
   * smallest eigenvalue's), and no rate exceeds g0^2 lambda_max(AA^T) + g0 ||A^T y||. A draw with g0 =
   * 4e-4, g* = 5.5e-4 (seed 21, issue 21) has rate 2e-8: by the default horizon t = 1e5 it had moved
   * 0.005 of the 0.9 to go and was read as a limit. Outside 0 < g0 < g* (the printed statement's
   * range) the default run.
   */
  static WuLimit limit(WuInstance p) {
    WuGeometry geo = WuGeometry.of(p);
    if (!(p.c() == 0 && p.g0() > 0 && p.g0() < geo.gStar())) {
      return WuLimit.of(WuFlow.of(p));
    }
    double slow = p.g0() * geo.lambdaMin() * (geo.gStar() - p.g0());
    double fast = p.g0() * p.g0() * geo.lambdaMax() + p.g0() * Vectors.norm(WuObjective.of(p).transposeTimes(p.y()));
    return WuLimit.of(WuFlow.of(p), slow, fast);
  }

  /** Agrees if the distance is within AGREE with its uncertainty, contradicts if beyond DISAGREE despite it. */
  private static Result verdict(double distance, double uncertainty) {
    return distance + uncertainty <= AGREE ? Result.HOLDS
        : distance - uncertainty > DISAGREE ? Result.VIOLATED : Result.UNDECIDED;
  }

  /** A control's reading of a distance to the statement's limit: apart (rejected), agreeing, or undecided (null). */
  private static Boolean apart(double distance, double uncertainty) {
    Result r = verdict(distance, uncertainty);
    return r == Result.VIOLATED ? Boolean.TRUE : r == Result.HOLDS ? Boolean.FALSE : null;
  }

  private static String uncertain(double u) {
    return u > AGREE ? " (limit uncertain by " + Theorem26.fmt(u) + ")" : "";
  }

  /**
   * {|g - g*| + ||w - w*||, its uncertainty} at the limit of the flow restarted from (g0, w) with
   * ratio c; NaN if the flow run failed.
   */
  private static double[] restartError(WuInstance p, double[] w, double c) {
    WuInstance q = p.withW0(Vectors.scale(1 / Vectors.norm(w), w)).withC(c);
    // c = 0 from the c = 0 limit: the flow starts at rest there, and its uncertainty is the speed over
    // the c = 0 flow's own slowest rate (limit(q)); c > 0 runs the default limit as before.
    WuLimit lim = limit(q);
    if (!lim.ok()) {
      return new double[] {Double.NaN, Double.NaN};
    }
    WuGeometry geo = WuGeometry.of(p);
    return new double[] {Math.abs(lim.state()[0] - geo.gStar()) + Vectors.distance(WuFlow.w(lim.state()), geo.wStar()),
        2 * lim.uncertainty()};
  }
}
