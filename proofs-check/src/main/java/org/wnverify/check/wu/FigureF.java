package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.BudgetStop;
import org.wnverify.numeric.wu.DiscreteRun;
import org.wnverify.numeric.wu.StepSchedule;
import org.wnverify.numeric.wu.WuAlgorithms;
import org.wnverify.numeric.wu.WuObjective;

/**
 * wu/figure-3 and wu/figure-4 (Appendix F.1), modelled on {@link Figure1}: GD on (1) from x0 = g0 w0,
 * WN (Algorithm 1) and rPGD (Algorithm 2) from (g0, w0), stopped at loss 1e-5; the final norm ||x_hat||
 * against g0 (Figure 3, kappa = 1) or against kappa (Figure 4, g0 = 2.8), with A = U Sigma V^T, Sigma's
 * diagonal 1, (1/kappa)^{1/(m-1)}, ..., 1/kappa (as F.1 prints it: so lambda_max(A A^T) = 1), g* = 3 and
 * w* a random unit vector of the row space (so that g* w* is the minimum norm solution; F.1 says
 * "an arbitrary unit norm vector"). Step sizes as printed, eta_t for w and gamma_t for g (Algorithms 1, 2
 * and F.1's "eta_t = ... for w and gamma_t = 0.005 for g"). Each quantitative sentence becomes one
 * measured number (evidence key "#..."); the paper's size is m = 20, d = 50 (--profile paper); at QUICK
 * size the numbers are tabulated and the verdict is INCONCLUSIVE ("reduced size").
 */
final class FigureF extends DescribedClaim {
  /** Which figure. */
  enum Which {
    FIGURE_3, FIGURE_4
  }

  record Size(int m, int d, int trials, int maxIterations, double[] kappas) {
    @Override
    public String toString() {
      return "m = " + m + ", d = " + d + ", " + trials + " trial(s)";
    }
  }

  static final Size PAPER = new Size(20, 50, 3, 4_000_000, new double[] {1, 2, 5, 10, 20});
  static final Size QUICK = new Size(5, 12, 1, 100_000, new double[] {1, 3, 10});
  static final double LOSS_TARGET = 1e-5;
  static final double G_STAR = 3;
  /** Figure 3's g0 axis (the plot's grid is not printed; the sentences need points below and above 2 and up to 3). */
  static final double[] G0 = {0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5};
  /** Figure 4's fixed initial scale. */
  static final double G0_FIG4 = 2.8;
  /** "close", "similar", "overlap": within this fraction of g* (Figure 1's threshold, for the same words). */
  static final double CLOSE = 0.05;
  /** Figure 4 bottom: eta_t = 0.1 x 1{t > 5000}. */
  static final int FROZEN = 5000;
  /**
   * Figure 4's early stop ({@link BudgetStop}): the loss rate is measured over this many iterations. The slowest
   * run that converges at paper size (GD, step 0.01, kappa = 20: lambda_min(A A^T) = 1/400) loses a factor
   * exp(-2 x 0.01 / 400 x 1e5) = e^-5 of its loss per window, so its rate is well measured; at QUICK size the
   * first check (t = FROZEN + 2 windows) is beyond the budget of 100 000: QUICK runs are never stopped early.
   */
  static final int STOP_WINDOW = 100_000;

  private final Which which;

  FigureF(Which which) {
    super(ClaimId.parse(which == Which.FIGURE_3 ? "wu/figure-3" : "wu/figure-4"),
        which == Which.FIGURE_3 ? "Wu et al., Figure 3 and Appendix F.1 (001_b498c678a289d7b1.txt, lines 1060-1062, 1073)"
            : "Wu et al., Figure 4 and Appendix F.1 (001_b498c678a289d7b1.txt, lines 1064, 1091)",
        which == Which.FIGURE_3
            ? "Top (eta_t = gamma_t = 0.1): 'The plot shows a difference between WN and rPGD when g0 > 2, while the two "
                + "perform similarly when g0 < 2.' Bottom (WN eta_t = ||w_t||/(g_t^2 lambda_max), rPGD eta_t = 1/(g_t^2 "
                + "lambda_max), gamma_t = 0.005): 'We can arrive at a solution close to the minimum norm solution for even "
                + "wider range of g0 <~ 3.' Caption: 'Compared to GD, WN and rPGD converge to the minimum l2-norm solution "
                + "for a larger region of initialization.'"
            : "Fix g0 = 2.8 and increase the condition number kappa. Top plot: gamma_t = eta_t = 0.01. 'The l2-norm of the "
                + "WN and rPGD solutions increases slowly as kappa increases, but their norm is smaller than when using "
                + "Gradient Descent' (F.1: 'also gradually increases but not as much as those provided by the vanilla GD'). "
                + "Bottom plot: gamma_t = 1, eta_t = 0.1 x 1{t > 5000}. 'The l2-norm of WN and rPGD solutions are robust "
                + "to condition number and close to the minimum l2-norm for any kappa.'",
        ClaimKind.EXPERIMENT);
    this.which = which;
  }

