package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.compare.Compare;
import netcalls.compare.Formats;
import netcalls.compare.Options;
import netcalls.export.Fixtures;
import netcalls.read.JmhResults;
import netcalls.read.Problems;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;
import netcalls.read.RunReader;
import netcalls.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report of the fixture run folder: its embedded numbers, its self-containment, its escaping. */
class ReportWriterTest {
  private static final Pattern DATA =
      Pattern.compile("<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL);

  @TempDir
  Path tmp;

  static JsonNode embedded(String html) throws IOException {
    Matcher m = DATA.matcher(html);
    assertThat(m.find()).as("the page holds its data block").isTrue();
    return ReportData.JSON.readTree(m.group(1));
  }

  @Test
  void writesReportHtmlIntoTheRunFolder() throws IOException {
    Path run = Fixtures.copyRun("basic", tmp);
    Path out = ReportWriter.write(run, null);
    assertThat(out).isEqualTo(RunFolder.of(run).report()).exists();
    assertThat(Files.readString(out)).startsWith("<!DOCTYPE html>").contains("netcalls run");
    assertThat(run.resolve("report.html.tmp")).doesNotExist();
  }

  @Test
  void embeddedResultsAreJmhsPercentilesAsTheSummaryPrintsThem() throws IOException {
    Path run = Fixtures.copyRun("basic", tmp);
    JsonNode data = embedded(ReportWriter.render(run, null));
    List<JmhResults.Result> results = new ArrayList<>();
    JmhResults.read(run.resolve("jmh.json"), Problems.IGNORE, results::add);
    assertThat(data.get("results")).hasSize(results.size());
    for (int i = 0; i < results.size(); i++) {
      JmhResults.Result r = results.get(i);
      JsonNode row = data.get("results").get(i);
      for (String p : Rows.PERCENTILES) {
        Double v = r.primary().percentiles().get(p);
        String text = Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : String.valueOf(v);
        assertThat(row.path("pct").path(p).path("t").asText()).as(r.benchmark() + " " + p).isEqualTo(text);
        if (Double.isFinite(v)) {
          assertThat(row.path("pct").path(p).path("v").asDouble()).isEqualTo(v);
        }
      }
      assertThat(row.path("samples").asLong()).isEqualTo("sample".equals(r.mode()) ? r.primary().sampleCount() : 0);
      assertThat(row.path("failed").asBoolean()).isEqualTo(!Double.isFinite(r.primary().percentiles().get("p50")));
    }
    // the fixture's sample-mode result: 15 samples in one fork of two iterations, so p99.9 rests on < 10 of them
    assertThat(data.get("results").get(0).path("pct").path("p99_9").path("thin").asBoolean()).isTrue();
    assertThat(data.get("results").get(0).path("spread").path("by").asText()).isEqualTo("iteration");
    assertThat(data.path("run").path("id").asText()).isEqualTo("20261123-092100");
    assertThat(data.path("run").path("samplesKept").asLong()).isEqualTo(11);
  }

  @Test
  void embeddedSamplesAreTheTrialsOwnSummaries() throws IOException {
    Path run = Fixtures.copyRun("basic", tmp);
    JsonNode data = embedded(ReportWriter.render(run, null));
    List<Trial> trials = RunReader.trials(RunFolder.of(run), Problems.IGNORE);
    assertThat(data.get("groups")).hasSize(trials.size());
    for (Trial t : trials) {
      TrialSummary s = TrialSummary.of(t, Problems.IGNORE);
      JsonNode g = find(data.get("groups"), Groups.key(t.benchmark(), t.params()));
      s.byLeg().forEach((leg, phases) ->
          assertThat(g.path("legP50").path(leg).asDouble()).as(leg).isEqualTo(phases.get("duration").p50() / 1000.0));
      assertThat(g.path("failures").size()).isEqualTo(s.failures().size());
      s.failures().forEach((k, n) -> assertThat(g.path("failures").path(k).asLong()).isEqualTo(n));
      long calls = s.byLeg().entrySet().stream().filter(e -> !e.getKey().equals("pair"))
          .mapToLong(e -> e.getValue().get("duration").count()).sum();
      assertThat(g.path("calls").asLong()).isEqualTo(calls);
      assertThat(g.path("curve").size()).isPositive();
    }
  }

  @Test
  void referencesNoResourceOffThePage() throws IOException {
    Path run = Fixtures.copyRun("basic", tmp);
    String html = ReportWriter.render(run, null);
    // the markup, scripts emptied: no element points anywhere but at an anchor of the page
    String markup = html.replaceAll("(?is)(<script[^>]*>).*?(</script>)", "$1$2");
    assertThat(markup).containsPattern("(?i)<script[^>]*>").doesNotContainPattern("(?i)\\b(src|href|srcset|action)\\s*=\\s*[\"']?+(?!#)")
        .doesNotContainPattern("(?i)url\\(").doesNotContain("@import").doesNotContainPattern("(?i)https?:");
    // the page's own script and its data name no address; the library's few "http://" strings are XML
    // namespace names and licence text, and the browser test proves nothing is fetched
    assertThat(Page.json(ReportData.of(run, null))).doesNotContainPattern("(?i)https?:");
    String own = new String(Page.class.getResourceAsStream("/netcalls/report/report.js").readAllBytes(),
        java.nio.charset.StandardCharsets.UTF_8);
    assertThat(own).doesNotContainPattern("(?i)https?:|\\bfetch\\(|XMLHttpRequest|import\\(");
    assertThat(html).contains("default-src 'none'"); // and the browser refuses any request the page might try
    assertThat(html).contains("echarts").hasSizeGreaterThan(500_000).hasSizeLessThan(5 << 20);
  }

  @Test
  void aParamValueCannotBreakOutOfTheDataBlock() throws IOException {
    Path run = Fixtures.copyRun("basic", tmp);
    String evil = "x</script><script>window.pwned=1</script><!--&\u2028";
    String escapedJson = ReportData.JSON.writeValueAsString(evil);
    for (Path f : List.of(run.resolve("jmh.json"), run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.json"))) {
      Files.writeString(f, Files.readString(f).replaceFirst("\"okhttp\"", Matcher.quoteReplacement(escapedJson)));
    }
    String html = ReportWriter.render(run, null);
    // the page's own four scripts (guard, data, chart library, page) and no other
    assertThat(Pattern.compile("(?i)</script").matcher(html).results().count()).isEqualTo(4);
    assertThat(html).doesNotContain("window.pwned=1</script>").doesNotContain("<!--&");
    JsonNode data = embedded(html);
    assertThat(data.get("results").get(0).path("client").asText()).isEqualTo(evil);
    assertThat(data.get("groups").findValuesAsText("client")).contains(evil);
  }

  @Test
  void withABaselineEmbedsTheComparisonOfCompareAndTheBaselinesCurves() throws Exception {
    Path base = Fixtures.copyRun("basic", tmp.resolve("a"));
    Path cand = Fixtures.copyRun("basic", tmp.resolve("b"));
    JsonNode data = embedded(ReportWriter.render(cand, base));
    List<String[]> cells = Formats.cells(Compare.runs(base, cand, Options.defaults()));
    JsonNode rows = data.path("comparison").path("rows");
    assertThat(rows).hasSize(cells.size());
    for (int i = 0; i < cells.size(); i++) {
      for (int j = 0; j < cells.get(i).length; j++) {
        assertThat(rows.get(i).get(j).asText()).isEqualTo(cells.get(i)[j]);
      }
    }
    assertThat(data.path("baseline").path("groups")).hasSameSizeAs(data.path("groups"));
    assertThat(data.path("baseline").path("groups").get(0).path("curve"))
        .isEqualTo(data.path("groups").get(0).path("curve"));
  }

  @Test
  void aBaselineThatCannotBeComparedIsSaidSo() throws IOException {
    Path cand = Fixtures.copyRun("basic", tmp);
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    JsonNode data = embedded(ReportWriter.render(cand, empty));
    assertThat(data.path("comparison").path("error").asText()).contains("jmh.json").contains("missing");
  }

  @Test
  void lostSamplesAreListedNotHidden() throws IOException {
    Path run = Fixtures.copyRun("basic", tmp);
    Files.writeString(run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv"), "seq,start_ns\n1,2\n");
    JsonNode data = embedded(ReportWriter.render(run, null));
    assertThat(data.path("problems").toString()).contains("RequestLatency.request-1a2b3c4d-4242.csv")
        .contains("header lacks");
  }

  private static JsonNode find(JsonNode groups, String key) {
    for (JsonNode g : groups) {
      if (g.path("key").asText().equals(key)) {
        return g;
      }
    }
    throw new AssertionError("no group " + key + " in " + groups);
  }

}
