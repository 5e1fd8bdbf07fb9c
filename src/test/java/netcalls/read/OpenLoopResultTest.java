package netcalls.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netcalls.export.Fixtures;
import netcalls.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** openloop/<trial>.json as written by real small runs (src/test/resources/runs/openloop-*), and damaged copies. */
class OpenLoopResultTest {
  @TempDir
  Path tmp;

  private final List<String> errors = new ArrayList<>();
  private final Problems problems = new Problems() {
    @Override
    public void error(String message) {
      errors.add(message);
    }

    @Override
    public void warn(String message) {}
  };

  @Test
  void aValidRunHasOneResultPerForkWithBothLatencies() {
    List<OpenLoopResult> rs = RunReader.openLoop(RunFolder.of(Fixtures.copyRun("openloop-ok", tmp)), problems);
    assertThat(errors).isEmpty();
    assertThat(rs).hasSize(3);
    for (OpenLoopResult r : rs) {
      assertThat(r.valid()).isTrue();
      assertThat(r.noLatencyBecause()).isNull();
      assertThat(r.benchmark()).isEqualTo("netcalls.bench.OpenLoopLatency.run");
      assertThat(r.params()).containsEntry("rate", "50").containsEntry("client", "okhttp");
      assertThat(r.intendedRate()).isEqualTo(50.0);
      assertThat(r.achievedRate()).isGreaterThanOrEqualTo(0.95 * 50);
      assertThat(r.corrected()).containsKeys("p50", "p90", "p99", "p99.9", "p99.99", "max");
      assertThat(r.uncorrected()).containsKeys("p50", "p99", "max");
      // from the intended start, never shorter than from the actual send
      assertThat(r.corrected().get("p50")).isGreaterThanOrEqualTo(r.uncorrected().get("p50"));
      assertThat(r.scheduled()).isEqualTo(50);
      assertThat(r.ok()).isEqualTo(50);
    }
  }

  @Test
  void aRunThatMissedItsRateIsReadAsNoLatencyBecause() {
    List<OpenLoopResult> rs = RunReader.openLoop(RunFolder.of(Fixtures.copyRun("openloop-bad", tmp)), problems);
    assertThat(errors).isEmpty();
    OpenLoopResult r = rs.get(0);
    assertThat(r.valid()).isFalse();
    assertThat(r.corrected()).isNull();
    assertThat(r.uncorrected()).isNull();
    assertThat(r.rateReached()).isFalse();
    assertThat(r.noLatencyBecause()).startsWith("no latency, because rate not reached: 41.3 of 200.0 requests/s")
        .contains("error budget exceeded");
    assertThat(r.timeouts()).isEqualTo(97);
  }

  @Test
  void aDamagedFileIsNamedWithItsFieldAndLeftOut() throws IOException {
    Path run = Fixtures.copyRun("openloop-ok", tmp);
    Path f;
    try (var s = Files.list(run.resolve("openloop"))) {
      f = s.sorted().findFirst().orElseThrow();
    }
    Files.writeString(f, Files.readString(f).replace("\"achieved_rate\" :", "\"achieved_rate\" : \"fast\", \"x\" :"));
    List<OpenLoopResult> rs = RunReader.openLoop(RunFolder.of(run), problems);
    assertThat(rs).hasSize(2);
    assertThat(errors).singleElement().asString().startsWith(f.toString())
        .contains("field achieved_rate: \"fast\" is not a number").contains("left out");
  }

  @Test
  void statusOkWithoutPercentilesIsAnError() throws IOException {
    Path run = Fixtures.copyRun("openloop-ok", tmp);
    Path f;
    try (var s = Files.list(run.resolve("openloop"))) {
      f = s.sorted().findFirst().orElseThrow();
    }
    Files.writeString(f, Files.readString(f).replace("\"corrected_us\" :", "\"corrected_us\" : null, \"x\" :"));
    RunReader.openLoop(RunFolder.of(run), problems);
    assertThat(errors).singleElement().asString().contains("field corrected_us: missing, but status is ok");
  }

  @Test
  void noFolderNoResults() {
    assertThat(RunReader.openLoop(RunFolder.of(tmp), problems)).isEmpty();
    assertThat(errors).isEmpty();
  }
}
