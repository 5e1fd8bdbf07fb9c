package netcalls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables printed after a run, made from the run folder alone ({@code jmh.json} and the trials'
 * JSON), so {@code summary RUN_DIR} prints the same for any earlier run.
 */
final class Summary {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> KEYS = List.of("client", "strategy", "scheme");

  private Summary() {}

  static String render(Path runDir) throws IOException {
    StringBuilder s = new StringBuilder();
    Path jmh = runDir.resolve("jmh.json");
    JsonNode results = Files.exists(jmh) && Files.size(jmh) > 0 ? JSON.readTree(jmh.toFile()) : JSON.createArrayNode();
    latency(s, results);
    phases(s, RunMetadata.trials(runDir));
    return s.toString();
  }

  /** JMH's own percentiles, one line per benchmark and parameter set. */
  static void latency(StringBuilder s, JsonNode results) {
    Table t = new Table("benchmark", "client", "strategy", "scheme", "params", "unit", "p50", "p90", "p99", "samples");
    for (JsonNode r : results) {
      JsonNode m = r.path("primaryMetric");
      JsonNode pct = m.path("scorePercentiles");
      t.row(shortName(r.path("benchmark").asText()), param(r, "client"), param(r, "strategy"), param(r, "scheme"),
          otherParams(r.path("params")), m.path("scoreUnit").asText(),
          num(pct.path("50.0")), num(pct.path("90.0")), num(pct.path("99.0")),
          m.has("rawDataHistogram") ? String.valueOf(count(m)) : "");
    }
    s.append("Latency per operation (JMH, ").append(results.size()).append(" results)\n");
    t.render(s);
  }

  /** Phase medians from the samples, with failures by exception class. */
  static void phases(StringBuilder s, List<JsonNode> trials) {
    Table t = new Table("benchmark", "client", "strategy", "scheme", "params", "calls", "reused",
        "blocked", "dns", "connecting", "tls", "sending", "waiting", "receiving", "duration");
    Table failures = new Table("benchmark", "client", "params", "exception <- root cause", "count");
    long dropped = 0;
    for (JsonNode trial : trials) {
      JsonNode params = trial.path("params");
      JsonNode digest = trial.path("digest");
      JsonNode med = digest.path("phaseMedians");
      long known = digest.path("reusedKnown").asLong();
      String reused = known == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f%%", 100.0 * digest.path("reused").asLong() / known);
      String name = shortName(trial.path("benchmark").asText());
      t.row(name, params.path("client").asText(), params.path("strategy").asText(), params.path("scheme").asText(),
          otherParams(params), String.valueOf(digest.path("phaseCounts").path("duration").asLong()), reused,
          micros(med, "blocked"), micros(med, "dns"), micros(med, "connecting"), micros(med, "tls_handshaking"),
          micros(med, "sending"), micros(med, "waiting"), micros(med, "receiving"), micros(med, "duration"));
      for (Iterator<Map.Entry<String, JsonNode>> it = digest.path("failures").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        failures.row(name, params.path("client").asText(), otherParams(params), f.getKey(), f.getValue().asText());
      }
      dropped += trial.path("dropped").asLong();
    }
    t.rows.sort(Table.BY_CELLS);
    failures.rows.sort(Table.BY_CELLS);
    s.append("\nPhases, median µs of traced calls (blank: phase absent or not visible to the client)\n");
    t.render(s);
    if (!failures.rows.isEmpty()) {
      s.append("\nFailures by exception class\n");
      failures.render(s);
    }
    s.append("\nSamples dropped past the cap: ").append(dropped).append('\n');
  }

  private static long count(JsonNode metric) {
    long n = 0;
    for (JsonNode fork : metric.path("rawDataHistogram")) {
      for (JsonNode iteration : fork) {
        for (JsonNode pair : iteration) {
          n += pair.path(1).asLong();
        }
      }
    }
    return n;
  }

  private static String shortName(String benchmark) {
    int last = benchmark.lastIndexOf('.');
    int prev = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
    return benchmark.substring(prev + 1);
  }

  private static String param(JsonNode r, String key) {
    return r.path("params").path(key).asText("");
  }

  private static String otherParams(JsonNode params) {
    List<String> kv = new ArrayList<>();
    params.fields().forEachRemaining(e -> {
      if (!KEYS.contains(e.getKey())) {
        kv.add(e.getKey() + "=" + e.getValue().asText());
      }
    });
    return String.join(" ", kv);
  }

  private static String num(JsonNode v) {
    if (v.isMissingNode() || !v.isNumber()) {
      return v.isMissingNode() ? "" : v.asText();
    }
    return String.format(Locale.ROOT, "%.1f", v.asDouble());
  }

  private static String micros(JsonNode medians, String phase) {
    JsonNode v = medians.path(phase + "_ns");
    return v.isMissingNode() ? "" : String.format(Locale.ROOT, "%.1f", v.asLong() / 1000.0);
  }

  /** A plain text table with columns sized to their widest cell. */
  static final class Table {
    /** Row order that does not depend on trial file names (which carry process ids). */
    static final java.util.Comparator<String[]> BY_CELLS = (a, b) -> java.util.Arrays.compare(a, b);

    final String[] header;
    final List<String[]> rows = new ArrayList<>();

    Table(String... header) {
      this.header = header;
    }

    void row(String... cells) {
      rows.add(cells);
    }

    void render(StringBuilder s) {
      int[] w = new int[header.length];
      for (int i = 0; i < header.length; i++) {
        w[i] = header[i].length();
        for (String[] r : rows) {
          w[i] = Math.max(w[i], r[i].length());
        }
      }
      line(s, header, w);
      for (String[] r : rows) {
        line(s, r, w);
      }
    }

    private static void line(StringBuilder s, String[] cells, int[] w) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < cells.length; i++) {
        l.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cells[i]));
        if (i < cells.length - 1) {
          l.append("  ");
        }
      }
      s.append(l.toString().stripTrailing()).append('\n');
    }
  }
}
