package org.wnverify.check.chou;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.sampling.ChouHypotheses;
import org.wnverify.check.sampling.ChouSampler;
import org.wnverify.check.sampling.ChouSampler.Corner;
import org.wnverify.check.problem.Hypothesis;
import org.wnverify.numeric.linalg.ColumnSubmatrices;
import org.wnverify.numeric.linalg.PseudoInverse;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.problem.DiagonalNetInstance;
import org.wnverify.check.problem.Sample;
import org.wnverify.numeric.problem.InstanceGenerator.R0Rule;

/**
 * Lemma 3.19: with (eta_r, eta_u) = (r^2, 1), L >= 2, ||u(0)|| = 1, r(0) > 0, b != 0 and S+
 * non-empty, L(x(t)) -> 0. Checked by running the flow until the loss fell to 1e-16 of its start.
 *
 * <p>The statement prints no sign condition on u(0), while its proof uses u(0) >= 0 and needs
 * x(t) > 0 for D_F(z, x~(t)) to be finite. A run that does not converge is decided by a
 * certificate instead: entries of u that are 0 stay 0 and the others keep their sign (the
 * argument of Lemma 3.3, which holds for any eta_r), so x~(t) stays in {z : z_n = 0 off the
 * support of u0, sign(z_n) = sign(u0_n)^L} and L(x(t)) >= min over that set of
 * ||Az - b||^2/(2L) for all t, a non-negative least-squares problem solved exactly by enumerating
 * supports. A positive certificate refutes "L(x(t)) -> 0". {@code #corrected} adds u0 > 0.
 */
final class Lemma319LossToZero extends ChouClaim {
  /** A certificate counts when it is at least this fraction of the initial loss (far above rounding). */
  static final double CERTIFICATE_MIN = 1e-6;
  /** Enumerating supports of the certificate is exact up to this many non-zero entries of u0. */
  static final int MAX_SUPPORT = 12;

  private final boolean corrected;

  private Lemma319LossToZero(String id, String statement, boolean corrected) {
    super(id, "Chou, Rauhut, Ward, Lemma 3.19 (Section 3.4)", statement, ClaimKind.LIMIT);
    this.corrected = corrected;
  }

  static Lemma319LossToZero printed() {
    return new Lemma319LossToZero("chou/lemma-3.19", "L >= 2, (eta_r, eta_u) = (r^2, 1), ||u(0)|| = 1, r(0) > 0, b not "
        + "identically zero and S+ non-empty: lim L(x(t)) = 0.", false);
  }

  static Lemma319LossToZero corrected() {
    return new Lemma319LossToZero("chou/lemma-3.19#corrected", "With the hypothesis its proof uses added, u(0) > 0: "
        + "lim L(x(t)) = 0 for (eta_r, eta_u) = (r^2, 1).", true);
  }

  @Override
  public List<Hypothesis<DiagonalNetInstance>> hypotheses() {
    return corrected ? ChouHypotheses.lemma319Corrected() : ChouHypotheses.lemma319();
  }

  /**
   * Printed: u0 on a face first (allowed by the statement), corrected: without it. Both include the
   * COLLAPSE corner (it rejects the control) and no tiny r0 (the (r^2, 1) flow moves at ||x||^2
   * times GF speed and would not leave 0 within the horizon); depths 2 and 3.
   */
  @Override
  ChouSampler chouSampler(CheckContext context) {
    List<Corner> corners = new ArrayList<>();
    if (!corrected) {
      corners.add(Corner.U0_ON_FACE);
    }
    corners.addAll(List.of(Corner.GENERIC, Corner.COLLAPSE, Corner.R0_AT_BOUND, Corner.MINIMAL_DIMENSIONS,
        Corner.SPARSE_SOLUTION, Corner.UNIFORM_U0, Corner.LARGE_ETA, Corner.SMALL_ETA));
    return new ChouSampler(context.random(id()), new int[] {2, 3}, R0Rule.INTERIOR, corners);
  }

