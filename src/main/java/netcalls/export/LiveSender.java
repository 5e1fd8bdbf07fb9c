package netcalls.export;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import netcalls.run.Leg;
import netcalls.run.Phase;
import netcalls.trace.CallSite;
import netcalls.trace.SampleRecorder;
import org.influxdb.dto.Point;

/**
 * Live mode: streams a trial's samples as {@code netcalls_request} points to a Telegraf
 * {@code socket_listener} (UDP) while the trial runs, so Telegraf's histogram aggregator sees fresh
 * points, as the blog's scripts did. A daemon thread drains rows the recorder has published, every
 * 250 ms: nothing on the measured path but the recorder's own release store. Best effort by nature
 * (UDP); the sample files and {@code points.lp} stay the record.
 */
public final class LiveSender implements AutoCloseable {
  private static final int MAX_DATAGRAM = 60_000;
  private static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(250);

  private final SampleRecorder recorder;
  private final Map<String, String> tags;
  private final DatagramChannel channel;
  private final Thread drainer;
  private final StringBuilder batch = new StringBuilder(MAX_DATAGRAM + 4096);
  private volatile boolean running = true;
  private int next;

  private LiveSender(SampleRecorder recorder, Map<String, String> tags, TelegrafTarget target) throws IOException {
    if (!"udp".equals(target.protocol())) {
      throw new IllegalArgumentException("live mode sends UDP: give udp://HOST:PORT, not " + target);
    }
    this.recorder = recorder;
    this.tags = new TreeMap<>(tags);
    this.channel = DatagramChannel.open();
    channel.connect(new InetSocketAddress(target.host(), target.port()));
    this.drainer = new Thread(this::loop, "netcalls-live");
    drainer.setDaemon(true);
  }

  /**
   * Starts streaming.
   *
   * @param tags run, jdk, host, benchmark, mode and every parameter, as the exporter tags them
   */
  public static LiveSender start(SampleRecorder recorder, Map<String, String> tags, String target) throws IOException {
    LiveSender s = new LiveSender(recorder, tags, TelegrafTarget.parse(target));
    s.drainer.start();
    return s;
  }

  private void loop() {
    while (running) {
      LockSupport.parkNanos(PERIOD_NS);
      drain();
    }
  }

  /** Sends every published row not sent yet. */
  private synchronized void drain() {
    while (recorder.isPublished(next)) {
      append(next++);
      if (batch.length() >= MAX_DATAGRAM) {
        flush();
      }
    }
    flush();
  }

  private void append(int i) {
    CallSite r = recorder.site(i);
    boolean pair = r.leg() == Leg.pair;
    Point.Builder p = Point.measurement(pair ? Measurement.PAIR.measurementName() : Measurement.REQUEST.measurementName())
        .time(recorder.startEpochNanos(i), TimeUnit.NANOSECONDS)
        .tag(tags)
        .tag("endpoint", r.endpoint())
        .addField("duration_ns", recorder.durationNanos(i));
    if (!r.target().isEmpty()) {
      p.tag("target", r.target());
    }
    if (!pair) {
      p.tag("leg", r.leg() == Leg.single ? "none" : r.leg().label());
      for (Phase ph : Phase.values()) {
        long v = recorder.phaseNanos(ph, i);
        if (v >= 0) {
          p.addField(ph.column() + "_ns", v);
        }
      }
      if (recorder.status(i) >= 0) {
        p.addField("status", (long) recorder.status(i));
      }
      p.addField("bytes", recorder.bytes(i)).addField("redirects", (long) recorder.redirects(i));
      if (recorder.reused(i) >= 0) {
        p.addField("reused", recorder.reused(i) == 1);
      }
    }
    if (recorder.exception(i) != null) {
      p.addField("exception", recorder.exception(i).getName());
    }
    batch.append(p.build().lineProtocol()).append('\n');
  }

  private void flush() {
    if (batch.length() == 0) {
      return;
    }
    try {
      channel.write(ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      // nobody listening (ICMP port unreachable) or a full buffer: live points are best effort
    }
    batch.setLength(0);
  }

  /** Stops the thread, sends what is left, closes the socket. */
  @Override
  public void close() throws IOException {
    running = false;
    LockSupport.unpark(drainer);
    try {
      drainer.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    drain();
    channel.close();
  }
}
