package org.wnverify.check.chou;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.lp.PositiveKernelVector;
import org.wnverify.check.problem.ProblemFamily;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * The remark "Assumption on kernel of A" after Theorem 2.3: for A with a rotation-invariant random
 * kernel of dimension K (Gaussian A, K = N - M), the kernel meets the positive orthant with
 * probability p = 2^-(N-1) sum_{i<K} C(N-1, i) = 1 - 2^-(N-1) sum_{i <= N-K-1} C(N-1, i)
 * (M = 1: p = 1 - 2^-(N-1)), and for lambda = (N-K-1)/(N-1) <= 1/2,
 * p >= 1 - 2^{-(N-1)(1 + H(lambda))} with H(lambda) = lambda log2 lambda + (1-lambda) log2(1-lambda)
 * as printed (H <= 0, the negative of the binary entropy).
 *
 * <p>{@code #monte-carlo}: exact rational p for several shapes, both printed forms and the M = 1
 * case compared exactly, and p against the frequency of LP-feasible {v > 0, Av = 0} over Gaussian
 * draws. {@code #lower-bound}: the bound against the exact p for every N <= {@link #MAX_N} and
 * every admissible K.
 */
final class KernelProbabilityRemark implements Claim {
  /** Shapes (M, N) of the Monte Carlo check (K = N - M from 1 to 4). */
  static final int[][] SHAPES = {{1, 3}, {2, 4}, {2, 5}, {3, 5}, {3, 6}, {4, 6}, {2, 6}};
  /** Gaussian draws per shape per --samples (384 at the default 6: standard error <= 0.026). */
  static final int TRIALS_PER_SAMPLE = 64;
  /**
   * Allowed |frequency - p| in standard errors: 4 keeps the chance of a false alarm over all shapes
   * below 5e-4, while the off-by-one control (i <= K) sits 5 to 15 standard errors away at the
   * default size.
   */
  static final double Z = 4;
  /** Largest N of the exhaustive lower-bound check (p is exact; the bound is a double). */
  static final int MAX_N = 60;
  /** Rounding allowance of the double-precision right-hand side 1 - 2^(-(N-1)(1+H)). */
  static final double ROUNDOFF = 1e-14;

  private final ClaimId id;
  private final boolean monteCarlo;

  private KernelProbabilityRemark(String id, boolean monteCarlo) {
    this.id = ClaimId.parse(id);
    this.monteCarlo = monteCarlo;
  }

  static KernelProbabilityRemark monteCarlo() {
    return new KernelProbabilityRemark("chou/remark-kernel-probability#monte-carlo", true);
  }

  static KernelProbabilityRemark lowerBound() {
    return new KernelProbabilityRemark("chou/remark-kernel-probability#lower-bound", false);
  }

  @Override
  public ClaimId id() {
    return id;
  }

  @Override
  public String location() {
    return "Chou, Rauhut, Ward, remark 'Assumption on kernel of A' after Theorem 2.3 (Cover [10], Flum-Grohe [13])";
  }

  @Override
  public String statement() {
    return monteCarlo
        ? "For A with a rotation-invariant random kernel of dimension K (e.g. Gaussian A, K = N - M), the kernel meets "
            + "the positive orthant with probability p = 2^-(N-1) sum_{i=0}^{K-1} C(N-1, i) = 1 - 2^-(N-1) sum_{i=0}^{N-K-1} "
            + "C(N-1, i); for M = 1, p = 1 - (1/2)^(N-1)."
        : "For lambda := (N-K-1)/(N-1) <= 1/2: p >= 1 - 2^(-(N-1)(1+H(lambda))), H(lambda) = lambda log2 lambda + "
            + "(1-lambda) log2(1-lambda).";
  }

  @Override
  public ClaimKind kind() {
    return ClaimKind.BOUND;
  }

  /** The Monte Carlo check uses a supplied instance's shape (M, N); the lower bound is exhaustive. */
  @Override
  public java.util.Optional<ProblemFamily<?>> family() {
    return monteCarlo ? java.util.Optional.of(DiagonalNetFamily.INSTANCE) : java.util.Optional.empty();
  }

  @Override
  public java.util.Optional<String> unmetHypothesis(ProblemInstance supplied) {
    if (!(supplied instanceof DiagonalNetInstance instance)) {
      return java.util.Optional.of("not a diagonal-net instance");
    }
    return monteCarlo && instance.columns() <= instance.rows()
        ? java.util.Optional.of("hypothesis 'ker A of dimension K = N - M >= 1' is not met: M = " + instance.rows()
            + ", N = " + instance.columns())
        : java.util.Optional.empty();
  }

  /** sum_{i=0}^{upTo} C(n, i), exactly. */
  static BigInteger binomialSum(int n, int upTo) {
    BigInteger sum = BigInteger.ZERO;
    BigInteger c = BigInteger.ONE;
    for (int i = 0; i <= Math.min(upTo, n); i++) {
      sum = sum.add(c);
      c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return sum;
  }

  /** p = 2^-(N-1) sum_{i<K} C(N-1, i) as printed first (exact, then rounded to double). */
  static BigDecimal probability(int n, int k) {
    return new BigDecimal(binomialSum(n - 1, k - 1)).divide(new BigDecimal(BigInteger.TWO.pow(n - 1)));
  }

  /** The second printed form 1 - 2^-(N-1) sum_{i <= N-K-1} C(N-1, i). */
  static BigDecimal complementForm(int n, int k) {
    BigDecimal tail = n - k - 1 < 0 ? BigDecimal.ZERO : new BigDecimal(binomialSum(n - 1, n - k - 1));
    return BigDecimal.ONE.subtract(tail.divide(new BigDecimal(BigInteger.TWO.pow(n - 1))));
  }

  /** H as printed: lambda log2 lambda + (1 - lambda) log2(1 - lambda), with 0 log 0 = 0. */
  static double h(double lambda) {
    return xlog2x(lambda) + xlog2x(1 - lambda);
  }

  private static double xlog2x(double x) {
    return x <= 0 ? 0 : x * Math.log(x) / Math.log(2);
  }

  /** 1 - 2^(-(N-1)(1 + sign H(lambda))); sign = +1 as printed, -1 for the control. */
  static double lowerBound(int n, int k, double sign) {
    double lambda = (n - k - 1.0) / (n - 1.0);
    return 1 - Math.pow(2, -(n - 1) * (1 + sign * h(lambda)));
  }

  @Override
  public ClaimOutcome check(CheckContext ctx) {
    long seed = ctx.seedFor(id);
    ClaimOutcome.Builder out = ClaimOutcome.builder(id, seed);
    return monteCarlo ? checkMonteCarlo(ctx, out) : checkLowerBound(ctx, out);
  }

  private ClaimOutcome checkMonteCarlo(CheckContext ctx, ClaimOutcome.Builder out) {
    int[][] shapes = SHAPES;
    DiagonalNetInstance supplied = ctx.suppliedInstance(DiagonalNetFamily.INSTANCE).orElse(null);
    if (supplied != null) {
      if (supplied.columns() <= supplied.rows()) {
        return ClaimOutcome.inconclusive(id, ctx.seedFor(id), "supplied instance: the remark needs a kernel of dimension "
            + "K = N - M >= 1, got M = " + supplied.rows() + ", N = " + supplied.columns());
      }
      shapes = new int[][] {{supplied.rows(), supplied.columns()}};
      out.evidence("source", "supplied instance: its shape (M, N) = (" + supplied.rows() + ", " + supplied.columns()
          + "); its own A has a positive kernel vector: " + PositiveKernelVector.find(supplied.a()).isPresent());
    } else {
      out.evidence("source", "Gaussian draws (seed " + ctx.seed() + ")");
    }
    int trials = TRIALS_PER_SAMPLE * Math.max(1, ctx.samples());
    SplittableRandom rng = ctx.random(id);
    List<List<Object>> rows = new ArrayList<>();
    boolean formsAgree = true;
    boolean mOneAgrees = true;
    int off = 0;
    int controlRejected = 0;
    int[] mutantRejected = new int[MC_MUTATIONS.size()];
    String offShape = null;
    for (int[] shape : shapes) {
      int m = shape[0];
      int n = shape[1];
      int k = n - m;
      BigDecimal p = probability(n, k);
      formsAgree &= p.compareTo(complementForm(n, k)) == 0;
      if (m == 1) {
        mOneAgrees &= p.compareTo(BigDecimal.ONE.subtract(BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(n - 1)))))
            == 0;
      }
      int hits = 0;
      for (int t = 0; t < trials; t++) {
        if (t % 64 == 0) {
          ctx.checkpoint();
        }
        double[][] a = new double[m][n];
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < n; j++) {
            a[i][j] = rng.nextGaussian();
          }
        }
        if (PositiveKernelVector.find(a).isPresent()) {
          hits++;
        }
      }
      double freq = (double) hits / trials;
      double pd = p.doubleValue();
      double se = Math.sqrt(Math.max(pd * (1 - pd), 1.0 / trials) / trials);
      double z = (freq - pd) / se;
      double pOff = probability(n, k + 1).doubleValue();
      double seOff = Math.sqrt(Math.max(pOff * (1 - pOff), 1.0 / trials) / trials);
      double zOff = (freq - pOff) / seOff;
      rows.add(List.of(m, n, k, p.round(MathContext.DECIMAL64).doubleValue(), hits, trials, freq, z, pOff, zOff));
      if (Math.abs(z) > Z) {
        off++;
        offShape = offShape == null ? String.format(Locale.ROOT, "(M, N) = (%d, %d): frequency %.4f vs p = %.4f "
            + "(%.1f standard errors)", m, n, freq, pd, z) : offShape;
      }
      if (Math.abs(zOff) > Z) {
        controlRejected++;
      }
      for (int mu = 0; mu < mutantRejected.length; mu++) {
        double pm = mutatedProbability(mu, n, k);
        double sem = Math.sqrt(Math.max(pm * (1 - pm), 1.0 / trials) / trials);
        if (Math.abs((freq - pm) / sem) > Z) {
          mutantRejected[mu]++;
        }
      }
    }
    out.table(new EvidenceTable("p = 2^-(N-1) sum_{i<K} C(N-1, i) against the frequency of an LP-feasible "
        + "{v > 0, Av = 0} over Gaussian A (z = (frequency - p) / standard error); control: sum over i <= K",
        List.of("M", "N", "K", "p", "feasible", "draws", "frequency", "z", "p (i <= K)", "z (i <= K)"), rows));
    out.evidence("the two printed forms of p agree exactly", formsAgree);
    out.evidence("M = 1 gives p = 1 - (1/2)^(N-1) exactly", mOneAgrees);
    out.evidence("allowed |z|", Z);
    out.control(new NegativeControl("off by one: p = 2^-(N-1) sum_{i=0}^{K} C(N-1, i)",
        controlRejected > 0 ? Verdict.VIOLATED : Verdict.HOLDS,
        "frequency more than " + (int) Z + " standard errors away on " + controlRejected + " of " + shapes.length
            + " shape(s)"));
    for (int mu = 0; mu < mutantRejected.length; mu++) {
      out.control(new NegativeControl(MC_MUTATIONS.get(mu), mutantRejected[mu] > 0 ? Verdict.VIOLATED : Verdict.HOLDS,
          "frequency more than " + (int) Z + " standard errors away on " + mutantRejected[mu] + " of " + shapes.length
              + " shape(s)"));
    }
    if (!formsAgree || !mOneAgrees) {
      out.verdict(Verdict.VIOLATED, "the printed forms of p disagree (exact rational arithmetic)");
    } else if (off > 0) {
      out.verdict(Verdict.VIOLATED, "frequency of a positive kernel vector differs from p: " + offShape);
    } else if (controlRejected > 0) {
      out.verdict(Verdict.HOLDS, "p agrees with the frequency of LP-feasible {v > 0, Av = 0} on all " + shapes.length
          + " shape(s) within " + (int) Z + " standard errors (" + trials + " Gaussian draws each); both printed forms "
          + "and the M = 1 case agree exactly; control rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "p agrees with the frequencies, but the off-by-one control was not rejected: "
          + "too few draws to tell them apart");
    }
    return out.build();
  }

  /**
   * Further mutations of p, judged by the same z-test against the same Gaussian draws (the first,
   * i <= K, is reported separately as before).
   */
  static final List<String> MC_MUTATIONS = List.of(
      "off by one the other way: p = 2^-(N-1) sum_{i=0}^{K-2} C(N-1, i)",
      "constant halved: p = 2^-N sum_{i=0}^{K-1} C(N-1, i)",
      "sign flipped (p and 1 - p swapped): p = 2^-(N-1) sum_{i=0}^{N-K-1} C(N-1, i)");

  static double mutatedProbability(int mutation, int n, int k) {
    return switch (mutation) {
      case 0 -> k >= 2 ? probability(n, k - 1).doubleValue() : 0.0;
      case 1 -> probability(n, k).doubleValue() / 2;
      default -> 1 - probability(n, k).doubleValue();
    };
  }

  /** 1 - p = 2^-(N-1) sum_{i <= N-K-1} C(N-1, i), exactly, as a double (no cancellation). */
  static double tail(int n, int k) {
    BigDecimal t = n - k - 1 < 0 ? BigDecimal.ZERO : new BigDecimal(binomialSum(n - 1, n - k - 1));
    return t.divide(new BigDecimal(BigInteger.TWO.pow(n - 1))).doubleValue();
  }

  /** log2 of the bound's tail 2^(-(N-1)(1 + sign H(lambda))). */
  static double log2BoundTail(int n, int k, double sign) {
    double lambda = (n - k - 1.0) / (n - 1.0);
    return -(n - 1) * (1 + sign * h(lambda));
  }

  /**
   * Further mutations of the lower bound, compared with the exact 1 - p by the same rule (bound tail
   * below 1 - p by more than the rounding allowance) over the same (N, K) pairs; the last drops the
   * hypothesis lambda <= 1/2 and so also runs over the pairs with lambda > 1/2.
   */
  static final List<String> LB_MUTATIONS = List.of(
      "off by one: p >= 1 - 2^(-N(1+H(lambda))) (N in place of N - 1)",
      "constant doubled: p >= 1 - 2^(-2(N-1)(1+H(lambda)))",
      "hypothesis lambda <= 1/2 dropped: p >= 1 - 2^(-(N-1)(1+H(lambda))) for every K");
  static final int LB_NO_LAMBDA_HYPOTHESIS = 2;

  static double mutatedLog2BoundTail(int mutation, int n, int k) {
    double lambda = (n - k - 1.0) / (n - 1.0);
    return switch (mutation) {
      case 0 -> -n * (1 + h(lambda));
      case 1 -> -2 * (n - 1) * (1 + h(lambda));
      default -> log2BoundTail(n, k, 1);
    };
  }

  private ClaimOutcome checkLowerBound(CheckContext ctx, ClaimOutcome.Builder out) {
    out.evidence("source", "exhaustive: 2 <= N <= " + MAX_N + ", 1 <= K <= N - 1 with lambda <= 1/2"
        + (ctx.instance() != null ? " (the supplied instance plays no role: the statement is about random A)" : ""));
    out.evidence("form compared", "1 - p <= 2^(-(N-1)(1+H(lambda))), both tails computed without cancellation; "
        + "slack in bits = log2(bound tail) - log2(1 - p)");
    List<List<Object>> rows = new ArrayList<>();
    double worst = Double.POSITIVE_INFINITY;
    String worstAt = "";
    int checked = 0;
    int equal = 0;
    int controlFailures = 0;
    String controlAt = null;
    int[] mutantFailures = new int[LB_MUTATIONS.size()];
    String[] mutantAt = new String[LB_MUTATIONS.size()];
    for (int n = 2; n <= MAX_N; n++) {
      ctx.checkpoint();
      double rowWorst = Double.POSITIVE_INFINITY;
      int rowK = -1;
      for (int k = 1; k <= n - 1; k++) {
        double lambda = (n - k - 1.0) / (n - 1.0);
        for (int mu = 0; mu < mutantFailures.length; mu++) {
          if (lambda > 0.5 && mu != LB_NO_LAMBDA_HYPOTHESIS) {
            continue;
          }
          double mBits = mutatedLog2BoundTail(mu, n, k) - Math.log(tail(n, k)) / Math.log(2);
          if (mBits < -ROUNDOFF * n) {
            mutantFailures[mu]++;
            if (mutantAt[mu] == null) {
              mutantAt[mu] = String.format(Locale.ROOT, "N = %d, K = %d: 1 - p = %.6g > 2^%.6g", n, k, tail(n, k),
                  mutatedLog2BoundTail(mu, n, k));
            }
          }
        }
        if (lambda > 0.5) {
          continue;
        }
        checked++;
        double bits = log2BoundTail(n, k, 1) - Math.log(tail(n, k)) / Math.log(2);
        if (Math.abs(bits) <= ROUNDOFF * n) {
          equal++;
        }
        if (bits < rowWorst && lambda > 0) {
          rowWorst = bits;
          rowK = k;
        }
        if (bits < worst) {
          worst = bits;
          worstAt = String.format(Locale.ROOT, "N = %d, K = %d (lambda = %.4g): 1 - p = %.6g, bound tail 2^%.6g", n, k,
              lambda, tail(n, k), log2BoundTail(n, k, 1));
        }
        double cBits = log2BoundTail(n, k, -1) - Math.log(tail(n, k)) / Math.log(2);
        if (cBits < -ROUNDOFF * n) {
          controlFailures++;
          if (controlAt == null) {
            controlAt = String.format(Locale.ROOT, "N = %d, K = %d: 1 - p = %.6g > 2^%.6g", n, k, tail(n, k),
                log2BoundTail(n, k, -1));
          }
        }
      }
      if (rowK > 0 && (n <= 12 || n % 10 == 0)) {
        double lambda = (n - rowK - 1.0) / (n - 1.0);
        rows.add(List.of(n, rowK, lambda, h(lambda), tail(n, rowK), Math.pow(2, log2BoundTail(n, rowK, 1)), rowWorst));
      }
    }
    out.table(new EvidenceTable("1 - p (exact) against the bound's tail 2^(-(N-1)(1+H(lambda))) with H as printed "
        + "(H <= 0); per N the K with 0 < lambda <= 1/2 and the smallest slack (at lambda = 0 both equal 2^-(N-1))",
        List.of("N", "K", "lambda", "H(lambda)", "1 - p", "2^(-(N-1)(1+H))", "slack (bits)"), rows));
    out.evidence("(N, K) pairs checked", checked);
    out.evidence("pairs with equality (lambda = 0)", equal);
    out.evidence("smallest slack (bits)", worst);
    out.evidence("attained at", worstAt);
    out.control(new NegativeControl("sign of H flipped (H = binary entropy >= 0): p >= 1 - 2^(-(N-1)(1 - lambda log2 lambda "
        + "- (1-lambda) log2(1-lambda)))", controlFailures > 0 ? Verdict.VIOLATED : Verdict.HOLDS,
        "fails on " + controlFailures + " (N, K) pair(s)" + (controlAt == null ? "" : ", e.g. " + controlAt)));
    for (int mu = 0; mu < mutantFailures.length; mu++) {
      out.control(new NegativeControl(LB_MUTATIONS.get(mu), mutantFailures[mu] > 0 ? Verdict.VIOLATED : Verdict.HOLDS,
          "fails on " + mutantFailures[mu] + " (N, K) pair(s)" + (mutantAt[mu] == null ? "" : ", e.g. " + mutantAt[mu])));
    }
    if (worst < -ROUNDOFF * MAX_N) {
      out.verdict(Verdict.VIOLATED, "FINDING: the printed lower bound fails at " + worstAt);
    } else if (controlFailures > 0) {
      out.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "p >= 1 - 2^(-(N-1)(1+H(lambda))) with H as printed on all %d "
          + "(N, K) pairs with lambda <= 1/2, N <= %d (equality at lambda = 0; otherwise at least %.3g bits of slack in "
          + "1 - p); it is the entropy bound sum_{i <= lambda n} C(n, i) <= 2^(n h(lambda)) with h = -H; control "
          + "rejected", checked, MAX_N, minPositive(rows)));
    } else {
      out.verdict(Verdict.INCONCLUSIVE, "bound holds but the sign-flipped control was not rejected");
    }
    return out.build();
  }

  private static double minPositive(List<List<Object>> rows) {
    double m = Double.POSITIVE_INFINITY;
    for (List<Object> r : rows) {
      m = Math.min(m, (Double) r.get(r.size() - 1));
    }
    return m;
  }
}
