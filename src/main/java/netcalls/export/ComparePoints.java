package netcalls.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import netcalls.compare.Comparison;
import netcalls.compare.Row;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineBuffer;
import netcalls.export.line.LineProtocol;
import netcalls.export.line.PointDraft;
import netcalls.export.line.Tags;
import netcalls.read.Json;

/**
 * A comparison's rows as {@code netcalls_compare} points (docs/SCHEMA.md), so dashboards can show run-vs-run
 * deltas that InfluxQL cannot join. One point per row and statistic: {@code p50} and {@code p99} in sample mode,
 * {@code score} otherwise. Every point is timed at the candidate's end, so writing the same comparison again
 * overwrites its points instead of adding to them.
 */
public final class ComparePoints {
  /** What was written: the comparison's tags (baseline and candidate ids) and the number of points. */
  public record Written(Map<String, String> scope, long points) {}

  private ComparePoints() {}

  /** The side's run ids as one tag value: {@code A} or {@code A1+A2+A3}. */
  public static String sideId(List<Comparison.RunRef> side) {
    return side.stream().map(Comparison.RunRef::runId).collect(Collectors.joining("+"));
  }

  /** Writes every row of {@code c} to {@code file}. */
  public static Written write(Comparison c, Path file) throws IOException {
    Instant end = c.candidate().stream().map(Comparison.RunRef::end).filter(java.util.Objects::nonNull)
        .max(Comparator.naturalOrder()).orElseThrow(() -> new IllegalArgumentException(
            "the candidate has no end time (run.json): it cannot time the comparison's points"));
    long t = Json.epochNanos(end);
    String baseline = sideId(c.baseline());
    String candidate = sideId(c.candidate());
    long[] n = new long[1];
    try (OutputStream os = Files.newOutputStream(file); LineBuffer out = new LineBuffer(os, m -> n[0]++)) {
      for (Row r : c.rows()) {
        if (r.p99()) {
          continue; // its values are the tail point of its center row's
        }
        for (PointDraft d : points(r, baseline, candidate)) {
          out.line(InfluxMeasurement.COMPARE, LineProtocol.line(d.toPoint(t)));
        }
      }
      for (PointDraft d : members(baseline, candidate, c.baseline(), c.candidate())) {
        out.line(InfluxMeasurement.COMPARE_RUN, LineProtocol.line(d.toPoint(t)));
      }
    }
    return new Written(Map.of("baseline", baseline, "candidate", candidate), n[0]);
  }

  /**
   * One point per run of each side: InfluxQL cannot split a side id {@code A1+A2} into its runs, so a dashboard
   * that shows the runs of a comparison selects them here.
   */
  static List<PointDraft> members(String baseline, String candidate, List<Comparison.RunRef> base,
      List<Comparison.RunRef> cand) {
    List<PointDraft> out = new java.util.ArrayList<>();
    for (String side : List.of("baseline", "candidate")) {
      List<Comparison.RunRef> refs = side.equals("baseline") ? base : cand;
      for (Comparison.RunRef ref : refs) {
        out.add(new PointDraft(InfluxMeasurement.COMPARE_RUN, "compare " + side + " " + ref.runId())
            .tag("baseline", baseline).tag("candidate", candidate).tag("side", side).tag("run", ref.runId())
            .field("runs", (long) refs.size()));
      }
    }
    return out;
  }

  /** The row's points; values in the schema's unit (ns/op, ops/s), non-finite ones (does not apply) left out. */
  static List<PointDraft> points(Row r, String baseline, String candidate) {
    Units u = Units.of(r.unit());
    Map<String, String> tags = Tags.benchmark(Map.of(), r.benchmark(), r.mode(), r.params());
    tags.put("baseline", baseline);
    tags.put("candidate", candidate);
    tags.put("verdict", r.verdict().name().toLowerCase(Locale.ROOT));
    String where = "compare " + r.shortName() + " " + r.paramsLabel();
    PointDraft center = new PointDraft(InfluxMeasurement.COMPARE, where).tags(tags)
        .tag("stat", r.sampled() ? "p50" : "score");
    values(center, u, r.baselineCenter(), r.candidateCenter());
    counts(center, r);
    // the test, its interval and the verdict are about the center (p50 or score): Hodges-Lehmann ratio
    center.value("ratio", r.ratio()).value("change_pct", r.changePercent())
        .value("ci_low", r.ciLower()).value("ci_high", r.ciUpper())
        .value("p", r.p()).value("p_adjusted", r.pAdjusted());
    if (r.invalidReason() != null) {
      center.field("invalid_reason", r.invalidReason());
    }
    // for a dashboard's annotation text: InfluxQL cannot join tags into one string, so the row says it whole
    center.field("params", r.paramsLabel()).field("summary", summary(r));
    if (r.phase() != null) {
      center.field("phase", r.phase().name()).value("phase_delta_ns", r.phase().deltaNs());
    }
    if (!r.sampled()) {
      return List.of(center);
    }
    PointDraft tail = new PointDraft(InfluxMeasurement.COMPARE, where + " p99").tags(tags).tag("stat", "p99");
    values(tail, u, r.baselineTail(), r.candidateTail());
    counts(tail, r);
    // no test on the tail: its ratio is the plain ratio of the sides' medians of fork p99s
    double ratio = r.candidateTail() / r.baselineTail();
    tail.value("ratio", ratio).value("change_pct", (ratio - 1) * 100);
    return List.of(center, tail);
  }

  /** {@code RequestLatency.request client=okhttp scheme=http: +21.3 % slower (waiting moved most)}. */
  static String summary(Row r) {
    String change = Double.isFinite(r.changePercent())
        ? String.format(Locale.ROOT, "%+.1f %% ", r.changePercent()) : "";
    String phase = r.phase() == null ? "" : " (" + r.phase().name() + " moved most)";
    return r.shortName() + " " + r.paramsLabel() + ": " + change + r.verdict().name().toLowerCase(Locale.ROOT) + phase;
  }

  private static void values(PointDraft d, Units u, double base, double cand) {
    // not "baseline"/"candidate": a field named like a tag makes InfluxQL's WHERE compare the field
    d.value("base_value", u.convert(base)).value("cand_value", u.convert(cand)).field("unit", u.unit());
  }

  private static void counts(PointDraft d, Row r) {
    d.field("n_base", r.nBaseline()).field("n_cand", r.nCandidate());
  }
}