  /**
   * min ||Az - b||^2/(2L) over z with z_n = 0 where u0_n = 0 and sign(z_n) = sign(u0_n)^L: a lower
   * bound of the loss along the whole flow. NaN when the support is larger than MAX_SUPPORT.
   */
  static double certificate(DiagonalNetInstance p) {
    double[] u = p.u0();
    double[][] a = p.a();
    List<Integer> support = new ArrayList<>();
    for (int n = 0; n < u.length; n++) {
      if (u[n] != 0) {
        support.add(n);
      }
    }
    if (support.size() > MAX_SUPPORT) {
      return Double.NaN;
    }
    // columns flipped so that the constraint reads z >= 0
    double[][] signed = new double[a.length][u.length];
    for (int i = 0; i < a.length; i++) {
      for (int n = 0; n < u.length; n++) {
        double s = p.depth() % 2 == 1 && u[n] < 0 ? -1 : 1;
        signed[i][n] = s * a[i][n];
      }
    }
    double best = Vectors.dot(p.b(), p.b());
    for (int mask = 1; mask < (1 << support.size()); mask++) {
      int[] cols = new int[Integer.bitCount(mask)];
      for (int j = 0, c = 0; j < support.size(); j++) {
        if ((mask & (1 << j)) != 0) {
          cols[c++] = support.get(j);
        }
      }
      double[][] sub = ColumnSubmatrices.select(signed, cols);
      double[] z = PseudoInverse.of(sub).apply(p.b());
      if (Vectors.min(z) < 0) {
        continue;
      }
      double[] r = Vectors.subtract(Vectors.multiply(sub, z), p.b());
      best = Math.min(best, Vectors.dot(r, r));
    }
    return best / (2.0 * p.depth());
  }

  /**
   * A mutated statement "L(x(t)) -> 0" on one instance outside the hypotheses, decided by the rule
   * of the check: the (r^2, 1) run converged (holds), or the certificate is positive (rejected).
   */
  static NegativeControl decided(String mutation, DiagonalNetInstance q) {
    FlowLimit run = FlowLimit.wn(q, LearningRate.R_SQUARED);
    double cert = certificate(q);
    Verdict v = run.converged() ? Verdict.HOLDS : cert >= CERTIFICATE_MIN * run.loss0 ? Verdict.VIOLATED
        : Verdict.INCONCLUSIVE;
    return new NegativeControl(mutation, v, run.describe() + String.format(Locale.ROOT,
        "; certified lower bound of the loss for all t: %.4g", cert));
  }

  boolean fails(DiagonalNetInstance p) {
    if (ChouHypotheses.firstUnmet(hypotheses(), p).isPresent()) {
      return false;
    }
    double cert = certificate(p);
    double l0 = org.wnverify.numeric.problem.Loss.value(p, p.x0());
    return cert >= CERTIFICATE_MIN * l0;
  }

