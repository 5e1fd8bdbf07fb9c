package netcalls.read;

import static netcalls.run.SampleSchema.DURATION;
import static netcalls.run.SampleSchema.EXCEPTION;
import static netcalls.run.SampleSchema.PHASE_COLUMNS;
import static netcalls.run.SampleSchema.REUSED;
import static netcalls.run.SampleSchema.ROOT_CAUSE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.SampleRow;
import netcalls.run.Phase;
import org.HdrHistogram.Histogram;

/**
 * The numbers a person reads first about a trial, per leg: for each phase (and the whole call's
 * {@code duration}) count, p50, p90, p99 and max from HdrHistogram (3 significant digits), the share of
 * reused connections and failures by exception class. The one place these are computed: the printed
 * summary and the exporter's {@code netcalls_phase} points both use it, so they always agree.
 *
 * <p>Legs are kept apart: a {@code PairedLatency} trial has leg {@code a}, leg {@code b} and the
 * {@code pair} total (duration only); pooling the legs would describe neither.
 */
public final class TrialSummary {
  /** Leg names as tagged: a single request is {@code none}. */
  public static final List<String> LEGS = List.of("none", "a", "b", "pair");
  /** Phase names in call order, then {@code duration}. */
  public static final List<String> PHASES;

  static {
    List<String> p = new ArrayList<>();
    for (Phase ph : Phase.values()) {
      p.add(ph.column());
    }
    p.add("duration");
    PHASES = Collections.unmodifiableList(p);
  }

  private static final int DURATION_INDEX = Phase.COUNT;

  /** One phase of one leg. Values in nanoseconds. */
  public record Stats(long count, long p50, long p90, long p99, long max) {}

  private final Histogram[][] histograms = new Histogram[LEGS.size()][PHASES.size()];
  private final long[] reusedKnown = new long[LEGS.size()];
  private final long[] reused = new long[LEGS.size()];
  private final Map<String, Long> failures = new TreeMap<>();

  /** The index in {@link #LEGS} of a {@code leg} cell ("" is a single request). */
  public static int legIndex(String leg) {
    int i = LEGS.indexOf(leg.isEmpty() ? "none" : leg);
    if (i < 0) {
      throw new IllegalArgumentException("leg '" + leg + "': use empty, a, b or pair");
    }
    return i;
  }

  /** Adds a valid row of leg {@link #LEGS}{@code [leg]}. */
  public void add(int leg, SampleRow row) {
    Histogram[] h = histograms[leg];
    for (int p = 0; p < PHASE_COLUMNS.length; p++) {
      int c = PHASE_COLUMNS[p];
      if (row.has(c)) {
        record(h, p, row.number(c));
      }
    }
    record(h, DURATION_INDEX, row.number(DURATION));
    if (leg == 3) { // the pair total repeats its legs' connection and failure
      return;
    }
    if (row.has(REUSED)) {
      reusedKnown[leg]++;
      reused[leg] += row.number(REUSED);
    }
    if (row.has(EXCEPTION)) {
      failures.merge(row.text(EXCEPTION) + " <- " + (row.has(ROOT_CAUSE) ? row.text(ROOT_CAUSE) : ""), 1L, Long::sum);
    }
  }

  private static void record(Histogram[] h, int p, long v) {
    if (v < 0) {
      return; // not a time; the reader already refuses a negative duration
    }
    if (h[p] == null) {
      h[p] = new Histogram(3);
    }
    h[p].recordValue(v);
  }

  /** Stats by leg, then phase, in {@link #LEGS} and {@link #PHASES} order; only what happened. */
  public Map<String, Map<String, Stats>> byLeg() {
    Map<String, Map<String, Stats>> out = new LinkedHashMap<>();
    for (int l = 0; l < LEGS.size(); l++) {
      Map<String, Stats> phases = new LinkedHashMap<>();
      for (int p = 0; p < PHASES.size(); p++) {
        Histogram h = histograms[l][p];
        if (h != null && h.getTotalCount() > 0) {
          phases.put(PHASES.get(p), new Stats(h.getTotalCount(), h.getValueAtPercentile(50),
              h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getMaxValue()));
        }
      }
      if (!phases.isEmpty()) {
        out.put(LEGS.get(l), phases);
      }
    }
    return out;
  }

  /**
   * The median of each phase over the requests of every leg (the paired totals left out: the legs are the
   * requests), as the trial's own digest computes it; in {@link #PHASES} order, only phases that happened.
   */
  public Map<String, Long> requestMedians() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (int p = 0; p < PHASES.size(); p++) {
      Histogram all = null;
      for (int l = 0; l < 3; l++) { // none, a, b
        Histogram h = histograms[l][p];
        if (h != null) {
          if (all == null) {
            all = new Histogram(3);
          }
          all.add(h);
        }
      }
      if (all != null && all.getTotalCount() > 0) {
        out.put(PHASES.get(p), all.getValueAtPercentile(50));
      }
    }
    return out;
  }

  /** Calls of a leg whose connection reuse is known (never the pair total: it has no connection). */
  public long reusedKnown(String leg) {
    return reusedKnown[LEGS.indexOf(leg)];
  }

  /** Of those, the ones on a reused connection. */
  public long reused(String leg) {
    return reused[LEGS.indexOf(leg)];
  }

  /** "exception &lt;- root cause" to count, pair totals not counted again. */
  public Map<String, Long> failures() {
    return Collections.unmodifiableMap(failures);
  }

  /**
   * Reads a trial's CSV, cut to its steady segment ({@link Trial#steadyFromNs()}), into a summary; rows that cannot
   * be read are reported and left out.
   */
  public static TrialSummary of(Trial trial, Problems problems) throws IOException {
    TrialSummary s = new TrialSummary();
    try (SampleCsv in = SampleCsv.open(trial, problems)) {
      if (in == null) {
        return s;
      }
      while (in.next()) {
        s.add(legIndex(in.text(netcalls.run.SampleSchema.LEG)), in);
      }
    }
    return s;
  }
}
