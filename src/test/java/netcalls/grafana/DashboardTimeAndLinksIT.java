package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.grafana.Dashboards.Dashboard;
import netcalls.grafana.Dashboards.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's defects 6 to 8 (time ranges, navigation, annotations), each failing on the dashboards before it, over
 * the runs of {@link GrafanaFixtures}.
 */
@Tag("influxdb")
class DashboardTimeAndLinksIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static GrafanaFixtures.Data data;

  @BeforeAll
  static void loadRuns() throws Exception {
    data = GrafanaFixtures.get();
  }

  /** Defect 6: over the nightly's 90 days, a trend has one point per run, however close the runs were. */
  @Test
  void nightlyTrendsHaveOnePointPerRunAtTheirLongRange() throws Exception {
    Dashboard d = Dashboards.all().stream().filter(x -> x.file().endsWith("nightly.json")).findFirst().orElseThrow();
    DashboardOpening o = DashboardOpening.open(d, data.influx(), System.currentTimeMillis(), Map.of());
    String all = o.sent("count", "SELECT count(\"p50\") FROM \"netcalls_jmh\" WHERE $timeFilter AND \"host\" =~ /^$host$/");
    long points = data.influx().query(all).get(0).values().get(0).get(1).asLong();
    int trends = 0;
    for (JsonNode p : d.panels()) {
      if (!p.path("type").asText().equals("timeseries")) {
        continue;
      }
      trends++;
      long drawn = 0;
      for (InfluxQl.Series s : o.run(new Query(d, p.path("title").asText(), p.path("targets").get(0).path("query").asText()))) {
        long last = Long.MIN_VALUE;
        for (JsonNode row : s.values()) {
          if (!row.get(1).isNull()) {
            drawn++;
          }
          assertThat(row.get(0).asLong()).as(p.path("title") + ": time ascends in " + s.tags()).isGreaterThan(last);
          last = row.get(0).asLong();
        }
      }
      assertThat(drawn).as(p.path("title") + ": one point per run and result").isEqualTo(points);
    }
    assertThat(trends).isEqualTo(2);
  }

  /**
   * Defect 6: the panels of one run do not depend on the dashboard's range; those that draw time get a link to the
   * run's own window, from netcalls_run's start and end, and in that window they show the run.
   */
  @Test
  void perRunPanelsIgnoreTheRangeAndALinkOpensTheRunsOwnWindow() throws Exception {
    long longAgo = Instant.parse("2001-01-01T00:00:00Z").toEpochMilli();
    int windows = 0;
    for (Dashboard d : Dashboards.all()) {
      String file = d.file().getFileName().toString();
      if (file.equals("live.json") || file.equals("nightly.json") || file.equals("run-vs-run.json")) {
        continue; // live and nightly are about time; run vs run is about stored comparisons (no time filter)
      }
      DashboardOpening far = DashboardOpening.open(d, data.influx(), longAgo, longAgo + 86_400_000L, Map.of());
      String run = far.variables().get("run").selection().values().get(0);
      for (Query q : d.queries()) {
        if (!q.text().contains("$timeFilter")) {
          assertThat(far.run(q).stream().anyMatch(InfluxQl.Series::hasValue)).as(q + " in 2001").isTrue();
        }
      }
      assertThat(d.json().path("links").toString()).as(file + ": a link to the run's window")
          .contains("from=${run_start}").contains("to=${run_end}");
      JsonNode runJson = JSON.readTree(data.runJson(run).toFile());
      long start = Instant.parse(runJson.path("start").asText()).toEpochMilli();
      long end = Instant.parse(runJson.path("end").asText()).toEpochMilli();
      assertThat(far.variables().get("run_start").selection().values()).as(file).containsExactly(Long.toString(start));
      assertThat(far.variables().get("run_end").selection().values()).as(file).containsExactly(Long.toString(end));
      DashboardOpening window = DashboardOpening.open(d, data.influx(), start, end, Map.of("run", run));
      for (Query q : d.queries()) {
        if (q.text().contains("$timeFilter")) {
          windows++;
          List<InfluxQl.Series> r = window.run(q);
          assertThat(r.stream().anyMatch(InfluxQl.Series::hasValue)).as(q + " in the run's window").isTrue();
          assertThat(DashboardOpening.mentions(r, window.chosen())).as(q + " is about " + run).isTrue();
        }
      }
    }
    assertThat(windows).as("time panels opened in a run's window").isPositive();
  }

  /** Defect 7: dashboard links keep the variables and the time; the runs tables link each run to its dashboards. */
  @Test
  void linksKeepTheVariablesAndTimeAndEveryRunsTableLinksItsRun() {
    List<String> uids = Dashboards.all().stream().map(d -> d.json().path("uid").asText()).toList();
    for (Dashboard d : Dashboards.all()) {
      assertThat(d.json().path("links")).as(d.file() + ": links").anySatisfy(l -> {
        assertThat(l.path("type").asText()).isEqualTo("dashboards");
        assertThat(l.path("keepTime").asBoolean()).as("keepTime").isTrue();
        assertThat(l.path("includeVars").asBoolean()).as("includeVars").isTrue();
      });
      for (JsonNode p : d.panels()) {
        String q = p.path("targets").get(0).path("query").asText();
        if (!q.contains("FROM \"netcalls_run\"") || !q.contains("GROUP BY \"run\", \"host\"")
            && !q.contains("GROUP BY \"run\", \"jdk\", \"host\"")) {
          continue;
        }
        List<String> urls = new ArrayList<>();
        p.path("fieldConfig").path("defaults").path("links").forEach(l -> urls.add(l.path("url").asText()));
        assertThat(urls).as(d.file() + ": data links of " + p.path("title")).isNotEmpty()
            .allSatisfy(u -> assertThat(u).contains("=${__data.fields.run}"))
            .anySatisfy(u -> assertThat(u).contains("from=${__data.fields.start_ms}&to=${__data.fields.end_ms}"));
        assertThat(q).as(d.file() + ": the table has the window's fields").contains("AS \"start_ms\"", "AS \"end_ms\"");
        for (String u : urls) {
          String uid = u.replaceFirst("^/d/([^/]+)/.*$", "$1");
          assertThat(uids).as(d.file() + ": link " + u).contains(uid);
        }
        if (d.file().endsWith("overview.json")) {
          assertThat(String.join(" ", urls)).contains("/d/netcalls-phases/", "/d/netcalls-failures/",
              "/d/netcalls-run-vs-run/");
        }
      }
    }
  }

  /** Defect 8: a regression annotation says the benchmark, its parameters, the change and the verdict. */
  @Test
  void regressionAnnotationsSayBenchmarkParamsChangeAndVerdict() {
    Dashboard d = Dashboards.all().stream().filter(x -> x.file().endsWith("nightly.json")).findFirst().orElseThrow();
    JsonNode a = d.annotations().stream().filter(x -> x.path("name").asText().equals("Regressions")).findFirst()
        .orElseThrow();
    DashboardOpening o = DashboardOpening.open(d, data.influx(), System.currentTimeMillis(), Map.of());
    List<InfluxQl.Series> r = o.run(new Query(d, "annotation", a.path("query").asText()));
    String column = a.path("textColumn").asText();
    assertThat(column).as("textColumn").isNotBlank();
    List<String> texts = new ArrayList<>();
    for (InfluxQl.Series s : r) {
      int col = s.columns().indexOf(column);
      assertThat(col).as("column " + column + " in " + s.columns()).isNotNegative();
      s.values().forEach(row -> texts.add(row.get(col).asText()));
    }
    assertThat(texts).as("regressions found").isNotEmpty().allSatisfy(t -> assertThat(t)
        .containsPattern("^\\w+\\.\\w+ ").contains("client=").containsPattern("[+-]\\d+\\.\\d %").contains("slower"));
  }

}
