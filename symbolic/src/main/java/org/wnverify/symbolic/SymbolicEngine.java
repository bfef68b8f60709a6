package org.wnverify.symbolic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.wnverify.symbolic.internal.SymjaSession;
import org.wnverify.symbolic.internal.SymjaWork;

/**
 * Facade over Symja. Symja is not thread-safe (thread-local engine, shared caches), so an engine
 * owns exactly one daemon thread and every Symja call runs there: callers on any thread submit
 * work and wait with a per-call timeout. On timeout the Symja evaluation is asked to stop (its
 * volatile stop flag) rather than being abandoned on a second thread, so Symja never runs on two
 * threads at once.
 *
 * <p>The timeout is CPU time of the Symja thread on that call, not wall-clock time: on a loaded
 * machine (a CI runner, a shared cluster node, tests in parallel) a wall-clock budget skipped proof
 * cases that an idle machine finishes, so the same audit reported different coverage by load.
 * A wall-clock cap of {@link #WALL_CAP_FACTOR} times the budget still ends a call that waits
 * rather than computes (or waits in the queue behind other callers' work).
 *
 * <p>Derivations are expensive and the audit may ask for them many times, so results can be
 * memoised per engine with {@link #cached(String, Supplier)}.
 */
public final class SymbolicEngine implements AutoCloseable {
  /** Default per-call budget; generous because one Together of a large defect can take seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The wall-clock cap on a call, as a multiple of its CPU budget (see the class comment). */
  static final int WALL_CAP_FACTOR = 20;
  /** How often a waiting caller looks at the Symja thread's CPU time. */
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static SymbolicEngine shared;

  private final ExecutorService executor;
  private final ConcurrentHashMap<String, CompletableFuture<Object>> cache = new ConcurrentHashMap<>();
  private final AtomicLong running = new AtomicLong(-1);
  private final AtomicLong ticket = new AtomicLong();
  /** CPU time of the Symja thread when the running call started (valid while {@code running} is its ticket). */
  private final AtomicLong runningSinceCpu = new AtomicLong();
  private volatile Thread symjaThread;
  private volatile SymjaSession session; // created and used on symjaThread only
  private final org.wnverify.symbolic.prove.ProofCache proofCache;

