package netcalls.export;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.PointDraft;
import netcalls.export.line.Tags;
import netcalls.read.OpenLoopResult;
import netcalls.read.RunInfo;

/**
 * {@code netcalls_openloop}: one point per open-loop trial (one fork, {@code openloop/<trial>.json}), docs/SCHEMA.md.
 * The latency fields are written only for a trial whose load happened as asked ({@code status=ok}); the rates,
 * counts and CPU always, so a saturated trial is still seen.
 */
final class OpenLoopPoints {
  private OpenLoopPoints() {}

  /** Trial i at {@code baseTimeNs + i}: the run's end, like netcalls_jmh, the same on every export. */
  static void write(PointEmitter emitter, RunInfo run, List<OpenLoopResult> results, long baseTimeNs)
      throws IOException {
    for (int i = 0; i < results.size(); i++) {
      OpenLoopResult r = results.get(i);
      String where = "openloop/" + r.file().getFileName();
      String badNames = Tags.badParamNames(r.params());
      if (badNames != null) {
        emitter.report().error(where + ": " + badNames + "; fix the file or re-run the trial; not exported");
        continue;
      }
      Map<String, String> tags = Tags.benchmark(Tags.run(run.runId(), run.jdk(), run.host()), r.benchmark(), "ss",
          r.params());
      tags.remove("mode");
      PointDraft d = new PointDraft(InfluxMeasurement.OPENLOOP, where)
          .tags(tags)
          .tag("status", r.valid() ? "ok" : "not_valid")
          .value("intended_rate", r.intendedRate())
          .value("achieved_rate", r.achievedRate())
          .field("rate_reached", r.rateReached())
          .value("scheduled", r.scheduled())
          .value("ok", r.ok())
          .value("failed", r.failed())
          .value("timeouts", r.timeouts())
          .value("unfinished", r.unfinished())
          .value("error_fraction", r.errorFraction())
          .value("error_budget", r.errorBudget())
          .value("elapsed_s", r.elapsedS())
          .value("process_cpu_s", r.processCpuS())
          .value("cores_used", r.coresUsed());
      if (r.sendLag() != null) {
        latency(d, "send_lag", r.sendLag());
      }
      if (r.generatorFloorUs() != null) {
        d.value("generator_floor_us", r.generatorFloorUs());
      }
      d.field("tail", r.tail());
      if (r.valid()) {
        latency(d, "corrected", r.corrected());
        // one string field naming the thin corrected percentiles ("" when none), docs/SCHEMA.md
        d.field("thin_percentiles", String.join(",", r.thin()));
        latency(d, "uncorrected", r.uncorrected());
      } else {
        d.field("problems", String.join("; ", r.problems()));
      }
      emitter.emit(d, baseTimeNs + i, true);
    }
  }

  /** {@code corrected_p50_us … corrected_p99_99_us, corrected_max_us}: µs as in the JSON. */
  private static void latency(PointDraft d, String prefix, Map<String, Double> percentiles) {
    percentiles.forEach((k, v) -> d.value(prefix + "_" + k.replace('.', '_') + "_us", v));
  }
}
