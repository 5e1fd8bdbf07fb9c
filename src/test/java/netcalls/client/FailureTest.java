package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A failing request fails the call, blocking or async; it is never returned as a success. */
class FailureTest extends ServerTest {

  static Stream<ClientKind> kinds() {
    return Stream.of(ClientKind.values());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void status500FailsTheCall(ClientKind kind) {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, library)) {
      PreparedRequest r = client.prepare(Request.get(server.baseUri("http"), "/status/500"));
      assertThatThrownBy(() -> client.call(r)).isInstanceOf(HttpStatusException.class).hasMessageContaining("HTTP 500");
      Throwable async = catchThrowable(() -> client.callAsync(r).get());
      assertThat(async).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(HttpStatusException.class);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void abortedConnectionFailsTheCall(ClientKind kind) {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(Servers.trust(server)));
        Client client = Strategy.reuse.open(kind, library)) {
      PreparedRequest r = client.prepare(Request.get(server.baseUri("http"), "/abort"));
      assertThatThrownBy(() -> client.call(r)).isInstanceOf(IOException.class);
      Throwable async = catchThrowable(() -> client.callAsync(r).get());
      assertThat(async).isInstanceOf(ExecutionException.class);
      assertThat(async.getCause()).isInstanceOf(IOException.class);
    }
  }
}
