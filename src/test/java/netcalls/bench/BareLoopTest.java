package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import netcalls.client.ClientKind;
import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The bare loop against the built-in server on a real socket: it counts only calls that read the whole body. */
class BareLoopTest {

  @Test
  void recordsEveryCompletedCallAndPrintsItsP50AsJson() throws Exception {
    try (TargetServer server = TargetServer.start(ServerConfig.defaults())) {
      Histogram h = BareLoop.run(ClientKind.okhttp, server.baseUri("http"), 1024, 0, TimeUnit.MILLISECONDS.toNanos(200));
      assertThat(h.getTotalCount()).isPositive();
      // one call before the loop plus the recorded ones: the server saw at least as many requests
      assertThat(server.stats().requests()).isGreaterThan(h.getTotalCount());
      JsonNode json = new ObjectMapper().readTree(BareLoop.json(ClientKind.okhttp, h));
      assertThat(json.path("client").asText()).isEqualTo("okhttp");
      assertThat(json.path("count").asLong()).isEqualTo(h.getTotalCount());
      assertThat(json.path("p50_us").asDouble()).isPositive().isLessThanOrEqualTo(json.path("p99_us").asDouble());
    }
  }

  @Test
  void aFailedCallEndsTheLoopInsteadOfCounting() {
    java.net.URI gone;
    try (TargetServer server = TargetServer.start(ServerConfig.defaults())) {
      gone = server.baseUri("http");
    }
    // the port is closed now: the first call is refused, and nothing is recorded as a completed call
    assertThatThrownBy(() -> BareLoop.run(ClientKind.okhttp, gone, 1024, 0, TimeUnit.MILLISECONDS.toNanos(100)))
        .isInstanceOf(IOException.class);
  }
}
