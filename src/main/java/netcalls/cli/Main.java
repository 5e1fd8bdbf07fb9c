package netcalls.cli;

import java.util.Arrays;
import netcalls.server.ServeCommand;
import picocli.CommandLine;

/**
 * The jar's entry point. {@code java -jar target/benchmarks.jar [JMH options]} runs benchmarks
 * (the default suite with no arguments); {@code serve}, {@code export}, {@code summary},
 * {@code compare}, {@code report} and {@code docs} are subcommands.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length > 0) {
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      switch (args[0]) {
        case "serve":
          return new CommandLine(new ServeCommand()).execute(rest);
        case "export":
          return new CommandLine(new ExportCommand()).execute(rest);
        case "summary":
          return new CommandLine(new SummaryCommand()).execute(rest);
        case "compare": return new CommandLine(new CompareCommand()).execute(rest);
        case "report": return new CommandLine(new ReportCommand()).execute(rest);
        case "spread": return new CommandLine(new SpreadCommand()).execute(rest);
        case "history": return HistoryCommand.run(rest);
        case "docs": return new CommandLine(new DocsCommand()).execute(rest);
        default:
          break;
      }
    }
    return new RunCommand().run(args);
  }
}
