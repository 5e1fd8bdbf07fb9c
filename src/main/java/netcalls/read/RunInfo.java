package netcalls.read;

import static netcalls.run.RunJson.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import netcalls.run.RunFolder;

/**
 * run.json as the launcher writes it (docs/SAMPLES.md); any field may be missing from a damaged file.
 * {@code gitBranch} is null when unknown; {@link #testbed()} is the one compact description of the machine and JDK.
 */
public record RunInfo(String runId, Instant start, Instant end, String gitCommit, String jdk, String vm, String host,
    List<String> args, String target, Long exitCode, Long recordedSamples, Long droppedSamples, String cpuModel,
    Long cores, String kernel, String gitBranch, String clients) {

  /** The testbed as compare, the export and the dashboards show it: CPU model, cores, kernel, JDK ("?" when unknown). */
  public static String describeTestbed(String cpuModel, Long cores, String kernel, String jdk) {
    return (cpuModel == null ? "CPU ?" : cpuModel) + ", " + (cores == null ? "?" : cores) + " cores, kernel "
        + (kernel == null ? "?" : kernel) + ", JDK " + (jdk == null ? "?" : jdk);
  }

  /** This run's testbed ({@link #describeTestbed}); null when run.json names none of its parts. */
  public String testbed() {
    if (cpuModel == null && cores == null && kernel == null && jdk == null) {
      return null;
    }
    return describeTestbed(cpuModel, cores, kernel, jdk);
  }

  /**
   * The JDK the forks ran on as run.json's {@code forkJdk} names it, "25.0.3, Eclipse Adoptium, /path/bin/java";
   * null when run.json has none (older runs: their {@code jdk} is the launcher's) or cannot be read.
   */
  public static String forkJdk(Path runDir) {
    try {
      JsonNode f = Json.MAPPER.readTree(RunFolder.of(runDir).runJson().toFile()).path(FORK_JDK);
      if (!f.isObject()) {
        return null;
      }
      List<String> parts = new ArrayList<>();
      for (String k : List.of(FORK_JDK_VERSION, FORK_JDK_VENDOR, FORK_JDK_PATH)) {
        parts.add(f.path(k).isTextual() ? f.path(k).asText() : "?");
      }
      return String.join(", ", parts);
    } catch (IOException | RuntimeException e) {
      return null; // read() reports what is wrong with the file
    }
  }

  /** Reads runDir/run.json; problems go to the report and what could be read is returned. */
  public static RunInfo read(Path runDir, Problems report) {
    Path file = RunFolder.of(runDir).runJson();
    String fallbackId = runDir.toAbsolutePath().normalize().getFileName().toString();
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(file.toFile());
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      report.error(file + ": missing; run id taken from the folder name, JMH points timed by jmh.json's"
          + " modification time. The launcher writes run.json: re-run, or write it by hand (docs/SAMPLES.md)");
      return empty(fallbackId);
    } catch (JsonProcessingException e) {
      report.error(file + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": " + e.getOriginalMessage() + "; fix the file (docs/SAMPLES.md) and re-run the export");
      return empty(fallbackId);
    } catch (IOException e) {
      report.error(file + ": " + e.getMessage());
      return empty(fallbackId);
    }
    if (root == null || !root.isObject()) {
      report.error(file + ": expected a JSON object (docs/SAMPLES.md); fix the file and re-run the export");
      return empty(fallbackId);
    }
    String runId = field(root, RUN_ID, file, report, r -> Json.text(r, RUN_ID));
    Instant start = field(root, START, file, report, r -> Json.instant(r, START));
    Instant end = field(root, END, file, report, r -> Json.instant(r, END));
    List<String> args = new ArrayList<>();
    JsonNode a = root.get(ARGS);
    if (a != null && a.isArray()) {
      a.forEach(x -> args.add(x.asText()));
    }
    return new RunInfo(runId == null || runId.isEmpty() ? fallbackId : runId, start, end,
        field(root, GIT_COMMIT, file, report, r -> Json.text(r, GIT_COMMIT)),
        field(root, JDK, file, report, r -> Json.text(r, JDK)),
        field(root, VM, file, report, r -> Json.text(r, VM)),
        field(root, HOST, file, report, r -> Json.text(r, HOST)),
        a == null ? null : args,
        field(root, TARGET, file, report, r -> Json.text(r, TARGET)),
        field(root, EXIT_CODE, file, report, r -> Json.integer(r, EXIT_CODE)),
        field(root, RECORDED_SAMPLES, file, report, r -> Json.integer(r, RECORDED_SAMPLES)),
        field(root, DROPPED_SAMPLES, file, report, r -> Json.integer(r, DROPPED_SAMPLES)),
        field(root, CPU_MODEL, file, report, r -> Json.text(r, CPU_MODEL)),
        field(root, CORES, file, report, r -> Json.integer(r, CORES)),
        field(root, KERNEL, file, report, r -> Json.text(r, KERNEL)),
        field(root, GIT_BRANCH, file, report, r -> Json.text(r, GIT_BRANCH)),
        field(root, CLIENTS, file, report, r -> Json.text(r, CLIENTS)));
  }

  /** Whether run.json gave anything to describe the run with. */
  public boolean known() {
    return start != null || end != null || jdk != null;
  }

  private interface Getter<T> {
    T get(JsonNode root) throws Json.BadField;
  }

  private static <T> T field(JsonNode root, String name, Path file, Problems report, Getter<T> g) {
    try {
      return g.get(root);
    } catch (Json.BadField e) {
      report.error(file + ": " + e.getMessage() + "; fix the file (docs/SAMPLES.md) and re-run the export");
      return null;
    }
  }

  private static RunInfo empty(String runId) {
    return new RunInfo(runId, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
