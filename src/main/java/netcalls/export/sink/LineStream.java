package netcalls.export.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.locks.LockSupport;

/**
 * Whole lines of line protocol to a socket_listener, counted: lines and datagrams sent, lines not
 * sent (a send that failed, a line longer than a datagram). UDP sends datagrams of whole lines on a
 * connected socket, paced so a local receiver keeps up; TCP one stream, given up at the first error.
 * Neither confirms delivery: "sent" is all it can say.
 */
abstract class LineStream extends OutputStream {
  protected final TelegrafTarget target;
  long lines;
  long datagrams;
  long notSent;
  String firstError;

  LineStream(TelegrafTarget target) {
    this.target = target;
  }

  static LineStream open(TelegrafTarget target) throws IOException {
    return target.protocol().equals("udp") ? new Udp(target) : new Tcp(target);
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  static long newlines(byte[] b, int from, int to) {
    long n = 0;
    for (int i = from; i < to; i++) {
      if (b[i] == '\n') {
        n++;
      }
    }
    return n;
  }

  void failed(long n, IOException e) {
    notSent += n;
    if (firstError == null) {
      firstError = e.toString();
    }
  }

  private static final class Udp extends LineStream {
    private static final long PAUSE_NS = 200_000;
    private final DatagramChannel channel;
    private final int max;

    Udp(TelegrafTarget target) throws IOException {
      super(target);
      channel = DatagramChannel.open();
      channel.connect(new InetSocketAddress(target.host(), target.port()));
      max = target.maxDatagramBytes();
    }

    /** Expects whole lines; cuts them into datagrams at line ends. */
    @Override
    public void write(byte[] b, int off, int len) {
      int end = off + len;
      int from = off;
      while (from < end) {
        int limit = Math.min(end, from + max);
        int cut = -1;
        for (int i = limit - 1; i >= from; i--) {
          if (b[i] == '\n') {
            cut = i + 1;
            break;
          }
        }
        if (cut < 0) { // one line longer than a datagram: cannot be sent whole
          int nl = from;
          while (nl < end && b[nl] != '\n') {
            nl++;
          }
          notSent++;
          from = Math.min(end, nl + 1);
          continue;
        }
        long n = newlines(b, from, cut);
        try {
          channel.write(ByteBuffer.wrap(b, from, cut - from));
          datagrams++;
          lines += n;
          LockSupport.parkNanos(PAUSE_NS);
        } catch (IOException e) {
          failed(n, e); // e.g. nobody listening (ICMP port unreachable)
        }
        from = cut;
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static final class Tcp extends LineStream {
    private final Socket socket = new Socket();
    private final OutputStream out;
    private boolean broken;

    Tcp(TelegrafTarget target) throws IOException {
      super(target);
      try {
        socket.connect(new InetSocketAddress(target.host(), target.port()), 5000);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
      } catch (IOException e) {
        socket.close();
        throw new IOException(target + ": cannot connect (" + e.getMessage() + "): is Telegraf listening there?", e);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      long n = newlines(b, off, off + len);
      if (broken) {
        notSent += n;
        return;
      }
      try {
        out.write(b, off, len);
        lines += n;
      } catch (IOException e) {
        broken = true;
        failed(n, e);
      }
    }

    @Override
    public void close() throws IOException {
      try {
        if (!broken) {
          out.flush();
        }
      } finally {
        socket.close();
      }
    }
  }
}
