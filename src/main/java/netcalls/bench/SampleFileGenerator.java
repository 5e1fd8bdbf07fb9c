package netcalls.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import netcalls.run.RunFolder;
import netcalls.run.RunJson;
import netcalls.run.TrialJson;

/**
 * Writes a synthetic run folder (docs/SAMPLES.md) with one trial of {@code rows} samples shaped like
 * real ones (a new connection every 100 requests, a failure every 1000), for the export benchmark and
 * scripts/export-heap.sh:
 * <pre>java -cp target/benchmarks.jar netcalls.bench.SampleFileGenerator RUN_DIR ROWS</pre>
 */
public final class SampleFileGenerator {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SampleFileGenerator() {}

  public static void write(Path runDir, long rows) throws IOException {
    RunFolder run = RunFolder.of(runDir);
    Files.createDirectories(run.samples());
    Map<String, Object> info = new LinkedHashMap<>();
    info.put(RunJson.RUN_ID, "synthetic");
    info.put(RunJson.START, "2026-11-23T09:21:00Z");
    info.put(RunJson.END, "2026-11-23T10:21:00Z");
    info.put(RunJson.JDK, "17.0.15");
    info.put(RunJson.HOST, "bench");
    info.put(RunJson.TARGET, "built-in");
    info.put(RunJson.RECORDED_SAMPLES, rows);
    info.put(RunJson.DROPPED_SAMPLES, 0);
    JSON.writeValue(run.runJson().toFile(), info);
    // JMH's own format: its field names are JMH's
    Files.writeString(run.jmhJson(), "[{\"benchmark\":\"netcalls.bench.RequestLatency.request\","
        + "\"mode\":\"sample\",\"threads\":1,\"forks\":1,\"params\":{\"client\":\"okhttp\",\"strategy\":\"reuse\","
        + "\"scheme\":\"http\",\"size\":\"1024\",\"trace\":\"on\"}," // the trial's parameters: its result
        + "\"primaryMetric\":{\"score\":95.25,\"scoreError\":1.5,\"scoreConfidence\":[93.75,96.75],"
        + "\"scoreUnit\":\"us/op\",\"rawDataHistogram\":[[[[95.25," + rows + "]]]]},\"secondaryMetrics\":{}}]\n");
    String trial = "RequestLatency.request-1a2b3c4d-1";
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("client", "okhttp");
    params.put("strategy", "reuse");
    params.put("scheme", "http");
    params.put("size", "1024");
    params.put("trace", "on");
    Map<String, Object> describe = new LinkedHashMap<>();
    describe.put(TrialJson.BENCHMARK, "netcalls.bench.RequestLatency.request");
    describe.put(TrialJson.MODE, "sample");
    describe.put(TrialJson.PARAMS, params);
    describe.put(TrialJson.THREADS, 1);
    describe.put(TrialJson.RECORDED, rows);
    describe.put(TrialJson.DROPPED, 0);
    describe.put(TrialJson.CLOCK_BASE, "2026-11-23T09:21:03Z");
    JSON.writeValue(run.samplesJson(trial).toFile(), describe);
    SplittableRandom rnd = new SplittableRandom(42);
    long t = 1795425663000000000L;
    try (BufferedWriter w = Files.newBufferedWriter(run.samplesCsv(trial), StandardCharsets.UTF_8)) {
      w.write(String.join(",", netcalls.run.SampleSchema.COLUMNS));
      w.write('\n');
      StringBuilder sb = new StringBuilder(256);
      for (long seq = 0; seq < rows; seq++) {
        boolean fresh = seq % 100 == 0;
        boolean failed = seq % 1000 == 999;
        long sending = 10_000 + rnd.nextInt(20_000);
        long waiting = 40_000 + rnd.nextInt(60_000);
        long receiving = 5_000 + rnd.nextInt(10_000);
        long dns = fresh ? 100_000 + rnd.nextInt(100_000) : -1;
        long connecting = fresh ? 50_000 + rnd.nextInt(50_000) : -1;
        long duration = sending + waiting + receiving + Math.max(0, dns) + Math.max(0, connecting) + rnd.nextInt(5_000);
        sb.setLength(0);
        sb.append(seq).append(',').append(t).append(",,localhost:41234,").append(failed ? "status" : "bytes")
            .append(',').append(failed ? 500 : 200).append(',').append(failed ? 21 : 1024).append(',')
            .append(!fresh).append(",0,,");
        if (dns >= 0) {
          sb.append(dns);
        }
        sb.append(',');
        if (connecting >= 0) {
          sb.append(connecting);
        }
        sb.append(",,").append(sending).append(',').append(waiting).append(',').append(receiving).append(',')
            .append(duration).append(',');
        if (failed) {
          sb.append("java.io.IOException,java.io.IOException");
        } else {
          sb.append(',');
        }
        sb.append('\n');
        w.append(sb);
        t += duration + rnd.nextInt(2_000);
      }
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: SampleFileGenerator RUN_DIR ROWS");
      System.exit(2);
    }
    write(Path.of(args[0]), Long.parseLong(args[1]));
  }
}
