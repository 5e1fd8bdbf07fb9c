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

  public ForkProfiles(String dir) {
    this.dir = Path.of(dir);
  }

  /** The folder JMH's async profiler writes a parameter set's files to: its id, '%' spelled '_'. */
  static Path rowDir(Path profiles, BenchmarkParams params) {
    return profiles.resolve(params.id().replace("%", "_"));
  }

  /** Moves the regular files of {@code row} (not its fork folders) into {@code fork-<pid>/}. */
  static void keepApart(Path row, long pid) throws IOException {
    if (!Files.isDirectory(row)) {
      return; // the fork failed before the profiler wrote anything
    }
    Path fork = row.resolve(RunFolder.FORK_PREFIX + pid);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(row, Files::isRegularFile)) {
      for (Path f : files) {
        Files.createDirectories(fork);
        Files.move(f, fork.resolve(f.getFileName()));
      }
    }
  }

  @Override
  public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
    try {
      keepApart(rowDir(dir, br.getParams()), pid);
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
