package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** netcalls_openloop from run folders written by real small open-loop runs (src/test/resources/runs/openloop-*). */
class OpenLoopPointsTest {
  @TempDir
  Path tmp;

  private List<String> openLoopLines(Path run) {
    return Fixtures.lines(run.resolve("points.lp")).stream().filter(l -> l.startsWith("netcalls_openloop,")).toList();
  }

  @Test
  void aValidRunHasOnePointPerForkWithBothLatenciesAndNoWarning() throws Exception {
    Path run = Fixtures.copyRun("openloop-ok", tmp);
    ExportReport report = RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings()).as(report.summary()).isEmpty();
    assertThat(report.pointsBuilt(InfluxMeasurement.OPENLOOP)).isEqualTo(3);
    List<String> lines = openLoopLines(run);
    assertThat(lines).hasSize(3).allSatisfy(l -> {
      assertThat(LineCheck.problem(l)).isNull();
      assertThat(l).contains(",client=okhttp,").contains(",rate=50,").contains(",status=ok,").doesNotContain("mode=")
          .contains("intended_rate=50.0").contains("rate_reached=true").contains("scheduled=50i")
          .contains("corrected_p50_us=").contains("corrected_p99_9_us=").contains("corrected_max_us=")
          .contains("uncorrected_p99_us=").contains("send_lag_p99_us=").contains("cores_used=")
          .doesNotContain("problems=");
    });
    // three forks of one parameter set: one series, three distinct times
    assertThat(lines.stream().map(l -> l.substring(l.lastIndexOf(' '))).distinct()).hasSize(3);
  }

  @Test
  void aRunThatMissedItsRateHasRatesAndReasonsButNoLatencyAndOneNote() throws Exception {
    Path run = Fixtures.copyRun("openloop-bad", tmp);
    ExportReport report = RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    assertThat(report.errors()).isEmpty();
    assertThat(report.pointsFileWritten()).isTrue();
    assertThat(report.warnings()).as(report.summary()).singleElement().asString()
        .contains("open loop: 9 secondary metric(s) not written").contains("rate not reached or error budget exceeded")
        .contains("netcalls_openloop");
    assertThat(openLoopLines(run)).singleElement().asString().contains(",status=not_valid,")
        .contains("achieved_rate=41.265").contains("rate_reached=false").contains("timeouts=97i")
        .contains("problems=\"rate not reached: 41.3 of 200.0 requests/s").doesNotContain("corrected_p50_us");
  }
}
