package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netcalls.client.ClientKind;

/**
 * The small real runs of the real {@code target/benchmarks.jar} that every end-to-end test shares,
 * each made once per test JVM (failsafe runs all {@code *IT} classes in one JVM): the test run
 * forks JMH a handful of times in total instead of once per test class.
 */
final class SharedRun {
  /** A finished run of the jar: its folder, everything it printed, its exit code. */
  record Run(Path dir, String output, int exit) {}

  private static final Path ROOT = createRoot();
  private static Run smoke;

  private SharedRun() {}

  /**
   * One trial per benchmark class and client: RequestLatency and PairedLatency's two
   * methods (reuse over https; delays 5 and 10 ms in the blog's form) and FailureLatency (status_500);
   * one short measured iteration each.
   */
  static synchronized Run smoke() throws IOException, InterruptedException {
    if (smoke == null) {
      List<String> clients = new ArrayList<>();
      for (ClientKind c : ClientKind.values()) {
        clients.add(c.name());
      }
      smoke = run("smoke", "-f", "1", "-wi", "0", "-i", "1", "-r", "300ms",
          "-p", "client=" + String.join(",", clients), "-p", "strategy=reuse", "-p", "scheme=https",
          "-p", "delays=5,10", "-p", "scenario=status_500",
          "RequestLatency", "PairedLatency", "FailureLatency");
      assertThat(smoke.exit()).as(smoke.output()).isZero();
    }
    return smoke;
  }

  /** Runs the jar with {@code args} into a run folder named {@code runId}; fails the test past 6 minutes. */
  static Run run(String runId, String... args) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("netcalls.jar", "target/benchmarks.jar"));
    assertThat(jar).exists();
    Path log = ROOT.resolve(runId + ".log");
    List<String> cmd = new ArrayList<>(List.of("java",
        // a test run measures nothing: it may share the machine with a real run, so JMH's lock is ignored
        "-Djmh.ignoreLock=true", "-jar", jar.toString(), "--results", ROOT.toString(), "--run-id", runId));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(6, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("the run " + runId + " did not finish in 6 minutes: " + Files.readString(log));
    }
    return new Run(ROOT.resolve(runId), Files.readString(log), p.exitValue());
  }

  private static Path createRoot() {
    try {
      return Files.createTempDirectory("netcalls-it");
    } catch (IOException e) {
      throw new IllegalStateException("cannot create a temporary results folder", e);
    }
  }
}