  private SymbolicEngine(org.wnverify.symbolic.prove.ProofCache proofCache) {
    this.proofCache = proofCache;
    this.executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "wnverify-symja");
              t.setDaemon(true); // must not keep the JVM (or exec:java) alive
              symjaThread = t;
              return t;
            });
  }

  /** A new engine with its own Symja thread and no persistent proof cache; close it when done. */
  public static SymbolicEngine create() {
    return new SymbolicEngine(org.wnverify.symbolic.prove.ProofCache.NONE);
  }

  /** A new engine whose provers store and reuse finished proofs in {@code cache}. */
  public static SymbolicEngine create(org.wnverify.symbolic.prove.ProofCache cache) {
    return new SymbolicEngine(cache);
  }

  /**
   * The process-wide engine (and so the process-wide derivation cache), with the persistent proof
   * cache of {@link org.wnverify.symbolic.prove.ProofCache#standard()}. Never closed.
   */
  public static synchronized SymbolicEngine shared() {
    if (shared == null) {
      shared = new SymbolicEngine(org.wnverify.symbolic.prove.ProofCache.standard());
    }
    return shared;
  }

  /** Where provers on this engine keep finished proofs (possibly nowhere). */
  public org.wnverify.symbolic.prove.ProofCache proofCache() {
    return proofCache;
  }

  /** Symja's version string ({@code $Version}), part of every proof-cache key. */
  public String symjaVersion() {
    return cached("symja/version", () -> submit(s -> s.eval("$Version").toString(), DEFAULT_TIMEOUT));
  }

  /** Evaluates Symja input text, e.g. {@code D(x^L/L, x)}, to an {@link Expression}. */
  public Expression evaluate(String input, Duration timeout) {
    return submit(s -> s.evalExpression(input), timeout);
  }

  /** Evaluates to a double with Symja's numeric evaluation {@code N(...)}. */
  public double evaluateDouble(String input, Duration timeout) {
    return submit(s -> s.eval("N(" + input + ")").evalf(), timeout);
  }

  /**
   * Runs work on the Symja thread and waits at most {@code timeout}. Called from the Symja thread
   * itself (nested work), it runs inline so it cannot deadlock on its own queue.
   */
  public <T> T submit(SymjaWork<T> work, Duration timeout) {
    Objects.requireNonNull(work);
    if (Thread.currentThread() == symjaThread) {
      return work.run(session());
    }
    long id = ticket.incrementAndGet();
    Future<T> f;
    try {
      f =
          executor.submit(
              () -> {
                runningSinceCpu.set(threadCpu(Thread.currentThread()));
                running.set(id);
                try {
                  SymjaSession s = session();
                  s.resetStop();
                  return work.run(s);
                } finally {
                  running.set(-1);
                }
              });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new SymbolicException(SymbolicError.CLOSED, "engine closed", e);
    }
    try {
      return awaitWithinBudget(f, id, timeout.toNanos());
    } catch (TimeoutException e) {
      if (running.get() == id) {
        session.engine().stopRequest(); // volatile flag: safe to set from this thread
      }
      f.cancel(true);
      throw new SymbolicException(SymbolicError.TIMEOUT, "no result within " + timeout + " of Symja CPU time", e);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new SymbolicException(SymbolicError.INTERRUPTED, "interrupted while waiting", e);
    } catch (CancellationException e) {
      throw new SymbolicException(SymbolicError.INTERRUPTED, "cancelled", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof SymbolicException se) {
        throw se;
      }
      throw new SymbolicException(SymbolicError.EVALUATION_FAILED, String.valueOf(c), c);
    }
  }

  /**
   * Waits for {@code f} until the call has used {@code budget} ns of the Symja thread's CPU time,
   * or {@link #WALL_CAP_FACTOR} times that in wall-clock time, whichever comes first. Where the JVM
   * cannot measure thread CPU time, the budget is wall-clock time as before.
   */
  private <T> T awaitWithinBudget(Future<T> f, long id, long budget)
      throws InterruptedException, ExecutionException, TimeoutException {
    long wallStart = System.nanoTime();
    long wallCap = budget > Long.MAX_VALUE / WALL_CAP_FACTOR ? Long.MAX_VALUE : budget * WALL_CAP_FACTOR;
    boolean cpuClock = THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    while (true) {
      long wall = System.nanoTime() - wallStart;
      long left = cpuClock ? Math.min(POLL_NANOS, Math.max(1, wallCap - wall)) : Math.max(1, budget - wall);
      try {
        return f.get(left, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        wall = System.nanoTime() - wallStart;
        if (!cpuClock || wall >= wallCap) {
          throw e;
        }
        Thread t = symjaThread;
        if (running.get() == id && t != null && threadCpu(t) - runningSinceCpu.get() >= budget) {
          throw e;
        }
      }
    }
  }

  /** CPU time of thread t in ns, or 0 where it cannot be measured (then only the wall cap applies). */
  private static long threadCpu(Thread t) {
    long ns = THREADS.isThreadCpuTimeSupported() ? THREADS.getThreadCpuTime(t.getId()) : -1;
    return Math.max(ns, 0);
  }

  /**
   * Computes a value once per key and engine; concurrent callers of the same key wait for the
   * first. A failed computation is not cached, so a later call may retry (e.g. after a timeout).
   */
  @SuppressWarnings("unchecked")
  public <T> T cached(String key, Supplier<T> compute) {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = cache.putIfAbsent(key, mine);
    if (existing == null) {
      try {
        T value = compute.get();
        mine.complete(value);
        return value;
      } catch (RuntimeException | Error e) {
        cache.remove(key, mine);
        mine.completeExceptionally(e);
        throw e;
      }
    }
    try {
      return (T) existing.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw e;
    }
  }

  private SymjaSession session() {
    if (session == null) {
      session = new SymjaSession();
    }
    return session;
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
