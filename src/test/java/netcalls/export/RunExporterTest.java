package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture run (src/test/resources/runs/basic) exported to a file, and damaged copies of it. */
class RunExporterTest {
  private static final String RUN_TAGS = "host=build-7,jdk=17.0.15";

  @TempDir
  Path tmp;

  private ExportReport export(Path run) throws Exception {
    return RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
  }

  /** export --partial: every point that could be read, whatever else is wrong. */
  private ExportReport partial(Path run) throws Exception {
    return RunExporter.quiet().partial().exportToFile(run, run.resolve("points.lp"));
  }

  /** The phase summary keeps the legs of a pair apart: leg a waits ~50 ms, leg b ~75 ms, never a pooled median. */
  @Test
  void phasePointsArePerTrialLegAndPhase() throws Exception {
    Path points = Fixtures.exportedBasicRun(tmp);
    List<String> phase = Fixtures.linesOf(points, InfluxMeasurement.PHASE);
    assertThat(phase).filteredOn(l -> l.contains("PairedLatency") && l.contains(",phase=waiting,"))
        .extracting(l -> ParsedLine.parse(l).tags().get("leg") + " " + ParsedLine.parse(l).fields().get("p50"))
        .containsExactly("a 50102271", "b 75104255");
    assertThat(phase).filteredOn(l -> l.contains(",leg=pair,")).singleElement().asString()
        .contains(",phase=duration,", "count=2i");
    assertThat(phase).filteredOn(l -> l.contains("RequestLatency") && l.contains(",phase=duration,"))
        .singleElement().asString().contains(",leg=none,", "count=5i");
  }

