package netcalls.client.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import netcalls.client.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The jdk-settings experiment's property: off leaves the per-request timer out; on (the default) keeps it. */
class JdkRequestTimeoutExperimentTest {
  private static final Request GET = Request.get(URI.create("http://127.0.0.1:1"), "/bytes/1");

  @AfterEach
  void clear() {
    System.clearProperty(JdkLibrary.REQUEST_TIMEOUT_PROPERTY);
  }

  @Test
  void byDefaultEveryRequestCarriesTheReadTimeout() {
    assertThat(new JdkClientAdapter.Prepared(GET, true, Duration.ofSeconds(7)).http.timeout())
        .contains(Duration.ofSeconds(7));
  }

  @Test
  void offSendsRequestsWithoutAPerRequestTimer() {
    System.setProperty(JdkLibrary.REQUEST_TIMEOUT_PROPERTY, "off");
    assertThat(new JdkClientAdapter.Prepared(GET, true, Duration.ofSeconds(7)).http.timeout()).isEmpty();
  }

  @Test
  void anUnknownValueIsRefusedNamingTheProperty() {
    System.setProperty(JdkLibrary.REQUEST_TIMEOUT_PROPERTY, "maybe");
    assertThatThrownBy(() -> new JdkClientAdapter.Prepared(GET, true, Duration.ofSeconds(7)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-Dnetcalls.jdk.requestTimeout=maybe");
  }
}
