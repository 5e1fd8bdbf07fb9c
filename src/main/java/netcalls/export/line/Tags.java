package netcalls.export.line;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The tags every point of a run or of a benchmark carries. */
public final class Tags {
  /**
   * Tag keys the schema owns, and {@code time} (InfluxDB's time column, refused as a key); a JMH parameter with
   * one of these names is tagged param_NAME instead.
   */
  public static final Set<String> RESERVED = Set.of("run", "jdk", "host", "commit", "benchmark", "mode", "metric", "target",
      "endpoint", "leg", "le", "phase", "exception_class", "root_cause_class", "baseline", "candidate", "stat",
      "verdict", "time");

  private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Why these parameter names cannot be tag keys, or null. JMH's {@code @Param} fields are Java identifiers,
   * so anything else (empty, spaces, {@code #x}) is a damaged or hand-made file.
   */
  public static String badParamNames(Map<String, String> params) {
    java.util.List<String> bad = new java.util.ArrayList<>();
    for (String k : params.keySet()) {
      if (!IDENTIFIER.matcher(k).matches()) {
        bad.add("\"" + LineProtocol.oneLine(k) + "\"");
      }
    }
    return bad.isEmpty() ? null : "parameter name(s) " + String.join(", ", bad) + " are not identifiers"
        + " (letters, digits, _; JMH @Param names are Java fields), so they cannot be tag keys";
  }

  private Tags() {}

  /** run, jdk and host: the tags of every point of a run. */
  public static Map<String, String> run(String runId, String jdk, String host) {
    Map<String, String> t = new TreeMap<>();
    t.put("run", runId);
    t.put("jdk", jdk);
    t.put("host", host);
    return t;
  }

  /** Run tags plus benchmark, mode and every parameter; raw values, sanitised when the point is built. */
  public static Map<String, String> benchmark(Map<String, String> runTags, String benchmark, String mode,
      Map<String, String> params) {
    Map<String, String> t = new TreeMap<>(runTags);
    t.put("benchmark", benchmark);
    t.put("mode", mode);
    params.forEach((k, v) -> t.put(RESERVED.contains(k) ? "param_" + k : k, v));
    return t;
  }
}
