package netcalls.export.sink;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Whole lines of line protocol to a socket_listener, counted: lines and datagrams sent, lines not
 * sent (a send that failed, a line longer than a datagram). UDP sends datagrams of whole lines on a
 * connected socket, paced so a local receiver keeps up; TCP one stream, given up at the first error or when the
 * receiver accepts nothing for {@link #WRITE_TIMEOUT_MS} (a write never blocks longer: what is left is dropped and
 * counted). Neither confirms delivery: "sent" is all it can say.
 */
abstract class LineStream extends OutputStream {
  /** Longest a TCP write waits for a receiver that accepts nothing before the stream is given up. */
  static final long WRITE_TIMEOUT_MS = 2000;

  protected final TelegrafTarget target;
  // written by the one sending thread, read by whoever asks for the counts
  volatile long lines;
  volatile long datagrams;
  volatile long notSent;
  volatile String firstError;
  /** No write waits past this System.nanoTime (set by a close that must end by then); Long.MAX_VALUE: none. */
  volatile long sendBy = Long.MAX_VALUE;

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

  /** A non-blocking channel, so that a receiver that stops reading can never hold a write (and its caller) forever. */
  private static final class Tcp extends LineStream {
    private final SocketChannel channel;
    private final Selector selector;
    private volatile boolean broken;

    Tcp(TelegrafTarget target) throws IOException {
      super(target);
      SocketChannel c = SocketChannel.open();
      try {
        c.socket().connect(new InetSocketAddress(target.host(), target.port()), 5000);
        c.socket().setTcpNoDelay(true);
        c.configureBlocking(false);
        selector = Selector.open();
        c.register(selector, SelectionKey.OP_WRITE);
      } catch (IOException e) {
        c.close();
        throw new IOException(target + ": cannot connect (" + e.getMessage() + "): is Telegraf listening there?", e);
      }
      channel = c;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      long n = newlines(b, off, off + len);
      if (broken) {
        notSent += n;
        return;
      }
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      long deadline = Math.min(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WRITE_TIMEOUT_MS), sendBy);
      try {
        while (buf.hasRemaining()) {
          if (channel.write(buf) > 0) {
            continue;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            giveUp(b, off, buf.position(), n, new IOException("the receiver accepted nothing for "
                + WRITE_TIMEOUT_MS + " ms (it stopped reading): the rest of the trial's lines were dropped"));
            return;
          }
          selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
          selector.selectedKeys().clear();
        }
        lines += n;
      } catch (IOException e) {
        giveUp(b, off, buf.position(), n, e);
      }
    }

    /** Whole lines written before {@code upTo} count as sent; the rest (a cut line too) as not sent. */
    private void giveUp(byte[] b, int off, int upTo, long n, IOException e) {
      broken = true;
      long sent = newlines(b, off, upTo);
      lines += sent;
      failed(n - sent, e);
    }

    @Override
    public void close() throws IOException {
      try {
        selector.close();
      } finally {
        channel.close(); // unsent bytes are dropped, never waited for
      }
    }
  }
}
