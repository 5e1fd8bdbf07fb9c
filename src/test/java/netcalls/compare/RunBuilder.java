package netcalls.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes small run folders in the shape JMH and the launcher write them (jmh.json results, run.json, trial
 * JSON with a digest): the tests' real files, without running JMH.
 */
public final class RunBuilder {
  public static final ObjectMapper JSON = new ObjectMapper();
  public static final String REQUEST = "netcalls.bench.RequestLatency.request";
  public static final Map<String, String> OKHTTP = Map.of("client", "okhttp", "strategy", "reuse", "scheme", "http");
  public static final Map<String, String> AHC = Map.of("client", "ahc", "strategy", "reuse", "scheme", "http");

  private final Path dir;
  private final ArrayNode results = JSON.createArrayNode();
  private final ObjectNode run = JSON.createObjectNode();
  private int trials;
  private long measurementIterations = 3;
  private String measurementTime = "1 s";

  public RunBuilder(Path dir) {
    this.dir = dir;
    run.put("runId", dir.getFileName().toString());
    // a finished run: the launcher writes end last
    run.put("start", "2026-11-20T01:00:00Z").put("end", "2026-11-20T01:30:00Z").put("exitCode", 0);
    testbed("AMD EPYC", 2, "6.1.0", "17.0.15");
  }

  public RunBuilder testbed(String cpu, int cores, String kernel, String jdk) {
    run.put("cpuModel", cpu).put("cores", cores).put("kernel", kernel).put("jdk", jdk);
    return this;
  }

  /** The client libraries' versions, as run.json's "clients". */
  public RunBuilder clients(String clients) {
    run.put("clients", clients);
    return this;
  }

  /** When the run started and ended (ISO-8601 instants). */
  public RunBuilder times(String start, String end) {
    run.put("start", start).put("end", end);
    return this;
  }

  /** A run that did not finish: run.json without its end. */
  public RunBuilder unfinished() {
    run.remove("end");
    return this;
  }

  public RunBuilder noTestbed() {
    run.remove("cpuModel");
    return this;
  }

  public RunBuilder options(long iterations, String time) {
    measurementIterations = iterations;
    measurementTime = time;
    return this;
  }

  /**
   * Iterations per fork that {@link #sample} writes and {@link #scores} fills its given iterations up to (by
   * repeating them): {@value netcalls.steady.SteadyState#MIN_POINTS} by default, so each fork is classified (flat)
   * and gated; fewer leave the forks' steady state not checked.
   */
  public RunBuilder iterationsPerFork(int n) {
    iterationsPerFork = n;
    return this;
  }

  private int iterationsPerFork = netcalls.steady.SteadyState.MIN_POINTS;
  private long[] counts = {10, 30, 2};
  private double tailFactor = 1.5;

  /**
   * The samples of each iteration {@link #sample} writes: below, at and above the median (10, 30 and 2 by default:
   * 42 an iteration, 1260 a fork of 30 iterations, whose p99 rests on 12.6 samples); and the top bin's value, the
   * p99, as a multiple of the median (1.5 by default).
   */
  public RunBuilder histogram(long below, long at, long above, double tailFactor) {
    this.counts = new long[] {below, at, above};
    this.tailFactor = tailFactor;
    return this;
  }

  /**
   * A sample-mode result; one fork per value in {@code p50s}, each fork {@link #iterationsPerFork} iterations whose
   * histograms put the median at that value and the tail at 1.5 times it (see {@link #histogram}).
   */
  public RunBuilder sample(String benchmark, Map<String, String> params, String unit, double... p50s) {
    ObjectNode r = result(benchmark, "sample", params, p50s.length);
    ObjectNode pm = r.putObject("primaryMetric");
    pm.put("score", p50s[0]).put("scoreUnit", unit);
    ArrayNode forks = pm.putArray("rawDataHistogram");
    for (double c : p50s) {
      ArrayNode fork = forks.addArray();
      for (int it = 0; it < iterationsPerFork; it++) {
        ArrayNode h = fork.addArray();
        h.addArray().add(c * 0.9).add(counts[0]);
        h.addArray().add(c).add(counts[1]);
        h.addArray().add(c * tailFactor).add(counts[2]);
      }
    }
    return this;
  }

  /**
   * A sample-mode result whose forks have the given per-iteration medians ({@code forks[f][i]}: fork f's iteration
   * i), each iteration's histogram shaped as in {@link #sample}: for series with a warm-up, a slowdown or no steady
   * state.
   */
  public RunBuilder sampleSeries(String benchmark, Map<String, String> params, String unit, double[]... series) {
    ObjectNode r = result(benchmark, "sample", params, series.length);
    ObjectNode pm = r.putObject("primaryMetric");
    pm.put("score", series[0][series[0].length - 1]).put("scoreUnit", unit);
    ArrayNode forks = pm.putArray("rawDataHistogram");
    for (double[] its : series) {
      ArrayNode fork = forks.addArray();
      for (double c : its) {
        ArrayNode h = fork.addArray();
        h.addArray().add(c * 0.9).add(10);
        h.addArray().add(c).add(30);
        h.addArray().add(c * 1.5).add(2);
      }
    }
    return this;
  }

