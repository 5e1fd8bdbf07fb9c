package netcalls.compare;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What makes two results comparable: the same benchmark, mode and parameter values. */
record Key(String benchmark, String mode, SortedMap<String, String> params) implements Comparable<Key> {
  Key {
    params = new TreeMap<>(params);
  }

  static Key of(String benchmark, String mode, Map<String, String> params) {
    return new Key(benchmark, mode == null ? "" : mode, new TreeMap<>(params));
  }

  /** This key without the parameters named in {@code drop} (compare's {@code --ignore-param}). */
  Key without(java.util.Set<String> drop) {
    TreeMap<String, String> kept = new TreeMap<>(params);
    kept.keySet().removeAll(drop);
    return new Key(benchmark, mode, kept);
  }

  /** {@code RequestLatency.request} for {@code netcalls.bench.RequestLatency.request}. */
  String shortName() {
    int method = benchmark.lastIndexOf('.');
    int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
    return benchmark.substring(cls + 1);
  }

  /** {@code client=okhttp scheme=http}: the parameters in name order. */
  String paramsLabel() {
    return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
  }

  String label() {
    return shortName() + (params.isEmpty() ? "" : " " + paramsLabel()) + (mode.isEmpty() ? "" : " (" + mode + ")");
  }

  @Override
  public int compareTo(Key o) {
    int c = benchmark.compareTo(o.benchmark);
    if (c == 0) {
      c = mode.compareTo(o.mode);
    }
    return c != 0 ? c : paramsLabel().compareTo(o.paramsLabel());
  }
}
