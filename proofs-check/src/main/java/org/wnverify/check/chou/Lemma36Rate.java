package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.ColumnSubmatrices;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.Trajectory;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;

/**
 * Lemma 3.6, the linear rate (30): with eta_r >= c_r, eta_u >= c_u and |x_I| >= c_x on [t0, T]
 * and A_I of full rank, L(x(t)) <= L(x(t0)) exp(-min(c_r, c_u c_x^2 |I|) 2L c_x^p
 * sigma_min^2(A_I) (t - t0)). The statement prints p = 2; its proof ends with p = 2L - 2 and needs
 * ||A_I^T r|| >= sigma_min(A_I) ||r||, i.e. rank(A_I) = M.
 *
 * <p>Checked on WN runs with both learning rates of the paper, (eta, 1) and (r^2, 1) (c_u = 1,
 * c_r = eta or the smallest r^2 on the window), for every index set I with A_I of full rank,
 * every window start t0 on a grid and every sample time t > t0, with T = t (the strongest instance
 * of the statement) and c_x = min_{s in [t0, t], n in I} |x_n(s)| measured on the samples. A
 * violation must exceed {@link Refinement#CONSISTENCY} times the integration noise of log L,
 * measured against a run at a 100x coarser tolerance.
 */
final class Lemma36Rate extends ChouClaim {
  static final double REFERENCE_TOL = 1e-12;
  static final double COARSE_TOL = 1e-10;
  /** Horizon: the loss fell to 1e-12 of its start (log L still far above rounding), r collapsed, or t = 1e4. */
  static final double LOSS_FACTOR = 1e-12;
  static final double MAX_TIME = 1e4;
  /** Sample times on [0, T]; c_x between samples can only be smaller by O(T/SAMPLES) of its motion. */
  static final int SAMPLES = 400;
  /** Window starts t0: every STRIDE-th sample. */
  static final int STRIDE = 10;
  /** sigma_min(A_I) below this counts as rank deficient (entries of A are O(1)). */
  static final double RANK_TOL = 1e-10;
  /**
   * Rounding floor of log L: the loss is a sum of O(MN) products, relative error a few hundred ulps.
   */
  static final double LOG_ROUNDOFF = 1e3 * Math.ulp(1.0);
  /** Shrinking costs two integrations per candidate. */
  static final int SHRINK_BUDGET = 40;

  /** A version of (30): exponent p of c_x and which index sets count as "full rank". */
  enum Form {
    PRINTED("printed: c_x^2, A_I of full rank min(M, |I|)", false, false, 1),
    PRINTED_ROW_RANK("printed exponent c_x^2 with rank(A_I) = M", false, true, 1),
    CORRECTED("corrected: c_x^(2L-2), rank(A_I) = M", true, true, 1),
    COLUMN_RANK("c_x^(2L-2) with A_I of full column rank only (|I| < M allowed)", true, false, 1),
    DOUBLED("c_x^(2L-2), rank(A_I) = M, rate doubled (4L instead of 2L)", true, true, 2),
    /** Exponent off by one: c_x^(2L-3), a larger factor wherever c_x < 1. */
    EXPONENT_OFF_BY_ONE("c_x^(2L-3) in place of c_x^(2L-2), rank(A_I) = M", true, true, 1, -1, false),
    /** Inequality reversed: L(x(t)) >= L(x(t0)) exp(-k (t - t0)); refuted wherever the loss falls faster. */
    REVERSED("reversed: L(x(t)) >= L(x(t0)) exp(-min(c_r, c_u c_x^2 |I|) 2L c_x^(2L-2) sigma_min^2(A_I) (t - t0))", true,
        true, 1, 0, true);

    final String text;
    final boolean proofExponent;
    final boolean rowRankOnly;
    final double factor;
    /** Added to the exponent of c_x. */
    final int exponentShift;
    final boolean reversed;

    Form(String text, boolean proofExponent, boolean rowRankOnly, double factor) {
      this(text, proofExponent, rowRankOnly, factor, 0, false);
    }

    Form(String text, boolean proofExponent, boolean rowRankOnly, double factor, int exponentShift, boolean reversed) {
      this.text = text;
      this.proofExponent = proofExponent;
      this.rowRankOnly = rowRankOnly;
      this.factor = factor;
      this.exponentShift = exponentShift;
      this.reversed = reversed;
    }
  }

