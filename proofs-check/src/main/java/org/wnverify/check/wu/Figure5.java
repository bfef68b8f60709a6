package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.nuclear.MinNuclearNorm;
import org.wnverify.numeric.nuclear.SensingOperator;
import org.wnverify.numeric.sensing.MatrixSensing;
import org.wnverify.numeric.sensing.MatrixSensing.Algorithm;
import org.wnverify.numeric.sensing.MatrixSensing.Scheme;

/**
 * wu/figure-5 (Appendix F.2): overparameterized matrix sensing (57) with GD, WN, WN-Diag, rPGD (Algorithm 3) and
 * rPGD-Diag (Algorithm 4) ({@link MatrixSensing}), both learning-rate schemes, the initialization scale alpha swept;
 * the final ||X_hat||_* against the minimum nuclear-norm solution ||X^||_*, computed by a certified SDP solver
 * ({@link MinNuclearNorm}; the paper used cvxpy). The paper's size d = 30, r = 4, m = 60 under --profile paper;
 * at QUICK size the numbers are tabulated and the verdict is INCONCLUSIVE ("reduced size").
 */
final class Figure5 extends DescribedClaim {
  record Size(int d, int r, int m, double[] alphas, int maxIterations, int stopWindow) {
    @Override
    public String toString() {
      return "d = " + d + ", r = " + r + ", m = " + m + ", alpha in " + Arrays.toString(alphas);
    }
  }

  /** The plot's alpha grid is not printed: points below 0.1 (the overlap sentences) up to a few times 1. */
  static final Size PAPER = new Size(30, 4, 60, new double[] {0.01, 0.03, 0.05, 0.1, 0.3, 0.5, 1, 2, 3}, 300_000,
      30_000);
  static final Size QUICK = new Size(6, 1, 9, new double[] {0.03, 1, 3}, 30_000, 3_000);
  /** F.2: "We run each algorithm until convergence (i.e., when the squared loss is less than 10^-6)". */
  static final double LOSS_TARGET = 1e-6;
  /** Footnote 9: c from 0.5 halved until a run converges; 20 halvings reach 5e-7, far below any c that works. */
  static final int HALVINGS = 20;
  /**
   * "close to the minimum nuclear-norm solution" and "overlap": within this fraction of ||X^||_* (the 5% of the
   * linear-regression figures, Figure 1 and Figure 3, for the same words; the plot's resolution is not printed).
   */
  static final double CLOSE = 0.05;
  /**
   * The reference's certificate: relative duality gap (a 1e-6 error in ||X^||_* is invisible beside CLOSE) and
   * relative residual ||A(X^) - y|| / ||y|| (well below the residual of a run at loss 1e-6).
   */
  static final double GAP_TOLERANCE = 1e-6;
  static final double RESIDUAL_TOLERANCE = 1e-8;
  /** ADMM budget of the reference solver (it certifies in a few hundred iterations at these sizes). */
  static final int ADMM_BUDGET = 50_000;
  /** The curves each overlap sentence names (blue = GD, the one unnamed colour; black = the reference line). */
  static final List<Algorithm> TOP_OVERLAP = List.of(Algorithm.GD, Algorithm.WN);
  static final List<Algorithm> BOTTOM_OVERLAP = List.of(Algorithm.GD, Algorithm.RPGD, Algorithm.WN, Algorithm.WN_DIAG);

