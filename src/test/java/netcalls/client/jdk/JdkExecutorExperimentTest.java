package netcalls.client.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import netcalls.client.Client;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.client.TlsTrust;
import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The thread-switches experiment's property: a direct executor still completes real calls; a bad value is refused. */
class JdkExecutorExperimentTest {

  @AfterEach
  void clear() {
    System.clearProperty(JdkLibrary.EXECUTOR_PROPERTY);
  }

  @Test
  void aDirectExecutorCompletesRealCalls() throws Exception {
    System.setProperty(JdkLibrary.EXECUTOR_PROPERTY, "direct");
    try (TargetServer server = TargetServer.start(ServerConfig.defaults())) {
      ClientOptions options = ClientOptions.defaults(TlsTrust.of(List.of(server.certificate().certificate())));
      try (JdkLibrary library = new JdkLibrary(options); Client client = library.newClient()) {
        PreparedRequest r = client.prepare(Request.get(server.baseUri("http"), "/bytes/1024"));
        assertThat(client.call(r)).isEqualTo(1024);
        assertThat(client.call(r)).isEqualTo(1024);
        assertThat(client.callAsync(r).get()).isEqualTo(1024);
      }
    }
  }

  @Test
  void anUnknownValueIsRefusedNamingTheProperty() {
    System.setProperty(JdkLibrary.EXECUTOR_PROPERTY, "pooled");
    try (TargetServer server = TargetServer.start(ServerConfig.defaults());
        JdkLibrary library = new JdkLibrary(ClientOptions.defaults(TlsTrust.of(List.of(server.certificate().certificate()))))) {
      assertThatThrownBy(library::newClient).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("-Dnetcalls.jdk.executor=pooled").hasMessageContaining("direct");
    }
  }
}
