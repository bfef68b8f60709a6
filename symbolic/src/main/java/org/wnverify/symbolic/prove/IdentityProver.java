package org.wnverify.symbolic.prove;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.matheclipse.core.interfaces.IExpr;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.SymbolicException;

/**
 * Decides identities given as defects (lhs - rhs). Order of attempts, strongest first:
 *
 * <ol>
 *   <li>Exact evaluation at one random rational point: non-zero refutes at once (cheap, and
 *       Together of a large non-zero defect can be very slow).
 *   <li>{@code Together(defect)} with every variable symbolic; exactly 0 gives PROVED. (Together
 *       rather than Simplify: it is a normal form for rational functions, with square roots
 *       treated as atoms, and is orders of magnitude faster here.)
 *   <li>Otherwise exact evaluation at random rational points drawn from a seeded stream: a point
 *       where the exact value is non-zero gives REFUTED with that point; all zero gives
 *       CONFIRMED_AT_POINTS; a value that is neither exactly zero nor clearly non-zero
 *       numerically gives UNKNOWN.
 * </ol>
 *
 * A point only counts as zero if its exact value is the integer 0; numerics decide only that a
 * non-zero exact value really is non-zero (|value| > {@value #NONZERO}).
 */
public final class IdentityProver {
  /** A numeric value above this magnitude confirms that an exact non-zero value is non-zero. */
  static final double NONZERO = 1e-12;

  private final SymbolicEngine engine;
  private final long seed;
  private final int points;
  private final Duration timeout;

  /**
   * @param seed base seed; each problem's stream is derived from it and the problem name
   * @param points how many rational points to try when simplification does not give 0
   * @param timeout budget of each Symja call
   */
  public IdentityProver(SymbolicEngine engine, long seed, int points, Duration timeout) {
    this.engine = engine;
    this.seed = seed;
    this.points = points;
    this.timeout = timeout;
  }

  public static IdentityProver standard(SymbolicEngine engine) {
    return new IdentityProver(engine, 20240601L, 12, SymbolicEngine.DEFAULT_TIMEOUT);
  }

