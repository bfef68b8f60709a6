package org.wnverify.check.ewn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.network.GradientDescent;
import org.wnverify.numeric.network.LossFunction;
import org.wnverify.numeric.network.Parameterization;

/**
 * Proposition 3 (004 lines 257-284; proof App. E) and its cross-entropy twin Proposition 6
 * (App. H.4, lines 1995-2016), one claim per part, on the Lin-Sep GD runs to e^-300. Nodes u, v
 * with ||w_u||, ||w_v|| -> infinity are the supported nodes of the run, ordered so that
 * ||g~_v|| >= ||g~_u|| > 0; c = ||g~_u|| / ||g~_v|| is read at the deepest level. The OCR prints
 * 0 < delta < 2 pi; cos(delta) > 0 is needed for the thresholds of part 3 (ewn.md 5 #15), and the
 * checks take cos(delta) = {@link #COS_DELTA}, eps = {@link #EPS_FRACTION} c.
 * <ul>
 *   <li>part 1 (SWN and EWN): ||grad_u L|| / ||grad_v L|| settles (it lies in [c - eps, c + eps]
 *   over the last levels) and both cosines cos(w_u, -grad_u L), cos(w_v, -grad_v L) tend to 1.
 *   <li>part 2 (SWN): lim ||w_u|| / ||w_v|| = c.
 *   <li>part 3 (EWN): the thresholds. A natural run sits at the interior ratio 1/c (Theorem 2), so
 *   the premise is produced: at t_2 = the e^-300 iterate, alpha_u is shifted so that the ratio is
 *   {@link #PUSH} times past the threshold 1/((c - eps) cos delta) (3a) or below cos delta/(c + eps)
 *   (3b), and GD continues {@link #CONTINUE} further in log L; the ratio must then grow (3a) or
 *   shrink (3b) monotonically by at least a factor e while part 1's properties hold on the
 *   continuation. Where they do not (the perturbed run finds a new limit), the run is not judged.
 *   The control without the margins (its window is the point 1/c') has its own push, which scales
 *   every margin by 2 and leaves the hidden norms alone ({@link #CONTROL_PUSH}: the part 3 push
 *   kills a node at log L ~ -10^4 where the pair is two hidden nodes).
 * </ul>
 */
final class Proposition3 extends AsymptoticClaim {
  enum Part { PART_1, SWN, EWN }

  /** cos(delta) of the checks: delta = 0.45 rad, inside (0, pi/2). */
  static final double COS_DELTA = 0.9;
  /** eps as a fraction of c (0 < eps < c). */
  static final double EPS_FRACTION = 0.25;
  /** Part 2: |log(||w_u||/||w_v||) - log c| at e^-300 (the tolerance of the Theorem 2 spreads). */
  static final double LIMIT_TOL = Spread.TOLERANCE;
  /** Part 3: the premise is met by this factor (in the ratio) past the threshold. */
  static final double PUSH = 3;
  /** Part 3: GD continues this much further down in log L after t_2. */
  static final double CONTINUE = 3000;
  /** Part 3: the conclusion "-> infinity / -> 0" is read as monotone change by at least this (log). */
  static final double DIVERGE_MIN = 1;
  static final int CONTINUE_LEVELS = 7;
  /** Part 3: the levels of the continued path, in log L below the pushed start (CONTINUE_LEVELS - 1 even steps). */
  static final double[] CONTINUE_OFFSETS = evenOffsets();

  private static double[] evenOffsets() {
    double[] o = new double[CONTINUE_LEVELS - 1];
    for (int li = 1; li < CONTINUE_LEVELS; li++) {
      o[li - 1] = CONTINUE * li / (CONTINUE_LEVELS - 1.0);
    }
    return o;
  }

