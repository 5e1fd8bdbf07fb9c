package netcalls.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineBuffer;
import netcalls.export.line.PointDraft;
import netcalls.read.Json;
import netcalls.read.RunInfo;
import netcalls.read.RunReader;
import netcalls.read.Trial;
import netcalls.export.sink.Delivery;
import netcalls.export.sink.InfluxSink;
import netcalls.export.sink.InfluxTarget;
import netcalls.export.sink.Progress;
import netcalls.export.sink.Sink;
import netcalls.export.sink.Sleeper;
import netcalls.export.sink.TelegrafSink;
import netcalls.export.sink.TelegrafTarget;
import netcalls.run.RunFolder;
import netcalls.export.line.Tags;

/**
 * Exports a run folder (docs/SAMPLES.md) to InfluxDB line protocol (docs/SCHEMA.md), then hands that
 * file to each {@link Sink}. The file is the single source: sinks get exactly its lines, and a failed
 * delivery can be repeated from it.
 *
 * <pre>{@code
 * RunExporter exporter = RunExporter.withProgress(System.err);
 * ExportReport report = exporter.exportRun(runDir, runDir.resolve("points.lp"),
 *     List.of(exporter.influx(InfluxTarget.of("http://127.0.0.1:8086", "netcalls"))));
 * if (!report.ok()) System.err.print(report.summary());
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
   * The one step after a run, for the launcher and the {@code export} command alike: writes {@code
   * out} (normally {@code runDir/points.lp}), then delivers it to each sink in order. Nothing is
   * written or sent when {@code runDir} is not a folder.
   *
   * @throws IOException only when {@code out} cannot be written
   */
  public ExportReport exportRun(Path runDir, Path out, List<Sink> sinks) throws IOException {
    ExportReport report = exportToFile(runDir, out);
    if (report.pointsFileWritten()) {
      for (Sink s : sinks) {
        send(report, s);
      }
    }
    return report;
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
    RunFolder folder = RunFolder.of(runDir);
    RunInfo run = RunReader.runInfo(folder, report);
    report.runId(run.runId());
    Path jmh = folder.jmhJson();
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try {
      try (OutputStream os = Files.newOutputStream(tmp); LineBuffer sink = new LineBuffer(os, report::built)) {
        PointEmitter emitter = new PointEmitter(sink, report);
        long base = baseTime(run, jmh);
        writeRun(run, emitter, base);

        JmhMapper jmhMapper = new JmhMapper(run, emitter, report, base);
        RunReader.jmhResults(folder, report, jmhMapper::write);
        progress.tick(report.pointsBuilt(), jmh.toString());

        SampleExporter samples = new SampleExporter(sink, emitter, report, run, progress);
        for (Trial trial : RunReader.trials(folder, report)) {
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
    report.pointsFileWritten(true);
    return report;
  }

  /** Delivers the report's points file to a sink and adds the outcome to the report. */
  public Delivery send(ExportReport report, Sink sink) {
    Delivery d = sink.deliver(report.pointsFile(), report.runId());
    report.add(d);
    return d;
  }

  /** InfluxDB 1.x, with this exporter's progress lines and retry waits. */
  public Sink influx(InfluxTarget target) {
    return new InfluxSink(target, sleeper, () -> { }, progress());
  }

  /** A Telegraf socket_listener (or any line protocol listener). */
  public Sink telegraf(TelegrafTarget target) {
    return new TelegrafSink(target);
  }

  /** Sends the report's points file to InfluxDB; see {@link #send}. */
  public Delivery sendToInflux(ExportReport report, InfluxTarget target) {
    return send(report, influx(target));
  }

  /** Sends the report's points file to a Telegraf socket_listener; see {@link #send}. */
  public Delivery sendToTelegraf(ExportReport report, TelegrafTarget target) {
    return send(report, telegraf(target));
  }

  private Progress progress() {
    return progressOut == null ? Progress.NONE : new Progress(progressOut, nanoClock, progressIntervalNs);
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

  private static void writeRun(RunInfo run, PointEmitter emitter, long base) throws IOException {
    if (!run.known()) {
      return; // no usable run.json: already reported
    }
    PointDraft d = new PointDraft(InfluxMeasurement.RUN, run.runId() + "/run.json")
        .tags(Tags.run(run.runId(), run.jdk(), run.host()))
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
}
