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
 * scripts/gate-check.sh takes most of an hour, so it never runs here; what can be checked without
 * running a benchmark is: bash parses it whole, and bad options stop it before anything is built.
 */
class GateCheckScriptTest {

  @Test
  void bashParsesTheWholeScript() throws Exception {
    for (String script : List.of("scripts/gate-check.sh", "scripts/nightly.sh")) {
      Result r = bash("-n", script);
      assertThat(r.exit()).as(script + ": " + r.err()).isZero();
      assertThat(Files.isExecutable(Path.of(script))).as(script + " is executable").isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--pairs 0|gate-check: --pairs 0: give at least 1",
      "--forks x|gate-check: --forks x: give a whole number",
      "--injections 0|gate-check: --injections: 0 is no slowdown; give sizes > 0 us",
      "--injections 5,10|gate-check: --injections 5,10: give a whole number",
      "--base-delay-us|gate-check: --base-delay-us needs a value (see the usage at the top of scripts/gate-check.sh)",
      "--bogus|gate-check: unknown option --bogus (see the usage at the top of scripts/gate-check.sh)"})
  void badOptionsExit2BeforeAnythingRuns(String args, String message) throws Exception {
    List<String> command = new ArrayList<>(List.of("scripts/gate-check.sh"));
    command.addAll(Arrays.asList(args.split(" ")));
    Result r = bash(command.toArray(new String[0]));

    assertThat(r.exit()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).isEqualTo(message + "\n");
  }

  private static Result bash(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash"));
    command.addAll(Arrays.asList(args));
    return Processes.run(new ProcessBuilder(command), Duration.ofSeconds(30));
  }
}
