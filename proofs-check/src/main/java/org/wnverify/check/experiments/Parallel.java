package org.wnverify.check.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.wnverify.check.CheckAbortedException;

/**
 * Runs the independent tasks of one claim (descent runs, trial draws) on a few worker threads and
 * returns their results in task order, so that whatever is computed from them (means over trials
 * in trial order) does not depend on the number of workers or on which task finished first. Each
 * task is a pure function of its inputs; nothing is shared between tasks.
 *
 * <p>An interrupt of the calling thread (the audit's time limit, SIGINT) cancels the tasks, which
 * see it at their next {@code checkpoint()}; an exception of a task is rethrown in the caller
 * (a {@link CheckAbortedException} as itself).
 */
final class Parallel {
  private Parallel() {}

  /** Default worker count: the cores the JVM sees, or the system property below. */
  static final String THREADS_PROPERTY = "wnverify.experiment.threads";

  static int defaultWorkers() {
    Integer p = Integer.getInteger(THREADS_PROPERTY);
    return p != null && p > 0 ? p : Math.max(1, Runtime.getRuntime().availableProcessors());
  }

  /** The results of {@code tasks}, in order; tasks start in list order. */
  static <T> List<T> all(List<Callable<T>> tasks, int workers) {
    if (workers <= 1 || tasks.size() <= 1) {
      List<T> out = new ArrayList<>(tasks.size());
      for (Callable<T> t : tasks) {
        out.add(call(t));
      }
      return out;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, tasks.size()), r -> {
      Thread t = new Thread(r, "wnverify-experiment-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    List<Future<T>> futures = new ArrayList<>(tasks.size());
    try {
      for (Callable<T> t : tasks) {
        futures.add(pool.submit(t));
      }
      List<T> out = new ArrayList<>(tasks.size());
      for (Future<T> f : futures) {
        try {
          out.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CheckAbortedException("interrupted");
        } catch (CancellationException e) {
          throw new CheckAbortedException("interrupted");
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException re) {
            throw re;
          }
          if (c instanceof Error er) {
            throw er;
          }
          throw new IllegalStateException(c);
        }
      }
      return out;
    } finally {
      for (Future<T> f : futures) {
        f.cancel(true);
      }
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> t) {
    try {
      return t.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