  /** A = U Sigma V^T with Sigma_ii = (1/kappa)^{i/(m-1)}, U and V from the sampler. */
  static double[][] matrix(WuSampler s, int m, int d, double kappa) {
    return matrix(s.orthogonalMatrix(m, m), s.orthogonalMatrix(m, d), kappa);
  }

  /** A = U Sigma V^T for given U (m x m) and V^T (m x d, orthonormal rows). */
  static double[][] matrix(double[][] u, double[][] vt, double kappa) {
    int m = u.length;
    int d = vt[0].length;
    double[][] a = new double[m][d];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        double sk = m == 1 ? 1 : Math.pow(1 / kappa, (double) k / (m - 1));
        for (int j = 0; j < d; j++) {
          a[i][j] += u[i][k] * sk * vt[k][j];
        }
      }
    }
    return a;
  }

  /** WN of F.1's bottom plot of Figure 3: eta_t = ||w_t||/(g_t^2 lambda_max) (lambda_max = 1 here), gamma_t = gamma. */
  static StepSchedule wnAdaptive(double gamma) {
    return new StepSchedule() {
      @Override
      public double eta(int t, double g, double[] w) {
        return Vectors.norm(w) / (g * g);
      }

      @Override
      public double gamma(int t, double g, double[] w) {
        return gamma;
      }

      @Override
      public String describe() {
        return "eta_t = ||w_t||/(g_t^2 lambda_max), gamma_t = " + gamma;
      }
    };
  }

  /**
   * Figure 4's bottom plot, "gamma_t = 1, eta_t = 0.1 x 1{t > 5000}", read with Condition 2.1's printed
   * labelling (eta for g, gamma for w), the reading under which it is F.1's "two-phase algorithm" (Phase I:
   * g (almost) frozen, a large step for w): the step of w is 1 and the step of g is 0.1 after iteration 5000,
   * 0 before. With Algorithms 1-2's labelling w would be frozen instead ({@code gFrozen = false}, evidence only).
   */
  static StepSchedule twoPhase(boolean gFrozen) {
    return new StepSchedule() {
      @Override
      public double eta(int t, double g, double[] w) {
        return gFrozen ? 1.0 : t > FROZEN ? 0.1 : 0.0;
      }

      @Override
      public double gamma(int t, double g, double[] w) {
        return gFrozen ? (t > FROZEN ? 0.1 : 0.0) : 1.0;
      }

      @Override
      public String describe() {
        return gFrozen ? "w step 1, g step 0.1 x 1{t > " + FROZEN + "}" : "g step 1, w step 0.1 x 1{t > " + FROZEN + "}";
      }
    };
  }

  /**
   * The final norms of GD, WN and rPGD, how many runs missed the loss target, and of those the runs the early
   * stop ended (each "WN|rPGD t = ..., loss ...: reason").
   */
  record Norms(double gd, double wn, double rpgd, int unfinished, String iterations, List<String> stopped) {}

  static Norms run(WuObjective obj, double g0, double[] w0, double gdStep, StepSchedule wn, StepSchedule rp, int cap) {
    return run(obj, g0, w0, gdStep, wn, rp, cap, 0);
  }

  /** @param stopWindow 0: no early stop; otherwise the window of a {@link BudgetStop} on WN and rPGD */
  static Norms run(WuObjective obj, double g0, double[] w0, double gdStep, StepSchedule wn, StepSchedule rp, int cap,
      int stopWindow) {
    DiscreteRun gd = gdStep > 0 ? WuAlgorithms.gd(obj, Vectors.scale(g0, w0), gdStep, cap, LOSS_TARGET) : null;
    BudgetStop sa = stopWindow > 0 ? new BudgetStop(LOSS_TARGET, cap, stopWindow, FROZEN + stopWindow) : null;
    BudgetStop sb = stopWindow > 0 ? new BudgetStop(LOSS_TARGET, cap, stopWindow, FROZEN + stopWindow) : null;
    DiscreteRun a = WuAlgorithms.wn(obj, g0, w0, wn, cap, LOSS_TARGET, sa == null ? WuAlgorithms.Listener.NONE : sa);
    DiscreteRun b = WuAlgorithms.rpgd(obj, g0, w0, rp, cap, LOSS_TARGET, sb == null ? WuAlgorithms.Listener.NONE : sb);
    int unfinished = (gd == null || gd.converged() ? 0 : 1) + (a.converged() ? 0 : 1) + (b.converged() ? 0 : 1);
    List<String> stopped = new ArrayList<>();
    for (int k = 0; k < 2; k++) {
      DiscreteRun r = k == 0 ? a : b;
      if (r.status() == DiscreteRun.Status.STOPPED) {
        stopped.add((k == 0 ? "WN" : "rPGD") + " stopped at t = " + r.iterations() + ", loss " + r.loss() + " (not "
            + "converged): " + (k == 0 ? sa : sb).reason());
      }
    }
    return new Norms(gd == null ? Double.NaN : Vectors.norm(gd.point()), Vectors.norm(a.point()), Vectors.norm(b.point()),
        unfinished, (gd == null ? "-" : gd.iterations()) + "/" + a.iterations() + "/" + b.iterations(), stopped);
  }

  static double off(double norm) {
    return Math.abs(norm - G_STAR) / G_STAR;
  }

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    Size z = ctx.profile() == CheckContext.Profile.PAPER ? PAPER : QUICK;
    SplittableRandom rnd = ctx.random(id());
    WuSampler s = new WuSampler(rnd);
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), ctx.seedFor(id()));
    out.evidence("size", z.toString());
    List<String> results = which == Which.FIGURE_3 ? figure3(ctx, s, z, out) : figure4(ctx, s, z, out);
    String text = results.get(0);
    boolean all = results.get(1).equals("true");
    int unfinished = Integer.parseInt(results.get(2));
    out.evidence("unfinished runs (iteration cap before loss 1e-5)", unfinished);
    FigureVerdict.decide(out, z != PAPER, z, PAPER, unfinished, all, text);
    return out.build();
  }

  /** Largest g0 of the grid up to which (every smaller grid point included) the norm is within CLOSE of g*. */
  static double region(double[] norms) {
    double r = 0;
    for (int k = 0; k < G0.length; k++) {
      if (off(norms[k]) > CLOSE) {
        break;
      }
      r = G0[k];
    }
    return r;
  }

  private List<String> figure3(CheckContext ctx, WuSampler s, Size z, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    double diffAbove = 0;
    double diffBelow = 0;
    double bottomClose = 0;
    double regionMargin = Double.POSITIVE_INFINITY;
    int unfinished = 0;
    for (int trial = 0; trial < z.trials(); trial++) {
      double[][] a = matrix(s, z.m(), z.d(), 1);
      double[] y = Vectors.multiply(a, Vectors.scale(G_STAR, WuSampler.inRowSpaceDirection(a, s.unitVector(z.d()))));
      double[] w0 = s.unitVector(z.d());
      WuObjective obj = new WuObjective(a, y);
      double[][] top = new double[3][G0.length];
      double[][] bottom = new double[3][G0.length];
      for (int k = 0; k < G0.length; k++) {
        ctx.checkpoint();
        double g0 = G0[k];
        Norms t = run(obj, g0, w0, 0.1, StepSchedule.constant(0.1, 0.1), StepSchedule.constant(0.1, 0.1), z.maxIterations());
        Norms b = run(obj, g0, w0, 0.1, wnAdaptive(0.005),
            StepSchedule.twoStage(0.005, 0.005, Integer.MAX_VALUE, 1.0, false), z.maxIterations());
        unfinished += t.unfinished() + b.unfinished();
        top[0][k] = t.gd();
        top[1][k] = t.wn();
        top[2][k] = t.rpgd();
        bottom[0][k] = b.gd();
        bottom[1][k] = b.wn();
        bottom[2][k] = b.rpgd();
        rows.add(List.of(trial, g0, t.gd(), t.wn(), t.rpgd(), b.wn(), b.rpgd(), t.iterations() + " | " + b.iterations()));
        double diff = Math.abs(t.wn() - t.rpgd()) / G_STAR;
        if (g0 > 2) {
          diffAbove = Math.max(diffAbove, diff);
        } else if (g0 < 2) {
          diffBelow = Math.max(diffBelow, diff);
        }
        if (g0 <= 3) {
          bottomClose = Math.max(bottomClose, Math.max(off(b.wn()), off(b.rpgd())));
        }
      }
      for (double[][] panel : new double[][][] {top, bottom}) {
        double gd = region(panel[0]);
        regionMargin = Math.min(regionMargin, Math.min(region(panel[1]), region(panel[2])) - gd);
      }
    }
    out.evidence("notes", List.of("kappa = 1 (A with orthonormal rows); GD with step 0.1 in both panels (its step is not "
        + "printed for Figure 3); the region of a curve = the largest grid g0 up to which every point is within " + CLOSE
        + " g* of g*; 'difference' / 'similarly' / 'close' judged at " + CLOSE + " g*"));
    out.table(new EvidenceTable("final norm ||x_hat|| against g0 (g* = 3)", List.of("trial", "g0", "GD (0.1)", "WN top",
        "rPGD top", "WN bottom", "rPGD bottom", "iterations GD/WN/rPGD top | bottom"), rows));
    boolean s1 = diffAbove > CLOSE;
    boolean s2 = diffBelow <= CLOSE;
    boolean s3 = bottomClose <= CLOSE;
    boolean s4 = regionMargin > 0;
    out.evidence("#top-difference-above-2: max |WN - rPGD| / g* for g0 > 2", diffAbove);
    out.evidence("#top-similar-below-2: max |WN - rPGD| / g* for g0 < 2", diffBelow);
    out.evidence("#bottom-close-up-to-3: max | ||x_hat|| - g* | / g* of WN and rPGD for g0 <= 3", bottomClose);
    out.evidence("#caption-larger-region: min over panels and trials of (region of WN, rPGD) - region of GD", regionMargin);
    out.control(new NegativeControl("reversed: WN and rPGD differ by more than 5% of g* for g0 < 2", s2 ? Verdict.VIOLATED
        : Verdict.HOLDS, "max difference " + diffBelow));
    out.control(new NegativeControl("reversed: GD's region of initialization at least as large as WN's and rPGD's",
        s4 ? Verdict.VIOLATED : Verdict.HOLDS, "region margin " + regionMargin));
    String text = "difference for g0 > 2 " + yes(s1) + " (" + Theorem26.fmt(diffAbove) + "), similar for g0 < 2 " + yes(s2)
        + " (" + Theorem26.fmt(diffBelow) + "), bottom close for g0 <= 3 " + yes(s3) + " (" + Theorem26.fmt(bottomClose)
        + "), larger region than GD " + yes(s4) + " (" + Theorem26.fmt(regionMargin) + ")";
    return List.of(text, Boolean.toString(s1 && s2 && s3 && s4), Integer.toString(unfinished));
  }

  private List<String> figure4(CheckContext ctx, WuSampler s, Size z, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    double[] kap = z.kappas();
    double minIncrease = Double.POSITIVE_INFINITY;
    double minBelowGd = Double.POSITIVE_INFINITY;
    double minLessThanGdIncrease = Double.POSITIVE_INFINITY;
    double bottomClose = 0;
    double otherClose = 0;
    int unfinished = 0;
    List<String> stopped = new ArrayList<>();
    for (int trial = 0; trial < z.trials(); trial++) {
      double[][] u = s.orthogonalMatrix(z.m(), z.m());
      double[][] vt = s.orthogonalMatrix(z.m(), z.d());
      double[] dir = s.unitVector(z.d());
      double[] w0 = s.unitVector(z.d());
      double[][] top = new double[3][kap.length];
      for (int k = 0; k < kap.length; k++) {
        ctx.checkpoint();
        double[][] a = matrix(u, vt, kap[k]);
        double[] y = Vectors.multiply(a, Vectors.scale(G_STAR, WuSampler.inRowSpaceDirection(a, dir)));
        WuObjective obj = new WuObjective(a, y);
        Norms t = run(obj, G0_FIG4, w0, 0.01, StepSchedule.constant(0.01, 0.01), StepSchedule.constant(0.01, 0.01),
            z.maxIterations(), STOP_WINDOW);
        Norms b = run(obj, G0_FIG4, w0, 0, twoPhase(true), twoPhase(true), z.maxIterations(), STOP_WINDOW);
        Norms other = run(obj, G0_FIG4, w0, 0, twoPhase(false), twoPhase(false), z.maxIterations(), STOP_WINDOW);
        unfinished += t.unfinished() + b.unfinished();
        for (Norms n : List.of(t, b, other)) {
          String where = "trial " + trial + ", kappa " + kap[k] + ", "
              + (n == t ? "top" : n == b ? "bottom" : "bottom, other labelling") + ": ";
          n.stopped().forEach(r -> stopped.add(where + r));
        }
        otherClose = Math.max(otherClose, Math.max(off(other.wn()), off(other.rpgd())));
        top[0][k] = t.gd();
        top[1][k] = t.wn();
        top[2][k] = t.rpgd();
        rows.add(List.of(trial, kap[k], t.gd(), t.wn(), t.rpgd(), b.wn(), b.rpgd(), t.iterations() + " | " + b.iterations()));
        minBelowGd = Math.min(minBelowGd, (t.gd() - Math.max(t.wn(), t.rpgd())) / G_STAR);
        bottomClose = Math.max(bottomClose, Math.max(off(b.wn()), off(b.rpgd())));
      }
      int last = kap.length - 1;
      double gdInc = top[0][last] - top[0][0];
      for (int alg = 1; alg <= 2; alg++) {
        double inc = top[alg][last] - top[alg][0];
        minIncrease = Math.min(minIncrease, inc / G_STAR);
        minLessThanGdIncrease = Math.min(minLessThanGdIncrease, (gdInc - inc) / G_STAR);
      }
    }
    out.evidence("notes", List.of("kappa grid " + java.util.Arrays.toString(kap) + " (the plot's grid is not printed); "
        + "per trial one U, V, w* (row-space part of one random direction) and w0, only Sigma varies with kappa: GD's limit "
        + "x* + P_perp x0 then does not depend on kappa",
        "bottom: 'gamma_t = 1, eta_t = 0.1 x 1{t > 5000}' read with Condition 2.1's labelling (eta for g): F.1's two-phase "
        + "algorithm, g frozen for 5000 iterations, w step 1; the other labelling (w frozen, g step 1) is reported as "
        + "#bottom-other-labelling, not judged", "GD appears only in the top plot's sentences (step 0.01)"));
    out.evidence("#bottom-other-labelling: max | ||x_hat|| - g* | / g* with w frozen for 5000 iterations", otherClose);
    if (!stopped.isEmpty()) {
      out.evidence("runs stopped early (budget rule, window " + STOP_WINDOW + "; counted as unfinished, never as converged)",
          stopped);
    }
    out.table(new EvidenceTable("final norm ||x_hat|| against kappa (g0 = 2.8, g* = 3)", List.of("trial", "kappa",
        "GD top", "WN top", "rPGD top", "WN bottom", "rPGD bottom", "iterations GD/WN/rPGD top | bottom"), rows));
    boolean s1 = minIncrease > 0;
    boolean s2 = minBelowGd > 0;
    boolean s3 = minLessThanGdIncrease > 0;
    boolean s4 = bottomClose <= CLOSE;
    out.evidence("#top-increases: min over WN, rPGD of (norm at largest kappa - norm at kappa = 1) / g*", minIncrease);
    out.evidence("#top-smaller-than-gd: min over kappa of (GD norm - max(WN, rPGD norm)) / g*", minBelowGd);
    out.evidence("#top-increase-less-than-gd: min of (GD increase - WN/rPGD increase) / g*", minLessThanGdIncrease);
    out.evidence("#bottom-close-for-any-kappa: max | ||x_hat|| - g* | / g* of WN and rPGD", bottomClose);
    out.control(new NegativeControl("reversed: WN or rPGD norm at least GD's for some kappa", s2 ? Verdict.VIOLATED
        : Verdict.HOLDS, "min margin " + minBelowGd));
    out.control(new NegativeControl("reversed: WN and rPGD norms grow at least as much as GD's", s3 ? Verdict.VIOLATED
        : Verdict.HOLDS, "min margin " + minLessThanGdIncrease));
    String text = "top increases " + yes(s1) + " (" + Theorem26.fmt(minIncrease) + "), smaller than GD " + yes(s2) + " ("
        + Theorem26.fmt(minBelowGd) + "), grows less than GD " + yes(s3) + " (" + Theorem26.fmt(minLessThanGdIncrease)
        + "), bottom close for any kappa " + yes(s4) + " (" + Theorem26.fmt(bottomClose) + ")"
        + (stopped.isEmpty() ? "" : " (" + stopped.size() + " run(s) stopped early by the budget rule, not converged)");
    return List.of(text, Boolean.toString(s1 && s2 && s3 && s4), Integer.toString(unfinished));
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
