package netcalls.run;

import java.util.List;

/**
 * The columns of a sample file ({@code samples/<trial>.csv}), in file order: the contract between
 * the writer in the benchmark forks and every reader (exporter, summary, compare). docs/SAMPLES.md
 * describes each column; a phase column holds nanoseconds, empty when the phase did not happen.
 */
public final class SampleSchema {
  public static final int SEQ = 0;
  public static final int START_NS = 1;
  public static final int LEG = 2;
  public static final int TARGET = 3;
  public static final int ENDPOINT = 4;
  public static final int STATUS = 5;
  public static final int BYTES = 6;
  public static final int REUSED = 7;
  public static final int REDIRECTS = 8;
  public static final int BLOCKED = 9;
  public static final int DNS = 10;
  public static final int CONNECTING = 11;
  public static final int TLS_HANDSHAKING = 12;
  public static final int SENDING = 13;
  public static final int WAITING = 14;
  public static final int RECEIVING = 15;
  public static final int DURATION = 16;
  public static final int EXCEPTION = 17;
  public static final int ROOT_CAUSE = 18;

  /** Column names by index. */
  public static final List<String> COLUMNS = List.of("seq", "start_ns", "leg", "target", "endpoint", "status",
      "bytes", "reused", "redirects", "blocked_ns", "dns_ns", "connecting_ns", "tls_handshaking_ns", "sending_ns",
      "waiting_ns", "receiving_ns", "duration_ns", "exception", "root_cause");

  /** The phase columns in phase order (blocked … receiving), then duration. */
  public static final int[] PHASE_COLUMNS = {BLOCKED, DNS, CONNECTING, TLS_HANDSHAKING, SENDING, WAITING, RECEIVING};

  /** The CSV header line, without its newline. */
  public static final String HEADER = String.join(",", COLUMNS);

  private SampleSchema() {}

  /** The column of a phase by its k6 name ({@code waiting} → {@code waiting_ns}), or -1. */
  public static int phaseColumn(String phase) {
    return COLUMNS.indexOf(phase + "_ns");
  }
}
