package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.influxdb.InfluxDB;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelegrafSinkTest {
  @TempDir
  Path tmp;

  @Test
  void udpDatagramsHoldWholeLinesUnderTheLimitAndTogetherTheWholeFile() throws Exception {
    Path file = Fixtures.exportedBasicRun(tmp);
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(2000);
      TelegrafTarget target = new TelegrafTarget("udp", "127.0.0.1", receiver.getLocalPort(), 4000);
      Delivery d = new TelegrafSink(target).deliver(file, "r");
      assertThat(d.ok()).isTrue();
      assertThat(d.written()).isEqualTo(157);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buf = new byte[65536];
      int datagrams = 0;
      while (all.size() < Files.size(file)) {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        receiver.receive(p);
        datagrams++;
        assertThat(p.getLength()).isLessThanOrEqualTo(4000);
        assertThat(buf[p.getLength() - 1]).isEqualTo((byte) '\n');
        all.write(buf, 0, p.getLength());
      }
      assertThat(datagrams).isGreaterThan(1);
      assertThat(all.toByteArray()).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void tcpStreamsTheWholeFile() throws Exception {
    Path file = Fixtures.exportedBasicRun(tmp);
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
        try (Socket s = server.accept(); InputStream in = s.getInputStream()) {
          return in.readAllBytes();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      Delivery d = new TelegrafSink(TelegrafTarget.parse("tcp://127.0.0.1:" + server.getLocalPort())).deliver(file, "r");
      assertThat(d.ok()).isTrue();
      assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo(Files.readAllBytes(file));
    }
  }

  @Test
  void tcpWithNobodyListeningIsAnErrorWithEveryLineNotWritten() throws Exception {
    Path file = Fixtures.exportedBasicRun(tmp);
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Delivery d = new TelegrafSink(TelegrafTarget.parse("tcp://127.0.0.1:" + port)).deliver(file, "r");
    assertThat(d.notWritten()).isEqualTo(157);
    assertThat(d.errors()).singleElement().asString().contains("re-run");
  }

  @Test
  void udpToAPortNobodyListensOnIsAnErrorNotSent() throws Exception {
    Path file = Fixtures.exportedBasicRun(tmp);
    int port;
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Delivery d = new TelegrafSink(TelegrafTarget.parse("udp://127.0.0.1:" + port)).deliver(file, "r");
    assertThat(d.ok()).isFalse();
    assertThat(d.errors()).singleElement().asString().containsAnyOf("port unreachable", "PortUnreachable");
    assertThat(d.summary()).contains(" sent (UDP/TCP cannot confirm").doesNotContain(" written,");
  }

  @Test
  void aMalformedLineIsRejectedBeforeSendingAndTheRestArrives() throws Exception {
    Path file = Fixtures.exportedBasicRun(tmp);
    java.util.List<String> lines = new java.util.ArrayList<>(Files.readAllLines(file));
    lines.set(10, "netcalls_request,run=r duration_ns=");
    Files.write(file, lines);
    try (DatagramSocket receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      receiver.setSoTimeout(2000);
      TelegrafTarget target = new TelegrafTarget("udp", "127.0.0.1", receiver.getLocalPort(), 64_000);
      Delivery d = new TelegrafSink(target).deliver(file, "r");
      assertThat(d.rejected()).singleElement().satisfies(r -> {
        assertThat(r.line()).isEqualTo(11);
        assertThat(r.reason()).contains("not valid line protocol");
      });
      assertThat(d.written()).isEqualTo(156);
      DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
      receiver.receive(p);
      String got = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
      assertThat(got).doesNotContain("duration_ns=\n").contains("netcalls_run,");
    }
  }
}
