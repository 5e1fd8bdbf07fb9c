package netcalls.read;

import static netcalls.run.TrialJson.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.run.RunFolder;

/**
 * samples/&lt;trial&gt;.json: what the trial was (docs/SAMPLES.md), where its CSV is, how many samples
 * it kept and dropped, and what live mode sent (null when live mode was off).
 */
public record Trial(String name, Path csv, String benchmark, String mode, Map<String, String> params,
    Instant clockBase, long recorded, long dropped, Live live, Map<String, Long> digestMedians,
    List<Long> iterationStarts, long steadyFromNs) {

  /** No cut: every sample is kept. */
  public static final long KEEP_ALL = Long.MIN_VALUE;

  /**
   * This trial with its samples cut to those that started at or after {@code epochNs}: the start of the first
   * measured iteration its fork's steady segment keeps ({@link SteadySegments}); {@link #KEEP_ALL} for none.
   */
  public Trial withSteadyFrom(long epochNs) {
    return new Trial(name, csv, benchmark, mode, params, clockBase, recorded, dropped, live, digestMedians,
        iterationStarts, epochNs);
  }

  /** True when the samples are cut, so the trial's digest (over all of them) no longer describes what is kept. */
  public boolean cut() {
    return steadyFromNs != KEEP_ALL;
  }

  /** What the trial's live sender sent (docs/SCHEMA.md, live mode). */
  public record Live(String target, long lines, long datagrams, long notSent) {}

  /** Null (with an error) when the JSON cannot say which benchmark the samples belong to. */
  public static Trial read(Path json, Path csv, Problems report) {
    String name = RunFolder.trialOf(json);
    String skip = "; samples/" + name + ".csv not exported: fix the file (docs/SAMPLES.md) and re-run the export";
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(json.toFile());
    } catch (JsonProcessingException e) {
      report.error(json + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": " + e.getOriginalMessage() + skip);
      return null;
    } catch (IOException e) {
      report.error(json + ": " + e + skip);
      return null;
    }
    try {
      if (n == null || !n.isObject()) {
        throw new Json.BadField("(root)", "expected a JSON object");
      }
      String benchmark = Json.benchmark(n);
      Map<String, String> params = Json.params(n);
      Long recorded = Json.integer(n, RECORDED);
      Long dropped = Json.integer(n, DROPPED);
      return new Trial(name, csv, benchmark, Json.text(n, MODE), params, Json.instant(n, CLOCK_BASE),
          recorded == null ? 0 : recorded, dropped == null ? 0 : dropped, live(n.get(LIVE)), digestMedians(n),
          iterationStarts(n), KEEP_ALL);
    } catch (Json.BadField e) {
      report.error(json + ": " + e.getMessage() + skip);
      return null;
    }
  }

  /**
   * The digest's median of each request phase (and duration) in nanoseconds, by phase name, as the trial
   * computed it from all its samples (paired totals left out); empty when the JSON has no digest.
   */
  private static Map<String, Long> digestMedians(JsonNode n) throws Json.BadField {
    Map<String, Long> out = new LinkedHashMap<>();
    JsonNode m = n.path(DIGEST).path(PHASE_MEDIANS);
    if (m.isObject()) {
      for (String phase : TrialSummary.PHASES) {
        Long v = Json.integer(m, phase + "_ns");
        if (v != null) {
          out.put(phase, v);
        }
      }
    }
    return out;
  }

  /** Epoch ns of each measured iteration's start; empty for a trial written before netcalls kept them. */
  private static List<Long> iterationStarts(JsonNode n) throws Json.BadField {
    JsonNode a = n.get(ITERATION_STARTS);
    if (a == null || a.isNull()) {
      return List.of();
    }
    if (!a.isArray()) {
      throw new Json.BadField(ITERATION_STARTS, "expected an array of epoch nanoseconds");
    }
    List<Long> out = new java.util.ArrayList<>();
    for (JsonNode v : a) {
      if (!v.canConvertToLong()) {
        throw new Json.BadField(ITERATION_STARTS, "expected whole epoch nanoseconds, found " + v);
      }
      out.add(v.asLong());
    }
    return List.copyOf(out);
  }

  private static Live live(JsonNode n) throws Json.BadField {
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isObject()) {
      throw new Json.BadField(LIVE, "expected an object");
    }
    return new Live(Json.text(n, LIVE_TARGET), orZero(Json.integer(n, LIVE_LINES)),
        orZero(Json.integer(n, LIVE_DATAGRAMS)), orZero(Json.integer(n, LIVE_NOT_SENT)));
  }

  private static long orZero(Long v) {
    return v == null ? 0 : v;
  }
}
