package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netcalls.grafana.Dashboards.Dashboard;
import org.junit.jupiter.api.Test;

/**
 * The Grafana files as files: the provisioning and compose YAML parse and agree with each other, and
 * every dashboard is well formed (ids, grid, data source, titles, units, variables). What the queries
 * return is DashboardQueriesIT's job.
 */
class GrafanaFilesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Path DATASOURCE = Dashboards.GRAFANA.resolve("provisioning/datasources/netcalls.yaml");
  private static final Path PROVIDER = Dashboards.GRAFANA.resolve("provisioning/dashboards/netcalls.yaml");
  private static final Path COMPOSE = Dashboards.GRAFANA.resolve("compose.yaml");
  /** The Grafana schema the dashboards are written for (Grafana 11.0 to 11.2 write 39; later ones migrate it on load). */
  private static final int SCHEMA_VERSION = 39;

  private static JsonNode yaml(Path file) throws IOException {
    return YAML.readTree(file.toFile());
  }

  @Test
  void theDatasourceIsInfluxQlOnDatabaseNetcallsWithItsUrlFromTheEnvironment() throws IOException {
    JsonNode ds = yaml(DATASOURCE);
    assertThat(ds.path("apiVersion").asInt()).isEqualTo(1);
    assertThat(ds.path("datasources")).hasSize(1);
    JsonNode d = ds.path("datasources").get(0);
    assertThat(d.path("type").asText()).isEqualTo("influxdb");
    assertThat(d.path("uid").asText()).isEqualTo("netcalls-influxdb");
    assertThat(d.path("url").asText()).isEqualTo("$NETCALLS_INFLUX_URL");
    assertThat(d.path("jsonData").path("dbName").asText()).isEqualTo("netcalls");
    assertThat(d.path("jsonData").path("version").asText()).isEqualTo("InfluxQL");
  }

  @Test
  void theDashboardProviderReadsTheFolderComposeMountsTheDashboardsInto() throws IOException {
    JsonNode p = yaml(PROVIDER).path("providers").get(0);
    assertThat(p.path("type").asText()).isEqualTo("file");
    String path = p.path("options").path("path").asText();
    assertThat(mounts("grafana")).contains("./dashboards:" + path + ":ro");
  }

  @Test
  void composePinsEveryImageTag() throws IOException {
    JsonNode services = yaml(COMPOSE).path("services");
    List<String> images = new ArrayList<>();
    services.forEach(s -> images.add(s.path("image").asText()));
    assertThat(images).hasSize(3).allSatisfy(image ->
        // name:tag with a version number, never latest or a bare name
        assertThat(image).matches("[a-z0-9./-]+:\\d+(\\.\\d+)+[a-z0-9.-]*"));
    assertThat(images).anyMatch(i -> i.startsWith("influxdb:1."))
        .anyMatch(i -> i.startsWith("telegraf:")).anyMatch(i -> i.startsWith("grafana/grafana:"));
  }

  @Test
  void composeMountsTheRepositoryTelegrafConfAndTheProvisioning() throws IOException {
    assertThat(mounts("telegraf")).contains("../telegraf.conf:/etc/telegraf/telegraf.conf:ro");
    assertThat(mounts("grafana")).contains("./provisioning:/etc/grafana/provisioning:ro");
    assertThat(yaml(COMPOSE).path("services").path("grafana").path("environment").path("NETCALLS_INFLUX_URL").asText())
        .isEqualTo("http://127.0.0.1:8086");
  }

  @Test
  void everyMountedHostPathExists() throws IOException {
    List<String> hostPaths = new ArrayList<>();
    for (JsonNode s : yaml(COMPOSE).path("services")) {
      for (JsonNode v : s.path("volumes")) {
        String host = v.asText().split(":")[0];
        if (host.startsWith(".") || host.startsWith("/")) { // else a named volume
          hostPaths.add(host);
        }
      }
    }
    assertThat(hostPaths).hasSize(3).allSatisfy(h ->
        assertThat(Dashboards.GRAFANA.resolve(h).normalize()).as("mounted from compose.yaml: " + h).exists());
  }

  private static List<String> mounts(String service) throws IOException {
    List<String> out = new ArrayList<>();
    yaml(COMPOSE).path("services").path(service).path("volumes").forEach(v -> out.add(v.asText()));
    return out;
  }

  @Test
  void theSevenDashboardsOfTheIssueAndTheOpenLoopOneAreThere() {
    assertThat(Dashboards.all()).extracting(d -> d.file().getFileName().toString()).containsExactlyInAnyOrder(
        "overview.json", "run-vs-run.json", "phases.json", "paired.json", "failures.json", "nightly.json", "live.json",
        "openloop.json");
  }

  @Test
  void everyDashboardStatesItsSchemaAndGrafanaVersionAndHasAUniqueUid() {
    Set<String> uids = new HashSet<>();
    for (Dashboard d : Dashboards.all()) {
      assertThat(d.json().path("schemaVersion").asInt()).as(d.file().toString()).isEqualTo(SCHEMA_VERSION);
      assertThat(d.json().path("__requires").findValuesAsText("version")).as(d.file().toString())
          .anyMatch(v -> v.matches("11\\.\\d+\\.\\d+"));
      assertThat(uids.add(d.json().path("uid").asText())).as("uid of " + d.file()).isTrue();
      assertThat(d.title()).as(d.file().toString()).isNotBlank();
    }
  }

  @Test
  void panelIdsAreUniqueAndGridPositionsDoNotOverlap() {
    for (Dashboard d : Dashboards.all()) {
      Set<Integer> ids = new HashSet<>();
      List<int[]> boxes = new ArrayList<>();
      for (JsonNode p : d.json().path("panels")) {
        assertThat(ids.add(p.path("id").asInt(-1))).as(d.file() + ": panel id " + p.path("id")).isTrue();
        JsonNode g = p.path("gridPos");
        int[] box = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
        assertThat(box[2]).as(d.file() + ": width of " + p.path("title")).isPositive();
        assertThat(box[3]).as(d.file() + ": height of " + p.path("title")).isPositive();
        assertThat(box[0] + box[2]).as(d.file() + ": right edge of " + p.path("title")).isLessThanOrEqualTo(24);
        for (int[] other : boxes) {
          boolean apart = box[0] + box[2] <= other[0] || other[0] + other[2] <= box[0]
              || box[1] + box[3] <= other[1] || other[1] + other[3] <= box[1];
          assertThat(apart).as(d.file() + ": " + p.path("title") + " overlaps another panel").isTrue();
        }
        boxes.add(box);
      }
    }
  }

  /**
   * Every query goes to the data source the dashboard's $datasource variable picks (an InfluxDB); imported by hand,
   * the __inputs data source DS_NETCALLS sets that variable, and provisioned, the data source is not made the default
   * of a Grafana that already has one.
   */
  @Test
  void everyQueryUsesTheDatasourceVariableWhichTheImportInputSets() throws IOException {
    assertThat(yaml(DATASOURCE).path("datasources").get(0).path("isDefault").asBoolean(true))
        .as("provisioned data source isDefault").isFalse();
    for (Dashboard d : Dashboards.all()) {
      assertThat(d.json().path("__inputs")).as(d.file() + " __inputs").anySatisfy(i -> {
        assertThat(i.path("name").asText()).isEqualTo("DS_NETCALLS");
        assertThat(i.path("type").asText()).isEqualTo("datasource");
        assertThat(i.path("pluginId").asText()).isEqualTo("influxdb");
      });
      JsonNode dsVar = d.variables().get(0);
      assertThat(dsVar.path("name").asText()).as(d.file() + ": first variable").isEqualTo("datasource");
      assertThat(dsVar.path("type").asText()).isEqualTo("datasource");
      assertThat(dsVar.path("query").asText()).isEqualTo("influxdb");
      assertThat(dsVar.path("current").path("value").asText()).isEqualTo("${DS_NETCALLS}");
      List<JsonNode> refs = new ArrayList<>();
      for (JsonNode p : d.panels()) {
        refs.add(p.path("datasource"));
        p.path("targets").forEach(t -> refs.add(t.path("datasource")));
      }
      d.variables().stream().skip(1).forEach(v -> refs.add(v.path("datasource")));
      d.annotations().forEach(a -> refs.add(a.path("datasource")));
      assertThat(refs).as(d.file().toString()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.path("uid").asText()).as(d.file() + ": " + r).isEqualTo("${datasource}");
        assertThat(r.path("type").asText()).as(d.file() + ": " + r).isEqualTo("influxdb");
      });
    }
  }

  @Test
  void everyPanelHasATitleAUnitAndRawInfluxQlTargets() {
    for (Dashboard d : Dashboards.all()) {
      assertThat(d.panels()).as(d.file().toString()).isNotEmpty();
      for (JsonNode p : d.panels()) {
        String where = d.file() + ": panel " + p.path("id");
        assertThat(p.path("title").asText()).as(where).isNotBlank();
        assertThat(p.path("fieldConfig").path("defaults").path("unit").asText()).as(where + " unit").isNotBlank();
        assertThat(p.path("targets")).as(where + " targets").isNotEmpty().allSatisfy(t -> {
          // the IT runs each query as written: Grafana's query builder form would not be tested
          assertThat(t.path("rawQuery").asBoolean()).as(where + " rawQuery").isTrue();
          assertThat(t.path("query").asText()).as(where + " query").startsWith("SELECT ");
        });
      }
    }
  }

  @Test
  void everyVariableIsUsedAndEveryUsedVariableIsDefined() {
    for (Dashboard d : Dashboards.all()) {
      StringBuilder used = new StringBuilder();
      d.queries().forEach(q -> used.append(q.text()).append('\n'));
      d.variables().forEach(v -> used.append(v.path("query").asText()).append('\n'));
      d.panels().forEach(p -> used.append('$').append(p.path("repeat").asText("")).append('\n')
          .append(p.path("datasource").path("uid").asText()).append('\n'));
      used.append(d.json().path("links")).append('\n'); // the run's own time window: $run_start, $run_end
      Set<String> referenced = GrafanaMacros.variablesIn(used.toString());
      Set<String> defined = new HashSet<>();
      for (JsonNode v : d.variables()) {
        String name = v.path("name").asText();
        defined.add(name);
        // a variable's own query does not count as a use of it
        String others = used.toString().replace(v.path("query").asText(), "");
        assertThat(GrafanaMacros.variablesIn(others)).as(d.file() + ": variable $" + name + " is never used").contains(name);
      }
      assertThat(defined).as(d.file() + ": variables referenced but not defined").containsAll(referenced);
    }
  }

  @Test
  void theDocumentedVariablesAreThereMultiSelectWhereTheyFilterSeveralRuns() {
    Dashboard overview = Dashboards.all().stream().filter(d -> d.file().endsWith("overview.json")).findFirst().orElseThrow();
    List<JsonNode> shown = overview.variables().stream()
        .filter(v -> v.path("hide").asInt() != 2 && v.path("type").asText().equals("query")).toList();
    assertThat(shown).extracting(v -> v.path("name").asText())
        .containsExactly("run", "benchmark", "client", "strategy", "scheme");
    assertThat(shown).allSatisfy(v -> assertThat(v.path("multi").asBoolean()).isTrue());
  }

  @Test
  void yamlFilesParse() throws IOException {
    for (Path f : List.of(DATASOURCE, PROVIDER, COMPOSE)) {
      assertThat(Files.readString(f)).isNotBlank();
      assertThat(yaml(f).isObject()).as(f.toString()).isTrue();
    }
  }
}