  /**
   * The margin-free control's push: every output node's alpha moves by +-log 2, so Phi, and with
   * it every margin y_i Phi(w, x_i), is multiplied by 2 (or divided by it), and the hidden
   * nodes' norms are untouched. Why not the part 3 push alpha_u += shift: at t_2 (log L ~ -10^4)
   * a hidden node u carries the margins of the points it faces, so scaling ||w_u|| by e^shift
   * (ReLU^2: its contribution by e^(2 shift)) moves those margins by ~10^4 (e^(2 shift) - 1) against
   * the others; their losses, and u's gradient, fall by a factor e^-(thousands) (c' = 0 in double
   * precision) or a node stops growing, and the continuation decides nothing (selftest seeds 3, 5, 6,
   * 10, 16, 18, 20; 14 for Proposition 6). Scaling every margin by one factor keeps the margins' order
   * and changes the point losses' log-ratios only by that O(1) factor, so every supported node keeps
   * a gradient and keeps growing, while the gradient ratio ||grad_u L||/||grad_v L|| (a function of
   * the loss vector's direction) moves: R = ||w_u||/||w_v|| then sits off the equilibrium 1/c', the
   * premise of the margin-free thresholds, and the run shows whether R runs away from 1/c' or comes
   * back. Where the output node is one of the pair (the Lin-Sep draws) the push moves R itself by a
   * factor 2 and c' follows within a few units of log L (R then often sits at 1/c' within the
   * jitter, PREMISE_FLOOR, and the run is not judged, as seed 3's draw 1; seed 1's two draws stay
   * off it and reject the control); on the dedicated instance (two hidden nodes, c = 0.51)
   * it moves c by ~0.8 % and R stays, 0.0075 above 1/c' (the slow convergence of R c -> 1): the
   * premise is met, and the distance to 1/c_t falls from 0.015 to 0.008 (APPROACH_MIN), which
   * rejects the control on every seed whose samples do not (it is seed-independent).
   * It is fixed, not drawn, because its pair of hidden nodes with c far from 1 is what leaves R off
   * 1/c' after the push; the Lin-Sep draws' pairs include the output node, whose R follows c'.
   */
  static final double CONTROL_PUSH = Math.log(2);

  /** Evaluations per piece of part 3's continued path (as the flow path of the runs). */
  static final int PATH_BUDGET = 4_000_000;

  /**
   * Evaluations per piece of the margin-free control's continuation. Its pieces take a few thousand
   * (under 10 ms) where the path is smooth; margins x 3 in place of x 2 made seed 3's Lin-Sep draw 1
   * stiff (each of 13 pieces spent the 4M budget, 158 s in all). A twentieth of PATH_BUDGET bounds
   * such a path's cost; a piece that runs out before its level ends the continuation, not judged.
   */
  static final int CONTROL_BUDGET = 200_000;

  /**
   * The levels of the margin-free control's continuation (log L below the pushed start): dense at
   * first, because after the push the gradient ratio re-equilibrates within a few units of log L
   * (measured: |log R + log c_t| 0.21, 0.17, 0.13, 0.080, 0.029, 0.0018 at 0, 0.25, 0.5, 1, 2, 5
   * below on seed 3's Lin-Sep draw 1 in a trial with margins / 3; with margins x 2 on the dedicated
   * instance 0.015, 0.014, 0.012, 0.011, 0.0083, 0.0077 at the same levels, 0.0081 at the end), so the even
   * levels of CONTINUE_OFFSETS (500 apart) would see only its end; then on to CONTINUE as part 3.
   */
  static final double[] CONTROL_OFFSETS = {0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, CONTINUE};

  /**
   * The margin-free control's window is the single point 1/c', so the jitter of
   * log(||w_u'||/||w_v'||) + log c' alone would "meet" its premise: it counts only where R is this
   * far (in log) from 1/c'. Measured on the continued runs where R has settled at its equilibrium:
   * |log R + log c_t| jitters between 7e-5 and 1.4e-3 from level to level (seed 3's draw 1); the
   * floor is twice the largest. The dedicated instance's R stays 0.0074 above 1/c' over the whole
   * continuation (slow convergence of R c -> 1), above it. The printed thresholds lie log(1/((1 -
   * EPS_FRACTION) COS_DELTA)) = 0.39 from 1/c', where that jitter cannot matter; they are read as before.
   */
  static final double PREMISE_FLOOR = 3e-3;
  /**
   * Part 3: a ratio whose distance |log(||w_u||/||w_v||) - log(1/c')| to the finite equilibrium of
   * Theorem 2 (||w_u|| c' = ||w_v|| in the limit) shrank by at least this fraction from the premise's
   * level to the last one is converging to 1/c', not diverging: it contradicts "-> infinity" and
   * "-> 0". A fifth: on the default audit's continued runs the deviation (about 0.02 after the
   * push) moves by at most 5 % between neighbouring levels without a trend, and falls by 22-25 %
   * over the continuation where it converges; a fifth is four times that jitter.
   */
  static final double APPROACH_MIN = 0.2;

