package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole summary of a recorded run folder that has every section (profile, thin and unchecked latency rows,
 * open loop with and without latency, warm-ups, phases, failures, cost, live mode, a file not read), held
 * byte for byte against the text recorded in src/test/resources/summary/: any change to the layout shows here.
 * On a difference the text made is left in target/summary-all.actual.txt, to compare or to record.
 */
class SummaryGoldenTest {
  @TempDir
  Path tmp;

  @Test
  void theWholeSummaryOfARecordedRunIsTheRecordedText() throws Exception {
    Path run = Fixtures.copyRun("summary-all", tmp);
    String actual = Summary.render(run).replace(run.toString(), "RUN");
    String expected = new String(SummaryGoldenTest.class.getResourceAsStream("/summary/summary-all.txt").readAllBytes(),
        StandardCharsets.UTF_8);
    if (!actual.equals(expected)) {
      Files.writeString(Path.of("target/summary-all.actual.txt"), actual, StandardCharsets.UTF_8);
    }
    assertThat(actual).isEqualTo(expected);
  }
}