  @Test
  void sampleTimePercentileSecondariesAreNotExportedTwice() throws Exception {
    Path run = tmp.resolve("pct");
    java.nio.file.Files.createDirectories(run);
    String pct = "{\"score\":5.0,\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],"
        + "\"scorePercentiles\":{\"50.0\":5.0},\"scoreUnit\":\"us/op\",\"rawData\":[[5.0]]}";
    String gc = "{\"score\":12.5,\"scoreError\":\"NaN\",\"scoreConfidence\":[\"NaN\",\"NaN\"],"
        + "\"scorePercentiles\":{\"50.0\":12.5},\"scoreUnit\":\"MB/sec\",\"rawData\":[[12.5]]}";
    Fixtures.write(run.resolve("run.json"), "{\"runId\":\"pct\",\"start\":\"2026-11-23T09:21:00Z\",\"end\":\"2026-11-23T09:22:00Z\",\"exitCode\":0}");
    Fixtures.write(run.resolve("jmh.json"), "[{\"jmhVersion\":\"1.37\",\"benchmark\":\"netcalls.bench.RequestLatency.request\","
        + "\"mode\":\"sample\",\"threads\":1,\"forks\":1,\"params\":{\"client\":\"okhttp\"},"
        + "\"primaryMetric\":{\"score\":5.0,\"scoreError\":1.0,\"scoreConfidence\":[4.0,6.0],"
        + "\"scorePercentiles\":{\"0.0\":4.0,\"50.0\":5.0,\"100.0\":6.0},\"scoreUnit\":\"us/op\","
        + "\"rawDataHistogram\":[[[[5.0,3]]]]},"
        + "\"secondaryMetrics\":{\"p0.50\":" + pct + ",\"p0.999\":" + pct + ",\"gc.alloc.rate\":" + gc + "}}]");
    ExportReport r = export(run);
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH)).isEqualTo(1);
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH_SECONDARY)).isEqualTo(1);
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH_SECONDARY)).singleElement()
        .asString().contains("metric=gc.alloc.rate");
  }

  @Test
  void everyPointOfTheFixtureIsBuiltAndCounted() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    ExportReport r = export(run);
    assertThat(r.errors()).isEmpty();
    assertThat(r.ok()).isTrue();
    assertThat(r.runId()).isEqualTo("20261123-092100");
    assertThat(r.rows()).isEqualTo(11);
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(11);
    assertThat(r.pointsBuilt(InfluxMeasurement.PAIR)).isEqualTo(2);
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH)).isEqualTo(4);
    assertThat(r.emptyPoints()).isZero();
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH_SECONDARY)).isEqualTo(4);
    assertThat(r.pointsBuilt(InfluxMeasurement.RUN)).isEqualTo(1);
    // 6 request series (3 in the request trial, a/b/pair in the paired one) x (18 bounds + Inf)
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST_HISTOGRAM)).isEqualTo(6 * 19);
    assertThat(Fixtures.lines(run.resolve("points.lp"))).hasSize((int) r.pointsBuilt());
  }

  @Test
  void sampleRowBecomesOnePointWithPresentPhasesOnlyAtItsStartNs() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.REQUEST).get(1)).isEqualTo(
        "netcalls_request,benchmark=netcalls.bench.RequestLatency.request,client=okhttp,endpoint=bytes," + RUN_TAGS
            + ",leg=none,mode=sample,run=20261123-092100,scheme=http,size=1024,strategy=reuse,"
            + "target=builtin-http,trace=on bytes=1024i,duration_ns=90201i,offset_ms=0i,receiving_ns=8001i,redirects=0i,"
            + "reused=true,sending_ns=15001i,status=200i,waiting_ns=50002i 1795425663000500000");
  }

  @Test
  void exactTimestampTieInASeriesIsNudgedByOneNanosecond() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    List<String> status = Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.REQUEST).stream()
        .filter(l -> l.contains("endpoint=status")).toList();
    assertThat(status).hasSize(2);
    assertThat(status.get(0)).endsWith("duration_ns=81201i,exception=\"java.io.IOException\",offset_ms=0i,receiving_ns=7001i,"
        + "redirects=0i,reused=true,root_cause=\"java.io.IOException\",sending_ns=14001i,status=500i,"
        + "waiting_ns=48002i 1795425663001000000");
    assertThat(status.get(1)).contains("duration_ns=81301i").endsWith(" 1795425663001000001");
  }

  @Test
  void pairPointCarriesBothLegDurations() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.PAIR).get(0)).isEqualTo(
        "netcalls_pair,benchmark=netcalls.bench.PairedLatency.sequential,client=jdk,delays=50\\,75,endpoint=pair,"
            + RUN_TAGS + ",mode=avgt,run=20261123-092100,scheme=https,strategy=shared_pool,target=builtin-https"
            + " a_duration_ns=52845021i,b_duration_ns=75129006i,duration_ns=127974027i,offset_ms=0i 1795425730500000000");
  }

  @Test
  void failuresAreCountedPerExceptionClassWithSimpleNameTagsAndFqcnFields() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    List<String> ex = Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.REQUEST_EXCEPTION);
    assertThat(ex).hasSize(2); // the pair row repeats leg b's exception and is not counted again
    assertThat(ex.get(0)).contains(",exception_class=IOException,", ",root_cause_class=IOException,")
        .endsWith(" count=2i,exception=\"java.io.IOException\",root_cause=\"java.io.IOException\" 1795425663001000000");
    assertThat(ex.get(1)).contains(",endpoint=delay,exception_class=HttpTimeoutException,").contains(" count=1i,");
  }

  @Test
  void jmhScoresAreInNanosecondsOrOpsPerSecondAtRunEndPlusIndex() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    List<String> jmh = Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH);
    assertThat(jmh.get(0)).contains(",mode=sample,").contains("score=95250.0,", "p99_9=412160.0,", "p0=61184.0,",
        "p100=1032192.0,", "sample_count=15i,", "ci_lower=93750.0,", "unit=\"ns/op\"").endsWith(" 1795425940500000000");
    assertThat(jmh.get(1)).contains("score=131000000.0,", "sample_count=6i").endsWith(" 1795425940500000001");
    assertThat(jmh.get(2)).contains("score=12250.0,", "unit=\"ops/s\"").doesNotContain("score_error", "ci_")
        .endsWith(" 1795425940500000002");
  }

  @Test
  void secondaryMetricNamesLoseJmh136sDot() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    List<String> sec = Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH_SECONDARY);
    assertThat(sec).extracting(l -> l.replaceAll(".*,metric=([^,]*),.*", "$1"))
        .containsExactly("gc.alloc.rate", "gc.count", "gc.alloc.rate.norm", "gc.time");
    assertThat(sec.get(2)).contains("score=20480.5,", "unit=\"B/op\"");
  }

  @Test
  void nonFiniteErrorsAndIntervalsAreLeftOutWithWarnings() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    ExportReport r = export(run);
    assertThat(Files.readString(run.resolve("points.lp"))).doesNotContain("NaN", "Infinity", "INF");
    // results #2 and #3 (one iteration): score_error, ci_lower, ci_upper; secondary: 3 each in 3 metrics
    assertThat(r.skippedFields()).isEqualTo(3 + 3 + 9);
    assertThat(r.emptyPoints()).isZero();
    assertThat(r.ok()).isTrue();
  }

  @Test
  void aNaNPrimaryScoreOrAnAllNaNResultIsAnErrorNamingTheBenchmarkAndNothingIsWritten() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.writeString(run.resolve("points.lp"), "old\n");
    String full = Files.readString(run.resolve("jmh.json"));
    Fixtures.write(run.resolve("jmh.json"), full.replace("812.5", "\"NaN\""));
    ExportReport r = export(run);
    assertThat(r.ok()).isFalse();
    assertThat(r.refused()).isTrue();
    assertThat(r.errors()).singleElement().asString()
        .contains("result #3", "FailureLatency.fail", "primary score is NaN", "--partial");
    // validated before the first write: the old file stays, no temp file is left
    assertThat(run.resolve("points.lp")).hasContent("old");
    assertThat(run.resolve("points.lp.tmp")).doesNotExist();
    assertThat(tmpFiles(run)).isEmpty();
    assertThat(r.summary()).contains("refused", "nothing written or sent");
    // --partial keeps every other point
    ExportReport p = partial(run);
    assertThat(p.pointsFileWritten()).isTrue();
    assertThat(p.pointsBuilt(InfluxMeasurement.JMH)).isEqualTo(3);
  }

  @Test
  void resultsMissingFromJmhJsonWhileTheirSamplesExistAreNamed() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    // JMH leaves a failed benchmark out of jmh.json; its trial's samples are still there
    com.fasterxml.jackson.databind.node.ArrayNode results =
        (com.fasterxml.jackson.databind.node.ArrayNode) Json.MAPPER.readTree(run.resolve("jmh.json").toFile());
    results.remove(1);
    Files.writeString(run.resolve("jmh.json"), results.toPrettyString());
    Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json")).replace("\"exitCode\": 0",
        "\"exitCode\": 1"));
    ExportReport r = export(run);
    assertThat(r.refused()).isTrue();
    assertThat(r.errors()).anyMatch(e -> e.contains("exitCode 1"))
        .anyMatch(e -> e.contains("missing results for: PairedLatency.sequential {client=jdk, delays=50,75,"));
  }

  @Test
  void emptyRawDataIsAWarning() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    com.fasterxml.jackson.databind.node.ArrayNode results =
        (com.fasterxml.jackson.databind.node.ArrayNode) Json.MAPPER.readTree(run.resolve("jmh.json").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) results.get(1).get("primaryMetric")).putArray("rawData");
    Files.writeString(run.resolve("jmh.json"), results.toPrettyString());
    ExportReport r = export(run);
    assertThat(r.ok()).isTrue();
    assertThat(r.warnings()).anyMatch(w -> w.contains("result #1") && w.contains("sample_count=0"));
  }

  @Test
  void parameterNamesThatCannotBeTagKeysAreRefusedAndTimeIsRenamed() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    String full = Files.readString(run.resolve("jmh.json"));
    Fixtures.write(run.resolve("jmh.json"), full.replace("\"size\" : \"0\"", "\"#x y\" : \"0\"")
        .replace("\"scenario\" : \"reset\"", "\"time\" : \"reset\""));
    ExportReport r = partial(run);
    assertThat(r.errors()).singleElement().asString().contains("result #2", "\"#x y\"", "not identifiers");
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH))
        .anyMatch(l -> l.contains(",param_time=reset,")).noneMatch(l -> l.contains("#x"));
  }

  @Test
  void sampleTimesOutsideTheRunAreRefusedWithTheirRowsAndNothingOverflows() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path csv = run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv");
    List<String> rows = new java.util.ArrayList<>(Files.readAllLines(csv));
    // row 2 in milliseconds (1970), row 3 at Long.MAX_VALUE (the +1 ns nudge would overflow)
    String[] c2 = rows.get(1).split(",", -1);
    c2[1] = Long.toString(Long.parseLong(c2[1]) / 1_000_000);
    rows.set(1, String.join(",", c2));
    String[] c3 = rows.get(2).split(",", -1);
    c3[1] = Long.toString(Long.MAX_VALUE);
    rows.set(2, String.join(",", c3));
    Files.write(csv, rows);
    ExportReport r = partial(run);
    assertThat(r.errors()).hasSize(2).allMatch(e -> e.contains("start_ns") && e.contains("outside"))
        .anyMatch(e -> e.contains(".csv:2:")).anyMatch(e -> e.contains(".csv:3:"));
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(9);
    assertThat(Fixtures.lines(run.resolve("points.lp"))).allMatch(l -> !l.endsWith(" -9223372036854775808"));
  }

  @Test
  void aRunJsonEndBeyondNanosecondTimeIsAnErrorNotACrash() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Fixtures.write(run.resolve("run.json"), Files.readString(run.resolve("run.json"))
        .replace("2026-11-23T09:25:40.5Z", "2300-01-01T00:00:00Z"));
    ExportReport r = export(run);
    assertThat(r.refused()).isTrue();
    assertThat(r.errors()).anyMatch(e -> e.contains("run.json") && e.contains("end") && e.contains("2261"));
  }

  @Test
  void withoutRunJsonAReExportAfterTouchingJmhJsonGivesTheSameBytes() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.delete(run.resolve("run.json"));
    partial(run);
    byte[] first = Files.readAllBytes(run.resolve("points.lp"));
    Files.setLastModifiedTime(run.resolve("jmh.json"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
    partial(run);
    assertThat(Files.readAllBytes(run.resolve("points.lp"))).isEqualTo(first);
    // timed at the latest trial's clock base, not at 1970 or a file's modification time
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.JMH).get(0)).endsWith(" 1795425730500000000");
  }

  @Test
  void theRunPointIsLastAndCountsThePointsBeforeIt() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    ExportReport r = export(run);
    List<String> lines = Fixtures.lines(run.resolve("points.lp"));
    assertThat(lines.get(lines.size() - 1)).startsWith("netcalls_run,").contains("points=" + (r.pointsBuilt() - 1) + "i");
    assertThat(lines.subList(0, lines.size() - 1)).noneMatch(l -> l.startsWith("netcalls_run,"));
    // branch and testbed, for the dashboards' run tables and nightly annotations
    assertThat(lines.get(lines.size() - 1)).contains("branch=\"main\"")
        .contains("testbed=\"AMD EPYC 7B13 64-Core Processor, 2 cores, kernel 6.1.0-28-amd64, JDK 17.0.15\"");
  }

  @Test
  void checkReadsEverythingAndWritesNothing() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    ExportReport ok = RunExporter.quiet().check(run);
    assertThat(ok.ok()).isTrue();
    assertThat(ok.pointsBuilt()).isEqualTo(157);
    Files.write(run.resolve("jmh.json"), new byte[0]);
    ExportReport bad = RunExporter.quiet().check(run);
    assertThat(bad.ok()).isFalse();
    assertThat(bad.summary()).contains("checked, nothing written");
    try (var files = Files.list(run)) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("jmh.json", "run.json", "samples");
    }
  }

  @Test
  void histogramIsCumulativeWithInfLastLikeTelegraf() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    List<String> h = Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.REQUEST_HISTOGRAM).stream()
        .filter(l -> l.contains("endpoint=bytes")).toList();
    assertThat(h).hasSize(19);
    assertThat(h.get(0)).contains(",le=25000,").endsWith(" duration_ns_bucket=0i 1795425940500000000");
    // durations 412001 and 90201
    assertThat(h.get(2)).contains(",le=100000,").contains("duration_ns_bucket=1i");
    assertThat(h.get(4)).contains(",le=500000,").contains("duration_ns_bucket=2i");
    assertThat(h.get(18)).contains(",le=+Inf,").contains("duration_ns_bucket=2i");
  }

  @Test
  void exportingTwiceGivesTheSameBytes() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    export(run);
    byte[] first = Files.readAllBytes(run.resolve("points.lp"));
    export(run);
    assertThat(Files.readAllBytes(run.resolve("points.lp"))).isEqualTo(first);
  }

  @Test
  void missingJmhJsonIsSaidPlainlyAndSamplesAreStillExported() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.delete(run.resolve("jmh.json"));
    ExportReport r = partial(run);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).anyMatch(e -> e.contains("jmh.json") && e.contains("missing"));
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(11);
  }

  @Test
  void zeroByteJmhJsonSaysJmhWasKilled() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.write(run.resolve("jmh.json"), new byte[0]);
    ExportReport r = export(run);
    assertThat(r.ok()).isFalse();
    assertThat(r.refused()).isTrue();
    assertThat(r.errors()).first().asString().contains("jmh.json", "0 bytes", "killed", "re-run");
    // the trials' results are missing too, and said so
    assertThat(r.errors()).hasSize(2).last().asString().contains("missing results for");
  }

  @Test
  void emptyJmhArraySaysNoBenchmarkRan() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Fixtures.write(run.resolve("jmh.json"), "[ ]\n");
    ExportReport r = partial(run);
    assertThat(r.errors()).first().asString().contains("jmh.json", "no results");
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH)).isZero();
  }

  @Test
  void truncatedJmhJsonNamesTheLineAndKeepsTheResultsBeforeIt() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    String full = Files.readString(run.resolve("jmh.json"));
    int cut = full.indexOf("\"benchmark\" : \"netcalls.bench.RequestLatency.request\",\n        \"mode\" : \"thrpt\"");
    Fixtures.write(run.resolve("jmh.json"), full.substring(0, cut + 40));
    ExportReport r = partial(run);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).first().asString().contains("jmh.json: line ", "after 2 result(s)", "cut short");
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH)).isEqualTo(2);
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(11);
  }

  @Test
  void badJmhFieldSkipsThatResultOnly() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    String full = Files.readString(run.resolve("jmh.json"));
    Fixtures.write(run.resolve("jmh.json"), full.replaceFirst("\"score\" : 0.131", "\"score\" : \"fast\""));
    ExportReport r = partial(run);
    assertThat(r.errors()).first().asString()
        .contains("result #1", "primaryMetric.score", "\"fast\" is not a number");
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH)).isEqualTo(3);
  }

  @Test
  void malformedCsvRowsNameFileLineAndColumnAndTheOtherRowsAreExported() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path csv = run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv");
    List<String> lines = new java.util.ArrayList<>(Fixtures.lines(csv));
    lines.set(2, lines.get(2).replace(",90201,", ",90x01,"));
    lines.set(4, lines.get(4).replace(",true,", ",maybe,"));
    Fixtures.write(csv, String.join("\n", lines) + "\n");
    ExportReport r = partial(run);
    assertThat(r.ok()).isFalse();
    assertThat(r.errors()).containsExactly(
        csv + ":3: column duration_ns: \"90x01\" is not an integer; row left out",
        csv + ":5: column reused: \"maybe\" is not true, false or empty; row left out");
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(9);
    assertThat(r.rows()).isEqualTo(11);
    assertThat(r.rowsNotExported()).isEqualTo(2);
  }

  @Test
  void manyBadRowsAreCountedExactlyButListedOnlyFirstFiveThenACount() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path csv = run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv");
    StringBuilder bad = new StringBuilder(Files.readString(csv));
    for (int i = 0; i < 8; i++) {
      bad.append(i + 10).append(",oops\n");
    }
    Fixtures.write(csv, bad.toString());
    ExportReport r = partial(run);
    assertThat(r.rowsNotExported()).isEqualTo(8);
    // the rows added make the CSV disagree with its trial's "recorded" (said first, before any row is read)
    assertThat(r.errors().get(0)).contains("holds 13 rows, but", "\"recorded\": 5");
    assertThat(r.errors().subList(1, r.errors().size())).hasSize(6).last().asString()
        .contains("8 rows in all could not be read");
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(11);
  }

  @Test
  void integersAreWrittenAsJavaWritesThemWhateverTheirCsvSpelling() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path csv = run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv");
    List<String> lines = new java.util.ArrayList<>(Fixtures.lines(csv));
    lines.set(2, "1,+1795425663000500000,,builtin-http,bytes,0200,-0,true,-00,,,,,15001,50002,8001,090201,,");
    Fixtures.write(csv, String.join("\n", lines) + "\n");
    export(run);
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.REQUEST).get(1))
        .endsWith(" bytes=0i,duration_ns=90201i,offset_ms=0i,receiving_ns=8001i,redirects=0i,reused=true,sending_ns=15001i,"
            + "status=200i,waiting_ns=50002i 1795425663000500000");
  }

  @Test
  void truncatedCsvLastRowIsReportedAsCutOff() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path csv = run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv");
    String full = Files.readString(csv);
    Fixtures.write(csv, full.substring(0, full.length() - 40));
    ExportReport r = partial(run);
    assertThat(r.errors()).singleElement().asString().contains(csv + ":6:", "cut off");
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(10);
  }

  @Test
  void malformedTrialJsonNamesFileAndLineAndItsCsvIsNotGuessed() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Path json = run.resolve("samples/PairedLatency.sequential-5e6f7a8b-4243.json");
    Fixtures.write(json, "{\n  \"benchmark\": \"netcalls.bench.PairedLatency.sequential\",\n  \"params\": {\"client\": }\n}");
    ExportReport r = partial(run);
    assertThat(r.errors()).filteredOn(e -> !e.contains("recordedSamples")).singleElement().asString()
        .contains(json + ": line 3", "PairedLatency.sequential-5e6f7a8b-4243.csv not exported");
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(5);
    assertThat(run.resolve("points.lp.tmp")).doesNotExist();
    assertThat(tmpFiles(run)).isEmpty();
  }

  @Test
  void csvWithoutItsTrialJsonIsNotGuessed() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.delete(run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.json"));
    ExportReport r = partial(run);
    assertThat(r.errors()).filteredOn(e -> !e.contains("recordedSamples"))
        .singleElement().asString().contains("RequestLatency.request-1a2b3c4d-4242.csv",
        "no RequestLatency.request-1a2b3c4d-4242.json");
    assertThat(r.pointsBuilt(InfluxMeasurement.REQUEST)).isEqualTo(6);
  }

  @Test
  void brokenRunJsonNamesLineAndTheRestIsExported() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Fixtures.write(run.resolve("run.json"), "{\"runId\": \"x\", \"start\": ");
    ExportReport r = partial(run);
    assertThat(r.errors()).singleElement().asString().contains("run.json: line 1");
    assertThat(r.runId()).isEqualTo("basic");
    assertThat(r.pointsBuilt(InfluxMeasurement.JMH)).isEqualTo(4);
  }

  @Test
  void progressIsPrintedWhenTheClockSaysSo() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicLong clock = new AtomicLong();
    RunExporter exporter = new RunExporter(new PrintStream(err, true, StandardCharsets.UTF_8),
        () -> clock.addAndGet(6_000_000_000L), 5_000_000_000L, ms -> { });
    exporter.exportToFile(run, run.resolve("points.lp"));
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("export: ", " points so far (", "jmh.json)");
  }

  /** Issue 20 item 16: two exports of one run both wrote points.lp.tmp; the second now stops, naming the first. */
  @Test
  void aSecondExportOfTheSameFileIsRefusedNamingTheFirstsProcess() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.writeString(run.resolve("points.lp"), "old\n");
    try (OutputLock first = OutputLock.tryAcquire(run.resolve("points.lp"))) {
      assertThat(first).isNotNull();
      ExportReport second = RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
      assertThat(second.refused()).isTrue();
      assertThat(second.errors()).singleElement().asString().contains("points.lp is being written by another export"
          + " (process " + ProcessHandle.current().pid() + ")");
      assertThat(run.resolve("points.lp")).hasContent("old");
      assertThat(tmpFiles(run)).isEmpty();
    }
    // the lock is the OS's: released, the next export runs
    assertThat(RunExporter.quiet().exportToFile(run, run.resolve("points.lp")).ok()).isTrue();
  }

  private static java.util.List<Path> tmpFiles(Path run) throws java.io.IOException {
    try (var files = Files.list(run)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
