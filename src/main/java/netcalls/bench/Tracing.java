package netcalls.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import netcalls.export.line.Tags;
import netcalls.export.sink.LiveSender;
import netcalls.run.ForkProperties;
import netcalls.run.TrialJson;
import netcalls.trace.SampleRecorder;
import netcalls.trace.SampleWriter;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * A trial's samples: the store made at setup (with the fork's {@code samplesCap}), switched on for
 * measured iterations, streamed live when the fork's {@code live} names a Telegraf listener,
 * written to the run folder at teardown.
 */
final class Tracing {
  private final SampleRecorder recorder;
  private final BenchmarkParams params;
  private final Map<String, String> paramValues = new TreeMap<>();
  private final LiveSender live;
  private final ForkProperties fork;

  private Tracing(String trace, BenchmarkParams params, ForkProperties fork) throws IOException {
    this.fork = fork;
    this.recorder = switch (trace) {
      case "on" -> new SampleRecorder(fork.samplesCap());
      case "off" -> null;
      default -> throw new IllegalArgumentException("trace=" + trace + ": use on or off");
    };
    this.params = params;
    for (String key : params.getParamsKeys()) {
      paramValues.put(key, params.getParam(key));
    }
    live = recorder != null && fork.live() != null
        ? LiveSender.start(recorder, runTags(), params.getBenchmark(), params.getMode().shortLabel(), paramValues,
            fork.live())
        : null;
  }

  static Tracing start(String trace, BenchmarkParams params, ForkProperties fork) throws IOException {
    return new Tracing(trace, params, fork);
  }

  /** The store calls are recorded into, or null with {@code trace=off}. */
  SampleRecorder recorder() {
    return recorder;
  }

  /** Only measured iterations are recorded; warmup calls still go through the same code. */
  void iteration(IterationParams iteration) {
    if (recorder != null) {
      boolean measured = iteration.getType() == IterationType.MEASUREMENT;
      if (measured) {
        recorder.markIteration();
      }
      recorder.measuring(measured);
    }
  }

  /** The tags the exporter takes from run.json, as the launcher fills it in. */
  private Map<String, String> runTags() throws IOException {
    return Tags.run(fork.runFolder().runId(), System.getProperty("java.version"),
        InetAddress.getLocalHost().getHostName());
  }

  /**
   * Stops live streaming and writes {@code samples/<trial>.csv|json} into the run folder, with {@code extra}'s
   * entries (the trial's cost) in the JSON.
   */
  void finish(Map<String, Object> extra) {
    if (recorder == null) {
      return;
    }
    recorder.measuring(false);
    if (live != null) {
      try {
        live.close();
      } catch (IOException e) {
        // live points are best effort; the files below are the record
      }
    }
    if (recorder.recorded() + recorder.dropped() == 0) {
      throw new IllegalStateException(params.getBenchmark() + ": no measured call was recorded");
    }
    Map<String, Object> describe = new LinkedHashMap<>();
    describe.put(TrialJson.BENCHMARK, params.getBenchmark());
    describe.put(TrialJson.MODE, params.getMode().shortLabel());
    describe.put(TrialJson.PARAMS, paramValues);
    describe.put(TrialJson.THREADS, params.getThreads());
    if (live != null) {
      describe.put(TrialJson.LIVE, live.counts().asMap()); // what was sent, to compare with "recorded"
    }
    describe.putAll(extra);
    String trial = trialName(params);
    try {
      SampleWriter.write(recorder, fork.runFolder(), trial, describe);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write samples of " + trial + " under " + fork.runDir()
          + ": check that the results folder is writable", e);
    }
  }

  /** The trial's file name in the run folder: {@code Class.method-<params hash>-<pid>}. */
  static String trialName(BenchmarkParams params) {
    Map<String, String> values = new TreeMap<>();
    for (String key : params.getParamsKeys()) {
      values.put(key, params.getParam(key));
    }
    String name = params.getBenchmark();
    String shortName = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
    return shortName + "-" + hash(values.toString()) + "-" + ProcessHandle.current().pid();
  }

  static String hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
