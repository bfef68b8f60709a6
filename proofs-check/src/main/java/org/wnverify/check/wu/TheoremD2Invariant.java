package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.wnverify.check.CheckContext;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.SmoothLoss;
import org.wnverify.numeric.wu.WuFlow;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Theorem D.2 (Appendix D): for a loss with Assumption D.1 (here logistic loss, the paper's example
 * "overparametrized logistic regression", and least squares, both with P = A^+ A), the WN gradient
 * flow of h(g, w) = L(g w/||w||) from a w0 of any norm keeps w_t_perp = exp((g0^2 - g_t^2)/(2||w0||^2)) w0_perp,
 * checked as the conserved quantity w_perp exp((g^2 - g0^2)/(2||w0||^2)) by refinement.
 *
 * <p>"The WN gradient flow" is read as the gradient flow of h, i.e. equal rates for g and w (c = 1).
 * Algorithm 1 has separate step sizes; under Condition 2.1 (gamma = c eta) its flow has ratio c, and
 * the proof of Lemma 2.5 then gives 2 c ||w0||^2 in the exponent: that reading is checked separately
 * (#with-ratio-c, printed formula; #with-ratio-c-corrected, with the c).
 *
 * <p>For a logistic instance the record's y holds the labels (+1/-1) of L(x) = sum_i log(1 + exp(-y_i a_i^T x)).
 */
final class TheoremD2Invariant extends InvariantClaim {
  /** Which loss and which rate reading. */
  enum Mode {
    LOGISTIC("wu/theorem-d.2", true, false, false),
    LEAST_SQUARES("wu/theorem-d.2#least-squares", false, false, false),
    RATIO_C("wu/theorem-d.2#with-ratio-c", true, true, false),
    RATIO_C_CORRECTED("wu/theorem-d.2#with-ratio-c-corrected", true, true, true);

    final String id;
    final boolean logistic;
    final boolean ratio;
    final boolean corrected;

    Mode(String id, boolean logistic, boolean ratio, boolean corrected) {
      this.id = id;
      this.logistic = logistic;
      this.ratio = ratio;
      this.corrected = corrected;
    }
  }

  static final String STATEMENT = "Theorem D.2 (WN flow Invariance for General Loss). Consider the loss function in (15) "
      + "with Assumption D.1. The WN method transforms the loss function to h(g, w) = L(g_t w_t/||w_t||). The WN gradient "
      + "flow from Algorithm 1 with initial condition (w0, g0), started from w0 with not necessarily unit norm, has the "
      + "invariant w_t_perp = exp((g0^2 - g_t^2)/(2||w0||^2)) w0_perp.";

  /** How far ||w0||^2 must be from 1 for the "||w0||^2 dropped" control to differ from the statement. */
  static final double NORM_GAP = 0.05;

  private final Mode mode;

  TheoremD2Invariant(Mode mode) {
    super(mode.id, "Wu et al., Appendix D, Theorem D.2 (001_b498c678a289d7b1.txt, lines 612-616)"
        + (mode.ratio ? "; flow of Algorithm 1 under Condition 2.1 (ratio c)" : ""),
        mode.corrected ? "w_t_perp = exp((g0^2 - g_t^2)/(2 c ||w0||^2)) w0_perp along the WN flow with ratio c of Condition 2.1 "
            + "(logistic loss; Theorem D.2 with the c of Lemma 2.5)"
            : STATEMENT + (mode.logistic ? " [checked on logistic loss" : " [checked on least squares")
            + (mode.ratio ? ", flow with ratio c of Condition 2.1]" : ", gradient flow of h (c = 1)]"));
    this.mode = mode;
  }

  static final WuHypothesis C_ONE = new WuHypothesis("c = 1 (the gradient flow of h: equal rates for g and w)",
      p -> WuHypothesis.when(p.c() != 1, "c = " + p.c()));

  static final WuHypothesis LABELS = new WuHypothesis("labels y_i in {-1, +1} (logistic loss)", p -> {
    for (double v : p.y()) {
      if (Math.abs(v) != 1) {
        return java.util.Optional.of("y_i = " + v);
      }
    }
    return java.util.Optional.empty();
  });

  @Override
  public List<WuHypothesis> hypotheses() {
    List<WuHypothesis> hs = new ArrayList<>();
    hs.add(mode.ratio ? WuHypothesis.C_POSITIVE : C_ONE);
    if (mode.logistic) {
      hs.add(LABELS);
    }
    return hs;
  }

  @Override
  List<String> notes() {
    return List.of("flow: dg/dt = -c v^T grad L(g v), dw/dt = -(g/||w||) (I - v v^T) grad L(g v), v = w/||w|| (the gradient "
            + "flow of h; Appendix B's derivation), c = " + (mode.ratio ? "the sampled ratio" : "1"),
        "P = A^+ A (both losses depend on x only through A x); w_perp = (I - P) w",
        mode.logistic ? "data: separable (full-rank A, any labels) and non-separable (rows a1, a2, -(a1 + a2) with labels +1; "
            + "a row repeated with opposite labels)" : "least squares ||A x - y||^2/2 from a w0 of any norm (Lemma 2.5 needs ||w0|| = 1)");
  }

  @Override
  WuFlow flow(WuInstance p) {
    SmoothLoss loss = mode.logistic ? SmoothLoss.logistic(p.a(), p.y()) : SmoothLoss.leastSquares(WuObjective.of(p));
    return new WuFlow(loss, p.g0(), p.w0(), p.c(), WuFlow.Form.CORRECTED);
  }

  /**
   * Stop the horizon once ||w_perp|| fell to this fraction of its start: on separable data g grows
   * without bound, w_perp decays like exp(-g^2/(2||w0||^2)), and below ~1e-4 of its start its
   * entries are differences of O(1) numbers accurate only to the integration tolerance, so the
   * rescaled quantity would measure noise, not the invariant.
   */
  static final double MEASURABLE_DECAY = 1e-4;

  @Override
  java.util.function.ToDoubleFunction<double[]> stop(WuInstance p) {
    WuGeometry geo = WuGeometry.of(p);
    double n0 = Vectors.norm(geo.perp(p.w0()));
    return n0 == 0 ? null : st -> Vectors.norm(geo.perp(WuFlow.w(st))) / n0 - MEASURABLE_DECAY;
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(make(s, separable(s), 0.5, 0.0), "corner: separable, ||w0|| = 0.5, g0 = 0"));
    out.add(new WuSample(make(s, nonSeparable(s), 2.0, 0.8), "corner: non-separable (a1, a2, -(a1 + a2)), ||w0|| = 2"));
    out.add(new WuSample(make(s, repeatedRow(s), 3.0, -1.0), "corner: non-separable (a row with both labels), ||w0|| = 3, g0 < 0"));
    out.add(new WuSample(make(s, separable(s), 1.0, 1.5), "corner: separable, ||w0|| = 1"));
    for (int i = out.size(); i < n; i++) {
      WuInstance base = s.random().nextBoolean() ? separable(s) : nonSeparable(s);
      out.add(new WuSample(make(s, base, s.logUniform(0.3, 3), s.uniform(-2, 2)), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  /** The base's data with w0 of the given norm, g0, and c = 1 (or a sampled ratio away from 1 for #with-ratio-c). */
  private WuInstance make(WuSampler s, WuInstance base, double norm, double g0) {
    double c = mode.ratio ? (s.random().nextBoolean() ? s.uniform(0.2, 0.6) : s.uniform(1.7, 4)) : 1.0;
    double[] y = mode.logistic ? base.y() : s.gaussianVector(base.rows());
    return new WuInstance(base.a(), y, Vectors.scale(norm, s.unitVector(base.columns())), g0, c);
  }

  private static double[] labels(WuSampler s, int m) {
    double[] y = new double[m];
    for (int i = 0; i < m; i++) {
      y[i] = s.random().nextBoolean() ? 1 : -1;
    }
    return y;
  }

  /** Full-rank A (m <= d rows): any labels are linearly separable. */
  private static WuInstance separable(WuSampler s) {
    WuInstance p = s.general();
    return new WuInstance(p.a(), labels(s, p.rows()), p.w0(), p.g0(), 1.0);
  }

  /** Rows a1, a2, -(a1 + a2), labels +1: no x has all three margins positive. */
  private static WuInstance nonSeparable(WuSampler s) {
    int d = s.between(3, 5);
    double[][] two = s.generalMatrix(2, d);
    double[] third = new double[d];
    for (int k = 0; k < d; k++) {
      third[k] = -(two[0][k] + two[1][k]);
    }
    double[][] a = {two[0], two[1], third};
    return new WuInstance(a, new double[] {1, 1, 1}, s.unitVector(d), 0, 1.0);
  }

  /** One row twice with labels +1 and -1 (and a third row): non-separable. */
  private static WuInstance repeatedRow(WuSampler s) {
    int d = s.between(3, 5);
    double[][] two = s.generalMatrix(2, d);
    double[][] a = {two[0], two[0].clone(), two[1]};
    return new WuInstance(a, new double[] {1, -1, s.random().nextBoolean() ? 1 : -1}, s.unitVector(d), 0, 1.0);
  }

  /** w_perp exp(sign (g^2 - g0^2) / (k ||w0||^2)) for the factor k (2 c in the statement). */
  static Function<double[], double[]> form(WuInstance p, double k, double sign, boolean withNorm) {
    WuGeometry geo = WuGeometry.of(p);
    double g02 = p.g0() * p.g0();
    double n2 = withNorm ? Math.pow(Vectors.norm(p.w0()), 2) : 1;
    return st -> Vectors.scale(Math.exp(sign * (st[0] * st[0] - g02) / (k * n2)), geo.perp(WuFlow.w(st)));
  }

  private double rate(WuInstance p) {
    return mode.corrected ? p.c() : 1;
  }

  @Override
  Function<double[], double[]> quantity(WuInstance p) {
    return form(p, 2 * rate(p), 1, true);
  }

  static boolean normNotOne(WuInstance p) {
    return Lemma25Invariant.hasPerp(p) && Math.abs(Math.pow(Vectors.norm(p.w0()), 2) - 1) > NORM_GAP;
  }

  @Override
  List<Mutant> mutants() {
    List<Mutant> ms = new ArrayList<>();
    ms.add(new Mutant("||w0||^2 dropped from the exponent", p -> form(p, 2 * rate(p), 1, false), TheoremD2Invariant::normNotOne));
    ms.add(new Mutant("sign of the exponent flipped", p -> form(p, 2 * rate(p), -1, true), Lemma25Invariant::hasPerp));
    ms.add(new Mutant("the 2 dropped: exp((g0^2 - g^2)/||w0||^2)", p -> form(p, rate(p), 1, true), Lemma25Invariant::hasPerp));
    if (mode.corrected) {
      ms.add(new Mutant("c dropped (as printed)", p -> form(p, 2, 1, true),
          p -> Lemma25Invariant.hasPerp(p) && Lemma25Invariant.cNotOne(p)));
    }
    return ms;
  }
}
