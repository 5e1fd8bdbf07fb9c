package netcalls.export;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import netcalls.export.line.InfluxMeasurement;
import netcalls.read.Problems;
import netcalls.export.sink.Delivery;

/**
 * What one export did, point by point: built (per measurement), skipped non-finite fields, points
 * left out because no finite value was left, input errors, and for each target how many points were
 * written, rejected (with reasons) or not written.
 *
 * <p>Counts are exact; only the first {@value #KEPT} messages of each kind are kept, so a file with a
 * million bad rows does not fill the heap.
 */
public final class ExportReport implements Problems {
  static final int KEPT = Delivery.KEPT;

  private final Path runDir;
  private final Path pointsFile;
  private final long[] built = new long[InfluxMeasurement.values().length];
  private String runId;
  private long rows;
  private long badRows;
  private long skippedFields;
  private long emptyPoints;
  private long warningCount;
  private long errorCount;
  private final List<String> warnings = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final List<Delivery> deliveries = new ArrayList<>();
  private boolean pointsFileWritten;
  private boolean refused;

  ExportReport(Path runDir, Path pointsFile) {
    this.runDir = runDir;
    this.pointsFile = pointsFile;
  }

  void runId(String id) {
    runId = id;
  }

  /** The run id (run.json's runId, else the folder name); tags every point as {@code run}. */
  public String runId() {
    return runId;
  }

  void built(InfluxMeasurement m) {
    built[m.ordinal()]++;
  }

  void rows(long n, long bad) {
    rows += n;
    badRows += bad;
  }

  /** Non-finite values left out of a point that is still written. */
  void skippedFields(String where, java.util.List<String> fields) {
    skippedFields += fields.size();
    warn(where + ": " + String.join(", ", fields) + " left out (InfluxDB cannot store NaN or infinity)");
  }

  /** A point not written because none of its values is finite. */
  void emptyPoint(String where, java.util.List<String> fields) {
    skippedFields += fields.size();
    emptyPoints++;
    warn(where + ": no finite value" + (fields.isEmpty() ? "" : " (" + String.join(", ", fields) + ")")
        + ", point not written");
  }

  @Override
  public void warn(String message) {
    warningCount++;
    if (warnings.size() < KEPT) {
      warnings.add(message);
    }
  }

  @Override
  public void error(String message) {
    errorCount++;
    if (errors.size() < KEPT) {
      errors.add(message);
    }
  }

  void refused(boolean r) {
    refused = r;
  }

  /**
   * True when the run folder had errors and this (strict) export therefore wrote and sent nothing: the points
   * file was left as it was.
   */
  public boolean refused() {
    return refused;
  }

  void pointsFileWritten(boolean written) {
    pointsFileWritten = written;
  }

  /** Whether {@link #pointsFile()} was (re)written by this export; false when nothing could be read at all. */
  public boolean pointsFileWritten() {
    return pointsFileWritten;
  }

  void add(Delivery delivery) {
    deliveries.add(delivery);
  }

  public Path runDir() {
    return runDir;
  }

  /** The line protocol file the points were written to. */
  public Path pointsFile() {
    return pointsFile;
  }

  public long pointsBuilt() {
    long n = 0;
    for (long b : built) {
      n += b;
    }
    return n;
  }

  public long pointsBuilt(InfluxMeasurement m) {
    return built[m.ordinal()];
  }

  /** CSV rows read from sample files (good or bad). */
  public long rows() {
    return rows;
  }

  /** CSV rows that could not be exported; the first five of each file are in {@link #errors()}, then a count. */
  public long rowsNotExported() {
    return badRows;
  }

  /** Non-finite field values left out of points that were still written. */
  public long skippedFields() {
    return skippedFields;
  }

  /** Points not written because none of their values was finite. */
  public long emptyPoints() {
    return emptyPoints;
  }

  public long warningCount() {
    return warningCount;
  }

  /** The first {@value #KEPT} warnings. */
  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  /** Input problems: a file, line or field that could not be exported. */
  public long errorCount() {
    return errorCount;
  }

  /** The first {@value #KEPT} errors, each naming the file, the line or field, and what to do. */
  public List<String> errors() {
    return Collections.unmodifiableList(errors);
  }

  public List<Delivery> deliveries() {
    return Collections.unmodifiableList(deliveries);
  }

  /** True when every input was read and every point reached every target. Warnings do not count. */
  public boolean ok() {
    return errorCount == 0 && deliveries.stream().allMatch(Delivery::ok);
  }

  /** A few lines for a person: counts, then the kept errors and warnings. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append("export ").append(runDir).append(pointsFileWritten ? " -> " + pointsFile
        : pointsFile == null ? ": checked, nothing written"
        : refused ? ": refused because of the errors below: nothing written or sent, " + pointsFile.getFileName()
            + " left as it was" : ": nothing written").append('\n');
    sb.append("  points built: ").append(pointsBuilt());
    for (InfluxMeasurement m : InfluxMeasurement.values()) {
      if (built[m.ordinal()] > 0) {
        sb.append(", ").append(m.measurementName()).append('=').append(built[m.ordinal()]);
      }
    }
    sb.append('\n');
    sb.append("  sample rows read: ").append(rows).append(" (not exported: ").append(badRows)
        .append("), non-finite fields skipped: ").append(skippedFields)
        .append(", points with no finite value (not written): ").append(emptyPoints).append('\n');
    for (Delivery d : deliveries) {
      sb.append("  ").append(d.summary()).append('\n');
    }
    appendList(sb, "error", errorCount, errors);
    appendList(sb, "warning", warningCount, warnings);
    return sb.toString();
  }

  private static void appendList(StringBuilder sb, String kind, long count, List<String> kept) {
    if (count == 0) {
      return;
    }
    sb.append("  ").append(count).append(' ').append(kind).append(count == 1 ? "" : "s").append(':').append('\n');
    for (String s : kept) {
      sb.append("    ").append(s).append('\n');
    }
    if (count > kept.size()) {
      sb.append("    ... and ").append(count - kept.size()).append(" more\n");
    }
  }
}
