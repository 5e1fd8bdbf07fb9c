package netcalls.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import netcalls.client.ClientKind;
import netcalls.client.Combinations;
import netcalls.client.Protocol;
import netcalls.client.Strategy;

/**
 * Splits a selection of benchmarks into JMH runs so that client × strategy (and, where a benchmark
 * has a {@code protocol}, client × protocol, strategy × protocol and protocol × scheme) combinations
 * that cannot be done are left out (one line each), never run as something else. Pure: takes the
 * benchmarks' declared parameters and the {@code -p} overrides, returns the runs.
 */
final class RunPlan {

  /** One JMH run: a single benchmark with parameter overrides. */
  record Run(String benchmark, Map<String, List<String>> params) {
    /** How many results this run should produce: the product of its parameter value counts. */
    int expectedResults(Map<String, String[]> declared) {
      int n = 1;
      for (Map.Entry<String, String[]> e : declared.entrySet()) {
        List<String> override = params.get(e.getKey());
        n *= override != null ? override.size() : e.getValue().length;
      }
      return n;
    }
  }

  final List<Run> runs = new ArrayList<>();
  final List<String> leftOut = new ArrayList<>();

  /**
   * @param benchmarks name → declared params (values as the annotations give them)
   * @param override   (benchmark, parameter) → the value list to run instead of the declared one, or null
   */
  static RunPlan of(Map<String, Map<String, String[]>> benchmarks, BiFunction<String, String, Collection<String>> override) {
    return of(benchmarks, override, Map.of());
  }

  /**
   * @param urlSchemes the {@code --url} labels and each one's scheme, in order; empty for the
   *                   built-in paths. A benchmark with an {@code endpoint} parameter gets one run
   *                   per scheme, with the labels of that scheme, so no URL runs under a wrong
   *                   {@code scheme} parameter.
   */
  static RunPlan of(Map<String, Map<String, String[]>> benchmarks, BiFunction<String, String, Collection<String>> override,
      Map<String, String> urlSchemes) {
    RunPlan plan = new RunPlan();
    for (Map.Entry<String, Map<String, String[]>> b : benchmarks.entrySet()) {
      Map<String, String[]> declared = b.getValue();
      Function<String, Collection<String>> given = key -> override.apply(b.getKey(), key);
      List<Map<String, List<String>>> splits = declared.containsKey("endpoint") ? byScheme(urlSchemes) : List.of(Map.of());
      if (!declared.containsKey("client") || !declared.containsKey("strategy")) {
        splits.forEach(split -> plan.runs.add(new Run(b.getKey(), split)));
        continue;
      }
      List<String> clients = values("client", declared, given);
      List<String> strategies = values("strategy", declared, given);
      if (declared.containsKey("protocol")) {
        for (Map<String, List<String>> split : splits) {
          List<String> schemes = split.containsKey("scheme") ? split.get("scheme")
              : declared.containsKey("scheme") ? values("scheme", declared, given) : null;
          plan.byProtocol(b.getKey(), clients, strategies, values("protocol", declared, given), schemes,
              given.apply("scheme") != null, split);
        }
        continue;
      }
      for (String c : clients) {
        ClientKind kind = ClientKind.parse(c);
        List<String> supported = new ArrayList<>();
        for (String s : strategies) {
          // no protocol parameter: the benchmark speaks HTTP/1.1, so only the client's own limits apply
          Combinations.Refusal no = Combinations.of(kind, parseStrategy(s), Protocol.h1);
          if (no == null) {
            supported.add(s);
          } else {
            plan.leftOut.add(no.leftOut(b.getKey()));
          }
        }
        if (!supported.isEmpty()) {
          for (Map<String, List<String>> split : splits) {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("client", List.of(c));
            params.put("strategy", supported);
            params.putAll(split);
            plan.runs.add(new Run(b.getKey(), params));
          }
        }
      }
    }
    return plan;
  }

  /** {endpoint: labels, scheme: [scheme]} per scheme, in the order the labels came; one empty split without URLs. */
  private static List<Map<String, List<String>>> byScheme(Map<String, String> urlSchemes) {
    if (urlSchemes.isEmpty()) {
      return List.of(Map.of());
    }
    Map<String, List<String>> labels = new LinkedHashMap<>();
    urlSchemes.forEach((label, scheme) -> labels.computeIfAbsent(scheme, k -> new ArrayList<>()).add(label));
    List<Map<String, List<String>>> splits = new ArrayList<>();
    labels.forEach((scheme, names) -> {
      Map<String, List<String>> split = new LinkedHashMap<>();
      split.put("endpoint", names);
      split.put("scheme", List.of(scheme));
      splits.add(split);
    });
    return splits;
  }

  /**
   * One run per client × protocol, each with the strategies that client can do over that protocol
   * and, for HTTP/2, only the scheme the protocol needs (h2: https, h2c: http); h1 keeps every
   * scheme, as a benchmark without a protocol parameter does. Each reason is said once.
   */
  private void byProtocol(String benchmark, List<String> clients, List<String> strategies, List<String> protocols,
      List<String> schemes, boolean schemesGiven, Map<String, List<String>> split) {
    for (String p : protocols) {
      Protocol protocol = Protocol.parse(p);
      List<String> fitting = null;
      if (schemes != null) {
        fitting = new ArrayList<>();
        for (String scheme : schemes) {
          Combinations.Refusal no = Combinations.of(protocol, scheme);
          if (no == null) {
            fitting.add(scheme);
          } else {
            leaveOut(no.leftOut(benchmark));
          }
        }
        if (fitting.isEmpty()) {
          continue;
        }
      }
      for (String c : clients) {
        ClientKind kind = ClientKind.parse(c);
        List<String> supported = new ArrayList<>();
        for (String s : strategies) {
          Combinations.Refusal no = Combinations.of(kind, parseStrategy(s), protocol);
          if (no == null) {
            supported.add(s);
          } else {
            leaveOut(no.leftOut(benchmark)); // a client's protocol refusal is said once, not per strategy
          }
        }
        if (!supported.isEmpty()) {
          Map<String, List<String>> params = new LinkedHashMap<>();
          params.put("client", List.of(c));
          params.put("protocol", List.of(p));
          params.put("strategy", supported);
          // HTTP/2 narrows the schemes; a given list (the default suite's, which JMH's own -p does not carry) is kept
          if ((protocol.isHttp2() || schemesGiven) && fitting != null) {
            params.put("scheme", fitting);
          }
          params.putAll(split); // a --url split: its labels under their one scheme
          runs.add(new Run(benchmark, params));
        }
      }
    }
  }

  private void leaveOut(String line) {
    if (!leftOut.contains(line)) {
      leftOut.add(line);
    }
  }

  private static List<String> values(String key, Map<String, String[]> declared, Function<String, Collection<String>> override) {
    Collection<String> given = override.apply(key);
    return given != null ? new ArrayList<>(given) : Arrays.asList(declared.get(key));
  }

  static Strategy parseStrategy(String name) {
    try {
      return Strategy.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown strategy '" + name + "': use one of " + Arrays.toString(Strategy.values()));
    }
  }
}
