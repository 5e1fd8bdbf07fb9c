package netcalls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import netcalls.export.ExportReport;
import netcalls.export.InfluxTarget;
import netcalls.export.RunExporter;

/**
 * The exporter's step after every run: {@code points.lp} in the run folder, and the same points to
 * InfluxDB when {@code --influx URL} or {@code NETCALLS_INFLUX_URL} names one. A failed delivery
 * keeps {@code points.lp}, so {@code export RUN_DIR --influx URL} can send it again later.
 */
final class Export {
  private Export() {}

  static int afterRun(Path runDir, String influxUrl, PrintStream out, PrintStream err) {
    RunExporter exporter = RunExporter.withProgress(err);
    ExportReport report;
    try {
      report = exporter.exportToFile(runDir, runDir.resolve("points.lp"));
      if (influxUrl != null) {
        exporter.sendToInflux(report, InfluxTarget.of(influxUrl, InfluxTarget.DEFAULT_DATABASE));
      } else {
        InfluxTarget.fromEnvironment(InfluxTarget.DEFAULT_DATABASE).ifPresent(t -> exporter.sendToInflux(report, t));
      }
    } catch (IOException e) {
      err.println("netcalls: could not write " + runDir.resolve("points.lp") + ": " + e);
      return 1;
    }
    (report.ok() ? out : err).print(report.summary());
    if (!report.ok()) {
      err.println("netcalls: the export had problems (above); points.lp is kept: re-run "
          + "java -jar target/benchmarks.jar export " + runDir + " once they are fixed");
      return 1;
    }
    return 0;
  }
}
