package netcalls.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import netcalls.read.RunReader;
import netcalls.report.ReportWriter;
import netcalls.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code report RUN_DIR [--baseline OTHER]}: writes RUN_DIR/report.html, a page that needs no network. */
@Command(name = "report", mixinStandardHelpOptions = true, exitCodeOnInvalidInput = 2,
    description = "Write RUN_DIR/report.html: the run's tables and charts in one file that opens offline.")
final class ReportCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "a run folder, e.g. results/20261123-092100")
  Path runDir;

  @Option(names = "--baseline", paramLabel = "RUN_DIR",
      description = "another run folder: adds the table of compare and overlays its curves")
  Path baseline;

  @Override
  public Integer call() throws Exception {
    for (Path p : baseline == null ? new Path[] {runDir} : new Path[] {runDir, baseline}) {
      String why = RunReader.incomplete(RunFolder.of(p));
      if (why != null) {
        System.err.println("netcalls report: " + why);
        return 2;
      }
    }
    System.out.println("report " + ReportWriter.write(runDir, baseline));
    return 0;
  }
}
