package netcalls.load;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one constant-rate run: sends request {@code i} at its intended start (the schedule's
 * offset from the run's origin) through an async call, and records when it completes. A slow
 * response never delays the next send: nothing waits for a response until every request is sent.
 * When the sending thread itself is held up (the client's own work on the calling thread, a
 * blocking async API, a pause), the requests are sent late, and their latency still counts from
 * the intended start: that lag is exactly what a closed-loop measurement would omit.
 */
public final class OpenLoop {
  private OpenLoop() {}

  /** Starts one request; returns at once, the future completes when the response is read (or fails). */
  @FunctionalInterface
  public interface Sender {
    CompletableFuture<?> send();
  }

  /**
   * Runs the schedule on the calling thread, then waits for the requests in flight, at most
   * {@code timeout} (plus a second for the client's own timer) after the last intended start;
   * requests still open then are counted as unfinished. A request the sender reaches more than
   * {@code timeout} after its intended start is a timeout without being sent
   * ({@link SendTimeoutException}), so a sender that the client holds up cannot stretch the run
   * past its schedule by more than one held-up send.
   *
   * @param maxInFlight at most this many requests open at once (0: no limit), for a client that cannot hold a
   *     connection limit itself: a request beyond it waits on the sender for a slot, its latency still counted
   *     from its intended start, and is a {@link SendTimeoutException} when no slot frees before its timeout has
   *     passed. (Without it the JDK client, past its capacity, opened a connection per request in flight until
   *     the process ran out of file descriptors.)
   */
  public static LoadOutcome run(Schedule schedule, Sender sender, Duration timeout, int maxInFlight)
      throws InterruptedException {
    return run(schedule, sender, timeout, maxInFlight, true);
  }

  /** As {@link #run(Schedule, Sender, Duration, int)}; {@code spin} false parks to each send, to measure the floor without the spin. */
  public static LoadOutcome run(Schedule schedule, Sender sender, Duration timeout, int maxInFlight, boolean spin)
      throws InterruptedException {
    LatencyLog log = new LatencyLog(schedule.count());
    Semaphore slots = maxInFlight > 0 ? new Semaphore(maxInFlight) : null;
    CountDownLatch open = new CountDownLatch(schedule.count());
    long cpuStart = processCpuNanos();
    // the first request a millisecond from now, so setting up the loop is not counted against it
    long origin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1);
    long timeoutNanos = timeout.toNanos();
    long spinFor = spin ? spinNanos(schedule.rate()) : 0;
    for (int n = 0; n < schedule.count(); n++) {
      int i = n;
      long intended = origin + schedule.offsetNanos(i);
      waitUntil(intended, spinFor);
      long sent = System.nanoTime();
      if (sent - intended > timeoutNanos
          || slots != null && !slots.tryAcquire(timeoutNanos - (sent - intended), TimeUnit.NANOSECONDS)) {
        // never sent: its user waited at least the timeout
        log.failed(i, intended, SendTimeoutException.INSTANCE, System.nanoTime(), timeoutNanos);
        open.countDown();
        continue;
      }
      // a wait for a slot stays inside the uncorrected time, as a library's own queue (OkHttp's dispatcher) does
      log.sent(intended, sent);
      CompletableFuture<?> call;
      try {
        call = sender.send();
      } catch (RuntimeException e) {
        log.failed(i, intended, e, System.nanoTime(), 0);
        open.countDown();
        release(slots);
        continue;
      }
      call.whenComplete((value, error) -> {
        long end = System.nanoTime();
        if (error == null) {
          log.completed(i, intended, sent, end);
        } else {
          log.failed(i, intended, error, end, 0);
        }
        open.countDown();
        release(slots);
      });
    }
    long last = origin + schedule.offsetNanos(schedule.count() - 1);
    long deadline = last + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
    open.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    long closed = System.nanoTime();
    // the log's claim bits make ok + failed + unfinished the schedule even when a response lands at the close
    long unfinished = log.close(closed, i -> origin + schedule.offsetNanos(i));
    long end = log.lastEnd() == Long.MIN_VALUE || unfinished > 0 ? closed : log.lastEnd();
    long cpu = processCpuNanos() - cpuStart;
    // a run is never shorter than its schedule (count / rate), so the achieved rate cannot exceed the intended
    long span = Math.round(schedule.count() * 1e9 / schedule.rate());
    return new LoadOutcome(schedule.rate(), schedule.count(), log.ok(), log.failures(), log.timeouts(), unfinished,
        Math.max(span, end - origin), cpu, log.corrected(), log.uncorrected(), log.sendLag());
  }

  private static void release(Semaphore slots) {
    if (slots != null) {
      slots.release();
    }
  }

  /** Longest spin before a send: the last stretch parkNanos cannot hit (its wake-up lag is tens of µs). */
  static final long SPIN_MAX_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
  /** Spinning takes at most this share of the period between sends, so the generator leaves the client its cores. */
  static final double SPIN_SHARE = 0.1;

  /** How long the sender spins before each send at this schedule's rate: {@link #SPIN_MAX_NANOS}, at most a tenth of the period. */
  static long spinNanos(double rate) {
    return Math.min(SPIN_MAX_NANOS, (long) (1e9 / rate * SPIN_SHARE));
  }

  /**
   * Parks until {@code spin} before {@code deadline}, then spins to it: the park's wake-up lag would otherwise land
   * in every corrected latency (the generator's floor, reported as the send lag). The spin is bounded by
   * {@link #spinNanos}, so on a 2-core machine it takes at most a tenth of one core from the client.
   */
  static void waitUntil(long deadline, long spin) throws InterruptedException {
    long left;
    while ((left = deadline - System.nanoTime()) > spin) {
      LockSupport.parkNanos(left - spin);
      if (Thread.interrupted()) {
        throw new InterruptedException("open-loop run interrupted");
      }
    }
    while (deadline - System.nanoTime() > 0) {
      Thread.onSpinWait();
    }
  }

  /** This process's CPU time, all threads, or 0 where the JVM cannot tell. */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }
}
