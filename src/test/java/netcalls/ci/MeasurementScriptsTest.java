package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import netcalls.testing.Processes;
import netcalls.testing.Processes.Result;
import org.junit.jupiter.api.Test;

/**
 * The measurement scripts of docs/FAIRNESS.md without a benchmark: --dry-run shows forks alternating between the two
 * sides and the comparison of them; a bad option stops with one line. The lead runs them for the figures.
 */
class MeasurementScriptsTest {

  @Test
  void generatorFloorAlternatesSpinOffAndOnAndComparesThemIgnoringTheSpin() throws Exception {
    assertThat(Files.isExecutable(Path.of("scripts/generator-floor.sh"))).isTrue();
    Result r = run("bash", "scripts/generator-floor.sh", "--dry-run", "--forks", "2", "--rate", "500");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().filter(l -> l.contains("OpenLoopLatency")).map(l -> l.replaceAll(".* -p spin=", "")))
        .containsExactly("off", "on", "on", "off");
    assertThat(r.out()).contains("-p rate=500 ").contains(
        "compare --ignore-param spin --format json RESULTS/f1-spin-off,RESULTS/f2-spin-off RESULTS/f1-spin-on,RESULTS/f2-spin-on");
    Result bad = run("bash", "scripts/generator-floor.sh", "--dry-run", "--forks", "0");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo("generator-floor: --forks 0: give a whole number of 1 or more\n");
  }

  @Test
  void jdkSettingsAlternatesTheDefaultAndEachVariantOnTheJdkClient() throws Exception {
    assertThat(Files.isExecutable(Path.of("scripts/jdk-settings.sh"))).isTrue();
    Result r = run("bash", "scripts/jdk-settings.sh", "--dry-run", "--forks", "2", "--jvm", "/opt/jdk");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("--jvm /opt/jdk -f 1 -jvmArgsPrepend -Dnetcalls.jdk.requestTimeout=off RequestLatency"
        + " -p client=jdk -p strategy=reuse -p scheme=http");
    assertThat(r.out()).contains("-jvmArgsPrepend -Djdk.httpclient.disableRetryConnect=true RequestLatency");
    assertThat(r.out().lines().filter(l -> l.startsWith("java -jar target/benchmarks.jar compare"))).hasSize(2);
    Result bad = run("bash", "scripts/jdk-settings.sh", "--dry-run", "--variants", "fast");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).isEqualTo(
        "jdk-settings: --variants: unknown variant fast (use no-request-timeout, no-retry-connect)\n");
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    return Processes.run(new ProcessBuilder(command), Duration.ofSeconds(30));
  }
}
