package org.wnverify.check.experiments;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.wnverify.check.CheckContext;
import org.wnverify.numeric.discrete.DescentOptions;
import org.wnverify.numeric.discrete.DescentRun;
import org.wnverify.numeric.discrete.SensingProblem;

/**
 * The Java side of the peer benchmark in {@code bench/}: draws one paper-sized trial of Figure 2
 * (Gaussian truth, N = 1000, M = 150), writes it as JSON for the numpy implementation
 * ({@code bench/wn_gd.py}) and times one WN-GD run on it (r0 = 1, eta~ = 0.1, the Section 4 step
 * rule, cap 10^6, loss target 1e-12). Not used by the audit.
 *
 * <p>Usage: {@code java -cp 'reports/target/lib/*' org.wnverify.check.experiments.PeerBench OUT.json
 * [seed] [r0] [eta]}
 */
public final class PeerBench {
  private PeerBench() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "trial.json");
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
    double r0 = args.length > 2 ? Double.parseDouble(args[2]) : 1.0;
    double eta = args.length > 3 ? Double.parseDouble(args[3]) : 0.1;
    Section4.Trial t = Section4.draw(Section4.trialSeed(seed, 0), Section4.PAPER, Section4.Truth.GAUSSIAN);
    write(out, t, r0, eta);
    CheckContext ctx = CheckContext.of(seed, 1);
    DescentOptions o = Section4.options(Section4.PAPER.maxIterations(), ctx, t, Section4.Truth.GAUSSIAN, null, null)
        .withTracePoints(0);
    // warm-up on a short run so the timed run is compiled code, as numpy's is
    Section4.wn(t, r0, eta, o.withMaxIterations(5_000));
    long t0 = System.nanoTime();
    DescentRun run = Section4.wn(t, r0, eta, o);
    double sec = (System.nanoTime() - t0) / 1e9;
    System.out.printf(Locale.ROOT,
        "java: iterations %d, loss evaluations %d, final loss %.4e, eps1 %.6f, final r %.6f, %.2f s, %.2f us/iteration%n",
        run.iterations(), run.lossEvaluations(), run.finalLoss(), Section4.error(t, Section4.Truth.GAUSSIAN, run),
        run.finalR(), sec, sec / run.iterations() * 1e6);
  }

  private static void write(Path out, Section4.Trial t, double r0, double eta) throws IOException {
    SensingProblem p = t.problem();
    int m = p.rows();
    int n = p.columns();
    double[] a = p.matrix();
    double[] b = p.rhs();
    try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("{\"M\": " + m + ", \"N\": " + n + ", \"r0\": " + r0 + ", \"eta\": " + eta + ", \"L\": "
          + p.depth() + ", \"minL1\": " + t.minL1() + ",\n\"A\": [");
      for (int i = 0; i < a.length; i++) {
        w.write((i == 0 ? "" : ",") + a[i]);
      }
      w.write("],\n\"b\": [");
      for (int i = 0; i < m; i++) {
        w.write((i == 0 ? "" : ",") + b[i]);
      }
      w.write("],\n\"u0\": [");
      double[] u = t.direction();
      for (int i = 0; i < u.length; i++) {
        w.write((i == 0 ? "" : ",") + u[i]);
      }
      w.write("]}\n");
    }
  }
}
