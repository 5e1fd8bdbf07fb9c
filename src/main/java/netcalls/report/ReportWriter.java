package netcalls.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import netcalls.run.RunFolder;

/**
 * Writes {@code results/<run-id>/report.html}: one self-contained page (no network) with the run's tables and
 * charts, drawn from its histograms and summaries, never from raw samples. The launcher calls
 * {@link #write} after each run; the {@code report} command calls it for any run.
 */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes the report of {@code runDir} (compared with {@code baselineOrNull} when given) into the run folder
   * and returns its path. The file is written beside and moved in place, so a reader never sees half of it.
   */
  public static Path write(Path runDir, Path baselineOrNull) throws IOException {
    Path out = RunFolder.of(runDir).report();
    Path tmp = out.resolveSibling(RunFolder.REPORT + ".tmp");
    Files.writeString(tmp, render(runDir, baselineOrNull), StandardCharsets.UTF_8);
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return out;
  }

  /** The report's HTML. */
  public static String render(Path runDir, Path baselineOrNull) throws IOException {
    return Page.render(ReportData.of(runDir, baselineOrNull));
  }
}
