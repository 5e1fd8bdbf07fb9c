package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netcalls.testing.Processes.Result;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/openloop-sweep.sh without a benchmark: bash parses it, --dry-run shows the pinned server and benchmark
 * commands, bad options stop it with one line (OpenLoopSweepIT runs it for real, for 1 s).
 */
class OpenLoopSweepScriptTest {
  private static final String SCRIPT = "scripts/openloop-sweep.sh";

  @Test
  void bashParsesItAndItIsExecutable() throws Exception {
    assertThat(run("bash", "-n", SCRIPT).exit()).isZero();
    assertThat(Files.isExecutable(Path.of(SCRIPT))).isTrue();
  }

  @Test
  void aDryRunShowsTheServeProcessAndEachRateAgainstItWithTheCertificate() throws Exception {
    Result r = run("bash", SCRIPT, "--dry-run", "--rates", "10,2.5", "--strategies", "reuse", "--seconds", "2");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("# server: (taskset -c 0 )?java -jar target/benchmarks.jar serve --host 127.0.0.1"
        + " --http-port 0 --https-port 0 --cert-out \\S+/server.pem");
    assertThat(r.out()).containsPattern("(taskset -c 1 )?java -jar target/benchmarks.jar --target https://127.0.0.1:PORT"
        + " --trust \\S+/server.pem --results results --run-id openloop-\\S+-reuse-10 --no-export OpenLoopLatency"
        + " -p client=okhttp -p strategy=reuse -p rate=10 -p seconds=2 -f 1");
    assertThat(r.out()).contains("-p rate=2.5 ");
    if (Runtime.getRuntime().availableProcessors() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"))) {
      assertThat(r.out()).contains("# pinning: server on CPU 0, benchmark JVM on CPU 1 (taskset)");
    }
    Result http = run("bash", SCRIPT, "--dry-run", "--scheme", "http");
    assertThat(http.out()).contains("--target http://127.0.0.1:PORT --results").doesNotContain("--trust");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--rates 0|openloop-sweep.sh: --rates: 0 is not a rate above 0 (requests per second)",
      "--rates 10,x|openloop-sweep.sh: --rates: x is not a rate above 0 (requests per second)",
      "--scheme ftp|openloop-sweep.sh: --scheme ftp: give http or https",
      "--forks 0|openloop-sweep.sh: --forks 0: give a whole number of 1 or more",
      "--bogus|openloop-sweep.sh: unknown option --bogus: see --help"})
  void badOptionsExit2WithOneLine(String args, String message) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", SCRIPT, "--dry-run"));
    command.addAll(Arrays.asList(args.split(" ")));
    Result r = run(command.toArray(new String[0]));
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    return Processes.run(new ProcessBuilder(command), Duration.ofSeconds(30));
  }
}
