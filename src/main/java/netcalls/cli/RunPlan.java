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
    RunPlan plan = new RunPlan();
    for (Map.Entry<String, Map<String, String[]>> b : benchmarks.entrySet()) {
      Map<String, String[]> declared = b.getValue();
      Function<String, Collection<String>> given = key -> override.apply(b.getKey(), key);
      if (!declared.containsKey("client") || !declared.containsKey("strategy")) {
        plan.runs.add(new Run(b.getKey(), Map.of()));
        continue;
      }
      List<String> clients = values("client", declared, given);
      List<String> strategies = values("strategy", declared, given);
      if (declared.containsKey("protocol")) {
        plan.byProtocol(b.getKey(), clients, strategies, values("protocol", declared, given),
            declared.containsKey("scheme") ? values("scheme", declared, given) : null);
        continue;
      }
      for (String c : clients) {
        ClientKind kind = ClientKind.parse(c);
        List<String> supported = new ArrayList<>();
        for (String s : strategies) {
          String why = kind.unsupported(parseStrategy(s));
          if (why == null) {
            supported.add(s);
          } else {
            plan.leftOut.add(b.getKey() + ": client=" + c + " strategy=" + s + " left out: " + why);
          }
        }
        if (!supported.isEmpty()) {
          Map<String, List<String>> params = new LinkedHashMap<>();
          params.put("client", List.of(c));
          params.put("strategy", supported);
          plan.runs.add(new Run(b.getKey(), params));
        }
      }
    }
    return plan;
  }

  /**
   * One run per client × protocol, each with the strategies that client can do over that protocol
   * and, for HTTP/2, only the scheme the protocol needs (h2: https, h2c: http); h1 keeps every
   * scheme, as a benchmark without a protocol parameter does. Each reason is said once.
   */
  private void byProtocol(String benchmark, List<String> clients, List<String> strategies, List<String> protocols,
      List<String> schemes) {
    for (String p : protocols) {
      Protocol protocol = Protocol.parse(p);
      List<String> fitting = null;
      if (schemes != null) {
        fitting = new ArrayList<>();
        for (String scheme : schemes) {
          String why = protocol.unsupported(scheme);
          if (why == null) {
            fitting.add(scheme);
          } else {
            leaveOut(benchmark + ": protocol=" + p + " scheme=" + scheme + " left out: " + why);
          }
        }
        if (fitting.isEmpty()) {
          continue;
        }
      }
      for (String c : clients) {
        ClientKind kind = ClientKind.parse(c);
        String why = kind.unsupported(protocol);
        if (why != null) {
          leaveOut(benchmark + ": client=" + c + " protocol=" + p + " left out: " + why);
          continue;
        }
        List<String> supported = new ArrayList<>();
        for (String s : strategies) {
          Strategy strategy = parseStrategy(s);
          String own = kind.unsupported(strategy);
          String overProtocol = protocol.unsupported(strategy);
          if (own != null) {
            leaveOut(benchmark + ": client=" + c + " strategy=" + s + " left out: " + own);
          } else if (overProtocol != null) {
            leaveOut(benchmark + ": strategy=" + s + " protocol=" + p + " left out: " + overProtocol);
          } else {
            supported.add(s);
          }
        }
        if (!supported.isEmpty()) {
          Map<String, List<String>> params = new LinkedHashMap<>();
          params.put("client", List.of(c));
          params.put("protocol", List.of(p));
          params.put("strategy", supported);
          if (protocol.isHttp2() && fitting != null) {
            params.put("scheme", fitting);
          }
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
