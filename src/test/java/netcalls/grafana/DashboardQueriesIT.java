package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import netcalls.cli.SharedRun;
import netcalls.export.Fixtures;
import netcalls.grafana.Dashboards.Dashboard;
import netcalls.grafana.Dashboards.Query;
import netcalls.grafana.GrafanaMacros.Selection;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every query of every dashboard against a real InfluxDB holding real runs: the shared smoke run
 * (RequestLatency, PairedLatency and FailureLatency for every client) and the baseline and 2 ms slowed
 * candidate of {@link SharedRun#injectedPair()}, and two small real open-loop runs kept as fixtures (one valid, one
 * that missed its rate: src/test/resources/runs/openloop-ok and openloop-bad), exported by the jar. Each dashboard's variables are
 * resolved in order by their own queries (a multi-select variable gets every value it offers, as Grafana
 * formats several selected values), then every panel target and annotation query is sent with Grafana's
 * macros substituted; it must parse and return at least one series with a value. The time range is the
 * last 24 hours (the runs are made by this test). netcalls_compare points come from the jar's
 * {@code compare BASE CAND --influx}; a jar whose compare cannot write them leaves those queries skipped,
 * visibly (an assumption), never passed.
 */
@Tag("influxdb")
class DashboardQueriesIT {
  /** A database of its own, so other tests' points with the same run ids do not mix in. */
  private static final String DATABASE = "netcalls_grafana_it";
  /** For a single-select variable, the value the test picks when offered (else the first one, as Grafana does). */
  private static final Map<String, String> PICK = Map.of(
      "baseline", "base", "candidate", "cand", "run", "smoke", "benchmark", "RequestLatency");

  private static InfluxQl influx;
  private static GrafanaMacros macros;
  private static boolean compareExists;
  private static String compareOutput = "";

  @BeforeAll
  static void loadRuns() throws Exception {
    String url = System.getenv("NETCALLS_INFLUX_URL");
    assertThat(url).as("NETCALLS_INFLUX_URL (run through scripts/with-influxdb.sh or scripts/test.sh)").isNotBlank();
    List<Path> runs = new ArrayList<>();
    runs.add(SharedRun.smoke().dir());
    for (SharedRun.Run r : SharedRun.injectedPair()) {
      runs.add(r.dir());
    }
    for (Path run : runs) {
      export(run, url);
    }
    for (String fixture : List.of("openloop-ok", "openloop-bad")) {
      export(Fixtures.copyRun(fixture, Files.createTempDirectory("grafana-" + fixture)), url);
    }
    compare(runs.get(1), runs.get(2), url);
    influx = new InfluxQl(url, DATABASE);
    writeCut(runs.get(0));
    long now = System.currentTimeMillis();
    macros = new GrafanaMacros(now - TimeUnit.HOURS.toMillis(24), now + TimeUnit.MINUTES.toMillis(1), "1m", 60_000);
    compareExists = !influx.query("SHOW MEASUREMENTS WITH MEASUREMENT = \"netcalls_compare\"").isEmpty();
  }

  /** The id of a run whose export was cut before its completion marker. */
  private static final String CUT = "cut-before-marker";

  /**
   * The smoke run's points again under the run id {@link #CUT}, every line but the last, the netcalls_run marker:
   * what InfluxDB holds when an export is killed just before it sends the marker.
   */
  private static void writeCut(Path smoke) throws Exception {
    List<String> lines = Files.readAllLines(smoke.resolve("points.lp"));
    assertThat(lines.get(lines.size() - 1)).startsWith("netcalls_run,");
    StringBuilder cut = new StringBuilder();
    for (String line : lines.subList(0, lines.size() - 1)) {
      cut.append(line.replaceFirst(",run=smoke([, ])", ",run=" + CUT + "$1")).append('\n');
    }
    assertThat(cut.toString()).contains(",run=" + CUT);
    influx.write(cut.toString());
  }

  private static void export(Path run, String url) throws IOException, InterruptedException {
    Processes.Result r = jar("export", run.toString(), "--influx", url, "--database", DATABASE);
    assertThat(r.exit()).as("export of " + run + ": " + r.out()).isZero();
  }

  /**
   * The baseline against the slowed candidate, written as netcalls_compare points by the jar's own
   * compare, when this jar's compare can write to InfluxDB; when it cannot, the compare queries are
   * skipped below (an assumption, reported as skipped).
   */
  private static void compare(Path base, Path cand, String url) throws IOException, InterruptedException {
    Processes.Result r = jar("compare", base.toString(), cand.toString(), "--influx", url, "--database", DATABASE);
    compareOutput = r.out();
  }

  private static Processes.Result jar(String... args) throws IOException, InterruptedException {
    return Processes.jar(Duration.ofMinutes(3), args);
  }