  Figure5() {
    super(ClaimId.parse("wu/figure-5"), "Wu et al., Figure 5 and Appendix F.2 (001_b498c678a289d7b1.txt, lines "
        + "1066-1137: (57) line 1077, Algorithms 3-4 lines 1100-1117, initialization line 1109, caption line 1123, "
        + "sizes line 1129, learning rates line 1133, footnotes 8-9 lines 1135-1137)",
        "Figure 5: 'Compared to GD, WN and rPGD converge close to the minimum nuclear-norm solution for a broader region "
            + "of initialization. The left plot is when we use the same stepsize for W and g: gamma_t = eta_t = c. The "
            + "right plot is when we use eta_t = c and gamma_t = c 1{t>1000}. This suggests that Two-phase algorithm can "
            + "arrive to a solution closer to the nuclear-norm solution for a broader range of g0. The blue, green, and "
            + "black curves of the top plot overlap when 0 < alpha < 0.1. The blue, orange, green, purple, and black "
            + "curves of the bottom plot overlap when 0 < alpha < 0.1.' F.2: 'Compared to GD, WN and rPGD converge close "
            + "to the minimum nuclear-norm solution for a larger region of initialization. Moreover, these results also "
            + "suggest that with the two-phase algorithm, one can arrive to a solution close to the nuclear-norm "
            + "solution for a wider range of g0.'", ClaimKind.EXPERIMENT);
  }

