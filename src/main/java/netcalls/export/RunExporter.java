package netcalls.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineBuffer;
import netcalls.export.line.PointDraft;
import netcalls.read.Completeness;
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
  private boolean partial;
  private volatile Path building;
  // one for the whole export (building and every sink), so a signal handler hears the latest word
  private final Progress progress;

  RunExporter(PrintStream progressOut, LongSupplier nanoClock, long progressIntervalNs, Sleeper sleeper) {
    this.progressOut = progressOut;
    this.nanoClock = nanoClock;
    this.progressIntervalNs = progressIntervalNs;
    this.sleeper = sleeper;
    this.progress = new Progress(progressOut, nanoClock, progressIntervalNs);
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
   * Writes (or rewrites, atomically) {@code out} with every point of the run. The whole folder is read and
   * checked first, into {@code out}.tmp: when anything is wrong (see the report's errors) {@code out} is left as
   * it was and nothing may be sent, unless this exporter is {@link #partial()}, which keeps every point that
   * could be read.
   *
   * @throws IOException only when {@code out} cannot be written
   */
  public ExportReport exportToFile(Path runDir, Path out) throws IOException {
    ExportReport report = new ExportReport(runDir, out);
    if (!readableFolder(runDir, report)) {
      return report;
    }
    String overwrites = RunFolder.of(runDir).overwrittenInput(out);
    if (overwrites != null) {
      report.error(overwrites + "; nothing written");
      report.refused(true);
      return report;
    }
    OutputLock lock = OutputLock.tryAcquire(out);
    if (lock == null) {
      report.error(out + " is being written by another export (" + OutputLock.holder(out) + "): wait for it to"
          + " finish, or stop it; nothing written");
      report.refused(true);
      return report;
    }
    try (lock) {
      return writeFile(runDir, out, report);
    }
  }

  private ExportReport writeFile(Path runDir, Path out, ExportReport report) throws IOException {
    // a name of its own: a second export (or a left-over of a killed one) never shares it
    Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), out.getFileName() + ".", ".tmp");
    building = tmp;
    try {
      try (OutputStream os = Files.newOutputStream(tmp); LineBuffer sink = new LineBuffer(os, report::built)) {
        build(RunFolder.of(runDir), sink, report);
      }
      if (report.errorCount() > 0 && !partial) {
        Files.deleteIfExists(tmp);
        report.refused(true);
        return report;
      }
      Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp); // never leave a half-written file beside the old points.lp
      } catch (IOException cleanup) {
        e.addSuppressed(cleanup); // the first error is the one to report
      }
      throw e;
    } finally {
      building = null;
    }
    report.pointsFileWritten(true);
    return report;
  }

  /** Reads and checks the whole run folder as an export would, and writes nothing ({@code export --check}). */
  public ExportReport check(Path runDir) throws IOException {
    ExportReport report = new ExportReport(runDir, null);
    if (readableFolder(runDir, report)) {
      try (LineBuffer sink = new LineBuffer(OutputStream.nullOutputStream(), report::built)) {
        build(RunFolder.of(runDir), sink, report);
      }
    }
    return report;
  }

  /** The points file being built, for a signal handler to remove; null when none is. */
  public Path building() {
    return building;
  }

  /** An exporter that writes and sends every point that could be read even when some input is bad. */
  public RunExporter partial() {
    RunExporter e = new RunExporter(progressOut, nanoClock, progressIntervalNs, sleeper);
    e.partial = true;
    return e;
  }

  private static boolean readableFolder(Path runDir, ExportReport report) {
    if (runDir.toString().isEmpty()) {
      report.error("the run folder is empty (\"\"): give the run folder, e.g. results/20261123-092100");
      return false;
    }
    if (!Files.isDirectory(runDir)) {
      report.error(runDir + ": " + (Files.exists(runDir) ? "not a folder" : "no such folder")
          + "; give the run folder, e.g. results/20261123-092100");
      return false;
    }
    if (!Files.isReadable(runDir) || !Files.isExecutable(runDir)) {
      report.error(runDir + ": cannot be listed (permission denied): give the user read access (chmod u+rx)");
      return false;
    }
    return true;
  }

  /** Every point of the run into {@code sink}, netcalls_run last; every problem into the report. */
  private void build(RunFolder folder, LineBuffer sink, ExportReport report) throws IOException {
    Progress progress = progress();
    RunInfo run = RunReader.runInfo(folder, report);
    report.runId(run.runId());
    // the one rule of a complete run (end, exitCode 0, every recorded sample there), checked before any point
    Completeness.recorded(folder).forEach(report::error);
    TimeWindow window = TimeWindow.of(run, Instant.now());
    List<Trial> trials = RunReader.trials(folder, report);
    PointEmitter emitter = new PointEmitter(sink, report);
    Long base = baseTime(run, trials);
    if (base == null) {
      report.error(folder.runJson() + ": no end time, and neither the run id nor the trials give one: the JMH"
          + " points cannot be timed so that a re-export overwrites them; write run.json (docs/SAMPLES.md)");
    }
    JmhMapper jmhMapper = new JmhMapper(run, emitter, report, base == null ? 0 : base);
    jmhMapper.costs = netcalls.read.CallCost.byKey(netcalls.read.CallCost.readAll(folder, report));
    RunReader.jmhResults(folder, report, r -> {
      if (base != null) {
        jmhMapper.write(r);
      } else {
        jmhMapper.results.add(RunKey.of(r.benchmark(), r.params()));
      }
    });
    progress.tick(report.pointsBuilt(), folder.jmhJson().toString());
    long validOpenLoop = 0;
    if (base != null) {
      List<netcalls.read.OpenLoopResult> openLoop = RunReader.openLoop(folder, report);
      OpenLoopPoints.write(emitter, run, openLoop, base);
      validOpenLoop = openLoop.stream().filter(netcalls.read.OpenLoopResult::valid).count();
    }

    SampleExporter samples = new SampleExporter(sink, emitter, report, run, window, progress);
    java.util.Set<RunKey> missing = new java.util.TreeSet<>(java.util.Comparator.comparing(RunKey::toString));
    for (Trial trial : trials) {
      if (!jmhMapper.results.contains(RunKey.of(trial.benchmark(), trial.params()))) {
        missing.add(RunKey.of(trial.benchmark(), trial.params()));
      }
      try {
        samples.export(trial);
      } catch (IOException e) {
        report.error(trial.csv() + ": could not be read: " + e.getMessage() + "; the rows before it were read");
      }
    }
    if (!missing.isEmpty() && Files.exists(folder.jmhJson())) {
      report.error(folder.jmhJson() + ": missing results for: " + missing.stream().map(RunKey::toString)
          .collect(java.util.stream.Collectors.joining("; ")) + ". Their samples exist, so they ran: JMH leaves"
          + " out a benchmark that failed (see the run's log); fix it and re-run, or export --partial");
    }
    // histograms at the run's end; with neither run.json nor jmh.json, just after the last sample
    long histogramTime = base != null ? base
        : samples.latestStart() == Long.MIN_VALUE ? window.fromNs() : samples.latestStart() + 1;
    samples.writeHistograms(histogramTime);
    // last: its presence in InfluxDB says that every other point of the run was written before it
    writeRun(run, emitter, base == null ? histogramTime : base, report,
        new Holds(samples.failedCalls(), validOpenLoop, netcalls.read.Profile.of(folder)), report.errorCount());
  }

  /** Delivers the report's points file to a sink and adds the outcome to the report. */
  public Delivery send(ExportReport report, Sink sink) {
    if (!report.pointsFileWritten()) {
      throw new IllegalStateException("nothing to send: the export wrote no points file (see its errors)");
    }
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

  /** A Telegraf listener whose InfluxDB ({@code verifyAt}, may be null) is queried to count what arrived. */
  public Sink telegraf(TelegrafTarget target, InfluxTarget verifyAt) {
    return new TelegrafSink(target, verifyAt, sleeper);
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
    return progress;
  }

  /**
   * What this exporter was doing, for a signal handler: the file being built (which it removes) or the target
   * being written to, with the last count. Null when it was idle.
   */
  public String doing() {
    String last = progress.last();
    Path b = building;
    if (b != null) {
      return "building " + b + (last == null ? "" : ": " + last);
    }
    return last;
  }

  /**
   * JMH result points are timed at the run's end, so a run's results sort after its samples. Without it, at
   * the time in the run id (yyyyMMdd-HHmmss, UTC, as the launcher names runs), else just after the latest trial's
   * clock base: never at a file's modification time, so exporting the same folder again overwrites, never adds.
   * Null when nothing gives a time.
   */
  static Long baseTime(RunInfo run, List<Trial> trials) {
    if (run.end() != null) {
      return Json.epochNanos(run.end());
    }
    try {
      return Json.epochNanos(java.time.LocalDateTime.parse(run.runId(),
          java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")).toInstant(java.time.ZoneOffset.UTC));
    } catch (java.time.format.DateTimeParseException e) {
      // not a launcher's run id
    }
    return trials.stream().map(Trial::clockBase).filter(java.util.Objects::nonNull).max(Instant::compareTo)
        .map(Json::epochNanos).orElse(null);
  }

  /** What the marker says of the run's contents beyond its point counts: failed calls, valid open-loop trials. */
  private record Holds(long failedCalls, long validOpenLoop, netcalls.read.Profile profile) {}

  private static void writeRun(RunInfo run, PointEmitter emitter, long base, ExportReport report, Holds holds,
      long errors)
      throws IOException {
    if (!run.known()) {
      return; // no usable run.json: already reported
    }
    long points = report.pointsBuilt();
    PointDraft d = new PointDraft(InfluxMeasurement.RUN, run.runId() + "/" + RunFolder.RUN_JSON)
        .tags(Tags.run(run.runId(), run.jdk(), run.host()))
        .field("start", run.start() == null ? null : run.start().toString())
        .field("end", run.end() == null ? null : run.end().toString())
        .field("git_commit", run.gitCommit())
        .field("branch", run.gitBranch())
        .field("testbed", run.testbed())
        .field("vm", run.vm())
        .field("target", run.target())
        .field("args", run.args() == null ? null : Json.MAPPER.writeValueAsString(run.args()))
        .field("points", points);
    // what the run holds, so a dashboard's run picker offers only the runs with its data (a SELECT WHERE n_x > 0)
    for (InfluxMeasurement m : InfluxMeasurement.values()) {
      if (m != InfluxMeasurement.RUN && m != InfluxMeasurement.COMPARE && m != InfluxMeasurement.COMPARE_RUN) {
        d.value("n_" + m.measurementName().substring("netcalls_".length()), report.pointsBuilt(m));
      }
    }
    d.value("n_openloop_valid", holds.validOpenLoop()).value("failed_calls", holds.failedCalls());
    if (holds.profile() != null) {
      // profiling changes the numbers: a dashboard can leave such runs out (the profiles themselves are not exported)
      d.field("profiled", holds.profile().kind());
    }
    if (errors > 0) {
      // only --partial gets here: the marker says the run is not all there
      d.field("partial", true).field("errors", errors);
    }
    if (run.start() != null && run.end() != null) {
      d.value("duration_ns", Json.epochNanos(run.end()) - Json.epochNanos(run.start()));
      // epoch milliseconds, as a Grafana link's from= and to= take them: the run's own time window
      d.value("start_ms", run.start().toEpochMilli()).value("end_ms", run.end().toEpochMilli());
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
