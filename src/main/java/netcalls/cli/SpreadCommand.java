package netcalls.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import netcalls.compare.CompareException;
import netcalls.compare.Spread;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code spread RUN_DIR...}: how far the forks of these runs scatter, row by row (docs/STEADY.md). */
@Command(name = "spread", mixinStandardHelpOptions = true,
    description = "Per benchmark × parameters, the forks of the given runs pooled: median p50, CV with its 95 % upper"
        + " bound, min-max; only forks that reached a steady state.")
final class SpreadCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "run folders, e.g. results/a results/b")
  List<Path> runs;

  @picocli.CommandLine.Option(names = "--all-forks",
      description = "use every fork, steady or not (a setup without steady-state detection)")
  boolean allForks;

  @picocli.CommandLine.Option(names = "--json", description = "one JSON object per row, for scripts")
  boolean json;

  @Override
  public Integer call() {
    try {
      List<Spread.Row> rows = Spread.of(runs, allForks);
      if (json) {
        for (Spread.Row r : rows) {
          System.out.println(netcalls.read.Json.MAPPER.writeValueAsString(r));
        }
      } else {
        System.out.print(Spread.render(rows));
      }
      return 0;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      System.err.println("netcalls spread: " + e.getOriginalMessage());
      return 2;
    } catch (CompareException e) {
      System.err.println("netcalls spread: " + e.getMessage());
      return 2;
    }
  }
}
