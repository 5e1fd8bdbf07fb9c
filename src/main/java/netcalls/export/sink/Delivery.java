package netcalls.export.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What happened to the lines of points.lp at one target (InfluxDB or Telegraf). */
public final class Delivery {
  /** Messages kept per kind; counts stay exact. */
  public static final int KEPT = 50;

  /**
   * Lines the target refused: {@code count} of the lines {@code line}..{@code lastLine} (1-based, in points.lp),
   * with the server's reason (a partial write names how many, not always which).
   */
  public record Rejection(long line, long lastLine, long count, String reason) {}

  private final String target;
  private final boolean confirmed;
  private long requests;
  private long lines;
  private long written;
  private long notFound;
  private long notWritten;
  private long rejectedCount;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  /** A target that confirms what it stored (InfluxDB's HTTP API). */
  public Delivery(String target) {
    this(target, true);
  }

  /** {@code confirmed} false for UDP and TCP listeners: lines are sent, never known to be written. */
  public Delivery(String target, boolean confirmed) {
    this.target = target;
    this.confirmed = confirmed;
  }

  void request() {
    requests++;
  }

  /** Write requests made (retries and halved batches included). */
  public long requests() {
    return requests;
  }

  void line() {
    lines++;
  }

  /** Acknowledged lines that a count afterwards did not find. */
  void notFound(long n) {
    notFound += n;
  }

  void written(long n) {
    written += n;
  }

  void notWritten(long n) {
    notWritten += n;
  }

  void rejected(long line, String reason) {
    rejected(line, line, 1, reason);
  }

  void rejected(long line, long lastLine, long count, String reason) {
    rejectedCount += count;
    if (rejected.size() < KEPT) {
      rejected.add(new Rejection(line, lastLine, count, reason));
    }
  }

  void error(String message) {
    if (errors.size() < KEPT) {
      errors.add(message);
    }
  }

  /** The target as given, without credentials. */
  public String target() {
    return target;
  }

  /** Lines read from points.lp for this target. */
  public long lines() {
    return lines;
  }

  /** Whether the target confirms what it stored; UDP and TCP listeners do not. */
  public boolean confirmed() {
    return confirmed;
  }

  /** Lines the target accepted (for UDP/TCP: sent, since those cannot confirm). */
  public long written() {
    return written;
  }

  public long rejectedCount() {
    return rejectedCount;
  }

  /** The first rejections, with the server's reason. */
  public List<Rejection> rejected() {
    return Collections.unmodifiableList(rejected);
  }

  /** Lines not delivered because the target could not be reached (re-run the export to send them). */
  public long notWritten() {
    return notWritten;
  }

  public List<String> errors() {
    return Collections.unmodifiableList(errors);
  }

  public boolean ok() {
    return errors.isEmpty() && rejectedCount == 0 && notWritten == 0 && written == lines;
  }

  public String summary() {
    StringBuilder sb = new StringBuilder();
    String done = !confirmed ? " sent (UDP/TCP cannot confirm that they arrived), "
        : notFound > 0 ? " acknowledged by the server, " + (written - notFound) + " of them found when counted back, "
        : " written, ";
    sb.append(target).append(": ").append(lines).append(" lines, ").append(written).append(done)
        .append(rejectedCount).append(" rejected, ").append(notWritten).append(confirmed ? " not written" : " not sent");
    for (Rejection r : rejected) {
      sb.append("\n    rejected ").append(r.count() == 1 && r.line() == r.lastLine() ? "line " + r.line()
          : r.count() + " of lines " + r.line() + "-" + r.lastLine()).append(": ").append(r.reason());
    }
    if (rejectedCount > rejected.size()) {
      sb.append("\n    ... and ").append(rejectedCount - rejected.size()).append(" more rejected");
    }
    for (String e : errors) {
      sb.append("\n    error: ").append(e);
    }
    return sb.toString();
  }
}
