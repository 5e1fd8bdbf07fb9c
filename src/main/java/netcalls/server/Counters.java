package netcalls.server;

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

  ServerStats snapshot() {
    return new ServerStats(
        httpConnections.sum(), httpsConnections.sum(), tlsHandshakes.sum(), requests.sum(),
        http1Connections.sum(), h2Connections.sum(), h2cConnections.sum(), h2Streams.sum(), h2cStreams.sum());
  }
}
