package netcalls.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import netcalls.trace.SampleRecorder;
import netcalls.trace.SampleWriter;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/** A trial's sample store: created at setup, switched on for measured iterations, written at teardown. */
final class Tracing {
  static final String RUN_DIR_PROPERTY = "netcalls.run.dir";

  private Tracing() {}

  static SampleRecorder recorder(String trace) {
    return switch (trace) {
      case "on" -> new SampleRecorder(SampleRecorder.capFromSystemProperty());
      case "off" -> null;
      default -> throw new IllegalArgumentException("trace=" + trace + ": use on or off");
    };
  }

  /** Only measured iterations are recorded; warmup calls still go through the same code. */
  static void iteration(SampleRecorder recorder, IterationParams iteration) {
    if (recorder != null) {
      recorder.measuring(iteration.getType() == IterationType.MEASUREMENT);
    }
  }

  /** Writes {@code samples/<trial>.csv|json} into the run folder (or {@code results/adhoc}). */
  static void write(SampleRecorder recorder, BenchmarkParams params) {
    if (recorder == null) {
      return;
    }
    recorder.measuring(false);
    if (recorder.recorded() + recorder.dropped() == 0) {
      throw new IllegalStateException(params.getBenchmark() + ": no measured call was recorded");
    }
    String dir = System.getProperty(RUN_DIR_PROPERTY, "results/adhoc");
    Map<String, String> p = new TreeMap<>();
    for (String key : params.getParamsKeys()) {
      p.put(key, params.getParam(key));
    }
    Map<String, Object> describe = new LinkedHashMap<>();
    describe.put("benchmark", params.getBenchmark());
    describe.put("mode", params.getMode().shortLabel());
    describe.put("params", p);
    describe.put("threads", params.getThreads());
    String shortName = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', params.getBenchmark().lastIndexOf('.') - 1) + 1);
    String trial = shortName + "-" + hash(p.toString()) + "-" + ProcessHandle.current().pid();
    try {
      SampleWriter.write(recorder, Path.of(dir, "samples"), trial, describe);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write samples of " + trial + " under " + dir
          + ": check that the results folder is writable", e);
    }
  }

  private static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
