package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import netcalls.testing.Processes.Result;
import netcalls.testing.Processes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The measurement scripts without measuring (HarnessScriptsIT runs some for real): bash parses them whole, and bad
 * options stop them with one line and exit 2 before anything runs, through the parsing they share
 * (scripts/lib/common.sh).
 */
class HarnessScriptsTest {

  @ParameterizedTest
  @ValueSource(strings = {"scripts/harness-vs-bare.sh", "scripts/trace-overhead.sh", "scripts/levers.sh",
      "scripts/cost-overhead.sh", "scripts/jdk-settings.sh", "scripts/generator-floor.sh", "scripts/steady-spread.sh",
      "scripts/openloop-sweep.sh", "scripts/server-vs-nginx.sh", "scripts/thread-switches.sh", "scripts/okhttp-nagle.sh",
      "scripts/export-heap.sh", "scripts/default-suite-time.sh"})
  void bashParsesTheWholeScript(String script) throws Exception {
    Result r = run("bash", "-n", script);
    assertThat(r.exit()).as(script + ": " + r.err()).isZero();
    assertThat(Files.isExecutable(Path.of(script))).as(script + " is executable").isTrue();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "scripts/harness-vs-bare.sh --rounds 0|harness-vs-bare: --rounds 0: give a whole number of 1 or more",
      "scripts/harness-vs-bare.sh --seconds x|harness-vs-bare: --seconds x: give a whole number of 1 or more",
      "scripts/harness-vs-bare.sh --limit -1|harness-vs-bare: --limit -1: give a ratio such as 1.10",
      "scripts/harness-vs-bare.sh --clients|harness-vs-bare: --clients needs a value (see the usage at the top of the script)",
      "scripts/harness-vs-bare.sh --bogus|harness-vs-bare: unknown argument: --bogus (use --rounds, --clients, --seconds, --limit, --dry-run)",
      "scripts/trace-overhead.sh --forks 0|trace-overhead: --forks 0: give a whole number of 1 or more",
      "scripts/trace-overhead.sh --bogus|trace-overhead: unknown argument: --bogus (use --forks, --clients, --dry-run)",
      "scripts/levers.sh --forks 0|levers.sh: --forks 0: give a whole number >= 1",
      "scripts/levers.sh --setups default,fast|levers.sh: unknown set-up fast (known: default, pinned, heap-gc, one-cpu)",
      "scripts/levers.sh --bogus|levers.sh: unknown option --bogus (use --forks N, --clients a,b, --setups a,b, --out DIR)",
      "scripts/cost-overhead.sh --forks 2|cost-overhead: --before JAR is required: the jar built without the counters",
      "scripts/cost-overhead.sh --before no-such.jar|cost-overhead: --before no-such.jar: no such file",
      "scripts/cost-overhead.sh --before pom.xml --forks 0|cost-overhead: --forks 0: give a whole number of 1 or more",
      "scripts/jdk-settings.sh --jvm|jdk-settings: --jvm needs a value (see the usage at the top of the script)",
      "scripts/jdk-settings.sh --bogus|jdk-settings: unknown argument: --bogus (use --forks, --variants, --jvm, --dry-run)",
      "scripts/generator-floor.sh --rate x|generator-floor: --rate x: give requests per second, a number",
      "scripts/generator-floor.sh --bogus|generator-floor: unknown argument: --bogus (use --forks, --rate, --seconds, --dry-run)",
      "scripts/thread-switches.sh --seconds 0|thread-switches: --seconds 0: give a whole number of 1 or more",
      "scripts/thread-switches.sh --no-experiment --bogus|thread-switches: unknown argument: --bogus (use --clients,"
          + " --seconds, --no-experiment, --dry-run)",
      "scripts/levers.sh --out|levers.sh: --out needs a value (see the usage at the top of the script)",
      "scripts/steady-spread.sh --forks|steady-spread.sh: --forks needs a value (see the usage at the top of the script)",
      "scripts/steady-spread.sh --bogus|steady-spread.sh: unknown option --bogus (use --forks N, --clients a,b, --out DIR)",
      "scripts/default-suite-time.sh --budget|default-suite-time.sh: --budget needs a value (see the usage at the top of"
          + " the script)",
      "scripts/default-suite-time.sh --budget soon|default-suite-time.sh: --budget soon: give a whole number of 1 or more",
      "scripts/default-suite-time.sh --bogus|default-suite-time.sh: unknown option --bogus (use --budget SECONDS, then --"
          + " launcher options)",
      "scripts/openloop-sweep.sh --jar|openloop-sweep.sh: --jar needs a value (see the usage at the top of the script)",
      "scripts/openloop-sweep.sh --dry-run --seconds soon|openloop-sweep.sh: --seconds soon: give a number of seconds",
      "scripts/server-vs-nginx.sh --bogus|server-vs-nginx: unknown argument: --bogus (use --strict)",
      "scripts/okhttp-nagle.sh 0|okhttp-nagle: ROUNDS must be a positive whole number, got '0'"})
  void badOptionsExit2BeforeAnythingRuns(String args, String message) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash"));
    command.addAll(Arrays.asList(args.split(" ")));
    Result r = run(command.toArray(new String[0]));
    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  static Result run(String... command) throws Exception {
    return run(List.of(), command);
  }

  /** Runs {@code command} in the project folder with extra {@code env} entries ("NAME=value"). */
  static Result run(List<String> env, String... command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command);
    for (String e : env) {
      pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    return Processes.run(pb, Duration.ofMinutes(5));
  }
}