  @Override
  void checkInstances(CheckContext ctx, List<Sample<DiagonalNetInstance>> instances, ClaimOutcome.Builder out) {
    List<List<Object>> rows = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int converged = 0;
    int undecided = 0;
    int controlRejected = 0;
    int controlAccepted = 0;
    int[] reversed = new int[2]; // "lim L(x(t)) > 0": {rejected, accepted}
    Sample<DiagonalNetInstance> violating = null;
    String violation = null;
    for (Sample<DiagonalNetInstance> g : instances) {
      ctx.checkpoint();
      DiagonalNetInstance p = g.instance();
      FlowLimit run = FlowLimit.wn(p, LearningRate.R_SQUARED);
      double cert = certificate(p);
      rows.add(List.of(g.label(), p.depth(), Vectors.min(p.u0()), run.kind.name(), run.endTime(), run.loss0, run.lossEnd,
          cert));
      if (run.converged()) {
        converged++;
        reversed[0]++;
      } else if (cert >= CERTIFICATE_MIN * run.loss0) {
        if (violating == null) {
          violating = g;
          violation = String.format(Locale.ROOT, "%s: the loss stays >= %.6g = %.3g of its start for all t (x(t) keeps "
              + "the zero pattern and signs of u0); run: %s", g.label(), cert, cert / run.loss0, run.describe());
        }
      } else {
        undecided++;
        notes.add(g.label() + ": INCONCLUSIVE, " + run.describe());
      }
      if (!run.converged() && cert >= CERTIFICATE_MIN * run.loss0) {
        reversed[1]++;
      }
      // control: the same statement for the constant rate (eta, 1)
      if (ChouHypotheses.firstUnmet(ChouHypotheses.theorem22(), p).isEmpty()) {
        FlowLimit c = FlowLimit.wn(p, LearningRate.CONSTANT);
        if (c.kind == FlowLimit.Kind.COLLAPSED) {
          controlRejected++;
        } else if (c.converged()) {
          controlAccepted++;
        }
      }
    }
    out.table(new EvidenceTable("(r^2, 1) WN flow until the loss fell to 1e-16 of its start; certificate = min of "
        + "||Az - b||^2/(2L) over the face and sign pattern x(t) cannot leave (a lower bound for all t)",
        List.of("instance", "L", "min u0", "outcome", "T", "loss start", "loss end", "certified lower bound"), rows));
    out.evidence("per instance", notes);
    out.control(new NegativeControl("the same for the constant rate (eta_r, eta_u) = (eta, 1): L(x(t)) -> 0",
        controlRejected > 0 ? Verdict.VIOLATED : controlAccepted > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "the (eta, 1) flow collapsed to x = 0 (loss -> ||b||^2/(2L) > 0) on " + controlRejected
            + " instance(s) meeting Theorem 2.2's hypotheses, converged on " + controlAccepted));
    out.control(new NegativeControl("reversed: lim L(x(t)) > 0 (the loss stays bounded away from 0)",
        reversed[0] > 0 ? Verdict.VIOLATED : reversed[1] > 0 ? Verdict.HOLDS : Verdict.INCONCLUSIVE,
        "the loss fell below 1e-16 of its start (far below any certificate, " + CERTIFICATE_MIN + " of it) on "
            + reversed[0] + " run(s); certified bounded away from 0 on " + reversed[1]));
    DiagonalNetInstance empty = Lemma33ConstantSignControl.EMPTY_S_PLUS;
    out.control(decided("hypothesis S+ non-empty dropped (A = [1 1], b = [-1], L = 2, u0 = (0.6, 0.8))", empty));
    if (corrected) {
      DiagonalNetInstance face = Theorem22LossDecay.onFace(instances.get(0).instance());
      out.control(decided("hypothesis u0 > 0 dropped (u0 = " + java.util.Arrays.toString(face.u0()) + " on "
          + instances.get(0).label() + ", a face of the orthant: the printed statement)", face));
    }
    if (violating != null) {
      Findings.Shrunk s = Findings.shrinkAndSave(ctx, this, "counterexample", violating.instance(), this::fails,
          q -> String.format(Locale.ROOT, "u0 = %s: L(x(t)) >= %.6g for all t", java.util.Arrays.toString(q.u0()),
              certificate(q)), 60);
      out.counterexample(s.counterexample());
      out.verdict(Verdict.VIOLATED, "FINDING: " + violation + "; the statement lacks u(0) > 0, which its proof uses "
          + "(see #corrected)");
    } else if (undecided > 0) {
      out.verdict(Verdict.INCONCLUSIVE, converged + " run(s) reached loss 1e-16 of its start; " + undecided
          + " did not and have no certificate");
    } else if (converged > 0 && controlRejected > 0) {
      out.verdict(Verdict.HOLDS, "the loss fell to 1e-16 of its start on all " + converged + " run(s); control rejected");
    } else {
      out.verdict(Verdict.INCONCLUSIVE, converged + " run(s) converged; control rejected on " + controlRejected);
    }
  }
}
