package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.grafana.Dashboards.Dashboard;
import netcalls.grafana.Dashboards.Query;
import netcalls.run.OpenLoopJson;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The open-loop dashboard says which corrected percentiles are thin (issue 24): every table of corrected percentiles
 * shows the exported {@code thin_percentiles} beside them, as the exporter wrote it for that trial, over the
 * openloop-ok fixture (50 requests a fork: p90 and above rest on fewer than 10) in the real InfluxDB; every chart
 * of them says where to read it.
 */
@Tag("influxdb")
class OpenLoopThinIT {
  private static final String RUN = "openloop-ok";
  private static final Pattern THIN_FIELD =
      Pattern.compile(OpenLoopJson.THIN + "=\"([^\"]*)\"");

  @Test
  void everyTableOfCorrectedPercentilesShowsTheExportedThinOnes() throws Exception {
    GrafanaFixtures.Data data = GrafanaFixtures.get();
    Set<String> exported = new TreeSet<>();
    for (String line : Files.readAllLines(data.runs().get(RUN).resolve("points.lp"))) {
      Matcher m = THIN_FIELD.matcher(line);
      if (line.startsWith("netcalls_openloop,") && line.contains(",status=ok,") && m.find()) {
        exported.add(m.group(1));
      }
    }
    assertThat(exported).as("the fixture's exported thin percentiles").containsExactly("p90,p99,p99.9,p99.99");
    Dashboard d = Dashboards.all().stream().filter(x -> x.file().getFileName().toString().equals("openloop.json"))
        .findFirst().orElseThrow();
    DashboardOpening o = DashboardOpening.open(d, data.influx(), DashboardQueriesIT.now(d, data.influx()),
        Map.of("run", RUN));
    int tables = 0;
    for (JsonNode p : d.panels()) {
      String query = p.path("targets").toString();
      if (!query.contains("corrected_p")) {
        continue;
      }
      String title = p.path("title").asText();
      if (!p.path("type").asText().equals("table")) {
        assertThat(p.path("description").asText()).as(title + ": a chart of corrected percentiles").contains("thin");
        continue;
      }
      tables++;
      for (JsonNode t : p.path("targets")) {
        List<InfluxQl.Series> result = o.run(new Query(d, title, t.path("query").asText()));
        assertThat(result).as(title).isNotEmpty();
        for (InfluxQl.Series s : result) {
          int column = -1;
          for (int i = 0; i < s.columns().size(); i++) {
            if (s.columns().get(i).startsWith("thin")) {
              column = i;
            }
          }
          assertThat(column).as(title + ": a thin column in " + s.columns()).isNotNegative();
          for (JsonNode row : s.values()) {
            assertThat(row.get(column).asText()).as(title + ": thin of " + s.tags()).isIn(exported);
          }
        }
      }
    }
    assertThat(tables).as("tables of corrected percentiles").isEqualTo(2);
  }
}
