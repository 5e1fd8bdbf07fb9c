package netcalls.trace;

import static netcalls.run.TrialJson.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import netcalls.run.Phase;
import netcalls.run.RunFolder;
import netcalls.run.SampleSchema;

/**
 * Writes a trial's samples as {@code <trial>.csv} and {@code <trial>.json}; see docs/SAMPLES.md.
 * The CSV's columns are {@link SampleSchema}'s, in its order.
 */
public final class SampleWriter {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SampleWriter() {}

  /**
   * Writes both files into the run folder's {@code samples/}; {@code trial} is the file name stem and {@code describe}
   * holds benchmark, mode and params, to which the counts are added.
   */
  public static void write(SampleRecorder r, RunFolder run, String trial, Map<String, Object> describe)
      throws IOException {
    Files.createDirectories(run.samples());
    try (Writer out = Files.newBufferedWriter(run.samplesCsv(trial), StandardCharsets.UTF_8)) {
      writeCsv(r, out);
    }
    Map<String, Object> meta = new LinkedHashMap<>(describe);
    meta.put(CAP, r.cap());
    meta.put(RECORDED, r.recorded());
    meta.put(DROPPED, r.dropped());
    meta.put(WARMUP_RECORDED, false);
    meta.put(CLOCK_BASE, Instant.ofEpochSecond(0, r.clockBaseEpochNanos).toString());
    meta.put(ITERATION_STARTS, r.iterationStarts()); // epoch ns of each measured iteration, for the steady cut
    meta.put(DIGEST, TrialDigest.of(r));
    JSON.writeValue(run.samplesJson(trial).toFile(), meta);
  }

  static void writeCsv(SampleRecorder r, Writer w) throws IOException {
    BufferedWriter out = w instanceof BufferedWriter b ? b : new BufferedWriter(w);
    out.write(SampleSchema.HEADER);
    out.write('\n');
    StringBuilder line = new StringBuilder(256);
    int rows = r.recorded();
    for (int i = 0; i < rows; i++) {
      line.setLength(0);
      CallSite site = r.site(i);
      line.append(r.seq(i)).append(',').append(r.startEpochNanos(i)).append(',');
      cell(line, site.leg().label()).append(',');
      cell(line, site.target()).append(',');
      cell(line, site.endpoint()).append(',');
      if (r.status(i) >= 0) {
        line.append(r.status(i));
      }
      line.append(',').append(r.bytes(i)).append(',');
      if (r.reused(i) >= 0) {
        line.append(r.reused(i) == 1 ? "true" : "false");
      }
      line.append(',').append(r.redirects(i)).append(',');
      for (Phase p : Phase.ALL) {
        long v = r.phaseNanos(p, i);
        if (v >= 0) {
          line.append(v);
        }
        line.append(',');
      }
      line.append(r.durationNanos(i)).append(',');
      if (r.exception(i) != null) {
        line.append(r.exception(i).getName());
      }
      line.append(',');
      if (r.rootCause(i) != null) {
        line.append(r.rootCause(i).getName());
      }
      line.append('\n');
      out.append(line);
    }
    out.flush();
  }

  /** RFC 4180 quoting, only where needed. */
  static StringBuilder cell(StringBuilder b, String value) {
    if (value == null) {
      return b;
    }
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char c = value.charAt(i);
      quote = c == ',' || c == '"' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return b.append(value);
    }
    b.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        b.append('"');
      }
      b.append(c);
    }
    return b.append('"');
  }
}