  /**
   * Why no instance meeting the hypotheses decides "the conclusions swapped" (issue 19 asked for
   * one; there is none, at any size). For EWN, d||w_u||/dt = eta ||w_u||^2 ||grad_u L|| cos_u (Theorem
   * 1 (5)), so h_u = 1/||w_u|| has h_u' = -eta ||grad_u L|| cos_u and, with ||w_u|| -> infinity,
   * h_u(t) = int_t^inf eta ||grad_u L|| cos_u. Since ||grad_u L||/||grad_v L|| -> c and cos -> 1
   * (part 1), the ratio of these tails gives R = ||w_u||/||w_v|| = h_v/h_u -> 1/c on every
   * trajectory the proposition covers. The proof's own step (App. E) shows that R above
   * 1/((c - eps) cos delta) after t_1 only grows (R' has the sign of R (||grad_u||/||grad_v||) cos_u
   * - cos_v > 0), so it would stay above 1/((c - eps) cos delta) > 1/c: a contradiction, and (3b) is
   * the same below. Both premises are therefore never met after t_1, part 3 and its swapped version
   * are vacuously true alike, and the runs show it ("premise not met"). The margin-free control,
   * whose premise R > 1/c is met, is the one that measures power.
   */
  static final String SWAPPED_UNDECIDABLE = "for EWN R = ||w_u||/||w_v|| -> 1/c on every trajectory meeting the "
      + "hypotheses (1/||w_u|| = int_t^inf eta ||grad_u L|| cos_u, gradient ratio -> c, cos -> 1), while R past either "
      + "threshold after t_1 moves monotonically away from 1/c (App. E): the premise of (3a), (3b) is never met, so the "
      + "swapped statement is vacuously true like the printed one (Proposition3.SWAPPED_UNDECIDABLE)";

  private final Part part;

  Proposition3(Part part, LossFunction loss, String id, String location) {
    super(id, location, statement(part), ClaimKind.LIMIT, loss);
    this.part = part;
  }

  static String statement(Part p) {
    String pre = "Let (A1)-(A5) hold (SWN: GD to e^-300; EWN: its gradient-flow path to e^-10000, App. E). For nodes u, v with ||g~_v|| >= ||g~_u|| > 0 and ||w_u(t)||, ||w_v(t)|| -> "
        + "infinity, c = ||g~_u||/||g~_v||, 0 < eps < c and 0 < delta < pi/2 (printed 2 pi, ewn.md 5 #15): ";
    return pre + switch (p) {
      case PART_1 -> "1. there is t_1 such that for all t > t_1, for SWN and EWN, (a) ||grad_{w_u} L|| / ||grad_{w_v} L||"
          + " in [c - eps, c + eps], (b) (w_u/||w_u||)^T (-grad_{w_u} L/||grad_{w_u} L||) >= cos(delta), (c) the same for v";
      case SWN -> "2. for SWN, lim ||w_u(t)|| / ||w_v(t)|| = c";
      case EWN -> "3. for EWN, if at some t_2 > t_1 (a) ||w_u(t_2)||/||w_v(t_2)|| > 1/((c - eps) cos(delta)) then "
          + "lim ||w_u(t)||/||w_v(t)|| = infinity; (b) ||w_u(t_2)||/||w_v(t_2)|| < cos(delta)/(c + eps) then the limit is 0";
    };
  }

  static List<Proposition3> all(LossFunction loss, String prefix, String location) {
    List<Proposition3> out = new ArrayList<>();
    out.add(new Proposition3(Part.PART_1, loss, prefix + "part-1", location + ", part 1"));
    out.add(new Proposition3(Part.SWN, loss, prefix + "swn", location + ", part 2 (SWN)"));
    out.add(new Proposition3(Part.EWN, loss, prefix + "ewn", location + ", part 3 (EWN)"));
    return out;
  }

