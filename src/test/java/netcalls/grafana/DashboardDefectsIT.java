package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.grafana.Dashboards.Dashboard;
import netcalls.grafana.Dashboards.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * One test per defect of the dashboards that issue 23 lists, each failing on the dashboards before it (run with
 * {@code -Dnetcalls.dashboards=DIR} on a copy of the older grafana/dashboards to see it), over the runs of
 * {@link GrafanaFixtures}.
 */
@Tag("influxdb")
class DashboardDefectsIT {
  /** Measurements with a point per JMH result (or per trial of one): a panel over them lists results. */
  private static final Pattern PER_RESULT = Pattern.compile("FROM \"(netcalls_jmh|netcalls_phase|netcalls_request"
      + "|netcalls_request_histogram|netcalls_pair|netcalls_request_exception|netcalls_openloop)\"");
  private static GrafanaFixtures.Data data;

  @BeforeAll
  static void loadRuns() throws Exception {
    data = GrafanaFixtures.get();
  }

  private static Dashboard dashboard(String file) {
    return Dashboards.all().stream().filter(d -> d.file().getFileName().toString().equals(file)).findFirst()
        .orElseThrow();
  }

  private static DashboardOpening open(String file, Map<String, String> overrides) {
    Dashboard d = dashboard(file);
    return DashboardOpening.open(d, data.influx(), DashboardQueriesIT.now(d, data.influx()), overrides);
  }

  /** Defect 1: a nightly's pooled comparison is offered, the newest first, and the candidate follows the baseline. */
  @Test
  void nightlyComparisonsCanBeOpenedAndTheCandidateFollowsTheBaseline() {
    DashboardOpening atDefaults = open("run-vs-run.json", Map.of());
    assertThat(atDefaults.variables().get("baseline").options()).as("baseline options")
        .containsExactly(GrafanaFixtures.POOLED_BASE, "base", "gate-a");
    assertThat(atDefaults.variables().get("baseline").selection().values()).containsExactly(GrafanaFixtures.POOLED_BASE);
    assertThat(atDefaults.variables().get("candidate").options()).containsExactly(GrafanaFixtures.POOLED_CAND);
    assertThat(atDefaults.variables().get("base_runs").options()).containsExactlyInAnyOrder("base", "base-2");
    DashboardOpening single = open("run-vs-run.json", Map.of("baseline", "base"));
    assertThat(single.variables().get("candidate").options()).containsExactly("cand");
  }

  /** Defect 2: a trend panel needs x ascending in each series; offset_ms restarts in every fork, so it is a scatter. */
  @Test
  void everyTrendPanelsXAscendsInEachSeries() {
    int offsetPanels = 0;
    for (Dashboard d : Dashboards.all()) {
      DashboardOpening o = DashboardOpening.open(d, data.influx(), DashboardQueriesIT.now(d, data.influx()),
          Map.of("run", "mix", "baseline", "mix", "candidate", "mix"));
      for (JsonNode p : d.panels()) {
        boolean trend = p.path("type").asText().equals("trend");
        boolean offset = p.path("targets").toString().contains("\\\"offset_ms\\\"");
        if (offset) {
          offsetPanels++;
          assertThat(p.path("type").asText()).as(d.file() + ": " + p.path("title")).isIn("trend", "xychart");
        }
        if (!trend) {
          continue;
        }
        for (JsonNode t : p.path("targets")) {
          for (InfluxQl.Series s : o.run(new Query(d, p.path("title").asText(), t.path("query").asText()))) {
            double last = Double.NEGATIVE_INFINITY;
            for (JsonNode row : s.values()) {
              double x = row.get(1).asDouble();
              assertThat(x).as(d.file() + ": trend \"" + p.path("title").asText() + "\" series " + s.tags()
                  + ": x must ascend").isGreaterThanOrEqualTo(last);
              last = x;
            }
          }
        }
      }
    }
    assertThat(offsetPanels).as("panels drawing runs by offset_ms").isPositive();
  }

