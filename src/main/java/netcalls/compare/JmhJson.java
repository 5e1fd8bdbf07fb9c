package netcalls.compare;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the forks of every result in a JMH {@code -rf json} file, one result at a time (a file with many
 * sample histograms never sits in memory whole). A damaged result is reported and skipped; a damaged file
 * (cut short, not an array) means the run is incomplete and is refused.
 */
final class JmhJson {
  static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
      .build();

  private JmhJson() {}

  /** A field of one result that is missing or not what JMH writes. */
  static final class BadField extends Exception {
    private static final long serialVersionUID = 1L;

    BadField(String field, String message) {
      super("field " + field + ": " + message);
    }
  }

  /** The series of {@code file}, in file order; damaged results go to {@code errors}. */
  static List<Series> read(Path file, List<String> errors) throws CompareException {
    List<Series> out = new ArrayList<>();
    int index = 0;
    try (JsonParser p = MAPPER.getFactory().createParser(file.toFile())) {
      JsonToken t = p.nextToken();
      if (t != JsonToken.START_ARRAY) {
        throw new CompareException(file + ": expected a JSON array of JMH results (-rf json), found "
            + (t == null ? "nothing" : t.asString()) + ": the run is incomplete or not a JMH result; re-run it");
      }
      while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
        if (t == null) {
          throw new CompareException(file + ": cut short after " + index + " result(s) (no closing ']'):"
              + " JMH was killed while writing; the run is incomplete, re-run it");
        }
        long line = p.currentLocation().getLineNr();
        JsonNode node = p.readValueAsTree();
        try {
          out.add(series(node, file + "#" + index));
        } catch (BadField e) {
          errors.add(file + ": result #" + index + " (line " + line + "): " + e.getMessage()
              + "; this result is left out of the comparison: fix the file or re-run");
        }
        index++;
      }
    } catch (JsonProcessingException e) {
      throw new CompareException(file + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()
          + ": the file is damaged or cut short, the run is incomplete; re-run it");
    } catch (IOException e) {
      throw new CompareException(file + ": cannot be read (" + e.getMessage() + ")");
    }
    if (index == 0) {
      throw new CompareException(file + ": holds no results ([]): JMH ran no benchmark; check the run's filters and"
          + " re-run it");
    }
    return out;
  }

  static Series series(JsonNode n, String source) throws BadField {
    if (!n.isObject()) {
      throw new BadField("(result)", "expected an object, found " + n.getNodeType());
    }
    String benchmark = n.path("benchmark").asText("");
    if (benchmark.isEmpty()) {
      throw new BadField("benchmark", "missing");
    }
    Map<String, String> params = new TreeMap<>();
    n.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
    Key key = Key.of(benchmark, n.path("mode").asText(""), params);
    JsonNode pm = n.path("primaryMetric");
    String unit = pm.path("scoreUnit").asText("");
    if (unit.isEmpty()) {
      throw new BadField("primaryMetric.scoreUnit", "missing");
    }
    JmhOptions options = new JmhOptions(integer(n, "warmupIterations"), text(n, "warmupTime"),
        integer(n, "warmupBatchSize"), integer(n, "measurementIterations"), text(n, "measurementTime"),
        integer(n, "measurementBatchSize"), integer(n, "threads"));
    List<Series.Fork> forks = pm.has("rawDataHistogram") ? histogramForks(pm.get("rawDataHistogram"))
        : scoreForks(pm.get("rawData"));
    if (forks.isEmpty()) {
      throw new BadField(pm.has("rawDataHistogram") ? "primaryMetric.rawDataHistogram" : "primaryMetric.rawData",
          "missing or empty: no fork to compare");
    }
    return new Series(key, unit, options, forks, List.of(source));
  }

  /** Sample mode: [fork][iteration][[value, count], ...]. */
  private static List<Series.Fork> histogramForks(JsonNode raw) throws BadField {
    List<Series.Fork> forks = new ArrayList<>();
    String f = "primaryMetric.rawDataHistogram";
    for (int fi = 0; fi < raw.size(); fi++) {
      JsonNode fork = raw.get(fi);
      TreeMap<Double, Long> merged = new TreeMap<>();
      double[] itCenters = new double[fork.size()];
      double[] itTails = new double[fork.size()];
      for (int ii = 0; ii < fork.size(); ii++) {
        TreeMap<Double, Long> it = new TreeMap<>();
        for (JsonNode pair : fork.get(ii)) {
          if (!pair.isArray() || pair.size() != 2) {
            throw new BadField(f + "[" + fi + "][" + ii + "]", "expected [value, count] pairs");
          }
          double v = number(pair.get(0), f);
          long c = pair.get(1).asLong(-1);
          if (c < 0 || !(v > 0) || Double.isInfinite(v)) {
            throw new BadField(f + "[" + fi + "][" + ii + "]", "a value must be positive and a count a whole number");
          }
          it.merge(v, c, Long::sum);
          merged.merge(v, c, Long::sum);
        }
        if (it.isEmpty()) {
          throw new BadField(f + "[" + fi + "][" + ii + "]", "an iteration without samples");
        }
        itCenters[ii] = quantile(it, 0.5);
        itTails[ii] = quantile(it, 0.99);
      }
      if (merged.isEmpty()) {
        throw new BadField(f + "[" + fi + "]", "a fork without iterations");
      }
      forks.add(new Series.Fork(quantile(merged, 0.5), quantile(merged, 0.99), itCenters, itTails));
    }
    return forks;
  }

  /** Other modes: [fork][iteration] scores; a fork's value is its mean. */
  private static List<Series.Fork> scoreForks(JsonNode raw) throws BadField {
    List<Series.Fork> forks = new ArrayList<>();
    if (raw == null) {
      return forks;
    }
    for (int fi = 0; fi < raw.size(); fi++) {
      JsonNode fork = raw.get(fi);
      double[] its = new double[fork.size()];
      double sum = 0;
      for (int ii = 0; ii < its.length; ii++) {
        its[ii] = number(fork.get(ii), "primaryMetric.rawData[" + fi + "][" + ii + "]");
        if (!(its[ii] > 0) || Double.isInfinite(its[ii])) {
          throw new BadField("primaryMetric.rawData[" + fi + "][" + ii + "]", "a score must be positive and finite,"
              + " found " + its[ii]);
        }
        sum += its[ii];
      }
      if (its.length == 0) {
        throw new BadField("primaryMetric.rawData[" + fi + "]", "a fork without iterations");
      }
      double[] nan = new double[its.length];
      java.util.Arrays.fill(nan, Double.NaN);
      forks.add(new Series.Fork(sum / its.length, Double.NaN, its, nan));
    }
    return forks;
  }

  private static double quantile(TreeMap<Double, Long> h, double q) {
    double[] values = new double[h.size()];
    long[] counts = new long[h.size()];
    int i = 0;
    for (Map.Entry<Double, Long> e : h.entrySet()) {
      values[i] = e.getKey();
      counts[i++] = e.getValue();
    }
    return Stats.quantile(values, counts, q);
  }

  /** A number, or JMH's strings "NaN", "+INF", "-INF". */
  private static double number(JsonNode n, String field) throws BadField {
    if (n != null && n.isNumber()) {
      return n.doubleValue();
    }
    if (n != null && n.isTextual()) {
      String s = n.textValue().trim();
      if (s.equals("NaN")) {
        return Double.NaN;
      }
      if (s.endsWith("INF")) {
        return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw new BadField(field, "\"" + s + "\" is not a number");
      }
    }
    throw new BadField(field, "expected a number");
  }

  private static Long integer(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || !v.canConvertToLong() ? null : v.asLong();
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
