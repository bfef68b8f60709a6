package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.check.problem.Sample;
import org.wnverify.check.problem.SampledClaim;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.NetworkFlow;
import org.wnverify.numeric.network.NetworkInstance;
import org.wnverify.numeric.network.NetworkObjective;
import org.wnverify.numeric.network.Parameterization;
import org.wnverify.numeric.network.StepSchedule;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.FlowSystem;
import org.wnverify.numeric.ode.IntegrationSettings;

/**
 * Theorem 3 (G.1.2 flow form, eta = 1 so d(t) = t): EWN's loss decays as
 * Theta(1/(t (log t)^2)) and ||w|| grows as Theta((log t)^(1/L)). The exponent is told apart from
 * its competitors, not fitted: along the flow path, Q = log(1/(L t)) against log log t has local
 * slope p -> 2, and log ||w|| against log log t has slope 1/L. The path is integrated in the
 * normalized time of eta = 1/L with tau = log t carried as a state (d tau/ds = e^{-log L - tau}),
 * so t ~ e^10000 is reached without overflow. Controls, judged the same way: p = 1, p = 3, and
 * the EWN exponent claimed for the Unnorm flow (whose exponent is 2 - 2/L, Lyu and Li).
 */
final class Theorem3 extends SampledClaim<NetworkInstance> {
  /** Loss levels (log L) at which the slopes are read; corrections are O(log log t / log t). */
  static final double[] LEVELS = {-300, -1000, -3000, -10000};
  /** The default audit stops at e^-3000 (its last slope was within 0.02 of the e^-10000 one). */
  static final double[] QUICK_LEVELS = {-300, -1000, -3000};
  /** A slope within this of the claimed exponent, and closer than to both competitors, confirms it. */
  static final double SLOPE_TOL = 0.3;
  static final int QUICK_PROBLEMS = 2;

  private final LossFunction loss;

  Theorem3() {
    this(LossFunction.EXPONENTIAL, "ewn/theorem-3", "Morwani and Ramaswamy, Theorem 3, App. G (G.1.2 for flow); abstract",
        "For EWN under (A1)-(A4) (flow, d(t) = t for eta = 1): ||w(t)|| grows as Theta((log d(t))^(1/L)) and "
            + "L(w(t)) decreases as Theta(1/(d(t) (log d(t))^2)); the exponent 2 does not depend on L");
  }

  /** The same check for another loss (App. H, Theorem 5: cross-entropy). */
  Theorem3(LossFunction loss, String id, String location, String statement) {
    super(ClaimId.parse(id), location, statement, ClaimKind.ASYMPTOTIC);
    this.loss = loss;
  }

  @Override
  public ProblemFamily<NetworkInstance> problem() {
    return EwnNetworkFamily.INSTANCE;
  }

  @Override
  public List<? extends Hypothesis<NetworkInstance>> hypotheses() {
    return List.of(Hypothesis.of(loss == LossFunction.EXPONENTIAL ? "(L1) exponential loss, binary labels"
        : "(L1') cross-entropy loss, binary labels", i -> i.loss() == loss && i.data().isBinary() ? null : "loss " + i.loss()));
  }

  @Override
  protected Supplier<Sample<NetworkInstance>> sampler(CheckContext ctx) {
    var it = NetworkSampler.linSep(ctx.random(ClaimId.parse("ewn/lin-sep")), 64, AsymptoticClaim.HIDDEN,
        loss).iterator();
    return () -> {
      var s = it.next();
      return new Sample<>(s.instance(), s.label());
    };
  }

  /** theta and tau = log t under d theta/ds = -grad log L. */
  static final class TimedFlow implements FlowSystem {
    final NetworkFlow f;
    final int p;

    TimedFlow(NetworkFlow f) {
      this.f = f;
      this.p = f.getDimension();
    }

    @Override
    public int getDimension() {
      return p + 1;
    }

