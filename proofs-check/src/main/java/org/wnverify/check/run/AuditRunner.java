package org.wnverify.check.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.wnverify.check.CheckAbortedException;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

/**
 * Runs claims in parallel, each in isolation: an exception, a blown time budget or an interrupt
 * turns that claim INCONCLUSIVE with the reason, and the others carry on. Results are published
 * to the listener one claim at a time, sorted by id, so the report on disk always holds
 * everything finished so far and its content does not depend on the thread count.
 *
 * <p>A claim whose check passed but whose negative control was not rejected (or that has no
 * negative control) is demoted to INCONCLUSIVE: a check that cannot say no proves nothing.
 */
public final class AuditRunner {
  /** Extra time granted after the budget before a claim is abandoned, for a prompt checkpoint. */
  private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final int threads;
  private final long budgetNanos;
  private final Object lock = new Object();
  private final Map<String, ClaimOutcome> finished = new TreeMap<>();
  private final Map<String, Thread> running = new TreeMap<>();
  private final AtomicBoolean aborted = new AtomicBoolean();
  private List<String> planned = List.of();
  private AuditSettings settings;
  private AuditListener listener;
  private boolean ended;

  public AuditRunner(int threads, double claimBudgetSeconds) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    this.threads = threads;
    this.budgetNanos = (long) (claimBudgetSeconds * 1e9);
  }

  /** Runs the claims and returns the final report (INTERRUPTED if {@link #abort} was called). */
  public AuditReport run(List<Claim> claims, CheckContext base, AuditSettings runSettings, AuditListener l) {
    synchronized (lock) {
      this.settings = runSettings;
      this.listener = l;
      this.planned = claims.stream().map(c -> c.id().toString()).toList();
      safely(() -> listener.auditStarted(snapshot(AuditReport.Status.RUNNING)));
    }
    ExecutorService pool = Executors.newCachedThreadPool(daemon("wnverify-claim"));
    ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("wnverify-watchdog"));
    Semaphore slots = new Semaphore(threads);
    try {
      for (Claim claim : claims) {
        slots.acquireUninterruptibly();
        if (aborted.get()) {
          slots.release();
          break;
        }
        AtomicBoolean done = new AtomicBoolean();
        Runnable release = slots::release;
        long start = System.nanoTime();
        CheckContext ctx = base.withDeadline(start + budgetNanos);
        pool.submit(() -> {
          String id = claim.id().toString();
          synchronized (lock) {
            running.put(id, Thread.currentThread());
          }
          safely(() -> listener.claimStarted(claim.id()));
          ClaimOutcome outcome = runOne(claim, ctx);
          synchronized (lock) {
            running.remove(id);
          }
          if (done.compareAndSet(false, true)) {
            // released even if a listener throws an Error while the outcome is published: with done
            // set, the watchdog will not release this slot, and run() would wait for it forever
            try {
              publish(outcome.withSeconds((System.nanoTime() - start) / 1e9));
            } finally {
              release.run();
            }
          }
        });
        watchdog.schedule(() -> {
          if (done.compareAndSet(false, true)) {
            Thread t;
            synchronized (lock) {
              t = running.remove(claim.id().toString());
            }
            if (t != null) {
              t.interrupt();
            }
            try {
              publish(ClaimOutcome.inconclusive(claim.id(), base.seedFor(claim.id()),
                      "time budget of " + budgetNanos / 1_000_000_000L + " s exceeded; claim abandoned")
                  .withSeconds((System.nanoTime() - start) / 1e9));
            } finally {
              release.run();
            }
          }
        }, budgetNanos + GRACE_NANOS, TimeUnit.NANOSECONDS);
      }
      // All slots free again means every claim in flight has published (or been abandoned).
      slots.acquireUninterruptibly(threads);
    } finally {
      pool.shutdownNow();
      watchdog.shutdownNow();
    }
    return end(aborted.get() ? AuditReport.Status.INTERRUPTED : AuditReport.Status.COMPLETE);
  }

  /**
   * Stops the audit (SIGINT, SIGTERM): running claims are interrupted, every claim not finished
   * is recorded INCONCLUSIVE with the reason, and the listener sees the final report before this
   * returns. Safe to call from a shutdown hook, and more than once.
   */
  public AuditReport abort(String reason) {
    synchronized (lock) {
      // Set under the lock, so that run() cannot observe the abort and close the report before
      // the unfinished claims below are recorded.
      aborted.set(true);
      running.values().forEach(Thread::interrupt);
      for (String id : planned) {
        if (!finished.containsKey(id)) {
          finished.put(id, ClaimOutcome.inconclusive(org.wnverify.check.ClaimId.parse(id),
              settings.seed(), "not finished: " + reason));
        }
      }
    }
    return end(AuditReport.Status.INTERRUPTED);
  }

  private AuditReport end(AuditReport.Status status) {
    synchronized (lock) {
      AuditReport report = snapshot(status);
      if (!ended) {
        ended = true;
        safely(() -> listener.auditFinished(report));
      }
      return report;
    }
  }

  private static ClaimOutcome runOne(Claim claim, CheckContext ctx) {
    long seed = ctx.seedFor(claim.id());
    ClaimOutcome outcome;
    try {
      outcome = claim.check(ctx);
    } catch (CheckAbortedException e) {
      return ClaimOutcome.inconclusive(claim.id(), seed, "aborted: " + e.getMessage());
    } catch (RuntimeException | Error e) {
      return ClaimOutcome.inconclusive(claim.id(), seed,
          "internal error in the check: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return demoteIfPowerless(outcome);
  }

  /**
   * A passing verdict needs at least one rejected negative control and no control the check passed.
   * A control the check could not decide on this sample (INCONCLUSIVE: e.g. a dropped hypothesis
   * when no sampled instance misses it, so the mutation coincides with the statement) neither shows
   * nor denies power; it is listed with the controls, and selftest counts it as undecided.
   */
  static ClaimOutcome demoteIfPowerless(ClaimOutcome o) {
    if (o.verdict().isFailing()) {
      return o;
    }
    if (o.negativeControls().isEmpty()) {
      return o.withVerdict(Verdict.INCONCLUSIVE,
          "no negative control was run, so the check's '" + o.verdict() + "' proves nothing");
    }
    List<String> survivors = new ArrayList<>();
    boolean anyRejected = false;
    for (NegativeControl c : o.negativeControls()) {
      anyRejected |= c.rejected();
      if (!c.rejected() && c.verdict() != Verdict.INCONCLUSIVE) {
        survivors.add(c.mutation());
      }
    }
    if (!survivors.isEmpty()) {
      return o.withVerdict(Verdict.INCONCLUSIVE,
          "negative control not rejected (" + String.join("; ", survivors) + "): the check lacks power; was: "
              + o.summary());
    }
    if (!anyRejected) {
      return o.withVerdict(Verdict.INCONCLUSIVE,
          "no negative control could be decided on this sample, so the check showed no power; was: " + o.summary());
    }
    return o;
  }

  private void publish(ClaimOutcome outcome) {
    synchronized (lock) {
      if (ended || finished.containsKey(outcome.id().toString())) {
        return;
      }
      finished.put(outcome.id().toString(), outcome);
      AuditReport report = snapshot(AuditReport.Status.RUNNING);
      safely(() -> listener.claimFinished(outcome, report));
    }
  }

  private AuditReport snapshot(AuditReport.Status status) {
    return new AuditReport(settings, planned, new ArrayList<>(finished.values()), status);
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      System.err.println("wnverify: a report listener failed: " + e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
