package netcalls.read;

import static netcalls.run.OpenLoopJson.*;
import static netcalls.run.RunFolder.JSON_SUFFIX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.RunFolder;
import netcalls.run.ThinPercentile;

/**
 * One fork's constant-rate outcome, {@code openloop/<trial>.json} (docs/OPENLOOP.md), as every reader of a run
 * sees it (summary, compare, exporter, report). The field names are {@link netcalls.run.OpenLoopJson}'s.
 *
 * <p>A trial that did not reach its rate or blew its error budget has no latency: {@link #corrected()} and
 * {@link #uncorrected()} are null and {@link #noLatencyBecause()} says why.
 *
 * @param name the trial (the file name without .json; it is that of the trial's sample files)
 * @param corrected p50 … p99.99 and max in µs from the intended start, keyed {@code p50 … max}; null when not valid
 * @param uncorrected the same from the actual send (service time); null when not valid
 * @param tail {@code all_scheduled} or {@code completed_only} (a file without the field: the survivors')
 * @param thin the corrected percentiles resting on fewer than ThinPercentile.MIN_BEYOND samples (empty when unknown)
 * @param generatorFloorUs the median send lag, µs; null in files written before it was reported
 */
public record OpenLoopResult(String name, Path file, String benchmark, Map<String, String> params, String server,
    boolean valid, List<String> problems, double intendedRate, double achievedRate, boolean rateReached,
    long scheduled, long ok, long failed, long timeouts, long unfinished, Map<String, Long> failures,
    double errorFraction, double errorBudget, double elapsedS, double processCpuS, double coresUsed,
    Map<String, Double> corrected, Map<String, Double> uncorrected, Map<String, Double> sendLag, String tail,
    List<String> thin, Double generatorFloorUs) {

  /** Whether the corrected percentiles count every scheduled request (false: the survivors', an older file). */
  public boolean countsFailures() {
    return TAIL_ALL_SCHEDULED.equals(tail);
  }

  /** Whether corrected percentile {@code label} (p50 … p99.99) rests on too few samples to be a fact. */
  public boolean isThin(String label) {
    return thin.contains(label);
  }

  /**
   * True for a JMH result of the open-loop benchmark: its primary score is the wall time of one schedule run,
   * which is not a latency, so readers show and compare the openloop/ files instead.
   */
  public static boolean isOpenLoop(JmhResults.Result r) {
    return r.benchmark().endsWith(".OpenLoopLatency.run") || r.secondary().containsKey("intendedRate");
  }

  /** Null for a valid trial, else "no latency, because …" with the trial's own reasons. */
  public String noLatencyBecause() {
    if (valid) {
      return null;
    }
    return "no latency, because " + (problems.isEmpty() ? "the trial was not valid" : String.join("; ", problems));
  }

  /** Every {@code openloop/*.json} of the run, by name; bad files are reported (naming file and field) and left out. */
  public static List<OpenLoopResult> readAll(RunFolder run, Problems problems) {
    List<OpenLoopResult> out = new ArrayList<>();
    Path dir = run.openloop();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + JSON_SUFFIX)) {
      ds.forEach(files::add);
    } catch (IOException e) {
      problems.error(dir + ": cannot be listed (" + e.getMessage() + "): give the user read access (chmod u+rx);"
          + " its open-loop results are not read");
      return out;
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path f : files) {
      OpenLoopResult r = read(f, problems);
      if (r != null) {
        out.add(r);
      }
    }
    return out;
  }

  /** One file; null (with an error naming the file and the field) when it cannot be read. */
  public static OpenLoopResult read(Path file, Problems problems) {
    String fileName = file.getFileName().toString();
    String name = fileName.endsWith(JSON_SUFFIX) ? fileName.substring(0, fileName.length() - JSON_SUFFIX.length())
        : fileName;
    String skip = "; this open-loop trial is left out: fix the file or re-run the trial (docs/OPENLOOP.md)";
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      problems.error(file + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": " + e.getOriginalMessage() + skip);
      return null;
    } catch (IOException e) {
      problems.error(file + ": cannot be read (" + e.getMessage() + ")" + skip);
      return null;
    }
    try {
      if (n == null || !n.isObject()) {
        throw new Json.BadField("(root)", "expected a JSON object");
      }
      String status = required(Json.text(n, STATUS), STATUS);
      if (!status.equals(STATUS_OK) && !status.equals(STATUS_NOT_VALID)) {
        throw new Json.BadField(STATUS, "\"" + status + "\": expected " + STATUS_OK + " or " + STATUS_NOT_VALID);
      }
      Map<String, Double> corrected = percentiles(n, CORRECTED_US);
      Map<String, Double> uncorrected = percentiles(n, UNCORRECTED_US);
      boolean valid = status.equals(STATUS_OK);
      if (valid && (corrected == null || uncorrected == null)) {
        throw new Json.BadField(corrected == null ? CORRECTED_US : UNCORRECTED_US, "missing, but status is ok");
      }
      return new OpenLoopResult(name, file, Json.benchmark(n), Json.params(n), Json.text(n, SERVER), valid,
          strings(n, PROBLEMS), number(n, INTENDED_RATE), number(n, ACHIEVED_RATE), bool(n, RATE_REACHED),
          count(n, SCHEDULED), count(n, OK), count(n, FAILED), count(n, TIMEOUTS), count(n, UNFINISHED),
          failures(n), number(n, ERROR_FRACTION), number(n, ERROR_BUDGET), number(n, ELAPSED_S),
          number(n, PROCESS_CPU_S), number(n, CORES_USED), valid ? corrected : null, valid ? uncorrected : null,
          percentiles(n, SEND_LAG_US), tail(n), thin(n), floor(n));
    } catch (Json.BadField e) {
      problems.error(file + ": " + e.getMessage() + skip);
      return null;
    }
  }

  /**
   * The thin corrected percentiles: the field, or in older files the same rule (ThinPercentile) over the requests
   * the distribution held (the completed ones before failures were counted).
   */
  private static List<String> thin(JsonNode n) throws Json.BadField {
    if (n.has(THIN)) {
      return strings(n, THIN);
    }
    long held = TAIL_ALL_SCHEDULED.equals(tail(n)) ? count(n, SCHEDULED) : count(n, OK);
    List<String> out = new ArrayList<>();
    for (String label : List.of("p50", "p90", "p99", "p99.9", "p99.99")) {
      if (ThinPercentile.thin(held, Double.parseDouble(label.substring(1)))) {
        out.add(label);
      }
    }
    return out;
  }

  /** The generator's floor: its field, or in older files the send lag's p50 it is defined as; null without either. */
  private static Double floor(JsonNode n) throws Json.BadField {
    Double f = Json.number(n, GENERATOR_FLOOR_US);
    if (f != null) {
      return f;
    }
    Map<String, Double> lag = percentiles(n, SEND_LAG_US);
    return lag == null ? null : lag.get("p50");
  }

  private static String tail(JsonNode n) throws Json.BadField {
    String t = Json.text(n, TAIL);
    if (t == null) {
      return TAIL_COMPLETED_ONLY; // written before failures were counted
    }
    if (!t.equals(TAIL_ALL_SCHEDULED) && !t.equals(TAIL_COMPLETED_ONLY)) {
      throw new Json.BadField(TAIL, "\"" + t + "\": expected " + TAIL_ALL_SCHEDULED + " or " + TAIL_COMPLETED_ONLY);
    }
    return t;
  }

  private static <T> T required(T v, String field) throws Json.BadField {
    if (v == null) {
      throw new Json.BadField(field, "missing");
    }
    return v;
  }

  private static double number(JsonNode n, String field) throws Json.BadField {
    return required(Json.number(n, field), field);
  }

  private static long count(JsonNode n, String field) throws Json.BadField {
    long v = required(Json.integer(n, field), field);
    if (v < 0) {
      throw new Json.BadField(field, v + ": a count cannot be negative");
    }
    return v;
  }

  private static boolean bool(JsonNode n, String field) throws Json.BadField {
    JsonNode v = n.get(field);
    if (v == null || !v.isBoolean()) {
      throw new Json.BadField(field, "expected true or false");
    }
    return v.booleanValue();
  }

  private static List<String> strings(JsonNode n, String field) throws Json.BadField {
    List<String> out = new ArrayList<>();
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isArray()) {
      throw new Json.BadField(field, "expected an array of strings");
    }
    v.forEach(x -> out.add(x.asText()));
    return out;
  }

  private static Map<String, Long> failures(JsonNode n) throws Json.BadField {
    Map<String, Long> out = new TreeMap<>();
    JsonNode v = n.get(FAILURES);
    if (v == null || v.isNull()) {
      return out;
    }
    if (!v.isObject()) {
      throw new Json.BadField(FAILURES, "expected an object of class name to count");
    }
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      if (!e.getValue().canConvertToLong() || e.getValue().longValue() < 0) {
        throw new Json.BadField(FAILURES + "." + e.getKey(), "expected a count");
      }
      out.put(e.getKey(), e.getValue().longValue());
    }
    return out;
  }

  /** {@code {"p50": …, "max": …}} in µs, or null when the field is null or absent. */
  private static Map<String, Double> percentiles(JsonNode n, String field) throws Json.BadField {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw new Json.BadField(field, "expected an object of percentile to µs");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : v.properties()) {
      double d = Json.numberValue(e.getValue(), field + "." + e.getKey());
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new Json.BadField(field + "." + e.getKey(), d + ": a latency must be a finite number >= 0");
      }
      out.put(e.getKey(), d);
    }
    return out;
  }
}
