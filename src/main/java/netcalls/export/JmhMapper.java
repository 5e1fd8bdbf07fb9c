package netcalls.export;

import java.io.IOException;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.PointDraft;
import netcalls.export.line.Tags;
import netcalls.export.read.JmhResults;
import netcalls.export.read.RunInfo;

/**
 * JMH results to netcalls_jmh (primary metric) and netcalls_jmh_secondary (profiler and other
 * secondary metrics) points. Result #i is timed at the run's end + i ns: unique within every series
 * and the same on every export.
 */
final class JmhMapper {
  private final RunInfo run;
  private final PointEmitter emitter;
  private final ExportReport report;
  private final long baseTimeNs;

  JmhMapper(RunInfo run, PointEmitter emitter, ExportReport report, long baseTimeNs) {
    this.run = run;
    this.emitter = emitter;
    this.report = report;
    this.baseTimeNs = baseTimeNs;
  }

  void write(JmhResults.Result r) throws IOException {
    Map<String, String> tags = Tags.benchmark(run.tags(), r.benchmark(), r.mode(), r.params());
    String where = "jmh.json result #" + r.index() + " (" + r.benchmark() + " " + r.params() + ")";
    long t = baseTimeNs + r.index();
    tags.put("commit", run.gitCommit()); // one value per run: dashboards label nights by it

    PointDraft p = metric(new PointDraft(InfluxMeasurement.JMH, where).tags(tags), r.primary());
    if (r.threads() != null) {
      p.field("threads", r.threads());
    }
    if (r.forks() != null) {
      p.field("forks", r.forks());
    }
    emitter.emit(p, t, true);

    for (Map.Entry<String, JmhResults.Metric> e : r.secondary().entrySet()) {
      if (!r.primary().percentiles().isEmpty() && DERIVED_PERCENTILE.matcher(e.getKey()).matches()) {
        // SampleTime's "p0.50"-style secondaries repeat the primary's percentiles, with NaN errors
        continue;
      }
      PointDraft s = new PointDraft(InfluxMeasurement.JMH_SECONDARY, where + " " + e.getKey())
          .tags(tags)
          .tag("metric", e.getKey());
      emitter.emit(metric(s, e.getValue()), t, true);
    }
  }

  private static final java.util.regex.Pattern DERIVED_PERCENTILE = java.util.regex.Pattern.compile("p[01]\\.\\d+");

  private static PointDraft metric(PointDraft d, JmhResults.Metric m) {
    Units u = Units.of(m.unit());
    value(d, "score", m.score(), u);
    value(d, "score_error", m.error(), u);
    value(d, "ci_lower", m.ciLower(), u);
    value(d, "ci_upper", m.ciUpper(), u);
    m.percentiles().forEach((name, v) -> value(d, name, v, u));
    d.field("sample_count", m.sampleCount());
    d.field("unit", u.unit());
    return d;
  }

  private static void value(PointDraft d, String name, Double v, Units u) {
    if (v != null) {
      d.value(name, u.convert(v));
    }
  }
}
