package netcalls.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Exports a run folder (docs/SAMPLES.md) to InfluxDB line protocol (docs/SCHEMA.md), then optionally
 * sends that file to InfluxDB or Telegraf. The file is the single source: targets get exactly its
 * lines, and a failed send can be repeated from it.
 *
 * <pre>{@code
 * RunExporter exporter = RunExporter.withProgress(System.err);
 * ExportReport report = exporter.exportToFile(runDir, runDir.resolve("points.lp"));
 * InfluxTarget.fromEnvironment("netcalls").ifPresent(t -> exporter.sendToInflux(report, t));
 * if (!report.ok()) System.err.print(report.summary());
 * // or, the same in one call: exporter.exportRun(runDir)
 * }</pre>
 *
 * The export streams: memory depends on the number of series, not on the number of samples.
 */
public final class RunExporter {
  private static final long PROGRESS_EVERY_NS = TimeUnit.SECONDS.toNanos(5);

  private final PrintStream progressOut;
  private final LongSupplier nanoClock;
  private final long progressIntervalNs;
  private final Sleeper sleeper;

  /** Waits between retries; tests pass one that does not sleep. */
  public interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  RunExporter(PrintStream progressOut, LongSupplier nanoClock, long progressIntervalNs, Sleeper sleeper) {
    this.progressOut = progressOut;
    this.nanoClock = nanoClock;
    this.progressIntervalNs = progressIntervalNs;
    this.sleeper = sleeper;
  }

  /** Progress lines every 5 s on {@code out} (stderr for the command). */
  public static RunExporter withProgress(PrintStream out) {
    return new RunExporter(out, System::nanoTime, PROGRESS_EVERY_NS, Thread::sleep);
  }

  /** No progress output. */
  public static RunExporter quiet() {
    return new RunExporter(null, System::nanoTime, PROGRESS_EVERY_NS, Thread::sleep);
  }

