package netcalls.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import netcalls.client.ClientKind;
import netcalls.client.Combinations;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.read.JmhResults;
import netcalls.read.SteadySegments;

/**
 * The results table: one row per JMH result (benchmark × parameters) with JMH's own percentiles, as the printed
 * summary shows them, the spread of the per-fork p50s, and the benchmark × parameter sets that have no result.
 */
final class Rows {
  /** The percentiles of the table, as jmh.json names them, and as the page labels them. */
  static final List<String> PERCENTILES = List.of("p50", "p90", "p99", "p99_9");
  private static final List<String> KEYS = List.of("client", "strategy", "scheme");
  /** Past this many combinations a benchmark's missing ones are not listed (a very wide -p grid). */
  private static final int MAX_GRID = 10_000;

  private Rows() {}

  /** Benchmark short name, client, strategy, scheme and the other parameters, as the summary names them. */
  static void identify(ObjectNode o, String benchmark, Map<String, String> params) {
    o.put("bench", shortName(benchmark));
    o.put("client", params.getOrDefault("client", ""));
    o.put("strategy", params.getOrDefault("strategy", ""));
    o.put("scheme", params.getOrDefault("scheme", ""));
    List<String> kv = new ArrayList<>();
    new TreeMap<>(params).forEach((k, v) -> {
      if (!KEYS.contains(k)) {
        kv.add(k + "=" + v);
      }
    });
    o.put("other", String.join(" ", kv));
    o.put("key", Groups.key(benchmark, params));
  }

  /** One table row for a JMH result. */
  static ObjectNode json(JmhResults.Result r, ObjectNode o) {
    identify(o, r.benchmark(), r.params());
    JmhResults.Metric m = r.primary();
    boolean sampled = "sample".equals(r.mode());
    o.put("mode", r.mode());
    o.put("unit", m.unit() == null ? "" : m.unit());
    o.put("samples", sampled ? m.sampleCount() : 0);
    o.put("steady", SteadySegments.label(m.forks())); // the numbers are of the steady segments (SteadySegments)
    ObjectNode pct = o.putObject("pct");
    for (String p : PERCENTILES) {
      Double v = m.percentiles().get(p);
      if (v == null) {
        continue;
      }
      ObjectNode c = pct.putObject(p);
      if (Double.isFinite(v)) {
        c.put("v", v);
      }
      c.put("t", num(v));
      double level = Double.parseDouble(p.substring(1).replace('_', '.'));
      c.put("thin", sampled && Percentiles.thin(m.sampleCount(), level));
    }
    Double p50 = m.percentiles().get("p50");
    o.put("failed", m.score() == null || !Double.isFinite(m.score()) || (p50 != null && !Double.isFinite(p50)));
    spread(m, sampled, o);
    return o;
  }

  /** Lowest and highest per-fork centre (p50 in sample mode, mean score else); iterations when one fork ran. */
  private static void spread(JmhResults.Metric m, boolean sampled, ObjectNode o) {
    List<Double> forks = new ArrayList<>();
    List<Double> iterations = new ArrayList<>();
    if (sampled && m.histogram() != null) {
      for (List<JmhResults.Iteration> fork : m.histogram()) {
        List<Double> v = new ArrayList<>();
        List<Long> c = new ArrayList<>();
        for (JmhResults.Iteration it : fork) {
          iterations.add(Percentiles.weighted(it.values(), it.counts(), 50));
          for (int i = 0; i < it.values().length; i++) {
            v.add(it.values()[i]);
            c.add(it.counts()[i]);
          }
        }
        forks.add(Percentiles.weighted(v.stream().mapToDouble(Double::doubleValue).toArray(),
            c.stream().mapToLong(Long::longValue).toArray(), 50));
      }
    } else if (m.raw() != null) {
      for (double[] fork : m.raw()) {
        double sum = 0;
        for (double x : fork) {
          iterations.add(x);
          sum += x;
        }
        forks.add(fork.length == 0 ? Double.NaN : sum / fork.length);
      }
    }
    boolean byFork = forks.size() > 1;
    List<Double> use = byFork ? forks : iterations;
    double lo = use.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double hi = use.stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    if (Double.isFinite(lo)) {
      ObjectNode s = o.putObject("spread");
      s.put("lo", lo).put("hi", hi).put("n", use.size()).put("by", byFork ? "fork" : "iteration");
      s.put("t", num(lo) + "–" + num(hi) + " (" + use.size() + " " + (byFork ? "fork" : "iteration")
          + (use.size() == 1 ? "" : "s") + ")");
    }
  }

