package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.stream.Stream;
import netcalls.server.TargetServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Trust is exact, for every client: the server's own certificate works; another's, or the platform's, does not. */
class TlsTrustTest extends ServerTest {
  private static TargetServer other;

  @BeforeAll
  static void startOther() {
    other = Servers.start();
  }

  @AfterAll
  static void stopOther() {
    other.close();
  }

  static Stream<ClientKind> kinds() {
    return Stream.of(ClientKind.values());
  }

  private static long call(ClientKind kind, TlsTrust trust) throws Exception {
    try (ClientLibrary library = kind.open(ClientOptions.defaults(trust));
        Client client = Strategy.reuse.open(kind, library)) {
      return client.call(client.prepare(Request.get(server.baseUri("https"), "/bytes/10")));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void theServersPemFileIsTrusted(ClientKind kind, @TempDir Path dir) throws Exception {
    Path pem = Files.writeString(dir.resolve("server.pem"), server.certificate().certificatePem(), StandardCharsets.US_ASCII);
    assertThat(call(kind, TlsTrust.fromPem(pem))).isEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void anotherCertificateOrThePlatformsIsNotTrusted(ClientKind kind) {
    // the handshake fails in the JDK's trust manager (PKIX): the other server's certificate has the same
    // name but not the same key; the platform's store has neither
    assertThatThrownBy(() -> call(kind, Servers.trust(other))).isInstanceOf(IOException.class)
        .hasStackTraceContaining("PKIX path validation failed");
    assertThatThrownBy(() -> call(kind, TlsTrust.platform())).isInstanceOf(IOException.class)
        .hasStackTraceContaining("PKIX path building failed");
  }

  @Test
  void aFileWithoutACertificateIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path notPem = Files.writeString(dir.resolve("trust.pem"), "not a certificate\n");
    assertThatThrownBy(() -> TlsTrust.fromPem(notPem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(notPem.toString())
        .hasMessageContaining("PEM");
  }
}
