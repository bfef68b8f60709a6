package org.wnverify.numeric.fast;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs one task on a second thread while the caller runs another, for kernels whose calls last
 * tens of microseconds: handing work to a parked thread costs 15-25 us (measured at 150 x 1000), as
 * much as the work, so the worker spins between calls. It parks only after {@link #IDLE_NANOS}
 * without work, so an idle runner costs no CPU. Daemon thread; close it when done.
 *
 * <p>On a machine shared with other processes the worker may be descheduled for a whole time
 * slice (milliseconds); the caller therefore does not wait for a worker that has not started: once
 * its own task is done it claims the other task itself if the worker has not claimed it yet (so the
 * worst case is the one-thread time, not a time slice).
 *
 * <p>Only the wall time depends on the thread count: the callers split work into the same pieces
 * and combine them in the same order whether one or two threads run them.
 */
public final class PairRunner implements AutoCloseable {
  /** Spin this long without work before parking (long enough to cover an integrator's O(N) work between calls). */
  static final long IDLE_NANOS = 2_000_000L;

  private final Thread worker;
  private volatile Runnable task;
  private volatile long posted;
  private volatile long done;
  /** The last ticket whose task someone (worker or caller) has claimed. */
  private final AtomicLong claimed = new AtomicLong();
  private volatile boolean closed;
  private volatile Throwable failure;

  public PairRunner() {
    worker = new Thread(this::loop, "wnverify-pair-worker");
    worker.setDaemon(true);
    worker.start();
  }

  /** Runs {@code other} on the worker and {@code mine} on this thread; returns when both finished. */
  public void run(Runnable mine, Runnable other) {
    task = other;
    long ticket = posted + 1;
    posted = ticket;
    LockSupport.unpark(worker);
    Throwable own = null;
    try {
      mine.run();
    } catch (Throwable e) {
      own = e;
    }
    if (claimed.compareAndSet(ticket - 1, ticket)) {
      try {
        other.run();
      } catch (Throwable e) {
        own = own != null ? own : e;
      }
    } else {
      while (done != ticket) {
        Thread.onSpinWait();
      }
    }
    Throwable f = failure;
    if (own != null || f != null) {
      failure = null;
      Throwable e = own != null ? own : f;
      if (e instanceof RuntimeException re) {
        throw re;
      }
      if (e instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(e);
    }
  }

  private void loop() {
    long seen = 0;
    long idleSince = System.nanoTime();
    int spins = 0;
    while (!closed) {
      long p = posted;
      if (p != seen) {
        if (claimed.compareAndSet(p - 1, p)) {
          try {
            task.run();
          } catch (Throwable e) {
            failure = e;
          }
          done = p;
        }
        seen = p;
        spins = 0;
        idleSince = System.nanoTime();
      } else if (++spins < 1024 || System.nanoTime() - idleSince < IDLE_NANOS) {
        Thread.onSpinWait();
      } else {
        LockSupport.parkNanos(this, 1_000_000L);
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(worker);
  }
}