  /**
   * Benchmark × parameter sets that have no result although each of their values ran elsewhere in the same
   * benchmark: left out as unsupported (the client says why), failed (its samples exist), or absent.
   *
   * @param results the parameters of each result, by benchmark
   * @param trials the parameters of each traced trial, by benchmark (a trial without a result failed)
   */
  static void missing(Map<String, List<Map<String, String>>> results, Map<String, List<Map<String, String>>> trials,
      ArrayNode out) {
    Set<String> benchmarks = new LinkedHashSet<>(results.keySet());
    benchmarks.addAll(trials.keySet());
    for (String b : benchmarks) {
      Map<String, Set<String>> values = new TreeMap<>();
      Set<String> have = new LinkedHashSet<>();
      Set<String> traced = new LinkedHashSet<>();
      for (Map<String, String> p : results.getOrDefault(b, List.of())) {
        p.forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        have.add(Groups.key(b, p));
      }
      for (Map<String, String> p : trials.getOrDefault(b, List.of())) {
        p.forEach((k, v) -> values.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        traced.add(Groups.key(b, p));
      }
      long size = values.values().stream().mapToLong(Set::size).reduce(1, (x, y) -> x * y);
      if (size > MAX_GRID) {
        continue;
      }
      Map<String, Set<String>> urlSchemes = urlSchemes(results.getOrDefault(b, List.of()), trials.getOrDefault(b, List.of()));
      for (Map<String, String> combo : grid(values)) {
        String key = Groups.key(b, combo);
        if (have.contains(key) || otherScheme(combo, urlSchemes)) {
          continue;
        }
        ObjectNode o = out.addObject();
        identify(o, b, combo);
        String why = unsupported(combo);
        o.put("why", why != null ? "left out: " + why
            : traced.contains(key) ? "failed: its trial started but JMH kept no result (see the run's output)"
            : "not in the run");
      }
    }
  }

  /** The schemes each user URL ({@code endpoint} other than builtin) ran under: a URL has its own scheme. */
  private static Map<String, Set<String>> urlSchemes(List<Map<String, String>> results, List<Map<String, String>> trials) {
    Map<String, Set<String>> schemes = new TreeMap<>();
    for (List<Map<String, String>> list : List.of(results, trials)) {
      for (Map<String, String> p : list) {
        String endpoint = p.get("endpoint");
        if (endpoint != null && !endpoint.equals("builtin") && p.containsKey("scheme")) {
          schemes.computeIfAbsent(endpoint, x -> new LinkedHashSet<>()).add(p.get("scheme"));
        }
      }
    }
    return schemes;
  }

  /** A user URL under a scheme that is not its own: never planned, so not missing. */
  private static boolean otherScheme(Map<String, String> combo, Map<String, Set<String>> urlSchemes) {
    String endpoint = combo.get("endpoint");
    Set<String> own = endpoint == null ? null : urlSchemes.get(endpoint);
    return own != null && !own.contains(combo.get("scheme"));
  }

  private static List<Map<String, String>> grid(Map<String, Set<String>> values) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, Set<String>> e : values.entrySet()) {
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String v : e.getValue()) {
          Map<String, String> m = new LinkedHashMap<>(partial);
          m.put(e.getKey(), v);
          next.add(m);
        }
      }
      out = next;
    }
    return out;
  }

  /** The launcher's reason for leaving the combination out (the one rule, protocol and scheme included), or null. */
  private static String unsupported(Map<String, String> params) {
    try {
      Protocol protocol = Protocol.valueOf(params.getOrDefault("protocol", Protocol.h1.name()));
      String scheme = params.get("scheme");
      Combinations.Refusal no = scheme == null ? null : Combinations.of(protocol, scheme);
      if (no == null) {
        no = Combinations.of(ClientKind.valueOf(params.getOrDefault("client", "")),
            Strategy.valueOf(params.getOrDefault("strategy", "")), protocol);
      }
      return no == null ? null : no.why();
    } catch (IllegalArgumentException e) {
      return null; // no client or strategy parameter: nothing to say
    }
  }

  /** As the printed summary writes a percentile: one decimal. */
  static String num(Double v) {
    if (v == null) {
      return "";
    }
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(v);
  }

  static String shortName(String benchmark) {
    int last = benchmark.lastIndexOf('.');
    int prev = last > 0 ? benchmark.lastIndexOf('.', last - 1) : -1;
    return benchmark.substring(prev + 1);
  }
}
