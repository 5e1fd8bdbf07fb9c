package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.Map;
import netcalls.client.ClientKind;
import netcalls.client.Protocol;
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

  /** The report asks the launcher's rule, protocol and scheme included: a pair the launcher left out is not "not in the run". */
  @Test
  void aProtocolTheClientCannotSpeakIsLeftOutNotMissing() {
    String b = "netcalls.bench.RequestLatency.request";
    Map<String, List<Map<String, String>>> results = Map.of(b, List.of(
        Map.of("client", "okhttp", "protocol", "h1", "strategy", "reuse", "scheme", "https"),
        Map.of("client", "okhttp", "protocol", "h2", "strategy", "reuse", "scheme", "https"),
        Map.of("client", "ahc", "protocol", "h1", "strategy", "reuse", "scheme", "https")));
    ArrayNode out = ReportData.JSON.createArrayNode();
    Rows.missing(results, Map.of(), out);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).path("key").asText()).isEqualTo(b + " client=ahc protocol=h2 scheme=https strategy=reuse");
    assertThat(out.get(0).path("why").asText())
        .isEqualTo("left out: " + ClientKind.ahc.capabilities().refusedProtocols().get(Protocol.h2));
  }

  @Test
  void aProtocolOverTheWrongSchemeIsLeftOut() {
    String b = "netcalls.bench.RequestLatency.request";
    Map<String, List<Map<String, String>>> results = Map.of(b, List.of(
        Map.of("client", "okhttp", "protocol", "h1", "strategy", "reuse", "scheme", "http"),
        Map.of("client", "okhttp", "protocol", "h2", "strategy", "reuse", "scheme", "https")));
    ArrayNode out = ReportData.JSON.createArrayNode();
    Rows.missing(results, Map.of(), out);
    assertThat(out.findValuesAsText("why")).containsExactlyInAnyOrder(
        "left out: " + Protocol.h2.unsupported("http"), "not in the run");
  }
}
