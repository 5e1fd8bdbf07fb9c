package netcalls.export.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.LineProtocol;

/**
 * Writes a line protocol file to InfluxDB 1.x synchronously, batch by batch (split by bytes), with
 * nanosecond precision, and accounts for every line. The server's answer decides:
 * <ul>
 *   <li>204: written.
 *   <li>400 "partial write ... dropped=N": the other lines were written, N are rejected with the server's
 *       reason, whole. When every line of a batch was dropped for one reason (beyond the retention policy,
 *       {@code max-values-per-tag}, a field type conflict) the next batches would be too: the export stops
 *       at once and says what to do. 400 without a partial write (lines InfluxDB cannot parse at all): the
 *       batch is halved until the bad lines are alone.
 *   <li>413 (body too large): halved, never retried whole.
 *   <li>401, 403, 404 (database missing and not creatable), a missing retention policy: final, at once, with
 *       what to do; retrying cannot help.
 *   <li>5xx, no answer, a host that does not resolve: retried with doubling backoff and jitter; then given up,
 *       and every line not written is counted.
 * </ul>
 * The run's {@code netcalls_run} point (the completion marker) is held back and sent last, only when every
 * other line was written and counted back with {@code SELECT count(key)} per measurement. Re-sending after a
 * failure is safe: points have fixed times, so what arrived before is overwritten, never doubled.
 *
 * <p>Longer than most classes because every line's fate (written, rejected, not written) is decided and counted
 * in this one place; what the server's words mean is {@link InfluxAnswers}', the HTTP itself {@link InfluxHttp}'s.
 */
