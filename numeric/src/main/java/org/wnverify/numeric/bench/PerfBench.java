package org.wnverify.numeric.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wnverify.numeric.discrete.DescentOptions;
import org.wnverify.numeric.discrete.DescentRun;
import org.wnverify.numeric.discrete.DiscreteDescent;
import org.wnverify.numeric.discrete.SensingProblem;
import org.wnverify.numeric.discrete.StepRule;
import org.wnverify.numeric.fast.Dop853;
import org.wnverify.numeric.fast.FastDescent;
import org.wnverify.numeric.fast.FastWnFlow;
import org.wnverify.numeric.fast.MachineFloors;
import org.wnverify.numeric.fast.RowPass;
import org.wnverify.numeric.generated.WnFlowKernel;
import org.wnverify.numeric.ode.FlowIntegrator;
import org.wnverify.numeric.ode.IntegrationResult;
import org.wnverify.numeric.ode.IntegrationSettings;
import org.wnverify.numeric.ode.LearningRate;
import org.wnverify.numeric.ode.WnFlowOde;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The Java side of the performance harness in {@code bench/} (issue 18): writes the benchmark
 * instances (if absent), reads them back from the files the NumPy/SciPy peer also reads, measures
 * this machine's floors, times the right-hand-side kernel and the workloads W1 (WN flow, DOP853,
 * rtol = atol = 1e-10, t in [0, 20]) and W2 (1e5 constant steps of WN-GD, h = 2e-4) after a
 * warm-up, and writes {@code java.json} and the end states ({@code *.f64}) for
 * {@code bench/report.py} to compare with the peer's (also one {@code java.json} per size in its
 * directory, so that the harness can alternate Java and peer size by size). Not used by the audit.
 *
 * <p>Usage: {@code PerfBench DIR [--sizes 250,500,1000,2000] [--today N] [--rounds R]}; {@code
 * --today N} also runs today's audit path (Commons Math DOP853 on the emitted kernel; DiscreteDescent)
 * at size N (0: never).
 */
public final class PerfBench {
  static final int M = 150;
  static final double T_END = 20;
  static final double TOL = 1e-10;
  static final double W2_STEP = 2e-4;
  static final long W2_STEPS = 100_000;
  /** Kernel timing: each measurement lasts a few milliseconds; the best of the rounds is kept. */
  static final long KERNEL_NANOS = 4_000_000;

  private static volatile double sink;

