package netcalls.export;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import netcalls.export.line.LineBuffer;
import netcalls.export.line.LineProtocol;
import netcalls.export.line.PointDraft;

/**
 * Turns drafts into lines with timestamps unique within their series: a point whose time is not after
 * the last one of its series is moved to last + 1 ns, so InfluxDB neither merges two points nor loses
 * one. Callers hand points of a series in time order, which makes the nudge touch only exact ties.
 */
final class PointEmitter {
  private final LineBuffer sink;
  private final ExportReport report;
  private final Map<String, Long> lastTime = new HashMap<>();

  PointEmitter(LineBuffer sink, ExportReport report) {
    this.sink = sink;
    this.report = report;
  }

  /** Writes the point unless it needs a value and has none (then it is counted as empty). */
  void emit(PointDraft d, long timeNs, boolean needsValue) throws IOException {
    if (needsValue && !d.hasValue()) {
      report.emptyPoint(d.where(), d.skipped());
      return;
    }
    if (!d.skipped().isEmpty()) {
      report.skippedFields(d.where(), d.skipped());
    }
    if (!d.hasField(d.measurement().keyField())) {
      report.error(d.where() + ": no " + d.measurement().keyField() + ", point not written");
      return;
    }
    long t = unique(d.seriesKey(), timeNs);
    sink.line(d.measurement(), LineProtocol.line(d.toPoint(t)));
  }

  /**
   * Writes the point when it has a value, non-finite fields left out without a warning each; false when it has
   * none and was not written. For a caller that says once why values are missing (open-loop secondaries).
   */
  boolean emitSilently(PointDraft d, long timeNs) throws IOException {
    if (!d.hasValue() || !d.hasField(d.measurement().keyField())) {
      return false;
    }
    sink.line(d.measurement(), LineProtocol.line(d.toPoint(unique(d.seriesKey(), timeNs))));
    return true;
  }

  ExportReport report() {
    return report;
  }

  private long unique(String series, long timeNs) {
    Long last = lastTime.get(series);
    long t = last != null && timeNs <= last ? last + 1 : timeNs;
    lastTime.put(series, t);
    return t;
  }
}
