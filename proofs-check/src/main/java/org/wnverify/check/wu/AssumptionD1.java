package org.wnverify.check.wu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimKind;
import org.wnverify.numeric.linalg.Vectors;
import org.wnverify.numeric.wu.SmoothLoss;
import org.wnverify.numeric.wu.WuGeometry;
import org.wnverify.numeric.wu.WuInstance;
import org.wnverify.numeric.wu.WuObjective;

/**
 * Appendix D has no Theorem D.1: its D.1 is Assumption D.1 with the consequences the text draws from
 * it. Checked: least squares (1) and logistic loss (labels sign(y)) satisfy (I - P) grad L(x) = 0 with
 * the projection P = A^+ A of rank r < d ("For the undetermined linear regression, P = A^+ A"), and
 * so L(x) = L(P x), at points x of several scales (logistic loss saturates at large margins).
 */
final class AssumptionD1 extends PerInstanceClaim {
  /** Points x per instance and loss. */
  static final int POINTS = 6;
  /** Relative rounding allowance: a pseudo-inverse (SVD) and a few products of length d. */
  static final double ROUNDING = 1e-10;

  AssumptionD1() {
    super("wu/assumption-d.1", "Wu et al., Appendix D, Assumption D.1 and the text after it (001_b498c678a289d7b1.txt, "
        + "lines 600-610)", "Assumption D.1 (Low-dimensional gradient). There exists a projection matrix P in R^{d x d} "
        + "with rank r < d such that (I - P) grad L(x) = 0 for all x in R^d. [...] This implies L(x) = L(Px) for all x. "
        + "[...] For the undetermined linear regression, P = A^+ A. [checked: least squares and logistic loss with "
        + "P = A^+ A: P a projection of rank < d, (I - P) grad L(x) = 0 and L(x) = L(P x)]", ClaimKind.IDENTITY);
  }

  @Override
  public List<WuHypothesis> hypotheses() {
    return List.of(WuHypothesis.Y_NONZERO);
  }

  @Override
  List<String> notes() {
    return List.of("P = A^+ A from the SVD pseudo-inverse; logistic labels are sign(y_i) (+1 for y_i = 0)",
        "points x: Gaussian directions at scales 0.1, 1 and 10, drawn from a stream seeded by the instance (so a "
            + "shrunk counterexample replays)");
  }

  @Override
  List<WuSample> draw(CheckContext ctx, int n) {
    WuSampler s = new WuSampler(ctx.random(id()));
    List<WuSample> out = new ArrayList<>();
    out.add(new WuSample(WuSampler.example2d(0.5), "corner: example-2d, A = [1, 0]"));
    out.add(new WuSample(s.orthogonal(), "corner: A A^T = I"));
    double[][] two = s.generalMatrix(2, 4);
    out.add(new WuSample(new WuInstance(new double[][] {two[0], two[1], Vectors.subtract(two[0], two[1])},
        s.gaussianVector(3), s.unitVector(4), 1, 1), "corner: rank-deficient A (a3 = a1 - a2)"));
    for (int i = out.size(); i < n; i++) {
      out.add(new WuSample(s.general(), "draw " + i));
    }
    return out.size() > n ? List.copyOf(out.subList(0, n)) : out;
  }

  @Override
  List<String> controlNames() {
    return List.of("P = A^T A (not a projection unless A A^T = I)", "P = I - A^+ A (the complement)",
        "P = projection on the first m - 1 rows (rank one short)");
  }

  @Override
  List<String> columns() {
    return List.of("rank P", "max ||(I-P) grad L|| / ||grad L||", "max |L(x) - L(Px)| / max(1, |L|)");
  }

