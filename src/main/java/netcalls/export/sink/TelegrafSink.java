package netcalls.export.sink;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends a line protocol file to a socket_listener. UDP: datagrams of whole lines, at most
 * {@link TelegrafTarget#maxDatagramBytes()} each, a short pause between them so a local receiver's
 * socket buffer keeps up. TCP: one stream. Neither confirms: "written" means sent.
 */
public final class TelegrafSink implements Sink {
  private final TelegrafTarget target;

  public TelegrafSink(TelegrafTarget target) {
    this.target = target;
  }

  @Override
  public Delivery deliver(Path file, String runId) {
    Delivery d = new Delivery("telegraf " + target);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LineBatcher batcher = new LineBatcher(in, target.maxDatagramBytes());
      if (target.protocol().equals("udp")) {
        udp(batcher, d);
      } else {
        tcp(batcher, d);
      }
    } catch (IOException e) {
      d.error(file + ": could not be read: " + e);
    }
    return d;
  }

  private void udp(LineBatcher batcher, Delivery d) throws IOException {
    InetSocketAddress to = new InetSocketAddress(target.host(), target.port());
    try (DatagramSocket socket = new DatagramSocket()) {
      boolean failed = false;
      for (List<LineBatcher.Line> batch = batcher.next(); !batch.isEmpty(); batch = batcher.next()) {
        batch.forEach(l -> d.line());
        if (failed) {
          d.notWritten(batch.size());
          continue;
        }
        if (batch.size() == 1 && LineBatcher.utf8Length(batch.get(0).text()) + 1 > target.maxDatagramBytes()) {
          d.rejected(batch.get(0).number(), "longer than one datagram (" + target.maxDatagramBytes() + " bytes)");
          continue;
        }
        byte[] payload = join(batch);
        try {
          socket.send(new DatagramPacket(payload, payload.length, to));
          d.written(batch.size());
          LockSupport.parkNanos(200_000);
        } catch (IOException e) {
          failed = true;
          d.notWritten(batch.size());
          d.error(target + ": " + e + "; re-run the export to send again");
        }
      }
    }
  }

  private void tcp(LineBatcher batcher, Delivery d) throws IOException {
    Socket socket = new Socket();
    boolean failed = false;
    OutputStream out = null;
    try {
      socket.connect(new InetSocketAddress(target.host(), target.port()), 5000);
      out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    } catch (IOException e) {
      failed = true;
      d.error(target + ": " + e + "; is Telegraf running with telegraf.conf? then re-run the export to send again");
    }
    try {
      for (List<LineBatcher.Line> batch = batcher.next(); !batch.isEmpty(); batch = batcher.next()) {
        batch.forEach(l -> d.line());
        if (failed) {
          d.notWritten(batch.size());
          continue;
        }
        try {
          out.write(join(batch));
          d.written(batch.size());
        } catch (IOException e) {
          failed = true;
          d.notWritten(batch.size());
          d.error(target + ": " + e + "; re-run the export to send again");
        }
      }
      if (out != null && !failed) {
        out.flush();
      }
    } finally {
      socket.close();
    }
  }

  private static byte[] join(List<LineBatcher.Line> batch) {
    StringBuilder sb = new StringBuilder();
    for (LineBatcher.Line l : batch) {
      sb.append(l.text()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
