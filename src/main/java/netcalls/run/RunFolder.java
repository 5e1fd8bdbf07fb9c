package netcalls.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout of a run folder, {@code results/<run-id>/}: the one place that names its files
 * (docs/SAMPLES.md describes them). Everything that reads or writes a run goes through here.
 */
public record RunFolder(Path dir) {
  public static final String JMH_JSON = "jmh.json";
  public static final String RUN_JSON = "run.json";
  public static final String SAMPLES = "samples";
  public static final String SUMMARY = "summary.txt";
  public static final String POINTS = "points.lp";
  public static final String OPENLOOP = "openloop";
  public static final String REPORT = "report.html";
  public static final String WARMUP = "warmup";
  /** A profiled run's flame graphs and collapsed stacks, one folder per trial (run --profile). */
  public static final String PROFILES = "profiles";
  /**
   * A fork's own folder in a trial's profile folder: {@code profiles/<trial>/fork-<pid>/}, the pid the one that ends
   * the fork's samples file name ({@code samples/<Class.method>-<hash>-<pid>.json}).
   */
  public static final String FORK_PREFIX = "fork-";
  /** The files of a trial: {@code samples/<trial>.csv|.json}, {@code openloop/<trial>.json|.corrected.hgrm|.uncorrected.hgrm}. */
  public static final String CSV_SUFFIX = ".csv";
  public static final String JSON_SUFFIX = ".json";
  public static final String CORRECTED_HGRM = ".corrected.hgrm";
  public static final String UNCORRECTED_HGRM = ".uncorrected.hgrm";

  public RunFolder {
    dir = dir.toAbsolutePath().normalize();
  }

  public static RunFolder of(Path dir) {
    return new RunFolder(dir);
  }

  /** The run id: the folder's name. */
  public String runId() {
    Path name = dir.getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  /** JMH's results of the whole run, merged by the launcher. */
  public Path jmhJson() {
    return dir.resolve(JMH_JSON);
  }

  /** What ran, where, when, on what testbed. */
  public Path runJson() {
    return dir.resolve(RUN_JSON);
  }

  /** One {@code <trial>.csv} and {@code <trial>.json} per traced trial. */
  public Path samples() {
    return dir.resolve(SAMPLES);
  }

  public Path samplesCsv(String trial) {
    return samples().resolve(trial + CSV_SUFFIX);
  }

  public Path samplesJson(String trial) {
    return samples().resolve(trial + JSON_SUFFIX);
  }

  /** What each trial's warm-up at setup did: {@code warmup/<trial>.json} (docs/SAMPLES.md). */
  public Path warmupJson(String trial) {
    return dir.resolve(WARMUP).resolve(trial + ".json");
  }

  public Path profiles() {
    return dir.resolve(PROFILES);
  }

  /** The open-loop results: per trial {@code <trial>.json} and {@code <trial>.(un)corrected.hgrm}. */
  public Path openloop() {
    return dir.resolve(OPENLOOP);
  }

  public Path openloopJson(String trial) {
    return openloop().resolve(trial + JSON_SUFFIX);
  }

  /** The corrected (from the intended start) or uncorrected (from the send) distribution of a trial. */
  public Path openloopHgrm(String trial, boolean corrected) {
    return openloop().resolve(trial + (corrected ? CORRECTED_HGRM : UNCORRECTED_HGRM));
  }

  /** The trial name of a samples/ or openloop/ JSON file, or null when it is not one. */
  public static String trialOf(Path json) {
    String name = json.getFileName().toString();
    return name.endsWith(JSON_SUFFIX) ? name.substring(0, name.length() - JSON_SUFFIX.length()) : null;
  }

  public Path summary() {
    return dir.resolve(SUMMARY);
  }

  /** The run's InfluxDB line protocol. */
  public Path points() {
    return dir.resolve(POINTS);
  }

  /** The run's self-contained HTML report. */
  public Path report() {
    return dir.resolve(REPORT);
  }

  /** A part file of the JMH results while the launcher runs one benchmark at a time. */
  public Path jmhPart(int index) {
    return dir.resolve(".jmh-part-" + index + ".json");
  }

  /**
   * Why writing {@code out} would destroy a file this run is read from (jmh.json, run.json, anything under samples/
   * or openloop/, or the folder itself), links resolved; null when it would not. Every command that writes while it
   * reads a run asks this before it writes.
   */
  public String overwrittenInput(Path out) {
    Path target = real(out);
    for (Path input : List.of(jmhJson(), runJson(), dir)) {
      if (Files.exists(input) && real(input).equals(target)) {
        return out + " is " + input + ", which this command reads: write elsewhere (e.g. --out " + dir.resolve(POINTS)
            + ")";
      }
    }
    for (Path inputs : List.of(samples(), openloop())) {
      if (Files.exists(inputs) && target.startsWith(real(inputs))) {
        return out + " is inside " + inputs + ", whose files this command reads: write elsewhere (e.g. --out "
            + dir.resolve(POINTS) + ")";
      }
    }
    return null;
  }

  /** The file's real path, links resolved; for a file not there yet, its folder's real path and its name. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      Path parent = abs.getParent();
      return parent == null || abs.getFileName() == null ? abs : real(parent).resolve(abs.getFileName());
    }
  }
}
