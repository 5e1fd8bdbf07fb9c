package netcalls.trace;

import static netcalls.run.TrialJson.*;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.Leg;
import netcalls.run.Phase;
import org.HdrHistogram.Histogram;

/**
 * What a person reads first about a trial, computed from its samples at the end of the trial:
 * median of each phase where it happened, the share of reused connections, and failures counted
 * by exception class. Written into the trial's JSON so summaries need not re-read every sample.
 */
public final class TrialDigest {
  private TrialDigest() {}

  public static Map<String, Object> of(SampleRecorder r) {
    int rows = r.recorded();
    Map<String, Object> medians = new LinkedHashMap<>();
    Map<String, Object> counts = new LinkedHashMap<>();
    for (Phase p : Phase.values()) {
      Histogram h = new Histogram(3);
      for (int i = 0; i < rows; i++) {
        long v = r.phaseNanos(p, i);
        if (v >= 0 && r.site(i).leg() != Leg.pair) {
          h.recordValue(v);
        }
      }
      if (h.getTotalCount() > 0) {
        medians.put(p.column() + "_ns", h.getValueAtPercentile(50));
        counts.put(p.column(), h.getTotalCount());
      }
    }
    Histogram duration = new Histogram(3);
    long reused = 0;
    long known = 0;
    Map<String, Long> failures = new TreeMap<>();
    for (int i = 0; i < rows; i++) {
      if (r.site(i).leg() == Leg.pair) {
        continue;
      }
      duration.recordValue(Math.max(0, r.durationNanos(i)));
      if (r.reused(i) >= 0) {
        known++;
        reused += r.reused(i);
      }
      if (r.exception(i) != null) {
        failures.merge(r.exception(i).getName() + " <- " + r.rootCause(i).getName(), 1L, Long::sum);
      }
    }
    if (duration.getTotalCount() > 0) {
      medians.put("duration_ns", duration.getValueAtPercentile(50));
      counts.put("duration", duration.getTotalCount());
    }
    Map<String, Object> digest = new LinkedHashMap<>();
    digest.put(PHASE_MEDIANS, medians);
    digest.put(PHASE_COUNTS, counts);
    digest.put(REUSED_KNOWN, known);
    digest.put(REUSED, reused);
    digest.put(FAILURES, failures);
    return digest;
  }
}