    @Override
    public void computeDerivatives(double s, double[] y, double[] yDot) {
      double[] th = Arrays.copyOf(y, p);
      double[] d = new double[p];
      f.computeDerivatives(s, th, d);
      System.arraycopy(d, 0, yDot, 0, p);
      yDot[p] = Math.exp(-f.logLoss(th) - y[p]);
    }

    @Override
    public double[] initialState() {
      return Arrays.copyOf(f.initialState(), p + 1); // tau(0) = 0: t measured from 1
    }

    @Override
    public double[] point(double[] y) {
      return f.point(Arrays.copyOf(y, p));
    }

    @Override
    public double loss(double[] y) {
      return f.loss(Arrays.copyOf(y, p));
    }
  }

  /**
   * Slopes of Q and of log ||w|| against log log t between successive levels.
   *
   * @param logLogT, q the path (log log t, Q) for the chart, from t > e on (log log t > 0)
   */
  record Rates(double[] lossSlopes, double[] normSlopes, int degree, String problem, double[] logLogT, double[] q) {}

  static Rates rates(NetworkInstance inst, Parameterization param, double[] levels) {
    NetworkObjective obj = inst.objective(param);
    NetworkFlow f = new NetworkFlow(obj, StepSchedule.inverseLossPower(1, 1), inst.initialParameters(param));
    TimedFlow tf = new TimedFlow(f);
    double target = levels[levels.length - 1];
    var res = FlowIntegrator.integrate(tf, IntegrationSettings.of(AsymptoticRun.FLOW_TOLERANCE, 1e7)
        .withRecordSteps(true).withBudget(4_000_000), y -> f.logLoss(Arrays.copyOf(y, tf.p)) - target);
    var tr = res.trajectory();
    double[] q = new double[levels.length];
    double[] lw = new double[levels.length];
    double[] llt = new double[levels.length];
    int li = 0;
    List<double[]> path = new ArrayList<>();
    for (int k = 0; k < tr.size() && li < levels.length; k++) {
      double[] y = tr.state(k);
      double ll = f.logLoss(Arrays.copyOf(y, tf.p));
      if (y[tf.p] > 1) {
        path.add(new double[] {Math.log(y[tf.p]), -ll - y[tf.p]});
      }
      while (li < levels.length && ll <= levels[li] + 1e-9 * Math.abs(levels[li])) {
        double tau = y[tf.p];
        q[li] = -ll - tau;
        lw[li] = Math.log(Vectors.norm(tf.point(y)));
        llt[li] = Math.log(tau);
        li++;
      }
    }
    int degree = inst.net().degree();
    if (li < levels.length) {
      return new Rates(null, null, degree, "flow stopped at log L above " + levels[li] + ": " + res.message(), null, null);
    }
    double[] ls = new double[levels.length - 1];
    double[] ns = new double[levels.length - 1];
    for (int k = 1; k < levels.length; k++) {
      ls[k - 1] = (q[k] - q[k - 1]) / (llt[k] - llt[k - 1]);
      ns[k - 1] = (lw[k] - lw[k - 1]) / (llt[k] - llt[k - 1]);
    }
    return new Rates(ls, ns, degree, null, path.stream().mapToDouble(v -> v[0]).toArray(),
        path.stream().mapToDouble(v -> v[1]).toArray());
  }

