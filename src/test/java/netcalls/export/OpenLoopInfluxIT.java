package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.sink.InfluxTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** netcalls_openloop in a real InfluxDB: one point per fork, latency only for a trial whose load happened. */
@Tag(InfluxSupport.TAG)
class OpenLoopInfluxIT extends WithInfluxDatabase {
  OpenLoopInfluxIT() {
    super("openloop");
  }

  private ExportReport send(String fixture) throws Exception {
    Path run = Fixtures.copyRun(fixture, tmp);
    RunExporter exporter = RunExporter.quiet();
    ExportReport report = exporter.exportToFile(run, run.resolve("points.lp"));
    exporter.sendToInflux(report, InfluxTarget.of(InfluxSupport.url(), database, Map.of()));
    assertThat(report.deliveries()).singleElement().satisfies(d -> assertThat(d.ok()).as(report.summary()).isTrue());
    return report;
  }

  @Test
  void validAndNotValidTrialsArriveAsWritten() throws Exception {
    send("openloop-ok");
    send("openloop-bad");
    assertThat(InfluxSupport.count(influx, database, InfluxMeasurement.OPENLOOP, "okA")).isEqualTo(3);
    assertThat(InfluxSupport.count(influx, database, InfluxMeasurement.OPENLOOP, "bad")).isEqualTo(1);
    List<List<Object>> ok = InfluxSupport.rows(influx, database,
        "SELECT corrected_p99_us, uncorrected_p99_us, rate_reached FROM netcalls_openloop WHERE run = 'okA' AND status = 'ok'");
    assertThat(ok).hasSize(3).allSatisfy(r -> {
      assertThat(((Number) r.get(1)).doubleValue()).isGreaterThan(0);
      assertThat(((Number) r.get(1)).doubleValue()).as("from the intended start, never below the service time").isGreaterThanOrEqualTo(((Number) r.get(2)).doubleValue());
      assertThat(r.get(3)).isEqualTo(true);
    });
    List<List<Object>> bad = InfluxSupport.rows(influx, database,
        "SELECT achieved_rate, corrected_p99_us, problems FROM netcalls_openloop WHERE run = 'bad' AND status = 'not_valid'");
    assertThat(bad).singleElement().satisfies(r -> {
      assertThat(((Number) r.get(1)).doubleValue()).isEqualTo(41.265);
      assertThat(r.get(2)).as("no latency for a load that never happened").isNull();
      assertThat((String) r.get(3)).startsWith("rate not reached");
    });
  }
}
