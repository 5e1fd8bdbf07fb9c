package netcalls.export.sink;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/** A line on stderr every few seconds while a long export runs; the clock is passed in so tests drive it. */
public final class Progress {
  public static final Progress NONE = new Progress(null, () -> 0, Long.MAX_VALUE);

  private final PrintStream out;
  private final LongSupplier nanoClock;
  private final long intervalNs;
  private long next;
  private volatile long lastPoints;
  private volatile String lastWhere;
  private volatile String waiting;

  public Progress(PrintStream out, LongSupplier nanoClock, long intervalNs) {
    this.out = out;
    this.nanoClock = nanoClock;
    this.intervalNs = intervalNs;
    this.next = out == null ? Long.MAX_VALUE : nanoClock.getAsLong() + intervalNs;
  }

  public void tick(long points, String where) {
    if (this == NONE) {
      return;
    }
    lastPoints = points;
    lastWhere = where;
    if (out == null) {
      return;
    }
    long now = nanoClock.getAsLong();
    if (now - next >= 0) {
      next = now + intervalNs;
      out.println("export: " + points + " points so far (" + where + ")");
    }
  }

  /** What is awaited now (a request in flight), for {@link #last()}; null when nothing is. */
  public void waitingFor(String what) {
    waiting = what;
  }

  /** A line printed at once (a retry, what is awaited), whatever the interval. */
  public void say(String line) {
    if (out != null) {
      out.println("export: " + line);
    }
  }

  /**
   * The last tick and what is awaited now, e.g. for a signal handler: "N points so far (where)", "waiting for ...",
   * or null before either.
   */
  public String last() {
    String w = lastWhere;
    String now = waiting;
    String ticked = w == null ? null : lastPoints + " points so far (" + w + ")";
    return now == null ? ticked : now;
  }
}