  /**
   * Writes (or rewrites, atomically) {@code out} with every point of the run. Problems with the input
   * are in the report; everything that could be read is exported.
   *
   * @throws IOException only when {@code out} cannot be written
   */
  public ExportReport exportToFile(Path runDir, Path out) throws IOException {
    ExportReport report = new ExportReport(runDir, out);
    Progress progress = progress();
    if (!Files.isDirectory(runDir)) {
      report.error(runDir + ": not a folder; give the run folder, e.g. results/20261123-092100");
      return report;
    }
    RunInfo run = RunInfo.read(runDir, report);
    report.runId(run.runId());
    Path jmh = runDir.resolve("jmh.json");
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp); LineSink sink = new LineSink(os, report)) {
        PointEmitter emitter = new PointEmitter(sink, report);
        long base = baseTime(run, jmh);
        writeRun(run, emitter, report, base);

        JmhMapper jmhMapper = new JmhMapper(run, emitter, report, base);
        JmhResults.read(jmh, report, jmhMapper::write);
        progress.tick(report.pointsBuilt(), jmh.toString());

        SampleExporter samples = new SampleExporter(sink, emitter, report, run, progress);
        for (Trial trial : trials(runDir.resolve("samples"), report)) {
          try {
            samples.export(trial);
          } catch (IOException e) {
            report.error(trial.csv() + ": could not be read: " + e + "; the rows before it were exported");
          }
        }
        // histograms at the run's end; with neither run.json nor jmh.json, just after the last sample
        long histogramTime = run.end() != null || Files.exists(jmh) || samples.latestStart() == Long.MIN_VALUE
            ? base : samples.latestStart() + 1;
        samples.writeHistograms(histogramTime);
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp); // never leave a half-written file beside the old points.lp
      throw e;
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return report;
  }

  /**
   * What the launcher does after every run: writes {@code runDir/points.lp} and, when the environment
   * variable NETCALLS_INFLUX_URL is set, writes it to that InfluxDB (database {@value
   * InfluxTarget#DEFAULT_DATABASE}, credentials from INFLUX_USER / INFLUX_PASSWORD).
   *
   * @throws IOException only when points.lp cannot be written
   */
  public ExportReport exportRun(Path runDir) throws IOException {
    ExportReport report = exportToFile(runDir, runDir.resolve("points.lp"));
    InfluxTarget.fromEnvironment(InfluxTarget.DEFAULT_DATABASE).ifPresent(t -> sendToInflux(report, t));
    return report;
  }

  /**
   * Sends the report's points file to InfluxDB, adds the outcome to the report and returns it. Never
   * throws for an unreachable or refusing server: that is in the delivery.
   */
  public Delivery sendToInflux(ExportReport report, InfluxTarget target) {
    Progress progress = progress();
    Delivery d = new InfluxWriter(target, sleeper, () -> { }, progress).write(report.pointsFile(), report.runId());
    report.add(d);
    return d;
  }

  private Progress progress() {
    return progressOut == null ? Progress.NONE : new Progress(progressOut, nanoClock, progressIntervalNs);
  }

  /** Sends the report's points file to a Telegraf socket_listener (or any line protocol listener). */
  public Delivery sendToTelegraf(ExportReport report, TelegrafTarget target) {
    Delivery d = new TelegrafSender(target).send(report.pointsFile());
    report.add(d);
    return d;
  }

  /**
   * JMH result points are timed at the run's end, so a run's results sort after its samples; without
   * run.json, at jmh.json's modification time (millisecond precision, stable for a given folder).
   */
  private static long baseTime(RunInfo run, Path jmh) throws IOException {
    if (run.end() != null) {
      return Json.epochNanos(run.end());
    }
    if (Files.exists(jmh)) {
      return TimeUnit.MILLISECONDS.toNanos(Files.getLastModifiedTime(jmh).toMillis());
    }
    return run.start() != null ? Json.epochNanos(run.start()) : 0;
  }

  private static void writeRun(RunInfo run, PointEmitter emitter, ExportReport report, long base) throws IOException {
    if (run.start() == null && run.end() == null && run.jdk() == null) {
      return; // no usable run.json: already reported
    }
    PointDraft d = new PointDraft(Measurement.RUN, run.runId() + "/run.json", report)
        .tags(Tags.run(run))
        .field("start", run.start() == null ? null : run.start().toString())
        .field("end", run.end() == null ? null : run.end().toString())
        .field("git_commit", run.gitCommit())
        .field("vm", run.vm())
        .field("target", run.target())
        .field("args", run.args() == null ? null : Json.MAPPER.writeValueAsString(run.args()));
    if (run.start() != null && run.end() != null) {
      d.value("duration_ns", Json.epochNanos(run.end()) - Json.epochNanos(run.start()));
    }
    if (run.exitCode() != null) {
      d.value("exit_code", run.exitCode());
    }
    if (run.recordedSamples() != null) {
      d.value("recorded_samples", run.recordedSamples());
    }
    if (run.droppedSamples() != null) {
      d.value("dropped_samples", run.droppedSamples());
    }
    emitter.emit(d, run.start() != null ? Json.epochNanos(run.start()) : base, false);
  }

  /** samples/*.json with their CSVs, in the order they ran (clockBase), so series times only move forward. */
  private static List<Trial> trials(Path samples, ExportReport report) throws IOException {
    List<Trial> trials = new ArrayList<>();
    if (!Files.isDirectory(samples)) {
      return trials;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples)) {
      ds.forEach(files::add);
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(".csv")) {
        Path json = f.resolveSibling(name.substring(0, name.length() - 4) + ".json");
        if (!Files.exists(json)) {
          report.error(f + ": no " + json.getFileName() + " beside it, so its benchmark and parameters are"
              + " unknown; not exported (docs/SAMPLES.md)");
          continue;
        }
        Trial t = Trial.read(json, f, report);
        if (t != null) {
          trials.add(t);
        }
      } else if (name.endsWith(".json")) {
        Path csv = f.resolveSibling(name.substring(0, name.length() - 5) + ".csv");
        if (!Files.exists(csv)) {
          report.error(f + ": no " + csv.getFileName() + " beside it: the trial's samples are missing");
        }
      }
    }
    trials.sort(Comparator.comparing((Trial t) -> t.clockBase() == null ? Instant.MAX : t.clockBase())
        .thenComparing(Trial::name));
    return trials;
  }
}