  @Override
  Judged judge(CheckContext ctx, WuInstance p) {
    Judged j = new Judged();
    double[][] a = p.a();
    int d = p.columns();
    WuGeometry geo = WuGeometry.of(p);
    double[][] proj = new double[d][];
    for (int k = 0; k < d; k++) {
      double[] e = new double[d];
      e[k] = 1;
      proj[k] = geo.parallel(e);
    }
    double[][] ata = new double[d][d];
    for (double[] row : a) {
      for (int i = 0; i < d; i++) {
        for (int k = 0; k < d; k++) {
          ata[i][k] += row[i] * row[k];
        }
      }
    }
    double[][] comp = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int k = 0; k < d; k++) {
        comp[i][k] = (i == k ? 1 : 0) - proj[i][k];
      }
    }
    double[][] shortRows = java.util.Arrays.copyOf(a, Math.max(0, a.length - 1));
    double[][] fewer = new double[d][d];
    if (shortRows.length > 0) {
      WuGeometry g2 = WuGeometry.of(shortRows, new double[shortRows.length]);
      for (int k = 0; k < d; k++) {
        double[] e = new double[d];
        e[k] = 1;
        double[] col = g2.parallel(e);
        for (int i = 0; i < d; i++) {
          fewer[i][k] = col[i];
        }
      }
    }
    double projDefect = 0;
    double trace = 0;
    for (int i = 0; i < d; i++) {
      trace += proj[i][i];
      for (int k = 0; k < d; k++) {
        double pp = 0;
        for (int l = 0; l < d; l++) {
          pp += proj[i][l] * proj[l][k];
        }
        projDefect = Math.max(projDefect, Math.abs(pp - proj[i][k]) + Math.abs(proj[i][k] - proj[k][i]));
      }
    }
    double[] labels = new double[p.rows()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = p.y()[i] < 0 ? -1 : 1;
    }
    List<SmoothLoss> losses = List.of(SmoothLoss.leastSquares(WuObjective.of(p)), SmoothLoss.logistic(a, labels));
    double[][][] mats = {proj, ata, comp, fewer};
    double[] worstGrad = new double[4];
    double[] worstVal = new double[4];
    SplittableRandom rnd = new SplittableRandom(p.hashCode());
    WuSampler pts = new WuSampler(rnd);
    double[] scales = {0.1, 1, 10};
    for (int k = 0; k < POINTS; k++) {
      double[] x = Vectors.scale(scales[k % scales.length], pts.gaussianVector(d));
      for (SmoothLoss loss : losses) {
        double[] grad = loss.gradient(x);
        double lx = loss.value(x);
        for (int m = 0; m < mats.length; m++) {
          double[] px = Vectors.multiply(mats[m], x);
          double[] off = Vectors.subtract(grad, Vectors.multiply(mats[m], grad));
          worstGrad[m] = Math.max(worstGrad[m], Vectors.norm(off) / Math.max(Vectors.norm(grad), Double.MIN_NORMAL));
          worstVal[m] = Math.max(worstVal[m], Math.abs(lx - loss.value(px)) / Math.max(1, Math.abs(lx)));
        }
      }
    }
    long rank = Math.round(trace);
    j.row(rank, worstGrad[0], worstVal[0]);
    boolean ok = projDefect <= ROUNDING && rank < d && worstGrad[0] <= ROUNDING && worstVal[0] <= ROUNDING;
    j.statement(ok ? Result.HOLDS : Result.VIOLATED, "P^2 = P = P^T to " + Theorem26.fmt(projDefect) + ", rank " + rank
        + " < d = " + d + ", gradient off P " + Theorem26.fmt(worstGrad[0]) + ", |L(x) - L(Px)| " + Theorem26.fmt(worstVal[0]));
    boolean orth = WuGeometry.of(p).orthogonalityDefect() <= 1e-10;
    for (int m = 1; m < mats.length; m++) {
      double fewerTrace = 0;
      for (int i = 0; i < d; i++) {
        fewerTrace += fewer[i][i];
      }
      boolean coincides = m == 1 && orth || m == 3 && Math.round(fewerTrace) == rank;
      boolean rejected = worstGrad[m] > 1e3 * ROUNDING || worstVal[m] > 1e3 * ROUNDING;
      j.control(controlNames().get(m - 1), coincides ? null : rejected, coincides ? "coincides with A^+ A here"
          : "gradient off P " + Theorem26.fmt(worstGrad[m]) + ", |L(x) - L(Px)| " + Theorem26.fmt(worstVal[m]));
    }
    return j;
  }
}
