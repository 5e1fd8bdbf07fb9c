package netcalls.export;

import java.io.IOException;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.PointDraft;
import netcalls.read.TrialSummary;

/**
 * {@code netcalls_phase}: a trial's phase summary, once per leg and phase (the same numbers the
 * printed summary shows, from {@link TrialSummary}), so later readers need not scan every sample.
 */
final class PhasePoints {
  private PhasePoints() {}

  static void write(PointEmitter emitter, Map<String, String> trialTags, TrialSummary summary, String file,
      long timeNs) throws IOException {
    for (Map.Entry<String, Map<String, TrialSummary.Stats>> leg : summary.byLeg().entrySet()) {
      for (Map.Entry<String, TrialSummary.Stats> phase : leg.getValue().entrySet()) {
        TrialSummary.Stats s = phase.getValue();
        PointDraft d = new PointDraft(InfluxMeasurement.PHASE, file + ": phase " + phase.getKey() + " of leg "
            + leg.getKey())
            .tags(trialTags)
            .tag("leg", leg.getKey())
            .tag("phase", phase.getKey())
            .value("count", s.count())
            .value("p50", s.p50())
            .value("p90", s.p90())
            .value("p99", s.p99())
            .value("max", s.max());
        emitter.emit(d, timeNs, false);
      }
    }
  }
}
