package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The completion marker says what its run holds, so a dashboard's run picker can offer only the runs with its data
 * (docs/SCHEMA.md, netcalls_run): the points per measurement, the valid open-loop trials, the failed calls, and the
 * run's window in epoch milliseconds for a Grafana link.
 */
class RunMarkerTest {
  @TempDir
  Path tmp;

  @Test
  void theMarkerCountsWhatTheRunHolds() throws Exception {
    List<ParsedLine> lines = export("basic");
    ParsedLine marker = lines.get(lines.size() - 1);
    assertThat(marker.measurement()).isEqualTo("netcalls_run");
    Map<String, Long> perMeasurement = new TreeMap<>();
    long failed = 0;
    for (ParsedLine l : lines.subList(0, lines.size() - 1)) {
      perMeasurement.merge(l.measurement(), 1L, Long::sum);
      if (l.measurement().equals("netcalls_request_exception")) {
        failed += ((Number) l.fields().get("count")).longValue();
      }
    }
    for (String m : List.of("netcalls_jmh", "netcalls_jmh_secondary", "netcalls_request", "netcalls_pair",
        "netcalls_request_exception", "netcalls_request_histogram", "netcalls_phase", "netcalls_openloop")) {
      assertThat(((Number) marker.fields().get("n_" + m.substring("netcalls_".length()))).longValue()).as(m)
          .isEqualTo(perMeasurement.getOrDefault(m, 0L));
    }
    assertThat(failed).isPositive();
    assertThat(((Number) marker.fields().get("failed_calls")).longValue()).isEqualTo(failed);
    assertThat(((Number) marker.fields().get("start_ms")).longValue())
        .isEqualTo(Instant.parse("2026-11-23T09:21:00.123456789Z").toEpochMilli());
    assertThat(((Number) marker.fields().get("end_ms")).longValue())
        .isEqualTo(Instant.parse("2026-11-23T09:25:40.5Z").toEpochMilli());
  }

  @Test
  void theMarkerCountsTheOpenLoopTrialsWhoseLoadHappenedAsAsked() throws Exception {
    for (String run : List.of("openloop-ok", "openloop-bad")) {
      List<ParsedLine> lines = export(run);
      long ok = lines.stream().filter(l -> l.measurement().equals("netcalls_openloop"))
          .filter(l -> "ok".equals(l.tags().get("status"))).count();
      ParsedLine marker = lines.get(lines.size() - 1);
      assertThat(((Number) marker.fields().get("n_openloop")).longValue()).as(run).isPositive();
      assertThat(((Number) marker.fields().get("n_openloop_valid")).longValue()).as(run).isEqualTo(ok);
    }
  }

  private List<ParsedLine> export(String fixture) throws Exception {
    Path run = Fixtures.copyRun(fixture, tmp.resolve(fixture));
    RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    return Fixtures.lines(run.resolve("points.lp")).stream().map(ParsedLine::parse).toList();
  }
}
