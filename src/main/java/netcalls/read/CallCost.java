package netcalls.read;

import static netcalls.run.TrialJson.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.RunFolder;

/**
 * One fork's cost per call ({@code cost} of samples/&lt;trial&gt;.json, docs/SAMPLES.md): bytes allocated and CPU
 * time over its measured iterations by thread group (client, server, rest), divided by its measured calls.
 *
 * @param processCpuNsPerCall the whole JVM's CPU per call (GC, JIT and ended threads included); NaN when unknown
 * @param threadsEnded threads that ended within the measured iterations, whose counts the groups lost
 * @param allThreadsAllocPerCall JVM-wide allocation per call with ended threads counted (JDK 21+); NaN when unknown
 */
public record CallCost(String trial, String benchmark, Map<String, String> params, long calls,
    Map<String, Double> allocPerCall, Map<String, Double> cpuNsPerCall, double processCpuNsPerCall,
    long threadsEnded, double allThreadsAllocPerCall) {

  /** The key a JMH result has too: benchmark and parameters. */
  public String key() {
    return key(benchmark, params);
  }

  public static String key(String benchmark, Map<String, String> params) {
    return benchmark + " " + new TreeMap<>(params);
  }

  /** Bytes allocated per call by every thread counted (client + server + rest). */
  public double allocTotal() {
    return allocPerCall.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  public double cpuTotal() {
    return cpuNsPerCall.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The costs of every trial of the run that has one, in file order; a bad {@code cost} is an error, the rest kept. */
  public static List<CallCost> readAll(RunFolder run, Problems problems) {
    List<CallCost> out = new ArrayList<>();
    Path samples = run.samples();
    if (!Files.isDirectory(samples)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples, "*" + RunFolder.JSON_SUFFIX)) {
      ds.forEach(files::add);
    } catch (IOException e) {
      return out; // RunReader.trials says the folder cannot be listed
    }
    files.sort(null);
    for (Path f : files) {
      CallCost c = read(f, problems);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /** Null when the file has no cost (trace=off, or written before netcalls kept it) or cannot be read. */
  static CallCost read(Path json, Problems problems) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(json.toFile());
    } catch (IOException e) {
      return null; // Trial.read says what is wrong with the file
    }
    if (n == null || !n.has(COST)) {
      return null;
    }
    try {
      JsonNode c = n.get(COST);
      if (!c.isObject()) {
        throw new Json.BadField(COST, "expected an object");
      }
      Long calls = Json.integer(c, COST_CALLS);
      if (calls == null || calls <= 0) {
        return null; // no measured call: nothing per call
      }
      Long process = Json.integer(c, COST_PROCESS_CPU_NS);
      Long ended = Json.integer(c, COST_THREADS_ENDED);
      Long all = Json.integer(c, COST_ALL_THREADS_ALLOC_BYTES);
      return new CallCost(RunFolder.trialOf(json), Json.benchmark(n), Json.params(n), calls,
          perCall(c, COST_ALLOC_BYTES, calls), perCall(c, COST_CPU_NS, calls),
          process == null ? Double.NaN : (double) process / calls, ended == null ? 0 : ended,
          all == null ? Double.NaN : (double) all / calls);
    } catch (Json.BadField e) {
      problems.error(json + ": " + COST + ": " + e.getMessage() + "; its cost per call is left out: fix the file"
          + " (docs/SAMPLES.md) or re-run the trial");
      return null;
    }
  }

  private static Map<String, Double> perCall(JsonNode cost, String field, long calls) throws Json.BadField {
    JsonNode m = cost.get(field);
    if (m == null || !m.isObject()) {
      throw new Json.BadField(field, "expected an object of " + COST_GROUPS + " totals");
    }
    Map<String, Double> out = new LinkedHashMap<>();
    for (String g : COST_GROUPS) {
      JsonNode v0 = m.get(g);
      Long v = v0 != null && v0.isIntegralNumber() && v0.canConvertToLong() ? v0.longValue() : null;
      if (v == null || v < 0) {
        throw new Json.BadField(field + "." + g, "expected a whole number >= 0, found " + m.get(g));
      }
      out.put(g, (double) v / calls);
    }
    return out;
  }

  /** The median of each fork's value: the number shown for a benchmark × parameter set. */
  public static double median(List<CallCost> forks, java.util.function.ToDoubleFunction<CallCost> value) {
    double[] v = forks.stream().mapToDouble(value).filter(d -> !Double.isNaN(d)).sorted().toArray();
    if (v.length == 0) {
      return Double.NaN;
    }
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** The forks' costs by {@link #key()}, in file order. */
  public static Map<String, List<CallCost>> byKey(List<CallCost> costs) {
    Map<String, List<CallCost>> out = new LinkedHashMap<>();
    costs.forEach(c -> out.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c));
    return out;
  }
}
