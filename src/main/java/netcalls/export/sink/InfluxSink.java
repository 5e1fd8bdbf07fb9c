package netcalls.export.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineProtocol;
import okhttp3.OkHttpClient;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBException;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * Writes a line protocol file to InfluxDB 1.x synchronously, batch by batch (split by bytes), with
 * nanosecond precision, and accounts for every line:
 * <ul>
 *   <li>400 (parse error, partial write, field type conflict): the batch is halved until the bad lines
 *       are alone, and those are rejected with the server's reason. InfluxDB may have written the good
 *       lines of a failed batch already; sending them again writes the same points, no duplicates.
 *   <li>413 (body too large): halved, never retried whole.
 *   <li>unreachable or 5xx: retried with doubling backoff; then given up, and every line not written is
 *       counted so the export can be re-run from points.lp.
 * </ul>
 * Afterwards a {@code SELECT count(key)} per measurement checks that lines = written + rejected.
 * influxdb-java's asynchronous batching is not used: its default handler swallows errors.
 */
public final class InfluxSink implements Sink {
  private enum Failure { BAD_DATA, TOO_LARGE, NO_DATABASE, AUTH, RETRY }

  private final InfluxTarget target;
  private final Sleeper sleeper;
  private final Runnable afterBatch;
  private final Progress progress;
  private final long[] lines = new long[InfluxMeasurement.values().length];
  private final long[] rejected = new long[InfluxMeasurement.values().length];
  private Delivery delivery;
  private InfluxDB influx;
  private boolean gaveUp;

  public InfluxSink(InfluxTarget target, Sleeper sleeper) {
    this(target, sleeper, () -> { }, Progress.NONE);
  }

  /** {@code afterBatch} runs after each batch from the file was handled; tests use it to stop the server. */
  public InfluxSink(InfluxTarget target, Sleeper sleeper, Runnable afterBatch, Progress progress) {
    this.target = target;
    this.sleeper = sleeper;
    this.afterBatch = afterBatch;
    this.progress = progress;
  }

  @Override
  public Delivery deliver(Path file, String runId) {
    return deliver(file, Map.of("run", runId), false);
  }