  @TestFactory
  List<DynamicNode> everyVariableAndPanelQueryReturnsData() {
    List<DynamicNode> out = new ArrayList<>();
    for (Dashboard d : Dashboards.all()) {
      Map<String, Selection> vars = new LinkedHashMap<>();
      List<DynamicNode> tests = new ArrayList<>();
      // variables first, in order: each may use those before it; tests of one container run in order
      for (JsonNode v : d.variables()) {
        String name = v.path("name").asText();
        tests.add(DynamicTest.dynamicTest("variable $" + name, () -> vars.put(name, resolve(d, v, vars))));
      }
      for (Query q : d.queries()) {
        tests.add(DynamicTest.dynamicTest(q.where(), () -> run(q, vars)));
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
    assertThat(values("SHOW TAG VALUES FROM \"netcalls_jmh\" WITH KEY = \"run\"")).contains(CUT, "smoke");
    int pickers = 0;
    for (Dashboard d : Dashboards.all()) {
      for (JsonNode v : d.variables()) {
        String query = v.path("query").asText();
        if (!query.contains("WITH KEY = \"run\"")) {
          continue;
        }
        pickers++;
        String where = d.file().getFileName() + " variable $" + v.path("name").asText();
        List<String> offered = values(query);
        assertThat(offered).as(where).contains("smoke");
        if (d.file().getFileName().toString().equals("live.json")) {
          assertThat(offered).as(where + " (runs as they stream)").contains(CUT);
        } else {
          assertThat(offered).as(where + ": a run without netcalls_run is offered").doesNotContain(CUT);
        }
      }
    }
    assertThat(pickers).as("run pickers found").isGreaterThanOrEqualTo(8);
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

  private static TreeSet<String> seriesWithoutRun(String measurement, String run) throws Exception {
    TreeSet<String> keys = new TreeSet<>();
    for (String k : values("SHOW SERIES FROM \"" + measurement + "\" WHERE \"run\" = '" + run + "'")) {
      keys.add(k.replace(",run=" + run, ""));
    }
    return keys;
  }

  /** Every row's last column of a SHOW query (the value, or the series key). */
  private static List<String> values(String query) throws Exception {
    List<String> out = new ArrayList<>();
    for (InfluxQl.Series s : influx.query(query)) {
      s.values().forEach(row -> out.add(row.get(row.size() - 1).asText()));
    }
    return out;
  }

  private static Selection resolve(Dashboard d, JsonNode v, Map<String, Selection> vars) throws Exception {
    String name = v.path("name").asText();
    String where = d.file().getFileName() + " (" + d.title() + "), variable $" + name;
    String sent = substitute(where, v.path("query").asText(), vars);
    TreeSet<String> options = new TreeSet<>(); // sort 1: alphabetical, as the variables ask
    for (InfluxQl.Series s : send(where, sent)) {
      int col = s.columns().indexOf("value");
      s.values().forEach(row -> options.add(row.get(col).asText()));
    }
    if (options.isEmpty()) {
      fail(where + ": the variable query returns no value: " + sent);
    }
    boolean regex = v.path("multi").asBoolean() || v.path("includeAll").asBoolean();
    if (regex) {
      return new Selection(List.copyOf(options), true);
    }
    String pick = options.stream().filter(o -> o.contains(PICK.getOrDefault(name, "\u0000"))).findFirst()
        .orElse(options.first());
    return new Selection(List.of(pick), false);
  }

  private static void run(Query q, Map<String, Selection> vars) throws Exception {
    if (q.text().contains("\"netcalls_compare\"")) {
      Assumptions.assumeTrue(compareExists, "no netcalls_compare points in InfluxDB: this jar's compare did not write"
          + " them (" + compareOutput.strip().lines().findFirst().orElse("") + "): " + q);
    }
    String sent = substitute(q.toString(), q.text(), vars);
    List<InfluxQl.Series> result = send(q.toString(), sent);
    if (result.stream().noneMatch(InfluxQl.Series::hasValue)) {
      fail("returns no series with a value: " + q + "\n  sent: " + sent);
    }
  }

  private static String substitute(String where, String text, Map<String, Selection> vars) {
    for (String name : GrafanaMacros.variablesIn(text)) {
      if (!vars.containsKey(name)) {
        fail(where + ": variable $" + name + " has no value (its own query failed, or it is not defined before use)");
      }
    }
    return macros.apply(text, vars);
  }

  private static List<InfluxQl.Series> send(String where, String sent) throws Exception {
    try {
      return influx.query(sent);
    } catch (InfluxQl.QueryError e) {
      return fail(where + "\n  InfluxDB refused it: " + e.getMessage() + "\n  sent: " + sent);
    }
  }
}