  private final Form form;

  private Lemma36Rate(String id, String statement, Form form) {
    super(id, "Chou, Rauhut, Ward, Lemma 3.6, eq. (30)", statement, ClaimKind.RATE);
    this.form = form;
  }

  /**
   * An instance on which the column-rank-only control fails, for the seeds whose samples do not
   * refute it (selftest seed 16): A = diag(1, 0.1), b = (1, 0.05), L = 2, r0 = 1, u0 = (0.6, 0.8).
   * With I = {1}, A_I = (1, 0)^T has full column rank and sigma_min(A_I) = 1, so the control claims
   * the rate of the fast first coordinate, while the residual's second component, driven through the
   * column of norm 0.1, decays about a hundred times slower: ||A_I^T r|| >= sigma_min(A_I) ||r||
   * needs rank(A_I) = M. Meets the lemma's hypothesis ||u0|| = 1.
   */
  static final DiagonalNetInstance COLUMN_RANK_MISSED = new DiagonalNetInstance(new double[][] {{1, 0}, {0, 0.1}},
      new double[] {1, 0.05}, 2, 1, new double[] {0.6, 0.8}, 0.5);

  /** Decides the column-rank-only control on {@link #COLUMN_RANK_MISSED}; returns the control's detail. */
  private static String decideOnColumnRankOnly(CheckContext ctx, int[] counts, String detail) {
    StringBuilder note = new StringBuilder();
    for (LearningRate rate : LearningRate.values()) {
      ctx.checkpoint();
      Run r = run(COLUMN_RANK_MISSED, rate);
      Worst w = r.problem() == null ? worst(r, Form.COLUMN_RANK) : null;
      if (w != null && w.violated()) {
        counts[0]++;
        if (note.length() == 0) {
          note.append("dedicated instance A = diag(1, 0.1), b = (1, 0.05), L = 2, r0 = 1, u0 = (0.6, 0.8) (").append(rate)
              .append("; no sample refuted it): ").append(w.describe(COLUMN_RANK_MISSED.depth()));
        }
      }
    }
    return note.length() == 0 ? detail : detail == null ? note.toString() : detail + "; " + note;
  }

  static Lemma36Rate printed() {
    return new Lemma36Rate("chou/lemma-3.6", "||u0|| = 1; if eta_r >= c_r, eta_u >= c_u and |x_I| >= c_x on [t0, T] "
        + "and A_I has full rank, then L(x(t)) <= L(x(t0)) exp(-min(c_r, c_u c_x^2 |I|) 2L c_x^2 sigma_min^2(A_I) (t - t0)).",
        Form.PRINTED);
  }

  static Lemma36Rate corrected() {
    return new Lemma36Rate("chou/lemma-3.6#corrected", "Corrected as the proof ends: exponent 2L - 2 on c_x and "
        + "rank(A_I) = M (so that ||A_I^T r|| >= sigma_min(A_I) ||r||): L(x(t)) <= L(x(t0)) exp(-min(c_r, c_u c_x^2 |I|) "
        + "2L c_x^(2L-2) sigma_min^2(A_I) (t - t0)).", Form.CORRECTED);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return List.of(ChouHypotheses.U0_UNIT);
  }

  /** The two trajectories of one run (reference and coarse) on the same sample times. */
  record Run(DiagonalNetInstance p, LearningRate rate, WnFlowOde ode, Trajectory ref, Trajectory coarse, String problem) {}

