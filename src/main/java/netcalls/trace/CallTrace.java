package netcalls.trace;

import java.util.Arrays;
import netcalls.run.Phase;

/**
 * The timeline of one call, filled in by a client's event hooks.
 *
 * <p>Events of one call arrive in order, possibly on several threads that the client hands the
 * call between (which gives the needed happens-before), so plain fields suffice. A phase that
 * repeats (redirect hops) accumulates.
 *
 * <p>Not final only so that a test in this package can count clock reads ({@link #now()}); the constructor is
 * package-private, so no other code can subclass it, and with no subclass loaded the JIT binds {@code now()}
 * directly: a fork pays nothing for the seam.
 */
public class CallTrace {
  private static final long CLOSED = Long.MIN_VALUE;

  final CallSite site;
  final long seq;
  final long startNanos;
  long endNanos;
  final long[] opened = new long[Phase.COUNT];
  /** Accumulated nanoseconds per phase; -1 when the phase never happened. */
  final long[] total = new long[Phase.COUNT];
  int status = -1;
  long bytes;
  /** 1 reused, 0 new connection, -1 cannot tell. */
  byte reused = -1;
  int redirects;
  Throwable failure;
  /** Held at its finish until its client's close is timed (new_client): then stored with the close phase. */
  boolean held;
  /** For a held trace: 1 once finished, 2 once its close is timed; whoever comes second stores it. */
  int heldSteps;

  CallTrace(CallSite site, long seq, long startNanos) {
    this.site = site;
    this.seq = seq;
    this.startNanos = startNanos;
    Arrays.fill(opened, CLOSED);
    Arrays.fill(total, -1L);
  }

  /** The clock every phase is timed by. */
  public long now() {
    return System.nanoTime();
  }

  public void begin(Phase phase) {
    opened[phase.ordinal()] = now();
  }

  public void end(Phase phase) {
    if (opened[phase.ordinal()] != CLOSED) { // a phase that never opened costs no clock read
      close(phase.ordinal(), now());
    }
  }

  /** Ends one phase and begins the next at the same instant, so adjacent phases leave no gap. */
  public void next(Phase ending, Phase beginning) {
    next(ending, beginning, now());
  }

  /**
   * {@link #next(Phase, Phase)} at an instant read earlier ({@link #now()}): for a client that notes when a
   * phase ended on one thread and applies it on the thread that next owns the trace.
   */
  public void next(Phase ending, Phase beginning, long at) {
    close(ending.ordinal(), at);
    opened[beginning.ordinal()] = at;
  }

  /**
   * Hands an open phase's start over to another phase: for a client whose notice that a phase
   * ended came too late to use, the time goes to the phase that surely contains it.
   */
  public void carry(Phase open, Phase into) {
    int i = open.ordinal();
    if (opened[i] != CLOSED) {
      opened[into.ordinal()] = opened[i];
      opened[i] = CLOSED;
    }
  }

  /** Whether a phase has begun and not yet ended. */
  public boolean isOpen(Phase phase) {
    return opened[phase.ordinal()] != CLOSED;
  }

  private void close(int i, long now) {
    long began = opened[i];
    if (began == CLOSED) {
      return;
    }
    opened[i] = CLOSED;
    long took = now - began;
    total[i] = total[i] < 0 ? took : total[i] + took;
  }

  public void reused(boolean value) {
    reused = (byte) (value ? 1 : 0);
  }

  /** Marks a new connection unless the call already saw one: a redirect may reuse after connecting. */
  public void connected() {
    reused = 0;
  }

  public boolean reusedKnown() {
    return reused >= 0;
  }

  public void redirected() {
    redirects++;
  }

  public void redirects(int count) {
    redirects = count;
  }

  public void addBytes(long n) {
    bytes += n;
  }

  public void status(int code) {
    status = code;
  }

  /** Closes what is still open and stamps the end. Called once, by the recorder. */
  void finish(long now, Throwable error) {
    endNanos = now;
    failure = error;
    for (int i = 0; i < Phase.COUNT; i++) {
      close(i, now);
    }
  }
}
