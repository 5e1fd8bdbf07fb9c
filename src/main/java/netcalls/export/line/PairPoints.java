package netcalls.export.line;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code netcalls_pair} lines: collects the {@code a}, {@code b} and {@code pair} rows of each paired
 * operation (by {@code seq}) and writes the point once all three are in; what is left open at the end
 * is written with the legs that are there, and said.
 */
public final class PairPoints {
  private static final class Parts {
    long a = -1;
    long b = -1;
    SeriesTable.Series series;
    long start;
    long duration = -1;
    long line;
  }

  private final LineBuffer out;
  private final Consumer<String> warn;
  private final Map<Long, Parts> pending = new HashMap<>();
  private final TrialStart trial;

  /** Pairs of one trial, whose {@code offset_ms} counts from {@code trial}'s first sample. */
  public PairPoints(LineBuffer out, Consumer<String> warn, TrialStart trial) {
    this.out = out;
    this.warn = warn;
    this.trial = trial;
  }

  /**
   * A row of a paired operation: leg {@code a} or {@code b}, or the {@code pair} total (whose series
   * is {@code pairSeries}); {@code file} and {@code line} only name the row in warnings.
   */
  public void add(String leg, long seq, long start, long duration, SeriesTable.Series pairSeries, String file,
      long line) throws IOException {
    Parts p = pending.computeIfAbsent(seq, k -> new Parts());
    switch (leg) {
      case "a":
        p.a = duration;
        break;
      case "b":
        p.b = duration;
        break;
      default:
        if (p.duration >= 0) {
          warn.accept(file + ":" + line + ": second pair row for seq " + seq + "; the first is kept");
          return;
        }
        p.series = pairSeries;
        p.start = start;
        p.duration = duration;
        p.line = line;
    }
    if (p.duration >= 0 && p.a >= 0 && p.b >= 0) {
      write(p);
      pending.remove(seq);
    }
  }

  /** Pairs still open: written with the legs that are there, and said. */
  public void finish(String file) throws IOException {
    List<Map.Entry<Long, Parts>> open = new ArrayList<>(pending.entrySet());
    open.sort(Map.Entry.comparingByKey());
    for (Map.Entry<Long, Parts> e : open) {
      Parts p = e.getValue();
      if (p.duration < 0) {
        warn.accept(file + ": seq " + e.getKey() + ": leg row(s) without a pair row; no netcalls_pair point");
      } else {
        warn.accept(file + ":" + p.line + ": seq " + e.getKey() + ": pair row without its "
            + (p.a < 0 ? (p.b < 0 ? "a and b legs" : "a leg") : "b leg") + "; netcalls_pair point written without it");
        write(p);
      }
    }
    pending.clear();
  }

  private void write(Parts p) throws IOException {
    out.append(p.series.prefixBytes());
    boolean first = true;
    if (p.a >= 0) {
      out.append("a_duration_ns=").append(p.a).append('i');
      first = false;
    }
    if (p.b >= 0) {
      out.append(first ? "" : ",").append("b_duration_ns=").append(p.b).append('i');
      first = false;
    }
    out.append(first ? "" : ",").append("duration_ns=").append(p.duration).append('i');
    out.append(",offset_ms=").append(trial.offsetMs(p.start)).append('i');
    out.append(' ').append(p.series.time(p.start));
    out.endLine(InfluxMeasurement.PAIR);
  }
}