  private PerfBench() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
    int[] sizes = {250, 500, 1000, 2000};
    int today = 1000;
    int rounds = 15;
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--sizes" -> sizes = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
        case "--today" -> today = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("load_start", loadAverage());
    out.put("backend", RowPass.best().name());
    out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    // floors first, on a quiet JIT
    double fma = MachineFloors.fmaRate(rounds);
    Map<String, Object> floors = new LinkedHashMap<>();
    floors.put("fma_per_s_1core", fma);
    out.put("floors", floors);
    say("floors: peak FMA %.2f GFMA/s on one core (%s)", fma / 1e9, RowPass.best().name());
    Map<String, Object> bySize = new LinkedHashMap<>();
    out.put("sizes", bySize);
    for (int n : sizes) {
      Path idir = dir.resolve("n" + n);
      if (!Files.exists(idir.resolve("meta.json"))) {
        BenchInstance.draw(M, n, 1000L + n).write(idir);
      }
      BenchInstance p = BenchInstance.read(idir);
      Map<String, Object> r = new LinkedHashMap<>();
      bySize.put(Integer.toString(n), r);
      double bytes = 8.0 * p.m() * p.n();
      double bw = MachineFloors.readBandwidth((long) bytes, rounds);
      double floor = MachineFloors.floorSeconds(bytes, bw, 2.0 * p.m() * p.n(), fma);
      r.put("read_bytes_per_s", bw);
      r.put("rhs_floor_s", floor);
      say("N = %d: read bandwidth for A (%.2f MB) %.1f GB/s; RHS floor max(bytes/bw, 2MN/fma) = %.1f us", n,
          bytes / 1e6, bw / 1e9, floor * 1e6);
      kernels(p, rounds, r, floor);
      w1(p, idir, r, n == today);
      w2(p, idir, r, n == today);
      Map<String, Object> one = new LinkedHashMap<>(out);
      one.put("sizes", Map.of(Integer.toString(n), r));
      one.put("load_end", loadAverage());
      Files.writeString(idir.resolve("java.json"), json(one) + "\n", StandardCharsets.UTF_8);
    }
    if (RowPass.vector() != null) {
      BenchInstance p = BenchInstance.read(dir.resolve("n" + sizes[sizes.length - 1]));
      double[] state = new double[p.n() + 1];
      state[0] = p.r0();
      System.arraycopy(p.u0(), 0, state, 1, p.n());
      double[] o = new double[p.n() + 1];
      try (FastWnFlow fs = flow(p, RowPass.scalar(), 1)) {
        double best = Double.MAX_VALUE;
        for (int round = -5; round < rounds; round++) {
          double t = timePerCall(() -> fs.computeDerivatives(0, state, o));
          best = round >= 0 ? Math.min(best, t) : best;
        }
        out.put("scalar_fallback_rhs_s_n" + p.n(), best);
        say("plain-Java fallback (same bits), N = %d: %.1f us per RHS (timed last, after the vector runs)", p.n(),
            best * 1e6);
      }
    }
    out.put("load_end", loadAverage());
    Files.writeString(dir.resolve("java.json"), json(out) + "\n", StandardCharsets.UTF_8);
    say("wrote %s", dir.resolve("java.json"));
  }

  private static void kernels(BenchInstance p, int rounds, Map<String, Object> r, double floor) {
    int m = p.m();
    int n = p.n();
    double[] state = new double[n + 1];
    state[0] = p.r0();
    System.arraycopy(p.u0(), 0, state, 1, n);
    double[] o1 = new double[n + 1];
    try (FastWnFlow f1 = flow(p, RowPass.best(), 1);
        FastWnFlow f2 = flow(p, RowPass.best(), 2)) {
      String[] names = {"fused_1t", "fused_2t", "emitted"};
      Runnable[] bodies = {
          () -> f1.computeDerivatives(0, state, o1),
          () -> f2.computeDerivatives(0, state, o1),
          () -> WnFlowKernel.derivative(p.a(), m, n, p.b(), p.depth(), p.eta(), 1.0, state, o1)};
      double[] best = new double[bodies.length];
      java.util.Arrays.fill(best, Double.MAX_VALUE);
      for (int round = -5; round < rounds; round++) {
        for (int j = 0; j < bodies.length; j++) {
          double t = timePerCall(bodies[j]);
          if (round >= 0) {
            best[j] = Math.min(best[j], t);
          }
        }
      }
      Map<String, Object> k = new LinkedHashMap<>();
      for (int j = 0; j < names.length; j++) {
        k.put(names[j] + "_s", best[j]);
      }
      r.put("rhs", k);
      say("  RHS per call: fused %s 1 thread %.1f us (%.2f x floor), 2 threads %.1f us, emitted kernel %.1f us",
          RowPass.best().name(), best[0] * 1e6, best[0] / floor, best[1] * 1e6, best[2] * 1e6);
    }
  }

  private static double timePerCall(Runnable body) {
    long reps = 0;
    long t0 = System.nanoTime();
    long t;
    do {
      for (int i = 0; i < 16; i++) {
        body.run();
      }
      reps += 16;
      t = System.nanoTime();
    } while (t - t0 < KERNEL_NANOS);
    sink += reps;
    return (t - t0) / 1e9 / reps;
  }

  private static void w1(BenchInstance p, Path idir, Map<String, Object> r, boolean today) throws IOException {
    Map<String, Object> w = new LinkedHashMap<>();
    r.put("w1", w);
    for (int threads = 1; threads <= 2; threads++) {
      try (FastWnFlow f = flow(p, RowPass.best(), threads)) {
        Dop853.integrate(f, 0, f.initialState(), 0.5, TOL, TOL, Long.MAX_VALUE); // warm-up
        long t0 = System.nanoTime();
        Dop853.Result res = Dop853.integrate(f, 0, f.initialState(), T_END, TOL, TOL, Long.MAX_VALUE);
        double sec = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seconds", sec);
        e.put("nfev", res.evaluations());
        e.put("steps", res.steps());
        e.put("rejected", res.rejected());
        e.put("success", res.success());
        e.put("loss_end", f.loss(res.y()));
        e.put("load", loadAverage());
        w.put("fast_" + threads + "t", e);
        BenchInstance.writeDoubles(idir.resolve("java-w1-" + threads + "t.f64"), res.y());
        say("  W1 fast DOP853 + fused RHS, %d thread(s): %.2f s, %d evaluations (%d steps, %d rejected), "
            + "%.1f us/evaluation, r(20) = %.9f, loss %.3e", threads, sec, res.evaluations(), res.steps(),
            res.rejected(), sec / res.evaluations() * 1e6, res.y()[0], f.loss(res.y()));
      }
    }
    if (today) {
      DiagonalNetInstance inst = new DiagonalNetInstance(p.rows(), p.b(), p.depth(), p.r0(), p.u0(), p.eta());
      IntegrationSettings s = new IntegrationSettings(TOL, TOL, T_END, Integer.MAX_VALUE, 0.0, null, false);
      String[] names = {"commons_emitted", "commons_fused"};
      for (int j = 0; j < 2; j++) {
        try (FastWnFlow fused = flow(p, RowPass.best(), 1)) {
          org.wnverify.numeric.ode.FlowSystem sys = j == 0 ? new WnFlowOde(inst, LearningRate.CONSTANT) : fused;
          FlowIntegrator.integrate(sys, new IntegrationSettings(TOL, TOL, 0.5, Integer.MAX_VALUE, 0.0, null, false));
          long t0 = System.nanoTime();
          IntegrationResult res = FlowIntegrator.integrate(sys, s);
          double sec = (System.nanoTime() - t0) / 1e9;
          Map<String, Object> e = new LinkedHashMap<>();
          e.put("seconds", sec);
          e.put("nfev", res.evaluations());
          e.put("status", res.status().toString());
          e.put("load", loadAverage());
          w.put(names[j], e);
          BenchInstance.writeDoubles(idir.resolve("java-w1-" + names[j] + ".f64"), res.finalState());
          say("  W1 today's path (FlowIntegrator, Commons Math DOP853) with %s: %.2f s, %d evaluations, %s",
              j == 0 ? "the emitted kernel" : "the fused RHS", sec, res.evaluations(), res.status());
        }
      }
    }
  }

  private static void w2(BenchInstance p, Path idir, Map<String, Object> r, boolean today) throws IOException {
    Map<String, Object> w = new LinkedHashMap<>();
    r.put("w2", w);
    for (int threads = 1; threads <= 2; threads++) {
      try (FastWnFlow f = flow(p, RowPass.best(), threads)) {
        FastDescent.run(f, f.initialState(), W2_STEP, 3000); // warm-up
        double[] y = f.initialState();
        long t0 = System.nanoTime();
        double loss = FastDescent.run(f, y, W2_STEP, W2_STEPS);
        double sec = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("seconds", sec);
        e.put("steps", W2_STEPS);
        e.put("loss_end", loss);
        e.put("load", loadAverage());
        w.put("fast_" + threads + "t", e);
        BenchInstance.writeDoubles(idir.resolve("java-w2-" + threads + "t.f64"), y);
        say("  W2 fast WN-GD %d thread(s): %.2f s for %d steps (%.1f us/step), loss %.6e", threads, sec, W2_STEPS,
            sec / W2_STEPS * 1e6, loss);
      }
    }
    if (today) {
      SensingProblem sp = SensingProblem.of(p.rows(), p.b(), p.depth());
      DescentOptions o = new DescentOptions(W2_STEPS, 0.0, StepRule.constant(W2_STEP), 0, null);
      DiscreteDescent.wn(sp, p.r0(), p.u0(), p.eta(), 1.0, o.withMaxIterations(3000));
      long t0 = System.nanoTime();
      DescentRun run = DiscreteDescent.wn(sp, p.r0(), p.u0(), p.eta(), 1.0, o);
      double sec = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("seconds", sec);
      e.put("steps", run.iterations());
      e.put("loss_evaluations", run.lossEvaluations());
      e.put("loss_end", run.finalLoss());
      e.put("load", loadAverage());
      w.put("discrete_descent", e);
      BenchInstance.writeDoubles(idir.resolve("java-w2-discrete_descent-x.f64"), run.x());
      say("  W2 today's DiscreteDescent.wn (constant step): %.2f s for %d steps, loss %.6e", sec, run.iterations(),
          run.finalLoss());
    }
  }

  static FastWnFlow flow(BenchInstance p, RowPass pass, int threads) {
    return new FastWnFlow(p.a(), p.m(), p.n(), p.b(), p.depth(), p.eta(), 1.0, p.r0(), p.u0(), pass, threads);
  }

  static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split("\\s+")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static void say(String fmt, Object... args) {
    System.out.println(String.format(Locale.ROOT, fmt, args));
    System.out.flush();
  }

  static String json(Object o) {
    if (o instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        parts.add("\"" + e.getKey() + "\": " + json(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (o instanceof Double d) {
      return Double.isFinite(d) ? Double.toString(d) : "null";
    }
    if (o instanceof Number || o instanceof Boolean) {
      return o.toString();
    }
    return "\"" + String.valueOf(o).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
