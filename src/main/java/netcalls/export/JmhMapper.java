package netcalls.export;

import netcalls.run.ThinPercentile;

import java.io.IOException;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.PointDraft;
import netcalls.export.line.Tags;
import netcalls.read.JmhResults;
import netcalls.read.SteadySegments;
import netcalls.read.OpenLoopResult;
import netcalls.read.RunInfo;

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
  /** Benchmark and parameters of every result read, exported or not: the trials are checked against them. */
  final java.util.Set<RunKey> results = new java.util.HashSet<>();
  /** The forks' cost per call by result key (netcalls.read.CallCost#key), written as fields of the result's point. */
  Map<String, java.util.List<netcalls.read.CallCost>> costs = Map.of();

  JmhMapper(RunInfo run, PointEmitter emitter, ExportReport report, long baseTimeNs) {
    this.run = run;
    this.emitter = emitter;
    this.report = report;
    this.baseTimeNs = baseTimeNs;
  }

  void write(JmhResults.Result r) throws IOException {
    String where = "jmh.json result #" + r.index() + " (" + r.benchmark() + " " + r.params() + ")";
    results.add(RunKey.of(r.benchmark(), r.params()));
    String badNames = Tags.badParamNames(r.params());
    if (badNames != null) {
      report.error(where + ": " + badNames + "; fix the file or re-run the benchmarks; result not exported");
      return;
    }
    Double score = r.primary().score();
    if (score == null || !Double.isFinite(score)) {
      // JMH writes NaN when it measured nothing: a failed or empty benchmark is not a result
      report.error(where + ": primary score is " + score + ": JMH measured nothing (the benchmark failed or ran"
          + " no iteration); fix it and re-run, or export --partial to leave it out");
      return;
    }
    if (r.primary().sampleCount() == 0) {
      report.warn(where + ": rawData/rawDataHistogram is empty: sample_count=0, the score has no samples behind it");
    }
    Map<String, String> tags = Tags.benchmark(Tags.run(run.runId(), run.jdk(), run.host()), r.benchmark(), r.mode(), r.params());
    long t = baseTimeNs + r.index();
    tags.put("commit", run.gitCommit()); // one value per run: dashboards label nights by it

    PointDraft p = metric(new PointDraft(InfluxMeasurement.JMH, where).tags(tags), r.primary());
    if (r.threads() != null) {
      p.field("threads", r.threads());
    }
    if (r.forks() != null) {
      p.field("forks", r.forks());
    }
    if (!r.primary().forks().isEmpty()) {
      // the numbers above are of the steady segments (netcalls.read.SteadySegments); how many forks had one
      p.field("steady_forks", SteadySegments.steadyForks(r.primary().forks()));
      p.field("steadiness", SteadySegments.label(r.primary().forks()));
    }
    CostFields.add(p, costs.get(netcalls.read.CallCost.key(r.benchmark(), r.params())));
    boolean openLoop = OpenLoopResult.isOpenLoop(r);
    if (openLoop) {
      // a single-shot score has no error (NaN): not worth a warning
      emitter.emitSilently(p, t);
    } else {
      emitter.emit(p, t, true);
    }
    java.util.List<String> noValue = new java.util.ArrayList<>();

    for (Map.Entry<String, JmhResults.Metric> e : r.secondary().entrySet()) {
      if (!r.primary().percentiles().isEmpty() && DERIVED_PERCENTILE.matcher(e.getKey()).matches()) {
        // SampleTime's "p0.50"-style secondaries repeat the primary's percentiles, with NaN errors
        continue;
      }
      PointDraft s = new PointDraft(InfluxMeasurement.JMH_SECONDARY, where + " " + e.getKey())
          .tags(tags)
          .tag("metric", e.getKey());
      if (!openLoop) {
        emitter.emit(metric(s, e.getValue()), t, true);
      } else if (!emitter.emitSilently(metric(s, e.getValue()), t)) {
        noValue.add(e.getKey());
      }
    }
    if (!noValue.isEmpty()) {
      // JMH averages the forks' open-loop metrics: one fork without latency makes them NaN (docs/OPENLOOP.md)
      report.warn(where + ": open loop: " + noValue.size() + " secondary metric(s) not written, " + noValue
          + ", because a fork's load did not happen as asked (rate not reached or error budget exceeded);"
          + " each fork's numbers and reasons are in netcalls_openloop");
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
    if (m.sampleCount() > 0 && !m.percentiles().isEmpty()) {
      // the percentiles too thin to be facts (netcalls.run.ThinPercentile), named as their fields are
      java.util.List<String> thin = new java.util.ArrayList<>();
      m.percentiles().keySet().forEach(name -> {
        String level = name.substring(1).replace('_', '.');
        if (level.matches("\\d+(\\.\\d+)?") && ThinPercentile.thin(m.sampleCount(), Double.parseDouble(level))) {
          thin.add(name);
        }
      });
      d.field(ThinPercentile.FIELD + "_percentiles", String.join(",", thin));
    }
    d.field("unit", u.unit());
    return d;
  }

  private static void value(PointDraft d, String name, Double v, Units u) {
    if (v != null) {
      d.value(name, u.convert(v));
    }
  }
}
