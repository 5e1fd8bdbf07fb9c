package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.run.Phase;
import netcalls.trace.SampleRecorder;
import org.junit.jupiter.api.Test;

/** Live mode sends every recorded row, once, as the exporter's netcalls_request line shape. */
class LiveSenderTest {

  @Test
  void everyRecordedRowArrivesOnceAsARequestPoint() throws Exception {
    try (DatagramChannel listener = DatagramChannel.open()) {
      listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = ((InetSocketAddress) listener.getLocalAddress()).getPort();
      SampleRecorder recorder = new SampleRecorder(100);
      recorder.measuring(true);
      Request r = Request.get(URI.create("http://localhost:8080"), "/bytes/10");
      try (LiveSender live = LiveSender.start(recorder, Map.of("run", "r1", "client", "okhttp"), "udp://127.0.0.1:" + port)) {
        for (int i = 0; i < 50; i++) {
          CallTrace t = recorder.start(r.site());
          t.begin(Phase.WAITING);
          t.status(200);
          t.addBytes(10);
          recorder.finish(t, null);
        }
      }
      listener.configureBlocking(false);
      List<String> lines = new ArrayList<>();
      ByteBuffer buf = ByteBuffer.allocate(70_000);
      for (int tries = 0; tries < 50 && lines.size() < 50; tries++) {
        buf.clear();
        if (listener.receive(buf) == null) {
          Thread.sleep(20);
          continue;
        }
        buf.flip();
        for (String l : StandardCharsets.UTF_8.decode(buf).toString().split("\n")) {
          if (!l.isEmpty()) {
            lines.add(l);
          }
        }
      }
      assertThat(lines).hasSize(50).allSatisfy(l -> assertThat(l)
          .startsWith("netcalls_request,client=okhttp,endpoint=bytes,leg=none,run=r1,target=localhost:8080 ")
          .contains("duration_ns=").contains("waiting_ns=").contains("status=200i").doesNotContain("dns_ns"));
    }
  }

  @Test
  void onlyUdpIsAccepted() {
    assertThatThrownBy(() -> LiveSender.start(new SampleRecorder(1), Map.of(), "tcp://127.0.0.1:8094"))
        .hasMessageContaining("udp://HOST:PORT");
  }
}
