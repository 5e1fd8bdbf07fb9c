package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import netcalls.client.ClientKind;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;

/**
 * What HTTP/2 needs from the real {@code target/benchmarks.jar}, checked without a benchmark run
 * (a one-fork h2 trial costs about 10 s here; the client × protocol behaviour is ProtocolTest's):
 * the launcher lists the protocol parameter, and the shaded jar keeps what only the jar can lose.
 */
class Http2JarIT {
  private static final Path JAR = Processes.jarPath();

  @Test
  void theListingShowsTheProtocolParameterAndEveryClient() throws Exception {
    SharedRun.Run run = SharedRun.run("list-params", "-lp");
    assertThat(run.exit()).as(run.output()).isZero();
    for (String benchmark : new String[] {"RequestLatency.request", "PairedLatency.concurrent"}) {
      int at = run.output().indexOf("netcalls.bench." + benchmark);
      assertThat(at).as(benchmark).isNotNegative();
      String block = run.output().substring(at, run.output().indexOf("netcalls.bench.", at + 1) < 0
          ? run.output().length() : run.output().indexOf("netcalls.bench.", at + 1));
      assertThat(block).contains("param \"protocol\" = {h1}");
      for (ClientKind c : ClientKind.values()) {
        assertThat(block).contains(c.name());
      }
    }
    assertThat(run.output()).contains("param \"hosts\" = {2}");
  }

  /** Jetty finds its ALPN processor through a service file, which the shade step must merge, not drop. */
  @Test
  void theJarKeepsJettysAlpnProcessorAndNettysHttp2Codec() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      ZipEntry services = jar.getEntry("META-INF/services/org.eclipse.jetty.io.ssl.ALPNProcessor$Client");
      assertThat(services).as("Jetty's ALPN service file").isNotNull();
      try (InputStream in = jar.getInputStream(services)) {
        String names = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        String processor = names.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .findFirst().orElseThrow();
        assertThat(jar.getEntry(processor.replace('.', '/') + ".class")).as(processor).isNotNull();
      }
      assertThat(jar.getEntry("io/netty/handler/codec/http2/Http2MultiplexHandler.class")).isNotNull();
      assertThat(jar.getEntry("org/eclipse/jetty/http2/client/transport/HttpClientTransportOverHTTP2.class")).isNotNull();
    }
  }
}
