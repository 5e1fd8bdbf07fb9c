package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {
  @Test
  void missingCombinationsSayWhy() {
    String b = "netcalls.bench.RequestLatency.request";
    Map<String, List<Map<String, String>>> results = Map.of(b, List.of(
        Map.of("client", "okhttp", "strategy", "reuse"),
        Map.of("client", "okhttp", "strategy", "shared_pool"),
        Map.of("client", "jdk", "strategy", "reuse"),
        Map.of("client", "okhttp", "strategy", "new_client")));
    String p = "netcalls.bench.PairedLatency.sequential"; // every result of it failed
    ArrayNode out = ReportData.JSON.createArrayNode();
    Rows.missing(results, Map.of(b, List.of(Map.of("client", "jdk", "strategy", "new_client")),
        p, List.of(Map.of("client", "ahc", "strategy", "reuse"))), out);
    assertThat(out.findValuesAsText("key")).containsExactlyInAnyOrder(
        b + " client=jdk strategy=shared_pool", b + " client=jdk strategy=new_client",
        p + " client=ahc strategy=reuse");
    for (var m : out) {
      if (m.path("strategy").asText().equals("shared_pool")) {
        assertThat(m.path("why").asText()).startsWith("left out: ");
      } else {
        assertThat(m.path("why").asText()).startsWith("failed: ");
      }
    }
  }

  @Test
  void aUrlUnderAnotherSchemeIsNotMissing() {
    String b = "netcalls.bench.RequestLatency.request";
    Map<String, List<Map<String, String>>> results = Map.of(b, List.of(
        Map.of("client", "okhttp", "endpoint", "python", "scheme", "https"),
        Map.of("client", "okhttp", "endpoint", "local", "scheme", "http"),
        Map.of("client", "jdk", "endpoint", "local", "scheme", "http")));
    ArrayNode out = ReportData.JSON.createArrayNode();
    Rows.missing(results, Map.of(), out);
    assertThat(out.findValuesAsText("key")).containsExactly(b + " client=jdk endpoint=python scheme=https");
  }
}
