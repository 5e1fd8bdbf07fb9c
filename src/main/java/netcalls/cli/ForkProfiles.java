package netcalls.cli;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import netcalls.run.RunFolder;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * Keeps each fork's profile apart: JMH's {@code -prof async} writes every fork of a parameter set into one folder
 * (a later fork overwrites the earlier one's files), so after each fork ends this moves its files into
 * {@code fork-<pid>/} of that folder. The pid is the one in the fork's samples file name, which gives its measured
 * calls. Runs in the launcher, between forks; added after {@code async}, so it sees the files that fork wrote.
 */
public final class ForkProfiles implements ExternalProfiler {
  private final Path dir;
  private final List<String> kinds;

  /** {@code kinds|dir}: see {@link #initLine}. */
  public ForkProfiles(String initLine) {
    int bar = initLine.indexOf('|');
    this.kinds = List.of(initLine.substring(0, bar).split(","));
    this.dir = Path.of(initLine.substring(bar + 1));
  }

  static String initLine(Profiling.Plan plan) {
    return plan.names() + "|" + plan.dir();
  }

  /** The folder JMH's async profiler writes a parameter set's files to: its id, '%' spelled '_'. */
  static Path rowDir(Path profiles, BenchmarkParams params) {
    return profiles.resolve(params.id().replace("%", "_"));
  }

  /** Moves the regular files of {@code row} (not its fork folders) into {@code fork-<pid>/}; returns that folder. */
  static Path keepApart(Path row, long pid) throws IOException {
    if (!Files.isDirectory(row)) {
      return null; // the fork failed before the profiler wrote anything
    }
    Path fork = row.resolve(RunFolder.FORK_PREFIX + pid);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(row, Files::isRegularFile)) {
      for (Path f : files) {
        Files.createDirectories(fork);
        Files.move(f, fork.resolve(f.getFileName()));
      }
    }
    return Files.isDirectory(fork) ? fork : null;
  }

  /**
   * Several kinds recorded together into one JFR file ({@code jfr-EVENT.jfr}): collapsed stacks and a flame graph
   * per kind beside it, named as JMH names one kind's ({@code collapsed-KIND.csv}, {@code flame-KIND.html}).
   */
  static void perKind(Path fork, List<String> kinds) throws IOException {
    try (DirectoryStream<Path> jfrs = Files.newDirectoryStream(fork, "jfr-*.jfr")) {
      for (Path jfr : jfrs) {
        for (var e : JfrStacks.read(jfr, kinds).entrySet()) {
          List<String> lines = JfrStacks.lines(e.getValue());
          Files.write(fork.resolve("collapsed-" + e.getKey() + ".csv"), lines);
          Files.writeString(fork.resolve("flame-" + e.getKey() + ".html"),
              netcalls.compare.DiffFlameGraph.single(fork.getParent().getFileName() + " " + e.getKey(), lines));
        }
      }
    }
  }

  @Override
  public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
    try {
      Path fork = keepApart(rowDir(dir, br.getParams()), pid);
      if (fork != null && kinds.size() > 1) {
        try {
          perKind(fork, kinds);
        } catch (IOException | RuntimeException e) { // the fork's JFR stays; its stacks per kind are missing
          System.err.println("netcalls: cannot read the JFR file in " + fork + " (" + e.getMessage() + "): its"
              + " stacks per kind are missing; the run goes on");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move the fork's profile under " + dir + ": check that it is writable", e);
    }
    return List.of();
  }

  @Override
  public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
    return List.of();
  }

  @Override
  public Collection<String> addJVMOptions(BenchmarkParams params) {
    return List.of();
  }

  @Override
  public void beforeTrial(BenchmarkParams params) {
    // nothing before a fork: its files are moved after it
  }

  @Override
  public boolean allowPrintOut() {
    return true;
  }

  @Override
  public boolean allowPrintErr() {
    return true;
  }

  @Override
  public String getDescription() {
    return "netcalls: keeps each fork's async-profiler files in a folder of its own";
  }
}
