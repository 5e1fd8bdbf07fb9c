package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.grafana.GrafanaMacros.Selection;
import netcalls.grafana.GrafanaVariables.Resolved;
import org.junit.jupiter.api.Test;

/** The opening rules of GrafanaVariables (cited there from Grafana's source), on rows as InfluxDB returns them. */
class GrafanaVariablesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode variable(String json) throws Exception {
    return JSON.readTree(json);
  }

  @Test
  void aSelectYieldsTheColumnAfterTimeInTheRowsOrderWithoutRepeats() throws Exception {
    JsonNode v = variable("{\"name\":\"run\",\"sort\":0}");
    List<List<String>> rows = List.of(List.of("3", "zeta", "1"), List.of("2", "alpha", "4"), List.of("1", "zeta", "9"));
    assertThat(GrafanaVariables.options(v, rows)).containsExactly("zeta", "alpha");
  }

  @Test
  void showTagValuesYieldsTheValueAndSortOneIsAlphabetical() throws Exception {
    JsonNode v = variable("{\"name\":\"client\",\"sort\":1}");
    assertThat(GrafanaVariables.options(v, List.of(List.of("client", "okhttp"), List.of("client", "ahc"))))
        .containsExactly("ahc", "okhttp");
  }

  @Test
  void theRegexKeepsMatchesAndItsGroupIsTheValue() throws Exception {
    JsonNode v = variable("{\"name\":\"x\",\"sort\":0,\"regex\":\"/^night-(\\\\d+)$/\"}");
    assertThat(GrafanaVariables.options(v, List.of(List.of("k", "night-2"), List.of("k", "day-1"), List.of("k", "night-1"))))
        .containsExactly("2", "1");
  }

  @Test
  void theSavedValueWinsWhenOffered_elseTheFirstOption_elseAllForIncludeAll() throws Exception {
    JsonNode saved = variable("{\"name\":\"run\",\"current\":{\"value\":\"b\"}}");
    assertThat(GrafanaVariables.select(saved, List.of("a", "b")).values()).containsExactly("b");
    assertThat(GrafanaVariables.select(saved, List.of("a", "c")).values()).containsExactly("a");
    JsonNode all = variable("{\"name\":\"client\",\"multi\":true,\"includeAll\":true,\"allValue\":\".*\",\"current\":{}}");
    Selection s = GrafanaVariables.select(all, List.of("ahc", "jdk"));
    assertThat(s.format()).isEqualTo(".*");
    JsonNode allNoValue = variable("{\"name\":\"client\",\"multi\":true,\"includeAll\":true,\"current\":{}}");
    assertThat(GrafanaVariables.select(allNoValue, List.of("ahc", "jdk")).format()).isEqualTo("(ahc|jdk)");
    assertThat(GrafanaVariables.select(saved, List.of())).isNull();
  }

  @Test
  void variablesResolveInOrderEachWithTheOnesBefore() throws Exception {
    List<JsonNode> vars = List.of(
        variable("{\"name\":\"datasource\",\"type\":\"datasource\",\"query\":\"influxdb\"}"),
        variable("{\"name\":\"baseline\",\"type\":\"query\",\"query\":\"B\"}"),
        variable("{\"name\":\"candidate\",\"type\":\"query\",\"query\":\"C $baseline\"}"));
    List<String> asked = new ArrayList<>();
    Map<String, Resolved> r = GrafanaVariables.resolve(vars, Map.of(), selected -> q -> {
      String sent = new GrafanaMacros(0, 1, "1s", 1000).apply(q, selected);
      asked.add(sent);
      return sent.equals("B") ? List.of(List.of("t", "x+y"), List.of("t", "x"))
          : List.of(List.of("t", "cand-of-" + sent.substring(2)));
    });
    assertThat(asked).containsExactly("B", "C x+y");
    assertThat(r.get("candidate").selection().values()).containsExactly("cand-of-x+y");
    assertThat(r).doesNotContainKey("datasource");
  }
}
