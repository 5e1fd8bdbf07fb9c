package netcalls.export.sink;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineCheck;
import netcalls.export.line.LineProtocol;

/**
 * Sends a line protocol file to a socket_listener. Neither UDP nor TCP confirms delivery, so lines are
 * "sent", never "written"; what can be checked is:
 * <ul>
 *   <li>every line is checked before it is sent ({@link LineCheck}): a malformed line is rejected, not sent,
 *       since a UDP listener drops the whole datagram that holds it;
 *   <li>UDP goes through a connected socket, so a port nobody listens on answers (ICMP) and is an error;
 *       datagrams hold whole lines, at most {@link TelegrafTarget#maxDatagramBytes()}, with a short pause
 *       between them so a local receiver's socket buffer keeps up;
 *   <li>when the listener writes to an InfluxDB that can be queried ({@code verifyAt}), the points are
 *       counted there, as the HTTP path does.
 * </ul>
 */
public final class TelegrafSink implements Sink {
  private final TelegrafTarget target;
  private final InfluxTarget verifyAt;
  private final Sleeper sleeper;

  public TelegrafSink(TelegrafTarget target) {
    this(target, null, Thread::sleep);
  }

  /** {@code verifyAt}: the InfluxDB (and database) the listener writes to, or null. */
  public TelegrafSink(TelegrafTarget target, InfluxTarget verifyAt, Sleeper sleeper) {
    this.target = target;
    this.verifyAt = verifyAt;
    this.sleeper = sleeper;
  }

  @Override
  public Delivery deliver(Path file, String runId) {
    Delivery d = new Delivery("telegraf " + target, false);
    long[] sent = new long[InfluxMeasurement.values().length];
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LineBatcher batcher = new LineBatcher(in, target.maxDatagramBytes());
      if (target.protocol().equals("udp")) {
        udp(batcher, d, sent);
      } else {
        tcp(batcher, d, sent);
      }
    } catch (IOException e) {
      d.error(file + ": could not be read: " + e.getMessage());
    }
    if (verifyAt != null && d.errors().isEmpty()) {
      verify(d, sent, runId);
    }
    return d;
  }

  /** The batch's well-formed lines; the others are rejected with what is wrong. */
  private static List<LineBatcher.Line> checked(List<LineBatcher.Line> batch, Delivery d) {
    List<LineBatcher.Line> ok = new ArrayList<>(batch.size());
    for (LineBatcher.Line l : batch) {
      d.line();
      String problem = LineCheck.problem(l.text());
      if (problem == null) {
        ok.add(l);
      } else {
        d.rejected(l.number(), "not valid line protocol (" + problem + "); not sent, as a UDP listener would drop"
            + " its whole datagram");
      }
    }
    return ok;
  }

  private void udp(LineBatcher batcher, Delivery d, long[] sent) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      // connected: an ICMP "port unreachable" comes back as an exception instead of vanishing
      socket.connect(new InetSocketAddress(target.host(), target.port()));
      socket.setSoTimeout(200);
      boolean failed = false;
      for (List<LineBatcher.Line> batch = batcher.next(); !batch.isEmpty(); batch = batcher.next()) {
        List<LineBatcher.Line> ok = checked(batch, d);
        if (failed) {
          d.notWritten(ok.size());
          continue;
        }
        if (ok.size() == 1 && LineBatcher.utf8Length(ok.get(0).text()) + 1 > target.maxDatagramBytes()) {
          d.rejected(ok.get(0).number(), "longer than one datagram (" + target.maxDatagramBytes() + " bytes)");
          continue;
        }
        if (ok.isEmpty()) {
          continue;
        }
        byte[] payload = join(ok);
        try {
          socket.send(new DatagramPacket(payload, payload.length));
          d.written(ok.size());
          count(ok, sent);
          LockSupport.parkNanos(200_000);
        } catch (IOException e) {
          failed = true;
          d.notWritten(ok.size());
          d.error(target + ": " + describe(e) + "; re-run the export to send again");
        }
      }
      if (!failed) {
        unreachable(socket, d);
      }
    }
  }

  /** A port nobody listens on answers the last datagrams with ICMP; a receive on the connected socket sees it. */
  private void unreachable(DatagramSocket socket, Delivery d) {
    try {
      socket.receive(new DatagramPacket(new byte[1], 1));
    } catch (PortUnreachableException e) {
      d.error(target + ": port unreachable (nothing listens there): the lines sent are lost; start the listener"
          + " (Telegraf with telegraf.conf) and re-run the export");
    } catch (SocketTimeoutException e) {
      // no answer is the normal case for UDP
    } catch (IOException e) {
      d.error(target + ": " + describe(e));
    }
  }

  private void tcp(LineBatcher batcher, Delivery d, long[] sent) throws IOException {
    Socket socket = new Socket();
    boolean failed = false;
    OutputStream out = null;
    try {
      socket.connect(new InetSocketAddress(target.host(), target.port()), 5000);
      out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    } catch (IOException e) {
      failed = true;
      d.error(target + ": " + describe(e) + "; is Telegraf running with telegraf.conf? then re-run the export");
    }
    try {
      for (List<LineBatcher.Line> batch = batcher.next(); !batch.isEmpty(); batch = batcher.next()) {
        List<LineBatcher.Line> ok = checked(batch, d);
        if (failed) {
          d.notWritten(ok.size());
          continue;
        }
        try {
          out.write(join(ok));
          d.written(ok.size());
          count(ok, sent);
        } catch (IOException e) {
          failed = true;
          d.notWritten(ok.size());
          d.error(target + ": " + describe(e) + "; re-run the export to send again");
        }
      }
      if (out != null && !failed) {
        out.flush();
      }
    } finally {
      socket.close();
    }
  }

  /** Counts in the InfluxDB behind the listener, waiting up to 10 s for it to catch up. */
  private void verify(Delivery d, long[] sent, String runId) {
    String where = InfluxAnswers.where(Map.of("run", runId));
    try (InfluxHttp http = new InfluxHttp(verifyAt)) {
      for (int attempt = 0; ; attempt++) {
        List<String> short_ = new ArrayList<>();
        for (InfluxMeasurement m : InfluxMeasurement.values()) {
          if (sent[m.ordinal()] > 0) {
            long held = http.count(m.keyField(), m.measurementName(), where);
            if (held != sent[m.ordinal()]) {
              short_.add(m.measurementName() + " " + held + " of " + sent[m.ordinal()]);
            }
          }
        }
        if (short_.isEmpty()) {
          return;
        }
        if (attempt == 50) {
          d.error("verify at " + verifyAt + ": " + String.join(", ", short_) + " arrived: UDP lost the rest (a"
              + " busy receiver drops datagrams); re-run the export (nothing is doubled), or send over tcp://");
          return;
        }
        sleeper.sleep(200);
      }
    } catch (IOException e) {
      d.error("verify at " + verifyAt + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void count(List<LineBatcher.Line> lines, long[] sent) {
    for (LineBatcher.Line l : lines) {
      InfluxMeasurement m = InfluxMeasurement.byName(LineProtocol.measurementOf(l.text()));
      if (m != null) {
        sent[m.ordinal()]++;
      }
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }

  private static byte[] join(List<LineBatcher.Line> batch) {
    StringBuilder sb = new StringBuilder();
    for (LineBatcher.Line l : batch) {
      sb.append(l.text()).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
