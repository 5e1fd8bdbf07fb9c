package netcalls.export.sink;

import static netcalls.run.TrialJson.*;

import static netcalls.run.SampleSchema.DURATION;
import static netcalls.run.SampleSchema.ENDPOINT;
import static netcalls.run.SampleSchema.LEG;
import static netcalls.run.SampleSchema.SEQ;
import static netcalls.run.SampleSchema.START_NS;
import static netcalls.run.SampleSchema.TARGET;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import netcalls.export.line.LineBuffer;
import netcalls.export.line.PairPoints;
import netcalls.export.line.RequestLines;
import netcalls.export.line.SeriesTable;
import netcalls.export.line.Tags;
import netcalls.export.line.TrialStart;
import netcalls.trace.SampleRecorder;

/**
 * Live mode: streams a trial's samples to a Telegraf {@code socket_listener} (UDP or TCP) while the
 * trial runs, so Telegraf's histogram aggregator sees fresh points, as the blog's scripts did. The
 * lines are the file export's own ({@link RequestLines}, {@link PairPoints}: the same
 * {@code netcalls_request} and {@code netcalls_pair} lines, byte for byte). A daemon thread drains rows
 * the recorder has published, every 250 ms: nothing on the measured path but the recorder's own
 * release store. What was sent is counted ({@link #counts()}); the sample files and {@code points.lp}
 * stay the record. A receiver that stops reading never holds up the benchmark: a TCP write gives up after
 * {@link LineStream#WRITE_TIMEOUT_MS} and drops (and counts) the rest, and {@link #close()} returns within
 * {@link #CLOSE_BOUND_MS} whatever the socket does.
 */
public final class LiveSender implements AutoCloseable {
  private static final long PERIOD_NS = TimeUnit.MILLISECONDS.toNanos(250);
  /** The longest {@link #close()} takes (the benchmark thread calls it at the trial's end). */
  public static final long CLOSE_BOUND_MS = 5000;

  /** What was sent: lines, datagrams (UDP), and lines that could not be sent. */
  public record Counts(String target, long lines, long datagrams, long notSent, String firstError) {
    /** For the trial's JSON ({@code live}); docs/SAMPLES.md. */
    public Map<String, Object> asMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(LIVE_TARGET, target);
      m.put(LIVE_LINES, lines);
      m.put(LIVE_DATAGRAMS, datagrams);
      m.put(LIVE_NOT_SENT, notSent);
      if (firstError != null) {
        m.put(LIVE_FIRST_ERROR, firstError);
      }
      return m;
    }
  }

  private final SampleRecorder recorder;
  private final Map<String, String> trialTags;
  private final LineStream stream;
  private final LineBuffer buffer;
  private final SeriesTable series = new SeriesTable(false);
  private final Map<String, SeriesTable.SeriesPair> byCells = new HashMap<>();
  private final TrialStart zero = new TrialStart();
  private final RequestLines lines = new RequestLines(zero);
  private final PairPoints pairs;
  private final RecorderRow row;
  private final int flushAt;
  private final Thread drainer;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean running = true;
  private long built;
  private int next;

  private LiveSender(SampleRecorder recorder, Map<String, String> trialTags, TelegrafTarget target)
      throws IOException {
    this.recorder = recorder;
    this.trialTags = trialTags;
    this.stream = LineStream.open(target);
    this.buffer = new LineBuffer(stream, m -> built++);
    this.pairs = new PairPoints(buffer, w -> { }, zero);
    this.row = new RecorderRow(recorder);
    // a row makes at most two lines of well under 4 KB: a flush stays within one datagram
    this.flushAt = target.maxDatagramBytes() - 8192;
    this.drainer = new Thread(this::loop, "netcalls-live");
    drainer.setDaemon(true);
  }

  /**
   * Starts streaming a trial's rows.
   *
   * @param runTags run, jdk and host, as {@link Tags#run} gives them
   * @param target  {@code udp://HOST:PORT} or {@code tcp://HOST:PORT} ({@link TelegrafTarget#parse})
   * @throws IOException when a TCP target cannot be connected
   */
  public static LiveSender start(SampleRecorder recorder, Map<String, String> runTags, String benchmark, String mode,
      Map<String, String> params, String target) throws IOException {
    LiveSender s = new LiveSender(recorder, Tags.benchmark(runTags, benchmark, mode, params),
        TelegrafTarget.parse(target));
    s.drainer.start();
    return s;
  }

  private void loop() {
    while (running) {
      LockSupport.parkNanos(PERIOD_NS);
      drain();
    }
  }

  private void drain() {
    lock.lock();
    try {
      drainLocked();
    } finally {
      lock.unlock();
    }
  }

  /** Sends every published row not sent yet. */
  private void drainLocked() {
    try {
      while (recorder.isPublished(next)) {
        append(next++);
        if (buffer.pending() >= flushAt) {
          buffer.flushBuffer();
        }
      }
      buffer.flushBuffer();
    } catch (IOException e) {
      // LineStream counts its own failures and never throws; nothing else here does I/O
      throw new IllegalStateException(e);
    }
  }

  private void append(int i) throws IOException {
    row.at(i);
    String target = row.text(TARGET);
    String endpoint = row.text(ENDPOINT);
    String leg = row.text(LEG);
    String key = target + '\u0000' + endpoint + '\u0000' + leg;
    SeriesTable.SeriesPair s = byCells.get(key);
    if (s == null) {
      s = series.seriesFor(trialTags, target, endpoint, leg);
      byCells.put(key, s);
    }
    lines.write(buffer, s.request(), row);
    if (!leg.isEmpty()) {
      pairs.add(leg, row.number(SEQ), row.number(START_NS), row.number(DURATION), s.pair(), "live", i);
    }
  }

  /** Lines built, sent and not sent so far; final after {@link #close()}. Never waits for the sending thread. */
  public Counts counts() {
    return new Counts(stream.target.toString(), stream.lines, stream.datagrams, stream.notSent + pending(),
        stream.firstError);
  }

  private long pending() {
    return Math.max(0, built - stream.lines - stream.notSent);
  }

  /**
   * Stops the thread, sends what is left (with pairs still open), closes the socket; returns within {@link
   * #CLOSE_BOUND_MS}: past it, what could not be sent is dropped and counted as not sent.
   */
  @Override
  public void close() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_BOUND_MS);
    stream.sendBy = deadline;
    running = false;
    LockSupport.unpark(drainer);
    boolean locked = false;
    try {
      drainer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      locked = lock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!locked) {
      stream.close(); // the drainer's write fails at once and counts what it held as not sent
      return;
    }
    try {
      drainLocked();
      pairs.finish("live");
      buffer.flushBuffer();
      stream.close();
    } finally {
      lock.unlock();
    }
  }
}
