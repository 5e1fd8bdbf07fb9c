package netcalls.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's {@code -rf json} output one result at a time with Jackson's streaming parser, so a large
 * file never sits in memory whole; only the result being read does.
 */
public final class JmhResults {
  /**
   * One metric of a result, in JMH's own unit; null = absent, NaN/infinite = JMH wrote "NaN"/"+INF"/"-INF".
   * {@code histogram} is rawDataHistogram by fork, then iteration (sample mode), {@code raw} rawData's
   * iteration scores by fork (other modes); each null when the file has none (secondary metrics keep neither).
   * The primary metric is cut to each fork's steady segment ({@link SteadySegments}): its numbers, histogram and
   * raw scores are those of the kept iterations, and {@code forks} says per fork what was kept and why (empty
   * for a secondary metric, which is JMH's as written).
   */
  public record Metric(Double score, Double error, Double ciLower, Double ciUpper, Map<String, Double> percentiles,
      String unit, long sampleCount, List<List<Iteration>> histogram, List<double[]> raw,
      List<SteadySegments.Fork> forks) {}

  /** One iteration's histogram: distinct values and how often each was seen, as JMH wrote them. */
  public record Iteration(double[] values, long[] counts) {}

  /** The options JMH ran a result with; two runs must share them to be compared. */
  public record Options(Long warmupIterations, String warmupTime, Long warmupBatchSize, Long measurementIterations,
      String measurementTime, Long measurementBatchSize, Long threads) {}

  /** One element of the JMH array; {@code index} is its 0-based position in the file, {@code line} its line. */
  public record Result(int index, long line, String benchmark, String mode, Long threads, Long forks,
      Map<String, String> params, Options options, Metric primary, Map<String, Metric> secondary) {}

  public interface Handler {
    void result(Result r) throws IOException;
  }

  private JmhResults() {}

