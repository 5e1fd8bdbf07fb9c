package netcalls.bench;

import static netcalls.run.WarmupJson.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.RunFolder;
import netcalls.steady.WarmupRule;
import org.openjdk.jmh.infra.BenchmarkParams;

/** Writes {@code warmup/<trial>.json}: the rule a trial warmed up by and what happened (docs/SAMPLES.md). */
final class WarmupFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WarmupFile() {}

  static void write(RunFolder run, String trial, BenchmarkParams params, WarmupRule rule, WarmupRule.Outcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(BENCHMARK, params.getBenchmark());
    Map<String, String> values = new TreeMap<>();
    for (String key : params.getParamsKeys()) {
      values.put(key, params.getParam(key));
    }
    m.put(PARAMS, values);
    m.put(CONVERGED, o.converged());
    m.put(ELAPSED_MS, o.elapsedNanos() / 1_000_000);
    m.put(CALLS, o.calls());
    m.put(WINDOW_MEDIANS_NS, o.medians());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put(WINDOW_MS, rule.windowNanos / 1_000_000);
    r.put(MIN_CALLS, rule.minCalls);
    r.put(STABLE_WINDOWS, rule.stableWindows);
    r.put(TOLERANCE, rule.tolerance);
    r.put(MIN_MS, rule.minNanos / 1_000_000);
    r.put(CAP_MS, rule.capNanos / 1_000_000);
    m.put(RULE, r);
    Path file = run.warmupJson(trial);
    try {
      Files.createDirectories(file.getParent());
      JSON.writeValue(file.toFile(), m);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": check that the results folder is writable", e);
    }
  }
}
