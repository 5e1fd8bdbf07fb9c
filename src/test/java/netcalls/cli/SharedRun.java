package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netcalls.client.ClientKind;
import netcalls.testing.Processes;

/**
 * The small real runs of the real {@code target/benchmarks.jar} that every end-to-end test shares,
 * each made once per test JVM (failsafe runs all {@code *IT} classes in one JVM): the test run
 * forks JMH a handful of times in total instead of once per test class.
 */
public final class SharedRun {
  /** A finished run of the jar: its folder, everything it printed, its exit code. */
  public record Run(Path dir, String output, int exit) {}

  private static final Path ROOT = createRoot();
  private static Run smoke;
  private static Run[] injected;
  private static Run[] profiled;
  private static Run kinds;

  private SharedRun() {}

  /**
   * One trial per benchmark class and client: RequestLatency and PairedLatency's two
   * methods (reuse over https; delays 5 and 10 ms in the blog's form) and FailureLatency (status_500);
   * one short measured iteration each.
   */
  public static synchronized Run smoke() throws IOException, InterruptedException {
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

  /**
   * A baseline and a candidate run of one small benchmark (OkHttp, reuse, http; one fork of 30 short
   * iterations, enough for its steady state to be classified), the candidate with the built-in server
   * slowed by 2 ms a response more than the baseline's 1 ms: a change so large that a comparison cannot
   * miss it, for the end-to-end tests of compare and its outputs. The server's delay dominates both
   * sides, so a busy machine's jitter does not hide the steady state.
   */
  public static synchronized Run[] injectedPair() throws IOException, InterruptedException {
    if (injected == null) {
      String[] common = {"--warmup-cap-ms", "3000", "-f", "1", "-wi", "1", "-w", "200ms", "-i", "30", "-r", "100ms",
          "-p", "client=okhttp", "-p", "strategy=reuse", "-p", "scheme=http", "RequestLatency"};
      List<String> baseArgs = new ArrayList<>(List.of("--server-delay-us", "1000"));
      baseArgs.addAll(List.of(common));
      Run base = run("base", baseArgs.toArray(new String[0]));
      List<String> slowed = new ArrayList<>(List.of("--server-delay-us", "3000"));
      slowed.addAll(List.of(common));
      Run cand = run("cand", slowed.toArray(new String[0]));
      assertThat(base.exit()).as(base.output()).isZero();
      assertThat(cand.exit()).as(cand.output()).isZero();
      injected = new Run[] {base, cand};
    }
    return injected;
  }

  /**
   * Two small runs profiled for CPU ({@code --profile cpu}; OkHttp, reuse, http; two forks of three short
   * iterations), the
   * candidate with the facade's CPU injection on (1 ms a call, in {@code Injected.burnCpu}): for the tests of
   * the profiles, their marks and the frames that moved.
   */
  public static synchronized Run[] profiledPair() throws IOException, InterruptedException {
    if (profiled == null) {
      // two forks a side, so the frames are judged against the forks' spread; one short warm-up iteration holds
      // the trial's setup (its warm-up calls), which JMH's profiler then leaves out of the measured profile
      String[] common = {"--profile", "cpu", "--warmup-cap-ms", "500", "-f", "2", "-wi", "1", "-w", "100ms", "-i",
          "3", "-r", "200ms", "-p", "client=okhttp", "-p", "strategy=reuse", "-p", "scheme=http", "RequestLatency"};
      Run base = run("profiled-base", common);
      List<String> slowed = new ArrayList<>(List.of("-jvmArgsPrepend", "-Dnetcalls.inject.cpu.us=1000"));
      slowed.addAll(List.of(common));
      Run cand = run("profiled-cand", slowed.toArray(new String[0]));
      assertThat(base.exit()).as(base.output()).isZero();
      assertThat(cand.exit()).as(cand.output()).isZero();
      profiled = new Run[] {base, cand};
    }
    return profiled;
  }

  /** One small run profiled for CPU and allocation at once ({@code --profile cpu,alloc}; one fork, OkHttp). */
  public static synchronized Run profiledKinds() throws IOException, InterruptedException {
    if (kinds == null) {
      kinds = run("profiled-kinds", "--profile", "cpu,alloc", "--warmup-cap-ms", "300", "-f", "1", "-wi", "1", "-w",
          "100ms", "-i", "2", "-r", "200ms", "-p", "client=okhttp", "-p", "strategy=reuse", "-p", "scheme=http",
          "RequestLatency");
      assertThat(kinds.exit()).as(kinds.output()).isZero();
    }
    return kinds;
  }

  /** Runs the jar with {@code args} into a run folder named {@code runId}; fails the test past 6 minutes. */
  static Run run(String runId, String... args) throws IOException, InterruptedException {
    Path jar = Processes.jarPath();
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
