package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.sink.Delivery;
import netcalls.export.sink.InfluxSink;
import netcalls.export.sink.InfluxTarget;
import netcalls.read.Json;
import org.influxdb.InfluxDB;
import org.influxdb.dto.Query;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a real InfluxDB 1.x refuses, each on its own disposable influxd: no credentials when auth is on,
 * points beyond the retention policy, the max-values-per-tag limit. Each is final at once, says what to do,
 * and a re-run once it is fixed sends what is missing without doubling anything.
 */
@Tag(InfluxSupport.TAG)
class InfluxLimitsIT {
  @TempDir
  Path tmp;

  private final List<Long> sleeps = new ArrayList<>();

  private Delivery export(Path run, InfluxTarget target) throws Exception {
    RunExporter exporter = new RunExporter(null, System::nanoTime, Long.MAX_VALUE, sleeps::add);
    ExportReport r = exporter.exportToFile(run, run.resolve("points.lp"));
    assertThat(r.errors()).isEmpty();
    return exporter.send(r, exporter.influx(target));
  }

  @Test
  void withoutCredentialsAuthIsFinalAtOnceAndWithThemTheReRunCompletesTheRun() throws Exception {
    try (InfluxSupport.Server server = new InfluxSupport.Server(25_000_000, "  auth-enabled = true\n", "")) {
      try (InfluxDB admin = InfluxSupport.connect(server.url)) {
        admin.query(new Query("CREATE USER \"bench\" WITH PASSWORD 'pw' WITH ALL PRIVILEGES"));
      }
      Path run = Fixtures.copyRun("basic", tmp);
      Delivery refused = export(run, InfluxTarget.of(server.url, "netcalls", Map.of()).withRetries(5, 10));
      assertThat(refused.requests()).isEqualTo(1);
      assertThat(sleeps).isEmpty();
      assertThat(refused.written()).isZero();
      assertThat(refused.notWritten()).isEqualTo(157);
      assertThat(refused.errors()).singleElement().asString().contains("INFLUX_USER", "INFLUX_PASSWORD", "HTTP 401");

      InfluxTarget withUser = InfluxTarget.of(server.url, "netcalls",
          Map.of("INFLUX_USER", "bench", "INFLUX_PASSWORD", "pw"));
      Delivery again = export(run, withUser);
      assertThat(again.ok()).as(again.summary()).isTrue();
      Delivery twice = export(run, withUser); // resumable: re-sending doubles nothing (its verification says so)
      assertThat(twice.ok()).as(twice.summary()).isTrue();
    }
  }

  @Test
  void pointsBeyondTheRetentionPolicyStopTheExportAfterOneRequest() throws Exception {
    try (InfluxSupport.Server server = new InfluxSupport.Server(25_000_000)) {
      try (InfluxDB admin = InfluxSupport.connect(server.url)) {
        admin.query(new Query("CREATE DATABASE \"short\" WITH DURATION 1h"));
      }
      // 400 points of two days ago, 8 KiB batches: many batches, all beyond a 1 h retention policy
      long t = Json.epochNanos(Instant.now().minusSeconds(2 * 86_400));
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < 400; i++) {
        sb.append("netcalls_request,run=old,leg=none duration_ns=").append(i).append("i ").append(t + i).append('\n');
      }
      Path file = tmp.resolve("points.lp");
      Files.writeString(file, sb.toString());
      InfluxTarget target = InfluxTarget.of(server.url, "short", Map.of()).withMaxBatchBytes(8192);
      Delivery d = new InfluxSink(target, sleeps::add).deliver(file, "old");
      assertThat(d.requests()).isEqualTo(1);
      assertThat(d.rejectedCount() + d.notWritten()).isEqualTo(400);
      assertThat(d.errors()).singleElement().asString().contains("points beyond retention policy", "--database");
    }
  }

  @Test
  void theMaxValuesPerTagLimitNamesTheTagAndWhatToDo() throws Exception {
    try (InfluxSupport.Server server = new InfluxSupport.Server(25_000_000, "", "  max-values-per-tag = 3\n")) {
      InfluxTarget target = InfluxTarget.of(server.url, "netcalls", Map.of());
      Delivery last = null;
      for (int i = 1; i <= 4; i++) {
        Path run = Fixtures.copyRun("basic", tmp.resolve("r" + i));
        Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
            .replace("20261123-092100", "run-" + i));
        last = export(run, target);
        if (i < 4) {
          assertThat(last.ok()).as(last.summary()).isTrue();
        }
      }
      // the 4th run is a 4th value of the tag run: every line of its first batch refused, the export stops
      assertThat(last.requests()).isEqualTo(1);
      assertThat(last.errors()).singleElement().asString()
          .contains("max-values-per-tag", "tag 'run'", "influxdb.conf", "DROP SERIES");
      try (InfluxDB influx = InfluxSupport.connect(server.url)) {
        assertThat(InfluxSupport.count(influx, "netcalls", InfluxMeasurement.RUN, "run-4")).isZero();
      }
    }
  }
}