  /**
   * EWN is judged on its gradient-flow path (App. E.1.1, E.2.1 prove the flow case; the EWN GD
   * runs at e^-300 are still far from their limit, 1 - cos ~ 0.03 and growing, as for Theorem 2);
   * SWN on GD to e^-300 under (A1)-(A5).
   */
  @Override
  boolean onFlowPath(Parameterization p) {
    return p == Parameterization.EWN;
  }

  @Override
  List<Parameterization> parameterizations() {
    return switch (part) {
      case PART_1 -> List.of(Parameterization.EWN, Parameterization.SWN);
      case SWN -> List.of(Parameterization.SWN);
      case EWN -> List.of(Parameterization.EWN);
    };
  }

  /** A pair (u, v) with ||grad_v|| >= ||grad_u|| at the deepest level, and log c. */
  record Pair(int u, int v, double logC) {}

  static double logGrad(Snapshot s, int k) {
    return s.logNodeGrad()[k];
  }

  /**
   * The pair of supported nodes with the smallest c (the statement is for every pair; the most
   * unequal gradients give the controls c^2, 1/c the most room), ordered by the gradient condition.
   */
  static Pair pair(AsymptoticRun r) {
    List<Integer> s = r.supportedNodes();
    Snapshot last = r.last();
    Pair best = null;
    for (int a : s) {
      for (int b : s) {
        double lc = logGrad(last, a) - logGrad(last, b);
        if (a != b && lc <= 0 && (best == null || lc < best.logC)) {
          best = new Pair(a, b, lc);
        }
      }
    }
    return best;
  }

  static String name(Pair p) {
    return String.format(Locale.ROOT, "u = %d, v = %d, c = %.4g", p.u, p.v, Math.exp(p.logC));
  }

  @Override
  Judged judge(AsymptoticRun r) {
    Pair p = pair(r);
    if (p == null) {
      return new Judged(Verdict.INCONCLUSIVE, "fewer than two supported nodes: no pair u, v with both norms growing");
    }
    return switch (part) {
      case PART_1 -> part1(r, p, 1, 0);
      case SWN -> limitRatio(r, p, 1, "c");
      case EWN -> thresholds(r, p, false, true);
    };
  }

  /**
   * Part 1 with the mutations: sign -1 flips (b), (c) to +grad; logShift != 0 moves the claimed
   * limit of the gradient ratio from c to c e^{logShift}.
   */
  Judged part1(AsymptoticRun r, Pair p, int sign, double logShift) {
    int n = r.snapshots.size();
    double worstRatio = ratioDeviation(r, p, logShift); // max |log(ratio / (c e^logShift))|
    double worstCos = 0;
    boolean cosShrinks = true;
    Snapshot mid = r.snapshots.get(n / 2);
    for (int k : new int[] {p.u, p.v}) {
      double dl = 1 - sign * r.last().nodeCos()[k];
      double dm = 1 - sign * mid.nodeCos()[k];
      worstCos = Math.max(worstCos, dl);
      cosShrinks &= dl <= dm + Proposition2.ROUNDING;
    }
    // (a) as printed for eps = EPS_FRACTION c: the ratio in [c - eps, c + eps] at the last three levels
    // Part 1 says "there is a t_1": a ratio still moving by more than eps over the last levels
    // has no t_1 yet on this run (undecided); only a settled ratio off the claimed limit fails.
    boolean aHolds = worstRatio <= RATIO_BAND;
    boolean aFails = !aHolds && ratioSettled(r, p);
    boolean bcHolds = worstCos <= 1 - COS_DELTA && (cosShrinks || worstCos <= Proposition2.ALIGN_MAX);
    boolean bcFails = worstCos > 1 - COS_DELTA && !cosShrinks;
    return Judged.of(aHolds && bcHolds, aFails || bcFails, String.format(Locale.ROOT,
        "%s: (a) max |log(||grad_u||/||grad_v||) - log c| over the last 3 levels %.3g; (b), (c) 1 - %scos at e^-300: %.3g "
            + "(%s since the middle level)", name(p), worstRatio, sign > 0 ? "" : "(-)", worstCos,
        cosShrinks ? "not growing" : "growing"));
  }