  /**
   * Q = log(1/(L t)) against log log t along both flows, with a line of the claimed slope 2
   * through the EWN path's last point: Theta(1/(t (log t)^2)) is a path that ends parallel to it. For the reader; the verdict is read from the slopes.
   */
  static Plot path(String label, Rates ewn, Rates un) {
    List<Plot.Series> series = new ArrayList<>();
    series.add(Plot.Series.of("EWN", Plot.Role.OBSERVED, ewn.logLogT(), ewn.q()));
    series.add(Plot.Series.of("Unnorm", Plot.Role.OBSERVED, un.logLogT(), un.q()));
    int n = ewn.q().length;
    if (n > 1) {
      double x1 = ewn.logLogT()[n - 1];
      double y1 = ewn.q()[n - 1];
      double x0 = ewn.logLogT()[0];
      series.add(Plot.Series.of("slope 2 (Theorem 3)", Plot.Role.REFERENCE, new double[] {x0, x1},
          new double[] {y1 - 2 * (x1 - x0), y1}));
    }
    return new Plot(label + ": log(1/(L t)) against log log t; Theorem 3 says the EWN path ends parallel to slope 2",
        Plot.Kind.ENVELOPE, "log log t", "log(1/(L(t) t))", Plot.Scale.LINEAR, Plot.Scale.LINEAR, series);
  }

  /** Whether the last loss slope confirms exponent p against p - 1 and p + 1, with the norm slope 1/L. */
  static Verdict judge(Rates r, double p) {
    double last = r.lossSlopes()[r.lossSlopes().length - 1];
    double norm = r.normSlopes()[r.normSlopes().length - 1];
    boolean near = Math.abs(last - p) <= SLOPE_TOL && Math.abs(norm - 1.0 / r.degree()) <= SLOPE_TOL / r.degree();
    boolean far = Math.abs(last - p) > 2 * SLOPE_TOL;
    return near ? Verdict.HOLDS : far ? Verdict.VIOLATED : Verdict.INCONCLUSIVE;
  }