  /** The measured curves: nuclear norms [scheme][algorithm][alpha], and the runs' descriptions. */
  record Curves(double[][][] nuclear, boolean[][][] converged, List<List<Object>> rows, int unfinished) {}

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    Size z = ctx.profile() == CheckContext.Profile.PAPER ? PAPER : QUICK;
    SplittableRandom rnd = ctx.random(id());
    ClaimOutcome.Builder out = ClaimOutcome.builder(id(), ctx.seedFor(id()));
    out.evidence("size", z.toString());
    int d = z.d();
    double[][][] a = new double[z.m()][d][d];
    for (double[][] ai : a) {
      for (double[] row : ai) {
        for (int j = 0; j < d; j++) {
          row[j] = rnd.nextGaussian();
        }
      }
    }
    double[][] planted = new double[d][d];
    double[][] uHat = new double[d][z.r()];
    for (double[] row : uHat) {
      for (int j = 0; j < z.r(); j++) {
        row[j] = rnd.nextGaussian();
      }
    }
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        for (int j = 0; j < z.r(); j++) {
          planted[i][k] += uHat[i][j] * uHat[k][j];
        }
      }
    }
    double[][] z0 = MatrixSensing.initialDirection(rnd, d);
    SensingOperator op = new SensingOperator(a);
    double[] y = op.apply(planted);
    MinNuclearNorm.Solution ref = MinNuclearNorm.solve(op, y, GAP_TOLERANCE, RESIDUAL_TOLERANCE, ADMM_BUDGET);
    double frob = SensingOperator.nuclearNorm(op.minFrobeniusSolution(y));
    out.evidence("reference: minimum nuclear-norm PSD solution (certified SDP)", ref.describe());
    out.evidence("||U_hat U_hat^T||_* of the planted matrix", SensingOperator.nuclearNorm(planted));
    out.evidence("||X||_* of the minimum Frobenius-norm solution (control reference)", frob);
    out.evidence("notes", List.of(
        "y_i = <A_i, U_hat U_hat^T> (footnote 8 prints 'U_hat U_hat', read as U_hat U_hat^T), A_i and U_hat standard "
            + "Gaussian; one instance, as the figure shows",
        "reference: min trace(X) s.t. A(X) = y, X PSD: the minimum nuclear-norm solution over the matrices X = U U^T "
            + "that (57) parameterizes (on PSD matrices ||X||_* = trace X); certified by a scaled dual point "
            + "(lower bound) to a relative gap " + GAP_TOLERANCE + " and residual " + RESIDUAL_TOLERANCE,
        "||X_hat||_* of a run = sum of |eigenvalues| of X_hat (WN-Diag, rPGD and rPGD-Diag may leave the PSD cone "
            + "when g or D turns negative)",
        "initialization (F.2): Z_0 = Z/||Z||_F with Z Gaussian and its columns normalized first; GD U_0 = alpha Z_0; "
            + "WN, rPGD W_0 = Z_0, g_0 = alpha^2; WN-Diag W_0 = Z_0, rPGD-Diag W_0 = Z_0 with unit columns (Algorithm "
            + "4's constraint), D_0 = alpha^2 I; alpha is the plot's axis",
        "steps (F.2): GD c in both panels (one GD curve); rPGD, rPGD-Diag eta = gamma = c / eta = c, gamma = c 1{t > "
            + "1000}; WN, WN-Diag eta = gamma = c ||W_t||_F / eta = c ||W_t||_F, gamma = c 1{t > 1000}; c by "
            + "footnote 9's grid search (0.5 halved until the run converges, at most " + HALVINGS + " halvings)",
        "close/overlap: | ||X_hat||_* - ||X^||_* | <= " + CLOSE + " ||X^||_*; the region of a curve = the largest grid "
            + "alpha up to which every grid point is close (0 if the first is not); 'broader region' = WN's and "
            + "rPGD's regions larger than GD's in both panels; 'wider range' with two phases = WN's and rPGD's bottom "
            + "regions larger than their top regions (undecided when both cover the whole grid); overlap below 0.1: "
            + "blue = GD, green = WN, orange = rPGD, purple = WN-Diag, black = the reference line, all close to "
            + "||X^||_* at every grid alpha < 0.1",
        "budget " + z.maxIterations() + " iterations a run; a run whose best loss did not fall over " + z.stopWindow()
            + " iterations stalled (not converged) and the grid search moves on; it ends unconverged after two "
            + "consecutive c spent the budget still descending; an unconverged point is never close"));
    if (!ref.certified()) {
      out.verdict(Verdict.INCONCLUSIVE, "the reference's certificate was not met: " + ref.describe());
      out.control(new NegativeControl("not run: the reference is not certified", Verdict.INCONCLUSIVE, ref.describe()));
      return out.build();
    }
    Curves c = curves(ctx, new MatrixSensing(op, y), z, z0);
    double target = ref.value();
    out.table(new EvidenceTable("final ||X_hat||_* against alpha (reference ||X^||_* = " + target + ")",
        List.of("panel", "alpha", "GD", "WN", "WN-Diag", "rPGD", "rPGD-Diag", "c / iterations per algorithm"),
        c.rows()));
    out.plot(chart("top (left): gamma_t = eta_t = c", z.alphas(), c.nuclear()[0], target));
    out.plot(chart("bottom (right): two-phase, gamma_t = c 1{t > 1000}", z.alphas(), c.nuclear()[1], target));
    double[][] regions = new double[2][Algorithm.values().length];
    for (int s = 0; s < 2; s++) {
      for (Algorithm al : Algorithm.values()) {
        regions[s][al.ordinal()] = region(z.alphas(), c.nuclear()[s][al.ordinal()], c.converged()[s][al.ordinal()],
            target);
      }
    }
    double broader = Double.POSITIVE_INFINITY;
    for (int s = 0; s < 2; s++) {
      broader = Math.min(broader, Math.min(regions[s][Algorithm.WN.ordinal()], regions[s][Algorithm.RPGD.ordinal()])
          - regions[s][Algorithm.GD.ordinal()]);
    }
    double top = z.alphas()[z.alphas().length - 1];
    double wider = Double.POSITIVE_INFINITY;
    boolean widerUndecided = false;
    for (Algorithm al : List.of(Algorithm.WN, Algorithm.RPGD)) {
      wider = Math.min(wider, regions[1][al.ordinal()] - regions[0][al.ordinal()]);
      widerUndecided |= regions[0][al.ordinal()] == top && regions[1][al.ordinal()] == top;
    }
    // the same margin with the bottom panel run on the top panel's steps (gamma_t = c from t = 0): the top regions
    double widerOff = Double.POSITIVE_INFINITY;
    for (Algorithm al : List.of(Algorithm.WN, Algorithm.RPGD)) {
      widerOff = Math.min(widerOff, regions[0][al.ordinal()] - regions[0][al.ordinal()]);
    }
    double overlapTop = overlap(z.alphas(), c, 0, TOP_OVERLAP, target);
    double overlapBottom = overlap(z.alphas(), c, 1, BOTTOM_OVERLAP, target);
    double overlapTopFrob = overlap(z.alphas(), c, 0, TOP_OVERLAP, frob);
    double meanGd = meanOff(c.nuclear()[0][Algorithm.GD.ordinal()], target);
    double meanWn = meanOff(c.nuclear()[0][Algorithm.WN.ordinal()], target);
    out.evidence("regions (largest close grid alpha) top | bottom, GD/WN/WN-Diag/rPGD/rPGD-Diag",
        Arrays.toString(regions[0]) + " | " + Arrays.toString(regions[1]));
    out.evidence("#broader-region-than-gd: min over panels of min(region WN, region rPGD) - region GD", broader);
    out.evidence("#two-phase-wider: min over WN, rPGD of (bottom region - top region)", wider);
    out.evidence("#top-overlap-below-0.1: max | ||X_hat||_* - ||X^||_* | / ||X^||_* of GD, WN for alpha < 0.1",
        overlapTop);
    out.evidence("#bottom-overlap-below-0.1: the same for GD, rPGD, WN, WN-Diag", overlapBottom);
    out.evidence("unconverged points (no c of the grid search reached loss 1e-6)", c.unfinished());
    boolean s1 = broader > 0;
    boolean s2 = wider > 0;
    boolean s3 = overlapTop <= CLOSE; // false when NaN: no grid point below 0.1
    boolean s4 = overlapBottom <= CLOSE;
    boolean reduced = z != PAPER;
    control(out, reduced, "reversed: GD's region at least WN's or rPGD's in some panel", s1,
        "min region margin " + broader);
    control(out, reduced, "reversed: GD closer to ||X^||_* than WN on average over the sweep (top)", !(meanGd < meanWn),
        "mean relative distance GD " + meanGd + ", WN " + meanWn);
    control(out, reduced, "reference replaced by the minimum Frobenius-norm solution (||X||_* = " + frob
        + "): top overlap for alpha < 0.1", !(overlapTopFrob <= CLOSE), "max relative distance " + overlapTopFrob);
    control(out, reduced, "two-phase switched off (the bottom panel run with the top panel's steps): wider range",
        !(widerOff > 0), "region margin " + widerOff);
    String text = "broader region than GD " + yes(s1) + " (" + Theorem26.fmt(broader) + "), two-phase wider "
        + (widerUndecided ? "undecided (both regions cover the grid)" : yes(s2)) + " (" + Theorem26.fmt(wider)
        + "), top overlap below 0.1 " + yes(s3) + " (" + Theorem26.fmt(overlapTop) + "), bottom overlap below 0.1 "
        + yes(s4) + " (" + Theorem26.fmt(overlapBottom) + ")";
    if (z != PAPER || c.unfinished() > 0 || !widerUndecided) {
      FigureVerdict.decide(out, z != PAPER, z, PAPER, c.unfinished(), s1 && s2 && s3 && s4, text);
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "the alpha grid is too short to compare the two schemes' ranges: " + text);
    }
    return out.build();
  }

  /** Every algorithm, both schemes (GD's curve is the same in both: "constant for gradient descent"). */
  static Curves curves(CheckContext ctx, MatrixSensing ms, Size z, double[][] z0) {
    int na = Algorithm.values().length;
    double[][][] nuc = new double[2][na][z.alphas().length];
    boolean[][][] conv = new boolean[2][na][z.alphas().length];
    List<List<Object>> rows = new ArrayList<>();
    int unfinished = 0;
    for (Scheme s : Scheme.values()) {
      for (int k = 0; k < z.alphas().length; k++) {
        List<Object> row = new ArrayList<>(List.of(s == Scheme.SAME_STEP ? "top" : "bottom", z.alphas()[k]));
        StringBuilder how = new StringBuilder();
        for (Algorithm al : Algorithm.values()) {
          ctx.checkpoint();
          int si = s.ordinal();
          if (al == Algorithm.GD && s == Scheme.TWO_PHASE) {
            nuc[si][al.ordinal()][k] = nuc[0][al.ordinal()][k];
            conv[si][al.ordinal()][k] = conv[0][al.ordinal()][k];
            how.append(" GD as top;");
          } else {
            MatrixSensing.Run r = ms.gridSearch(al, s, z.alphas()[k], z0, z.maxIterations(), LOSS_TARGET, HALVINGS,
                z.stopWindow());
            nuc[si][al.ordinal()][k] = SensingOperator.nuclearNorm(r.x());
            conv[si][al.ordinal()][k] = r.converged();
            unfinished += r.converged() ? 0 : 1;
            how.append(" ").append(al.label()).append(" c = ").append(Theorem26.fmt(r.step())).append(" / ")
                .append(r.iterations()).append(r.converged() ? "" : " NOT CONVERGED (" + r.status() + ", loss "
                    + Theorem26.fmt(r.loss()) + ")").append(";");
          }
          row.add(nuc[si][al.ordinal()][k]);
        }
        row.add(how.toString().trim());
        rows.add(row);
      }
    }
    return new Curves(nuc, conv, rows, unfinished);
  }

  static double off(double value, double target) {
    return Math.abs(value - target) / target;
  }

  static double region(double[] alphas, double[] nuc, boolean[] converged, double target) {
    double r = 0;
    for (int k = 0; k < alphas.length; k++) {
      if (!converged[k] || !(off(nuc[k], target) <= CLOSE)) {
        break;
      }
      r = alphas[k];
    }
    return r;
  }

  /**
   * Max relative distance to target of the named curves of one panel over the grid points alpha < 0.1 (NaN if
   * there are none; infinite at an unconverged point, which is never close).
   */
  static double overlap(double[] alphas, Curves c, int panel, List<Algorithm> curves, double target) {
    double worst = Double.NaN;
    for (int k = 0; k < alphas.length; k++) {
      if (alphas[k] < 0.1) {
        for (Algorithm al : curves) {
          double o = c.converged()[panel][al.ordinal()][k] ? off(c.nuclear()[panel][al.ordinal()][k], target)
              : Double.POSITIVE_INFINITY;
          worst = Double.isNaN(worst) ? o : Math.max(worst, o);
        }
      }
    }
    return worst;
  }

  static double meanOff(double[] nuc, double target) {
    return Arrays.stream(nuc).map(v -> off(v, target)).average().orElse(Double.NaN);
  }

  static Plot chart(String panel, double[] alphas, double[][] nuc, double target) {
    List<Plot.Series> series = new ArrayList<>();
    for (Algorithm al : Algorithm.values()) {
      series.add(Plot.Series.of(al.label(), Plot.Role.OBSERVED, alphas, nuc[al.ordinal()]));
    }
    series.add(Plot.Series.of("||X^||_* (minimum nuclear norm, certified)", Plot.Role.REFERENCE,
        new double[] {alphas[0], alphas[alphas.length - 1]}, new double[] {target, target}));
    return new Plot("Figure 5 " + panel + ": final ||X_hat||_* against the initialization scale alpha", Plot.Kind.FIGURE,
        "alpha = sqrt(||U_0 U_0^T||_F)", "||X_hat||_*", Plot.Scale.LOG, Plot.Scale.AUTO, series);
  }

  /**
   * A control whose mutated statement the data rejects is VIOLATED at any size; one the data does not reject is
   * HOLDS (a survivor) at the paper's size but INCONCLUSIVE below it, where the claim's own sentences are not
   * judged either (selftest defers such controls to --profile paper).
   */
  static void control(ClaimOutcome.Builder out, boolean reduced, String mutation, boolean rejected, String detail) {
    out.control(new NegativeControl(mutation, rejected ? Verdict.VIOLATED : reduced ? Verdict.INCONCLUSIVE
        : Verdict.HOLDS, rejected ? detail : detail + (reduced ? " (not rejected at reduced size: judged at the "
        + "paper's size only)" : "")));
  }

  private static String yes(boolean b) {
    return b ? "yes" : "no";
  }
}
