package netcalls.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.run.RunFolder;
import org.HdrHistogram.Histogram;

/**
 * Writes a trial's open-loop outcome into the run folder: {@code openloop/<trial>.json} (the
 * numbers and the verdict) and the corrected and uncorrected distributions as
 * {@code <trial>.corrected.hgrm} / {@code <trial>.uncorrected.hgrm} in HdrHistogram's percentile
 * format, values in microseconds, so existing plotters read them.
 */
public final class LoadReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LoadReport() {}

  /**
   * The JSON of a trial. When the load did not happen as asked (rate not reached, error budget
   * exceeded) the latency percentiles are null and {@code problems} says why: numbers for a load
   * that never happened are not reported. The .hgrm files are written either way, for diagnosis.
   */
  public static Map<String, Object> describe(LoadOutcome o, double errorBudget, Map<String, Object> trial) {
    List<String> problems = o.problems(errorBudget);
    Map<String, Object> m = new LinkedHashMap<>(trial);
    m.put("status", problems.isEmpty() ? "ok" : "not_valid");
    m.put("problems", problems);
    m.put("intended_rate", o.intendedRate());
    m.put("achieved_rate", round(o.achievedRate()));
    m.put("rate_reached", o.rateReached());
    m.put("rate_tolerance", LoadOutcome.RATE_TOLERANCE);
    m.put("scheduled", o.scheduled());
    m.put("ok", o.ok());
    m.put("failed", o.failed());
    m.put("timeouts", o.timeouts() + o.unfinished());
    m.put("unfinished", o.unfinished());
    m.put("failures", o.failures());
    m.put("error_fraction", o.errorFraction());
    m.put("error_budget", errorBudget);
    m.put("elapsed_s", round(o.elapsedNanos() / 1e9));
    m.put("process_cpu_s", round(o.cpuNanos() / 1e9));
    m.put("cores_used", round(o.coresUsed()));
    m.put("corrected_us", problems.isEmpty() ? LoadOutcome.percentilesMicros(o.corrected()) : null);
    m.put("uncorrected_us", problems.isEmpty() ? LoadOutcome.percentilesMicros(o.uncorrected()) : null);
    m.put("send_lag_us", LoadOutcome.percentilesMicros(o.sendLag()));
    return m;
  }

  /** Writes the three files; returns the JSON's path. */
  public static Path write(RunFolder run, String trialName, LoadOutcome o, double errorBudget,
      Map<String, Object> trial) throws IOException {
    Path dir = run.openloop();
    Files.createDirectories(dir);
    writeHgrm(dir.resolve(trialName + ".corrected.hgrm"), o.corrected());
    writeHgrm(dir.resolve(trialName + ".uncorrected.hgrm"), o.uncorrected());
    Path json = dir.resolve(trialName + ".json");
    JSON.writeValue(json.toFile(), describe(o, errorBudget, trial));
    return json;
  }

  static void writeHgrm(Path file, Histogram h) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8)) {
      // 5 ticks per half distance, as HdrHistogram's own tools write it; ns in, µs out
      h.outputPercentileDistribution(ps, 5, 1000.0);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