  /**
   * Defect 3: a parameter the repository never spells (zz_probe=1,2), and the two protocols, give rows or series of
   * their own in every panel that lists results, with no dashboard edit.
   */
  @Test
  void aParameterNoDashboardNamesGetsRowsOfItsOwnInEveryPanelThatListsResults() {
    int checked = 0;
    for (Dashboard d : Dashboards.all()) {
      String file = d.file().getFileName().toString();
      Map<String, String> probe = new HashMap<>(Map.of("run", "probe"));
      long now = file.equals("live.json") ? lastSample("probe") + 60_000 : DashboardQueriesIT.now(d, data.influx());
      DashboardOpening o = DashboardOpening.open(d, data.influx(), now, probe);
      boolean offered = o.variables().containsKey("host")
          || (o.variables().containsKey("run") && o.variables().get("run").options().contains("probe"));
      if (!offered) {
        continue; // no probe data there (paired, failures, open loop, run vs run)
      }
      for (Query q : d.queries()) {
        if (!PER_RESULT.matcher(q.text()).find() || q.where().startsWith("annotation")) {
          continue;
        }
        List<InfluxQl.Series> probeSeries = o.run(q).stream()
            .filter(s -> "probe".equals(s.tags().path("run").asText("probe")) && s.hasValue()).toList();
        if (probeSeries.isEmpty() && file.equals("nightly.json")) {
          continue; // a filter of the nightly (client, scheme) left the probe out
        }
        assertThat(tagValues(probeSeries, "zz_probe")).as(q + ": zz_probe apart").containsExactly("1", "2");
        assertThat(tagValues(probeSeries, "protocol")).as(q + ": protocol apart").containsExactly("h1", "h2");
        assertThat(tagValues(probeSeries, "size")).as(q + ": size apart").containsExactly("1024", "64");
        checked++;
      }
    }
    assertThat(checked).as("panels that list the probe run's results").isGreaterThanOrEqualTo(10);
  }

  private static Set<String> tagValues(List<InfluxQl.Series> series, String tag) {
    Set<String> out = new TreeSet<>();
    series.forEach(s -> {
      if (s.tags() != null && !s.tags().path(tag).asText().isEmpty()) { // "": a series of another run
        out.add(s.tags().path(tag).asText());
      }
    });
    return out;
  }

  /** Defect 4: with two forks, each phase value is the median over the forks' points, not the last fork's. */
  @Test
  void phaseValuesWithTwoForksAreTheMedianOverForks() throws Exception {
    DashboardOpening o = open("phases.json", Map.of("run", "mix"));
    Dashboard d = o.dashboard();
    JsonNode table = d.panels().stream().filter(p -> p.path("title").asText().startsWith("Phase percentiles"))
        .findFirst().orElseThrow();
    List<InfluxQl.Series> result = o.run(new Query(d, "phase table", table.path("targets").get(0).path("query").asText()));
    assertThat(result).isNotEmpty();
    int compared = 0;
    for (InfluxQl.Series s : result) {
      StringBuilder where = new StringBuilder("\"run\" = 'mix'");
      s.tags().fields().forEachRemaining(e -> where.append(" AND \"").append(e.getKey()).append("\" = '")
          .append(e.getValue().asText()).append("'"));
      List<Double> forks = new ArrayList<>();
      for (InfluxQl.Series raw : data.influx().query("SELECT \"p50\" FROM \"netcalls_phase\" WHERE " + where)) {
        raw.values().forEach(r -> forks.add(r.get(1).asDouble()));
      }
      assertThat(forks).as("points of " + s.tags() + " (one per fork)").hasSize(2);
      double median = (forks.get(0) + forks.get(1)) / 2;
      int col = s.columns().indexOf("p50");
      assertThat(s.values().get(0).get(col).asDouble()).as("p50 of " + s.tags()).isEqualTo(median);
      compared++;
    }
    assertThat(compared).isGreaterThanOrEqualTo(4);
  }

