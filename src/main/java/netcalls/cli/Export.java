package netcalls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netcalls.export.ExportReport;
import netcalls.export.RunExporter;
import netcalls.export.sink.InfluxTarget;
import netcalls.export.sink.Sink;
import netcalls.export.sink.TelegrafTarget;
import netcalls.run.RunFolder;

/**
 * The exporter's step after a run, the same for the launcher and {@code export RUN_DIR}: writes
 * {@code points.lp} (or {@code --out}), then sends it to InfluxDB and/or Telegraf when asked, and says
 * what happened. A failed delivery keeps {@code points.lp}, so {@code export RUN_DIR --influx URL}
 * can send it again later.
 */
final class Export {
  /**
   * Where the points go besides the file; any may be null. {@code telegrafCheck}: the InfluxDB the Telegraf
   * (or UDP) listener writes to, where the sent points are counted.
   */
  record Targets(InfluxTarget influx, TelegrafTarget telegraf, InfluxTarget telegrafCheck) {
    /**
     * The launcher's targets: {@code --influx URL}, else NETCALLS_INFLUX_URL when set; database
     * {@value InfluxTarget#DEFAULT_DATABASE}, credentials from INFLUX_USER / INFLUX_PASSWORD.
     *
     * @throws IllegalArgumentException for a URL that is not http(s)://
     */
    static Targets forLauncher(String influxUrl) {
      InfluxTarget t = influxUrl != null ? InfluxTarget.of(influxUrl, InfluxTarget.DEFAULT_DATABASE)
          : InfluxTarget.fromEnvironment(InfluxTarget.DEFAULT_DATABASE).orElse(null);
      return new Targets(t, null, null);
    }
  }

  private Export() {}

  /** What the launcher calls after every run; returns 0 when all was exported and delivered, else 1. */
  static int afterRun(Path runDir, String influxUrl, PrintStream out, PrintStream err) {
    Targets targets;
    try {
      targets = Targets.forLauncher(influxUrl);
    } catch (IllegalArgumentException e) {
      err.println("netcalls: --influx: " + e.getMessage());
      return 2;
    }
    return run(runDir, RunFolder.of(runDir).points(), targets, RunExporter.withProgress(err), false, out, err,
        "java -jar target/benchmarks.jar export " + runDir);
  }

  /**
   * Exports {@code runDir} to {@code file} and the targets; prints the report ({@code out} when all
   * went well and not {@code quiet}, else {@code err}). Returns 0 when everything was exported and
   * delivered, 1 otherwise. A SIGTERM (or Ctrl-C) while it works says what was done and leaves no
   * half-built file behind.
   */
  static int run(Path runDir, Path file, Targets targets, RunExporter exporter, boolean quiet, PrintStream out,
      PrintStream err, String again) {
    if (!Files.isDirectory(runDir) || runDir.toString().isEmpty()) {
      err.println("export: " + (runDir.toString().isEmpty() ? "\"\"" : runDir) + " is not a run folder: give"
          + " results/<run-id>; nothing written");
      return 1;
    }
    List<Sink> sinks = new ArrayList<>();
    if (targets.influx() != null) {
      sinks.add(exporter.influx(targets.influx()));
    }
    if (targets.telegraf() != null) {
      sinks.add(exporter.telegraf(targets.telegraf(), targets.telegrafCheck()));
    }
    Thread onSignal = new Thread(() -> interrupted(exporter, file, err), "export-interrupted");
    Runtime.getRuntime().addShutdownHook(onSignal);
    ExportReport report;
    try {
      report = exporter.exportRun(runDir, file, sinks);
    } catch (IOException e) {
      err.println("export: could not write " + file + ": " + reason(e) + "; " + file.getFileName()
          + " was left as it was");
      return 1;
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(onSignal);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook runs and reports
      }
    }
    if (!quiet || !report.ok()) {
      (report.ok() ? out : err).print(report.summary());
    }
    if (report.refused()) {
      err.println("export: nothing was written or sent: fix the errors above and re-run " + again
          + ", or add --partial to write and send every point that could be read");
      return 1;
    }
    if (!report.ok()) {
      err.println("export: not everything was exported or delivered (see above)"
          + (report.pointsFileWritten() ? "; " + file + " holds what could be read: re-run " + again
          + " once the cause is fixed (points have fixed times, so what arrived before is overwritten, never"
          + " doubled)" : ""));
      return 1;
    }
    return 0;
  }

  /** The shutdown hook's word: what was being done, and that no partial file is left. */
  private static void interrupted(RunExporter exporter, Path file, PrintStream err) {
    String doing = exporter.doing();
    Path building = exporter.building();
    if (building != null) {
      try {
        Files.deleteIfExists(building);
      } catch (IOException e) {
        err.println("export: interrupted; could not remove " + building + ": " + reason(e));
      }
    }
    err.println("export: interrupted" + (doing == null ? "" : " while " + doing) + "; " + file.getFileName()
        + (building != null ? " left as it was" : " is complete") + ". Re-run the export: points have fixed times,"
        + " so what arrived before is overwritten, never doubled");
    err.flush();
  }

  /** One line for a file system error: the OS's reason, and what to do about it. */
  static String reason(IOException e) {
    String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null ? f.getReason()
        : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
        : e instanceof java.nio.file.NoSuchFileException ? "no such folder"
        : String.valueOf(e.getMessage());
    String lower = why.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("no space")) {
      return why + ": the disk is full; free some space, or write elsewhere with --out FILE";
    }
    if (lower.contains("read-only") || lower.contains("permission") || e instanceof java.nio.file.AccessDeniedException) {
      return why + ": the folder cannot be written; make it writable, or write elsewhere with --out FILE";
    }
    return why;
  }
}
