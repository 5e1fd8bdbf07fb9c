package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netcalls.grafana.Dashboards.Dashboard;
import netcalls.grafana.Dashboards.Query;
import netcalls.grafana.GrafanaVariables.Resolved;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every dashboard opened as Grafana 11.2 opens it, over the runs of {@link GrafanaFixtures} in a real InfluxDB:
 * its own time range, its variables at Grafana's default selections ({@link GrafanaVariables}, each rule cited
 * there), then every panel target and annotation query with Grafana's macros. Each must return a value, and the
 * result must be about what the opening chose (a run, a comparison's side, a host): a query that answers for
 * another run, or with fill(0) only, fails. The same again with every multi-value variable at "All".
 */
@Tag("influxdb")
class DashboardQueriesIT {
  private static GrafanaFixtures.Data data;

  @BeforeAll
  static void loadRuns() throws Exception {
    data = GrafanaFixtures.get();
  }

  /** When a dashboard is opened: now; the live dashboard just after the newest run streamed (its range is 15 min). */
  static long now(Dashboard d, InfluxQl influx) {
    long now = System.currentTimeMillis();
    if (!d.file().getFileName().toString().equals("live.json")) {
      return now;
    }
    List<InfluxQl.Series> last = DashboardOpening.send(influx, "newest sample",
        "SELECT last(\"duration_ns\") FROM \"netcalls_request\"");
    return last.get(0).values().get(0).get(0).asLong() + 60_000;
  }

  @TestFactory
  List<DynamicNode> atItsDefaultsEveryPanelShowsTheChosenRunsData() {
    return everyDashboard(d -> Map.of());
  }

  @TestFactory
  List<DynamicNode> withEveryMultiValueVariableAtAllEveryPanelShowsData() {
    return everyDashboard(d -> {
      Map<String, String> all = new HashMap<>();
      for (JsonNode v : d.variables()) {
        if (v.path("includeAll").asBoolean()) {
          all.put(v.path("name").asText(), GrafanaVariables.ALL);
        } else if (v.path("multi").asBoolean()) {
          all.put(v.path("name").asText(), GrafanaVariables.EVERY);
        }
      }
      return all;
    });
  }

  private List<DynamicNode> everyDashboard(java.util.function.Function<Dashboard, Map<String, String>> overrides) {
    List<DynamicNode> out = new ArrayList<>();
    for (Dashboard d : Dashboards.all()) {
      DashboardOpening[] opened = new DashboardOpening[1];
      List<DynamicNode> tests = new ArrayList<>();
      tests.add(DynamicTest.dynamicTest("variables", () -> {
        opened[0] = DashboardOpening.open(d, data.influx(), now(d, data.influx()), overrides.apply(d));
        for (Resolved r : opened[0].variables().values()) {
          assertThat(r.options()).as(d.file() + ": variable $" + r.name() + " offers nothing").isNotEmpty();
        }
      }));
      for (Query q : d.queries()) {
        tests.add(DynamicTest.dynamicTest(q.where(), () -> {
          assertThat(opened[0]).as("the variables above failed").isNotNull();
          List<InfluxQl.Series> result = opened[0].run(q);
          String sent = opened[0].sent(q.toString(), q.text());
          if (result.stream().noneMatch(InfluxQl.Series::hasValue)) {
            fail("returns no series with a value: " + q + "\n  sent: " + sent);
          }
          Set<String> chosen = opened[0].chosen();
          if (!DashboardOpening.mentions(result, chosen)) {
            fail("its result is not about the chosen " + chosen + ": " + q + "\n  sent: " + sent);
          }
        }));
      }
      out.add(DynamicContainer.dynamicContainer(d.title(), tests));
    }
    return out;
  }

  /**
   * A run without its completion marker is offered by no run picker, though its points are there. The live
   * dashboard is the one exception, by design: it watches a run while it streams, long before any marker.
   */
  @Test
  void anExportCutBeforeItsMarkerIsInNoRunPicker() throws Exception {
    assertThat(values("SHOW TAG VALUES FROM \"netcalls_jmh\" WITH KEY = \"run\"")).contains(GrafanaFixtures.CUT, "smoke");
    int pickers = 0;
    for (Dashboard d : Dashboards.all()) {
      Map<String, String> every = new HashMap<>();
      DashboardOpening o = DashboardOpening.open(d, data.influx(), now(d, data.influx()), every);
      Resolved run = o.variables().get("run");
      if (run == null) {
        continue;
      }
      pickers++;
      String where = d.file().getFileName() + " variable $run";
      if (d.file().getFileName().toString().equals("live.json")) {
        assertThat(run.options()).as(where + " (runs as they stream)").contains(GrafanaFixtures.CUT);
      } else {
        assertThat(run.options()).as(where + ": a run without netcalls_run is offered").isNotEmpty()
            .doesNotContain(GrafanaFixtures.CUT);
      }
    }
    assertThat(pickers).as("run pickers found").isEqualTo(6);
  }

  /** The target tag is stable: the baseline and candidate runs (same benchmark, fresh servers) have the same series. */
  @Test
  void twoRunsOfOneBenchmarkShareTheirSeriesKeys() throws Exception {
    for (String m : List.of("netcalls_request", "netcalls_request_histogram", "netcalls_phase")) {
      TreeSet<String> base = seriesWithoutRun(m, "base");
      TreeSet<String> cand = seriesWithoutRun(m, "cand");
      assertThat(base).as(m).isNotEmpty().isEqualTo(cand);
      if (!m.equals("netcalls_phase")) { // per trial: no target tag
        assertThat(base).as(m).allMatch(k -> k.contains(",target=builtin-http,"));
      }
    }
  }

  /** compare exits 1 exactly when it stored a slower row, 0 otherwise; either way its rows are in InfluxDB. */
  @Test
  void theCompareStepsExitAsTheirVerdictsSayAndStoreTheirRows() throws Exception {
    check(data.compareSingle(), "base", "cand");
    check(data.comparePooled(), GrafanaFixtures.POOLED_BASE, GrafanaFixtures.POOLED_CAND);
    check(data.compareSlower(), "gate-a", "gate-b");
    assertThat(data.compareSlower().exit()).as(data.compareSlower().output()).isEqualTo(1);
  }

  private static void check(GrafanaFixtures.Jar compare, String baseline, String candidate) throws Exception {
    String where = "WHERE \"baseline\" = '" + baseline + "' AND \"candidate\" = '" + candidate + "'";
    List<String> rows = values("SELECT \"n_base\", \"verdict\" FROM \"netcalls_compare\" " + where);
    assertThat(rows).as("netcalls_compare rows of " + baseline + " vs " + candidate + ": " + compare.output())
        .isNotEmpty();
    int expected = rows.contains("slower") ? 1 : 0;
    assertThat(compare.exit()).as("compare " + baseline + " " + candidate + ": " + compare.output()).isEqualTo(expected);
  }

  private static TreeSet<String> seriesWithoutRun(String measurement, String run) throws Exception {
    TreeSet<String> keys = new TreeSet<>();
    for (String k : values("SHOW SERIES FROM \"" + measurement + "\" WHERE \"run\" = '" + run + "'")) {
      keys.add(k.replace(",run=" + run, ""));
    }
    return keys;
  }

  /** Every row's last column (the value, or the series key). */
  static List<String> values(String query) throws Exception {
    List<String> out = new ArrayList<>();
    for (InfluxQl.Series s : data.influx().query(query)) {
      s.values().forEach(row -> out.add(row.get(row.size() - 1).asText()));
    }
    return out;
  }
}
