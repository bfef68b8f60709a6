package org.wnverify.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditListener;
import org.wnverify.check.run.AuditReport;

/**
 * Progress of a long run. On a terminal ({@link #LIVE}) one status line on stderr, rewritten in
 * place every second: claims done of planned, samples per claim, time elapsed and an estimate of
 * the time left, the claims running; a claim that fails prints a permanent line above it. In CI, a
 * pipe or a batch job ({@link #QUIET}) nothing until the closing summary on stdout, so logs hold
 * results, not progress.
 */
final class ConsoleProgress implements AuditListener {
  /** Whether and how progress is shown. */
  enum Mode { LIVE, QUIET }

  private static final String CLEAR_LINE = "\r\033[K";
  private final PrintStream err;
  private final Mode mode;
  private final LongSupplier nanos;
  private final Set<String> running = new TreeSet<>();
  private ScheduledExecutorService ticker;
  private long start;
  private int done;
  private int planned;
  private int samples;
  private boolean started;

  /** Progress on {@code err} in the given mode; {@code nanos} is the clock (tests pass their own). */
  ConsoleProgress(PrintStream err, Mode mode, LongSupplier nanos) {
    this.err = err;
    this.mode = mode;
    this.nanos = nanos;
  }

  /** LIVE on a terminal (System.console() present) unless quiet was asked for, else QUIET. */
  static ConsoleProgress forTerminal(boolean quiet) {
    Mode m = !quiet && System.console() != null ? Mode.LIVE : Mode.QUIET;
    return new ConsoleProgress(System.err, m, System::nanoTime);
  }

  Mode mode() {
    return mode;
  }

  /** Starts the once-a-second redraw (LIVE only); without it the line changes on events only. */
  ConsoleProgress ticking() {
    if (mode == Mode.LIVE) {
      ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "wnverify-progress");
        t.setDaemon(true);
        return t;
      });
      ticker.scheduleAtFixedRate(this::redraw, 1, 1, TimeUnit.SECONDS);
    }
    return this;
  }

  @Override
  public synchronized void auditStarted(AuditReport initial) {
    start = nanos.getAsLong();
    planned = initial.planned().size();
    samples = initial.settings().samples();
    started = true;
    redraw();
  }

  @Override
  public synchronized void claimStarted(ClaimId id) {
    running.add(id.toString());
    redraw();
  }

  @Override
  public synchronized void claimFinished(ClaimOutcome o, AuditReport report) {
    running.remove(o.id().toString());
    done = report.outcomes().size();
    planned = report.planned().size();
    if (mode == Mode.LIVE && o.verdict().isFailing()) {
      err.print(CLEAR_LINE);
      err.printf(Locale.ROOT, "%s %-44s %-12s %s%n", o.verdict() == Verdict.INCONCLUSIVE ? "?" : "x", o.id(), o.verdict(),
          abbreviate(o.summary()));
    }
    redraw();
  }

  @Override
  public synchronized void auditFinished(AuditReport report) {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    if (mode == Mode.LIVE) {
      err.print(CLEAR_LINE);
      err.flush();
    }
    started = false;
  }

  /** The status line as shown, e.g. "[12/61 claims] 6 samples each, 1m05s elapsed, ~2m10s left; running: ...". */
  synchronized String statusLine() {
    long elapsed = nanos.getAsLong() - start;
    StringBuilder sb = new StringBuilder();
    sb.append('[').append(done).append('/').append(planned).append(" claims] ").append(samples)
        .append(samples == 1 ? " sample" : " samples").append(" each, ").append(duration(elapsed)).append(" elapsed");
    if (done > 0 && done < planned) {
      sb.append(", ~").append(duration(elapsed / done * (planned - done))).append(" left");
    } else if (done == 0) {
      sb.append(", estimating time left");
    }
    if (!running.isEmpty()) {
      sb.append("; running: ").append(String.join(", ", running));
    }
    return abbreviate(sb.toString());
  }

  private synchronized void redraw() {
    if (mode != Mode.LIVE || !started) {
      return;
    }
    err.print(CLEAR_LINE + statusLine());
    err.flush();
  }

  static String duration(long nanos) {
    long s = Math.max(0, Math.round(nanos / 1e9));
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }

  String summary(AuditReport r, Path out) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.passed() ? "PASSED" : "FAILED").append(": ").append(r.outcomes().size()).append(" claims");
    r.counts().forEach((v, n) -> {
      if (n > 0) {
        sb.append(", ").append(n).append(' ').append(v);
      }
    });
    for (ClaimOutcome o : r.outcomes()) {
      if (o.verdict().isFailing()) {
        sb.append(System.lineSeparator()).append("  ").append(o.verdict() == Verdict.INCONCLUSIVE ? "?" : "x")
            .append(' ').append(o.id()).append(": ").append(abbreviate(o.summary()));
      }
    }
    sb.append(System.lineSeparator()).append("report: ").append(out.resolve("report.md")).append(", ")
        .append(out.resolve("index.html")).append(", ").append(out.resolve("report.json")).append(", ")
        .append(out.resolve("junit.xml"));
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 110 ? s.substring(0, 107) + "..." : s;
  }
}
