package netcalls.export;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The tags every point of a run or of a benchmark carries. */
final class Tags {
  /** Tag keys the schema owns; a JMH parameter with one of these names is tagged param_NAME instead. */
  static final Set<String> RESERVED = Set.of("run", "jdk", "host", "benchmark", "mode", "metric", "target",
      "endpoint", "leg", "le", "exception_class", "root_cause_class");

  private Tags() {}

  static Map<String, String> run(RunInfo run) {
    Map<String, String> t = new TreeMap<>();
    t.put("run", run.runId());
    t.put("jdk", run.jdk());
    t.put("host", run.host());
    return t;
  }

  /** Run tags plus benchmark, mode and every parameter; raw values, sanitised when the point is built. */
  static Map<String, String> benchmark(RunInfo run, String benchmark, String mode, Map<String, String> params) {
    Map<String, String> t = run(run);
    t.put("benchmark", benchmark);
    t.put("mode", mode);
    params.forEach((k, v) -> t.put(RESERVED.contains(k) ? "param_" + k : k, v));
    return t;
  }
}
