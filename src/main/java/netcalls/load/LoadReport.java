package netcalls.load;

import static netcalls.run.OpenLoopJson.*;

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
    m.put(STATUS, problems.isEmpty() ? STATUS_OK : STATUS_NOT_VALID);
    m.put(PROBLEMS, problems);
    m.put(INTENDED_RATE, o.intendedRate());
    m.put(ACHIEVED_RATE, round(o.achievedRate()));
    m.put(RATE_REACHED, o.rateReached());
    m.put(RATE_TOLERANCE, LoadOutcome.RATE_TOLERANCE);
    m.put(SCHEDULED, o.scheduled());
    m.put(OK, o.ok());
    m.put(FAILED, o.failed());
    m.put(TIMEOUTS, o.timeouts() + o.unfinished());
    m.put(UNFINISHED, o.unfinished());
    m.put(FAILURES, o.failures());
    m.put(ERROR_FRACTION, o.errorFraction());
    m.put(ERROR_BUDGET, errorBudget);
    m.put(ELAPSED_S, round(o.elapsedNanos() / 1e9));
    m.put(PROCESS_CPU_S, round(o.cpuNanos() / 1e9));
    m.put(CORES_USED, round(o.coresUsed()));
    m.put(CORRECTED_US, problems.isEmpty() ? LoadOutcome.percentilesMicros(o.corrected()) : null);
    m.put(UNCORRECTED_US, problems.isEmpty() ? LoadOutcome.percentilesMicros(o.uncorrected()) : null);
    m.put(SEND_LAG_US, LoadOutcome.percentilesMicros(o.sendLag()));
    m.put(GENERATOR_FLOOR_US, round(o.sendLag().getValueAtPercentile(50) / 1000.0));
    // the benchmark says when it turned the spin off (trial carries spin_us 0); else the bounded spin of this rate
    m.put(SPIN_US, trial.containsKey(SPIN_US) ? trial.get(SPIN_US) : round(OpenLoop.spinNanos(o.intendedRate()) / 1000.0));
    m.put(TAIL, TAIL_ALL_SCHEDULED);
    m.put(THIN, LoadOutcome.thinLabels(o.corrected().getTotalCount()));
    return m;
  }

  /** Writes the three files; returns the JSON's path. */
  public static Path write(RunFolder run, String trialName, LoadOutcome o, double errorBudget,
      Map<String, Object> trial) throws IOException {
    Files.createDirectories(run.openloop());
    writeHgrm(run.openloopHgrm(trialName, true), o.corrected());
    writeHgrm(run.openloopHgrm(trialName, false), o.uncorrected());
    Path json = run.openloopJson(trialName);
    JSON.writeValue(json.toFile(), describe(o, errorBudget, trial));
    return json;
  }

  static void writeHgrm(Path file, Histogram h) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        PrintStream ps = new PrintStream(out, false, StandardCharsets.UTF_8)) {
      // 5 ticks per half distance, as HdrHistogram's own tools write it; ns in, µs out
      h.outputPercentileDistribution(ps, 5, 1000.0);
      // in the footer's own "#[...]" form, which plotters skip: what the distribution holds
      ps.printf("#[Tail: %s: every scheduled request, failed and unfinished ones at the time they were given up]%n",
          TAIL_ALL_SCHEDULED);
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