  /** Part 1 (a)'s band in log: ratio / c in [1 - EPS_FRACTION, 1 + EPS_FRACTION], the narrower side. */
  static final double RATIO_BAND = Math.min(Math.log1p(EPS_FRACTION), -Math.log1p(-EPS_FRACTION));

  /**
   * max |log(||grad_u||/||grad_v||) - log c - logShift| over the last 3 levels, c read at the
   * deepest one; logShift = 0 is the ratio's own variation there.
   */
  static double ratioDeviation(AsymptoticRun r, Pair p, double logShift) {
    int n = r.snapshots.size();
    double worst = 0;
    for (int k = Math.max(0, n - 3); k < n; k++) {
      Snapshot s = r.snapshots.get(k);
      worst = Math.max(worst, Math.abs(logGrad(s, p.u) - logGrad(s, p.v) - (p.logC + logShift)));
    }
    return worst;
  }

  /** Whether c = lim ||grad_u||/||grad_v|| is known on this run: part 1 (a)'s band over the last levels. */
  static boolean ratioSettled(AsymptoticRun r, Pair p) {
    return ratioDeviation(r, p, 0) <= RATIO_BAND;
  }

  /** Part 2 and its mutations: lim ||w_u||/||w_v|| = c^power. */
  Judged limitRatio(AsymptoticRun r, Pair p, double power, String what) {
    if (!ratioSettled(r, p)) {
      return new Judged(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "%s: c not settled (||grad_u||/||grad_v|| "
          + "moved by %.3g in log over the last 3 levels, more than eps)", name(p), ratioDeviation(r, p, 0)));
    }
    double[] dev = new double[r.snapshots.size()];
    for (int k = 0; k < dev.length; k++) {
      Snapshot s = r.snapshots.get(k);
      dev[k] = Math.abs(s.logNodeNorm()[p.u] - s.logNodeNorm()[p.v] - power * p.logC);
    }
    double last = dev[dev.length - 1];
    double mid = dev[dev.length / 2];
    return Judged.of(last <= LIMIT_TOL && last <= mid + LIMIT_TOL / 2, Spread.failsAtDepth(dev, LIMIT_TOL),
        String.format(Locale.ROOT, "%s: |log(||w_u||/||w_v||) - log %s| at the levels %s", name(p), what,
            Assumptions.fmt(dev)));
  }

  /** A mutation of part 2 that coincides with the statement where c ~ 1. */
  Judged limitMutation(AsymptoticRun r, double power, String what) {
    Pair p = pair(r);
    if (p == null || Math.abs((power - 1) * p.logC) <= 2 * LIMIT_TOL) {
      return new Judged(Verdict.INCONCLUSIVE, "c too close to 1: " + what + " indistinguishable from c on this run");
    }
    return limitRatio(r, p, power, what);
  }

  /**
   * Part 3: perturb at t_2 and continue. {@code swapped} is the mutation with the two conclusions
   * exchanged (above the upper threshold the ratio would go to 0, below the lower one to infinity).
   * The base c only aims the push; the premise and the hypotheses are then read on the continued
   * trajectory with its own c' = ||g~_u'||/||g~_v'|| (its own ordering of the pair): gradients depend
   * on the weights, so a push can also just move the run to another limit.
   */
  Judged thresholds(AsymptoticRun r, Pair p, boolean swapped, boolean margins) {
    double c = Math.exp(p.logC);
    Snapshot t2 = r.last();
    double r2 = Math.exp(t2.logNodeNorm()[p.u] - t2.logNodeNorm()[p.v]);
    List<String> parts = new ArrayList<>();
    int holds = 0;
    int fails = 0;
    for (boolean above : new boolean[] {true, false}) {
      Continuation k;
      String tag;
      if (margins) {
        double goal = above ? PUSH / ((1 - EPS_FRACTION) * c * COS_DELTA) : COS_DELTA / ((1 + EPS_FRACTION) * c) / PUSH;
        k = continueFrom(r, pushNode(r, p.u, Math.log(goal / r2)), CONTINUE_OFFSETS, PATH_BUDGET);
        tag = above ? "(3a) push" : "(3b) push";
      } else {
        // the margin-free window is the point 1/c': any R off it meets the premise (CONTROL_PUSH)
        double[] pushed = scaleOutput(r, above ? CONTROL_PUSH : -CONTROL_PUSH);
        k = pushed == null ? new Continuation(null, "no trainable output node to scale")
            : continueFrom(r, pushed, CONTROL_OFFSETS, CONTROL_BUDGET);
        tag = above ? "margins x 2 push" : "margins / 2 push";
      }
      if (k.problem != null) {
        parts.add(tag + " not judged: " + k.problem);
        continue;
      }
      Snapshot last = k.snaps.get(k.snaps.size() - 1);
      boolean uSmallerGrad = logGrad(last, p.u) <= logGrad(last, p.v);
      int u = uSmallerGrad ? p.u : p.v;
      int v = uSmallerGrad ? p.v : p.u;
      double cc = Math.exp(logGrad(last, u) - logGrad(last, v));
      double eps = EPS_FRACTION * cc;
      double upper = margins ? 1 / ((cc - eps) * COS_DELTA) : 1 / cc;
      double lower = margins ? COS_DELTA / (cc + eps) : 1 / cc;
      int n = k.snaps.size();
      double[] lr = new double[n];
      double[] offLimit = new double[n];
      boolean[] part1 = new boolean[n];
      for (int i = 0; i < n; i++) {
        Snapshot s = k.snaps.get(i);
        lr[i] = s.logNodeNorm()[u] - s.logNodeNorm()[v];
        offLimit[i] = Math.abs(lr[i] + logGrad(s, u) - logGrad(s, v));
        double gr = Math.exp(logGrad(s, u) - logGrad(s, v));
        part1[i] = gr >= cc - eps && gr <= cc + eps && s.nodeCos()[u] >= COS_DELTA && s.nodeCos()[v] >= COS_DELTA;
      }
      // t_1: the first level from which (a)-(c) hold at every later level
      int t1 = n;
      while (t1 > 0 && part1[t1 - 1]) {
        t1--;
      }
      boolean growing = k.snaps.get(n - 1).logNodeNorm()[u] > k.snaps.get(0).logNodeNorm()[u]
          && k.snaps.get(n - 1).logNodeNorm()[v] > k.snaps.get(0).logNodeNorm()[v];
      String nums = String.format(Locale.ROOT, "%s: continued pair u' = %d, v' = %d, c' = %.4g, window [%.4g, %.4g];"
          + " log(||w_u'||/||w_v'||) at the continuation levels %s, |log(||w_u'||/||w_v'||) - log(1/c')| %s, (a)-(c) from level %d on", tag, u, v, cc, lower, upper,
          Assumptions.fmt(lr), Assumptions.fmt(offLimit), t1);
      if (n - t1 < 3 || !growing) {
        parts.add(nums + " -> not judged: " + (n - t1 < 3 ? "part 1 (a)-(c) do not hold over the last 3 levels"
            : "||w_u'||, ||w_v'|| not both growing"));
        continue;
      }
      int at = -1;
      boolean premiseA = false;
      for (int i = t1; i < n - 2 && at < 0; i++) {
        if (margins ? Math.exp(lr[i]) > upper || Math.exp(lr[i]) < lower
            : Math.abs(lr[i] + Math.log(cc)) > PREMISE_FLOOR) {
          at = i;
          premiseA = margins ? Math.exp(lr[i]) > upper : lr[i] + Math.log(cc) > 0;
        }
      }
      if (at < 0) {
        parts.add(nums + " -> not judged: premise not met (the ratio lies inside the window after t_1)");
        continue;
      }
      boolean monotone = true;
      for (int i = at + 1; i < n; i++) {
        monotone &= premiseA ? lr[i] >= lr[i - 1] : lr[i] <= lr[i - 1];
      }
      double change = (lr[n - 1] - lr[at]) * (premiseA ? 1 : -1);
      boolean conclusionSeen = monotone && change >= DIVERGE_MIN;
      // Contradicted where the ratio did not move towards its claimed limit at all over the
      // continuation (thousands in log L). A ratio that grows, however slowly, may still diverge
      // (log log t rates are common here): the earlier rule "moved by less than DIVERGE_MIN / 4"
      // reported a false VIOLATED in the soak on a ratio growing by 0.009. Also contradicted where it
      // converges to the finite 1/c' of Theorem 2 (APPROACH_MIN): a diverging ratio moves away from it.
      boolean bounded = change <= 0;
      boolean approachesEquilibrium = offLimit[n - 1] <= (1 - APPROACH_MIN) * offLimit[at];
      boolean ok = swapped ? change < -DIVERGE_MIN : conclusionSeen;
      boolean bad = swapped ? conclusionSeen : bounded || approachesEquilibrium;
      holds += ok ? 1 : 0;
      fails += bad ? 1 : 0;
      parts.add(nums + String.format(Locale.ROOT, " (premise %s met at level %d; change %.3g)", premiseA ? "3a" : "3b", at,
          change) + (ok ? " -> as claimed" : bad ? " -> contradicts" : " -> undecided"));
    }
    String detail = String.format(Locale.ROOT, "%s, cos delta = %.2f, eps = %.2f c, ratio at t_2 (e^%.0f) %.4g; %s",
        name(p), COS_DELTA, EPS_FRACTION, t2.logLoss(), r2, String.join("; ", parts));
    return new Judged(fails > 0 ? Verdict.VIOLATED : holds > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE, detail);
  }

  record Continuation(List<Snapshot> snaps, String problem) {}

  /** The parameters at t_2 with alpha_u += shift (part 3's push: ||w_u|| times e^shift). */
  static double[] pushNode(AsymptoticRun r, int u, double shift) {
    double[] theta = r.run.last().theta().clone();
    theta[r.objective.net().offset(u)] += shift;
    return theta;
  }

  /**
   * The parameters at t_2 with every output node's alpha += shift: Phi, so every margin, times
   * e^shift (the output layer is linear); null where the output layer is not trained.
   */
  static double[] scaleOutput(AsymptoticRun r, double shift) {
    double[] theta = r.run.last().theta().clone();
    var arch = r.objective.net().architecture();
    int out = arch.layers().size() - 1;
    boolean any = false;
    for (int k = 0; k < arch.nodes().size(); k++) {
      if (arch.nodes().get(k).layer() == out) {
        theta[r.objective.net().offset(k)] += shift;
        any = true;
      }
    }
    return any ? theta : null;
  }

  /**
   * From the pushed parameters at t_2, the gradient-flow path (App. E.2.1; normalized time, as the
   * EWN runs of Theorem 2) down to the levels {@code offsets} below the pushed start (CONTINUE at the
   * last): GD with eta = k/L^c, c < 1, takes ever smaller normalized steps and did not get 350
   * further within 400k steps. The path is integrated level by level, each piece stopped exactly at
   * its level: one piece to the last level let the integrator's large arc-length steps jump several
   * levels at once, so the dedicated instance's continuation recorded 3 of its 7 levels and decided
   * nothing (selftest seeds 3, 5, 6, 10). {@code budget}: evaluations per piece.
   */
  Continuation continueFrom(AsymptoticRun r, double[] pushed, double[] offsets, int budget) {
    double[] theta = pushed.clone();
    double first = r.objective.evaluate(theta).logLoss();
    List<Snapshot> snaps = new ArrayList<>();
    snaps.add(Snapshot.of(r.objective, new GradientDescent.Iterate(0, theta, first, Double.NaN, Double.NaN)));
    double logLoss = first;
    for (int li = 1; li <= offsets.length; li++) {
      double level = first - offsets[li - 1];
      PathPiece piece = pathTo(r, theta, logLoss, level, budget);
      if (piece.end == null) {
        return new Continuation(null, "continuation stopped before level " + li + " of " + offsets.length
            + ": " + piece.message);
      }
      theta = piece.end;
      logLoss = r.objective.evaluate(theta).logLoss();
      snaps.add(Snapshot.of(r.objective, new GradientDescent.Iterate(li, theta, logLoss, Double.NaN, Double.NaN)));
    }
    return new Continuation(snaps, null);
  }

  /** The end of one piece of the continued path (null if it did not reach its level) and why. */
  private record PathPiece(double[] end, String message) {}

  /** The arc-length gradient-flow path from {@code start} (log L = {@code reference}) down to log L = {@code level}. */
  private static PathPiece pathTo(AsymptoticRun r, double[] start, double reference, double level, int budget) {
    // The integrator reads the loss itself (e^-900 underflows to 0): integrate the same path for the
    // loss measured relative to L at the piece's start, which differs only by a constant factor (same
    // gradient of log L).
    var flow = new org.wnverify.numeric.network.NetworkFlow(r.objective,
        org.wnverify.numeric.network.StepSchedule.inverseLossPower(1, 1), start);
    var settings = org.wnverify.numeric.ode.IntegrationSettings.of(AsymptoticRun.FLOW_TOLERANCE, 1e7)
        .withBudget(budget);
    var sys = new org.wnverify.numeric.ode.FlowSystem() {
      @Override
      public int getDimension() {
        return flow.getDimension();
      }

      @Override
      public void computeDerivatives(double t, double[] y, double[] yDot) {
        // Arc length: d theta/ds = -grad log L / ||grad log L||, a time change of the flow (same path).
        // In the normalized time of eta = 1/L the pushed EWN runs blow up numerically (d alpha/ds ~ e^alpha).
        var e = r.objective.evaluate(y);
        double[] g = e.gradLogTheta();
        double n = org.wnverify.numeric.linalg.Vectors.norm(g);
        for (int i = 0; i < yDot.length; i++) {
          yDot[i] = -g[i] / n;
        }
      }

      @Override
      public double[] initialState() {
        return flow.initialState();
      }

      @Override
      public double[] point(double[] y) {
        return flow.point(y);
      }

      @Override
      public double loss(double[] y) {
        return Math.exp(flow.logLoss(y) - reference);
      }
    };
    var res = org.wnverify.numeric.ode.FlowIntegrator.integrate(sys, settings, y -> flow.logLoss(y) - level);
    double[] end = res.finalState();
    boolean reached = end != null && flow.logLoss(end) <= level + 1e-6 * Math.abs(level);
    return new PathPiece(reached ? end : null, "flow path: " + res.status() + ", " + res.message());
  }

  @Override
  List<Mutation> mutations() {
    return switch (part) {
      case PART_1 -> List.of(
          new Mutation("(b), (c) with +grad: w_u aligned with grad_{w_u} L", r -> {
            Pair p = pair(r);
            return p == null ? new Judged(Verdict.INCONCLUSIVE, "no pair") : part1(r, p, -1, 0);
          }),
          new Mutation("(a) with the ratio tending to 2c in place of c", r -> {
            Pair p = pair(r);
            return p == null ? new Judged(Verdict.INCONCLUSIVE, "no pair") : part1(r, p, 1, Math.log(2));
          }));
      case SWN -> List.of(
          new Mutation("lim ||w_u||/||w_v|| = 1/c (EWN's relation)", r -> limitMutation(r, -1, "1/c")),
          new Mutation("exponent: lim ||w_u||/||w_v|| = c^2", r -> limitMutation(r, 2, "c^2")));
      case EWN -> List.of(
          new Mutation("the conclusions swapped: above 1/((c-eps) cos delta) the ratio -> 0, below cos delta/(c+eps) -> infinity",
              r -> {
                Pair p = pair(r);
                return p == null ? new Judged(Verdict.INCONCLUSIVE, "no pair") : thresholds(r, p, true, true);
              }, SWAPPED_UNDECIDABLE),
          new Mutation("the thresholds without their margins: both at the equilibrium ratio 1/c", r -> {
            Pair p = pair(r);
            return p == null ? new Judged(Verdict.INCONCLUSIVE, "no pair") : thresholds(r, p, false, false);
          }));
    };
  }
}