  @Override
  protected void checkSamples(CheckContext ctx, List<Sample<NetworkInstance>> all, ClaimOutcome.Builder out) {
    List<Sample<NetworkInstance>> samples = ctx.profile() == CheckContext.Profile.PAPER
        ? all : all.subList(0, Math.min(loss == LossFunction.EXPONENTIAL ? QUICK_PROBLEMS : 1, all.size()));
    double[] levels = ctx.profile() == CheckContext.Profile.PAPER ? LEVELS : QUICK_LEVELS;
    List<List<Object>> rows = new ArrayList<>();
    Map<String, int[]> tally = new LinkedHashMap<>();
    int holds = 0;
    int undecided = 0;
    String violated = null;
    boolean plotted = false; // the first decided problem's path
    for (Sample<NetworkInstance> s : samples) {
      Verdict v = judgeOne(ctx, s.instance(), s.label(), levels, rows, tally, !plotted ? out : null);
      plotted |= v != null;
      if (v == null) {
        undecided++;
        continue;
      }
      switch (v) {
        case HOLDS -> holds++;
        case VIOLATED -> violated = violated == null ? s.label() + ": EWN loss slopes " + rows.get(rows.size() - 1).get(1)
            : violated;
        default -> undecided++;
      }
    }
    // Issue 19: when no sample decided the controls (their (A1)-(A4) not observed, or the flow stopped),
    // they are decided on the dedicated instance of DistinctNorms, where the statement must hold.
    String dedicated = "";
    List<String> open = MUTATIONS.stream().filter(m -> {
      int[] c = tally.get(m);
      return c == null || c[0] + c[1] == 0;
    }).toList();
    if (!open.isEmpty()) {
      Map<String, int[]> extra = new LinkedHashMap<>();
      Verdict v = judgeOne(ctx, DistinctNorms.instance(loss), DistinctNorms.LABEL, levels, rows, extra, null);
      if (v == Verdict.HOLDS) {
        open.forEach(m -> tally.merge(m, extra.get(m), (a, b) -> new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]}));
        dedicated = " (on the " + DistinctNorms.LABEL + ": no sample decided it)";
      } else {
        dedicated = " (the " + DistinctNorms.LABEL + " could not decide it: " + (v == null ? "not judged" : v) + ")";
      }
      if (v == Verdict.VIOLATED && violated == null) {
        violated = DistinctNorms.LABEL + ": EWN loss slopes " + rows.get(rows.size() - 1).get(1);
      }
    }
    out.table(new EvidenceTable("local slopes against log log t between log L = " + Arrays.toString(levels)
        + " (EWN loss: -> 2; norm: -> 1/L)", List.of("problem", "EWN d log(1/(L t))/d log log t",
        "EWN d log||w||/d log log t", "Unnorm d log(1/(L t))/d log log t", "note"), rows));
    for (String m : MUTATIONS) {
      var nc = EwnChecks.tallied(m, tally.getOrDefault(m, new int[3]));
      out.control(new org.wnverify.check.NegativeControl(nc.mutation(), nc.verdict(), nc.detail()
          + (open.contains(m) ? dedicated : "")));
    }
    out.evidence("judgement", "the last slope within " + SLOPE_TOL + " of the exponent (and the norm slope within "
        + "0.3/L of 1/L) confirms it; more than " + 2 * SLOPE_TOL + " away rejects it");
    if (violated != null) {
      out.verdict(Verdict.VIOLATED, "exponent 2 not seen: " + violated);
    } else if (holds > 0 && undecided == 0) {
      out.verdict(Verdict.HOLDS, "loss slope -> 2 and norm slope -> 1/L on all " + holds + " problem(s)");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, holds + " problem(s) confirm, " + undecided + " undecided");
    }
  }

  static final List<String> MUTATIONS = List.of("exponent 1 in place of 2: L = Theta(1/(t log t))",
      "exponent 3 in place of 2: L = Theta(1/(t (log t)^3))", "the EWN rate (exponent 2) claimed for the Unnorm flow");

  /**
   * One problem: (A1)-(A4) observed on its EWN flow path, the rates of both flows, a row, the
   * controls counted into {@code tally} and (if {@code plotTo} is given) its path plotted.
   *
   * @return the statement's verdict on it, null where it was not judged
   */
  private Verdict judgeOne(CheckContext ctx, NetworkInstance inst, String label, double[] levels,
      List<List<Object>> rows, Map<String, int[]> tally, ClaimOutcome.Builder plotTo) {
    ctx.checkpoint();
    // (A1)-(A4) observed on the EWN flow path (the run Theorem 2 / Theorem 4 also read, cached)
    AsymptoticRun path = AsymptoticRun.of(inst, Parameterization.EWN, null, AsymptoticClaim.FLOW_LEVELS, () -> {
      ctx.checkpoint();
      return false;
    });
    List<Assumptions.Observed> obs = Assumptions.observe(path, false);
    if (!Assumptions.allObserved(obs)) {
      rows.add(List.of(label, "-", "-", "-", "not judged: " + Assumptions.unobserved(obs)));
      return null;
    }
    Rates ewn = rates(inst, Parameterization.EWN, levels);
    Rates un = rates(inst, Parameterization.UNNORM, levels);
    if (ewn.problem() != null || un.problem() != null) {
      rows.add(List.of(label, "-", "-", "-", ewn.problem() != null ? ewn.problem() : un.problem()));
      return null;
    }
    rows.add(List.of(label, Assumptions.fmt(ewn.lossSlopes()), Assumptions.fmt(ewn.normSlopes()),
        Assumptions.fmt(un.lossSlopes()), String.format(Locale.ROOT, "L = %d: Unnorm exponent 2 - 2/L = %.3g",
            ewn.degree(), 2 - 2.0 / ewn.degree())));
    if (plotTo != null) {
      plotTo.plot(path(label, ewn, un));
    }
    count(tally, MUTATIONS.get(0), judge(ewn, 1));
    count(tally, MUTATIONS.get(1), judge(ewn, 3));
    count(tally, MUTATIONS.get(2), judge(un, 2));
    return judge(ewn, 2);
  }

  static void count(Map<String, int[]> t, String name, Verdict v) {
    t.computeIfAbsent(name, k -> new int[3])[v == Verdict.VIOLATED ? 0 : v == Verdict.HOLDS ? 1 : 2]++;
  }
}