  public IdentityProof prove(IdentityProblem problem) {
    List<String> steps = new ArrayList<>(problem.steps());
    IdentityVerdict verdict = IdentityVerdict.PROVED;
    String firstDefect = "0";
    Optional<Witness> witness = Optional.empty();
    int evaluated = 0;
    SplittableRandom rnd = new SplittableRandom(streamSeed(problem.name()));
    List<Map<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      sample.add(drawPoint(problem.variables(), rnd));
    }
    String normRules = normRules(problem.norms());
    if (!normRules.isEmpty()) {
      problem.norms().forEach((sym, v) ->
          steps.add("symbolic step writes ||" + v + "|| as the symbol " + sym + " (every (sum of squares)^q -> " + sym + "^(2q))"));
    }
    for (Map.Entry<String, String> c : problem.defects().entrySet()) {
      String label = c.getKey();
      // One exact point first: a wrong identity is refuted cheaply, before an expensive Together.
      PointResult first = atPoints(label, c.getValue(), sample.subList(0, 1));
      evaluated += first.evaluated();
      if (first.witness() != null) {
        steps.add(label + ": " + first.note());
        verdict = IdentityVerdict.REFUTED;
        witness = Optional.of(first.witness());
        break;
      }
      String simplified;
      String symbolic = normRules.isEmpty() ? c.getValue() : "ReplaceAll(" + c.getValue() + ", " + normRules + ")";
      try {
        simplified = engine.submit(s -> {
          IExpr t = s.eval("Together(" + symbolic + ")");
          // Together may leave a polynomial unexpanded (e.g. 3*(..) - 5*(..)); expand that.
          return t.isZero() || !t.isPlus() ? t.toString() : s.eval("Expand(" + t + ")").toString();
        }, timeout);
      } catch (SymbolicException e) {
        if (e.code() == org.wnverify.symbolic.SymbolicError.TIMEOUT) {
          throw e; // a slow case is the caller's to drop (and report), not a verdict
        }
        simplified = null;
        steps.add(label + ": Together failed (" + e.code() + "); trying points");
      }
      if ("0".equals(simplified)) {
        steps.add(label + ": Together(lhs - rhs) = 0 (Expand applied if a sum remained)");
        continue;
      }
      if (simplified != null) {
        steps.add(label + ": Together(lhs - rhs) = " + abbreviate(simplified) + " (not syntactically 0)");
        if (firstDefect.equals("0")) {
          firstDefect = abbreviate(simplified);
        }
      }
      PointResult pr = atPoints(label, c.getValue(), sample);
      evaluated += pr.evaluated();
      steps.add(label + ": " + pr.note());
      if (pr.witness() != null) {
        verdict = IdentityVerdict.REFUTED;
        witness = Optional.of(pr.witness());
        break; // one refuted component refutes the identity
      }
      if (pr.undecided()) {
        verdict = IdentityVerdict.UNKNOWN;
      } else if (verdict == IdentityVerdict.PROVED) {
        verdict = IdentityVerdict.CONFIRMED_AT_POINTS;
      }
    }
    return new IdentityProof(problem.name(), verdict, problem.dimensions(), firstDefect, witness, steps, evaluated);
  }

  private record PointResult(int evaluated, Witness witness, boolean undecided, String note) {}

  private PointResult atPoints(String label, String defect, List<Map<String, String>> sample) {
    int n = 0;
    for (Map<String, String> point : sample) {
      n++;
      String rules = rules(point);
      Object[] r;
      try {
        r =
            engine.submit(
                s -> {
                  IExpr v = s.eval("Together(ReplaceAll(" + defect + ", " + rules + "))");
                  if (v.isZero()) {
                    return new Object[] {"0", 0.0, true};
                  }
                  // Not Simplify: it is slow, and starts Symja worker threads that outlive the call.
                  IExpr simplified = s.eval("Together(Expand(" + v + "))");
                  if (simplified.isZero()) {
                    return new Object[] {"0", 0.0, true};
                  }
                  boolean numeric = s.eval("NumericQ(" + v + ")").isTrue();
                  if (!numeric) {
                    return new Object[] {v.toString(), Double.NaN, false};
                  }
                  return new Object[] {v.toString(), s.eval("N(" + v + ", 30)").evalf(), true};
                },
                timeout);
      } catch (SymbolicException e) {
        return new PointResult(n, null, true, "point " + n + " could not be evaluated: " + e.code());
      }
      String exact = (String) r[0];
      double approx = (Double) r[1];
      if ("0".equals(exact)) {
        continue;
      }
      if (!(Boolean) r[2]) {
        return new PointResult(n, null, true, "free symbols remain at a point: " + abbreviate(exact));
      }
      if (Math.abs(approx) > NONZERO) {
        return new PointResult(n, new Witness(label, point, abbreviate(exact), approx), false,
            "non-zero at point " + n + ": " + abbreviate(exact) + " ~ " + approx + " at " + point);
      }
      return new PointResult(n, null, true, "point " + n + ": exact value " + abbreviate(exact)
          + " not decided (numerically " + approx + ")");
    }
    return new PointResult(n, null, false, "exactly 0 at all " + n + " random rational points");
  }

  /** Exact rational values p/q in [lo, hi], never 0 (logs and negative powers occur). */
  static Map<String, String> drawPoint(List<Variable> vars, SplittableRandom rnd) {
    Map<String, String> point = new LinkedHashMap<>();
    for (Variable v : vars) {
      int q = 1 + rnd.nextInt(12);
      long lo = (long) Math.ceil(v.lo() * q);
      long hi = (long) Math.floor(v.hi() * q);
      if (hi < lo) { // no multiple of 1/q inside: use a dyadic point near the midpoint
        long mid = Math.round((v.lo() + v.hi()) / 2 * 1024);
        long g = BigInteger.valueOf(mid).gcd(BigInteger.valueOf(1024)).longValue();
        point.put(v.name(), (mid / g) + "/" + (1024 / g));
        continue;
      }
      long p = 0;
      for (int guard = 0; guard < 100 && p == 0; guard++) {
        p = lo + rnd.nextLong(hi - lo + 1);
      }
      if (p == 0) {
        p = hi; // interval is {0} on this grid only if lo = hi = 0; hi > 0 otherwise
      }
      long g = BigInteger.valueOf(p).gcd(BigInteger.valueOf(q)).longValue();
      long num = p / g;
      long den = q / g;
      point.put(v.name(), den == 1 ? Long.toString(num) : num + "/" + den);
    }
    return point;
  }

  static String normRules(Map<String, List<String>> norms) {
    List<String> rules = new ArrayList<>();
    norms.forEach((sym, v) -> {
      StringBuilder sum = new StringBuilder("(");
      for (int k = 0; k < v.size(); k++) {
        sum.append(k > 0 ? "+" : "").append(v.get(k)).append("^2");
      }
      sum.append(")");
      rules.add("Power(" + sum + ", q_) :> " + sym + "^(2*q)");
      rules.add(sum + " -> " + sym + "^2");
    });
    return rules.isEmpty() ? "" : "{" + String.join(", ", rules) + "}";
  }

  static String rules(Map<String, String> point) {
    StringBuilder b = new StringBuilder("{");
    point.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append("->(").append(v).append(")"));
    return b.append("}").toString();
  }

  private long streamSeed(String name) {
    long h = seed ^ 0x9E3779B97F4A7C15L;
    for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ c) * 0x100000001B3L;
      h ^= h >>> 29;
    }
    return h;
  }

  static String abbreviate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "... (" + s.length() + " chars)";
  }

}
