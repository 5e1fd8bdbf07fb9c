package netcalls.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code summary RUN_DIR}: prints the tables of an earlier run again. */
@Command(name = "summary", mixinStandardHelpOptions = true, description = "Print the summary tables of a run folder.")
final class SummaryCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "a run folder, e.g. results/20261123-092100")
  Path runDir;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(runDir)) {
      System.err.println("netcalls: " + runDir + " is not a run folder: give results/<run-id>");
      return 2;
    }
    System.out.print(Summary.render(runDir));
    // the tables show what could be read; an incomplete run is said once more, last, and exits 1 as export does
    java.util.List<String> incomplete = netcalls.read.Completeness.problems(netcalls.run.RunFolder.of(runDir));
    if (!incomplete.isEmpty()) {
      System.err.println("netcalls summary: " + incomplete.get(0)
          + (incomplete.size() > 1 ? " (and " + (incomplete.size() - 1) + " more)" : ""));
      return 1;
    }
    return 0;
  }
}
