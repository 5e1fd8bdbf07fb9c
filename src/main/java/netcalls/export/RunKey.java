package netcalls.export;

import java.util.Map;
import java.util.TreeMap;

/** A benchmark and parameter set, as a JMH result and the trials (forks) behind it share them. */
record RunKey(String benchmark, Map<String, String> params) {
  static RunKey of(String benchmark, Map<String, String> params) {
    return new RunKey(benchmark, new TreeMap<>(params));
  }

  @Override
  public String toString() {
    String b = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
    return params.isEmpty() ? b : b + " " + params;
  }
}
