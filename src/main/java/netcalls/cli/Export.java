package netcalls.cli;

import java.io.PrintStream;
import java.nio.file.Path;

/** The exporter's step after a run; wired to netcalls.export once that package lands. */
final class Export {
  private Export() {}

  static int afterRun(Path runDir, PrintStream out, PrintStream err) {
    return 0;
  }
}
