package netcalls.export.sink;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What happened to the lines of points.lp at one target (InfluxDB or Telegraf). */
public final class Delivery {
  /** Messages kept per kind; counts stay exact. */
  public static final int KEPT = 50;

  /** A line the target refused, by its 1-based line number in points.lp. */
  public record Rejection(long line, String reason) {}

  private final String target;
  private long lines;
  private long written;
  private long notWritten;
  private long rejectedCount;
  private final List<Rejection> rejected = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  public Delivery(String target) {
    this.target = target;
  }

  void line() {
    lines++;
  }

  void written(long n) {
    written += n;
  }

  void notWritten(long n) {
    notWritten += n;
  }

  void rejected(long line, String reason) {
    rejectedCount++;
    if (rejected.size() < KEPT) {
      rejected.add(new Rejection(line, reason));
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
    sb.append(target).append(": ").append(lines).append(" lines, ").append(written).append(" written, ")
        .append(rejectedCount).append(" rejected, ").append(notWritten).append(" not written");
    for (Rejection r : rejected) {
      sb.append("\n    rejected line ").append(r.line()).append(": ").append(r.reason());
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
