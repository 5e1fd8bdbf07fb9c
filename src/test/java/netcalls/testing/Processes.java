package netcalls.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a real process (a script, the jar, git) to its end and keeps its exit code, stdout and stderr:
 * the one copy of what the script and jar tests each wrote. Output goes to temporary files, never a
 * pipe, so a chatty process cannot block on a full pipe; they are deleted afterwards.
 */
public final class Processes {
  private Processes() {}

  /** A finished process. */
  public record Result(int exit, String out, String err) {}

  /** The jar the integration tests run: {@code -Dnetcalls.jar}, else the one {@code mvn package} built. */
  public static Path jarPath() {
    return Path.of(System.getProperty("netcalls.jar", "target/benchmarks.jar"));
  }

  /** {@code bash SCRIPT ARGS...} in the project folder. */
  public static Result script(Duration timeout, String script, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", script));
    command.addAll(Arrays.asList(args));
    return run(new ProcessBuilder(command), timeout);
  }

  /**
   * {@code java -jar benchmarks.jar ARGS...} in the project folder, its stdout and stderr merged in the order a user
   * sees them: {@code out} holds both, {@code err} is empty.
   */
  public static Result jar(Duration timeout, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", jarPath().toString()));
    command.addAll(Arrays.asList(args));
    return run(new ProcessBuilder(command).redirectErrorStream(true), timeout);
  }

  /** {@code command} in {@code dir} with {@code env} added (and {@code unset} removed) from this process's. */
  public static Result run(List<String> command, Path dir, Map<String, String> env, List<String> unset, Duration timeout)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    unset.forEach(pb.environment()::remove);
    pb.environment().putAll(env);
    return run(pb, timeout);
  }

  /** Starts {@code pb} with its output to files; kills it and fails when it does not end in {@code timeout}. */
  public static Result run(ProcessBuilder pb, Duration timeout) throws IOException, InterruptedException {
    Path out = Files.createTempFile("netcalls-process", ".out");
    Path err = Files.createTempFile("netcalls-process", ".err");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("no exit within " + timeout.toSeconds() + " s: " + String.join(" ", pb.command()));
      }
      return new Result(p.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
