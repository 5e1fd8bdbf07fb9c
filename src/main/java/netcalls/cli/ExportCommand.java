package netcalls.cli;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import netcalls.export.ExportReport;
import netcalls.export.RunExporter;
import netcalls.export.sink.InfluxTarget;
import netcalls.export.sink.TelegrafTarget;
import netcalls.run.RunFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export RUN_DIR}: writes RUN_DIR/points.lp (docs/SCHEMA.md) and, when asked, sends it to
 * InfluxDB or Telegraf. Exit 0 when everything was exported and delivered (warnings allowed), 1 when
 * anything could not be (the messages say which file, line or field, and what to do), 2 for usage errors.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Export a run folder to InfluxDB line protocol (RUN_DIR/points.lp), and optionally to"
        + " InfluxDB or Telegraf.", "InfluxDB credentials come from INFLUX_USER and INFLUX_PASSWORD, or a token"
        + " (InfluxDB 2.x/3.x) from INFLUX_TOKEN or --influx-token."},
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {"0:everything exported (warnings may be printed)",
        "1:something could not be read, written or delivered: nothing was written or sent (with --partial: the"
            + " rest was)",
        "2:usage error"})
public final class ExportCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "RUN_DIR", description = "run folder, e.g. results/20261123-092100")
  Path runDir;

  @Option(names = "--out", paramLabel = "FILE", description = "line protocol file (default: RUN_DIR/points.lp)")
  Path out;

  @Option(names = "--influx", paramLabel = "URL", description = "also write to InfluxDB 1.x at URL, e.g."
      + " http://127.0.0.1:8086")
  String influx;

  @Option(names = "--influx-token", paramLabel = "TOKEN", description = "InfluxDB 2.x/3.x token for their 1.x-compatible"
      + " API (sent as Authorization: Token; INFLUX_TOKEN does the same and stays out of the process list); the"
      + " bucket and its DBRP mapping to --database must exist: nothing is created")
  String influxToken;

  @Option(names = "--write-only", description = "use only InfluxDB's /write: no CREATE DATABASE, no counting back"
      + " with InfluxQL (for a store that takes line protocol without InfluxQL, such as VictoriaMetrics)")
  boolean writeOnly;

  @Option(names = "--database", defaultValue = InfluxTarget.DEFAULT_DATABASE,
      description = "InfluxDB database (default: ${DEFAULT-VALUE}); created when missing")
  String database;

  @Option(names = "--batch-bytes", defaultValue = "" + InfluxTarget.DEFAULT_MAX_BATCH_BYTES,
      description = "largest InfluxDB write request in bytes (default: ${DEFAULT-VALUE})")
  long batchBytes;

  @Option(names = "--retries", defaultValue = "5",
      description = "retries when InfluxDB cannot be reached, waiting 0.5 s, 1 s, 2 s... (default: ${DEFAULT-VALUE})")
  int retries;

  @Option(names = "--request-timeout", paramLabel = "SECONDS",
      defaultValue = "" + InfluxTarget.DEFAULT_REQUEST_TIMEOUT_MILLIS / 1000,
      description = "deadline of one whole InfluxDB request, answer included (default: ${DEFAULT-VALUE})")
  long requestTimeout;

  @Option(names = "--retry-budget", paramLabel = "SECONDS", defaultValue = "" + InfluxTarget.DEFAULT_RETRY_BUDGET_MILLIS / 1000,
      description = "no InfluxDB retry starts later than this after a request's first failure (default: ${DEFAULT-VALUE})")
  long retryBudget;

  @Option(names = "--telegraf", paramLabel = "udp://HOST:PORT|tcp://HOST:PORT",
      description = "also send to a Telegraf socket_listener; telegraf.conf listens on " + TelegrafTarget.DEFAULT)
  String telegraf;

  @Option(names = "--telegraf-check", paramLabel = "URL", description = "the InfluxDB the --telegraf listener"
      + " writes to (database --telegraf-database): the sent points are counted there, as for --influx")
  String telegrafCheck;

  @Option(names = "--telegraf-database", defaultValue = InfluxTarget.DEFAULT_DATABASE,
      description = "database the --telegraf listener writes to (default: ${DEFAULT-VALUE})")
  String telegrafDatabase;

  @Option(names = "--check", description = "read and check the whole run folder, write and send nothing")
  boolean check;

  @Option(names = "--partial", description = "when some input is bad, still write and send every point that could"
      + " be read (exit 1 all the same)")
  boolean partial;

  @Option(names = {"-q", "--quiet"}, description = "no progress lines and no summary when all went well")
  boolean quiet;

  @Option(names = "--report-heap", hidden = true, description = "print the peak heap use at the end")
  boolean reportHeap;

  private final PrintStream err;

  public ExportCommand() {
    this(System.err);
  }

  public ExportCommand(PrintStream err) {
    this.err = err;
  }

  @Override
  public Integer call() {
    Export.Targets targets;
    try {
      InfluxTarget to = influx == null ? null
          : InfluxTarget.of(influx, database).withMaxBatchBytes(batchBytes).withRetries(retries, 500).withToken(influxToken)
          .withDeadlines(requestTimeout * 1000, retryBudget * 1000);
      targets = new Export.Targets(to == null || !writeOnly ? to : to.withWriteOnly(),
          telegraf == null ? null : TelegrafTarget.parse(telegraf),
          telegrafCheck == null ? null : InfluxTarget.of(telegrafCheck, telegrafDatabase));
    } catch (IllegalArgumentException e) {
      err.println("export: " + e.getMessage());
      return 2;
    }
    if (runDir.toString().isEmpty()) {
      err.println("export: the run folder is \"\": give results/<run-id>; nothing written");
      return 2;
    }
    // a folder is a usage error; a folder that cannot be written is said when writing (exit 1)
    String badOut = out == null || !java.nio.file.Files.isDirectory(out) ? null
        : netcalls.run.OutputFile.problem("--out", out);
    if (badOut != null) {
      err.println("export: " + badOut + "; nothing written");
      return 2;
    }
    RunExporter exporter = quiet ? RunExporter.quiet() : RunExporter.withProgress(err);
    if (partial) {
      exporter = exporter.partial();
    }
    if (check) {
      return check(exporter);
    }
    Path file = out != null ? out : RunFolder.of(runDir).points();
    int exit = Export.run(runDir, file, targets, exporter, quiet, err, err, "the export");
    if (reportHeap) {
      err.println("peak heap: " + peakHeapBytes() / (1024 * 1024) + " MiB (max "
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB)");
    }
    return exit;
  }

  private int check(RunExporter exporter) {
    try {
      ExportReport report = exporter.check(runDir);
      if (!quiet || !report.ok()) {
        err.print(report.summary());
      }
      return report.ok() ? 0 : 1;
    } catch (java.io.IOException e) {
      err.println("export --check: " + runDir + ": " + Export.reason(e));
      return 1;
    }
  }

  /** Sum of the peak use of each heap pool (an upper bound of the peak of the whole heap). */
  static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new ExportCommand()).execute(args));
  }
}
