package netcalls.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The provisioned dashboards of grafana/dashboards, read as Grafana reads them, and the InfluxQL each one sends. */
final class Dashboards {
  static final Path GRAFANA = Path.of("grafana");
  /** The dashboards; {@code -Dnetcalls.dashboards=DIR} points the tests at other ones (e.g. an older commit's). */
  static final Path DIR = Path.of(System.getProperty("netcalls.dashboards", GRAFANA.resolve("dashboards").toString()));
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One dashboard file. */
  record Dashboard(Path file, JsonNode json) {
    String title() {
      return json.path("title").asText();
    }

    /** Every panel, those inside collapsed rows too (row panels themselves excluded). */
    List<JsonNode> panels() {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode p : json.path("panels")) {
        if (p.path("type").asText().equals("row")) {
          p.path("panels").forEach(out::add);
        } else {
          out.add(p);
        }
      }
      return out;
    }

    List<JsonNode> variables() {
      List<JsonNode> out = new ArrayList<>();
      json.path("templating").path("list").forEach(out::add);
      return out;
    }

    /** The annotation queries against the data source (Grafana's built-in one excluded). */
    List<JsonNode> annotations() {
      List<JsonNode> out = new ArrayList<>();
      for (JsonNode a : json.path("annotations").path("list")) {
        if (a.path("builtIn").asInt(0) != 1) {
          out.add(a);
        }
      }
      return out;
    }

    /** Every InfluxQL query the dashboard's panels and annotations send, with where it comes from. */
    List<Query> queries() {
      List<Query> out = new ArrayList<>();
      for (JsonNode p : panels()) {
        for (JsonNode t : p.path("targets")) {
          out.add(new Query(this, "panel \"" + p.path("title").asText() + "\" target " + t.path("refId").asText(),
              t.path("query").asText()));
        }
      }
      for (JsonNode a : annotations()) {
        out.add(new Query(this, "annotation \"" + a.path("name").asText() + "\"", a.path("query").asText()));
      }
      return out;
    }
  }

  /** A query and where it is: the dashboard, and the panel title and target (or annotation name). */
  record Query(Dashboard dashboard, String where, String text) {
    @Override
    public String toString() {
      return dashboard.file().getFileName() + " (" + dashboard.title() + "), " + where + ": " + text;
    }
  }

  private Dashboards() {}

  static List<Dashboard> all() {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Dashboard> out = new ArrayList<>();
      for (Path f : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
        out.add(new Dashboard(f, JSON.readTree(f.toFile())));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the dashboards in " + DIR, e);
    }
  }
}
