package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.util.Optional;

/** OpenLoopLatency's parameters are checked by the launcher, before any fork, with one line naming the value. */
class OpenLoopParamCheckTest {
  @TempDir
  Path tmp;

  private static void check(Map<String, List<String>> given) {
    ParamCheck.validate(k -> given.containsKey(k) ? Optional.<Collection<String>>of(given.get(k)) : Optional.none());
  }

  @Test
  void goodValuesPass() {
    assertThatCode(() -> check(Map.of("rate", List.of("0.5", "200"), "seconds", List.of("3"), "connections",
        List.of("0", "64"), "timeoutMs", List.of("1"), "errorBudget", List.of("0", "100")))).doesNotThrowAnyException();
  }

  @Test
  void eachBadValueIsNamedWithWhatToGive() {
    assertThatThrownBy(() -> check(Map.of("rate", List.of("100", "0")))).hasMessage(
        "-p rate=0: give requests per second above 0, e.g. 200 or 0.5");
    assertThatThrownBy(() -> check(Map.of("rate", List.of("fast")))).hasMessageStartingWith("-p rate=fast: not a number");
    assertThatThrownBy(() -> check(Map.of("seconds", List.of("-1")))).hasMessageStartingWith("-p seconds=-1: give");
    assertThatThrownBy(() -> check(Map.of("connections", List.of("-1")))).hasMessageStartingWith("-p connections=-1: give 0");
    assertThatThrownBy(() -> check(Map.of("connections", List.of("2.5")))).hasMessageStartingWith(
        "-p connections=2.5: not a whole number");
    assertThatThrownBy(() -> check(Map.of("timeoutMs", List.of("0")))).hasMessageStartingWith("-p timeoutMs=0: give");
    assertThatThrownBy(() -> check(Map.of("errorBudget", List.of("101")))).hasMessage(
        "-p errorBudget=101: give a percent from 0 to 100, e.g. 1");
    assertThatThrownBy(() -> check(Map.of("errorBudget", List.of("NaN")))).hasMessageStartingWith("-p errorBudget=NaN");
  }

  /** Through the launcher: exit 2, one line, and no fork ran (no run folder content beyond what a refusal leaves). */
  @Test
  void theLauncherRefusesBeforeAnyFork() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code = Main.run(new String[] {"--results", tmp.toString(), "OpenLoopLatency", "-p", "rate=-5"});
    } finally {
      System.setErr(saved);
    }
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("-p rate=-5: give requests per second above 0");
    try (var files = Files.walk(tmp)) {
      assertThat(files.anyMatch(p -> p.getFileName().toString().equals("jmh.json"))).isFalse();
    }
  }
}
