package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The Telegraf path against the nearest real thing that runs here: InfluxDB's own UDP listener reads
 * the same line protocol as Telegraf's socket_listener. Needs scripts/with-influxdb.sh.
 */
@Tag(InfluxSupport.TAG)
class TelegrafUdpIT {
  @org.junit.jupiter.api.io.TempDir
  Path tmp;

  @Test
  void udpPathReachesInfluxDbsUdpListener() throws Exception {
    Path file = Fixtures.exportedBasicRun(tmp);
    TelegrafTarget target = TelegrafTarget.parse(InfluxSupport.udp());
    // counted in the InfluxDB behind the listener, as the HTTP path does
    InfluxTarget behind = InfluxTarget.of(InfluxSupport.url(), "netcalls_udp", java.util.Map.of());
    Delivery d = new TelegrafSink(target, behind, Thread::sleep).deliver(file, "20261123-092100");
    assertThat(d.ok()).as(d.summary()).isTrue();
    try (InfluxDB influx = InfluxSupport.connect(InfluxSupport.url())) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      long held = 0;
      while (System.nanoTime() < deadline) {
        held = 0;
        for (InfluxMeasurement m : InfluxMeasurement.values()) {
          held += count(influx, m);
        }
        if (held == 157) {
          break;
        }
        Thread.sleep(200);
      }
      assertThat(held).isEqualTo(157);
      assertThat(InfluxSupport.count(influx, "netcalls_udp", InfluxMeasurement.REQUEST, "20261123-092100")).isEqualTo(11);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isNotEmpty();
  }

  private static long count(InfluxDB influx, InfluxMeasurement m) {
    try {
      return InfluxSupport.count(influx, "netcalls_udp", m, "20261123-092100");
    } catch (AssertionError e) { // database not created yet by the listener
      return 0;
    }
  }
}
