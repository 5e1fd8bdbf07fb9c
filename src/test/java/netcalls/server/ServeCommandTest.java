package netcalls.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

  @Test
  void defaultsMatchTheDocumentedPorts() {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs();

    assertThat(command.host).isEqualTo("127.0.0.1");
    assertThat(command.httpPort).isEqualTo(8080);
    assertThat(command.httpsPort).isEqualTo(8443);
    assertThat(command.certOut).isNull();
    assertThat(command.serviceDelayMicros).isZero();
  }

  @Test
  void aServiceDelayOutOfRangeIsABadParameter() {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true));

    int exit = cli.execute("--http-port", "0", "--https-port", "0", "--service-delay-us", "-1");

    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).startsWith(
        "service delay -1 us is out of range: give 0 to 10000000 microseconds" + System.lineSeparator());
  }

  @Test
  void servesWithAServiceDelayAndSaysSo() throws Exception {
    StringWriter printed = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand()).setOut(new PrintWriter(printed, true));
    Thread serving = new Thread(() -> cli.execute(
        "--http-port", "0", "--https-port", "0", "--service-delay-us", "30000"));
    serving.start();
    try {
      URI http = URI.create(awaitLine(printed, "http  "));
      assertThat(awaitLine(printed, "delay ")).matches("30000 us per response \\((epoll|nio)\\)");

      long start = System.nanoTime();
      HttpResponse<String> response = HttpClient.newHttpClient()
          .send(HttpRequest.newBuilder(http.resolve("/status/200")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.body()).isEqualTo("status 200\n");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(30_000_000L);
    } finally {
      serving.interrupt();
      serving.join(15_000);
    }
    assertThat(serving.isAlive()).isFalse();
  }

  /** Issue 20 item 12: --cert-out DIR crashed with a stack trace after the server had started. */
  @Test
  void aCertOutThatCannotBeAFileIsOneLineBeforeAnyPortIsBound(@TempDir Path dir) {
    for (Path bad : new Path[] {dir, dir.resolve("missing/server.pem")}) {
      StringWriter err = new StringWriter();
      StringWriter out = new StringWriter();
      int exit = new CommandLine(new ServeCommand()).setErr(new PrintWriter(err, true)).setOut(new PrintWriter(out, true))
          .execute("--http-port", "0", "--https-port", "0", "--cert-out", bad.toString());
      assertThat(exit).isEqualTo(2);
      assertThat(err.toString()).startsWith("serve: --cert-out " + bad).hasLineCount(1).doesNotContain("Exception");
      assertThat(out.toString()).isEmpty();
    }
  }

  @Test
  void servesUntilInterruptedAndWritesATrustableCertificate(@TempDir Path dir) throws Exception {
    Path cert = dir.resolve("server.pem");
    StringWriter printed = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand()).setOut(new PrintWriter(printed, true));
    Thread serving = new Thread(() -> cli.execute(
        "--http-port", "0", "--https-port", "0", "--cert-out", cert.toString()));
    serving.start();

    URI https = URI.create(awaitLine(printed, "https "));
    SSLContext trustingCertFile = trusting(cert);
    HttpResponse<String> response = HttpClient.newBuilder().sslContext(trustingCertFile).build()
        .send(HttpRequest.newBuilder(https.resolve("/status/200")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.body()).isEqualTo("status 200\n");
    assertThat(printed.toString()).contains("http  http://localhost:", "cert  " + cert.toAbsolutePath());

    serving.interrupt();
    serving.join(15_000);
    assertThat(serving.isAlive()).isFalse();
    try (ServerSocket rebound = new ServerSocket(https.getPort(), 1, InetAddress.getLoopbackAddress())) {
      assertThat(rebound.getLocalPort()).isEqualTo(https.getPort());
    }
  }

  private static String awaitLine(StringWriter printed, String prefix) throws InterruptedException {
    Pattern line = Pattern.compile("^" + prefix + "(.+)$", Pattern.MULTILINE);
    for (int i = 0; i < 300; i++) {
      Matcher found = line.matcher(printed.toString());
      if (found.find()) {
        return found.group(1);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no '" + prefix + "' line in: " + printed);
  }

  private static SSLContext trusting(Path pem) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(pem)) {
      trusted.setCertificateEntry("netcalls", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