  /** Defect 5: histogram buckets in numeric order in every panel that draws them. */
  @Test
  void histogramBucketsComeInNumericOrder() {
    int panels = 0;
    for (String file : List.of("phases.json", "live.json")) {
      long now = file.equals("live.json") ? lastSample("base") + 60_000 : System.currentTimeMillis();
      Dashboard d = dashboard(file);
      DashboardOpening o = DashboardOpening.open(d, data.influx(), now, Map.of("run", "base"));
      for (JsonNode p : d.panels()) {
        if (!p.path("targets").toString().contains("netcalls_request_histogram")) {
          continue;
        }
        panels++;
        Map<String, List<Double>> bounds = new LinkedHashMap<>(); // per series (le apart), in the order drawn
        for (JsonNode t : p.path("targets")) {
          for (InfluxQl.Series s : o.run(new Query(d, p.path("title").asText(), t.path("query").asText()))) {
            Map<String, String> key = new TreeMap<>();
            s.tags().fields().forEachRemaining(e -> key.put(e.getKey(), e.getValue().asText()));
            String le = key.remove("le");
            assertThat(le).as(file + ": " + p.path("title") + ": each bar says its bound").isNotNull();
            bounds.computeIfAbsent(key.toString(), k -> new ArrayList<>())
                .add(le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le));
          }
        }
        assertThat(bounds).as(file + ": " + p.path("title")).isNotEmpty();
        bounds.forEach((k, les) -> assertThat(les).as(file + ": buckets of " + k).hasSizeGreaterThan(2).isSorted());
      }
    }
    assertThat(panels).isEqualTo(2);
  }

  /** Defect 5: the heatmap is of the chosen run's calls, counted per cell, not cumulative bucket counts. */
  @Test
  void theHeatmapCountsTheChosenRunsCallsNotCumulativeBuckets() {
    int heatmaps = 0;
    for (Dashboard d : Dashboards.all()) {
      for (JsonNode p : d.panels()) {
        if (!p.path("type").asText().equals("heatmap")) {
          continue;
        }
        heatmaps++;
        String q = p.path("targets").get(0).path("query").asText();
        assertThat(q).as(d.file() + ": heatmap reads the cumulative histogram").doesNotContain("netcalls_request_histogram");
        assertThat(p.path("options").path("calculate").asBoolean()).as(d.file() + ": Grafana buckets the calls").isTrue();
        assertThat(q).as(d.file() + ": the chosen run only").contains("\"run\" = '$run'");
      }
    }
    assertThat(heatmaps).isPositive();
  }

  /** Defect 5: Telegraf re-sends its running counts every period; a run's histogram must not grow with them. */
  @Test
  void telegrafsResentHistogramCountsAreCountedOnce() {
    for (String file : List.of("phases.json", "live.json")) {
      Dashboard d = dashboard(file);
      Map<String, Double> base = histogram(d, "base");
      Map<String, Double> resent = histogram(d, "resend");
      assertThat(base).as(file).isNotEmpty();
      assertThat(resent).as(file + ": the run whose histogram was re-sent twice").isEqualTo(base);
    }
  }

  private static Map<String, Double> histogram(Dashboard d, String run) {
    boolean live = d.file().getFileName().toString().equals("live.json");
    long now = live ? lastSample("base") + 120_000 : System.currentTimeMillis();
    DashboardOpening o = DashboardOpening.open(d, data.influx(), now, Map.of("run", run));
    Map<String, Double> out = new TreeMap<>();
    for (JsonNode p : d.panels()) {
      if (!p.path("targets").toString().contains("netcalls_request_histogram")) {
        continue;
      }
      for (JsonNode t : p.path("targets")) {
        for (InfluxQl.Series s : o.run(new Query(d, p.path("title").asText(), t.path("query").asText()))) {
          String key = s.tags() == null ? "" : s.tags().toString().replace("\"" + run + "\"", "\"RUN\"");
          s.values().forEach(row -> out.merge(key + t.path("refId").asText(), row.get(1).asDouble(), Double::sum));
        }
      }
    }
    return out;
  }

  private static long lastSample(String run) {
    return DashboardOpening.send(data.influx(), "last sample of " + run,
        "SELECT last(\"duration_ns\") FROM \"netcalls_request\" WHERE \"run\" = '" + run + "'")
        .get(0).values().get(0).get(0).asLong();
  }
}