  /**
   * Sends the file's lines and verifies their count among the points whose tags match {@code scope} (raw
   * values; compared as stored). With {@code replace}, the scope's points of the file's measurements are
   * deleted first, so the file's points are all that the scope holds afterwards (a comparison written again
   * with other options replaces the old one, whose verdict tags may differ).
   */
  public Delivery deliver(Path file, Map<String, String> scope, boolean replace) {
    delivery = new Delivery(target.toString());
    OkHttpClient.Builder http = new OkHttpClient.Builder()
        .connectTimeout(5, TimeUnit.SECONDS)
        .readTimeout(60, TimeUnit.SECONDS)
        .writeTimeout(60, TimeUnit.SECONDS);
    influx = target.user() == null
        ? InfluxDBFactory.connect(target.url(), http)
        : InfluxDBFactory.connect(target.url(), target.user(), target.password(), http);
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      influx.setLogLevel(InfluxDB.LogLevel.NONE);
      createDatabase();
      if (replace && !gaveUp) {
        deleteScope(file, scope);
      }
      LineBatcher batcher = new LineBatcher(in, target.maxBatchBytes());
      for (List<LineBatcher.Line> batch = batcher.next(); !batch.isEmpty(); batch = batcher.next()) {
        for (LineBatcher.Line l : batch) {
          delivery.line();
          InfluxMeasurement m = InfluxMeasurement.byName(LineProtocol.measurementOf(l.text()));
          if (m != null) {
            lines[m.ordinal()]++;
          }
        }
        send(batch);
        afterBatch.run();
        progress.tick(delivery.written(), target + ", line " + batch.get(batch.size() - 1).number());
      }
      if (!gaveUp) {
        verify(scope);
      }
    } catch (IOException e) {
      delivery.error(file + ": could not be read: " + e);
    } finally {
      influx.close();
    }
    return delivery;
  }

  /** CREATE DATABASE is idempotent; a user without admin rights may still write to an existing one. */
  private void createDatabase() {
    if (!withRetries(() -> {
      try {
        influx.query(new Query("CREATE DATABASE " + quoteIdent(target.database())));
      } catch (InfluxDBException e) {
        if (classify(e) != Failure.AUTH) {
          throw e;
        }
      }
    })) {
      gaveUp = true;
    }
  }

  /** Sends lines, halving on 400/413; after giving up, only counts what is left as not written. */
  private void send(List<LineBatcher.Line> batch) {
    if (gaveUp) {
      delivery.notWritten(batch.size());
      return;
    }
    int attempt = 0;
    while (true) {
      try {
        influx.write(target.database(), null, InfluxDB.ConsistencyLevel.ONE, TimeUnit.NANOSECONDS, texts(batch));
        delivery.written(batch.size());
        return;
      } catch (InfluxDBException e) {
        Failure f = classify(e);
        if (f == Failure.BAD_DATA || f == Failure.TOO_LARGE) {
          if (batch.size() == 1) {
            LineBatcher.Line l = batch.get(0);
            delivery.rejected(l.number(), f == Failure.TOO_LARGE
                ? "larger than the server's max-body-size (" + LineBatcher.utf8Length(l.text()) + " bytes)"
                : shorten(e.getMessage()));
            InfluxMeasurement m = InfluxMeasurement.byName(LineProtocol.measurementOf(l.text()));
            if (m != null) {
              rejected[m.ordinal()]++;
            }
            return;
          }
          int half = batch.size() / 2;
          send(batch.subList(0, half));
          send(batch.subList(half, batch.size()));
          return;
        }
        if (f == Failure.NO_DATABASE && attempt == 0) {
          attempt++;
          createDatabase();
          continue;
        }
        if (f == Failure.AUTH || f == Failure.NO_DATABASE || ++attempt > target.maxRetries() || !pause(attempt)) {
          giveUp(e, batch);
          return;
        }
      }
    }
  }

  private void giveUp(InfluxDBException e, List<LineBatcher.Line> batch) {
    gaveUp = true;
    delivery.notWritten(batch.size());
    delivery.error(target + ": " + shorten(String.valueOf(e.getMessage())) + " (gave up after "
        + (target.maxRetries() + 1) + " attempts at most); the points stay in the points file: re-run the"
        + " export when InfluxDB is back");
  }

  private boolean withRetries(Runnable call) {
    for (int attempt = 0; ; ) {
      try {
        call.run();
        return true;
      } catch (InfluxDBException e) {
        if (classify(e) == Failure.AUTH || ++attempt > target.maxRetries() || !pause(attempt)) {
          delivery.error(target + ": " + shorten(String.valueOf(e.getMessage()))
              + "; nothing written, the points stay in the points file: re-run the export when InfluxDB is back");
          return false;
        }
      }
    }
  }

  private boolean pause(int attempt) {
    try {
      sleeper.sleep(Math.min(8000, target.backoffMillis() << Math.min(attempt - 1, 10)));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static Failure classify(InfluxDBException e) {
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (m.contains("too large")) {
      return Failure.TOO_LARGE;
    }
    if (m.contains("partial write") || m.contains("unable to parse") || m.contains("field type conflict")
        || m.contains("points beyond retention") || m.contains("invalid") || m.contains("bad timestamp")) {
      return Failure.BAD_DATA;
    }
    if (m.contains("database not found")) {
      return Failure.NO_DATABASE;
    }
    if (m.contains("authorization failed") || m.contains("not authorized") || m.contains("user is required")
        || m.contains("authentication")) {
      return Failure.AUTH;
    }
    return Failure.RETRY;
  }

  /** Checks per measurement that InfluxDB holds, for this run, every line that was not rejected. */
  /** DELETE of the scope's points in each measurement the file holds. */
  private void deleteScope(Path file, Map<String, String> scope) throws IOException {
    java.util.Set<String> measurements = new java.util.TreeSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (!l.isEmpty() && !l.startsWith("#")) {
          measurements.add(LineProtocol.measurementOf(l));
        }
      }
    }
    for (String m : measurements) {
      if (!withRetries(() -> query("DELETE FROM " + quoteIdent(m) + " WHERE " + where(scope)))) {
        gaveUp = true;
        return;
      }
    }
  }

  private void query(String q) {
    QueryResult r = influx.query(new Query(q, target.database()));
    String error = r.hasError() ? r.getError() : r.getResults().get(0).hasError() ? r.getResults().get(0).getError() : null;
    if (error != null) {
      throw new InfluxDBException(error);
    }
  }

  /** The scope as an InfluxQL condition on the stored (sanitised) tag values. */
  static String where(Map<String, String> scope) {
    StringBuilder sb = new StringBuilder();
    new java.util.TreeMap<>(scope).forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append(" AND ");
      }
      sb.append(quoteIdent(k)).append(" = ").append(quoteString(LineProtocol.tagValue(v)));
    });
    return sb.toString();
  }

  private void verify(Map<String, String> scope) {
    Map<InfluxMeasurement, Long> expected = new EnumMap<>(InfluxMeasurement.class);
    for (InfluxMeasurement m : InfluxMeasurement.values()) {
      if (lines[m.ordinal()] > 0) {
        expected.put(m, lines[m.ordinal()] - rejected[m.ordinal()]);
      }
    }
    for (Map.Entry<InfluxMeasurement, Long> e : expected.entrySet()) {
      InfluxMeasurement m = e.getKey();
      long held;
      try {
        held = count(m, scope);
      } catch (InfluxDBException ex) {
        delivery.error("verify " + m.measurementName() + ": " + shorten(ex.getMessage()));
        continue;
      }
      if (held != e.getValue()) {
        delivery.error("verify " + m.measurementName() + ": InfluxDB holds " + held + " points of " + where(scope)
            + ", expected " + e.getValue() + " (" + lines[m.ordinal()] + " lines, " + rejected[m.ordinal()]
            + " rejected): duplicate timestamps in a series, or points written by something else");
      }
    }
  }

  private long count(InfluxMeasurement m, Map<String, String> scope) {
    QueryResult r = influx.query(new Query("SELECT count(" + quoteIdent(m.keyField()) + ") FROM "
        + quoteIdent(m.measurementName()) + " WHERE " + where(scope), target.database()));
    if (r.hasError()) {
      throw new InfluxDBException(r.getError());
    }
    QueryResult.Result first = r.getResults().get(0);
    if (first.hasError()) {
      throw new InfluxDBException(first.getError());
    }
    if (first.getSeries() == null || first.getSeries().isEmpty()) {
      return 0;
    }
    return ((Number) first.getSeries().get(0).getValues().get(0).get(1)).longValue();
  }

  static String quoteString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String quoteIdent(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static List<String> texts(List<LineBatcher.Line> batch) {
    List<String> t = new ArrayList<>(batch.size());
    for (LineBatcher.Line l : batch) {
      t.add(l.text());
    }
    return t;
  }

  private static String shorten(String s) {
    return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