public final class InfluxSink implements Sink {
  private final InfluxTarget target;
  private final Sleeper sleeper;
  private final Runnable afterBatch;
  private final Progress progress;
  private final long[] lines = new long[InfluxMeasurement.values().length];
  private final long[] rejected = new long[InfluxMeasurement.values().length];
  private Delivery delivery;
  private InfluxHttp http;
  private boolean stopped;
  private final Set<String> advised = new java.util.HashSet<>();

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
    stopped = false;
    http = new InfluxHttp(target);
    List<LineBatcher.Line> markers = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      createDatabase();
      if (replace && !stopped) {
        deleteScope(file, scope);
      }
      LineBatcher batcher = new LineBatcher(in, target.maxBatchBytes());
      for (List<LineBatcher.Line> batch = batcher.next(); !batch.isEmpty(); batch = batcher.next()) {
        List<LineBatcher.Line> now = new ArrayList<>(batch.size());
        for (LineBatcher.Line l : batch) {
          delivery.line();
          InfluxMeasurement m = InfluxMeasurement.byName(LineProtocol.measurementOf(l.text()));
          if (m != null) {
            lines[m.ordinal()]++;
          }
          (m == InfluxMeasurement.RUN ? markers : now).add(l);
        }
        if (!now.isEmpty()) {
          send(now, true);
        }
        afterBatch.run();
        progress.tick(delivery.written(), target + ", line " + batch.get(batch.size() - 1).number());
      }
      finish(scope, markers);
    } catch (IOException e) {
      delivery.error(file + ": could not be read: " + e.getMessage());
    } finally {
      http.close();
    }
    return delivery;
  }

  /** Verifies what was sent, then sends the completion marker and verifies it; or says why it is withheld. */
  private void finish(Map<String, String> scope, List<LineBatcher.Line> markers) {
    if (stopped) {
      delivery.notWritten(markers.size());
      return;
    }
    boolean verified = !target.verifies() || verify(scope, true); // write-only: the store's 204s are all there is
    boolean complete = verified && delivery.rejectedCount() == 0 && delivery.notWritten() == 0;
    if (markers.isEmpty()) {
      return;
    }
    if (!complete) {
      delivery.notWritten(markers.size());
      delivery.error("netcalls_run (the completion marker) not sent, because not every other point arrived:"
          + " the run stays incomplete in InfluxDB; fix the cause and re-run the export");
      return;
    }
    send(markers, false);
    if (!stopped && target.verifies()) {
      verifyOne(InfluxMeasurement.RUN, scope);
    }
  }

  /**
   * CREATE DATABASE is idempotent; a user without admin rights may still write to an existing one. Not sent with
   * a token (InfluxDB 2.x/3.x: the bucket and its DBRP mapping must exist) or with {@code --write-only}.
   */
  private void createDatabase() {
    if (!target.createsDatabase()) {
      return;
    }
    InfluxHttp.Answer a = withRetries("CREATE DATABASE " + InfluxAnswers.quoteIdent(target.database()));
    if (a != null && !a.ok() && a.code() != 401 && a.code() != 403 && !InfluxAnswers.isAuth(a.error())) {
      stop("CREATE DATABASE: " + InfluxAnswers.shorten(a.error()));
    }
  }

  /** DELETE of the scope's points in each measurement the file holds. */
  private void deleteScope(Path file, Map<String, String> scope) throws IOException {
    Set<String> measurements = new TreeSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String l = in.readLine(); l != null; l = in.readLine()) {
        if (!l.isEmpty() && !l.startsWith("#")) {
          measurements.add(LineProtocol.measurementOf(l));
        }
      }
    }
    for (String m : measurements) {
      InfluxHttp.Answer a = withRetries("DELETE FROM " + InfluxAnswers.quoteIdent(m) + " WHERE " + InfluxAnswers.where(scope));
      if (a != null && !a.ok()) {
        stop("DELETE of the earlier points: " + InfluxAnswers.finalAdvice(a, target));
      }
      if (stopped) {
        return;
      }
    }
  }

  /** A statement, retried while the server cannot be reached or answers 5xx; null when given up (then stopped). */
  private InfluxHttp.Answer withRetries(String statement) {
    long since = 0;
    for (int attempt = 1; ; attempt++) {
      String why;
      try {
        progress.waitingFor("waiting for " + target + " to answer " + statement + " (attempt " + attempt + "; "
            + delivery.written() + " points written so far)");
        InfluxHttp.Answer a = http.query(statement);
        if (a.code() / 100 != 5) {
          return a;
        }
        why = InfluxAnswers.shorten(a.error()) + " (HTTP " + a.code() + ")";
      } catch (IOException e) {
        why = unreachable(e);
      } finally {
        progress.waitingFor(null);
      }
      since = since == 0 ? System.nanoTime() : since;
      String end = retry(attempt, since, why);
      if (end != null) {
        stop(why + " (" + end + ")" + notWrittenAdvice());
        return null;
      }
    }
  }

  /**
   * Before retry number {@code attempt} (1-based, after that many failed attempts): null once the wait is over, or
   * why there is no retry (--retries used up, the retry budget spent since the first failure {@code since}, an
   * interrupt). Each retry is announced at once, with what failed and when it is given up.
   */
  private String retry(int attempt, long since, String why) {
    long spentMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - since);
    if (attempt > target.maxRetries()) {
      return "gave up after " + attempt + " attempts";
    }
    long wait = backoff(attempt);
    if (spentMs + wait > target.retryBudgetMillis()) {
      return "gave up after " + attempt + " attempts in " + seconds(spentMs) + ": the retry budget is "
          + seconds(target.retryBudgetMillis()) + " from the first failure";
    }
    progress.say(target + ": " + why + "; retry " + attempt + " of " + target.maxRetries() + " in "
        + seconds(wait) + " (given up " + seconds(target.retryBudgetMillis()) + " after the first failure)");
    try {
      sleeper.sleep(wait);
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
  }

  /** Sends lines, by the server's answer (see the class comment); {@code whole}: a batch as read, not a half. */
  private void send(List<LineBatcher.Line> batch, boolean whole) {
    if (stopped) {
      delivery.notWritten(batch.size());
      return;
    }
    boolean createdDatabase = false;
    long since = 0;
    for (int attempt = 0; ; ) {
      InfluxHttp.Answer a;
      try {
        delivery.request();
        progress.waitingFor("waiting for " + target + " to answer the write of lines " + batch.get(0).number() + "-"
            + batch.get(batch.size() - 1).number() + " (" + delivery.written() + " points written so far)");
        a = http.write(texts(batch));
      } catch (IOException e) {
        since = since == 0 ? System.nanoTime() : since;
        String end = retry(++attempt, since, unreachable(e));
        if (end != null) {
          giveUp(unreachable(e), end, batch);
          return;
        }
        continue;
      } finally {
        progress.waitingFor(null);
      }
      if (a.ok()) {
        delivery.written(batch.size());
        return;
      }
      String error = a.error() == null ? "" : a.error();
      if (a.code() == 413 || error.contains("too large")) {
        if (batch.size() == 1) {
          reject(batch.get(0), "larger than the server's max-body-size (" + LineBatcher.utf8Length(batch.get(0).text())
              + " bytes)");
          return;
        }
        halve(batch);
        return;
      }
      if (error.contains("database not found") && !createdDatabase && target.createsDatabase()) {
        createdDatabase = true;
        createDatabase();
        continue;
      }
      if (InfluxAnswers.isFinal(a)) {
        delivery.notWritten(batch.size());
        stop(InfluxAnswers.finalAdvice(a, target));
        return;
      }
      if (a.code() == 400) {
        badData(batch, error, whole);
        return;
      }
      since = since == 0 ? System.nanoTime() : since;
      String why = InfluxAnswers.shorten(error) + " (HTTP " + a.code() + ")";
      String end = retry(++attempt, since, why);
      if (end != null) {
        giveUp(why, end, batch);
        return;
      }
    }
  }

  /**
   * A 400. InfluxDB 1.x writes the good lines of a batch and answers "partial write: REASON dropped=N", where N
   * counts refused points but not unparsable lines (those it names, "unable to parse 'LINE'"), and names only one
   * reason when there are several. So: every line refused for one reason is known exactly (and in a whole batch
   * stops the export: the next batches would meet it too); unparsable lines alone are known by name; anything
   * else is halved until each refused line is alone (the good lines are re-sent: same points, no doubles).
   */
  private void badData(List<LineBatcher.Line> batch, String error, boolean whole) {
    long dropped = InfluxAnswers.dropped(error);
    String reason = InfluxAnswers.shortenEchoes(error);
    long first = batch.get(0).number();
    long last = batch.get(batch.size() - 1).number();
    List<LineBatcher.Line> named = InfluxAnswers.parseErrorLines(batch, error);
    if (error.contains("partial write") && named.isEmpty() && dropped == batch.size()) {
      delivery.rejected(first, last, dropped, reason);
      batch.forEach(this::count);
      if (!(whole && batch.size() > 1)) {
        advise(reason);
      }
      if (whole && batch.size() > 1) {
        stop("every line of lines " + first + "-" + last + " was refused: " + reason + ". " + InfluxAnswers.whatToDo(error));
      }
      return;
    }
    if (error.contains("partial write") && dropped == 0 && !named.isEmpty() && !error.contains("field type")) {
      delivery.written(batch.size() - named.size());
      for (LineBatcher.Line l : named) {
        reject(l, reason);
      }
      return;
    }
    if (batch.size() == 1) {
      reject(batch.get(0), reason);
      return;
    }
    halve(batch);
  }

  private void halve(List<LineBatcher.Line> batch) {
    int half = batch.size() / 2;
    send(batch.subList(0, half), false);
    send(batch.subList(half, batch.size()), false);
  }

  private void reject(LineBatcher.Line l, String reason) {
    delivery.rejected(l.number(), l.number(), 1, reason);
    count(l);
    advise(reason);
  }

  /** Once per kind of reason that has a remedy (a limit, a retention policy, a type conflict), what to do. */
  private void advise(String reason) {
    String todo = InfluxAnswers.whatToDo(reason);
    if (!todo.startsWith("Fix the cause") && advised.add(todo)) {
      delivery.error(todo);
    }
  }

  private void count(LineBatcher.Line l) {
    InfluxMeasurement m = InfluxMeasurement.byName(LineProtocol.measurementOf(l.text()));
    if (m != null) {
      rejected[m.ordinal()]++;
    }
  }

  private void giveUp(String reason, String end, List<LineBatcher.Line> batch) {
    delivery.notWritten(batch.size());
    stop(reason + " (" + end + ")" + notWrittenAdvice());
  }

  private static String notWrittenAdvice() {
    return "; the points stay in the points file: re-run the export when InfluxDB is back (what arrived is"
        + " overwritten, never doubled)";
  }

  /** Stops sending: every later line is counted as not written; the reason is the delivery's error. */
  private void stop(String reason) {
    if (!stopped) {
      stopped = true;
      delivery.error(target + ": " + reason);
    }
  }

  private String unreachable(IOException e) {
    if (e instanceof UnknownHostException) {
      return "host " + java.net.URI.create(target.url()).getHost() + " does not resolve (DNS): check the URL";
    }
    if (e instanceof java.io.InterruptedIOException && !(e instanceof java.net.SocketTimeoutException)) {
      // OkHttp's call timeout: the whole request's deadline, which a trickling answer cannot stretch
      return "no whole answer within " + seconds(target.requestTimeoutMillis()) + " (the deadline of one request)";
    }
    return "no answer: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }

  /** The wait before retry {@code attempt} (1-based): doubling from the target's backoff, at most 8 s, ±50 % jitter. */
  private long backoff(int attempt) {
    long base = Math.min(8000, target.backoffMillis() << Math.min(attempt - 1, 10));
    // jitter: exports retrying after one outage do not hit the server in step
    return base / 2 + ThreadLocalRandom.current().nextLong(base + 1);
  }

  /** Checks per measurement (the marker apart) that InfluxDB holds every line that was not rejected. */
  private boolean verify(Map<String, String> scope, boolean exceptMarker) {
    boolean ok = true;
    for (InfluxMeasurement m : InfluxMeasurement.values()) {
      if (lines[m.ordinal()] > 0 && !(exceptMarker && m == InfluxMeasurement.RUN)) {
        ok &= verifyOne(m, scope);
      }
    }
    return ok;
  }

  private boolean verifyOne(InfluxMeasurement m, Map<String, String> scope) {
    long expected = lines[m.ordinal()] - rejected[m.ordinal()];
    long held;
    try {
      held = http.count(m.keyField(), m.measurementName(), InfluxAnswers.where(scope));
    } catch (IOException e) {
      delivery.error("verify " + m.measurementName() + ": " + InfluxAnswers.shorten(e.getMessage()));
      return false;
    }
    if (held != expected) {
      // what was acknowledged and what was found: the cause is not checked here, so none is named
      if (held < expected) {
        delivery.notFound(expected - held);
      }
      delivery.error("verify " + m.measurementName() + ": the server acknowledged " + expected + " points of "
          + InfluxAnswers.where(scope) + " (" + lines[m.ordinal()] + " lines, " + rejected[m.ordinal()] + " rejected)"
          + " and a count now finds " + held + (held < expected ? ": " + (expected - held) + " acknowledged points"
          + " are not there" : ": " + (held - expected) + " more than were sent"));
      return false;
    }
    return true;
  }

  private static List<String> texts(List<LineBatcher.Line> batch) {
    List<String> t = new ArrayList<>(batch.size());
    for (LineBatcher.Line l : batch) {
      t.add(l.text());
    }
    return t;
  }


}
