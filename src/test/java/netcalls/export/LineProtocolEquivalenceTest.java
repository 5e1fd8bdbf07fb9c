package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hand-written sample lines must be byte for byte what influxdb-java's Point gives for the same
 * tags, fields and time. Random rows (fixed seed) with awkward tag values and any subset of phases.
 */
class LineProtocolEquivalenceTest {
  private static final String[] AWKWARD = {"plain", "with space", "a,b", "k=v", "quote\"d", "back\\slash", "é✓ünï",
      "trailing\\", "", "new\nline", "tab\tbed"};
  private static final String[] PHASES = {"blocked_ns", "dns_ns", "connecting_ns", "tls_handshaking_ns",
      "sending_ns", "waiting_ns", "receiving_ns", "close_ns"};

  @TempDir
  Path tmp;

  @Test
  void sampleAndPairLinesEqualPointLineProtocol() throws Exception {
    Random rnd = new Random(42);
    Map<String, String> params = new TreeMap<>();
    params.put("client", "okhttp");
    params.put("scenario", AWKWARD[rnd.nextInt(AWKWARD.length)] + " " + AWKWARD[rnd.nextInt(AWKWARD.length)]);
    params.put("target", "clashes with the target tag");
    Path run = tmp.resolve("run");
    Fixtures.write(run.resolve("run.json"), "{\"runId\":\"eq test\",\"start\":\"2026-11-23T09:21:00Z\","
        + "\"end\":\"2026-11-23T09:22:00Z\",\"jdk\":\"17\",\"host\":\"h,1\",\"exitCode\":0}");
    StringBuilder json = new StringBuilder("{\"benchmark\":\"netcalls.bench.X.y\",\"mode\":\"sample\",\"params\":{");
    params.forEach((k, v) -> json.append(Json.MAPPER.valueToTree(k).toString()).append(':')
        .append(Json.MAPPER.valueToTree(v).toString()).append(','));
    json.setLength(json.length() - 1);
    json.append("},\"clockBase\":\"2026-11-23T09:21:01Z\"}");
    Fixtures.write(run.resolve("samples/X.y-00000000-1.json"), json.toString());

    StringBuilder csv = new StringBuilder(String.join(",", netcalls.run.SampleSchema.COLUMNS)).append('\n');
    List<String> expectedRequests = new ArrayList<>();
    List<String> expectedPairs = new ArrayList<>();
    long t = 1795425663000000000L;
    long first = -1; // the trial's first sample: offset_ms counts from it
    for (int seq = 0; seq < 300; seq++) {
      boolean paired = rnd.nextInt(3) == 0;
      String target = AWKWARD[rnd.nextInt(AWKWARD.length)];
      String endpoint = AWKWARD[rnd.nextInt(AWKWARD.length)];
      long[] legDurations = new long[2];
      String[] legs = paired ? new String[] {"a", "b", "pair"} : new String[] {""};
      for (int li = 0; li < legs.length; li++) {
        String leg = legs[li];
        t += 1 + rnd.nextInt(rnd.nextBoolean() ? 1000 : 3_000_000); // ties of whole ms, and ms apart
        first = first < 0 ? t : first;
        long duration = leg.equals("pair") ? legDurations[0] + legDurations[1] : rnd.nextInt(5_000_000);
        if (li < 2) {
          legDurations[li] = duration;
        }
        Point.Builder p = Point.measurement("netcalls_request").time(t, TimeUnit.NANOSECONDS);
        Map<String, String> tags = new TreeMap<>(Map.of("run", "eq test", "jdk", "17", "host", "h,1",
            "benchmark", "netcalls.bench.X.y", "mode", "sample", "client", "okhttp",
            "scenario", params.get("scenario"), "param_target", params.get("target")));
        tags.put("target", target);
        tags.put("endpoint", endpoint);
        tags.put("leg", leg);
        tags.forEach((k, v) -> p.tag(k, LineProtocol.tagValue(v)));
        List<String> cells = new ArrayList<>(List.of(Long.toString(seq), Long.toString(t), leg, quote(target),
            quote(endpoint)));
        cells.add(optional(rnd, p, "status", 200 + rnd.nextInt(400)));
        cells.add(optional(rnd, p, "bytes", rnd.nextInt(100_000)));
        if (rnd.nextBoolean()) {
          boolean reused = rnd.nextBoolean();
          p.addField("reused", reused);
          cells.add(Boolean.toString(reused));
        } else {
          cells.add("");
        }
        cells.add(optional(rnd, p, "redirects", rnd.nextInt(3)));
        for (String phase : PHASES) {
          cells.add(optional(rnd, p, phase, rnd.nextInt(1_000_000)));
        }
        p.addField("duration_ns", duration);
        p.addField("offset_ms", Math.floorDiv(t - first, 1_000_000L));
        cells.add(Long.toString(duration));
        if (rnd.nextInt(4) == 0) {
          String ex = "java.io." + AWKWARD[rnd.nextInt(AWKWARD.length)] + "Exception";
          p.addField("exception", LineProtocol.oneLine(ex));
          p.addField("root_cause", LineProtocol.oneLine(ex));
          cells.add(quote(ex));
          cells.add(quote(ex));
        } else {
          cells.add("");
          cells.add("");
        }
        csv.append(String.join(",", cells)).append('\n');
        expectedRequests.add(LineProtocol.line(p.build()));
        if (leg.equals("pair")) {
          Point.Builder pair = Point.measurement("netcalls_pair").time(t, TimeUnit.NANOSECONDS)
              .addField("a_duration_ns", legDurations[0]).addField("b_duration_ns", legDurations[1])
              .addField("duration_ns", duration).addField("offset_ms", Math.floorDiv(t - first, 1_000_000L));
          tags.remove("leg");
          tags.forEach((k, v) -> pair.tag(k, LineProtocol.tagValue(v)));
          expectedPairs.add(LineProtocol.line(pair.build()));
        }
      }
    }
    Fixtures.write(run.resolve("samples/X.y-00000000-1.csv"), csv.toString());

    // no jmh.json: --partial exports the samples regardless
    ExportReport report = RunExporter.quiet().partial().exportToFile(run, run.resolve("points.lp"));

    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.REQUEST)).containsExactlyElementsOf(expectedRequests);
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.PAIR)).containsExactlyElementsOf(expectedPairs);
    assertThat(expectedPairs).isNotEmpty();
    assertThat(expectedRequests.get(expectedRequests.size() - 1)).doesNotContain("offset_ms=0i"); // offsets do grow
    assertThat(report.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(expectedRequests.size());
  }

  private static String optional(Random rnd, Point.Builder p, String field, long value) {
    if (rnd.nextBoolean()) {
      return "";
    }
    p.addField(field, value);
    return Long.toString(value);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