  /** A result of another mode ({@code avgt}, {@code thrpt}): {@code forks[f]} holds fork f's iteration scores. */
  public RunBuilder scores(String benchmark, String mode, Map<String, String> params, String unit, double[]... forks) {
    ObjectNode r = result(benchmark, mode, params, forks.length);
    ObjectNode pm = r.putObject("primaryMetric");
    pm.put("score", forks[0][0]).put("scoreUnit", unit);
    ArrayNode raw = pm.putArray("rawData");
    for (double[] f : forks) {
      ArrayNode a = raw.addArray();
      for (int i = 0; i < Math.max(f.length, iterationsPerFork); i++) {
        a.add(f[i % f.length]);
      }
    }
    return this;
  }

  /** One trial (fork) of samples with its digest: phase medians in nanoseconds. */
  public RunBuilder trial(String benchmark, Map<String, String> params, Map<String, Long> phaseMediansNs) {
    ObjectNode t = JSON.createObjectNode();
    t.put("benchmark", benchmark).put("mode", "sample");
    ObjectNode p = t.putObject("params");
    params.forEach(p::put);
    ObjectNode med = t.putObject("digest").putObject("phaseMedians");
    phaseMediansNs.forEach((k, v) -> med.put(k + "_ns", v));
    String name = "samples/" + shortName(benchmark) + "-0000000" + trials + "-" + (4000 + trials++);
    write(name + ".json", t.toString());
    write(name + ".csv", netcalls.run.SampleSchema.HEADER + "\n"); // its samples are in the digest

    return this;
  }

  /** One trial whose JSON has no digest, so its CSV is read. */
  public RunBuilder trialCsv(String benchmark, Map<String, String> params, String csv) {
    ObjectNode t = JSON.createObjectNode();
    t.put("benchmark", benchmark).put("mode", "sample").put("recorded", csv.lines().count() - 1);
    ObjectNode p = t.putObject("params");
    params.forEach(p::put);
    String name = "samples/" + shortName(benchmark) + "-0000000" + trials + "-" + (4000 + trials++);
    write(name + ".json", t.toString());
    write(name + ".csv", csv);
    return this;
  }

  /**
   * One trial (fork) with only its cost per call ({@code cost}, docs/SAMPLES.md) over {@code calls} calls: the
   * client's bytes and CPU ns per call, the server's and the rest's a fixed share of them.
   */
  public RunBuilder costTrial(String benchmark, Map<String, String> params, long calls, double clientBytesPerCall,
      double clientCpuNsPerCall) {
    ObjectNode t = JSON.createObjectNode();
    t.put("benchmark", benchmark).put("mode", "sample");
    ObjectNode p = t.putObject("params");
    params.forEach(p::put);
    ObjectNode cost = t.putObject("cost");
    cost.put("calls", calls);
    cost.putObject("allocBytes").put("client", Math.round(clientBytesPerCall * calls))
        .put("server", Math.round(clientBytesPerCall * calls / 4)).put("rest", Math.round(clientBytesPerCall * calls / 20));
    cost.putObject("cpuNs").put("client", Math.round(clientCpuNsPerCall * calls))
        .put("server", Math.round(clientCpuNsPerCall * calls / 2)).put("rest", Math.round(clientCpuNsPerCall * calls / 10));
    cost.put("processCpuNs", Math.round(clientCpuNsPerCall * calls * 2)).put("threadsEnded", 0);
    String name = "samples/" + shortName(benchmark) + "-c000000" + trials + "-" + (4000 + trials++);
    write(name + ".json", t.toString());
    write(name + ".csv", netcalls.run.SampleSchema.HEADER + "\n");
    return this;
  }

  public Path write() {
    write("jmh.json", results.toPrettyString());
    write("run.json", run.toString());
    return dir;
  }

  public void write(String relative, String content) {
    try {
      Path f = dir.resolve(relative);
      Files.createDirectories(f.getParent());
      Files.writeString(f, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode result(String benchmark, String mode, Map<String, String> params, int forks) {
    ObjectNode r = results.addObject();
    r.put("jmhVersion", "1.37").put("benchmark", benchmark).put("mode", mode).put("threads", 1).put("forks", forks)
        .put("jdkVersion", "17.0.15").put("warmupIterations", 2).put("warmupTime", "1 s").put("warmupBatchSize", 1)
        .put("measurementIterations", measurementIterations).put("measurementTime", measurementTime)
        .put("measurementBatchSize", 1);
    ObjectNode p = r.putObject("params");
    params.forEach(p::put);
    return r;
  }

  private static String shortName(String benchmark) {
    return new Key(benchmark, "", new java.util.TreeMap<>()).shortName();
  }
}
