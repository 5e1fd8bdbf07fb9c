package netcalls.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import netcalls.client.Client;
import netcalls.client.ClientKind;
import netcalls.client.ClientLibrary;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.client.Strategy;
import netcalls.client.TlsTrust;
import netcalls.run.RunFolder;
import netcalls.server.ServerConfig;
import netcalls.server.TargetServer;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open-loop runs against the built-in server over real loopback sockets. Counts come from the
 * server and the outcome; no assertion is about speed. Each test runs a few seconds at most.
 */
class OpenLoopTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** A client of {@code kind} with the reuse strategy and at most {@code connections} connections per host. */
  private record Loaded(ClientLibrary library, Client client) implements AutoCloseable {
    static Loaded open(ClientKind kind, TargetServer server, int connections, Duration timeout) {
      ClientOptions o = ClientOptions.defaults(TlsTrust.of(List.of(server.certificate().certificate())))
          .withTimeouts(Duration.ofSeconds(5), timeout, timeout)
          .withMaxConnectionsPerHost(connections);
      ClientLibrary library = kind.open(o);
      return new Loaded(library, Strategy.reuse.open(kind, library));
    }

    PreparedRequest prepare(TargetServer server, String path) {
      return client.prepare(Request.get(server.baseUri("http"), path));
    }

    @Override
    public void close() {
      client.close();
      library.close();
    }
  }

  @Test
  void everyScheduledRequestReachesTheServerOnceAndTheRateIsReached() throws Exception {
    try (TargetServer server = TargetServer.start(ServerConfig.defaults());
        Loaded okhttp = Loaded.open(ClientKind.okhttp, server, 4, TIMEOUT)) {
      PreparedRequest get = okhttp.prepare(server, "/bytes/1024");
      long before = server.stats().requests();

      LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofSeconds(2)),
          () -> okhttp.client().callAsync(get), TIMEOUT, 0);

      // the server's own count: 100/s x 2 s, each sent once
      assertThat(server.stats().requests() - before).isEqualTo(200);
      assertThat(o.scheduled()).isEqualTo(200);
      assertThat(o.ok()).isEqualTo(200);
      assertThat(o.failed()).isZero();
      assertThat(o.corrected().getTotalCount()).isEqualTo(200);
      assertThat(o.uncorrected().getTotalCount()).isEqualTo(200);
      assertThat(o.sendLag().getTotalCount()).isEqualTo(200);
      assertThat(o.rateReached()).as("achieved %.1f/s", o.achievedRate()).isTrue();
      assertThat(o.problems(0.01)).isEmpty();
      assertCorrectedNeverBelowUncorrected(o);
    }
  }

  @Test
  void aSlowResponseDoesNotDelayTheNextSend() throws Exception {
    // every response takes 3 s; the 50 sends of the schedule span 1 s: all of them go out before
    // any response is back, so no send waited for one
    try (TargetServer server = TargetServer.start(ServerConfig.defaults());
        Loaded okhttp = Loaded.open(ClientKind.okhttp, server, 64, TIMEOUT)) {
      PreparedRequest slow = okhttp.prepare(server, "/delay/3000");
      AtomicInteger done = new AtomicInteger();
      AtomicInteger sentWhileNoneDone = new AtomicInteger();

      LoadOutcome o = OpenLoop.run(Schedule.constantRate(50, Duration.ofSeconds(1)), () -> {
        if (done.get() == 0) {
          sentWhileNoneDone.incrementAndGet();
        }
        return okhttp.client().callAsync(slow).whenComplete((bytes, error) -> done.incrementAndGet());
      }, TIMEOUT, 0);

      assertThat(sentWhileNoneDone.get()).isEqualTo(50);
      assertThat(o.ok()).isEqualTo(50);
      assertCorrectedNeverBelowUncorrected(o);
    }
  }

  @Test
  void aRateTheClientCannotReachIsReportedAsNotReachedWithoutLatencies(@TempDir Path dir) throws Exception {
    // one connection to a server that takes 20 ms per response: at most ~50 responses/s, asked 100/s
    try (TargetServer server = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(20_000));
        Loaded okhttp = Loaded.open(ClientKind.okhttp, server, 1, TIMEOUT)) {
      PreparedRequest get = okhttp.prepare(server, "/bytes/1024");
      long before = server.stats().requests();

      LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofSeconds(1)),
          () -> okhttp.client().callAsync(get), TIMEOUT, 0);

      assertThat(server.stats().requests() - before).isEqualTo(100);
      assertThat(o.ok()).isEqualTo(100);
      assertThat(o.rateReached()).isFalse();
      assertThat(o.achievedRate()).isLessThan(60);
      assertThat(o.problems(0.01)).singleElement().asString().startsWith("rate not reached");

      Path json = LoadReport.write(RunFolder.of(dir), "t", o, 0.01, Map.of("benchmark", "test"));
      String text = Files.readString(json);
      assertThat(text).contains("\"status\" : \"not_valid\"", "\"rate_reached\" : false",
          "\"corrected_us\" : null", "\"uncorrected_us\" : null", "rate not reached");
      // the distributions stay on disk for diagnosis
      assertThat(dir.resolve("openloop/t.corrected.hgrm")).exists();
    }
  }

  @Test
  void aStalledServerBehindASenderThatWaitsShowsOnlyInTheCorrectedLatency() throws Exception {
    // the closed loop that coordinated omission comes from: each send waits for its response, so
    // while the server stalls 20 ms per response the schedule (100/s, one every 10 ms) falls
    // behind; the service time stays ~20 ms, the latency from the intended start grows
    try (TargetServer server = TargetServer.start(ServerConfig.defaults().withServiceDelayMicros(20_000));
        Loaded okhttp = Loaded.open(ClientKind.okhttp, server, 1, TIMEOUT)) {
      PreparedRequest get = okhttp.prepare(server, "/bytes/1024");
      long before = server.stats().requests();

      LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofSeconds(1)), () -> {
        try {
          return CompletableFuture.completedFuture(okhttp.client().call(get));
        } catch (IOException e) {
          return CompletableFuture.failedFuture(e);
        }
      }, TIMEOUT, 0);

      assertThat(server.stats().requests() - before).isEqualTo(100);
      assertThat(o.ok()).isEqualTo(100);
      assertCorrectedNeverBelowUncorrected(o);
      long correctedP90 = o.corrected().getValueAtPercentile(90);
      long uncorrectedP90 = o.uncorrected().getValueAtPercentile(90);
      // every response takes at least the stall, so the uncorrected p90 is >= 20 ms; 100 requests
      // of >= 20 ms each cannot all start within their 10 ms slots: the later ones are >= 0.5 s late
      assertThat(uncorrectedP90).isGreaterThanOrEqualTo(20_000_000L);
      assertThat(correctedP90).as("corrected p90 %d ns vs uncorrected %d ns", correctedP90, uncorrectedP90)
          .isGreaterThan(5 * uncorrectedP90);
      assertThat(o.sendLag().getValueAtPercentile(90)).isGreaterThanOrEqualTo(500_000_000L);
      assertThat(o.rateReached()).isFalse();
    }
  }

  @Test
  void aSenderHeldUpPastTheTimeoutSkipsTheRequestsWhoseTimeHasPassedAsTimeouts() throws Exception {
    // each send blocks the generator for 300 ms (as AsyncHttpClient's does while it waits for a free
    // connection): 100 requests at 100/s would take 30 s to send one after the other; a request the
    // sender reaches more than the 100 ms timeout late is a timeout for its user and is not sent
    AtomicInteger sends = new AtomicInteger();
    LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofSeconds(1)), () -> {
      sends.incrementAndGet();
      LockSupport.parkNanos(Duration.ofMillis(300).toNanos());
      return CompletableFuture.completedFuture(1L);
    }, Duration.ofMillis(100), 0);

    assertThat(sends.get()).as("sends made").isBetween(2, 10);
    assertThat(o.ok()).isEqualTo(sends.get());
    assertThat(o.failures()).containsOnlyKeys(SendTimeoutException.class.getName());
    assertThat(o.failed()).isEqualTo(100 - sends.get());
    assertThat(o.timeouts()).as("skipped requests are timeouts").isEqualTo(o.failed());
    assertThat(o.ok() + o.failed() + o.unfinished()).isEqualTo(o.scheduled());
    // every scheduled request is in the corrected tail: an unsent one at no less than its timeout
    assertThat(o.corrected().getTotalCount()).as("every scheduled request has a latency").isEqualTo(100);
    long atTimeout = o.corrected().getCountBetweenValues(
        o.corrected().lowestEquivalentValue(Duration.ofMillis(100).toNanos()), o.corrected().getMaxValue());
    assertThat(atTimeout).as("the skipped ones sit at or beyond the timeout").isGreaterThanOrEqualTo(o.failed());
    assertThat(o.problems(0.01)).anySatisfy(p -> assertThat(p).startsWith("error budget exceeded"));
  }

  @Test
  void anInFlightCapHoldsRequestsOnTheSenderAndCountsTheirWaitFromTheIntendedStart() throws Exception {
    // responses complete 50 ms after their send, 100 requests/s: uncapped about 5 are open at once; with 2 slots
    // the sender waits for one, so no more than 2 are ever open and the wait shows in the corrected latency
    AtomicInteger open = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try {
      LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofMillis(500)), () -> {
        most.accumulateAndGet(open.incrementAndGet(), Math::max);
        CompletableFuture<Long> f = new CompletableFuture<>();
        timer.schedule(() -> {
          open.decrementAndGet();
          f.complete(1L);
        }, 50, TimeUnit.MILLISECONDS);
        return f;
      }, Duration.ofSeconds(5), 2);

      assertThat(most.get()).as("requests open at once").isEqualTo(2);
      assertThat(o.ok()).isEqualTo(50);
      assertThat(o.failed()).isZero();
      assertCorrectedNeverBelowUncorrected(o);
      // 50 requests through 2 slots of 50 ms take >= 1.25 s for a 0.5 s schedule: the last ones wait > 0.5 s
      assertThat(o.corrected().getMaxValue()).isGreaterThan(500_000_000L);
      assertThat(o.sendLag().getMaxValue()).isGreaterThan(400_000_000L);
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void failuresAreCountedApartFromCompletedRequests() throws Exception {
    try (TargetServer server = TargetServer.start(ServerConfig.defaults());
        Loaded okhttp = Loaded.open(ClientKind.okhttp, server, 4, TIMEOUT)) {
      PreparedRequest good = okhttp.prepare(server, "/bytes/1024");
      PreparedRequest bad = okhttp.prepare(server, "/status/500");
      AtomicInteger n = new AtomicInteger();
      long before = server.stats().requests();

      LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofSeconds(1)),
          () -> okhttp.client().callAsync(n.getAndIncrement() % 2 == 0 ? good : bad), TIMEOUT, 0);

      assertThat(server.stats().requests() - before).isEqualTo(100);
      assertThat(o.ok()).isEqualTo(50);
      assertThat(o.failures()).containsExactly(Map.entry("netcalls.client.HttpStatusException", 50L));
      assertThat(o.failed()).isEqualTo(50);
      assertThat(o.timeouts()).isZero();
      // the failed requests are in the corrected tail too (at the time they took to fail); the service time
      // histogram is the completed requests'
      assertThat(o.corrected().getTotalCount()).isEqualTo(100);
      assertThat(o.uncorrected().getTotalCount()).isEqualTo(50);
      assertThat(o.errorFraction()).isEqualTo(0.5);
      assertThat(o.problems(0.01)).anySatisfy(p -> assertThat(p).startsWith("error budget exceeded: 50 of 100"));
      assertThat(o.problems(0.6)).noneSatisfy(p -> assertThat(p).startsWith("error budget"));
    }
  }

  @Test
  void requestsSlowerThanTheTimeoutAreTimeoutsNotLatencies(@TempDir Path dir) throws Exception {
    try (TargetServer server = TargetServer.start(ServerConfig.defaults());
        Loaded okhttp = Loaded.open(ClientKind.okhttp, server, 4, Duration.ofMillis(200))) {
      PreparedRequest slow = okhttp.prepare(server, "/delay/3000");

      LoadOutcome o = OpenLoop.run(Schedule.constantRate(10, Duration.ofMillis(500)),
          () -> okhttp.client().callAsync(slow), Duration.ofMillis(200), 0);

      assertThat(o.scheduled()).isEqualTo(5);
      assertThat(o.ok()).isZero();
      assertThat(o.failed()).isEqualTo(5);
      assertThat(o.timeouts() + o.unfinished()).isEqualTo(5);
      // none completed, yet all five are in the corrected tail at no less than the 200 ms they were given
      assertThat(o.corrected().getTotalCount()).isEqualTo(5);
      assertThat(o.corrected().getMinValue()).isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos() * 999 / 1000);
      assertThat(o.uncorrected().getTotalCount()).isZero();
      assertThat(o.problems(0.01)).anySatisfy(p -> assertThat(p).startsWith("error budget exceeded"));
      // a run where nothing completed still leaves its files
      String json = Files.readString(LoadReport.write(RunFolder.of(dir), "t", o, 0.01, Map.of()));
      assertThat(json).contains("\"ok\" : 0", "\"timeouts\" : 5", "\"corrected_us\" : null");
      assertThat(dir.resolve("openloop/t.corrected.hgrm")).exists();
    }
  }

  @Test
  void theHgrmFilesAreHdrHistogramPercentileDistributionsInMicroseconds(@TempDir Path dir) throws Exception {
    Histogram h = new Histogram(3);
    for (int i = 1; i <= 1000; i++) {
      h.recordValue(i * 1_000L); // 1 .. 1000 µs
    }
    LoadOutcome o = new LoadOutcome(100, 1000, 1000, Map.of(), 0, 0, 10_000_000_000L, 1_000_000_000L, h, h.copy(),
        new Histogram(3));

    Path json = LoadReport.write(RunFolder.of(dir), "t", o, 0.01, Map.of("benchmark", "test"));

    List<String> lines = Files.readAllLines(dir.resolve("openloop/t.uncorrected.hgrm"));
    assertThat(lines.get(0).trim()).matches("Value\\s+Percentile\\s+TotalCount\\s+1/\\(1-Percentile\\)");
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("#[Max     =     1000.447"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("Total count    =         1000"));
    assertThat(Files.readString(json)).contains("\"status\" : \"ok\"", "\"p99\" : 990.", "\"achieved_rate\" : 100.0",
        "\"cores_used\" : 0.1");
  }

  @Test
  void requestsThatNeverComeBackEnterTheTailAtTheTimeTheyWereGivenUp(@TempDir Path dir) throws Exception {
    // every other response never comes: the survivors' p99 would be ~0; counted, the top half sits at the give-up
    // time, the end of the run's wait (timeout + 1 s after the last intended start)
    AtomicInteger n = new AtomicInteger();
    Duration timeout = Duration.ofMillis(100);
    LoadOutcome o = OpenLoop.run(Schedule.constantRate(100, Duration.ofMillis(200)),
        () -> n.getAndIncrement() % 2 == 0 ? CompletableFuture.completedFuture(1L) : new CompletableFuture<>(),
        timeout, 0);

    assertThat(o.ok()).isEqualTo(10);
    assertThat(o.unfinished()).isEqualTo(10);
    assertThat(o.ok() + o.failed()).isEqualTo(o.scheduled());
    assertThat(o.corrected().getTotalCount()).isEqualTo(20);
    assertThat(o.corrected().getValueAtPercentile(60)).isGreaterThanOrEqualTo(timeout.plusSeconds(1).toNanos() * 999 / 1000);
    assertThat(o.uncorrected().getTotalCount()).isEqualTo(10);

    String json = Files.readString(LoadReport.write(RunFolder.of(dir), "t", o, 0.6, Map.of()));
    assertThat(json).contains("\"tail\" : \"all_scheduled\"", "\"generator_floor_us\" :", "\"spin_us\" : 50.0",
        "\"thin_percentiles\" : [ \"p90\", \"p99\", \"p99.9\", \"p99.99\" ]");
    assertThat(Files.readAllLines(dir.resolve("openloop/t.corrected.hgrm")))
        .anySatisfy(l -> assertThat(l).startsWith("#[Tail: all_scheduled"));
  }

  @Test
  void theSenderSpinsOnlyTheLastStretchBeforeASendAndNeverMoreThanATenthOfThePeriod() throws Exception {
    assertThat(OpenLoop.spinNanos(100)).isEqualTo(OpenLoop.SPIN_MAX_NANOS);
    // at 10,000 requests/s the period is 100 µs: at most 10 µs of it spun
    assertThat(OpenLoop.spinNanos(10_000)).isEqualTo(10_000);
    assertThat(OpenLoop.spinNanos(1e7)).isLessThanOrEqualTo(10);
    for (int i = 0; i < 20; i++) {
      long deadline = System.nanoTime() + 2_000_000;
      OpenLoop.waitUntil(deadline, OpenLoop.spinNanos(100));
      assertThat(System.nanoTime()).as("never returns before the intended start").isGreaterThanOrEqualTo(deadline);
    }
  }

  private static void assertCorrectedNeverBelowUncorrected(LoadOutcome o) {
    for (double p : LoadOutcome.PERCENTILES) {
      assertThat(o.corrected().getValueAtPercentile(p)).as("p%s", p)
          .isGreaterThanOrEqualTo(o.uncorrected().getValueAtPercentile(p));
    }
    assertThat(o.corrected().getMaxValue()).isGreaterThanOrEqualTo(o.uncorrected().getMaxValue());
  }
}
