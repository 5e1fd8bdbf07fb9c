package netcalls.export.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JMH's {@code -rf json} output one result at a time with Jackson's streaming parser, so a large
 * file never sits in memory whole; only the result being read does.
 */
public final class JmhResults {
  /** One metric of a result, in JMH's own unit; null = absent, NaN/infinite = JMH wrote "NaN"/"+INF"/"-INF". */
  public record Metric(Double score, Double error, Double ciLower, Double ciUpper, Map<String, Double> percentiles,
      String unit, long sampleCount) {}

  /** One element of the JMH array; {@code index} is its 0-based position in the file. */
  public record Result(int index, String benchmark, String mode, Long threads, Long forks, Map<String, String> params,
      Metric primary, Map<String, Metric> secondary) {}

  public interface Handler {
    void result(Result r) throws IOException;
  }

  private JmhResults() {}

  /** Hands every readable result to the handler; every problem goes to the report, naming file and line. */
  public static void read(Path file, Problems report, Handler handler) throws IOException {
    if (!Files.exists(file)) {
      report.error(file + ": missing: the run produced no JMH results (JMH did not start or wrote elsewhere);"
          + " re-run the benchmarks");
      return;
    }
    if (Files.size(file) == 0) {
      report.error(file + ": empty (0 bytes): JMH was killed before it wrote its results; re-run the benchmarks."
          + " Sample files, if any, are exported anyway");
      return;
    }
    int index = 0;
    try (JsonParser p = Json.parser(file)) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        report.error(file + ": line " + p.currentLocation().getLineNr() + ": expected a JSON array of results"
            + " (JMH -rf json), found " + (t == null ? "nothing" : t.asString()) + "; re-run the benchmarks");
        return;
      }
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new com.fasterxml.jackson.core.io.JsonEOFException(p, null, "unexpected end of file in the array");
        }
        long line = p.currentLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        Result r;
        try {
          r = result(node, index);
        } catch (Json.BadField e) {
          report.error(file + ": result #" + index + " (line " + line + "): " + e.getMessage()
              + "; this result is not exported, fix the file and re-run the export");
          index++;
          continue;
        }
        handler.result(r);
        index++;
      }
      if (index == 0) {
        report.error(file + ": holds no results ([]): JMH ran no benchmark (check the -p/include filters)");
      }
    } catch (JsonProcessingException e) {
      report.error(file + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": " + e.getOriginalMessage() + "; the " + index + " result(s) before it were exported."
          + " The file is damaged (JMH killed while writing?): re-run the benchmarks");
    }
  }

  static Result result(JsonNode n, int index) throws Json.BadField {
    if (!n.isObject()) {
      throw new Json.BadField("[" + index + "]", "expected an object, found " + n.getNodeType());
    }
    String benchmark = Json.benchmark(n);
    Map<String, String> params = Json.params(n);
    JsonNode pm = n.get("primaryMetric");
    if (pm == null || !pm.isObject()) {
      throw new Json.BadField("primaryMetric", "missing");
    }
    Metric primary = metric(pm, "primaryMetric");
    Map<String, Metric> secondary = new LinkedHashMap<>();
    JsonNode sm = n.get("secondaryMetrics");
    if (sm != null && sm.isObject()) {
      for (Map.Entry<String, JsonNode> e : sm.properties()) {
        secondary.put(metricName(e.getKey()), metric(e.getValue(), "secondaryMetrics." + e.getKey()));
      }
    }
    return new Result(index, benchmark, Json.text(n, "mode"), Json.integer(n, "threads"), Json.integer(n, "forks"),
        params, primary, secondary);
  }

  /** JMH up to 1.36 wrote profiler metrics as "·gc.alloc.rate"; 1.37 as "gc.alloc.rate". */
  public static String metricName(String jmhName) {
    String s = jmhName.strip();
    while (s.startsWith("\u00b7")) {
      s = s.substring(1);
    }
    return s;
  }

  private static Metric metric(JsonNode m, String name) throws Json.BadField {
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
        sampleCount(m));
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
