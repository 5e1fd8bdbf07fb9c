package netcalls.server;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Live counters, updated from the event loops; LongAdder keeps the two worker threads off one cache line. */
final class Counters {
  final LongAdder httpConnections = new LongAdder();
  final LongAdder httpsConnections = new LongAdder();
  final LongAdder tlsHandshakes = new LongAdder();
  final LongAdder requests = new LongAdder();
  final LongAdder http1Connections = new LongAdder();
  final LongAdder h2Connections = new LongAdder();
  final LongAdder h2cConnections = new LongAdder();
  final LongAdder h2Streams = new LongAdder();
  final LongAdder h2cStreams = new LongAdder();
  /** /delay requests whose response is not yet due; an exact gauge, as the overlap count reads it. */
  final AtomicLong delaysPending = new AtomicLong();
  final LongAdder delaysOverlapped = new LongAdder();

  /** A /delay request arrived: counts it as overlapped when another one is still pending. */
  void delayStarted() {
    if (delaysPending.getAndIncrement() > 0) {
      delaysOverlapped.increment();
    }
  }

  void delayEnded() {
    delaysPending.decrementAndGet();
  }

  ServerStats snapshot() {
    return new ServerStats(
        httpConnections.sum(), httpsConnections.sum(), tlsHandshakes.sum(), requests.sum(),
        http1Connections.sum(), h2Connections.sum(), h2cConnections.sum(), h2Streams.sum(), h2cStreams.sum(),
        delaysOverlapped.sum());
  }
}
