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
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.wnverify.symbolic.Node;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.SymbolicException;
import org.wnverify.symbolic.internal.SymjaSession;

/**
 * Decides identities given as defects (lhs - rhs). Order of attempts, strongest first:
 *
 * <ol>
 *   <li>The defect is evaluated once (derivatives taken) and looked at in double precision at
 *       the first random rational point; if it is clearly non-zero there (or cannot be screened),
 *       it is evaluated exactly at that point: non-zero refutes at once (cheap, and Together of a
 *       large non-zero defect can be very slow).
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

  /**
   * Proves one problem, or returns the proof a previous run stored in the engine's {@link
   * ProofCache} for exactly the same input.
   */
  public IdentityProof prove(IdentityProblem problem) {
    ProofCache cache = engine.proofCache();
    String key = cache == ProofCache.NONE ? null : ProofCache.key(problem, seed, points, engine.symjaVersion());
    if (key != null) {
      Optional<IdentityProof> hit = cache.get(key);
      if (hit.isPresent() && hit.get().name().equals(problem.name())) {
        return hit.get();
      }
    }
    IdentityProof proof = compute(problem);
    if (key != null) {
      cache.put(key, proof);
    }
    return proof;
  }

  private IdentityProof compute(IdentityProblem problem) {
    List<String> steps = new ArrayList<>(problem.steps());
    IdentityVerdict verdict = IdentityVerdict.PROVED;
    String firstDefect = "0";
    Optional<Witness> witness = Optional.empty();
    int evaluated = 0;
    SplittableRandom rnd = new SplittableRandom(streamSeed(problem.name()));
    List<Map<String, String>> sample = new ArrayList<>();
    for (int i = 0; i < points; i++) {
      sample.add(drawPoint(problem, rnd));
    }
    String normRules = normRules(problem);
    List<String> sphereRules = sphereRules(problem);
    problem.norms().forEach((sym, v) ->
        steps.add("symbolic step writes ||" + v + "|| as " + sym + " (every (sum of squares)^q -> (" + sym + ")^(2q))"));
    problem.spheres().forEach(sp ->
        steps.add("hypothesis ||" + sp.coords() + "|| = " + sp.radius() + " imposed after differentiating: symbolic step "
            + "rewrites every (sum of squares)^q as " + sp.radius() + "^(2q); random points drawn exactly on the sphere"
            + (sp.positive() ? " (positive orthant)" : "")));
    for (Map.Entry<String, String> c : problem.defects().entrySet()) {
      String label = c.getKey();
      String defect = c.getValue();
      // Derive once; the stashed result serves the screen, the simplification and every point.
      Object[] derived = engine.submit(s -> {
        IExpr e = s.eval(defect);
        Node tree;
        try {
          tree = SymjaSession.toNode(e);
        } catch (SymbolicException ex) {
          tree = null;
        }
        return new Object[] {s.stash(e), e.isZero(), tree};
      }, timeout);
      long id = (Long) derived[0];
      try {
        if ((Boolean) derived[1]) {
          steps.add(label + ": lhs - rhs evaluates to 0");
          continue;
        }
        // A double-precision look at the first point decides which exact step comes first: a
        // clearly non-zero defect is evaluated exactly there (a cheap refutation, before an
        // expensive Together); one that looks like zero goes straight to Together.
        Node tree = (Node) derived[2];
        NumericScreen.Result screen = tree == null ? NumericScreen.Result.UNDECIDED
            : NumericScreen.evaluate(tree, doubles(sample.get(0)));
        if (!screen.usable() || screen.clearlyNonZero()) {
          PointResult first = atPoints(label, id, tree, sample.subList(0, 1));
          evaluated += first.evaluated();
          if (first.witness() != null) {
            steps.add(label + ": " + first.note());
            verdict = IdentityVerdict.REFUTED;
            witness = Optional.of(first.witness());
            break;
          }
        }
        String simplified;
        try {
          simplified = engine.submit(s -> {
            IExpr e = s.stashed(id);
            IExpr symbolic = normRules.isEmpty() ? e : s.eval(F.ReplaceRepeated(e, s.eval(normRules)));
            // ExpandAll first: most defects here have monomial denominators (powers of norms,
            // learning rates, depths), where it reaches 0 several times faster than Together.
            IExpr expanded = s.eval(F.ExpandAll(symbolic));
            if (expanded.isZero()) {
              return "0 (ExpandAll)";
            }
            if (!sphereRules.isEmpty()) {
              // On a sphere sum c_k^2 = R^2 (R a number, or the free symbol nu of a norm): c_n^k ->
              // c_n^(k mod 2) (R^2 - c_1^2 - ... - c_{n-1}^2)^(k div 2) for k >= 2 in one pass, then
              // expand; a polynomial in the c_k then has a canonical form.
              for (String rule : sphereRules) {
                expanded = s.eval(F.ExpandAll(s.eval(F.ReplaceAll(expanded, s.eval(rule)))));
              }
              if (expanded.isZero()) {
                return "0 (sphere)";
              }
              symbolic = expanded;
            }
            IExpr t = s.eval(F.Together(symbolic));
            // Together may leave a polynomial unexpanded (e.g. 3*(..) - 5*(..)); expand that.
            return t.isZero() || !t.isPlus() ? t.toString() : s.eval(F.Expand(t)).toString();
          }, timeout);
        } catch (SymbolicException e) {
          if (e.code() == org.wnverify.symbolic.SymbolicError.TIMEOUT) {
            throw e; // a slow case is the caller's to drop (and report), not a verdict
          }
          simplified = null;
          steps.add(label + ": Together failed (" + e.code() + "); trying points");
        }
        String how = switch (simplified == null ? "" : simplified) {
          case "0 (ExpandAll)" -> "ExpandAll(lhs - rhs) = 0";
          case "0 (sphere)" -> "ExpandAll(lhs - rhs), reduced modulo the norm relation (c_n^2 -> R^2 - sum of the "
              + "other c_k^2, R = ||c||), = 0";
          case "0" -> "Together(lhs - rhs) = 0 (Expand applied if a sum remained)";
          default -> null;
        };
        if (how != null) {
          // Symja 3.0.0's Together can return a wrong rational function (see symbolic/README.md),
          // so a symbolic 0 must also survive a double-precision look at further random points of
          // the unsimplified defect; where the two disagree the exact value there decides.
          CrossCheck cc = crossCheck(label, id, tree, sample);
          evaluated += cc.evaluated();
          if (cc.witness() != null) {
            steps.add(label + ": " + how + ", but " + cc.note());
            verdict = IdentityVerdict.REFUTED;
            witness = Optional.of(cc.witness());
            break;
          }
          if (cc.conflict()) {
            steps.add(label + ": " + how + ", but " + cc.note());
            verdict = IdentityVerdict.UNKNOWN;
            continue;
          }
          steps.add(label + ": " + how);
          continue;
        }
        if (simplified != null) {
          steps.add(label + ": Together(lhs - rhs) = " + abbreviate(simplified) + " (not syntactically 0)");
          if (firstDefect.equals("0")) {
            firstDefect = abbreviate(simplified);
          }
        }
        PointResult pr = atPoints(label, id, tree, sample);
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
      } finally {
        try {
          engine.submit(s -> {
            s.unstash(id);
            return null;
          }, timeout);
        } catch (SymbolicException ignored) {
          // the engine is stopping or closed: nothing left to release
        }
      }
    }
    return new IdentityProof(problem.name(), verdict, problem.dimensions(), firstDefect, witness, steps, evaluated);
  }

  /** The point in doubles, keyed also in lower case (Symja reports user symbols such as etaR as etar). */
  private static Map<String, Double> doubles(Map<String, String> point) {
    Map<String, Double> d = new LinkedHashMap<>();
    point.forEach((k, v) -> {
      double x = NumericScreen.parse(v);
      d.put(k, x);
      d.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), x);
    });
    return d;
  }

  private record PointResult(int evaluated, Witness witness, boolean undecided, String note) {}

  private record CrossCheck(int evaluated, Witness witness, boolean conflict, String note) {}

  /** How many further random points a symbolic 0 is looked at in double precision. */
  static final int CROSS_CHECK_POINTS = 3;

  private CrossCheck crossCheck(String label, long id, Node tree, List<Map<String, String>> sample) {
    if (tree == null) {
      return new CrossCheck(0, null, false, "");
    }
    int evaluated = 0;
    for (int i = 1; i <= CROSS_CHECK_POINTS && i < sample.size(); i++) {
      NumericScreen.Result r = NumericScreen.evaluate(tree, doubles(sample.get(i)));
      if (r.clearlyNonZero()) {
        PointResult exact = atPoints(label, id, tree, sample.subList(i, i + 1));
        evaluated += exact.evaluated();
        if (exact.witness() != null) {
          return new CrossCheck(evaluated, exact.witness(), false,
              "the unsimplified defect is non-zero at point " + (i + 1) + " (" + exact.note() + "): the simplification "
                  + "to 0 was wrong");
        }
        if (exact.undecided()) {
          return new CrossCheck(evaluated, null, true, "double precision gives " + r.value() + " at point " + (i + 1)
              + " and the exact value there is undecided");
        }
      }
    }
    return new CrossCheck(evaluated, null, false, "");
  }

  private PointResult atPoints(String label, long id, Node tree, List<Map<String, String>> sample) {
    int n = 0;
    for (Map<String, String> point : sample) {
      n++;
      String rules = rules(point);
      Object[] r;
      try {
        r =
            engine.submit(
                s -> {
                  IExpr v = s.eval(F.Together(F.ReplaceAll(s.stashed(id), s.eval(rules))));
                  if (v.isZero()) {
                    return new Object[] {"0", 0.0, true};
                  }
                  // Not Simplify: it is slow, and starts Symja worker threads that outlive the call.
                  IExpr simplified = s.eval(F.Together(F.Expand(v)));
                  if (simplified.isZero()) {
                    return new Object[] {"0", 0.0, true};
                  }
                  boolean numeric = s.eval(F.NumericQ(v)).isTrue();
                  if (!numeric) {
                    return new Object[] {v.toString(), Double.NaN, false};
                  }
                  return new Object[] {v.toString(), s.eval(F.N(v, F.ZZ(30))).evalf(), true};
                },
                timeout);
      } catch (SymbolicException e) {
        return new PointResult(n, null, true, "point " + n + " could not be evaluated: " + e.code());
      }
      String exact = (String) r[0];
      double approx = (Double) r[1];
      if ("0".equals(exact)) {
        NumericScreen.Result check = tree == null ? NumericScreen.Result.UNDECIDED
            : NumericScreen.evaluate(tree, doubles(point));
        if (check.usable() && Math.abs(check.value()) > 1e-6 * Math.max(check.magnitude(), 1e-300)) {
          return new PointResult(n, null, true, "point " + n + ": exact evaluation gives 0 but double precision gives "
              + check.value() + " (magnitude " + check.magnitude() + "): undecided");
        }
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

  /**
   * A random exact rational point: each variable p/q in its range (never 0, since logs and
   * negative powers occur); the coordinates of a free-norm vector (see {@link
   * IdentityProblem#norms()}) as a rational multiple of a rational unit vector, so its norm is
   * rational; the coordinates of each {@link Sphere} exactly on that sphere.
   */
  static Map<String, String> drawPoint(IdentityProblem problem, SplittableRandom rnd) {
    java.util.Set<String> onSpheres = new java.util.HashSet<>();
    problem.spheres().forEach(sp -> onSpheres.addAll(sp.coords()));
    Map<String, String> point = new LinkedHashMap<>();
    Map<String, Variable> byName = new LinkedHashMap<>();
    for (Variable v : problem.variables()) {
      byName.put(v.name(), v);
      if (!onSpheres.contains(v.name())) {
        point.put(v.name(), drawRational(v.lo(), v.hi(), rnd));
      }
    }
    for (List<String> coords : problem.norms().values()) {
      if (!coords.stream().allMatch(c -> byName.containsKey(c) && !onSpheres.contains(c))) {
        continue; // entries are expressions (e.g. a*u1): their variables are drawn on their own
      }
      boolean positive = coords.stream().allMatch(c -> byName.get(c).lo() > 0);
      Fraction[] unit = unitVector(coords.size(), positive, rnd);
      Fraction rho = Fraction.parse(drawRational(0.5, 2.0, rnd));
      for (int k = 0; k < coords.size(); k++) {
        point.put(coords.get(k), unit[k].times(rho).toString());
      }
    }
    for (Sphere sp : problem.spheres()) {
      Fraction[] unit = unitVector(sp.coords().size(), sp.positive(), rnd);
      Fraction radius = Fraction.parse(sp.radius());
      for (int k = 0; k < sp.coords().size(); k++) {
        point.put(sp.coords().get(k), unit[k].times(radius).toString());
      }
    }
    return point;
  }

  /** Backwards-compatible form: every variable drawn in its range. */
  static Map<String, String> drawPoint(List<Variable> vars, SplittableRandom rnd) {
    Map<String, String> point = new LinkedHashMap<>();
    for (Variable v : vars) {
      point.put(v.name(), drawRational(v.lo(), v.hi(), rnd));
    }
    return point;
  }

  /** A rational p/q (q <= 12) in [lo, hi], never 0. */
  static String drawRational(double lo0, double hi0, SplittableRandom rnd) {
    int q = 1 + rnd.nextInt(12);
    long lo = (long) Math.ceil(lo0 * q);
    long hi = (long) Math.floor(hi0 * q);
    if (hi < lo) { // no multiple of 1/q inside: use a dyadic point near the midpoint
      long mid = Math.round((lo0 + hi0) / 2 * 1024);
      if (mid == 0) {
        mid = 1;
      }
      long g = BigInteger.valueOf(mid).gcd(BigInteger.valueOf(1024)).longValue();
      long num = mid / g;
      long den = 1024 / g;
      return den == 1 ? Long.toString(num) : num + "/" + den;
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
    return den == 1 ? Long.toString(num) : num + "/" + den;
  }

  /**
   * A rational unit vector by inverse stereographic projection of a random rational t with |t|
   * < 1: u_i = 2 t_i/(1 + |t|^2), u_n = (1 - |t|^2)/(1 + |t|^2). Positive: every entry > 0;
   * otherwise any signs, and u_n's sign random too.
   */
  static Fraction[] unitVector(int n, boolean positive, SplittableRandom rnd) {
    double bound = 0.9 / Math.sqrt(n - 1);
    Fraction[] t = new Fraction[n - 1];
    Fraction s = Fraction.ZERO;
    for (int i = 0; i < n - 1; i++) {
      t[i] = Fraction.parse(positive ? drawRational(0.05, bound, rnd) : drawRational(-bound, bound, rnd));
      s = s.plus(t[i].times(t[i]));
    }
    Fraction den = Fraction.ONE.plus(s);
    Fraction[] u = new Fraction[n];
    for (int i = 0; i < n - 1; i++) {
      u[i] = t[i].times(Fraction.of(2)).over(den);
    }
    u[n - 1] = Fraction.ONE.minus(s).over(den);
    if (!positive && rnd.nextBoolean()) {
      u[n - 1] = u[n - 1].negate();
    }
    return u;
  }

  /** Rewrite rules of the symbolic step: free norms and sphere hypotheses. */
  static String normRules(IdentityProblem p) {
    List<String> rules = new ArrayList<>();
    p.norms().forEach((sym, v) -> rules.addAll(normRuleList(sym, v)));
    p.spheres().forEach(sp -> rules.addAll(normRuleList(sp.radius(), sp.coords())));
    return rules.isEmpty() ? "" : "{" + String.join(", ", rules) + "}";
  }

  /**
   * For each sphere: c_n^k :> c_n^(k mod 2) (R^2 - sum of the other c_i^2)^(k div 2) for integers k
   * >= 2 (every even part of the power at once: one ReplaceAll, where c_n^k :> c_n^(k-2) (..)
   * needed ReplaceRepeated and k/2 expansions).
   */
  static List<String> sphereRules(IdentityProblem p) {
    List<String> rules = new ArrayList<>();
    for (Sphere sp : p.spheres()) {
      rules.add(reduction(sp.coords(), sp.radius()));
    }
    // A free norm nu = ||u|| of plain variables satisfies the same relation with radius nu.
    p.norms().forEach((sym, coords) -> {
      if (coords.stream().allMatch(c -> c.matches("[A-Za-z][A-Za-z0-9]*"))) {
        rules.add(reduction(coords, sym));
      }
    });
    return rules;
  }

  /** c_n^k :> c_n^(k mod 2) (radius^2 - c_1^2 - ... - c_{n-1}^2)^(k div 2) for integers k >= 2. */
  private static String reduction(List<String> c, String radius) {
    String last = c.get(c.size() - 1);
    StringBuilder rest = new StringBuilder("(" + radius + ")^2");
    for (int k = 0; k < c.size() - 1; k++) {
      rest.append("-").append(c.get(k)).append("^2");
    }
    return "Power(" + last + ", k_Integer /; k >= 2) :> " + last + "^Mod(k, 2)*(" + rest + ")^Quotient(k, 2)";
  }

  private static List<String> normRuleList(String value, List<String> v) {
    StringBuilder sum = new StringBuilder("(");
    for (int k = 0; k < v.size(); k++) {
      sum.append(k > 0 ? "+" : "").append("(").append(v.get(k)).append(")^2");
    }
    sum.append(")");
    return List.of("Power(" + sum + ", q_) :> (" + value + ")^(2*q)", sum + " -> (" + value + ")^2");
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
