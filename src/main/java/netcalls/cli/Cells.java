package netcalls.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netcalls.read.TrialSummary;

/** The cells the summary's tables share: benchmark names, parameters and numbers as text. */
final class Cells {
  /** The parameters that have columns of their own; the rest go to one "params" cell. */
  private static final List<String> KEYS = List.of("client", "strategy", "scheme");

  private Cells() {}

  /** The class and method of a benchmark: netcalls.bench.RequestLatency.request -> RequestLatency.request. */
  static String shortName(String benchmark) {
    int last = benchmark.lastIndexOf('.');
    int prev = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
    return benchmark.substring(prev + 1);
  }

  static String param(Map<String, String> params, String key) {
    return params.getOrDefault(key, "");
  }

  /** The parameters without a column of their own, as k=v separated by spaces, less {@code alsoLeftOut}. */
  static String otherParams(Map<String, String> params, String... alsoLeftOut) {
    List<String> kv = new ArrayList<>();
    List<String> out = List.of(alsoLeftOut);
    params.forEach((k, v) -> {
      if (!KEYS.contains(k) && !out.contains(k)) {
        kv.add(k + "=" + v);
      }
    });
    return String.join(" ", kv);
  }

  /** One decimal; blank for no value, NaN and infinities as Java writes them. */
  static String num(Double v) {
    if (v == null) {
      return "";
    }
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(v);
  }

  /** A phase's p50/p99 in µs; blank when the phase is absent. */
  static String p50p99(TrialSummary.Stats st) {
    return st == null ? "" : String.format(Locale.ROOT, "%.1f/%.1f", st.p50() / 1000.0, st.p99() / 1000.0);
  }
}