  static Run run(DiagonalNetInstance p, LearningRate rate) {
    WnFlowOde ode = new WnFlowOde(p, rate);
    double l0 = ode.loss(ode.initialState());
    IntegrationResult h = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, MAX_TIME)
        .withAbsoluteTolerance(0).withLossTarget(l0 * LOSS_FACTOR).withBudget(FlowLimit.BUDGET),
        WnRuns.collapse(p, WnRuns.HORIZON_COLLAPSE));
    double t = h.finalTime();
    if (!(t > 0)) {
      return new Run(p, rate, ode, null, null, "no progress: " + h.message());
    }
    double[] times = IntegrationSettings.uniformTimes(t, SAMPLES);
    IntegrationResult ref = FlowIntegrator.integrate(ode, IntegrationSettings.of(REFERENCE_TOL, t)
        .withAbsoluteTolerance(0).withSamples(times).withBudget(FlowLimit.BUDGET));
    IntegrationResult coarse = FlowIntegrator.integrate(ode, IntegrationSettings.of(COARSE_TOL, t)
        .withAbsoluteTolerance(0).withSamples(times).withBudget(FlowLimit.BUDGET));
    if (!ref.reachedEnd() || !coarse.reachedEnd() || ref.trajectory().size() != times.length
        || coarse.trajectory().size() != times.length) {
      return new Run(p, rate, ode, null, null, "integration failed: " + ref.message() + "; " + coarse.message());
    }
    return new Run(p, rate, ode, ref.trajectory(), coarse.trajectory(), null);
  }

  /** The worst case of one form of (30) on one run. */
  record Worst(double excess, double noise, int[] set, double t0, double t, double cx, double cr, double sigma,
      double lhs, double rhs, int checkedSets) {
    boolean violated() {
      return excess > Refinement.CONSISTENCY * noise + LOG_ROUNDOFF;
    }

    String describe(int depth) {
      return String.format(Locale.ROOT, "I = %s, t0 = %.4g, t = %.4g, c_x = %.4g, c_r = %.4g, sigma_min(A_I) = %.4g: "
          + "log(L(t)/L(t0)) = %.6g vs claimed <= %.6g (excess %.3g, noise %.1e, L = %d)", Arrays.toString(set), t0, t,
          cx, cr, sigma, lhs, rhs, excess, noise, depth);
    }
  }

  /** Index sets with A_I of full rank as the form reads it. */
  static List<int[]> sets(DiagonalNetInstance p, Form form) {
    List<int[]> out = new ArrayList<>();
    int n = p.columns();
    int m = p.rows();
    for (int mask = 1; mask < (1 << n); mask++) {
      int[] s = new int[Integer.bitCount(mask)];
      for (int j = 0, c = 0; j < n; j++) {
        if ((mask & (1 << j)) != 0) {
          s[c++] = j;
        }
      }
      if (form.rowRankOnly && s.length < m) {
        continue;
      }
      if (ColumnSubmatrices.smallestSingularValue(p.a(), s) > RANK_TOL) {
        out.add(s);
      }
    }
    return out;
  }

  static Worst worst(Run run, Form form) {
    DiagonalNetInstance p = run.p();
    int depth = p.depth();
    Trajectory ref = run.ref();
    int size = ref.size();
    double[] logL = new double[size];
    double[] noise = new double[size];
    double[] etaR = new double[size];
    double[][] x = new double[size][];
    for (int i = 0; i < size; i++) {
      double[] s = ref.state(i);
      double l = run.ode().loss(s);
      logL[i] = Math.log(l);
      noise[i] = Math.abs(logL[i] - Math.log(run.ode().loss(run.coarse().state(i))));
      etaR[i] = run.ode().etaR(s);
      x[i] = run.ode().point(s);
    }
    Worst worst = null;
    List<int[]> sets = sets(p, form);
    for (int[] set : sets) {
      double sigma = ColumnSubmatrices.smallestSingularValue(p.a(), set);
      for (int i0 = 0; i0 < size - 1; i0 += STRIDE) {
        double cx = Double.POSITIVE_INFINITY;
        double cr = Double.POSITIVE_INFINITY;
        for (int i = i0; i < size; i++) {
          for (int n : set) {
            cx = Math.min(cx, Math.abs(x[i][n]));
          }
          cr = Math.min(cr, etaR[i]);
          if (i == i0 || !Double.isFinite(logL[i])) {
            continue;
          }
          double dt = ref.time(i) - ref.time(i0);
          double k = rate(form, depth, cr, cx, set.length, sigma);
          double lhs = logL[i] - logL[i0];
          double rhs = -k * dt;
          double excess = form.reversed ? rhs - lhs : lhs - rhs;
          double nz = noise[i] + noise[i0];
          if (worst == null || excess - Refinement.CONSISTENCY * nz > worst.excess() - Refinement.CONSISTENCY * worst.noise()) {
            worst = new Worst(excess, nz, set, ref.time(i0), ref.time(i), cx, cr, sigma, lhs, rhs, sets.size());
          }
        }
      }
    }
    return worst;
  }

  /** The rate constant of (30) as the form reads it: factor min(c_r, c_u c_x^2 |I|) 2L c_x^p sigma_min^2(A_I). */
  static double rate(Form form, int depth, double cr, double cx, int setSize, double sigma) {
    double power = (form.proofExponent ? 2.0 * depth - 2 : 2.0) + form.exponentShift;
    return form.factor * Math.min(cr, cx * cx * setSize) * 2 * depth * Math.pow(cx, power) * sigma * sigma;
  }

  /**
   * The loss along a run and the bound (30) claims from the worst window's start t0 on, with T = t
   * and c_x, c_r measured on [t0, t] as {@link #worst} measures them: the curve a reader compares
   * the loss with. For display only; the verdict is {@link #worst}'s.
   */
  static Plot envelope(Run run, Form form, Worst w, String label) {
    Trajectory ref = run.ref();
    int size = ref.size();
    double[] t = new double[size];
    double[] loss = new double[size];
    int i0 = 0;
    for (int i = 0; i < size; i++) {
      t[i] = ref.time(i);
      loss[i] = run.ode().loss(ref.state(i));
      if (t[i] == w.t0()) {
        i0 = i;
      }
    }
    double[] tb = new double[size - i0];
    double[] bound = new double[size - i0];
    double cx = Double.POSITIVE_INFINITY;
    double cr = Double.POSITIVE_INFINITY;
    for (int i = i0; i < size; i++) {
      double[] s = ref.state(i);
      double[] x = run.ode().point(s);
      for (int n : w.set()) {
        cx = Math.min(cx, Math.abs(x[n]));
      }
      cr = Math.min(cr, run.ode().etaR(s));
      tb[i - i0] = t[i];
      bound[i - i0] = loss[i0] * Math.exp(-rate(form, run.p().depth(), cr, cx, w.set().length, w.sigma()) * (t[i] - t[i0]));
    }
    return Plot.envelope("loss along " + label + " against the bound (30) " + form.text + " from t0 = "
        + String.format(Locale.ROOT, "%.4g", w.t0()) + ", I = " + Arrays.toString(w.set()) + " (the worst window)", "t",
        "loss L(x(t))", List.of(Plot.Series.of("L(x(t)), " + label, Plot.Role.OBSERVED, t, loss),
            Plot.Series.of("bound (30) from t0", form.reversed ? Plot.Role.LOWER_BOUND : Plot.Role.UPPER_BOUND, tb, bound)));
  }

  boolean fails(DiagonalNetInstance p) {
    if (ChouHypotheses.firstUnmet(hypotheses(), p).isPresent()) {
      return false;
    }
    for (LearningRate rate : LearningRate.values()) {
      Run r = run(p, rate);
      if (r.problem() == null) {
        Worst w = worst(r, form);
        if (w != null && w.violated()) {
          return true;
        }
      }
    }
    return false;
  }

  private String failure(DiagonalNetInstance p) {
    for (LearningRate rate : LearningRate.values()) {
      Run r = run(p, rate);
      if (r.problem() == null) {
        Worst w = worst(r, form);
        if (w != null && w.violated()) {
          return "(30) " + form.text + " fails along the " + rate + " flow: " + w.describe(p.depth());
        }
      }
    }
    return "no failure on replay";
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    Form[] controls = form == Form.PRINTED
        ? new Form[] {Form.DOUBLED, Form.COLUMN_RANK, Form.EXPONENT_OFF_BY_ONE, Form.REVERSED}
        : new Form[] {Form.COLUMN_RANK, Form.DOUBLED, Form.EXPONENT_OFF_BY_ONE, Form.REVERSED};
    int[][] controlCounts = new int[controls.length][2];
    String[] controlDetail = new String[controls.length];
    int held = 0;
    int undecided = 0;
    Sample<DiagonalNetInstance> violating = null;
    String violation = null;
    Worst rowRankViolation = null;
    String rowRankRun = null;
    Plot plot = null; // the first run's envelope, replaced by the first violating run's
    boolean plotViolates = false;
    for (Sample<DiagonalNetInstance> g : instances) {
      DiagonalNetInstance p = g.instance();
      for (LearningRate rate : LearningRate.values()) {
        ctx.checkpoint();
        Run r = run(p, rate);
        if (r.problem() != null) {
          undecided++;
          notes.add(g.label() + " (" + rate + "): INCONCLUSIVE, " + r.problem());
          continue;
        }
        Worst w = worst(r, form);
        if (w == null) {
          undecided++;
          notes.add(g.label() + " (" + rate + "): no index set with A_I of full rank");
          continue;
        }
        rows.add(List.of(g.label(), rate.name(), p.depth(), r.ref().time(r.ref().size() - 1), w.checkedSets(),
            Arrays.toString(w.set()), w.t0(), w.t(), w.cx(), w.sigma(), w.lhs(), w.rhs(), -w.excess(), w.noise()));
        if (plot == null || w.violated() && !plotViolates) {
          plot = envelope(r, form, w, g.label() + " (" + rate + ")");
          plotViolates = w.violated();
        }
        if (w.violated()) {
          if (violating == null) {
            violating = g;
            violation = g.label() + " (" + rate + "): " + w.describe(p.depth());
          }
        } else {
          held++;
        }
        if (form == Form.PRINTED && rowRankViolation == null) {
          Worst rw = worst(r, Form.PRINTED_ROW_RANK);
          if (rw != null && rw.violated()) {
            rowRankViolation = rw;
            rowRankRun = g.label() + " (" + rate + "): " + rw.describe(p.depth());
          }
        }
        for (int c = 0; c < controls.length; c++) {
          Worst cw = worst(r, controls[c]);
          if (cw != null && cw.violated()) {
            controlCounts[c][0]++;
            if (controlDetail[c] == null) {
              controlDetail[c] = g.label() + " (" + rate + "): " + cw.describe(p.depth());
            }
          } else if (cw != null) {
            controlCounts[c][1]++;
          }
        }
      }
    }
    for (int c = 0; c < controls.length; c++) {
      if (controls[c] == Form.COLUMN_RANK && controlCounts[c][0] == 0) {
        controlDetail[c] = decideOnColumnRankOnly(ctx, controlCounts[c], controlDetail[c]);
      }
    }
    out.table(new EvidenceTable("(30) " + form.text + ": worst case over index sets I, window starts t0 and times t "
        + "(slack = log of claimed factor minus log(L(t)/L(t0)); negative = violated)",
        List.of("instance", "eta_r", "L", "T", "index sets", "worst I", "t0", "t", "c_x", "sigma_min(A_I)",
            "log(L(t)/L(t0))", "claimed", "slack", "noise"), rows));
    out.evidence("per run", notes);
    if (plot != null) {
      out.plot(plot);
    }
    for (int c = 0; c < controls.length; c++) {
      int[] cc = controlCounts[c];
      out.control(new NegativeControl(controls[c].text, cc[0] > 0 ? Verdict.VIOLATED : cc[1] > 0 ? Verdict.HOLDS
          : Verdict.INCONCLUSIVE, "violated on " + cc[0] + " run(s), held on " + cc[1]
          + (controlDetail[c] == null ? "" : "; e.g. " + controlDetail[c])));
    }
    int runs = instances.size() * LearningRate.values().length;
    if (violating != null) {
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", violating.instance(), this::fails,
          this::failure, SHRINK_BUDGET);
      out.counterexample(s.counterexample());
      String extra = rowRankViolation != null
          ? "; it fails also for index sets with rank(A_I) = M, so the exponent alone breaks it (the proof gives "
              + "c_x^(2L-2), smaller than c_x^2 when c_x < 1 and L > 2), e.g. " + rowRankRun
          : "";
      if (rowRankRun != null) {
        out.evidence("violation with rank(A_I) = M (exponent alone)", rowRankRun);
      }
      out.verdict(Verdict.VIOLATED, "FINDING: (30) " + form.text + " fails on " + violation + extra);
    } else if (held == runs && Arrays.stream(controlCounts).allMatch(cc -> cc[0] > 0)) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "(30) %s held on all %d run(s) (both learning rates), for "
          + "every full-rank index set, window start and time; controls rejected", form.text, runs));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "(30) held on " + held + " of " + runs + " run(s), " + undecided
          + " undecided; controls rejected: " + Arrays.stream(controlCounts).filter(cc -> cc[0] > 0).count() + " of "
          + controls.length);
    }
  }
}
