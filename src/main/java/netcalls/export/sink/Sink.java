package netcalls.export.sink;

import java.nio.file.Path;

/**
 * Somewhere the lines of a points file go (InfluxDB, a Telegraf listener). The file is the single
 * source: a sink gets exactly its lines, and a failed delivery can be repeated from it. A new target is
 * one class implementing this.
 */
public interface Sink {
  /**
   * Sends every line of {@code pointsFile}, whose points are tagged {@code run=runId}. Never throws for
   * an unreachable or refusing target: what was sent, rejected or not sent is in the delivery.
   */
  Delivery deliver(Path pointsFile, String runId);
}