  /**
   * Hands every readable result to the handler; every problem goes to the report, naming file and line. True
   * when the file is whole: a JSON array read to its end, holding at least one result (a damaged result
   * inside a whole file is reported and skipped, and leaves it whole).
   */
  public static boolean read(Path file, Problems report, Handler handler) throws IOException {
    if (!Files.exists(file)) {
      report.error(file + ": missing: the run produced no JMH results (JMH did not start or wrote elsewhere);"
          + " re-run the benchmarks");
      return false;
    }
    if (!Files.isReadable(file)) {
      report.error(file + ": cannot be read (permission denied): give the user read access (chmod u+r) and retry");
      return false;
    }
    if (Files.size(file) == 0) {
      report.error(file + ": empty (0 bytes): JMH was killed before it wrote its results; the run is incomplete,"
          + " re-run the benchmarks");
      return false;
    }
    int index = 0;
    try (JsonParser p = Json.parser(file)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        report.error(file + ": line " + p.currentLocation().getLineNr() + ": expected a JSON array of results"
            + " (JMH -rf json), found " + (t == null ? "nothing" : t.asString()) + "; the run is incomplete or"
            + " not a JMH result, re-run the benchmarks");
        return false;
      }
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          report.error(file + ": cut short after " + index + " result(s) (no closing ']'): JMH was killed while"
              + " writing; the run is incomplete, re-run the benchmarks");
          return false;
        }
        long line = p.currentLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        Result r;
        try {
          r = result(node, index, line);
        } catch (Json.BadField e) {
          report.error(file + ": result #" + index + " (line " + line + "): " + e.getMessage()
              + "; this result is left out: fix the file, or re-run the benchmarks");
          index++;
          continue;
        }
        handler.result(r);
        index++;
      }
      if (index == 0) {
        report.error(file + ": holds no results ([]): JMH ran no benchmark (check the -p/include filters)");
        return false;
      }
      return true;
    } catch (JsonProcessingException e) {
      report.error(file + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": " + e.getOriginalMessage() + " (after " + index + " result(s)): the file is damaged or cut short"
          + " (JMH killed while writing?), the run is incomplete; re-run the benchmarks");
      return false;
    } catch (java.nio.file.AccessDeniedException | java.io.FileNotFoundException e) {
      report.error(file + ": cannot be read (" + e.getMessage() + "): check that it is a file the user may read"
          + " (chmod u+r)");
      return false;
    }
  }

  static Result result(JsonNode n, int index, long line) throws Json.BadField {
    if (!n.isObject()) {
      throw new Json.BadField("[" + index + "]", "expected an object, found " + n.getNodeType());
    }
    String benchmark = Json.benchmark(n);
    Map<String, String> params = Json.params(n);
    JsonNode pm = n.get("primaryMetric");
    if (pm == null || !pm.isObject()) {
      throw new Json.BadField("primaryMetric", "missing");
    }
    Metric primary = SteadySegments.cut(metric(pm, "primaryMetric", true));
    Map<String, Metric> secondary = new LinkedHashMap<>();
    JsonNode sm = n.get("secondaryMetrics");
    if (sm != null && sm.isObject()) {
      for (Map.Entry<String, JsonNode> e : sm.properties()) {
        secondary.put(metricName(e.getKey()), metric(e.getValue(), "secondaryMetrics." + e.getKey(), false));
      }
    }
    Long threads = Json.integer(n, "threads");
    Options options = new Options(Json.integer(n, "warmupIterations"), Json.text(n, "warmupTime"),
        Json.integer(n, "warmupBatchSize"), Json.integer(n, "measurementIterations"), Json.text(n, "measurementTime"),
        Json.integer(n, "measurementBatchSize"), threads);
    return new Result(index, line, benchmark, Json.text(n, "mode"), threads, Json.integer(n, "forks"), params,
        options, primary, secondary);
  }

  /** JMH up to 1.36 wrote profiler metrics as "·gc.alloc.rate"; 1.37 as "gc.alloc.rate". */
  public static String metricName(String jmhName) {
    String s = jmhName.strip();
    while (s.startsWith("\u00b7")) {
      s = s.substring(1);
    }
    return s;
  }

  private static Metric metric(JsonNode m, String name, boolean keepRaw) throws Json.BadField {
    Double score = Json.number(m, "score", name + ".score");
    if (score == null) {
      throw new Json.BadField(name + ".score", "missing");
    }
    Double lo = null;
    Double hi = null;
    JsonNode ci = m.get("scoreConfidence");
    if (ci != null && ci.isArray() && ci.size() == 2) {
      lo = Json.numberValue(ci.get(0), name + ".scoreConfidence[0]");
      hi = Json.numberValue(ci.get(1), name + ".scoreConfidence[1]");
    }
    Map<String, Double> percentiles = new LinkedHashMap<>();
    JsonNode ps = m.get("scorePercentiles");
    if (ps != null && ps.isObject()) {
      for (Map.Entry<String, JsonNode> e : ps.properties()) {
        percentiles.put(percentileField(e.getKey(), name),
            Json.numberValue(e.getValue(), name + ".scorePercentiles." + e.getKey()));
      }
    }
    return new Metric(score, Json.number(m, "scoreError", name + ".scoreError"), lo, hi, percentiles, Json.text(m, "scoreUnit"),
        sampleCount(m), keepRaw ? histogram(m.get("rawDataHistogram"), name + ".rawDataHistogram") : null,
        keepRaw ? raw(m.get("rawData"), name + ".rawData") : null, List.of());
  }

  /** [fork][iteration][[value, count], ...]; null when absent. */
  private static List<List<Iteration>> histogram(JsonNode h, String f) throws Json.BadField {
    if (h == null || h.isNull()) {
      return null;
    }
    List<List<Iteration>> forks = new ArrayList<>();
    for (int fi = 0; fi < h.size(); fi++) {
      JsonNode fork = h.get(fi);
      List<Iteration> its = new ArrayList<>();
      for (int ii = 0; ii < fork.size(); ii++) {
        JsonNode it = fork.get(ii);
        double[] values = new double[it.size()];
        long[] counts = new long[it.size()];
        for (int k = 0; k < it.size(); k++) {
          JsonNode pair = it.get(k);
          if (!pair.isArray() || pair.size() != 2) {
            throw new Json.BadField(f + "[" + fi + "][" + ii + "]", "expected [value, count] pairs");
          }
          values[k] = Json.numberValue(pair.get(0), f);
          counts[k] = pair.get(1).canConvertToLong() ? pair.get(1).asLong() : -1;
        }
        its.add(new Iteration(values, counts));
      }
      forks.add(its);
    }
    return forks;
  }

  /** [fork][iteration score]; null when absent. */
  private static List<double[]> raw(JsonNode r, String f) throws Json.BadField {
    if (r == null || r.isNull()) {
      return null;
    }
    List<double[]> forks = new ArrayList<>();
    for (int fi = 0; fi < r.size(); fi++) {
      JsonNode fork = r.get(fi);
      double[] v = new double[fork.size()];
      for (int ii = 0; ii < v.length; ii++) {
        v[ii] = Json.numberValue(fork.get(ii), f + "[" + fi + "][" + ii + "]");
      }
      forks.add(v);
    }
    return forks;
  }

  /** "99.9" becomes p99_9, "0.0" p0, "100.0" p100. */
  public static String percentileField(String key, String where) throws Json.BadField {
    try {
      String plain = new BigDecimal(key.trim()).stripTrailingZeros().toPlainString();
      return "p" + plain.replace('.', '_');
    } catch (NumberFormatException e) {
      throw new Json.BadField(where + ".scorePercentiles", "key \"" + key + "\" is not a percentile");
    }
  }

  /**
   * Samples behind the score: the counts of rawDataHistogram ([fork][iteration][[value, count]...], sample
   * mode) or the values of rawData ([fork][iteration value], other modes).
   */
  static long sampleCount(JsonNode m) {
    long n = 0;
    JsonNode hist = m.get("rawDataHistogram");
    if (hist != null && hist.isArray()) {
      for (JsonNode fork : hist) {
        for (JsonNode iteration : fork) {
          for (JsonNode pair : iteration) {
            if (pair.isArray() && pair.size() == 2) {
              n += pair.get(1).asLong();
            }
          }
        }
      }
      return n;
    }
    JsonNode raw = m.get("rawData");
    if (raw != null && raw.isArray()) {
      for (JsonNode fork : raw) {
        n += fork.size();
      }
    }
    return n;
  }
}
