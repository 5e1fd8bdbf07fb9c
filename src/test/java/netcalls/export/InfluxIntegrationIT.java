package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Against the InfluxDB of scripts/with-influxdb.sh: what is exported is what InfluxDB holds. */
@Tag(InfluxSupport.TAG)
class InfluxIntegrationIT extends WithInfluxDatabase {
  InfluxIntegrationIT() {
    super("it");
  }

  private ExportReport exportAndSend(Path run) throws Exception {
    RunExporter exporter = RunExporter.quiet();
    ExportReport report = exporter.exportToFile(run, run.resolve("points.lp"));
    exporter.sendToInflux(report, InfluxTarget.of(InfluxSupport.url(), database, Map.of()));
    return report;
  }

  @Test
  void everyExportedPointIsInInfluxWithTheSameTagsFieldsAndTime() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    ExportReport report = exportAndSend(run);
    Delivery d = report.deliveries().get(0);
    assertThat(d.errors()).isEmpty();
    assertThat(d.written()).isEqualTo(report.pointsBuilt()).isEqualTo(157);
    assertThat(d.ok()).isTrue();

    Map<String, List<ParsedLine>> byMeasurement = new LinkedHashMap<>();
    for (String l : Fixtures.lines(run.resolve("points.lp"))) {
      ParsedLine p = ParsedLine.parse(l);
      byMeasurement.computeIfAbsent(p.measurement(), k -> new ArrayList<>()).add(p);
    }
    // every measurement but netcalls_compare and netcalls_compare_run, which compare writes (CompareInfluxIT), and
    // netcalls_openloop, which open-loop runs write (OpenLoopInfluxIT)
    assertThat(byMeasurement.keySet()).hasSize(InfluxMeasurement.values().length - 3);
    for (Map.Entry<String, List<ParsedLine>> e : byMeasurement.entrySet()) {
      String q = "SELECT * FROM \"" + e.getKey() + "\" WHERE \"run\" = '20261123-092100'";
      List<String> columns = InfluxSupport.columns(influx, database, q);
      List<List<Object>> rows = InfluxSupport.rows(influx, database, q);
      assertThat(rows).as(e.getKey()).hasSameSizeAs(e.getValue());
      for (ParsedLine expected : e.getValue()) {
        List<Object> row = rows.stream().filter(r -> matches(columns, r, expected)).findFirst().orElse(null);
        assertThat(row).as("no row in InfluxDB for %s", expected).isNotNull();
        for (int c = 1; c < columns.size(); c++) {
          String col = columns.get(c);
          if (expected.tags().containsKey(col)) {
            continue;
          }
          Object want = expected.fields().get(col);
          Object got = row.get(c);
          if (want == null) {
            assertThat(got).as("%s %s absent, never 0", e.getKey(), col).isNull();
          } else if (want instanceof Number n) {
            assertThat(((Number) got).doubleValue()).as("%s %s", e.getKey(), col).isEqualTo(n.doubleValue());
          } else {
            assertThat(got).as("%s %s", e.getKey(), col).isEqualTo(want);
          }
        }
      }
      assertThat(InfluxSupport.count(influx, database, InfluxMeasurement.byName(e.getKey()), "20261123-092100"))
          .isEqualTo(report.pointsBuilt(InfluxMeasurement.byName(e.getKey())));
    }
  }

  private static boolean matches(List<String> columns, List<Object> row, ParsedLine p) {
    if (InfluxSupport.nanos(row.get(0)) != p.time()) {
      return false;
    }
    for (Map.Entry<String, String> t : p.tags().entrySet()) {
      if (!t.getValue().equals(row.get(columns.indexOf(t.getKey())))) {
        return false;
      }
    }
    return true;
  }

  /** The launcher's call: points.lp, plus InfluxDB because NETCALLS_INFLUX_URL is set (by the harness). */
  @Test
  void exportRunWritesPointsLpAndPushesToTheInfluxNamedInTheEnvironment() throws Exception {
    InfluxSupport.url();
    Path run = Fixtures.copyRun("basic", tmp);
    RunExporter exporter = RunExporter.quiet();
    ExportReport report = exporter.exportRun(run, run.resolve("points.lp"),
        List.of(exporter.influx(InfluxTarget.fromEnvironment(InfluxTarget.DEFAULT_DATABASE).orElseThrow())));
    assertThat(run.resolve("points.lp")).isNotEmptyFile();
    assertThat(report.deliveries()).singleElement().satisfies(d -> {
      assertThat(d.target()).contains(InfluxTarget.DEFAULT_DATABASE);
      assertThat(d.ok()).as(report.summary()).isTrue();
    });
    assertThat(InfluxSupport.count(influx, InfluxTarget.DEFAULT_DATABASE, InfluxMeasurement.REQUEST, "20261123-092100"))
        .isEqualTo(11);
  }

  @Test
  void exportingTwiceGivesIdenticalFilesAndNoDuplicatesInInflux() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    exportAndSend(run);
    byte[] first = Files.readAllBytes(run.resolve("points.lp"));
    ExportReport second = exportAndSend(run);
    assertThat(Files.readAllBytes(run.resolve("points.lp"))).isEqualTo(first);
    assertThat(second.deliveries().get(0).ok()).as(second.summary()).isTrue();
    for (InfluxMeasurement m : InfluxMeasurement.values()) {
      assertThat(InfluxSupport.count(influx, database, m, "20261123-092100")).as(m.name())
          .isEqualTo(second.pointsBuilt(m));
    }
  }

  @Test
  void awkwardTagValuesArriveIntact() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Map<String, String> sent = new LinkedHashMap<>();
    sent.put("a b", "a b");
    sent.put("c,d", "c,d");
    sent.put("e=f", "e=f");
    sent.put("say \"hi\"", "say \"hi\"");
    sent.put("back\\slash", "back\\slash");
    sent.put("ünïcødé ✓ 日本", "ünïcødé ✓ 日本");
    sent.put("two\nlines", "two\\nlines");
    sent.put("ends in \\", "ends in ");
    sent.put("", "none");
    String jmh = Files.readString(run.resolve("jmh.json"));
    StringBuilder results = new StringBuilder("[");
    int i = 0;
    for (String value : sent.keySet()) {
      String one = jmh.substring(jmh.indexOf('{'), jmh.indexOf("\n    },\n    {") + 6)
          .replace("\"trace\" : \"on\"", "\"trace\" : \"on\", \"scenario\" : " + Json.MAPPER.writeValueAsString(value));
      results.append(i++ == 0 ? "" : ",").append(one);
    }
    Fixtures.write(run.resolve("jmh.json"), results.append("]").toString());
    // results only: the fixture's trials have no result of these parameters
    try (var files = Files.list(run.resolve("samples"))) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    // and no longer a record of 11 samples: a complete run of results only
    Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
        .replace("\"recordedSamples\": 11,", ""));
    ExportReport report = exportAndSend(run);
    assertThat(report.deliveries().get(0).ok()).as(report.summary()).isTrue();
    List<Object> stored = InfluxSupport.rows(influx, database,
        "SHOW TAG VALUES FROM \"netcalls_jmh\" WITH KEY = \"scenario\"").stream().map(r -> r.get(1)).toList();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(sent.values());
    // and each can be selected by its value
    for (String value : sent.values()) {
      String q = "SELECT count(\"score\") FROM \"netcalls_jmh\" WHERE \"scenario\" = '"
          + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
      assertThat(InfluxSupport.rows(influx, database, q)).as(value).hasSize(1);
    }
  }

  @Test
  void partialWriteRejectsTheBadLinesByNumberAndWritesTheRest() throws Exception {
    Path file = tmp.resolve("points.lp");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      lines.add("netcalls_request,run=pw,leg=none duration_ns=" + (1000 + i) + "i " + (1795425663000000000L + i));
    }
    lines.set(4, "netcalls_request,run=pw unparseable=");                                 // line 5: parse error
    lines.set(11, "netcalls_request,run=pw,leg=none duration_ns=\"text\" 1795425663000000011"); // line 12: type conflict
    Fixtures.write(file, String.join("\n", lines) + "\n");
    Delivery d = new InfluxSink(InfluxTarget.of(InfluxSupport.url(), database, Map.of()), ms -> { })
        .deliver(file, "pw");
    assertThat(d.written()).isEqualTo(18);
    assertThat(d.rejectedCount()).isEqualTo(2);
    assertThat(d.rejected()).extracting(Delivery.Rejection::line).containsExactly(5L, 12L);
    assertThat(d.rejected().get(0).reason()).contains("unable to parse");
    assertThat(d.rejected().get(1).reason()).contains("field type conflict");
    // verification (20 lines = 18 held + 2 rejected) found nothing amiss; the one error says what to do
    assertThat(d.errors()).singleElement().asString().contains("another type", "--database");
    assertThat(InfluxSupport.count(influx, database, InfluxMeasurement.REQUEST, "pw")).isEqualTo(18);
  }

  @Test
  void aRunIdThatIsSanitisedWhenStoredIsVerifiedAsStored() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    // a trailing backslash cannot be stored in a tag value: the tag is "odd", the run id as given "odd\\"
    Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
        .replace("\"20261123-092100\"", "\"odd\\\\\""));
    ExportReport report = exportAndSend(run);
    assertThat(report.runId()).isEqualTo("odd\\");
    Delivery d = report.deliveries().get(0);
    assertThat(d.ok()).as(d.summary()).isTrue();
    assertThat(InfluxSupport.count(influx, database, InfluxMeasurement.RUN, "odd")).isEqualTo(1);
  }
}
